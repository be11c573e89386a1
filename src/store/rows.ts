/**
 * Row ↔ domain conversions shared by the SQL stores: one place that knows how
 * a claim or a mention is laid out in columns.
 */
import type { Claim, DocumentRecord, Mention, TimeSpan } from '../core/types.js';
import type { StoreStats, StoredClaim } from './types.js';

export const CLAIM_COLUMNS = [
  'document_id', 'idx', 'category', 'value', 'low', 'high', 'approx', 'subject', 'subgroup', 'relation', 'parent',
  'location', 'location_inferred', 'time_start', 'time_end', 'time_precision', 'time_inferred', 'time_text',
  'condition', 'attribution', 'attribution_inferred', 'start_offset', 'end_offset', 'quote', 'text_start', 'text_end', 'rules', 'note',
] as const;

export function claimRow(documentId: string, idx: number, c: Claim): unknown[] {
  return [
    documentId, idx, c.category, c.value, c.low, c.high, c.approx, c.subject, c.subgroup, c.relation, c.parent,
    JSON.stringify(c.location), c.locationInferred ? 1 : 0, c.time?.start ?? null, c.time?.end ?? null,
    c.time?.precision ?? null, c.time?.inferred ? 1 : 0, c.time?.text ?? null,
    c.condition, c.attribution, c.attributionInferred ? 1 : 0, c.start, c.end, c.quote, c.textStart, c.textEnd,
    JSON.stringify(c.rules), c.note ?? null,
  ];
}

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const bool = (v: unknown): boolean => v === 1 || v === true || v === '1';

export function claimFromRow(r: Row): StoredClaim {
  const time: TimeSpan | null = r.time_start
    ? {
        start: String(r.time_start),
        end: String(r.time_end ?? r.time_start),
        precision: (str(r.time_precision) ?? 'day') as TimeSpan['precision'],
        ...(bool(r.time_inferred) ? { inferred: true } : {}),
        ...(r.time_text ? { text: String(r.time_text) } : {}),
      }
    : null;
  const doc = String(r.document_id);
  const idx = Number(r.idx);
  return {
    id: `${doc}:${idx}`,
    document: doc,
    index: idx,
    category: String(r.category),
    value: Number(r.value),
    low: Number(r.low),
    high: Number(r.high),
    approx: String(r.approx) as Claim['approx'],
    subject: str(r.subject),
    subgroup: str(r.subgroup),
    relation: str(r.relation) as Claim['relation'],
    parent: r.parent === null || r.parent === undefined ? null : Number(r.parent),
    location: JSON.parse(String(r.location ?? '[]')) as string[],
    locationInferred: bool(r.location_inferred),
    time,
    condition: str(r.condition),
    attribution: str(r.attribution),
    attributionInferred: bool(r.attribution_inferred),
    start: Number(r.start_offset),
    end: Number(r.end_offset),
    quote: String(r.quote),
    textStart: Number(r.text_start),
    textEnd: Number(r.text_end),
    rules: JSON.parse(String(r.rules ?? '[]')) as string[],
    note: str(r.note),
  };
}

export const MENTION_COLUMNS = ['document_id', 'idx', 'kind', 'text', 'value', 'start_offset', 'end_offset', 'text_start', 'text_end', 'data'] as const;

export function mentionRow(documentId: string, idx: number, m: Mention): unknown[] {
  return [documentId, idx, m.kind, m.text, m.value, m.start, m.end, m.textStart, m.textEnd, m.data ? JSON.stringify(m.data) : null];
}

export function mentionFromRow(r: Row): Mention {
  const m: Mention = {
    kind: String(r.kind) as Mention['kind'],
    text: String(r.text),
    value: String(r.value),
    start: Number(r.start_offset),
    end: Number(r.end_offset),
    textStart: Number(r.text_start),
    textEnd: Number(r.text_end),
  };
  if (r.data) m.data = JSON.parse(String(r.data)) as Record<string, unknown>;
  return m;
}

/**
 * A document's mentions as one JSON value (SQLite keeps them so, a row per document): an array per mention,
 * [kind, text, value, start, end, textStart, textEnd] and its data when it has any.
 */
export function mentionsToJson(mentions: readonly Mention[]): string {
  return JSON.stringify(mentions.map((m) => (m.data ? [m.kind, m.text, m.value, m.start, m.end, m.textStart, m.textEnd, m.data] : [m.kind, m.text, m.value, m.start, m.end, m.textStart, m.textEnd])));
}

export function mentionsFromJson(json: string): Mention[] {
  return (JSON.parse(json) as unknown[][]).map((a) => {
    const m: Mention = {
      kind: a[0] as Mention['kind'], text: String(a[1]), value: String(a[2]), start: Number(a[3]), end: Number(a[4]),
      textStart: Number(a[5]), textEnd: Number(a[6]),
    };
    if (a[7]) m.data = a[7] as Record<string, unknown>;
    return m;
  });
}

export const DOCUMENT_COLUMNS = [
  'id', 'source', 'version', 'format', 'encoding', 'content_hash', 'ingested_at', 'title', 'outlet', 'published',
  'language', 'url', 'author', 'original', 'text', 'segments',
] as const;

export function docFromRow(r: Row): DocumentRecord {
  return {
    id: String(r.id), source: String(r.source), version: Number(r.version), format: String(r.format) as DocumentRecord['format'],
    encoding: String(r.encoding), contentHash: String(r.content_hash), ingestedAt: String(r.ingested_at), title: str(r.title),
    outlet: str(r.outlet), published: str(r.published), language: str(r.language), url: str(r.url), author: str(r.author),
    original: String(r.original), text: String(r.text), segments: (typeof r.segments === 'string' ? JSON.parse(r.segments) : r.segments) as DocumentRecord['segments'],
    supersededBy: str(r.superseded_by),
  };
}

/**
 * The counts stats() reports (kept in the table `counts`), each with the SQL that counts it from the tables:
 * a migration starts the kept counts with it, and check() compares them. `latest` is the engine's test of a
 * latest document ("latest = 1", "latest").
 */
export function countedFromTables(latest: string): Array<[keyof StoreStats, string]> {
  return [
    ['documents', `(SELECT count(*) FROM documents WHERE ${latest})`],
    ['versions', '(SELECT count(*) FROM documents)'],
    ['claims', `(SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id WHERE d.${latest})`],
    ['mentions', '(SELECT count(*) FROM mentions)'],
    ['analyzed', '(SELECT count(*) FROM documents WHERE analyzed > 0)'],
  ];
}

export const COUNT_KEYS: ReadonlyArray<keyof StoreStats> = countedFromTables('latest').map(([k]) => k);

/** The kept counts from a row of the table `counts`. */
export function statsFromRow(r: Row): StoreStats {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, Number(r[k])])) as unknown as StoreStats;
}

/** check()'s problem when the kept counts differ from the tables' (null when they agree). */
export function countsProblem(kept: StoreStats, real: StoreStats): string | null {
  const a = COUNT_KEYS.map((k) => kept[k]);
  const b = COUNT_KEYS.map((k) => real[k]);
  return a.join() === b.join() ? null : `the counts kept (${COUNT_KEYS.join(', ')}: ${a.join(', ')}) differ from the tables (${b.join(', ')})`;
}
