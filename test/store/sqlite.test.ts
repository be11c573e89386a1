/** The SQLite store on a real file: schema, versions, search, analyses, jobs, integrity. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Analysis, Claim, Mention } from '../../src/core/types.js';
import { ReckonError } from '../../src/core/errors.js';
import { analyzeText } from '../../src/analyze/index.js';
import { contentHash } from '../../src/pipeline/prepare.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { MARK_CLOSE, MARK_OPEN, parseQuery, toFts5, unmark } from '../../src/store/fts.js';
import type { NewDocument } from '../../src/store/types.js';
import { openTestStore, seededRandom, tempDir } from '../helpers.js';

function newDoc(source: string, text: string, meta: Partial<NewDocument> = {}): NewDocument {
  const hash = contentHash(text);
  return {
    id: hash.slice(0, 16),
    source,
    format: 'text',
    encoding: 'utf-8',
    contentHash: hash,
    title: null,
    outlet: null,
    published: null,
    language: 'en',
    url: null,
    author: null,
    original: text,
    text,
    segments: text.length ? [{ cleanStart: 0, length: text.length, origStart: 0, origEnd: text.length }] : [],
    ...meta,
  };
}

function claim(text: string, quote: string, extra: Partial<Claim> = {}): Claim {
  const start = text.indexOf(quote);
  return {
    category: 'killed', value: 12, low: 12, high: 12, approx: 'exact', subject: 'people', subgroup: null, relation: null, parent: null,
    location: ['Ohrid'], locationInferred: false, time: { start: '2023-08-05', end: '2023-08-06', precision: 'interval', inferred: true, text: 'on Saturday' },
    condition: null, attribution: 'police', attributionInferred: false, start, end: start + quote.length, quote, textStart: start, textEnd: start + quote.length,
    rules: ['parser:verb', 'refiner:place'], note: null, ...extra,
  };
}

const CTX = { published: '2024-05-04', title: null, language: 'en' };
const FLOOD = 'Floods in the Vardar valley killed 12 people on Saturday, police in Ohrid said. Another 30 were injured.';
const FIRE = 'A forest fire near Pinecrest destroyed 45 houses; firefighters were hurt, the fire service said.';
const QUAKE = 'An earthquake in the hills killed 7 people and damaged the old Neftçala mosque, officials said.';

describe('schema', () => {
  it('migrations are idempotent, also across reopening the file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.db');
    const s1 = new SqliteStore(file);
    await s1.migrate();
    await s1.migrate();
    await s1.putDocuments([{ doc: newDoc('a.txt', FLOOD), analysis: null }]);
    await s1.close();
    const s2 = new SqliteStore(file);
    await s2.migrate();
    expect((await s2.stats()).documents).toBe(1);
    expect(await s2.check()).toEqual([]);
    await s2.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  /** The archive in `file` taken back to schema `version` (by `sql`, which undoes what came after), then opened and migrated. */
  async function upgradedFrom(file: string, version: number, sql: string): Promise<SqliteStore> {
    const raw = new Database(file);
    raw.exec(sql);
    raw.pragma(`user_version = ${version}`);
    raw.close();
    const store = new SqliteStore(file);
    await store.migrate();
    return store;
  }

  /** Back to the mentions of schema 1–6: a row per mention, keyed by the document's id. */
  const MENTIONS_BEFORE_7 = `
    CREATE TABLE mentions (
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      kind TEXT NOT NULL, text TEXT NOT NULL, value TEXT NOT NULL,
      start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, text_start INTEGER NOT NULL, text_end INTEGER NOT NULL,
      data TEXT,
      PRIMARY KEY (document_id, idx)
    );
    INSERT INTO mentions SELECT d.id, j.key, j.value->>0, j.value->>1, j.value->>2, j.value->>3, j.value->>4, j.value->>5, j.value->>6, j.value->7
      FROM document_mentions m JOIN documents d ON d.rowid = m.doc, json_each(m.data) j;
    DROP TABLE document_mentions;`;

  it('an archive from before migration 7 keeps every mention, in order, with its data, a row per document', async () => {
    const file = path.join(tempDir(), 'a.db');
    const s1 = new SqliteStore(file);
    await s1.migrate();
    const docs = [newDoc('a.txt', FLOOD), newDoc('b.txt', QUAKE), newDoc('c.txt', FIRE)];
    await s1.putDocuments(docs.map((doc) => ({ doc, analysis: analyzeText(doc.text, CTX) })), 1);
    await s1.putDocuments([{ doc: newDoc('d.txt', 'Nothing here.'), analysis: { claims: [], mentions: [] } }], 1);
    const before = { all: await s1.allMentions(), each: await Promise.all(docs.map((d) => s1.mentions(d.id))), stats: await s1.stats() };
    await s1.close();
    const s2 = await upgradedFrom(file, 6, MENTIONS_BEFORE_7);
    expect(before.all.length).toBeGreaterThan(3);
    expect(before.all.some((m) => m.data)).toBe(true);
    expect(await s2.allMentions()).toEqual(before.all);
    expect(await Promise.all(docs.map((d) => s2.mentions(d.id)))).toEqual(before.each);
    expect(await s2.stats()).toEqual(before.stats);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'mentions'").get()).toEqual({ n: 0 });
    expect(raw.prepare('SELECT count(*) AS n FROM document_mentions').get()).toEqual({ n: 3 });
    raw.close();
    expect(await s2.check()).toEqual([]);
    await s2.close();
  });

  it('an archive from before the kept counts starts them from its tables', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.db');
    const s1 = new SqliteStore(file);
    await s1.migrate();
    await s1.putDocuments([{ doc: newDoc('a.txt', FLOOD), analysis: null }, { doc: newDoc('b.txt', QUAKE), analysis: analyzeText(QUAKE, CTX) }], 1);
    await s1.putDocuments([{ doc: newDoc('a.txt', FIRE), analysis: analyzeText(FIRE, CTX) }], 1);
    const before = await s1.stats();
    await s1.close();
    const s2 = await upgradedFrom(file, 3, `DROP TABLE counts; ${MENTIONS_BEFORE_7}`);
    expect(await s2.stats()).toEqual(before);
    expect(before).toMatchObject({ documents: 2, versions: 3, analyzed: 2 });
    expect(await s2.check()).toEqual([]);
    await s2.close();
  });

  it('an archive from before migration 5 loses the index of mentions by kind and value, and none of its mentions', async () => {
    const file = path.join(tempDir(), 'a.db');
    const s1 = new SqliteStore(file);
    await s1.migrate();
    await s1.putDocuments([{ doc: newDoc('b.txt', QUAKE), analysis: analyzeText(QUAKE, CTX) }], 1);
    const before = await s1.allMentions();
    await s1.close();
    const s2 = await upgradedFrom(file, 4, `${MENTIONS_BEFORE_7}; CREATE INDEX mentions_kind ON mentions(kind, value)`);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'mentions_kind'").all()).toEqual([]);
    raw.close();
    expect(before.length).toBeGreaterThan(0);
    expect(await s2.allMentions()).toEqual(before);
    expect(await s2.check()).toEqual([]);
    await s2.close();
  });

  it('an archive from before migration 6 (documents indexed for search by a trigger) keeps its index and indexes new documents', async () => {
    const file = path.join(tempDir(), 'a.db');
    const s1 = new SqliteStore(file);
    await s1.migrate();
    await s1.putDocuments([{ doc: newDoc('a.txt', FLOOD), analysis: null }, { doc: newDoc('b.txt', QUAKE), analysis: null }]);
    await s1.close();
    const s2 = await upgradedFrom(file, 5, `${MENTIONS_BEFORE_7};
      DROP TABLE search_indexed; DROP TRIGGER documents_ad; DROP TRIGGER documents_au;
      CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
      END;
      CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
      END;
      CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
      END;`);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all()).toEqual([{ name: 'documents_ad' }, { name: 'documents_au' }]);
    expect(raw.prepare('SELECT upto FROM search_indexed').get()).toEqual({ upto: 2 });
    raw.close();
    expect((await s2.search('Vardar OR Neftçala')).total).toBe(2);
    await s2.putDocuments([{ doc: newDoc('c.txt', FIRE), analysis: null }]);
    expect((await s2.search('Pinecrest')).total).toBe(1);
    expect(await s2.check()).toEqual([]);
    await s2.close();
  });

  it('refuses an archive written by a newer schema', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'new.db');
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const s = new SqliteStore(file);
    await expect(s.migrate()).rejects.toMatchObject({ code: 'STORE', message: expect.stringMatching(/newer reckon/) });
    await s.close();
  });

  it('refuses a file that is not an archive with a STORE error naming it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.db');
    fs.writeFileSync(file, 'these are my notes, not a database '.repeat(200));
    let err: unknown;
    try {
      const s = new SqliteStore(file);
      await s.migrate();
      await s.close();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReckonError);
    expect((err as ReckonError).code).toBe('STORE');
    expect((err as ReckonError).oneLine()).toContain(file);
  });
});

describe('putDocuments', () => {
  it('adds, dedupes by content and versions by source, in one call and across calls', async () => {
    const store = await openTestStore(tempDir());
    const r1 = await store.putDocuments([
      { doc: newDoc('a.txt', FLOOD), analysis: null },
      { doc: newDoc('b.txt', FIRE), analysis: null },
      { doc: newDoc('a-copy.txt', FLOOD), analysis: null }, // same content, other source
      { doc: newDoc('a.txt', `${FLOOD} Updated.`), analysis: null }, // same source, new content
    ]);
    expect(r1.map((r) => [r.status, r.version])).toEqual([
      ['added', 1],
      ['added', 1],
      ['duplicate', 1],
      ['version', 2],
    ]);
    expect(r1[2]!.id).toBe(r1[0]!.id);

    const r2 = await store.putDocuments([
      { doc: newDoc('a.txt', FLOOD), analysis: null }, // an old version again: already stored
      { doc: newDoc('b.txt', FIRE), analysis: null },
    ]);
    expect(r2.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);

    const v1 = (await store.getDocument(r1[0]!.id))!;
    const v2 = (await store.getDocument('a.txt'))!;
    expect(v2.version).toBe(2);
    expect(v1.supersededBy).toBe(v2.id);
    expect(v2.supersededBy).toBeNull();
    expect((await store.listDocuments()).map((d) => [d.source, d.version, d.latest])).toEqual([
      ['b.txt', 1, true],
      ['a.txt', 2, true],
    ]);
    expect((await store.listDocuments({ latestOnly: false })).map((d) => [d.source, d.version, d.latest])).toEqual([
      ['a.txt', 1, false],
      ['b.txt', 1, true],
      ['a.txt', 2, true],
    ]);
    expect(await store.stats()).toMatchObject({ documents: 2, versions: 3 });
    expect(await store.check()).toEqual([]);
  });

  it('finds a document by id, unique id prefix or source; an ambiguous or unknown ref finds nothing', async () => {
    const store = await openTestStore(tempDir());
    const [r] = await store.putDocuments([{ doc: newDoc('dir/a.txt', FLOOD), analysis: null }]);
    expect((await store.getDocument(r!.id))!.source).toBe('dir/a.txt');
    expect((await store.getDocument(r!.id.slice(0, 6)))!.id).toBe(r!.id);
    expect((await store.getDocument(r!.id.slice(0, 6).toUpperCase()))!.id).toBe(r!.id);
    expect((await store.getDocument('dir/a.txt'))!.id).toBe(r!.id);
    expect(await store.getDocument('nope')).toBeNull();
    expect(await store.getDocument('%')).toBeNull();
    // a prefix shared by two documents is ambiguous and finds nothing; a longer one finds one
    await store.putDocuments([
      { doc: { ...newDoc('p1.txt', FIRE), id: 'abcd000000000001' }, analysis: null },
      { doc: { ...newDoc('p2.txt', QUAKE), id: 'abcd000000000002' }, analysis: null },
    ]);
    expect(await store.getDocument('abcd')).toBeNull();
    expect(await store.getDocument('abcd00000000000')).toBeNull();
    expect((await store.getDocument('abcd000000000002'))!.source).toBe('p2.txt');
    // a prefix shorter than 4 characters is not looked up
    expect(await store.getDocument(r!.id.slice(0, 3))).toBeNull();
  });

  it('keeps text, segments and metadata as given (round trip)', async () => {
    const store = await openTestStore(tempDir());
    const doc = newDoc('x.html', 'Clean text', {
      format: 'html', encoding: 'windows-1252', original: '<p>Clean&nbsp;text</p>', title: 'T', outlet: 'O', published: '2020-01-02', url: 'https://x.example/', author: 'A',
      segments: [{ cleanStart: 0, length: 5, origStart: 3, origEnd: 8 }, { cleanStart: 5, length: 1, origStart: 8, origEnd: 14 }, { cleanStart: 6, length: 4, origStart: 14, origEnd: 18 }],
      ingestedAt: '2024-01-01T00:00:00.000Z',
    });
    await store.putDocuments([{ doc, analysis: null }]);
    const got = (await store.getDocument('x.html'))!;
    expect(got).toEqual({ ...doc, version: 1, supersededBy: null, ingestedAt: '2024-01-01T00:00:00.000Z' });
  });
});

describe('search', () => {
  async function archive() {
    const store = await openTestStore(tempDir());
    await store.putDocuments([
      { doc: newDoc('flood.txt', FLOOD, { title: 'Vardar floods', outlet: 'Valley Press', published: '2023-08-06' }), analysis: null },
      { doc: newDoc('fire.txt', FIRE, { title: 'Pinecrest fire', outlet: 'Mountain Daily', published: '2021-07-09' }), analysis: null },
      { doc: newDoc('quake.txt', QUAKE, { title: 'Hill quake', outlet: 'Valley Press', published: '2021-03-01', language: 'az' }), analysis: null },
      { doc: newDoc('old.txt', 'Floods in the Vardar valley: an old version that mentions zebras.', { title: 'Old' }), analysis: null },
    ]);
    await store.putDocuments([{ doc: newDoc('old.txt', 'The new version has no striped animals in it, only floods.', { title: 'New' }), analysis: null }]);
    return store;
  }

  it('finds words, phrases, prefixes and OR, with marked snippets, best match first', async () => {
    const store = await archive();
    const r = await store.search('killed');
    expect(r.total).toBe(2);
    expect(r.hits.map((h) => h.source).sort()).toEqual(['flood.txt', 'quake.txt']);
    const flood = r.hits.find((h) => h.source === 'flood.txt')!;
    expect(flood).toMatchObject({ title: 'Vardar floods', outlet: 'Valley Press', published: '2023-08-06', language: 'en' });
    expect(flood.snippet).toContain(`${MARK_OPEN}killed${MARK_CLOSE}`);
    expect(unmark(flood.snippet).text).not.toMatch(/[\u0002\u0003]/);
    expect(unmark(flood.snippet).highlights).toHaveLength(1);

    expect((await store.search('"police in Ohrid"')).hits.map((h) => h.source)).toEqual(['flood.txt']);
    expect((await store.search('"Ohrid police"')).total).toBe(0);
    expect((await store.search('firefight*')).hits.map((h) => h.source)).toEqual(['fire.txt']);
    expect((await store.search('zebras OR firefighters')).hits.map((h) => h.source)).toEqual(['fire.txt']);
    expect((await store.search('Ohrid earthquake')).total).toBe(0);
    // diacritics fold: Neftcala finds Neftçala
    expect((await store.search('neftcala')).hits.map((h) => h.source)).toEqual(['quake.txt']);
    // the title weighs more than the text
    const floods = await store.search('floods');
    expect(floods.hits[0]!.source).toBe('flood.txt');
  });

  it('searches the latest version of each source only', async () => {
    const store = await archive();
    expect((await store.search('zebras')).total).toBe(0);
    expect((await store.search('striped')).hits.map((h) => h.source)).toEqual(['old.txt']);
  });

  it('gives facets by outlet, language and year, and filters by them', async () => {
    const store = await archive();
    const r = await store.search('said');
    expect(r.total).toBe(3);
    expect(r.facets.outlet).toEqual([
      { value: 'Valley Press', count: 2 },
      { value: 'Mountain Daily', count: 1 },
    ]);
    expect(r.facets.language).toEqual([
      { value: 'en', count: 2 },
      { value: 'az', count: 1 },
    ]);
    expect(r.facets.year).toEqual([
      { value: '2021', count: 2 },
      { value: '2023', count: 1 },
    ]);
    expect((await store.search('said', { outlet: 'Valley Press' })).total).toBe(2);
    expect((await store.search('said', { language: 'az' })).hits.map((h) => h.source)).toEqual(['quake.txt']);
    expect((await store.search('said', { from: '2021-05-01' })).hits.map((h) => h.source).sort()).toEqual(['fire.txt', 'flood.txt']);
    expect((await store.search('said', { to: '2021-07-09' })).hits.map((h) => h.source).sort()).toEqual(['fire.txt', 'quake.txt']);
    expect((await store.search('said', { to: '2021' })).total).toBe(2);
    const page = await store.search('said', { limit: 1, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.hits).toHaveLength(1);
  });

  it.each([
    '"', '""', '"unclosed phrase', '*', '**', '* *', 'NEAR(', 'NEAR(killed police, 5)', 'OR', 'OR OR', 'killed OR', 'OR killed', 'killed OR OR police',
    'AND', 'NOT', 'killed NOT police', '-killed', '^killed', 'text:killed', 'title:floods', "'; DROP TABLE documents; --", "1' OR '1'='1", 'killed" OR "1',
    '(', ')', '()', '(killed', '{killed}', 'killed:', '\\', '\u0000', MARK_OPEN, '😀', '%', '_', '+', 'killed*police', 'x'.repeat(5000), 'a '.repeat(500),
  ])('a hostile query never throws: %s', async (q) => {
    const store = await archive();
    const r = await store.search(q);
    expect(r.total).toBeGreaterThanOrEqual(0);
    expect(r.hits.length).toBeLessThanOrEqual(r.total);
    // and the table is still there
    expect((await store.stats()).documents).toBe(4);
  });

  it('a search within dates takes the documents of those dates from the published index when they are rarer than the words', async () => {
    const store = await openTestStore(tempDir());
    const docs = Array.from({ length: 40 }, (_, i) =>
      newDoc(`r${i}.txt`, `Flood report ${i}${i === 5 ? ', Zyzzyva' : ''}: the river rose.`, { published: `${2000 + (i % 20)}-05-0${1 + (i % 9)}` }),
    );
    await store.putDocuments(docs.map((doc) => ({ doc, analysis: null })));
    // the statements search runs, with their arguments, to ask SQLite how it runs them
    const db = (store as unknown as { db: Database.Database }).db;
    const prepare = db.prepare.bind(db);
    const plans: string[] = [];
    db.prepare = ((sql: string) => {
      const st = prepare(sql);
      if (!/documents_fts MATCH/.test(sql) || /^SELECT count/.test(sql)) return st;
      const proxy: Database.Statement = new Proxy(st, {
        get: (t, k) => {
          if (k === 'all') {
            return (...a: unknown[]) => {
              plans.push((prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...a) as Array<{ detail: string }>).map((r) => r.detail).join(' | '));
              return t.all(...a);
            };
          }
          // raw(true) sets the statement's mode and returns it: the proxy stays the one called
          if (k === 'raw') return (...a: [boolean?]) => (t.raw(...a), proxy);
          const v = Reflect.get(t, k, t);
          return typeof v === 'function' ? v.bind(t) : v;
        },
      });
      return proxy;
    }) as typeof db.prepare;
    const planOf = async (q: string, o: { from?: string; to?: string }) => {
      plans.length = 0;
      const r = await store.search(q, o);
      expect(plans.length).toBe(2);
      return { total: r.total, plan: plans[0]! };
    };

    // a year (2 documents) within a word of all 40: the index gives the year's documents, FTS5 is scanned once
    const year = await planOf('flood', { from: '2003', to: '2003' });
    expect(year.total).toBe(2);
    expect(year.plan).toMatch(/USING COVERING INDEX documents_published \(latest=\? AND published>\? AND published<\?\)/);
    expect(year.plan).toMatch(/SCAN documents_fts VIRTUAL TABLE INDEX 0:M/);
    // never one full-text look-up per row of the index (FTS5 taking the rowids: INDEX 0:=M)
    expect(year.plan).not.toMatch(/INDEX 0:=/);
    // a rare word within many dates: its matches are looked up and their dates checked, without the index
    const rare = await planOf('Zyzzyva', { from: '2000', to: '2019' });
    expect(rare.total).toBe(1);
    expect(rare.plan).not.toMatch(/documents_published/);
    // (each match's date read from the index of facets, not from its document's row)
    expect(rare.plan).toMatch(/^SCAN documents_fts VIRTUAL TABLE INDEX 0:M\d* \| SEARCH d USING COVERING INDEX documents_facets \(rowid=\?/);
  });

  it('counts and groups the matches from the index of facets, and searches an archive without it alike', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const docs = Array.from({ length: 30 }, (_, i) =>
      newDoc(`f${i}.txt`, `Flood report ${i}: the river rose.`, { published: `${2001 + (i % 3)}-05-0${1 + (i % 9)}`, outlet: i % 2 ? 'Daily' : 'Weekly', language: i % 5 ? 'en' : 'fr' }),
    );
    await store.putDocuments(docs.map((doc) => ({ doc, analysis: null })));
    const db = (store as unknown as { db: Database.Database }).db;
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT d.outlet FROM documents_fts JOIN documents d INDEXED BY documents_facets ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH 'flood' AND d.latest = 1").all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/COVERING INDEX documents_facets/);
    const withIndex = await store.search('flood');
    expect(withIndex.total).toBe(30);
    expect(withIndex.facets.outlet).toEqual([{ value: 'Daily', count: 15 }, { value: 'Weekly', count: 15 }]);
    expect(withIndex.facets.language).toEqual([{ value: 'en', count: 24 }, { value: 'fr', count: 6 }]);
    expect(withIndex.facets.year).toEqual([{ value: '2001', count: 10 }, { value: '2002', count: 10 }, { value: '2003', count: 10 }]);
    // an archive of schema 8 (before the index), opened read-only so that it is not migrated
    db.exec('DROP INDEX documents_facets');
    db.pragma('user_version = 8');
    await store.close();
    const old = new SqliteStore(path.join(dir, 'archive.db'), { readonly: true });
    try {
      const without = await old.search('flood');
      expect(without).toEqual(withIndex);
    } finally {
      await old.close();
    }
  });

  it('quotes every term: FTS syntax in a query is searched as words', () => {
    expect(toFts5(parseQuery('NEAR(a b) OR c*'))).toBe('"NEAR a" AND "b" OR "c"*');
    expect(toFts5(parseQuery('title:x "a ""b"'))).toBe('"title x" AND "a" AND "b"');
    expect(toFts5(parseQuery('OR OR'))).toBe('"OR"');
    expect(parseQuery('')).toEqual([]);
    expect(parseQuery('"" * -')).toEqual([]);
  });
});

describe('search after a bulk write', () => {
  const bulk = (store: SqliteStore, ...docs: NewDocument[]) => store.putDocuments(docs.map((doc) => ({ doc, analysis: null })), 0, { deferSearch: true });
  const upto = (file: string) => {
    const raw = new Database(file, { readonly: true });
    const row = raw.prepare('SELECT upto FROM search_indexed').get() as { upto: number };
    raw.close();
    return row.upto;
  };

  it('documents wait for settle(), or until indexEvery wait, and are then indexed together; check() is clean meanwhile', async () => {
    const store = await openTestStore(tempDir(), 'a.db', { indexEvery: 3 });
    const file = store.location;
    await bulk(store, newDoc('a.txt', FLOOD), newDoc('b.txt', FIRE));
    expect((await store.search('Vardar OR Pinecrest')).total).toBe(0);
    expect(upto(file)).toBe(0);
    expect(await store.check()).toEqual([]);
    await bulk(store, newDoc('c.txt', QUAKE));
    expect((await store.search('Vardar OR Pinecrest OR Neftçala')).total).toBe(3);
    expect(upto(file)).toBe(3);
    await bulk(store, newDoc('a.txt', 'Floods in the Vardar valley: a second version, with zebras.'));
    expect((await store.search('zebras')).total).toBe(0);
    await store.settle();
    expect((await store.search('zebras')).total).toBe(1);
    expect((await store.search('Vardar')).total).toBe(1);
    expect(upto(file)).toBe(4);
    expect(await store.check()).toEqual([]);
  });

  it('settle() indexes in steps of indexEvery, each its own transaction, and leaves nothing behind', async () => {
    const store = await openTestStore(tempDir(), 'a.db', { indexEvery: 2 });
    const file = store.location;
    const texts = Array.from({ length: 7 }, (_, i) => `Report ${i}: the river rose near station kilometre${i}.`);
    for (const t of texts) await bulk(store, newDoc(`${t.slice(0, 8)}.txt`, t));
    expect(upto(file)).toBe(6);
    await store.settle();
    expect(upto(file)).toBe(7);
    expect((await store.search('river')).total).toBe(7);
    expect((await store.search('kilometre6')).total).toBe(1);
    expect(await store.check()).toEqual([]);
  });

  it('a bulk write stopped before it settled (a crash) is indexed when the archive is next opened', async () => {
    const dir = tempDir();
    const s1 = await openTestStore(dir);
    await bulk(s1, newDoc('a.txt', FLOOD), newDoc('b.txt', FIRE));
    await s1.close();
    const other = new SqliteStore(s1.location, { readonly: true });
    onTestFinished(() => other.close());
    expect((await other.search('Vardar OR Pinecrest')).total).toBe(0);
    const s2 = await openTestStore(dir);
    expect((await s2.search('Vardar OR Pinecrest')).total).toBe(2);
    expect((await other.search('Vardar OR Pinecrest')).total).toBe(2);
    expect(await s2.check()).toEqual([]);
  });

  it('an ordinary write by another handle indexes what a bulk write left waiting, once', async () => {
    const dir = tempDir();
    const a = await openTestStore(dir);
    const b = await openTestStore(dir);
    await bulk(a, newDoc('a.txt', FLOOD));
    await b.putDocuments([{ doc: newDoc('b.txt', FIRE), analysis: null }]);
    expect((await a.search('Vardar OR Pinecrest')).total).toBe(2);
    await a.settle();
    await b.settle();
    expect((await a.search('Vardar OR Pinecrest')).total).toBe(2);
    expect(await a.check()).toEqual([]);
  });

  it('check() reports a mark above the last document', async () => {
    const store = await openTestStore(tempDir());
    await store.putDocuments([{ doc: newDoc('a.txt', FLOOD), analysis: null }]);
    const raw = new Database(store.location);
    raw.prepare('UPDATE search_indexed SET upto = 9').run();
    raw.close();
    expect((await store.check()).join('\n')).toMatch(/marked up to document 9, but the last document is 1/);
  });
});

describe('analyses', () => {
  it('claims and mentions round-trip through putAnalysis, replacing the old ones', async () => {
    const store = await openTestStore(tempDir());
    const [r] = await store.putDocuments([{ doc: newDoc('flood.txt', FLOOD), analysis: null }]);
    const id = r!.id;
    const c0 = claim(FLOOD, 'killed 12 people');
    const c1 = claim(FLOOD, 'Another 30 were injured', {
      category: 'injured', value: 30, low: 30, high: 30, approx: 'about', subject: null, subgroup: 'children', relation: 'additional', parent: 0,
      location: [], locationInferred: true, time: null, condition: 'after the flood', attribution: null, attributionInferred: true, rules: [], note: '30 − 0',
    });
    const m0: Mention = { kind: 'place', text: 'Ohrid', textStart: FLOOD.indexOf('Ohrid'), textEnd: FLOOD.indexOf('Ohrid') + 5, start: FLOOD.indexOf('Ohrid'), end: FLOOD.indexOf('Ohrid') + 5, value: 'Ohrid', data: { country: 'MK', lat: 41.1, lon: 20.8 } };
    const m1: Mention = { kind: 'date', text: 'Saturday', textStart: 51, textEnd: 59, start: 51, end: 59, value: '2023-08-05' };
    const analysis: Analysis = { claims: [c0, c1], mentions: [m0, m1] };
    await store.putAnalysis(id, analysis, 3);

    const claims = await store.claims({ documents: [id] });
    expect(claims).toEqual([
      { ...c0, id: `${id}:0`, document: id, index: 0 },
      { ...c1, id: `${id}:1`, document: id, index: 1 },
    ]);
    expect(claims[0]!.quote).toBe(FLOOD.slice(claims[0]!.start, claims[0]!.end));
    expect(await store.mentions(id)).toEqual([m0, m1]);
    expect((await store.allMentions(['place'])).map((m) => [m.document, m.text])).toEqual([[id, 'Ohrid']]);
    expect(await store.pendingAnalysis(3, 10)).toEqual([]);
    expect(await store.pendingAnalysis(4, 10)).toEqual([id]);

    // filters
    expect((await store.claims({ category: 'injured' })).map((c) => c.index)).toEqual([1]);
    expect((await store.claims({ location: 'ohrid' })).map((c) => c.index)).toEqual([0]);
    expect((await store.claims({ from: '2023-08-06', to: '2023-08-31' })).map((c) => c.index)).toEqual([0]);
    expect((await store.claims({ from: '2023-09-01' })).length).toBe(0);

    // a new analysis replaces the old one
    await store.putAnalysis(id, { claims: [c1], mentions: [] }, 4);
    expect((await store.claims({ documents: [id] })).map((c) => c.category)).toEqual(['injured']);
    expect(await store.mentions(id)).toEqual([]);
    expect(await store.stats()).toMatchObject({ claims: 1, mentions: 0, analyzed: 1 });
  });

  it('stores an analysis given with the document, and only counts claims of latest versions', async () => {
    const store = await openTestStore(tempDir());
    await store.putDocuments([{ doc: newDoc('flood.txt', FLOOD), analysis: { claims: [claim(FLOOD, 'killed 12 people')], mentions: [] } }], 2);
    expect(await store.pendingAnalysis(2, 10)).toEqual([]);
    expect((await store.stats()).claims).toBe(1);
    await store.putDocuments([{ doc: newDoc('flood.txt', `${FLOOD} No more.`), analysis: { claims: [], mentions: [] } }], 2);
    expect((await store.stats()).claims).toBe(0);
    expect((await store.claims({ latestOnly: false })).length).toBe(1);
  });

  it('refuses an analysis for an unknown document', async () => {
    const store = await openTestStore(tempDir());
    await expect(store.putAnalysis('0123456789abcdef', { claims: [], mentions: [] }, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('derived data', () => {
  it('keeps long values deflated and short ones as text, reads both back exactly, and reads values kept as text before', async () => {
    const store = await openTestStore(tempDir());
    // an event's JSON: long, repetitive, not only ASCII
    const event = JSON.stringify({ name: 'Ünïcode flood ✓', facts: Array.from({ length: 60 }, (_, i) => ({ id: `killed-${i}`, quote: `at least ${i} people were killed`, sources: [i, i + 1] })) });
    const short = JSON.stringify({ keys: [], day: null, place: 'Goma', places: [['Goma', 1]], claims: 2 });
    await store.putDerived('event:median', [{ key: 'e1', stamp: 's', value: event }]);
    await store.putDerived('signature', [{ key: 'd1', stamp: 's', value: short }]);
    const raw = new Database(store.location, { readonly: true });
    onTestFinished(() => void raw.close());
    const stored = (kind: string) => raw.prepare('SELECT typeof(value) AS type, length(value) AS size FROM derived WHERE kind = ?').get(kind) as { type: string; size: number };
    expect(stored('event:median').type).toBe('blob');
    expect(stored('event:median').size).toBeLessThan(Buffer.byteLength(event) / 3);
    expect(stored('signature')).toEqual({ type: 'text', size: short.length });
    expect(await store.derived('event:median', ['e1'])).toEqual([{ key: 'e1', stamp: 's', value: event }]);
    expect(await store.derived('signature')).toEqual([{ key: 'd1', stamp: 's', value: short }]);
    // a long value an older reckon kept as text
    const writer = new Database(store.location);
    writer.prepare('INSERT INTO derived (kind, key, stamp, value) VALUES (?, ?, ?, ?)').run('event:median', 'old', 's', event);
    writer.close();
    expect(await store.derived('event:median', ['old'])).toEqual([{ key: 'old', stamp: 's', value: event }]);
  });

  it('keeps several deflated events to a page (a WITHOUT ROWID table gave each its own overflow page)', async () => {
    const store = await openTestStore(tempDir());
    const pages = () => {
      const raw = new Database(store.location, { readonly: true });
      try {
        return Number(raw.pragma('page_count', { simple: true }));
      } finally {
        raw.close();
      }
    };
    const before = pages();
    // 400 events of about 6 KB of JSON each, about 1.5 KB deflated: two to a page, where a WITHOUT ROWID
    // table kept about 0.5 KB of each in its leaf and the rest on an overflow page of its own
    const random = seededRandom(8);
    const word = () => Math.floor(random() * 2 ** 31).toString(36);
    const entries = Array.from({ length: 400 }, (_, k) => ({
      key: `ev-${k}`,
      stamp: 's',
      value: JSON.stringify({ id: `ev-${k}`, facts: Array.from({ length: 75 }, (_, i) => ({ id: `killed-${i}`, value: Math.floor(random() * 1e6), quote: `${word()} people were killed near ${word()}` })) }),
    }));
    await store.putDerived('event:median', entries);
    await store.settle();
    expect(pages() - before).toBeLessThan(300);
    expect(await store.derived('event:median', ['ev-399'])).toEqual([entries[399]]);
  });

  it('an archive from before migration 8 drops its derived data (stale for any newer code) and keeps what is derived next', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'archive.db');
    {
      const store = await openTestStore(dir);
      await store.putDerived('signature', [{ key: 'd1', stamp: 'old', value: 'x' }]);
      await store.close();
    }
    const raw = new Database(file);
    raw.exec('DROP TABLE derived; CREATE TABLE derived (kind TEXT NOT NULL, key TEXT NOT NULL, stamp TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;');
    raw.prepare('INSERT INTO derived VALUES (?, ?, ?, ?)').run('signature', 'd1', 'old', 'x');
    raw.pragma('user_version = 7');
    raw.close();
    const store = await openTestStore(dir);
    expect(await store.derived('signature')).toEqual([]);
    await store.putDerived('signature', [{ key: 'd2', stamp: 'new', value: 'y' }]);
    expect(await store.derived('signature')).toEqual([{ key: 'd2', stamp: 'new', value: 'y' }]);
    const check = new Database(file, { readonly: true });
    onTestFinished(() => void check.close());
    expect(String((check.prepare("SELECT sql FROM sqlite_master WHERE name = 'derived'").get() as { sql: string }).sql)).not.toMatch(/WITHOUT ROWID/i);
    expect(await store.check()).toEqual([]);
  });

  it("a document's derived data written with it is deflated when long, and read back exactly", async () => {
    const store = await openTestStore(tempDir());
    const value = 'ä'.repeat(3000);
    const doc = newDoc('long.txt', 'Two people were killed in Goma on Monday.');
    await store.putDocuments([{ doc, analysis: null, derived: [{ kind: 'signature', stamp: 's', value }] }], 1);
    const raw = new Database(store.location, { readonly: true });
    onTestFinished(() => void raw.close());
    expect((raw.prepare('SELECT typeof(value) AS t FROM derived').get() as { t: string }).t).toBe('blob');
    expect(await store.derived('signature', [doc.id])).toEqual([{ key: doc.id, stamp: 's', value }]);
  });
});

describe('claimJobs', () => {
  it('leases pending documents to one worker at a time; an expired lease is taken again', async () => {
    const store = await openTestStore(tempDir());
    await store.putDocuments([FLOOD, FIRE, QUAKE].map((t, i) => ({ doc: newDoc(`${i}.txt`, t), analysis: null })));
    const a = await store.claimJobs('worker-a', 1, 2, 60);
    expect(a.map((j) => j.attempts)).toEqual([1, 1]);
    const b = await store.claimJobs('worker-b', 1, 10, 60);
    expect(b).toHaveLength(1);
    expect(b[0]!.id).not.toBe(a[0]!.id);
    expect(await store.claimJobs('worker-c', 1, 10, 60)).toEqual([]);

    // worker a finishes one job; the other one's lease is still held
    await store.putAnalysis(a[0]!.id, { claims: [], mentions: [] }, 1);
    expect(await store.claimJobs('worker-c', 1, 10, 60)).toEqual([]);

    // a lease that has run out (a crashed worker) is taken again, with the attempt counted
    const store2 = await openTestStore(tempDir());
    await store2.putDocuments([{ doc: newDoc('x.txt', FLOOD), analysis: null }]);
    const first = await store2.claimJobs('crashy', 1, 10, -5);
    expect(first).toHaveLength(1);
    const again = await store2.claimJobs('steady', 1, 10, 60);
    expect(again).toEqual([{ id: first[0]!.id, attempts: 2 }]);
    // a newer analyzer makes analysed documents pending again
    await store2.putAnalysis(first[0]!.id, { claims: [], mentions: [] }, 1);
    expect(await store2.claimJobs('w', 1, 10, 60)).toEqual([]);
    expect((await store2.claimJobs('w', 2, 10, 60)).map((j) => j.id)).toEqual([first[0]!.id]);
  });
});

describe('check', () => {
  it('passes on a good archive and reports a damaged full-text index', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    await store.putDocuments([{ doc: newDoc('a.txt', FLOOD), analysis: null }, { doc: newDoc('b.txt', FIRE), analysis: null }]);
    expect(await store.check()).toEqual([]);
    await store.close();
    const raw = new Database(path.join(dir, 'archive.db'));
    raw.prepare("UPDATE documents SET text = 'changed' WHERE source = 'a.txt'").run();
    raw.prepare('DROP TRIGGER documents_au').run();
    raw.prepare("UPDATE documents SET text = 'changed again without the index' WHERE source = 'b.txt'").run();
    raw.close();
    const reopened = new SqliteStore(path.join(dir, 'archive.db'));
    const problems = await reopened.check();
    await reopened.close();
    expect(problems.join('\n')).toMatch(/full-text index/);
  });
});
