/**
 * The shared store: PostgreSQL through `pg`, for one archive used by many
 * processes and machines. Same contract and semantics as the SQLite store
 * (see types.ts); what differs is the engine's own tools:
 *
 * - migrations run under a transaction-scoped advisory lock, so processes
 *   that start together migrate once;
 * - full-text search uses a generated tsvector column (config 'reckon': 'simple',
 *   with accents folded by unaccent as SQLite's tokenizer folds them; the
 *   archive is multilingual) with a GIN index, ts_rank and ts_headline;
 * - workers take jobs with SELECT … FOR UPDATE SKIP LOCKED and a lease on
 *   the database's clock, so a crashed worker's documents are taken again;
 * - rows go in as whole columns (INSERT … SELECT FROM unnest(arrays)), a few
 *   statements per batch whatever its size.
 */
import { inspect } from 'node:util';
import pg from 'pg';
import { runsOf } from '../core/collections.js';
import { ReckonError } from '../core/errors.js';
import type { Analysis, DocumentRecord, Mention } from '../core/types.js';
import { MARK_CLOSE, MARK_OPEN, parseQuery, toTsQuery } from './fts.js';
import { redact } from './open.js';
import {
  CLAIM_COLUMNS, COUNT_KEYS, countedFromTables, countsProblem, docFromRow, MENTION_COLUMNS, claimFromRow, claimRow, mentionFromRow, mentionRow, statsFromRow,
} from './rows.js';
import type {
  ClaimFilter, DerivedEntry, DerivedOfDocument, DocumentHead, DocumentSummary, Facet, Job, ListOptions, NewDocument, PutItem, PutResult, SearchOptions, SearchResult, Store,
  StoreStats, StoredClaim,
} from './types.js';

/** Key of the advisory lock that serialises migrations ("reckon" in ASCII). */
const MIGRATION_LOCK = 0x7265636b6f6e;

/**
 * The tsvector of a document. A tsvector is limited to 1 MB; a text too big
 * for one (rare: hundreds of thousands of distinct words) is indexed on its
 * first 100,000 characters instead of failing the whole batch.
 */
const TSV_FUNCTION = `
  CREATE FUNCTION reckon_tsv(title text, body text) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
  BEGIN
    RETURN setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('simple'::regconfig, body), 'B');
  EXCEPTION WHEN program_limit_exceeded THEN
    RETURN setweight(to_tsvector('simple'::regconfig, left(coalesce(title, ''), 1000)), 'A')
        || setweight(to_tsvector('simple'::regconfig, left(body, 100000)), 'B');
  END $$;
`;

/** The counts kept in the table `counts`, counted from the tables (see countedFromTables). */
const COUNTED = countedFromTables('latest');
const COUNT_SQL = COUNTED.map(([, sql]) => sql).join(', ');

const MIGRATIONS: string[] = [
  // 1: documents, claims, mentions, full-text index, job leases
  `
  ${TSV_FUNCTION}
  CREATE TABLE documents (
    seq bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    source text NOT NULL,
    version integer NOT NULL,
    latest boolean NOT NULL DEFAULT true,
    superseded_by text,
    format text NOT NULL,
    encoding text NOT NULL,
    content_hash text NOT NULL UNIQUE,
    ingested_at text NOT NULL,
    title text, outlet text, published text COLLATE "C", language text, url text, author text,
    original text NOT NULL,
    text text NOT NULL,
    segments text NOT NULL,
    analyzed integer NOT NULL DEFAULT 0,
    lease_owner text,
    lease_until timestamptz,
    attempts integer NOT NULL DEFAULT 0,
    fts tsvector GENERATED ALWAYS AS (reckon_tsv(title, text)) STORED,
    UNIQUE (source, version)
  );
  CREATE INDEX documents_latest ON documents (seq) WHERE latest;
  CREATE INDEX documents_pending ON documents (analyzed, seq);
  CREATE INDEX documents_fts ON documents USING gin (fts);
  CREATE TABLE claims (
    document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx integer NOT NULL,
    category text NOT NULL,
    value double precision NOT NULL, low double precision NOT NULL, high double precision NOT NULL, approx text NOT NULL,
    subject text, subgroup text, relation text, parent integer,
    location jsonb NOT NULL, location_inferred boolean NOT NULL,
    time_start text COLLATE "C", time_end text COLLATE "C", time_precision text, time_inferred boolean NOT NULL DEFAULT false, time_text text,
    condition text, attribution text, attribution_inferred boolean NOT NULL DEFAULT false,
    start_offset integer NOT NULL, end_offset integer NOT NULL, quote text NOT NULL,
    text_start integer NOT NULL, text_end integer NOT NULL,
    rules jsonb NOT NULL,
    note text,
    PRIMARY KEY (document_id, idx)
  );
  CREATE INDEX claims_category ON claims (category);
  CREATE TABLE mentions (
    document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx integer NOT NULL,
    kind text NOT NULL, text text NOT NULL, value text NOT NULL,
    start_offset integer NOT NULL, end_offset integer NOT NULL, text_start integer NOT NULL, text_end integer NOT NULL,
    data jsonb,
    PRIMARY KEY (document_id, idx)
  );
  CREATE INDEX mentions_kind ON mentions (kind, value);
  `,
  // 2: publication dates of latest documents, for searches within dates
  `
  CREATE INDEX documents_published ON documents (published) WHERE latest;
  `,
  // 3: accents folded in search ("Sao" finds "São", and "Bakı" "Baki"), as SQLite's tokenizer folds them: a text
  // search configuration 'reckon', 'simple' with the unaccent dictionary in front. unaccent ships with PostgreSQL
  // (a trusted extension: the database's owner may create it); where it cannot be created, search still works,
  // without folding, and check() says so. The tsvector of every document is computed again.
  `
  DO $$ BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'reckon: no accent folding in search (%)', SQLERRM;
  END $$;
  CREATE TEXT SEARCH CONFIGURATION reckon (COPY = simple);
  DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'unaccent') THEN
      ALTER TEXT SEARCH CONFIGURATION reckon
        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
        WITH unaccent, simple;
    END IF;
  END $$;
  ALTER TABLE documents DROP COLUMN fts;
  ${TSV_FUNCTION.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION').replaceAll("'simple'::regconfig", "'reckon'::regconfig")}
  ALTER TABLE documents ADD COLUMN fts tsvector GENERATED ALWAYS AS (reckon_tsv(title, text)) STORED;
  CREATE INDEX documents_fts ON documents USING gin (fts);
  `,
  // 4: derived data kept to be read again (event signatures, reconciled events); rebuilt from the rest at any time
  `
  CREATE TABLE derived (
    kind text NOT NULL,
    key text NOT NULL,
    stamp text NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (kind, key)
  );
  `,
  // 5: what the archive holds, counted as it is written (counting every claim and mention on each /api/stats
  // and events request does not scale); revision counts the writes, so that a cache knows. The row is updated
  // last in each write's transaction, so writers hold its lock only until they commit.
  `
  CREATE TABLE counts (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    documents bigint NOT NULL, versions bigint NOT NULL, claims bigint NOT NULL, mentions bigint NOT NULL,
    analyzed bigint NOT NULL, revision bigint NOT NULL
  );
  INSERT INTO counts SELECT true, ${COUNT_SQL}, 0;
  `,
  // 6: no index of mentions by kind and value: no query reads it (mentions are read by document), and every
  // mention written paid for it at a random place in it
  `
  DROP INDEX IF EXISTS mentions_kind;
  `,
  // 7: each document's search vector kept in its row (compressed there) instead of out of line in the TOAST
  // table, where ranking the hits of a common word read it back row by row: at 100,000 documents, ranking the
  // 47,000 hits of "killed" took 320 ms, 60–90 ms after. The row's long texts go out of line instead; they are
  // read only for the page of hits shown. The rows already written are rewritten (CLUSTER: once, holding the
  // table for as long as a copy of it takes).
  `
  ALTER TABLE documents ALTER COLUMN fts SET STORAGE MAIN;
  CLUSTER documents USING documents_pkey;
  ANALYZE documents;
  `,
];

/** The 20 largest of a facet's counts, ties in the order of the values' bytes (as SQL's COLLATE "C" orders them). */
function topFacets(all: Facet[]): Facet[] {
  return all.sort((a, b) => b.count - a.count || Buffer.compare(Buffer.from(a.value), Buffer.from(b.value))).slice(0, 20);
}

/** SQL element types of the columns rows.ts lays out (a new column there must be typed here). */
const CLAIM_TYPES: Record<(typeof CLAIM_COLUMNS)[number], string> = {
  document_id: 'text', idx: 'integer', category: 'text', value: 'float8', low: 'float8', high: 'float8', approx: 'text',
  subject: 'text', subgroup: 'text', relation: 'text', parent: 'integer', location: 'jsonb', location_inferred: 'boolean',
  time_start: 'text', time_end: 'text', time_precision: 'text', time_inferred: 'boolean', time_text: 'text',
  condition: 'text', attribution: 'text', attribution_inferred: 'boolean', start_offset: 'integer', end_offset: 'integer',
  quote: 'text', text_start: 'integer', text_end: 'integer', rules: 'jsonb', note: 'text',
};
const MENTION_TYPES: Record<(typeof MENTION_COLUMNS)[number], string> = {
  document_id: 'text', idx: 'integer', kind: 'text', text: 'text', value: 'text', start_offset: 'integer', end_offset: 'integer',
  text_start: 'integer', text_end: 'integer', data: 'jsonb',
};
const DOC_INSERT: Array<[string, string]> = [
  ['id', 'text'], ['source', 'text'], ['version', 'integer'], ['latest', 'boolean'], ['superseded_by', 'text'], ['format', 'text'],
  ['encoding', 'text'], ['content_hash', 'text'], ['ingested_at', 'text'], ['title', 'text'], ['outlet', 'text'], ['published', 'text'],
  ['language', 'text'], ['url', 'text'], ['author', 'text'], ['original', 'text'], ['text', 'text'], ['segments', 'text'],
  ['analyzed', 'integer'],
];

/** Every column of documents but the tsvector (which is as big as the text). */
const DOC_SELECT = `seq, ${DOC_INSERT.map(([n]) => n).join(', ')}`;

/** Characters per INSERT statement for documents (a JavaScript string holds at most ~512M). */
const CHUNK_CHARS = 32 * 1024 * 1024;

/** ts_headline options: about as long as SQLite's 16-token snippet, with reckon's marks. */
const HEADLINE = `StartSel="${MARK_OPEN}", StopSel="${MARK_CLOSE}", MaxWords=20, MinWords=10, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`;

/** Errors worth retrying a whole write transaction for: another writer got there first. */
const RETRYABLE = new Set(['23505', '40001', '40P01']);

/** jsonb and json come back as their text, which rows.ts parses like SQLite's TEXT. */
const JSON_OIDS = new Set([114, 3802]);
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    JSON_OIDS.has(oid) ? (v: string) => v : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

type Row = Record<string, unknown>;
type Client = pg.PoolClient;

/** PostgreSQL cannot store NUL in text; like decode.ts, it becomes U+FFFD (offsets stay). */
const pgText = <T extends string | null | undefined>(v: T): T => (typeof v === 'string' && v.includes('\u0000') ? (v.replace(/\u0000/g, '\uFFFD') as T) : v);

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  /** the connection string without its password */
  readonly location: string;
  /** private (#) so that neither JSON nor inspect ever shows the connection string */
  readonly #pool: pg.Pool;
  #closed = false;

  constructor(url: string, options: { max?: number } = {}) {
    this.location = redact(url);
    try {
      this.#pool = new pg.Pool({
        connectionString: url,
        max: options.max ?? 5,
        connectionTimeoutMillis: 15_000,
        idleTimeoutMillis: 30_000,
        application_name: 'reckon',
        types: TYPES,
      });
    } catch (e) {
      throw this.fail('opening the archive', e);
    }
    // an idle connection that breaks (server restart) must not crash the process; the next query reports it
    this.#pool.on('error', () => undefined);
  }

  toJSON(): { kind: 'postgres'; location: string } {
    return { kind: this.kind, location: this.location };
  }

  [inspect.custom](): string {
    return `PostgresStore { ${this.location} }`;
  }

  /** A pg error as a STORE error about this archive, without the password anywhere. */
  private fail(what: string, e: unknown): ReckonError {
    if (e instanceof ReckonError) return e;
    const err = e as Error & { code?: string };
    let message = redactText(err?.message ?? String(e));
    if (err?.code === 'ECONNREFUSED' || err?.code === 'ENOTFOUND' || err?.code === 'EAI_AGAIN' || /timeout expired/i.test(message)) {
      message = `cannot reach PostgreSQL (${message})`;
    }
    return new ReckonError('STORE', `${what} failed: ${message}`, { subject: this.location, cause: e });
  }

  private async q(what: string, sql: string, args: unknown[] = []): Promise<Row[]> {
    try {
      return (await this.#pool.query(sql, args)).rows as Row[];
    } catch (e) {
      throw this.fail(what, e);
    }
  }

  /** Runs fn in one transaction; retries it (a few times) when a concurrent writer made it fail. */
  private async tx<T>(what: string, fn: (c: Client) => Promise<T>, retries = 0): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let c: Client;
      try {
        c = await this.#pool.connect();
      } catch (e) {
        throw this.fail(what, e);
      }
      let broken = false;
      try {
        await c.query('BEGIN');
        const result = await fn(c);
        await c.query('COMMIT');
        return result;
      } catch (e) {
        try {
          await c.query('ROLLBACK');
        } catch {
          broken = true;
        }
        const code = (e as { code?: string }).code;
        if (attempt < retries && code && RETRYABLE.has(code)) {
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
          continue;
        }
        throw this.fail(what, e);
      } finally {
        c.release(broken);
      }
    }
  }

  async migrate(): Promise<void> {
    await this.tx('migration', async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS reckon_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const current = Number((await c.query('SELECT coalesce(max(version), 0) AS v FROM reckon_migrations')).rows[0].v);
      if (current > MIGRATIONS.length) {
        throw new ReckonError('STORE', `the archive was written by a newer reckon (schema ${current} > ${MIGRATIONS.length})`, { subject: this.location });
      }
      for (let v = current; v < MIGRATIONS.length; v++) {
        await c.query(MIGRATIONS[v]!);
        await c.query('INSERT INTO reckon_migrations (version) VALUES ($1)', [v + 1]);
      }
    });
  }

  async putDocuments(items: PutItem[], analyzer = 0): Promise<PutResult[]> {
    if (!items.length) return [];
    return this.tx(
      'storing documents',
      async (c) => {
        const sources = [...new Set(items.map((i) => i.doc.source))];
        // writers of the same source take turns (version numbers); the order of locking avoids deadlocks
        await c.query(
          'SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(s, 0) AS k FROM unnest($1::text[]) AS s ORDER BY 1) AS l',
          [sources],
        );
        const byHash = new Map<string, { id: string; version: number }>();
        for (const r of (
          await c.query('SELECT content_hash, id, version FROM documents WHERE content_hash = ANY($1::text[])', [items.map((i) => i.doc.contentHash)])
        ).rows as Row[]) {
          byHash.set(String(r.content_hash), { id: String(r.id), version: Number(r.version) });
        }
        const last = new Map<string, { id: string; version: number; stored: boolean }>();
        for (const r of (
          await c.query('SELECT DISTINCT ON (source) source, id, version FROM documents WHERE source = ANY($1::text[]) ORDER BY source, version DESC', [sources])
        ).rows as Row[]) {
          last.set(String(r.source), { id: String(r.id), version: Number(r.version), stored: true });
        }

        const out: PutResult[] = [];
        const rows: Array<{ doc: NewDocument; version: number; supersededBy: string | null; analysis: Analysis | null; derived?: DerivedOfDocument[] }> = [];
        const byId = new Map<string, (typeof rows)[number]>();
        const supersede: Array<[string, string]> = [];
        for (const { doc, analysis, derived } of items) {
          const dup = byHash.get(doc.contentHash);
          if (dup) {
            out.push({ status: 'duplicate', id: dup.id, version: dup.version });
            continue;
          }
          const prev = last.get(doc.source);
          const version = prev ? prev.version + 1 : 1;
          const row = { doc, version, supersededBy: null, analysis, derived };
          rows.push(row);
          byId.set(doc.id, row);
          if (prev?.stored) supersede.push([prev.id, doc.id]);
          else if (prev) byId.get(prev.id)!.supersededBy = doc.id;
          byHash.set(doc.contentHash, { id: doc.id, version });
          last.set(doc.source, { id: doc.id, version, stored: false });
          out.push({ status: prev ? 'version' : 'added', id: doc.id, version });
        }

        const now = new Date().toISOString();
        for (const chunk of runsOf(rows, (r) => r.doc.original.length + r.doc.text.length + r.doc.segments.length * 40, CHUNK_CHARS)) {
          await insertColumns(
            c, 'documents', DOC_INSERT.map(([n]) => n), DOC_INSERT.map(([, t]) => t),
            chunk.map(({ doc, version, supersededBy, analysis }) => [
              doc.id, doc.source, version, supersededBy === null, supersededBy, doc.format, doc.encoding, doc.contentHash,
              doc.ingestedAt ?? now, pgText(doc.title), pgText(doc.outlet), pgText(doc.published), pgText(doc.language), pgText(doc.url),
              pgText(doc.author), pgText(doc.original), pgText(doc.text), JSON.stringify(doc.segments), analysis ? analyzer : 0,
            ]),
            true,
          );
        }
        const delta = { documents: 0, versions: rows.length, claims: 0, mentions: 0, analyzed: 0 };
        if (supersede.length) {
          await c.query(
            'UPDATE documents AS d SET latest = false, superseded_by = u.next FROM unnest($1::text[], $2::text[]) AS u(id, next) WHERE d.id = u.id',
            [supersede.map(([a]) => a), supersede.map(([, b]) => b)],
          );
          const [r] = (await c.query('SELECT count(*) AS n FROM claims WHERE document_id = ANY($1::text[])', [supersede.map(([a]) => a)])).rows as Row[];
          delta.claims -= Number(r!.n);
        }
        await writeAnalyses(c, rows.filter((r) => r.analysis).map((r) => [r.doc.id, r.analysis!]));
        await writeDerived(c, rows.flatMap((r) => (r.derived ?? []).map((d) => ({ ...d, key: r.doc.id }))));
        for (const r of rows) {
          if (r.supersededBy === null) delta.claims += r.analysis?.claims.length ?? 0;
          delta.mentions += r.analysis?.mentions.length ?? 0;
          if (r.analysis && analyzer > 0) delta.analyzed++;
        }
        // a new source adds a document; a new version of a known one (stored, or earlier in this batch) does not
        delta.documents = out.filter((o) => o.status === 'added').length;
        if (rows.length) await count(c, delta);
        return out;
      },
      5,
    );
  }

  async putAnalysis(id: string, analysis: Analysis, analyzer: number, derived?: DerivedOfDocument[]): Promise<void> {
    await this.tx(
      'storing an analysis',
      async (c) => {
        // updating the document first locks it: two writers of one document's analysis take turns
        const r = await c.query(
          `UPDATE documents d SET analyzed = $2, lease_owner = NULL, lease_until = NULL
           FROM (SELECT id, analyzed FROM documents WHERE id = $1 FOR UPDATE) AS was
           WHERE d.id = was.id RETURNING d.latest, was.analyzed AS was`,
          [id, analyzer],
        );
        if (!r.rowCount) throw new ReckonError('NOT_FOUND', `no document ${id}`);
        const row = r.rows[0] as Row;
        const claims = (await c.query('DELETE FROM claims WHERE document_id = $1', [id])).rowCount ?? 0;
        const mentions = (await c.query('DELETE FROM mentions WHERE document_id = $1', [id])).rowCount ?? 0;
        await writeAnalyses(c, [[id, analysis]]);
        await writeDerived(c, (derived ?? []).map((d) => ({ ...d, key: id })));
        const counted = (n: number) => (n > 0 ? 1 : 0);
        await count(c, {
          claims: row.latest ? analysis.claims.length - claims : 0,
          mentions: analysis.mentions.length - mentions,
          analyzed: counted(analyzer) - counted(Number(row.was)),
        });
      },
      3,
    );
  }

  async getDocument(ref: string): Promise<DocumentRecord | null> {
    const what = 'reading a document';
    let rows = await this.q(what, `SELECT ${DOC_SELECT} FROM documents WHERE id = $1`, [ref]);
    if (!rows.length) rows = await this.q(what, `SELECT ${DOC_SELECT} FROM documents WHERE source = $1 ORDER BY version DESC LIMIT 1`, [ref]);
    if (!rows.length && /^[0-9a-f]{4,}$/i.test(ref)) {
      const found = await this.q(what, `SELECT ${DOC_SELECT} FROM documents WHERE id LIKE $1 LIMIT 2`, [`${ref.toLowerCase()}%`]);
      if (found.length === 1) rows = found;
    }
    return rows.length ? docFromRow(rows[0]!) : null;
  }

  async listDocuments(options: ListOptions = {}): Promise<DocumentSummary[]> {
    const rows = await this.q(
      'listing documents',
      `SELECT d.id, d.source, d.version, d.title, d.outlet, d.published, d.language, d.url, d.latest,
              (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims
       FROM documents d ${options.latestOnly === false ? '' : 'WHERE d.latest'}
       ORDER BY d.seq LIMIT $1 OFFSET $2`,
      [options.limit ?? null, options.offset ?? 0],
    );
    return rows.map((r) => ({
      id: String(r.id), source: String(r.source), version: Number(r.version), title: s(r.title), outlet: s(r.outlet),
      published: s(r.published), language: s(r.language), url: s(r.url), claims: Number(r.claims), latest: r.latest === true,
    }));
  }

  async *iterateDocuments(options: { latestOnly?: boolean; batch?: number } = {}): AsyncIterable<DocumentRecord> {
    const batch = options.batch ?? 200;
    let after = 0;
    for (;;) {
      const rows = await this.q(
        'reading documents',
        `SELECT ${DOC_SELECT} FROM documents WHERE seq > $1 ${options.latestOnly === false ? '' : 'AND latest'} ORDER BY seq LIMIT $2`,
        [after, batch],
      );
      if (!rows.length) return;
      for (const r of rows) yield docFromRow(r);
      after = Number(rows[rows.length - 1]!.seq);
    }
  }

  async claims(filter: ClaimFilter = {}): Promise<StoredClaim[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const p = (v: unknown) => {
      args.push(v);
      return `$${args.length}`;
    };
    if (filter.latestOnly !== false) where.push('d.latest');
    if (filter.documents?.length) where.push(`c.document_id = ANY(${p(filter.documents)}::text[])`);
    if (filter.category) where.push(`c.category = ${p(filter.category)}`);
    if (filter.location) {
      where.push(`EXISTS (SELECT 1 FROM jsonb_array_elements_text(c.location) AS l(v) WHERE lower(l.v) = lower(${p(filter.location)}))`);
    }
    if (filter.from) where.push(`c.time_end >= ${p(filter.from)}`);
    if (filter.to) where.push(`c.time_start <= ${p(filter.to)}`);
    const sql = `SELECT c.* FROM claims c JOIN documents d ON d.id = c.document_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.seq, c.idx LIMIT ${p(filter.limit ?? null)} OFFSET ${p(filter.offset ?? 0)}`;
    return (await this.q('reading claims', sql, args)).map(claimFromRow);
  }

  async mentions(documentId: string): Promise<Mention[]> {
    return (await this.q('reading mentions', 'SELECT * FROM mentions WHERE document_id = $1 ORDER BY idx', [documentId])).map(mentionFromRow);
  }

  async allMentions(kinds?: Mention['kind'][], documents?: string[]): Promise<Array<Mention & { document: string }>> {
    const args: unknown[] = [];
    const where = ['d.latest'];
    if (kinds?.length) where.push(`m.kind = ANY($${args.push(kinds)}::text[])`);
    if (documents) where.push(`m.document_id = ANY($${args.push(documents)}::text[])`);
    const rows = await this.q(
      'reading mentions',
      `SELECT m.* FROM mentions m JOIN documents d ON d.id = m.document_id WHERE ${where.join(' AND ')} ORDER BY d.seq, m.idx`,
      args,
    );
    return rows.map((r) => ({ ...mentionFromRow(r), document: String(r.document_id) }));
  }

  async documentHeads(): Promise<DocumentHead[]> {
    const rows = await this.q('reading documents', 'SELECT id, source, title, outlet, published, language, url, analyzed FROM documents WHERE latest ORDER BY seq');
    return rows.map((r) => ({
      id: String(r.id), source: String(r.source), title: s(r.title), outlet: s(r.outlet), published: s(r.published),
      language: s(r.language), url: s(r.url), analyzed: Number(r.analyzed),
    }));
  }

  async documentTexts(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.q('reading documents', 'SELECT id, text FROM documents WHERE id = ANY($1::text[])', [ids]);
    return new Map(rows.map((r) => [String(r.id), String(r.text)]));
  }

  async derived(kind: string, keys?: string[]): Promise<DerivedEntry[]> {
    const rows = await this.q(
      'reading derived data',
      `SELECT key, stamp, value FROM derived WHERE kind = $1 ${keys ? 'AND key = ANY($2::text[])' : ''}`,
      keys ? [kind, keys] : [kind],
    );
    return rows.map((r) => ({ key: String(r.key), stamp: String(r.stamp), value: String(r.value) }));
  }

  async derivedStamps(kind: string): Promise<Map<string, string>> {
    const rows = await this.q('reading derived data', 'SELECT key, stamp FROM derived WHERE kind = $1', [kind]);
    return new Map(rows.map((r) => [String(r.key), String(r.stamp)]));
  }

  async putDerived(kind: string, entries: DerivedEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.tx('storing derived data', (c) => writeDerived(c, entries.map((e) => ({ ...e, kind }))));
  }

  async dropDerived(kind: string, keys: string[]): Promise<void> {
    if (!keys.length) return;
    await this.q('dropping derived data', 'DELETE FROM derived WHERE kind = $1 AND key = ANY($2::text[])', [kind, keys]);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const empty: SearchResult = { total: 0, hits: [], facets: { outlet: [], language: [], year: [] } };
    const tsquery = toTsQuery(parseQuery(query));
    if (!tsquery) return empty;
    const args: unknown[] = [tsquery];
    const p = (v: unknown) => {
      args.push(v);
      return `$${args.length}`;
    };
    const where = [`d.fts @@ to_tsquery('reckon', $1)`, 'd.latest'];
    if (options.outlet) where.push(`d.outlet = ${p(options.outlet)}`);
    if (options.language) where.push(`d.language = ${p(options.language)}`);
    if (options.from) where.push(`d.published >= ${p(options.from)}`);
    if (options.to) where.push(`d.published <= ${p(`${options.to}\uffff`)}`);
    const from = `FROM documents d WHERE ${where.join(' AND ')}`;
    const what = 'searching';
    const n = args.length;
    const [counts, hitRows] = await Promise.all([
      // the total and the three facets in one pass over the hits (four queries read them four times: the hits of a
      // common word are most of the archive); GROUPING says which set a row counts (a bit per column not grouped)
      this.q(
        what,
        `SELECT GROUPING(d.outlet, d.language, substr(d.published, 1, 4)) AS g, d.outlet, d.language, substr(d.published, 1, 4) AS year, count(*) AS n
         ${from} GROUP BY GROUPING SETS ((), (d.outlet), (d.language), (substr(d.published, 1, 4)))`,
        args,
      ),
      // ranks the page first, then makes headlines for its hits only (ts_headline reads the whole text)
      // rank: lower is better, as with SQLite's bm25
      this.q(
        what,
        `SELECT h.id, h.source, h.title, h.outlet, h.published, h.language, -h.score AS rank,
                ts_headline('reckon', h.text, to_tsquery('reckon', $1), $${n + 1}) AS snippet
         FROM (SELECT d.seq, d.id, d.source, d.title, d.outlet, d.published, d.language, d.text,
                      ts_rank('{0.1, 0.2, 0.5, 1.0}', d.fts, to_tsquery('reckon', $1), 1) AS score
               ${from} ORDER BY score DESC, d.seq LIMIT $${n + 2} OFFSET $${n + 3}) AS h
         ORDER BY h.score DESC, h.seq`,
        [...args, HEADLINE, options.limit ?? 20, options.offset ?? 0],
      ),
    ]);
    const hits = hitRows.map((r) => ({
      id: String(r.id), source: String(r.source), title: s(r.title), outlet: s(r.outlet), published: s(r.published),
      language: s(r.language), snippet: String(r.snippet ?? ''), rank: Number(r.rank),
    }));
    const facet = (g: number, column: string) => topFacets(counts.filter((r) => Number(r.g) === g && r[column] != null).map((r) => ({ value: String(r[column]), count: Number(r.n) })));
    const total = counts.find((r) => Number(r.g) === 7);
    return { total: Number(total?.n ?? 0), hits, facets: { outlet: facet(3, 'outlet'), language: facet(5, 'language'), year: facet(6, 'year') } };
  }

  async stats(): Promise<StoreStats> {
    const [r] = await this.q('counting', `SELECT ${COUNT_KEYS.join(', ')} FROM counts`);
    return statsFromRow(r!);
  }

  async revision(): Promise<number> {
    const [r] = await this.q('reading the revision', 'SELECT revision FROM counts');
    return Number(r!.revision);
  }

  async pendingAnalysis(analyzer: number, limit: number): Promise<string[]> {
    return (
      await this.q('listing pending documents', 'SELECT id FROM documents WHERE analyzed < $1 ORDER BY seq LIMIT $2', [analyzer, limit])
    ).map((r) => String(r.id));
  }

  async claimJobs(worker: string, analyzer: number, limit: number, leaseSeconds: number): Promise<Job[]> {
    return this.tx('taking jobs', async (c) => {
      // rows another worker is taking right now are skipped, not waited for; the lease is on the database's clock
      const r = await c.query(
        `WITH picked AS (
           SELECT seq FROM documents
           WHERE analyzed < $1 AND (lease_until IS NULL OR lease_until < now())
           ORDER BY seq LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE documents AS d
         SET lease_owner = $3, lease_until = now() + make_interval(secs => $4), attempts = d.attempts + 1
         FROM picked WHERE d.seq = picked.seq
         RETURNING d.seq, d.id, d.attempts`,
        [analyzer, limit, worker, leaseSeconds],
      );
      return (r.rows as Row[])
        .sort((a, b) => Number(a.seq) - Number(b.seq))
        .map((row) => ({ id: String(row.id), attempts: Number(row.attempts) }));
    });
  }

  async check(): Promise<string[]> {
    const [r] = await this.q(
      'checking',
      `SELECT
         (SELECT coalesce(max(version), 0) FROM reckon_migrations) AS schema,
         (SELECT count(*) FROM documents d WHERE d.latest
            AND EXISTS (SELECT 1 FROM documents e WHERE e.source = d.source AND e.version > d.version)) AS stale_latest,
         (SELECT count(*) FROM (SELECT source FROM documents GROUP BY source HAVING count(*) FILTER (WHERE latest) <> 1) AS x) AS sources_not_one_latest,
         (SELECT count(*) FROM documents d WHERE NOT d.latest
            AND (d.superseded_by IS NULL OR NOT EXISTS (SELECT 1 FROM documents e WHERE e.id = d.superseded_by))) AS dangling_superseded,
         (SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = c.document_id)) AS orphan_claims,
         (SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = m.document_id)) AS orphan_mentions,
         (SELECT count(*) FROM documents WHERE fts IS NULL) AS unindexed,
         (SELECT count(*) FROM pg_ts_config_map m JOIN pg_ts_config c ON c.oid = m.mapcfg JOIN pg_ts_dict d ON d.oid = m.mapdict
            WHERE c.cfgname = 'reckon' AND d.dictname = 'unaccent') AS folding`,
    );
    const problems: string[] = [];
    const n = (k: string) => Number(r![k]);
    if (n('schema') !== MIGRATIONS.length) problems.push(`schema version ${n('schema')}, expected ${MIGRATIONS.length}`);
    if (n('stale_latest')) problems.push(`${n('stale_latest')} superseded document(s) still marked latest`);
    if (n('sources_not_one_latest')) problems.push(`${n('sources_not_one_latest')} source(s) without exactly one latest version`);
    if (n('dangling_superseded')) problems.push(`${n('dangling_superseded')} superseded document(s) pointing to no document`);
    if (n('orphan_claims')) problems.push(`${n('orphan_claims')} claim(s) of no document`);
    if (n('orphan_mentions')) problems.push(`${n('orphan_mentions')} mention(s) of no document`);
    if (n('unindexed')) problems.push(`full-text index: ${n('unindexed')} document(s) not indexed`);
    const [kept] = await this.q('checking', `SELECT ${COUNT_KEYS.join(', ')} FROM counts`);
    const [real] = await this.q('checking', `SELECT ${COUNTED.map(([k, sql]) => `${sql} AS ${k}`).join(', ')}`);
    const differ = countsProblem(statsFromRow(kept!), statsFromRow(real!));
    if (differ) problems.push(differ);
    if (!n('folding')) problems.push('full-text search does not fold accents ("Sao" does not find "São"): the unaccent extension could not be created when the archive was set up');
    return problems;
  }

  async settle(): Promise<void> {
    // new rows wait in the GIN index's pending list, which every search scans in full (21 ms instead of 0.1 ms
    // for one word at 3,000 documents just after an ingest) until autovacuum merges it
    await this.q('settling the search index', `SELECT gin_clean_pending_list('documents_fts'::regclass)`);
    await this.q('settling the search index', 'ANALYZE documents');
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

/** Inserts rows (arrays in column order) as one INSERT … SELECT FROM unnest(one array per column). */
async function insertColumns(c: Client, table: string, columns: readonly string[], types: readonly string[], rows: unknown[][], ordered = false): Promise<void> {
  if (!rows.length) return;
  const cols: unknown[][] = columns.map(() => new Array<unknown>(rows.length));
  rows.forEach((r, i) => {
    for (let k = 0; k < columns.length; k++) cols[k]![i] = r[k] ?? null;
  });
  const arrays = types.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
  const names = columns.map((_, i) => `c${i}`);
  // WITH ORDINALITY + ORDER BY keeps the given order, so serial keys follow it
  const sql = ordered
    ? `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${names.join(', ')} FROM unnest(${arrays}) WITH ORDINALITY AS u(${names.join(', ')}, ord) ORDER BY ord`
    : `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${arrays})`;
  await c.query(sql, cols);
}

const QUOTE = CLAIM_COLUMNS.indexOf('quote');
const MENTION_TEXT = MENTION_COLUMNS.indexOf('text');

/** Adds to the counts, and one to the revision: the last statement of a write's transaction (it locks the row). */
async function count(c: Client, d: Partial<StoreStats>): Promise<void> {
  await c.query(
    `UPDATE counts SET documents = documents + $1, versions = versions + $2, claims = claims + $3, mentions = mentions + $4,
       analyzed = analyzed + $5, revision = revision + 1`,
    [d.documents ?? 0, d.versions ?? 0, d.claims ?? 0, d.mentions ?? 0, d.analyzed ?? 0],
  );
}

/** Writes derived data, replacing what a key held; of one key written twice, the last entry wins. */
async function writeDerived(c: Client, entries: Array<DerivedEntry & { kind: string }>): Promise<void> {
  if (!entries.length) return;
  // one key once per statement (ON CONFLICT cannot touch a row twice)
  const list = [...new Map(entries.map((e) => [`${e.kind}\0${e.key}`, e])).values()];
  await c.query(
    `INSERT INTO derived (kind, key, stamp, value) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (kind, key) DO UPDATE SET stamp = excluded.stamp, value = excluded.value`,
    [list.map((e) => e.kind), list.map((e) => e.key), list.map((e) => e.stamp), list.map((e) => e.value)],
  );
}

async function writeAnalyses(c: Client, analyses: Array<[string, Analysis]>): Promise<void> {
  const claims: unknown[][] = [];
  const mentions: unknown[][] = [];
  for (const [id, a] of analyses) {
    a.claims.forEach((cl, i) => claims.push(claimRow(id, i, cl).map((v) => (typeof v === 'string' ? pgText(v) : v))));
    a.mentions.forEach((m, i) => mentions.push(mentionRow(id, i, m).map((v) => (typeof v === 'string' ? pgText(v) : v))));
  }
  for (const chunk of runsOf(claims, (r) => String(r[QUOTE] ?? '').length + 400, CHUNK_CHARS)) {
    await insertColumns(c, 'claims', CLAIM_COLUMNS, CLAIM_COLUMNS.map((k) => CLAIM_TYPES[k]), chunk);
  }
  for (const chunk of runsOf(mentions, (r) => String(r[MENTION_TEXT] ?? '').length + 200, CHUNK_CHARS)) {
    await insertColumns(c, 'mentions', MENTION_COLUMNS, MENTION_COLUMNS.map((k) => MENTION_TYPES[k]), chunk);
  }
}


/** Hides passwords of any connection string inside a message. */
const redactText = (msg: string): string => msg.replace(/postgres(ql)?:\/\/[^\s'"]+/gi, (u) => redact(u));

const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

