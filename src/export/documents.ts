/**
 * The export shape of a document and its claims (the contract in
 * shared/gold/README.md, plus more fields). Shared by the CLI and the API.
 */
import type { DocumentRecord, Mention } from '../core/types.js';
import type { StoredClaim } from '../store/types.js';

export interface ExportedClaim {
  id: string;
  category: string;
  value: number;
  low: number;
  high: number;
  approx: string;
  subject: string | null;
  subgroup: string | null;
  relation: string | null;
  parent: string | null;
  location: string[];
  location_inferred: boolean;
  time: { start: string; end: string; precision: string; inferred: boolean; text: string | null } | null;
  condition: string | null;
  attribution: string | null;
  attribution_inferred: boolean;
  start: number;
  end: number;
  quote: string;
  text_start: number;
  text_end: number;
  rules: string[];
  note: string | null;
}

export function exportClaim(c: StoredClaim): ExportedClaim {
  return {
    id: c.id,
    category: c.category,
    value: c.value,
    low: c.low,
    high: c.high,
    approx: c.approx,
    subject: c.subject,
    subgroup: c.subgroup,
    relation: c.relation,
    parent: c.parent === null ? null : `${c.document}:${c.parent}`,
    location: c.location,
    location_inferred: c.locationInferred,
    time: c.time ? { start: c.time.start, end: c.time.end, precision: c.time.precision, inferred: Boolean(c.time.inferred), text: c.time.text ?? null } : null,
    condition: c.condition,
    attribution: c.attribution,
    attribution_inferred: c.attributionInferred,
    start: c.start,
    end: c.end,
    quote: c.quote,
    text_start: c.textStart,
    text_end: c.textEnd,
    rules: c.rules,
    note: c.note ?? null,
  };
}

export interface ExportedDocument {
  id: string;
  source: string;
  version: number;
  superseded_by: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  url: string | null;
  author: string | null;
  format: string;
  encoding: string;
  ingested_at: string;
  text: string;
  claims: ExportedClaim[];
  mentions?: Mention[];
}

export function exportDocument(d: DocumentRecord, claims: StoredClaim[], mentions?: Mention[]): ExportedDocument {
  const out: ExportedDocument = {
    id: d.id,
    source: d.source,
    version: d.version,
    superseded_by: d.supersededBy,
    title: d.title,
    outlet: d.outlet,
    published: d.published,
    language: d.language,
    url: d.url,
    author: d.author,
    format: d.format,
    encoding: d.encoding,
    ingested_at: d.ingestedAt,
    text: d.text,
    claims: claims.map(exportClaim),
  };
  if (mentions) out.mentions = mentions;
  return out;
}
