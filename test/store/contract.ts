/**
 * The store contract as tests: one suite that every Store implementation
 * passes on its real engine (SQLite on a file, PostgreSQL on a server).
 * Documents are made by prepareDocument from small texts, so their claims and
 * mentions are the analyzer's own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../../src/analyze/index.js';
import type { Analysis, Claim, DocumentInput, Mention } from '../../src/core/types.js';
import { prepareDocument, type Prepared } from '../../src/pipeline/prepare.js';
import { MARK_CLOSE, MARK_OPEN, unmark } from '../../src/store/fts.js';
import { CLAIM_COLUMNS, MENTION_COLUMNS, claimFromRow, claimRow, mentionFromRow, mentionRow } from '../../src/store/rows.js';
import type { Store } from '../../src/store/types.js';

/** A fresh, migrated, empty archive, and a way to open more handles on it (as other processes would). */
export interface Archive {
  store: Store;
  connect(): Promise<Store>;
}

export const KABUL = 'On March 3, 2021, 12 people were killed and 30 injured in Kabul, officials said.';
export const OHRID = 'Floods in Ohrid killed 7 people on 5 August 2023. Another 20 were injured, police said.';
export const BERLIN = 'Bei einem Brand in Berlin wurden am 2. Mai 2022 drei Menschen verletzt, teilte die Feuerwehr mit.';
export const HERAT = 'On March 3, 2021, 14 people were killed in Herat, the governor said.';

export function doc(source: string, original: string, given: DocumentInput['given'] = {}): Prepared {
  return prepareDocument({ source, format: 'text', original, encoding: 'utf-8', given: { language: 'en', ...given } });
}

const kabul = (source = 'kabul.txt') => doc(source, KABUL, { title: 'Blast in Kabul', date: '2021-03-04', outlet: 'Example News' });
const ohrid = (source = 'ohrid.txt') => doc(source, OHRID, { title: 'Floods', date: '2023-08-06', outlet: 'Balkan Daily' });
const berlin = (source = 'berlin.txt') => doc(source, BERLIN, { title: 'Brand', date: '2022-05-03', outlet: 'Berliner Blatt', language: 'de' });

/** What a claim looks like after any faithful trip through the columns of rows.ts. */
function throughRows(id: string, i: number, c: Claim) {
  const row = Object.fromEntries(claimRow(id, i, c).map((v, k) => [CLAIM_COLUMNS[k]!, v]));
  return claimFromRow(row);
}
function mentionThroughRows(id: string, i: number, m: Mention): Mention {
  return mentionFromRow(Object.fromEntries(mentionRow(id, i, m).map((v, k) => [MENTION_COLUMNS[k]!, v])));
}

const put = (store: Store, ...docs: Prepared[]) => store.putDocuments(docs.map((p) => ({ doc: p.doc, analysis: p.analysis })), ANALYZER_VERSION);
const putRaw = (store: Store, ...docs: Prepared[]) => store.putDocuments(docs.map((p) => ({ doc: p.doc, analysis: null })), ANALYZER_VERSION);

const HOSTILE = [
  '', ' ', '"', '""', '"unclosed phrase', '*', '**', 'kab**', 'AND', 'OR', 'NOT', 'OR OR OR', 'Kabul OR', 'OR Kabul', 'Kabul AND NOT Ohrid',
  '(Kabul', 'Kabul)', 'NEAR(Kabul officials)', 'title:Kabul', '^Kabul', '-Kabul', '+Kabul', 'Kabul & Ohrid', 'Kabul | Ohrid', '!Kabul',
  'Kabul <-> killed', "Kabul:*", "'; DROP TABLE documents; --", '\\', '\\"', "O'Brien", '%', '_', '{}[]', 'a:*:*', '\u0000', '\u0000Kabul',
  '\u0002Kabul\u0003', '😀 Kabul', 'x'.repeat(5000), '中'.repeat(3000), 'Kabul '.repeat(400), '"a b c d e f g h i j k l m n o p"*',
  'Ḱȁƀȕĺ', 'ﬁre', '١٢ قتيلا', '\ud800', 'killed*', '12', '3,', '2021-03-03',
];

export function storeContract(name: string, makeStore: () => Promise<Archive>): void {
  describe(name, () => {
    const opened: Store[] = [];
    afterEach(async () => {
      while (opened.length) await opened.pop()!.close();
    });
    const fresh = async (): Promise<Archive> => {
      const a = await makeStore();
      opened.push(a.store);
      return {
        store: a.store,
        connect: async () => {
          const s = await a.connect();
          opened.push(s);
          return s;
        },
      };
    };

    describe('schema', () => {
      it('migrate is idempotent, also from a second handle on the same archive', async () => {
        const { store, connect } = await fresh();
        await store.migrate();
        await put(store, kabul());
        const other = await connect();
        await other.migrate();
        expect((await other.stats()).documents).toBe(1);
        expect(await other.check()).toEqual([]);
      });
    });

    describe('putDocuments', () => {
      it('dedupes by content hash, within one call, across calls and across sources', async () => {
        const { store } = await fresh();
        const k = kabul();
        const first = await put(store, k, k);
        expect(first).toEqual([
          { status: 'added', id: k.doc.id, version: 1 },
          { status: 'duplicate', id: k.doc.id, version: 1 },
        ]);
        expect(await put(store, k)).toEqual([{ status: 'duplicate', id: k.doc.id, version: 1 }]);
        expect(await put(store, kabul('elsewhere.txt'))).toEqual([{ status: 'duplicate', id: k.doc.id, version: 1 }]);
        expect(await store.putDocuments([])).toEqual([]);
        const st = await store.stats();
        expect(st.documents).toBe(1);
        expect(st.versions).toBe(1);
      });

      it('new content at a known source is its next version; the latest flag and superseded_by follow', async () => {
        const { store } = await fresh();
        const v1 = kabul('report.txt');
        const v2 = doc('report.txt', `${KABUL} Update: the toll rose to 14.`, { title: 'Blast in Kabul (updated)' });
        const v3 = doc('report.txt', HERAT, { title: 'Herat' });
        expect(await put(store, v1, ohrid())).toMatchObject([{ status: 'added', version: 1 }, { status: 'added', version: 1 }]);
        expect(await put(store, v2, v3)).toEqual([
          { status: 'version', id: v2.doc.id, version: 2 },
          { status: 'version', id: v3.doc.id, version: 3 },
        ]);
        expect((await store.getDocument('report.txt'))?.id).toBe(v3.doc.id);
        expect((await store.getDocument(v1.doc.id))?.supersededBy).toBe(v2.doc.id);
        expect((await store.getDocument(v2.doc.id))?.supersededBy).toBe(v3.doc.id);
        expect((await store.getDocument(v3.doc.id))?.supersededBy).toBeNull();
        expect((await store.listDocuments()).map((d) => [d.id, d.version, d.latest])).toEqual([
          [ohrid().doc.id, 1, true],
          [v3.doc.id, 3, true],
        ]);
        const all = await store.listDocuments({ latestOnly: false });
        expect(all.filter((d) => d.source === 'report.txt').map((d) => [d.version, d.latest])).toEqual([[1, false], [2, false], [3, true]]);
        const st = await store.stats();
        expect([st.documents, st.versions]).toEqual([2, 4]);
        expect(await store.check()).toEqual([]);
      });

      it('finds a document by id, unique id prefix or source; an unknown ref finds nothing', async () => {
        const { store } = await fresh();
        const k = kabul();
        await put(store, k);
        expect((await store.getDocument(k.doc.id))?.id).toBe(k.doc.id);
        expect((await store.getDocument(k.doc.id.slice(0, 6)))?.id).toBe(k.doc.id);
        expect((await store.getDocument(k.doc.id.slice(0, 6).toUpperCase()))?.id).toBe(k.doc.id);
        expect((await store.getDocument('kabul.txt'))?.id).toBe(k.doc.id);
        expect(await store.getDocument('nope.txt')).toBeNull();
        expect(await store.getDocument('ffffffff')).toBeNull();
        expect(await store.getDocument("' OR 1=1 --")).toBeNull();
      });

      it('keeps text, segments and metadata exactly as given', async () => {
        const { store } = await fresh();
        const text = 'Zwölf Tote in Neftçala 😀 — “quoted”\u2028line\tand \\ backslash, 12 killed.';
        const p = doc('odd.txt', text, { title: 'Ünïcödé “title”', outlet: 'O\'Brien Post', date: '2020-01-02', language: 'de' });
        const d = { ...p.doc, ingestedAt: '2024-05-06T07:08:09.123Z' };
        await store.putDocuments([{ doc: d, analysis: null }]);
        const got = await store.getDocument(d.id);
        expect(got).toEqual({ ...d, version: 1, supersededBy: null });
      });
    });

    describe('analyses', () => {
      it('claims and mentions round-trip (note included); putAnalysis replaces them', async () => {
        const { store } = await fresh();
        const k = kabul();
        expect(k.analysis.claims.length).toBeGreaterThanOrEqual(2);
        k.analysis.claims[1]!.note = '30 injured, as stated − 0';
        await put(store, k);
        const id = k.doc.id;
        const claims = await store.claims({ documents: [id] });
        expect(claims).toEqual(k.analysis.claims.map((c, i) => throughRows(id, i, c)));
        expect(claims[0]).toMatchObject({ id: `${id}:0`, document: id, index: 0, category: 'killed', value: 12, location: ['Kabul'], note: null });
        expect(claims[1]!.note).toBe('30 injured, as stated − 0');
        for (const c of claims) expect(c.quote).toBe(KABUL.slice(c.start, c.end));
        const mentions = await store.mentions(id);
        expect(mentions.length).toBeGreaterThan(0);
        expect(mentions).toEqual(k.analysis.mentions.map((m, i) => mentionThroughRows(id, i, m)));

        const smaller: Analysis = { claims: [k.analysis.claims[0]!], mentions: [] };
        await store.putAnalysis(id, smaller, ANALYZER_VERSION);
        expect((await store.claims({ documents: [id] })).map((c) => c.quote)).toEqual([k.analysis.claims[0]!.quote]);
        expect(await store.mentions(id)).toEqual([]);
        expect((await store.stats()).claims).toBe(1);
        await expect(store.putAnalysis('ffffffffffffffff', smaller, ANALYZER_VERSION)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      });

      it('filters claims by category, location, time overlap, documents, latest version; pages them', async () => {
        const { store } = await fresh();
        const k = kabul('report.txt');
        const o = ohrid();
        await put(store, k, o);
        const cats = (cs: Array<{ category: string; document: string }>) => cs.map((c) => `${c.document === k.doc.id ? 'K' : 'O'}:${c.category}`);
        expect(cats(await store.claims())).toEqual(['K:killed', 'K:injured', 'O:killed', 'O:injured']);
        expect((await store.claims({ category: 'killed' })).map((c) => c.value)).toEqual([12, 7]);
        expect(cats(await store.claims({ location: 'kabul' }))).toEqual(['K:killed', 'K:injured']);
        expect(cats(await store.claims({ location: 'OHRID' }))).toEqual(['O:killed', 'O:injured']);
        expect(await store.claims({ location: 'Paris' })).toEqual([]);
        expect(await store.claims({ location: "Kabul' OR '1'='1" })).toEqual([]);
        expect(cats(await store.claims({ from: '2023-01-01' }))).toEqual(['O:killed', 'O:injured']);
        expect(cats(await store.claims({ to: '2021-12-31' }))).toEqual(['K:killed', 'K:injured']);
        expect(cats(await store.claims({ from: '2021-03-03', to: '2021-03-03' }))).toEqual(['K:killed', 'K:injured']);
        expect(await store.claims({ from: '2021-03-04', to: '2023-08-04' })).toEqual([]);
        expect(cats(await store.claims({ from: '2023-08-05', to: '2030-01-01', category: 'injured' }))).toEqual(['O:injured']);
        expect(cats(await store.claims({ documents: [o.doc.id] }))).toEqual(['O:killed', 'O:injured']);
        expect(cats(await store.claims({ limit: 2, offset: 1 }))).toEqual(['K:injured', 'O:killed']);

        const v2 = doc('report.txt', HERAT, { title: 'Herat' });
        await put(store, v2);
        const latest = await store.claims({ category: 'killed' });
        expect(latest.map((c) => c.value)).toEqual([7, 14]);
        expect((await store.claims({ category: 'killed', latestOnly: false })).map((c) => c.value)).toEqual([12, 7, 14]);
        expect((await store.claims({ documents: [k.doc.id], latestOnly: false })).length).toBe(2);
        expect(await store.claims({ documents: [k.doc.id] })).toEqual([]);
      });

      it('allMentions: mentions of latest documents, optionally of some kinds', async () => {
        const { store } = await fresh();
        const k = kabul('report.txt');
        const o = ohrid();
        await put(store, k, o);
        const places = await store.allMentions(['place']);
        expect(places.every((m) => m.kind === 'place')).toBe(true);
        expect(places.map((m) => `${m.document === k.doc.id ? 'K' : 'O'}:${m.value}`)).toEqual(['K:Kabul', 'O:Ohrid']);
        const all = await store.allMentions();
        expect(all.length).toBe(k.analysis.mentions.length + o.analysis.mentions.length);
        expect(new Set(all.map((m) => m.kind))).toEqual(new Set(['place', 'date']));
        await put(store, doc('report.txt', HERAT));
        expect((await store.allMentions(['place'])).map((m) => m.value)).toEqual(['Ohrid', 'Herat']);
      });

      it('allMentions of some documents: theirs only, in ingest order', async () => {
        const { store } = await fresh();
        const k = kabul();
        const o = ohrid();
        const b = berlin();
        await put(store, k, o, b);
        const some = await store.allMentions(['place', 'date'], [b.doc.id, k.doc.id]);
        expect(some.length).toBeGreaterThan(0);
        expect([...new Set(some.map((m) => m.document))]).toEqual([k.doc.id, b.doc.id]);
        expect(some).toEqual((await store.allMentions(['place', 'date'])).filter((m) => m.document !== o.doc.id));
        expect(await store.allMentions(undefined, [])).toEqual([]);
      });

      it('reads of very many documents (a large event): claims, mentions and texts of those stored, in ingest order', async () => {
        const { store } = await fresh();
        const k = kabul();
        const o = ohrid();
        const h = doc('herat.txt', HERAT);
        await put(store, k, o, h);
        // 40,000 ids (more than one SQL statement binds), the stored ones among them out of order
        const ids = Array.from({ length: 40_000 }, (_, i) => `none-${i}`);
        ids.splice(100, 0, h.doc.id);
        ids.splice(25_000, 0, k.doc.id);
        ids.push(o.doc.id);
        expect(await store.claims({ documents: ids })).toEqual(await store.claims());
        expect(await store.claims({ documents: ids, limit: 2, offset: 1 })).toEqual((await store.claims()).slice(1, 3));
        expect(await store.allMentions(['place'], ids)).toEqual(await store.allMentions(['place']));
        expect([...(await store.documentTexts(ids)).keys()].sort()).toEqual([k.doc.id, o.doc.id, h.doc.id].sort());
      });

      it('documentHeads: latest documents without text, with their analyzer version; documentTexts by id', async () => {
        const { store } = await fresh();
        const k = kabul('report.txt');
        await put(store, k);
        await putRaw(store, ohrid());
        const h = doc('report.txt', HERAT, { title: 'Herat', date: '2021-03-04' });
        await put(store, h);
        const heads = await store.documentHeads();
        expect(heads[1]!.id).toBe(h.doc.id);
        expect(heads.map((h) => [h.title, h.analyzed])).toEqual([['Floods', 0], ['Herat', ANALYZER_VERSION]]);
        expect(heads[0]).toMatchObject({ source: 'ohrid.txt', outlet: 'Balkan Daily', published: '2023-08-06', language: 'en', url: null });
        expect(Object.keys(heads[0]!).sort()).toEqual(['analyzed', 'id', 'language', 'outlet', 'published', 'source', 'title', 'url']);
        const texts = await store.documentTexts([k.doc.id, h.doc.id, 'no-such-id']);
        expect(texts).toEqual(new Map([[k.doc.id, k.doc.text], [h.doc.id, h.doc.text]]));
        expect(await store.documentTexts([])).toEqual(new Map());
      });

      it('derived data: written, replaced, read by key or whole, dropped; kinds apart', async () => {
        const { store, connect } = await fresh();
        expect(await store.derived('signature')).toEqual([]);
        await store.putDerived('signature', [
          { key: 'a', stamp: 's1', value: '{"x":1}' },
          { key: 'b', stamp: 's1', value: 'ünïcode ✓' },
        ]);
        await store.putDerived('event:median', [{ key: 'a', stamp: 's1', value: '[]' }]);
        await store.putDerived('signature', [{ key: 'a', stamp: 's2', value: '{"x":2}' }, { key: 'a', stamp: 's3', value: '{"x":3}' }]);
        const other = await connect();
        const byKey = (es: Array<{ key: string }>) => [...es].sort((x, y) => x.key.localeCompare(y.key));
        expect(byKey(await other.derived('signature'))).toEqual([
          { key: 'a', stamp: 's3', value: '{"x":3}' },
          { key: 'b', stamp: 's1', value: 'ünïcode ✓' },
        ]);
        expect(await other.derived('signature', ['b', 'zz'])).toEqual([{ key: 'b', stamp: 's1', value: 'ünïcode ✓' }]);
        expect(await other.derivedStamps('signature')).toEqual(new Map([['a', 's3'], ['b', 's1']]));
        await store.dropDerived('signature', ['a', 'zz']);
        expect(await other.derivedStamps('signature')).toEqual(new Map([['b', 's1']]));
        expect(await other.derivedStamps('event:median')).toEqual(new Map([['a', 's1']]));
        await store.putDerived('signature', []);
        await store.dropDerived('signature', []);
      });

      it("a document's derived data is written with it: stored documents keep it, a duplicate's is not written, a refused batch keeps neither", async () => {
        const { store, connect } = await fresh();
        const sig = (value: string) => [{ kind: 'signature', stamp: 's1', value }];
        const k = kabul();
        const o = ohrid();
        const res = await store.putDocuments(
          [
            { doc: k.doc, analysis: k.analysis, derived: sig('kabul') },
            { doc: kabul('copy.txt').doc, analysis: null, derived: sig('copy') },
            { doc: o.doc, analysis: null, derived: [...sig('ohrid'), { kind: 'other', stamp: 's2', value: '2' }] },
          ],
          ANALYZER_VERSION,
        );
        expect(res.map((r) => r.status)).toEqual(['added', 'duplicate', 'added']);
        const other = await connect();
        expect(await other.derivedStamps('signature')).toEqual(new Map([[k.doc.id, 's1'], [o.doc.id, 's1']]));
        expect(await other.derived('signature', [k.doc.id])).toEqual([{ key: k.doc.id, stamp: 's1', value: 'kabul' }]);
        expect(await other.derived('other')).toEqual([{ key: o.doc.id, stamp: 's2', value: '2' }]);

        // putAnalysis writes them with the analysis, replacing what the key held
        await store.putAnalysis(o.doc.id, o.analysis, ANALYZER_VERSION, [{ kind: 'signature', stamp: 's3', value: 'ohrid again' }]);
        expect(await other.derived('signature', [o.doc.id])).toEqual([{ key: o.doc.id, stamp: 's3', value: 'ohrid again' }]);
        await expect(store.putAnalysis('ffffffffffffffff', o.analysis, ANALYZER_VERSION, sig('none'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await other.derived('signature', ['ffffffffffffffff'])).toEqual([]);

        // a batch the archive refuses (a new document whose id is taken) keeps none of its documents nor their derived data
        const b = berlin();
        const clash = { ...ohrid('clash.txt').doc, contentHash: 'f'.repeat(64), original: `${o.doc.original} (changed)` };
        await expect(
          store.putDocuments([{ doc: b.doc, analysis: b.analysis, derived: sig('berlin') }, { doc: clash, analysis: null, derived: sig('clash') }], ANALYZER_VERSION),
        ).rejects.toMatchObject({ code: 'STORE' });
        expect(await other.derived('signature', [b.doc.id])).toEqual([]);
        expect((await other.stats()).documents).toBe(2);
        expect(await other.check()).toEqual([]);
      });
    });

    describe('search', () => {
      const seed = async () => {
        const a = await fresh();
        await put(a.store, kabul('report.txt'), ohrid(), berlin());
        return a;
      };

      it('finds words, phrases, prefixes and OR in title and text, with marked snippets', async () => {
        const { store } = await seed();
        const k = kabul('report.txt').doc.id;
        const r = await store.search('Kabul');
        expect(r.total).toBe(1);
        expect(r.hits[0]).toMatchObject({ id: k, source: 'report.txt', title: 'Blast in Kabul', outlet: 'Example News', published: '2021-03-04', language: 'en' });
        expect(r.hits[0]!.snippet).toContain(`${MARK_OPEN}Kabul${MARK_CLOSE}`);
        const { text, highlights } = unmark(r.hits[0]!.snippet);
        expect(highlights.map(([s, e]) => text.slice(s, e))).toEqual(['Kabul']);
        expect((await store.search('kabul')).total).toBe(1);
        expect((await store.search('killed')).total).toBe(2);
        expect((await store.search('"people were killed"')).hits.map((h) => h.id)).toEqual([k]);
        expect((await store.search('"killed people"')).total).toBe(0);
        expect((await store.search('kil*')).total).toBe(2);
        expect((await store.search('Kabul OR Berlin')).total).toBe(2);
        expect((await store.search('Kabul Berlin')).total).toBe(0);
        expect((await store.search('Blast')).hits.map((h) => h.id)).toEqual([k]);
        expect((await store.search('Feuerwehr')).hits.map((h) => h.language)).toEqual(['de']);
        expect((await store.search('Timbuktu')).total).toBe(0);
      });

      it('ranks a title match first, best first by rank (lower is better), and pages', async () => {
        const { store } = await seed();
        const titled = doc('titled.txt', 'Rescue teams reached Ohrid again on Sunday.', { title: 'Ohrid floods: the toll', outlet: 'X' });
        await put(store, titled);
        const r = await store.search('Ohrid');
        expect(r.total).toBe(2);
        expect(r.hits[0]!.id).toBe(titled.doc.id);
        expect(r.hits[0]!.rank).toBeLessThan(r.hits[1]!.rank);
        const page = await store.search('Ohrid', { limit: 1, offset: 1 });
        expect(page.total).toBe(2);
        expect(page.hits.map((h) => h.id)).toEqual([r.hits[1]!.id]);
      });

      it('a bulk write (deferSearch) is found once the archive settles; an ordinary write at once, with what waited', async () => {
        const { store } = await fresh();
        const bulk = (...docs: Prepared[]) => store.putDocuments(docs.map((p) => ({ doc: p.doc, analysis: p.analysis })), ANALYZER_VERSION, { deferSearch: true });
        await bulk(kabul(), ohrid());
        await store.settle?.();
        expect((await store.search('Kabul OR Ohrid')).total).toBe(2);
        await bulk(berlin());
        await put(store, doc('herat.txt', HERAT));
        expect((await store.search('Feuerwehr OR Herat')).total).toBe(2);
        await store.settle?.();
        expect((await store.search('Feuerwehr OR Herat OR Kabul OR Ohrid')).total).toBe(4);
        expect(await store.check()).toEqual([]);
      });

      it('searches the latest version of each source only', async () => {
        const { store } = await seed();
        const v2 = doc('report.txt', HERAT, { title: 'Herat' });
        await put(store, v2);
        expect((await store.search('Kabul')).total).toBe(0);
        expect((await store.search('Herat')).hits.map((h) => h.id)).toEqual([v2.doc.id]);
      });

      it('gives facets by outlet, language and year, and filters by them', async () => {
        const { store } = await seed();
        const r = await store.search('Kabul OR Ohrid OR Berlin');
        expect(r.total).toBe(3);
        expect(r.facets.language).toEqual([{ value: 'en', count: 2 }, { value: 'de', count: 1 }]);
        expect(r.facets.outlet).toEqual([
          { value: 'Balkan Daily', count: 1 }, { value: 'Berliner Blatt', count: 1 }, { value: 'Example News', count: 1 },
        ]);
        expect(r.facets.year).toEqual([{ value: '2021', count: 1 }, { value: '2022', count: 1 }, { value: '2023', count: 1 }]);
        const q = 'Kabul OR Ohrid OR Berlin';
        expect((await store.search(q, { outlet: 'Example News' })).hits.map((h) => h.outlet)).toEqual(['Example News']);
        expect((await store.search(q, { language: 'de' })).hits.map((h) => h.outlet)).toEqual(['Berliner Blatt']);
        expect((await store.search(q, { from: '2022-01-01' })).total).toBe(2);
        expect((await store.search(q, { to: '2022-05-03' })).total).toBe(2);
        expect((await store.search(q, { from: '2022', to: '2022' })).hits.map((h) => h.published)).toEqual(['2022-05-03']);
        const filtered = await store.search(q, { language: 'en' });
        expect(filtered.facets.language).toEqual([{ value: 'en', count: 2 }]);
      });

      it('searches within dates the same whether the words or the dates are rarer (an index on published serves the second)', async () => {
        const { store } = await fresh();
        // a common word in every year, a rare word in one; one report superseded (its old date must not count)
        const reports = Array.from({ length: 24 }, (_, i) => {
          const year = 2015 + (i % 6);
          const text = `Flood report ${i}: the river rose in ${i === 7 ? 'Zyzzyva and ' : ''}the valley, ${i + 2} people were hurt.`;
          return doc(`flood-${i}.txt`, text, { title: `Flood ${i}`, date: `${year}-0${1 + (i % 9)}-1${i % 10}`, outlet: 'River News' });
        });
        await putRaw(store, ...reports);
        await putRaw(store, doc('flood-3.txt', 'Report 3, corrected: nobody was hurt.', { title: 'Report 3', date: '2030-01-01' }));
        const ids = async (q: string, o: { from?: string; to?: string }) => (await store.search(q, { ...o, limit: 100 })).hits.map((h) => h.published).sort();
        const want = (from: string, to: string) =>
          reports.filter((r, i) => i !== 3 && r.doc.published! >= from && r.doc.published! <= `${to}\uffff`).map((r) => r.doc.published).sort();
        // dates rarer than the words
        expect(await ids('flood', { from: '2016', to: '2016' })).toEqual(want('2016', '2016'));
        expect(await ids('flood', { from: '2019-01-01' })).toEqual(want('2019-01-01', '9999'));
        expect(await ids('flood', { to: '2015-12-31' })).toEqual(want('0000', '2015-12-31'));
        expect((await ids('flood', { from: '2016', to: '2016' })).length).toBe(4);
        // words rarer than the dates
        expect(await ids('Zyzzyva', { from: '2015', to: '2020' })).toEqual([reports[7]!.doc.published]);
        expect(await ids('Zyzzyva', { from: '2017', to: '2017' })).toEqual([]);
        // the superseded version's date does not count, the new one's does
        expect(await ids('corrected', { from: '2030' })).toEqual(['2030-01-01']);
        expect(await ids('flood', { from: '2018', to: '2018' })).toEqual(want('2018', '2018'));
        expect(reports[3]!.doc.published!.startsWith('2018')).toBe(true);
        const r = await store.search('flood', { from: '2016', to: '2017' });
        expect(r.total).toBe(8);
        expect(r.facets.year).toEqual([{ value: '2016', count: 4 }, { value: '2017', count: 4 }]);
      });

      it('folds accents: a query without them finds a text with them, and the other way round, highlighted as written', async () => {
        const { store } = await fresh();
        const sp = doc('sp.txt', 'Police in São Paulo said four people were hurt in a protest near the Praça da Sé.', { title: 'Protesta em São Paulo' });
        const nf = doc('nf.txt', 'Eight people were killed in Neftçala and Xaçmaz, officials said.', { title: 'Neftçala' });
        const zu = doc('zu.txt', 'A tram crash in Zurich injured twelve people on Friday, police said.', { title: 'Tram crash' });
        await putRaw(store, sp, nf, zu);
        const found = async (q: string) => (await store.search(q)).hits.map((h) => h.source).sort();
        expect(await found('Sao Paulo')).toEqual(['sp.txt']);
        expect(await found('são paulo')).toEqual(['sp.txt']);
        expect(await found('"sao paulo"')).toEqual(['sp.txt']);
        expect(await found('Praca da Se')).toEqual(['sp.txt']);
        expect(await found('praç*')).toEqual(['sp.txt']);
        expect(await found('Neftcala')).toEqual(['nf.txt']);
        expect(await found('NEFTÇALA')).toEqual(['nf.txt']);
        expect(await found('Xacmaz')).toEqual(['nf.txt']);
        expect(await found('Zürich')).toEqual(['zu.txt']);
        expect(await found('Zurich OR Neftçala')).toEqual(['nf.txt', 'zu.txt']);
        const hit = (await store.search('sao')).hits[0]!;
        const { text, highlights } = unmark(hit.snippet);
        expect(highlights.map(([a, b]) => text.slice(a, b))).toEqual(['São']);
        expect(await store.check()).toEqual([]);
      });

      it('never throws on hostile query strings, and they reach no query syntax', async () => {
        const { store } = await seed();
        for (const q of HOSTILE) {
          const r = await store.search(q);
          expect(r.total, JSON.stringify(q.slice(0, 40))).toBeGreaterThanOrEqual(0);
          expect(r.hits.length).toBeLessThanOrEqual(r.total);
        }
        expect((await store.search('Kabul OR')).total).toBe(1);
        expect((await store.search('"Kabul"')).total).toBe(1);
        expect((await store.search('title:Kabul')).total).toBe(0);
        expect((await store.search('Kabul:*')).total).toBe(1);
        expect((await store.stats()).documents).toBe(3);
      });
    });

    describe('listing and streaming', () => {
      it('listDocuments: ingest order, claim counts, pages, all versions on request', async () => {
        const { store } = await fresh();
        const k = kabul('report.txt');
        const o = ohrid();
        const b = berlin();
        await put(store, k, o);
        await putRaw(store, b);
        const list = await store.listDocuments();
        expect(list.map((d) => [d.id, d.claims, d.latest])).toEqual([
          [k.doc.id, k.analysis.claims.length, true],
          [o.doc.id, o.analysis.claims.length, true],
          [b.doc.id, 0, true],
        ]);
        expect(list[0]).toMatchObject({ source: 'report.txt', version: 1, title: 'Blast in Kabul', outlet: 'Example News', published: '2021-03-04', language: 'en', url: null });
        expect((await store.listDocuments({ limit: 1, offset: 1 })).map((d) => d.id)).toEqual([o.doc.id]);
        await put(store, doc('report.txt', HERAT));
        expect((await store.listDocuments()).map((d) => d.id)).not.toContain(k.doc.id);
        expect((await store.listDocuments({ latestOnly: false })).map((d) => d.id)).toContain(k.doc.id);
      });

      it('iterateDocuments streams whole documents in ingest order, batch by batch', async () => {
        const { store } = await fresh();
        const docs = [kabul('report.txt'), ohrid(), berlin(), doc('d.txt', 'Four people were injured in Lyon.'), doc('e.txt', 'Five houses burned.')];
        await put(store, docs[0]!, docs[1]!);
        await put(store, docs[2]!);
        await putRaw(store, docs[3]!, docs[4]!);
        const seen: string[] = [];
        for await (const d of store.iterateDocuments({ batch: 2 })) {
          seen.push(d.id);
          expect(d.original.length).toBeGreaterThan(0);
        }
        expect(seen).toEqual(docs.map((d) => d.doc.id));
        const v2 = doc('report.txt', HERAT);
        await put(store, v2);
        const latest: string[] = [];
        for await (const d of store.iterateDocuments({ batch: 3 })) latest.push(d.id);
        expect(latest).toEqual([...docs.slice(1).map((d) => d.doc.id), v2.doc.id]);
        const all: Array<[string, number]> = [];
        for await (const d of store.iterateDocuments({ latestOnly: false, batch: 1 })) all.push([d.id, d.version]);
        expect(all).toEqual([...docs.map((d): [string, number] => [d.doc.id, 1]), [v2.doc.id, 2]]);
      });

      it('stats counts latest documents, all versions, latest claims, mentions and analysed documents', async () => {
        const { store } = await fresh();
        const k = kabul('report.txt');
        const o = ohrid();
        await put(store, k);
        await putRaw(store, o);
        expect(await store.stats()).toEqual({
          documents: 2, versions: 2, claims: k.analysis.claims.length, mentions: k.analysis.mentions.length, analyzed: 1,
        });
        const v2 = doc('report.txt', HERAT);
        await put(store, v2);
        expect(await store.stats()).toEqual({
          documents: 2, versions: 3, claims: v2.analysis.claims.length,
          mentions: k.analysis.mentions.length + v2.analysis.mentions.length, analyzed: 2,
        });
      });

      it('the counts kept as documents are written equal the tables through every kind of write; the revision moves only on writes', async () => {
        const { store, connect } = await fresh();
        const other = await connect();
        const revisions: number[] = [await store.revision()];
        const step = async () => {
          expect(await store.check()).toEqual([]);
          revisions.push(await other.revision());
        };
        const k = kabul('report.txt');
        const o = ohrid();
        await put(store, k, o);
        await step();
        await put(store, k); // a duplicate changes nothing
        expect(await store.revision()).toBe(revisions.at(-1));
        await putRaw(store, berlin());
        await step();
        // two versions of one source in one batch, the first superseding a stored one
        await put(store, doc('report.txt', HERAT), doc('report.txt', `${HERAT} Officials said 3 more died later.`));
        await step();
        // an analysis of an unanalysed document, a re-analysis of a latest one, and of a superseded one
        const b = berlin();
        await store.putAnalysis(b.doc.id, b.analysis, ANALYZER_VERSION);
        await step();
        await store.putAnalysis(o.doc.id, kabul().analysis, ANALYZER_VERSION + 1);
        await step();
        await store.putAnalysis(k.doc.id, { claims: [], mentions: [] }, ANALYZER_VERSION + 1);
        await step();
        await store.putAnalysis(o.doc.id, { claims: [], mentions: [] }, 0);
        await step();
        expect((await store.stats()).analyzed).toBe(4); // report.txt's three versions and Berlin; Ohrid no longer
        expect(new Set(revisions).size).toBe(revisions.length); // each write moved it
        await store.search('Kabul');
        await store.claims();
        expect(await store.revision()).toBe(revisions.at(-1));
      });
    });

    describe('analysis jobs', () => {
      const unanalysed = async (n: number) => {
        const a = await fresh();
        const docs = Array.from({ length: n }, (_, i) => doc(`job-${i}.txt`, `Report ${i}: ${i + 2} people were killed in Kabul on March ${i + 1}, 2021.`));
        await putRaw(a.store, ...docs);
        return { ...a, ids: docs.map((d) => d.doc.id), docs };
      };

      it('pendingAnalysis: unanalysed or older analyses, in ingest order, up to a limit', async () => {
        const { store, ids, docs } = await unanalysed(4);
        expect(await store.pendingAnalysis(ANALYZER_VERSION, 10)).toEqual(ids);
        expect(await store.pendingAnalysis(ANALYZER_VERSION, 2)).toEqual(ids.slice(0, 2));
        await store.putAnalysis(ids[1]!, docs[1]!.analysis, ANALYZER_VERSION);
        expect(await store.pendingAnalysis(ANALYZER_VERSION, 10)).toEqual([ids[0], ids[2], ids[3]]);
        expect(await store.pendingAnalysis(ANALYZER_VERSION + 1, 10)).toEqual(ids);
        expect((await store.stats()).analyzed).toBe(1);
      });

      it('claimJobs: concurrent claimers get disjoint documents', async () => {
        const { store, connect, ids } = await unanalysed(14);
        const handles = [store, await connect(), await connect(), await connect()];
        const got = await Promise.all(handles.map((h, i) => h.claimJobs(`w${i}`, ANALYZER_VERSION, 4, 60)));
        const taken = got.flat().map((j) => j.id);
        expect(new Set(taken).size).toBe(taken.length);
        expect(taken.sort()).toEqual([...ids].sort());
        expect(got.map((g) => g.length).sort()).toEqual([2, 4, 4, 4]);
        expect(got.flat().every((j) => j.attempts === 1)).toBe(true);
        expect(await store.claimJobs('w9', ANALYZER_VERSION, 10, 60)).toEqual([]);
        // taken documents are still pending until analysed
        expect((await store.pendingAnalysis(ANALYZER_VERSION, 20)).length).toBe(14);
      });

      it('a live lease is respected; an expired one is taken again, counting attempts', async () => {
        const { store, connect, ids } = await unanalysed(3);
        const first = await store.claimJobs('crashing', ANALYZER_VERSION, 10, 1);
        expect(first.map((j) => j.id)).toEqual(ids);
        const other = await connect();
        expect(await other.claimJobs('rescuer', ANALYZER_VERSION, 10, 60)).toEqual([]);
        await new Promise((r) => setTimeout(r, 2200));
        const again = await other.claimJobs('rescuer', ANALYZER_VERSION, 10, 60);
        expect(again).toEqual(ids.map((id) => ({ id, attempts: 2 })));
      });

      it('putAnalysis clears the lease and marks the document analysed', async () => {
        const { store, ids, docs } = await unanalysed(3);
        expect((await store.claimJobs('w1', ANALYZER_VERSION, 10, 600)).length).toBe(3);
        await store.putAnalysis(ids[0]!, docs[0]!.analysis, ANALYZER_VERSION);
        expect(await store.pendingAnalysis(ANALYZER_VERSION, 10)).toEqual(ids.slice(1));
        expect((await store.claims({ documents: [ids[0]!] })).length).toBe(docs[0]!.analysis.claims.length);
        // a newer analyzer wants all three again, but only the first is free of its lease
        expect(await store.claimJobs('w2', ANALYZER_VERSION + 1, 10, 600)).toEqual([{ id: ids[0], attempts: 2 }]);
      });
    });

    describe('check', () => {
      it('finds nothing wrong on a good archive (versions, analyses, leases)', async () => {
        const { store } = await fresh();
        await put(store, kabul('report.txt'), ohrid());
        await putRaw(store, berlin());
        await put(store, doc('report.txt', HERAT));
        await store.claimJobs('w', ANALYZER_VERSION, 1, 60);
        expect(await store.check()).toEqual([]);
      });
    });
  });
}
