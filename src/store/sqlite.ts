/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode,
 * with FTS5 for search. Writes go through transactions, so a crash leaves
 * either a whole document (with its claims) or nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { runsOf } from '../core/collections.js';
import { ReckonError } from '../core/errors.js';
import type { Analysis, DocumentRecord, Mention } from '../core/types.js';
import { MARK_CLOSE, MARK_OPEN, parseQuery, toFts5 } from './fts.js';
import {
  CLAIM_COLUMNS, COUNT_KEYS, countedFromTables, countsProblem, docFromRow, claimFromRow, claimRow, mentionsFromJson, mentionsToJson, statsFromRow,
} from './rows.js';
import type {
  ClaimFilter, DerivedEntry, DerivedOfDocument, DocumentHead, DocumentSummary, Facet, Job, ListOptions, PutItem, PutOptions, PutResult, SearchOptions, SearchResult, Store,
  StoreStats, StoredClaim,
} from './types.js';

/** Mentions counted from the table that keeps them (a row of them per document, since migration 7). */
const MENTIONS_COUNTED = '(SELECT coalesce(sum(json_array_length(data)), 0) FROM document_mentions)';
/** The counts kept in the table `counts`, counted from the tables (see countedFromTables). */
const COUNTED = countedFromTables('latest = 1').map(([k, sql]): [keyof StoreStats, string] => [k, k === 'mentions' ? MENTIONS_COUNTED : sql]);
/** The same, from the tables as migration 4 found them (a row per mention). */
const COUNT_SQL_4 = countedFromTables('latest = 1').map(([, sql]) => sql).join(', ');

/** Pages of write-ahead log after which a write copies them into the file (SQLite's default: 1,000). */
const WAL_CHECKPOINT_PAGES = 50_000;

/** Writes one item of derived data (kind, key, stamp, value), replacing what the key held. */
const PUT_DERIVED = 'INSERT OR REPLACE INTO derived (kind, key, stamp, value) VALUES (?, ?, ?, ?)';
/**
 * Derived values of this many characters or more are kept deflated, as a blob (the column's TEXT affinity
 * keeps a blob as it is): a reconciled event's JSON (3.7 KB on average in a generated archive) shrinks about
 * 3.6×, and the events of a large archive took half as much space again as its documents. Signatures (about
 * 100 bytes) stay text. Values kept as text before are read as they are. (PostgreSQL compresses long values
 * itself.)
 */
const DEFLATE_FROM = 512;
/** an 8 KB window and less memory than zlib's default: as small (3.61× against 3.62×) and a quarter faster to make for values of a few KB */
const DEFLATE_OPTIONS = { windowBits: 13, memLevel: 6 };
const packDerived = (value: string): string | Buffer => (value.length >= DEFLATE_FROM ? deflateRawSync(value, DEFLATE_OPTIONS) : value);
const unpackDerived = (value: unknown): string => (Buffer.isBuffer(value) ? inflateRawSync(value).toString('utf8') : String(value));

const MIGRATIONS: string[] = [
  // 1: documents, claims, mentions, full-text index
  `
  CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    version INTEGER NOT NULL,
    latest INTEGER NOT NULL DEFAULT 1,
    superseded_by TEXT,
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    ingested_at TEXT NOT NULL,
    title TEXT, outlet TEXT, published TEXT, language TEXT, url TEXT, author TEXT,
    original TEXT NOT NULL,
    text TEXT NOT NULL,
    segments TEXT NOT NULL,
    analyzed INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_until INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source, version)
  );
  CREATE INDEX documents_latest ON documents(latest, rowid);
  CREATE INDEX documents_pending ON documents(analyzed, lease_until);
  CREATE TABLE claims (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    category TEXT NOT NULL,
    value REAL NOT NULL, low REAL NOT NULL, high REAL NOT NULL, approx TEXT NOT NULL,
    subject TEXT, subgroup TEXT, relation TEXT, parent INTEGER,
    location TEXT NOT NULL, location_inferred INTEGER NOT NULL,
    time_start TEXT, time_end TEXT, time_precision TEXT, time_inferred INTEGER NOT NULL DEFAULT 0, time_text TEXT,
    condition TEXT, attribution TEXT, attribution_inferred INTEGER NOT NULL DEFAULT 0,
    start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, quote TEXT NOT NULL,
    text_start INTEGER NOT NULL, text_end INTEGER NOT NULL,
    rules TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (document_id, idx)
  );
  CREATE INDEX claims_category ON claims(category);
  CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL, text TEXT NOT NULL, value TEXT NOT NULL,
    start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, text_start INTEGER NOT NULL, text_end INTEGER NOT NULL,
    data TEXT,
    PRIMARY KEY (document_id, idx)
  );
  CREATE INDEX mentions_kind ON mentions(kind, value);
  CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
  END;
  CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
  END;
  CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
  END;
  `,
  // 2: publication dates, for searches within dates (see search(): the words or the dates go first, whichever is rarer)
  `
  CREATE INDEX documents_published ON documents(latest, published);
  `,
  // 3: derived data kept to be read again (event signatures, reconciled events); rebuilt from the rest at any time
  `
  CREATE TABLE derived (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    stamp TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (kind, key)
  ) WITHOUT ROWID;
  `,
  // 4: what the archive holds, counted as it is written (counting a million reports' claims and mentions took
  // 13 s, on every /api/stats and events request); revision counts the writes, so that a cache knows
  `
  CREATE TABLE counts (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    documents INTEGER NOT NULL, versions INTEGER NOT NULL, claims INTEGER NOT NULL, mentions INTEGER NOT NULL,
    analyzed INTEGER NOT NULL, revision INTEGER NOT NULL
  );
  INSERT INTO counts SELECT 1, ${COUNT_SQL_4}, 0;
  `,
  // 5: no index of mentions by kind and value. No query reads it (mentions are read by document), and it was
  // the costliest index to keep: a document's mentions land at as many random places in it, so each batch of
  // a million-report ingest wrote hundreds of its pages
  `
  DROP INDEX IF EXISTS mentions_kind;
  `,
  // 6: documents are put into the full-text index by the store (indexPending), no longer by a trigger on insert:
  // a bulk ingest indexes them many thousands at a time, which costs a fifth of what indexing each batch as it
  // is committed did. search_indexed.upto is the rowid up to which documents are indexed; the triggers that
  // take a changed or deleted document out of the index only act on documents the index holds
  `
  DROP TRIGGER IF EXISTS documents_ai;
  DROP TRIGGER IF EXISTS documents_ad;
  DROP TRIGGER IF EXISTS documents_au;
  CREATE TABLE IF NOT EXISTS search_indexed (one INTEGER PRIMARY KEY CHECK (one = 1), upto INTEGER NOT NULL);
  INSERT OR IGNORE INTO search_indexed SELECT 1, coalesce(max(rowid), 0) FROM documents;
  CREATE TRIGGER documents_ad AFTER DELETE ON documents WHEN old.rowid <= (SELECT upto FROM search_indexed) BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
  END;
  CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents WHEN old.rowid <= (SELECT upto FROM search_indexed) BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
  END;
  `,
  // 7: a document's mentions are one row, keyed by the document's rowid (see mentionsToJson), not a row each
  // keyed by the document's id: a new document's mentions are one append, not eleven inserts at random places
  // of an index of ids (they were the costliest rows of an ingest); they are read only a document at a time
  `
  CREATE TABLE document_mentions (
    doc INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
    data TEXT NOT NULL
  );
  INSERT INTO document_mentions (doc, data)
    SELECT d.rowid, json_group_array(json_array(m.kind, m.text, m.value, m.start_offset, m.end_offset, m.text_start, m.text_end, json(m.data)) ORDER BY m.idx)
    FROM mentions m JOIN documents d ON d.id = m.document_id GROUP BY d.rowid ORDER BY d.rowid;
  DROP TABLE mentions;
  `,
  // 8: derived data in a table with rowids: a WITHOUT ROWID table keeps a row of more than about 1 KB on
  // overflow pages of its own, so that each reconciled event took a page or more, deflated or not (see
  // packDerived). Derived data is only a cache, stamped with the code that made it: a reckon that migrates
  // finds none of it current, so it is dropped, not copied.
  `
  DROP TABLE derived;
  CREATE TABLE derived (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    stamp TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (kind, key)
  );
  `,
  // 9: what a search counts and groups its matches by (latest, outlet, language, date), in an index by rowid
  // that holds them: a search reads up to SEARCH_CAP matches for its total and facets, and read from documents
  // each match cost a page of its own (a document's row starts on a page of its own, with its texts); from this
  // index a page holds about a hundred (30,000 reports, 10,000 matches: 45 → 14–20 ms). New documents are
  // appended to it, in rowid order.
  `
  CREATE INDEX IF NOT EXISTS documents_facets ON documents(rowid, latest, outlet, language, published);
  `,
];

/**
 * Documents a bulk write (putDocuments with `deferSearch`) leaves out of the full-text index at most: past
 * this many, the write indexes them all in its transaction. Indexing 30,000 reports in one statement took
 * 1.3 s; indexed a batch of 64 at a time, as each was committed, they took about 6.5 s.
 */
export const SEARCH_INDEX_EVERY = 20_000;

/** How many ids one statement binds (SQLite binds at most 32,766 parameters). */
const IDS_PER_STATEMENT = 5_000;

/** Ids in runs that one statement binds. */
const idRuns = (ids: readonly string[]): string[][] => [...runsOf(ids, () => 1, IDS_PER_STATEMENT)];

/**
 * The rows `read` gives for these ids, a statement per run of them, in the order one statement would give
 * (ingest order `seq`, then `idx`).
 */
function rowsOfIds(ids: readonly string[], read: (part: string[]) => Row[]): Row[] {
  const parts = idRuns(ids).map(read);
  return parts.length === 1 ? parts[0]! : parts.flat().sort((a, b) => Number(a.seq) - Number(b.seq) || Number(a.idx) - Number(b.idx));
}

type Row = Record<string, unknown>;

/** Matches counted (and broken down by facet) at most; beyond it the result says `capped`. */
const SEARCH_CAP = 10_000;
/** Above this many matches, hits come newest first (ranking them all would cost a scan of every match). */
const RANK_LIMIT = 2_000;
/** Matches counted at most to choose how a search within dates runs. */
const DATE_PROBE = 100_000;

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  private db: Database.Database;

  /** see SEARCH_INDEX_EVERY */
  private readonly indexEvery: number;

  constructor(file: string, options: { readonly?: boolean; indexEvery?: number } = {}) {
    this.location = file;
    this.indexEvery = options.indexEvery ?? SEARCH_INDEX_EVERY;
    try {
      if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      this.db = new Database(file, options.readonly ? { readonly: true, fileMustExist: true } : {});
      this.db.pragma('busy_timeout = 10000');
      if (!options.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
        // checkpoints after ~200 MB of log rather than SQLite's 4 MB: a page that many batches write (an index's
        // inner pages, the full-text index, the counts) is copied into the file once per checkpoint, not once per
        // few batches (at a million reports, 16% more reports a second); the log is cut back to 64 MB after
        this.db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
        this.db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
      }
      this.db.pragma('foreign_keys = ON');
    } catch (e) {
      throw new ReckonError('STORE', `cannot open the archive: ${(e as Error).message}`, { subject: file, cause: e });
    }
  }

  private guard<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ReckonError) throw e;
      throw new ReckonError('STORE', `${what} failed: ${(e as Error).message}`, { subject: this.location, cause: e });
    }
  }

  async migrate(): Promise<void> {
    this.guard('migration', () => {
      const current = Number(this.db.pragma('user_version', { simple: true }));
      if (current > MIGRATIONS.length) {
        throw new ReckonError('STORE', `the archive was written by a newer reckon (schema ${current} > ${MIGRATIONS.length})`, { subject: this.location });
      }
      for (let v = current; v < MIGRATIONS.length; v++) {
        this.db.transaction(() => {
          this.db.exec(MIGRATIONS[v]!);
          this.db.pragma(`user_version = ${v + 1}`);
        })();
      }
      this.facetIndex = null;
    });
    // a bulk write that stopped before it settled (a crash, a kill) left documents out of the full-text index
    await this.settle();
  }

  /** Puts the documents the full-text index lacks into it, in transactions of at most `indexEvery` documents. */
  async settle(): Promise<void> {
    this.guard('indexing documents for search', () => {
      const step = this.db.transaction(() => this.indexPending(this.indexEvery));
      // looked at before a write lock is taken: opening an archive that lacks nothing takes none
      while (this.unindexed() > 0) step.immediate();
    });
  }

  /** The rowid up to which documents are in the full-text index (`upto`), and the last document's (`top`). */
  private searchMark(): { upto: number; top: number } {
    const r = this.stmt('SELECT upto, (SELECT coalesce(max(rowid), 0) FROM documents) AS top FROM search_indexed').get() as Row;
    return { upto: Number(r.upto), top: Number(r.top) };
  }

  /** How many rowids lie above the full-text index's mark (documents it lacks, when none were deleted). */
  private unindexed(): number {
    const { upto, top } = this.searchMark();
    return top - upto;
  }

  /**
   * Puts documents above the mark (search_indexed.upto) into the full-text index, in rowid order, at most
   * `limit` of them (inside the caller's transaction); returns how many rowids it covered (0: none are left).
   */
  private indexPending(limit = Infinity): number {
    const { upto, top } = this.searchMark();
    if (top <= upto) return 0;
    const to = Math.min(top, upto + limit);
    this.stmt(
      "INSERT INTO documents_fts(rowid, title, text) SELECT rowid, coalesce(title, ''), text FROM documents WHERE rowid > ? AND rowid <= ? ORDER BY rowid",
    ).run(upto, to);
    this.stmt('UPDATE search_indexed SET upto = ?').run(to);
    return to - upto;
  }

  async putDocuments(items: PutItem[], analyzer = 0, options: PutOptions = {}): Promise<PutResult[]> {
    return this.guard('storing documents', () => {
      const byHash = this.stmt('SELECT id, version FROM documents WHERE content_hash = ?');
      const lastOf = this.stmt('SELECT id, version FROM documents WHERE source = ? ORDER BY version DESC LIMIT 1');
      const insert = this.stmt(
        `INSERT INTO documents (id, source, version, latest, format, encoding, content_hash, ingested_at, title, outlet,
           published, language, url, author, original, text, segments, analyzed)
         VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const supersede = this.stmt('UPDATE documents SET latest = 0, superseded_by = ? WHERE id = ?');
      const claimsOf = this.stmt('SELECT count(*) AS n FROM claims WHERE document_id = ?');
      const run = this.db.transaction((batch: typeof items) => {
        const out: PutResult[] = [];
        const delta = { documents: 0, versions: 0, claims: 0, mentions: 0, analyzed: 0 };
        for (const { doc, analysis, derived } of batch) {
          const dup = byHash.get(doc.contentHash) as Row | undefined;
          if (dup) {
            out.push({ status: 'duplicate', id: String(dup.id), version: Number(dup.version) });
            continue;
          }
          const prev = lastOf.get(doc.source) as Row | undefined;
          const version = prev ? Number(prev.version) + 1 : 1;
          const { lastInsertRowid: rowid } = insert.run(
            doc.id, doc.source, version, doc.format, doc.encoding, doc.contentHash, doc.ingestedAt ?? new Date().toISOString(),
            doc.title, doc.outlet, doc.published, doc.language, doc.url, doc.author, doc.original, doc.text,
            JSON.stringify(doc.segments), analysis ? analyzer : 0,
          );
          if (prev) {
            supersede.run(doc.id, String(prev.id));
            delta.claims -= Number((claimsOf.get(String(prev.id)) as Row).n);
          } else delta.documents++;
          delta.versions++;
          if (analysis) {
            const written = this.writeAnalysis(doc.id, Number(rowid), analysis, true);
            delta.claims += written.claims;
            delta.mentions += written.mentions;
            if (analyzer > 0) delta.analyzed++;
          }
          if (derived?.length) this.writeDerived(doc.id, derived);
          out.push({ status: prev ? 'version' : 'added', id: doc.id, version });
        }
        if (delta.versions) this.count(delta);
        // the documents go into the full-text index now, or (a bulk write) once enough wait to be indexed together
        if (delta.versions && (!options.deferSearch || this.unindexed() >= this.indexEvery)) this.indexPending();
        return out;
      });
      return run.immediate(items);
    });
  }

  private statements = new Map<string, Database.Statement>();

  /** A prepared statement, prepared once per store. */
  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  /** Adds to the counts, and one to the revision (inside the write's transaction). */
  private count(d: Partial<StoreStats>): void {
    this.stmt(
      `UPDATE counts SET documents = documents + ?, versions = versions + ?, claims = claims + ?, mentions = mentions + ?,
         analyzed = analyzed + ?, revision = revision + 1`,
    ).run(d.documents ?? 0, d.versions ?? 0, d.claims ?? 0, d.mentions ?? 0, d.analyzed ?? 0);
  }

  /**
   * Replaces a document's claims and mentions; returns how many more of each it has now. A document inserted
   * in this transaction (`fresh`) has none to replace, so it is not looked up.
   */
  private writeAnalysis(id: string, rowid: number, analysis: Analysis, fresh = false): { claims: number; mentions: number } {
    const claims = fresh ? 0 : this.stmt('DELETE FROM claims WHERE document_id = ?').run(id).changes;
    const mentions = fresh ? 0 : Number((this.stmt('DELETE FROM document_mentions WHERE doc = ? RETURNING json_array_length(data) AS n').get(rowid) as Row | undefined)?.n ?? 0);
    const ins = this.stmt(`INSERT INTO claims (${CLAIM_COLUMNS.join(',')}) VALUES (${CLAIM_COLUMNS.map(() => '?').join(',')})`);
    analysis.claims.forEach((c, i) => ins.run(...claimRow(id, i, c)));
    if (analysis.mentions.length) this.stmt('INSERT INTO document_mentions (doc, data) VALUES (?, ?)').run(rowid, mentionsToJson(analysis.mentions));
    return { claims: analysis.claims.length - claims, mentions: analysis.mentions.length - mentions };
  }

  /** Writes a document's derived data under its id (inside the write's transaction). */
  private writeDerived(id: string, derived: DerivedOfDocument[]): void {
    const ins = this.stmt(PUT_DERIVED);
    for (const d of derived) ins.run(d.kind, id, d.stamp, packDerived(d.value));
  }

  async putAnalysis(id: string, analysis: Analysis, analyzer: number, derived?: DerivedOfDocument[]): Promise<void> {
    this.guard('storing an analysis', () => {
      this.db.transaction(() => {
        const was = this.db.prepare('SELECT rowid, latest, analyzed FROM documents WHERE id = ?').get(id) as Row | undefined;
        if (!was) throw new ReckonError('NOT_FOUND', `no document ${id}`);
        const written = this.writeAnalysis(id, Number(was.rowid), analysis);
        this.db.prepare('UPDATE documents SET analyzed = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?').run(analyzer, id);
        if (derived?.length) this.writeDerived(id, derived);
        const counted = (n: number) => (n > 0 ? 1 : 0);
        this.count({ claims: was.latest === 1 ? written.claims : 0, mentions: written.mentions, analyzed: counted(analyzer) - counted(Number(was.analyzed)) });
      }).immediate();
    });
  }

  async getDocument(ref: string): Promise<DocumentRecord | null> {
    return this.guard('reading a document', () => {
      let row = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(ref) as Row | undefined;
      if (!row) row = this.db.prepare('SELECT * FROM documents WHERE source = ? ORDER BY version DESC LIMIT 1').get(ref) as Row | undefined;
      if (!row && /^[0-9a-f]{4,}$/i.test(ref)) {
        const rows = this.db.prepare('SELECT * FROM documents WHERE id LIKE ? LIMIT 2').all(`${ref.toLowerCase()}%`) as Row[];
        if (rows.length === 1) row = rows[0];
      }
      return row ? docFromRow(row) : null;
    });
  }

  async listDocuments(options: ListOptions = {}): Promise<DocumentSummary[]> {
    return this.guard('listing documents', () => {
      const rows = this.db
        .prepare(
          `SELECT d.id, d.source, d.version, d.title, d.outlet, d.published, d.language, d.url, d.latest,
                  (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims
           FROM documents d ${options.latestOnly === false ? '' : 'WHERE d.latest = 1'}
           ORDER BY d.rowid LIMIT ? OFFSET ?`,
        )
        .all(options.limit ?? -1, options.offset ?? 0) as Row[];
      return rows.map((r) => ({
        id: String(r.id), source: String(r.source), version: Number(r.version), title: s(r.title), outlet: s(r.outlet),
        published: s(r.published), language: s(r.language), url: s(r.url), claims: Number(r.claims), latest: r.latest === 1,
      }));
    });
  }

  async *iterateDocuments(options: { latestOnly?: boolean; batch?: number } = {}): AsyncIterable<DocumentRecord> {
    const batch = options.batch ?? 200;
    let after = 0;
    for (;;) {
      const rows = this.guard('reading documents', () =>
        this.db
          .prepare(`SELECT * FROM documents WHERE rowid > ? ${options.latestOnly === false ? '' : 'AND latest = 1'} ORDER BY rowid LIMIT ?`)
          .all(after, batch) as Row[],
      );
      if (!rows.length) return;
      for (const r of rows) yield docFromRow(r);
      after = Number(rows[rows.length - 1]!.rowid);
    }
  }

  async claims(filter: ClaimFilter = {}): Promise<StoredClaim[]> {
    return this.guard('reading claims', () => {
      const read = (ids: string[] | null, limit: number, offset: number): Row[] => {
        const where: string[] = [];
        const args: unknown[] = [];
        // given documents, the plan starts from them (by id), not from every latest document (the + keeps
        // SQLite from choosing the index on latest, which made a read of 2,000 documents' claims a scan of all)
        if (filter.latestOnly !== false) where.push(ids ? '+d.latest = 1' : 'd.latest = 1');
        if (ids) {
          where.push(`d.id IN (${ids.map(() => '?').join(',')})`);
          for (const id of ids) args.push(id);
        }
        if (filter.category) {
          where.push('c.category = ?');
          args.push(filter.category);
        }
        if (filter.location) {
          where.push("EXISTS (SELECT 1 FROM json_each(c.location) WHERE lower(json_each.value) = lower(?))");
          args.push(filter.location);
        }
        if (filter.from) {
          where.push('c.time_end >= ?');
          args.push(filter.from);
        }
        if (filter.to) {
          where.push('c.time_start <= ?');
          args.push(filter.to);
        }
        const sql = `SELECT c.*, d.rowid AS seq FROM claims c JOIN documents d ON d.id = c.document_id
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.rowid, c.idx LIMIT ? OFFSET ?`;
        args.push(limit, offset);
        return this.db.prepare(sql).all(...args) as Row[];
      };
      const ids = filter.documents?.length ? filter.documents : null;
      if (!ids || ids.length <= IDS_PER_STATEMENT) return read(ids, filter.limit ?? -1, filter.offset ?? 0).map(claimFromRow);
      // many documents (a large event): a statement per run of ids, then one order, then the page
      const rows = rowsOfIds(ids, (part) => read(part, -1, 0));
      const from = filter.offset ?? 0;
      return rows.slice(from, filter.limit === undefined ? undefined : from + filter.limit).map(claimFromRow);
    });
  }

  async mentions(documentId: string): Promise<Mention[]> {
    return this.guard('reading mentions', () => {
      const row = this.db.prepare('SELECT m.data FROM documents d JOIN document_mentions m ON m.doc = d.rowid WHERE d.id = ?').get(documentId) as Row | undefined;
      return row ? mentionsFromJson(String(row.data)) : [];
    });
  }

  async allMentions(kinds?: Mention['kind'][], documents?: string[]): Promise<Array<Mention & { document: string }>> {
    return this.guard('reading mentions', () => {
      const read = (ids: string[] | null) => {
        // of some documents: from them by id (the + keeps SQLite from choosing the index on latest)
        const where = ids ? `+d.latest = 1 AND d.id IN (${ids.map(() => '?').join(',')})` : 'd.latest = 1';
        return this.db
          .prepare(`SELECT d.id, m.data, d.rowid AS seq, 0 AS idx FROM documents d JOIN document_mentions m ON m.doc = d.rowid WHERE ${where} ORDER BY d.rowid`)
          .all(...(ids ?? [])) as Row[];
      };
      const rows = documents ? rowsOfIds(documents, read) : read(null);
      const wanted = kinds?.length ? new Set<string>(kinds) : null;
      const out: Array<Mention & { document: string }> = [];
      for (const r of rows) {
        const document = String(r.id);
        for (const m of mentionsFromJson(String(r.data))) if (!wanted || wanted.has(m.kind)) out.push({ ...m, document });
      }
      return out;
    });
  }

  async documentHeads(): Promise<DocumentHead[]> {
    return this.guard('reading documents', () =>
      (this.db.prepare('SELECT id, source, title, outlet, published, language, url, analyzed FROM documents WHERE latest = 1 ORDER BY rowid').all() as Row[]).map((r) => ({
        id: String(r.id), source: String(r.source), title: s(r.title), outlet: s(r.outlet), published: s(r.published),
        language: s(r.language), url: s(r.url), analyzed: Number(r.analyzed),
      })),
    );
  }

  async documentTexts(ids: string[]): Promise<Map<string, string>> {
    return this.guard('reading documents', () => {
      const out = new Map<string, string>();
      for (const part of idRuns(ids)) {
        const rows = this.db.prepare(`SELECT id, text FROM documents WHERE id IN (${part.map(() => '?').join(',')})`).all(...part) as Row[];
        for (const r of rows) out.set(String(r.id), String(r.text));
      }
      return out;
    });
  }

  async derived(kind: string, keys?: string[]): Promise<DerivedEntry[]> {
    return this.guard('reading derived data', () => {
      const read = (part: string[] | null) =>
        (this.db.prepare(`SELECT key, stamp, value FROM derived WHERE kind = ? ${part ? `AND key IN (${part.map(() => '?').join(',')})` : ''}`).all(kind, ...(part ?? [])) as Row[]).map((r) => ({
          key: String(r.key), stamp: String(r.stamp), value: unpackDerived(r.value),
        }));
      return keys ? idRuns(keys).flatMap(read) : read(null);
    });
  }

  async derivedStamps(kind: string): Promise<Map<string, string>> {
    return this.guard('reading derived data', () => new Map((this.db.prepare('SELECT key, stamp FROM derived WHERE kind = ?').all(kind) as Row[]).map((r) => [String(r.key), String(r.stamp)])));
  }

  async putDerived(kind: string, entries: DerivedEntry[]): Promise<void> {
    this.guard('storing derived data', () => {
      const ins = this.stmt(PUT_DERIVED);
      this.db.transaction(() => {
        for (const e of entries) ins.run(kind, e.key, e.stamp, packDerived(e.value));
      })();
    });
  }

  async dropDerived(kind: string, keys: string[]): Promise<void> {
    this.guard('dropping derived data', () => {
      const del = this.stmt('DELETE FROM derived WHERE kind = ? AND key = ?');
      this.db.transaction(() => {
        for (const k of keys) del.run(kind, k);
      })();
    });
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    return this.guard('searching', () => {
      const terms = parseQuery(query);
      const empty: SearchResult = { total: 0, hits: [], facets: { outlet: [], language: [], year: [] } };
      if (!terms.length) return empty;
      const match = toFts5(terms);
      const where = ['documents_fts MATCH ?', 'd.latest = 1'];
      const args: unknown[] = [match];
      if (options.outlet) {
        where.push('d.outlet = ?');
        args.push(options.outlet);
      }
      if (options.language) {
        where.push('d.language = ?');
        args.push(options.language);
      }
      if (options.from || options.to) {
        const dates: string[] = [];
        const dateArgs: string[] = [];
        if (options.from) {
          dates.push('published >= ?');
          dateArgs.push(options.from);
        }
        if (options.to) {
          dates.push('published <= ?');
          dateArgs.push(`${options.to}\uffff`);
        }
        // Two plans. Words rarer than the dates: each match is looked up in documents and its date checked.
        // Dates rarer than the words (a year of a large archive, a common word): the documents of those dates
        // come from the index documents_published, and only matches among them are looked up. A unary + keeps
        // SQLite from using the index in the first plan and FTS5 from taking the rowid list in the second,
        // either of which makes it look up one full-text match per row (seconds on a large archive).
        const count = (sql: string, ...a: unknown[]) => Number((this.db.prepare(sql).get(...a) as Row).n);
        const matches = count(`SELECT count(*) AS n FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ${DATE_PROBE})`, match);
        const dated = count(`SELECT count(*) AS n FROM (SELECT 1 FROM documents WHERE latest = 1 AND ${dates.join(' AND ')} LIMIT ?)`, ...dateArgs, 2 * matches + 1);
        if (dated <= 2 * matches) {
          where.push(`+documents_fts.rowid IN (SELECT rowid FROM documents WHERE latest = 1 AND ${dates.join(' AND ')})`);
        } else where.push(...dates.map((c) => `+d.${c}`));
        args.push(...dateArgs);
      }
      const from = `FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE ${where.join(' AND ')}`;
      // one pass over at most SEARCH_CAP matches gives the count and the facets, so a word in every document
      // answers as fast as a rare one; beyond RANK_LIMIT matches the newest come first instead of the best ranked.
      // The pass reads the index documents_facets (migration 9), named: SQLite's planner takes the table's own
      // rowid look-up otherwise, a page per match. An archive opened read-only before that migration has none.
      const facets = this.hasFacetIndex() ? 'INDEXED BY documents_facets ' : '';
      // rows as arrays [outlet, language, year] (no object per match), counted in one pass
      const seen = this.db
        .prepare(`SELECT d.outlet, d.language, substr(d.published, 1, 4) FROM documents_fts JOIN documents d ${facets}ON d.rowid = documents_fts.rowid WHERE ${where.join(' AND ')} LIMIT ${SEARCH_CAP + 1}`)
        .raw(true)
        .all(...args) as unknown[][];
      const total = seen.length;
      const counts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
      for (let i = 0; i < seen.length && i < SEARCH_CAP; i++) {
        const r = seen[i]!;
        for (let k = 0; k < 3; k++) {
          const v = r[k];
          if (v === null || v === undefined || v === '') continue;
          const key = String(v);
          counts[k]!.set(key, (counts[k]!.get(key) ?? 0) + 1);
        }
      }
      const order = total > RANK_LIMIT ? 'documents_fts.rowid DESC' : 'rank';
      const hits = (
        this.db
          .prepare(
            `SELECT d.id, d.source, d.title, d.outlet, d.published, d.language, bm25(documents_fts, 2.0, 1.0) AS rank,
               snippet(documents_fts, 1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 16) AS snippet
             ${from} ORDER BY ${order} LIMIT ? OFFSET ?`,
          )
          .all(...args, options.limit ?? 20, options.offset ?? 0) as Row[]
      ).map((r) => ({
        id: String(r.id), source: String(r.source), title: s(r.title), outlet: s(r.outlet), published: s(r.published),
        language: s(r.language), snippet: String(r.snippet ?? ''), rank: Number(r.rank),
      }));
      const facet = (k: number): Facet[] =>
        [...counts[k]!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20).map(([value, count]) => ({ value, count }));
      return { total: Math.min(total, SEARCH_CAP), ...(total > SEARCH_CAP ? { capped: true } : {}), hits, facets: { outlet: facet(0), language: facet(1), year: facet(2) } };
    });
  }

  private facetIndex: boolean | null = null;
  /** Whether the archive has the index documents_facets (see search), looked up once. */
  private hasFacetIndex(): boolean {
    this.facetIndex ??= this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'documents_facets'").get() !== undefined;
    return this.facetIndex;
  }

  async stats(): Promise<StoreStats> {
    return this.guard('counting', () => {
      return statsFromRow(this.stmt(`SELECT ${COUNT_KEYS.join(', ')} FROM counts`).get() as Row);
    });
  }

  async revision(): Promise<number> {
    return this.guard('reading the revision', () => Number((this.stmt('SELECT revision FROM counts').get() as Row).revision));
  }

  async pendingAnalysis(analyzer: number, limit: number): Promise<string[]> {
    return this.guard('listing pending documents', () =>
      (this.db.prepare('SELECT id FROM documents WHERE analyzed < ? ORDER BY rowid LIMIT ?').all(analyzer, limit) as Row[]).map((r) => String(r.id)),
    );
  }

  async claimJobs(worker: string, analyzer: number, limit: number, leaseSeconds: number): Promise<Job[]> {
    return this.guard('taking jobs', () =>
      this.db.transaction(() => {
        const now = Math.floor(Date.now() / 1000);
        const rows = this.db
          .prepare('SELECT id, attempts FROM documents WHERE analyzed < ? AND (lease_until IS NULL OR lease_until < ?) ORDER BY rowid LIMIT ?')
          .all(analyzer, now, limit) as Row[];
        const take = this.db.prepare('UPDATE documents SET lease_owner = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ?');
        for (const r of rows) take.run(worker, now + leaseSeconds, r.id);
        return rows.map((r) => ({ id: String(r.id), attempts: Number(r.attempts) + 1 }));
      }).immediate(),
    );
  }

  async check(): Promise<string[]> {
    return this.guard('checking', () => {
      const rows = this.db.pragma('integrity_check') as Row[];
      const problems = rows.map((r) => String(Object.values(r)[0])).filter((v) => v !== 'ok');
      const fk = this.db.pragma('foreign_key_check') as Row[];
      for (const r of fk) problems.push(`foreign key: ${JSON.stringify(r)}`);
      const orphan = Number((this.db.prepare('SELECT count(*) AS n FROM documents d WHERE d.latest = 1 AND EXISTS (SELECT 1 FROM documents e WHERE e.source = d.source AND e.version > d.version)').get() as Row).n);
      if (orphan) problems.push(`${orphan} superseded document(s) still marked latest`);
      const kept = statsFromRow(this.db.prepare(`SELECT ${COUNT_KEYS.join(', ')} FROM counts`).get() as Row);
      const real = statsFromRow(this.db.prepare(`SELECT ${COUNTED.map(([k, sql]) => `${sql} AS ${k}`).join(', ')}`).get() as Row);
      const differ = countsProblem(kept, real);
      if (differ) problems.push(differ);
      // against the documents only when the index should hold them all (a bulk write may be under way)
      const { upto, top } = this.searchMark();
      if (upto > top) problems.push(`the full-text index is marked up to document ${upto}, but the last document is ${top}`);
      try {
        this.db.prepare(`INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', ${upto === top ? 1 : 0})`).run();
      } catch (e) {
        problems.push(`full-text index: ${(e as Error).message}`);
      }
      return problems;
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

