/**
 * The shapes the HTTP API returns (the web page imports these types).
 * Pure types: no runtime code, no Node modules.
 */
import type { ExportedClaim, ExportedDocument } from '../export/documents.js';
import type { Event, PolicyName } from '../reconcile/types.js';
import type { DocumentSummary, Facet, StoreStats } from '../store/types.js';
import type { Mention } from '../core/types.js';
import type { Fact } from '../reconcile/types.js';

export type { DocumentSummary, Event, ExportedClaim, Facet, Mention, PolicyName, StoreStats };

/** Every error: `code` is an ErrorCode of src/core/errors.ts or an HTTP refusal (FORBIDDEN, RATE_LIMITED, …). */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface EventSummary {
  id: string;
  name: string;
  aliases: string[];
  start: string | null;
  end: string | null;
  places: string[];
  documents: number;
  policy: PolicyName;
  facts: Array<Pick<Fact, 'id' | 'category' | 'low' | 'best' | 'high' | 'status' | 'sources'> & { scope: string }>;
}

export interface StatsResponse extends StoreStats {
  version: string;
  store: 'sqlite' | 'postgres';
  ingest: boolean;
}

export interface EventsResponse {
  /** a page of the events, largest first */
  events: EventSummary[];
  /** how many events the archive holds */
  total: number;
  limit: number;
  offset: number;
  next: number | null;
}

export type EventResponse = Event;

export interface ApiClaim extends ExportedClaim {
  document: string;
}

export interface ClaimsResponse {
  claims: ApiClaim[];
  limit: number;
  offset: number;
  /** the offset of the next page, or null at the end */
  next: number | null;
}

export interface DocumentsResponse {
  documents: DocumentSummary[];
  limit: number;
  offset: number;
  next: number | null;
}

export interface DocumentResponse extends Omit<ExportedDocument, 'mentions'> {
  /** the text as read at ingest (claims' start/end point into it) */
  original: string;
  mentions: Mention[];
  /** events this document is part of */
  events: Array<{ id: string; name: string }>;
}

export interface SearchHitResponse {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  /** plain text; `highlights` are [start, end) ranges into it */
  snippet: string;
  highlights: Array<[number, number]>;
  rank: number;
}

export interface SearchResponse {
  query: string;
  total: number;
  limit: number;
  offset: number;
  hits: SearchHitResponse[];
  facets: { outlet: Facet[]; language: Facet[]; year: Facet[] };
}

export interface IngestItemResult {
  index: number;
  status?: 'added' | 'version' | 'duplicate';
  id?: string;
  version?: number;
  claims?: number;
  error?: ApiErrorBody['error'];
}

export interface IngestResponse {
  added: number;
  versions: number;
  duplicates: number;
  failed: number;
  results: IngestItemResult[];
}
