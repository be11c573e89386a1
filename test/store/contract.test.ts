/**
 * The store contract on both real engines: SQLite on a temp file, PostgreSQL
 * on a fresh database of its own. Then what only PostgreSQL has (concurrent
 * migrations, connection strings with passwords, its limits), and one check
 * that a real folder stored in both engines reads back the same.
 */
import path from 'node:path';
import { inspect } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../../src/analyze/index.js';
import { contentHash } from '../../src/pipeline/prepare.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { runWorker } from '../../src/pipeline/worker.js';
import { openStore } from '../../src/store/open.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { NewDocument, Store } from '../../src/store/types.js';
import { EXAMPLES, tempDir, tempDirManual } from '../helpers.js';
import { KABUL, doc, storeContract } from './contract.js';
import { SKIP_PG, createTestDatabase, type TestDatabase } from './pg.js';

storeContract('SqliteStore', async () => {
  const file = path.join(tempDir(), 'archive.db');
  const open = async () => {
    const s = new SqliteStore(file);
    await s.migrate();
    return s;
  };
  return { store: await open(), connect: open };
});

describe.skipIf(SKIP_PG)('PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  storeContract('PostgresStore', async () => {
    // a fresh archive per test: an empty schema, migrated again
    await db.sql('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    const open = async () => {
      const s = new PostgresStore(db.url);
      await s.migrate();
      return s;
    };
    return { store: await open(), connect: open };
  });

  describe('PostgreSQL only', () => {
    const opened: Store[] = [];
    afterAll(async () => {
      for (const s of opened) await s.close();
    });
    /** a store on an empty schema of the test database */
    const freshStore = async (url = db.url): Promise<PostgresStore> => {
      await db.sql('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      const s = new PostgresStore(url);
      opened.push(s);
      return s;
    };

    it('processes that migrate at once migrate once (advisory lock)', async () => {
      await freshStore();
      const stores = Array.from({ length: 4 }, () => new PostgresStore(db.url));
      opened.push(...stores);
      await Promise.all(stores.map((s) => s.migrate()));
      expect(await db.sql('SELECT version FROM reckon_migrations ORDER BY version')).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }, { version: 5 }, { version: 6 }, { version: 7 }]);
      expect(await stores[0]!.check()).toEqual([]);
    });

    it('an archive from before the kept counts starts them from its tables', async () => {
      const s = await freshStore();
      await s.migrate();
      await ingest(s, [EXAMPLES]);
      const before = await s.stats();
      expect(before.claims).toBeGreaterThan(0);
      await db.sql('DROP TABLE counts; DELETE FROM reckon_migrations WHERE version >= 5');
      await s.migrate();
      expect(await s.stats()).toEqual(before);
      expect(await s.check()).toEqual([]);
    });

    it('search vectors are kept in their rows; an older archive is rewritten so and finds the same', async () => {
      const s = await freshStore();
      await s.migrate();
      await ingest(s, [EXAMPLES]);
      const storage = async () => (await db.sql("SELECT attstorage FROM pg_attribute WHERE attrelid = 'documents'::regclass AND attname = 'fts'"))[0];
      expect(await storage()).toEqual({ attstorage: 'm' });
      const before = await s.search('killed OR injured');
      expect(before.total).toBeGreaterThan(0);
      await db.sql("ALTER TABLE documents ALTER COLUMN fts SET STORAGE EXTENDED; DELETE FROM reckon_migrations WHERE version >= 7");
      expect(await storage()).toEqual({ attstorage: 'x' });
      await s.migrate();
      expect(await storage()).toEqual({ attstorage: 'm' });
      expect(await s.search('killed OR injured')).toEqual(before);
      expect(await s.check()).toEqual([]);
    });

    it('a search within dates can use the index on published (for latest documents, in the column C collation)', async () => {
      const s = await freshStore();
      await s.migrate();
      // a test archive is too small for the planner to prefer an index: forbid the sequential scan to ask whether it can use one
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      let plan: string;
      try {
        await c.query('SET enable_seqscan = off');
        const r = await c.query(
          `EXPLAIN SELECT count(*) FROM documents d WHERE d.fts @@ to_tsquery('simple', 'flood') AND d.latest AND d.published >= '2016' AND d.published <= '2016\uffff'`,
        );
        plan = (r.rows as Array<Record<string, string>>).map((row) => row['QUERY PLAN']).join('\n');
      } finally {
        await c.end();
      }
      expect(plan).toMatch(/Index Scan (using|on) documents_published/);
    });

    it('folds letters that do not decompose too (unaccent): "Baki" finds "Bakı", "Lodz" finds "Łódź", and back', async () => {
      const s = await freshStore();
      await s.migrate();
      await s.putDocuments([
        { doc: rawDoc('baku.txt', 'Troops entered Bakı on 20 January 1990.'), analysis: null },
        { doc: rawDoc('lodz.txt', 'A fire in Łódź injured three people.'), analysis: null },
        { doc: rawDoc('plain.txt', 'A flood near Baki and Lodz, spelt without accents.'), analysis: null },
      ]);
      const found = async (q: string) => (await s.search(q)).hits.map((h) => h.source).sort();
      expect(await found('Baki')).toEqual(['baku.txt', 'plain.txt']);
      expect(await found('Bakı')).toEqual(['baku.txt', 'plain.txt']);
      expect(await found('lodz')).toEqual(['lodz.txt', 'plain.txt']);
      expect(await found('ŁÓDŹ')).toEqual(['lodz.txt', 'plain.txt']);
      expect(await s.check()).toEqual([]);
    });

    it('refuses an archive written by a newer schema', async () => {
      const s = await freshStore();
      await s.migrate();
      await db.sql('INSERT INTO reckon_migrations (version) VALUES (999)');
      await expect(s.migrate()).rejects.toMatchObject({ code: 'STORE', message: expect.stringMatching(/newer reckon/) });
    });

    it('never shows the password: location, JSON, inspect and errors', async () => {
      const secret = 'hunter2-Secret';
      const url = db.url.replace('postgres://postgres@', `postgres://postgres:${secret}@`);
      const s = await freshStore(url);
      await s.migrate(); // trust auth: the password is not needed, but it is in the URL
      expect(s.location).toBe(url.replace(secret, '***'));
      expect(`${s.location} ${JSON.stringify(s)} ${inspect(s, { depth: 10, showHidden: true })} ${JSON.stringify({ ...s })}`).not.toContain(secret);
      const viaOpen = await openStore(url);
      opened.push(viaOpen);
      expect(viaOpen.kind).toBe('postgres');
      expect(viaOpen.location).not.toContain(secret);
      const asParam = new PostgresStore(`${db.url}?password=${secret}&application_name=x`);
      opened.push(asParam);
      expect((await asParam.stats()).documents).toBe(0);
      expect(asParam.location).toBe(`${db.url}?password=***&application_name=x`);

      const down = new PostgresStore(`postgres://postgres:${secret}@127.0.0.1:1/nowhere`);
      const err = await down.stats().then(
        () => null,
        (e: unknown) => e as { code: string; message: string; subject: string; oneLine(): string },
      );
      await down.close();
      expect(err).toMatchObject({ code: 'STORE' });
      expect(err!.oneLine()).toMatch(/cannot reach PostgreSQL/);
      expect(`${err!.message} ${err!.subject} ${err!.oneLine()}`).not.toContain(secret);
    });

    it('check() reports broken version flags and orphan claims', async () => {
      const s = await freshStore();
      await s.migrate();
      const v1 = doc('report.txt', KABUL);
      await s.putDocuments([{ doc: v1.doc, analysis: v1.analysis }], ANALYZER_VERSION);
      await s.putDocuments([{ doc: doc('report.txt', `${KABUL} Updated.`).doc, analysis: null }], ANALYZER_VERSION);
      expect(await s.check()).toEqual([]);
      await db.sql(`UPDATE documents SET latest = true WHERE id = '${v1.doc.id}'`);
      await db.sql(
        `SET session_replication_role = replica;
         INSERT INTO claims (document_id, idx, category, value, low, high, approx, location, location_inferred, start_offset, end_offset, quote, text_start, text_end, rules)
         VALUES ('gone', 0, 'killed', 1, 1, 1, 'exact', '[]', false, 0, 1, 'x', 0, 1, '[]');`,
      );
      const problems = await s.check();
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/1 superseded document\(s\) still marked latest/),
          expect.stringMatching(/1 source\(s\) without exactly one latest version/),
          expect.stringMatching(/1 claim\(s\) of no document/),
        ]),
      );
    });

    it('stores a text too big for one tsvector (indexed on its start) and NUL characters (as U+FFFD)', async () => {
      const s = await freshStore();
      await s.migrate();
      const words = Array.from({ length: 130_000 }, (_, i) => `w${i.toString(36)}x`).join(' ');
      const big = rawDoc('big.txt', `Zyzzyva ${words}`);
      const nul = rawDoc('nul.txt', 'Twelve killed\u0000 in Kabul.');
      expect(await s.putDocuments([{ doc: big, analysis: null }, { doc: nul, analysis: null }])).toMatchObject([{ status: 'added' }, { status: 'added' }]);
      expect((await s.search('Zyzzyva')).hits.map((h) => h.id)).toEqual([big.id]);
      expect((await s.getDocument(big.id))?.text.length).toBe(big.text.length);
      expect((await s.getDocument(nul.id))?.text).toBe('Twelve killed\uFFFD in Kabul.');
      expect((await s.search('Kabul')).hits.map((h) => h.id)).toEqual([nul.id]);
      expect(await s.check()).toEqual([]);
    });

    it('one folder stored in SQLite and in PostgreSQL reads back the same; workers analyse like ingest does', async () => {
      const pgStore = await freshStore();
      await pgStore.migrate();
      const { dir, remove } = tempDirManual();
      const lite = new SqliteStore(path.join(dir, 'a.db'));
      try {
        await lite.migrate();
        const a = await ingest(lite, [EXAMPLES]);
        const b = await ingest(pgStore, [EXAMPLES]);
        expect(a.failures).toEqual([]);
        expect({ ...b, elapsedMs: 0 }).toEqual({ ...a, elapsedMs: 0 });
        expect(a.claims).toBeGreaterThan(5);
        const docs = async (s: Store) => {
          const out = [];
          for await (const d of s.iterateDocuments()) out.push({ ...d, ingestedAt: '' });
          return out;
        };
        expect(await docs(pgStore)).toEqual(await docs(lite));
        expect(await pgStore.claims()).toEqual(await lite.claims());
        expect(await pgStore.allMentions()).toEqual(await lite.allMentions());
        expect(await pgStore.stats()).toEqual(await lite.stats());
        for (const q of ['Baku', 'killed OR wounded', '"January 20"', 'sold*']) {
          const [x, y] = [await pgStore.search(q), await lite.search(q)];
          expect(x.total, q).toBe(y.total);
          expect(new Set(x.hits.map((h) => h.id)), q).toEqual(new Set(y.hits.map((h) => h.id)));
          expect(x.facets, q).toEqual(y.facets);
        }

        // the same folder stored unanalysed, then analysed by a worker, gives the same claims
        await db.sql('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
        await pgStore.migrate();
        const raw = await ingest(pgStore, [EXAMPLES], { analyze: false });
        expect(raw.claims).toBe(0);
        expect(await pgStore.claims()).toEqual([]);
        expect((await pgStore.pendingAnalysis(ANALYZER_VERSION, 100)).length).toBe(raw.added);
        const report = await runWorker(pgStore, { id: 'w', batch: 2, leaseSeconds: 30, idleExitMs: 0, pollMs: 10 });
        expect(report).toMatchObject({ analyzed: raw.added, claims: a.claims, failed: 0 });
        expect(await pgStore.claims()).toEqual(await lite.claims());
        expect(await pgStore.pendingAnalysis(ANALYZER_VERSION, 100)).toEqual([]);
      } finally {
        await lite.close();
        remove();
      }
    });
  });
});

function rawDoc(source: string, text: string): NewDocument {
  const hash = contentHash(text);
  return {
    id: hash.slice(0, 16), source, format: 'text', encoding: 'utf-8', contentHash: hash, title: null, outlet: null, published: null,
    language: 'en', url: null, author: null, original: text, text,
    segments: [{ cleanStart: 0, length: text.length, origStart: 0, origEnd: text.length }],
  };
}
