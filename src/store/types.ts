/**
 * The store contract. SQLite (embedded, the default) and PostgreSQL (shared)
 * implement it; one contract test suite runs against both real engines.
 */
import type { Analysis, Claim, DocumentRecord, DocumentRef, Mention } from '../core/types.js';

/** A document ready to be stored: everything but the fields the store assigns. */
export type NewDocument = Omit<DocumentRecord, 'version' | 'supersededBy' | 'ingestedAt'> & { ingestedAt?: string };

export type PutStatus = 'added' | 'version' | 'duplicate';

export interface PutResult {
  status: PutStatus;
  id: string;
  version: number;
}

export interface DocumentSummary extends DocumentRef {
  version: number;
  claims: number;
  latest: boolean;
}

export interface StoredClaim extends Claim {
  /** "<document id>:<index>" */
  id: string;
  document: string;
  index: number;
}

/** A latest document's metadata, without its text, and the analyzer version its claims came from. */
export interface DocumentHead extends DocumentRef {
  analyzed: number;
}

/** One item of derived data: its key, a stamp saying what made it, and its value (JSON text). */
export interface DerivedEntry {
  key: string;
  stamp: string;
  value: string;
}

/**
 * Derived data of one document (its event signature), written under the document's id in the same
 * transaction as the document or its analysis, so that a write keeps both or neither.
 */
export interface DerivedOfDocument {
  kind: string;
  stamp: string;
  value: string;
}

/** One document to store, with its analysis when it has one, and what is derived from them. */
export interface PutItem {
  doc: NewDocument;
  analysis: Analysis | null;
  /** kept only if the document is stored (not for a duplicate) */
  derived?: DerivedOfDocument[];
}

export interface PutOptions {
  /**
   * A bulk write (an ingest of many batches): the documents may wait to be put into the full-text index until
   * enough of them wait, or until settle(). Search does not find them until then.
   */
  deferSearch?: boolean;
}

export interface ClaimFilter {
  documents?: string[];
  category?: string;
  location?: string;
  /** claims whose time overlaps [from, to] */
  from?: string;
  to?: string;
  /** only claims of the latest version of each source (default true) */
  latestOnly?: boolean;
  limit?: number;
  offset?: number;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  outlet?: string;
  language?: string;
  from?: string;
  to?: string;
}

export interface SearchHit {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  snippet: string;
  rank: number;
}

export interface Facet {
  value: string;
  count: number;
}

export interface SearchResult {
  /** matches, counted up to a cap */
  total: number;
  /** true when there are more matches than `total` (counts and facets cover the first ones) */
  capped?: boolean;
  hits: SearchHit[];
  facets: { outlet: Facet[]; language: Facet[]; year: Facet[] };
}

export interface StoreStats {
  documents: number;
  versions: number;
  claims: number;
  mentions: number;
  analyzed: number;
}

export interface ListOptions {
  latestOnly?: boolean;
  limit?: number;
  offset?: number;
}

export interface Job {
  id: string;
  attempts: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** where it is, without secrets */
  readonly location: string;
  migrate(): Promise<void>;
  /**
   * Stores documents (and their analyses, when given) in one transaction:
   * a document whose content is already stored adds nothing; new content at
   * a known source becomes its next version. Each stored document's `derived` entries are written with it.
   */
  putDocuments(items: PutItem[], analyzer?: number, options?: PutOptions): Promise<PutResult[]>;
  /**
   * After a bulk write: search finds every document, as fast as the archive allows (SQLite indexes the
   * documents a bulk write left out; PostgreSQL merges the full-text index's list of pending entries, which
   * every search reads until then, and refreshes the planner's statistics).
   */
  settle?(): Promise<void>;
  /** Replaces a document's claims and mentions, and writes `derived` under its id, in one transaction. */
  putAnalysis(id: string, analysis: Analysis, analyzer: number, derived?: DerivedOfDocument[]): Promise<void>;
  getDocument(ref: string): Promise<DocumentRecord | null>;
  listDocuments(options?: ListOptions): Promise<DocumentSummary[]>;
  /** All documents, streamed in ingest order (bounded memory). */
  iterateDocuments(options?: { latestOnly?: boolean; batch?: number }): AsyncIterable<DocumentRecord>;
  claims(filter?: ClaimFilter): Promise<StoredClaim[]>;
  mentions(documentId: string): Promise<Mention[]>;
  /** Mentions of all latest documents (for grouping events), optionally of some kinds, or of some documents only. */
  allMentions(kinds?: Mention['kind'][], documents?: string[]): Promise<Array<Mention & { document: string }>>;
  /** Every latest document's metadata without its text, in ingest order. */
  documentHeads(): Promise<DocumentHead[]>;
  /** The texts of these documents (ids not stored are left out). */
  documentTexts(ids: string[]): Promise<Map<string, string>>;
  /**
   * Derived data the archive keeps to be read again (event signatures, reconciled events): what it holds of
   * `kind`, for these keys or all of them. Derived data can be dropped at any time; it is rebuilt from the
   * documents, claims and mentions.
   */
  derived(kind: string, keys?: string[]): Promise<DerivedEntry[]>;
  /** The keys and stamps held of `kind` (not the values). */
  derivedStamps(kind: string): Promise<Map<string, string>>;
  /** Writes derived data, replacing what a key held. */
  putDerived(kind: string, entries: DerivedEntry[]): Promise<void>;
  dropDerived(kind: string, keys: string[]): Promise<void>;
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  /** What the archive holds, counted as it is written (cheap at any size). */
  stats(): Promise<StoreStats>;
  /** A number that every write (documents, analyses) changes: a cache of anything derived keys on it. */
  revision(): Promise<number>;
  /** Documents whose analysis is missing or older than `analyzer`. */
  pendingAnalysis(analyzer: number, limit: number): Promise<string[]>;
  /**
   * Takes up to `limit` documents to analyse, locking them for `leaseSeconds`
   * (a crashed worker's lease expires and its documents are taken again).
   */
  claimJobs(worker: string, analyzer: number, limit: number, leaseSeconds: number): Promise<Job[]>;
  /** Integrity check of the underlying engine; returns problems found (empty = fine). */
  check(): Promise<string[]>;
  close(): Promise<void>;
}
