/**
 * Every input format and every bad input, ingested as one batch into a real
 * SQLite archive: what is stored (text, title, outlet, date, encoding), what
 * fails (one line naming the file and the reason), that re-ingesting adds
 * nothing, and that a changed file becomes a new version.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestReport } from '../../src/pipeline/ingest.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { DocumentRecord } from '../../src/core/types.js';
import { generatedFixtures } from '../fixtures/ingest/generate.js';
import { FIXTURES, allDocuments, offsetProblems, openTestStore, tempDir, tempDirManual } from '../helpers.js';

interface Stored {
  title: string | null;
  outlet: string | null;
  published: string | null;
  language?: string | null;
  encoding: string;
  format: DocumentRecord['format'];
  url?: string | null;
  /** must be in the cleaned text */
  contains: string[];
  /** must not be in the cleaned text (furniture, markup, the title line) */
  absent?: string[];
}

const QUAKE = (variant: string, encoding: string): Stored => ({
  title: `Quake shakes Izmir coast (${variant})`,
  outlet: null,
  published: '2020-10-30',
  language: 'en',
  encoding,
  format: 'text',
  contains: ['officials said 24 people were killed and more than 800 were injured', 'İzmir', '“the building swayed for half a minute,”'],
  absent: ['date 2020-10-30', '\uFEFF', '\u0000'],
});

/** Source (relative to the fixture folder, "#n" for items) → what is stored. */
const STORED: Record<string, Stored> = {
  'utf8.txt': {
    title: 'Ferry capsizes off São Tomé coast — 23 rescued, six missing',
    outlet: 'Harbour Gazette',
    published: '2023-08-14',
    language: 'en',
    encoding: 'utf-8',
    format: 'text',
    contains: ['Coast guard crews pulled 23 survivors from the water; 12 bodies have been recovered', '“We are searching through the night,” said harbour master Inês Conceição.', 'set up a tent for the families.'],
    absent: ['Harbour Gazette', '14 August 2023', 'Share:', 'Facebook', 'Related News'],
  },
  'utf8-bom.txt': QUAKE('UTF-8 with BOM', 'utf-8'),
  'utf16le-bom.txt': QUAKE('UTF-16LE with BOM', 'utf-16le'),
  'utf16be-bom.txt': QUAKE('UTF-16BE with BOM', 'utf-16be'),
  'utf16le-nobom.txt': QUAKE('UTF-16LE without BOM', 'utf-16le'),
  'utf16be-nobom.txt': QUAKE('UTF-16BE without BOM', 'utf-16be'),
  'cp1251.txt': {
    title: 'Паводок в Сосновке: эвакуированы 230 жителей',
    outlet: null,
    published: '2022-05-14',
    language: 'ru',
    encoding: 'windows-1251',
    format: 'text',
    contains: ['погибли два человека, ещё 17 получили травмы', 'около 400 домов в низинной части посёлка'],
    absent: ['14.05.2022', '\uFFFD'],
  },
  'cp1252.txt': {
    title: "Tempête sur la côte d'Émeraude : douze blessés à Saint-Malo",
    outlet: null,
    published: '2021-02-03',
    language: 'fr',
    encoding: 'windows-1252',
    format: 'text',
    contains: ['une femme âgée de 83 ans a été hospitalisée à Rennes', '« Nous n’avons jamais vu des vagues pareilles »', 'estimés à 2 millions d’euros — un chiffre'],
    absent: ['\uFFFD'],
  },
  'invalid-utf8.txt': {
    title: 'Çağırış: Gəncədə yanğın, 5 nəfər xəsarət aldı',
    outlet: null,
    published: '2023-03-15',
    encoding: 'utf-8',
    format: 'text',
    contains: ['5 nəfər xəsarət alıb', '\uFFFD', 'Yanğının səbəbi araşdırılır.'],
  },
  'front-matter.md': {
    title: 'Landslide buries part of Kerrisdale village',
    outlet: 'Valley Observer',
    published: '2022-11-03',
    language: 'en',
    encoding: 'utf-8',
    format: 'markdown',
    url: 'https://valley-observer.example/landslide',
    contains: [
      'Rescuers in Kerrisdale said on Thursday that 9 people were killed',
      'according to the district health office.',
      'see the official statement for the evacuation map.',
      '120 homes evacuated',
    ],
    absent: ['---', 'author:', '**', '](', '![', 'Aerial view', '```', 'debug: scraper', '# Landslide', 'Landslide buries part of Kerrisdale village'],
  },
  'page.html': {
    title: 'Wildfire forces 3,000 from homes near Pinecrest',
    outlet: 'Mountain Daily',
    published: '2021-07-09',
    language: 'en',
    encoding: 'utf-8',
    format: 'html',
    url: 'https://mountain-daily.example/news/wildfire-pinecrest',
    contains: [
      'A fast-moving wildfire pushed about 3,000 residents out of their homes near Pinecrest on Thursday',
      'Two firefighters were hurt & treated at the scene',
      '“The wind turned against us in the afternoon,”',
      'Officials said 45 houses and 12 barns had burned by nightfall.',
      'volunteers handed out water and blankets',
    ],
    absent: ['&amp;', '&ldquo;', '<p>', 'Subscribe', 'Weather', 'Share:', 'Related News', 'go-bag', 'All rights reserved'],
  },
  'page.html.gz': {
    title: 'Chemical leak sends 57 to hospital in Ludwigshafen',
    outlet: 'Rhine Report',
    published: '2018-09-12',
    language: 'en',
    encoding: 'utf-8',
    format: 'html',
    contains: ['sent 57 workers to hospital on Wednesday with breathing problems', 'when the warning was lifted'],
    absent: ['Region', '©'],
  },
  'page-latin1.html': {
    title: 'Hochwasser in Passau: 1.200 Menschen evakuiert',
    outlet: 'Donau-Kurier',
    published: null,
    language: 'de',
    encoding: 'windows-1252',
    format: 'html',
    contains: ['mussten in Passau rund 1.200 Menschen ihre Wohnungen verlassen', 'Drei Feuerwehrleute wurden', 'Schäden in Millionenhöhe werden befürchtet – genaue'],
    absent: ['\uFFFD', 'Ã'],
  },
  'array.json#1': {
    title: 'Bridge collapse in Ostrava injures 14',
    outlet: 'Silesian Herald',
    published: '2020-03-02',
    language: 'en',
    encoding: 'utf-8',
    format: 'text',
    url: 'https://silesian-herald.example/bridge',
    contains: ['collapsed on Monday morning in Ostrava, injuring 14 people', 'Four of them were taken to hospital'],
  },
  'array.json#2': {
    title: 'Storm cuts power to 80,000 homes',
    // "source" is a URL here, not an outlet name
    outlet: null,
    published: '2020-01-14',
    language: 'en',
    encoding: 'utf-8',
    format: 'html',
    url: 'https://coastal-news.example/storm',
    contains: ['A winter storm cut power to 80,000 homes across the coast overnight', 'Crews expect to restore most lines by Friday.'],
    absent: ['<b>', '<p>'],
  },
  'documents.json#1': {
    title: 'Mine fire traps 11 workers in Karaganda',
    outlet: 'Steppe Observer',
    published: '2023-10-28',
    encoding: 'utf-8',
    format: 'text',
    contains: ['Eleven miners were trapped underground', 'Rescuers reached 7 of them by evening.'],
  },
  'documents.json#2': {
    title: 'Heatwave deaths rise to 38 in Seville province',
    outlet: 'Andalusia Today',
    published: '2022-07-20',
    encoding: 'utf-8',
    format: 'text',
    contains: ['linked to the heatwave in Seville province rose to 38'],
  },
  'single.json': {
    title: 'Avalanche kills two skiers above Zermatt',
    outlet: 'Alpine Courier',
    published: '2019-02-17',
    language: 'en',
    encoding: 'utf-8',
    format: 'text',
    contains: ['Two off-piste skiers were killed and a third was injured', 'at about 2,900 metres.'],
  },
  'records.jsonl#1': {
    title: 'Train derails near Tver, 5 hurt',
    outlet: 'Rail Daily',
    published: '2021-06-04',
    encoding: 'utf-8',
    format: 'text',
    contains: ['Five passengers were hurt when a freight and passenger train derailed near Tver'],
  },
  'records.jsonl#5': {
    title: 'Gas blast in Lviv flat kills 3',
    outlet: 'Rail Daily',
    published: '2021-06-08',
    encoding: 'utf-8',
    format: 'text',
    contains: ['Three people were killed by a gas explosion in a block of flats in Lviv'],
  },
  'feed.rss#1': {
    title: 'Boat fire on Lake Ohrid: 4 injured',
    outlet: 'Lakeside Radio News',
    published: '2023-08-05',
    language: 'en',
    encoding: 'utf-8',
    format: 'feed',
    url: 'https://lakeside-radio.example/boat-fire',
    // entity-escaped HTML, itself holding an escaped ampersand
    contains: ['Four tourists were injured when a fire broke out on a sightseeing boat on Lake Ohrid, police said & the harbour was closed.', 'All four were taken to hospital in Struga.'],
    absent: ['<p>', '&lt;', '&amp;'],
  },
  'feed.rss#2': {
    title: 'Storm floods 200 cellars in Bled',
    outlet: 'Lakeside Radio News',
    published: '2023-08-06',
    encoding: 'utf-8',
    format: 'feed',
    url: 'https://lakeside-radio.example/bled-storm',
    // content:encoded (CDATA) wins over the short description
    contains: ['Firefighters pumped water out of 200 cellars in Bled after a night storm', 'No one was hurt.'],
    absent: ['Short summary only.', '<strong>', 'CDATA'],
  },
  'feed.atom#1': {
    title: 'Ice storm leaves 60,000 without power in Tromsø',
    outlet: 'Northern Wire',
    published: '2024-02-01',
    language: 'en',
    encoding: 'utf-8',
    format: 'feed',
    url: 'https://northern-wire.example/ice-storm',
    contains: ['An ice storm left 60,000 households without power in Tromsø, the utility said.', 'Schools stay closed on Friday.'],
    absent: ['<em>', '&lt;', 'K. Berg'],
  },
  'feed.atom#2': {
    title: 'Avalanche closes E8 road',
    outlet: 'Northern Wire',
    published: '2024-02-02',
    encoding: 'utf-8',
    format: 'feed',
    url: 'https://northern-wire.example/e8',
    contains: ['An avalanche buried 300 metres of the E8 road near Skibotn; no vehicles were caught'],
    absent: ['<p>', 'CDATA'],
  },
};

/** Source → the failure it must give: its code and a reason in its message. */
const FAILED: Array<{ source: string; code: string; reason: RegExp }> = [
  { source: 'binary.txt', code: 'BAD_INPUT', reason: /^binary data, not text/ },
  { source: 'empty.txt', code: 'EMPTY', reason: /^empty file$/ },
  { source: 'blank.txt', code: 'EMPTY', reason: /only whitespace/ },
  { source: 'malformed.json', code: 'BAD_INPUT', reason: /^malformed JSON/ },
  { source: 'records.jsonl', code: 'BAD_INPUT', reason: /^line 2: malformed JSON/ },
  { source: 'records.jsonl', code: 'BAD_INPUT', reason: /^line 3: field "text" is number, not text$/ },
  { source: 'feed.rss', code: 'EMPTY', reason: /^item 3 \("Empty item"\) has no content$/ },
];

const rel = (source: string) => path.relative(FIXTURES, source);

describe('the ingest fixtures', () => {
  it('match what generate.ts makes (run it after changing a generated fixture)', () => {
    for (const [name, bytes] of Object.entries(generatedFixtures())) {
      const file = path.join(FIXTURES, name);
      expect(fs.existsSync(file), `${name} is missing`).toBe(true);
      const committed = fs.readFileSync(file);
      if (name.endsWith('.gz')) expect(zlib.gunzipSync(committed).equals(zlib.gunzipSync(bytes)), name).toBe(true);
      else expect(committed.equals(bytes), name).toBe(true);
    }
  });
});

describe('ingesting every format and bad input in one batch', () => {
  const tmp = tempDirManual();
  let store: SqliteStore;
  let report: IngestReport;
  let docs: DocumentRecord[];
  const bySource = new Map<string, DocumentRecord>();

  beforeAll(async () => {
    store = new SqliteStore(path.join(tmp.dir, 'archive.db'));
    await store.migrate();
    report = await ingest(store, [FIXTURES]);
    docs = await allDocuments(store);
    for (const d of docs) bySource.set(rel(d.source), d);
  });
  afterAll(async () => {
    await store?.close();
    tmp.remove();
  });

  it('stores every good document and nothing else', () => {
    expect([...bySource.keys()].sort()).toEqual(Object.keys(STORED).sort());
    expect(report.added).toBe(Object.keys(STORED).length);
    expect(report.versions).toBe(0);
    expect(report.duplicates).toBe(0);
  });

  it('counts every file in the folder as an input', () => {
    const files = fs.readdirSync(FIXTURES).filter((f) => !f.startsWith('.'));
    expect(report.files).toBe(files.length);
    expect(report.skipped).toBe(0);
  });

  it.each(Object.entries(STORED))('%s: text, title, outlet, date and encoding', (source, want) => {
    const d = bySource.get(source);
    expect(d, `${source} was not stored`).toBeDefined();
    if (!d) return;
    expect(d.title).toBe(want.title);
    expect(d.outlet).toBe(want.outlet);
    expect(d.published).toBe(want.published);
    if (want.language !== undefined) expect(d.language).toBe(want.language);
    expect(d.encoding).toBe(want.encoding);
    expect(d.format).toBe(want.format);
    if (want.url !== undefined) expect(d.url).toBe(want.url);
    for (const s of want.contains) expect(d.text, `${source} lost ${JSON.stringify(s)}`).toContain(s);
    for (const s of want.absent ?? []) expect(d.text, `${source} kept ${JSON.stringify(s)}`).not.toContain(s);
    expect(d.version).toBe(1);
    expect(d.supersededBy).toBeNull();
  });

  it('keeps the decoded original of each document (offsets point into it)', () => {
    const utf16 = bySource.get('utf16le-nobom.txt')!;
    expect(utf16.original.startsWith('Quake shakes Izmir coast')).toBe(true);
    const bom = bySource.get('utf16be-bom.txt')!;
    expect(bom.original.charCodeAt(0)).not.toBe(0xfeff);
    const cp = bySource.get('cp1251.txt')!;
    expect(cp.original).toContain('14.05.2022');
  });

  it.each(FAILED)('$source fails with one line naming the file and the reason ($reason)', ({ source, code, reason }) => {
    const matches = report.failures.filter((f) => rel(f.source) === source && reason.test(f.message));
    expect(matches, JSON.stringify(report.failures, null, 2)).toHaveLength(1);
    const f = matches[0]!;
    expect(f.code).toBe(code);
    const line = `${f.source}: ${f.message}`;
    expect(line).not.toMatch(/\n/);
    expect(line).toContain(path.join(FIXTURES, source));
  });

  it('reports no failure beyond the expected ones', () => {
    expect(report.failures).toHaveLength(FAILED.length);
  });

  it('warns about the broken bytes of a nearly valid UTF-8 file', () => {
    expect(report.warnings).toEqual([{ source: path.join(FIXTURES, 'invalid-utf8.txt'), message: expect.stringMatching(/^3 invalid UTF-8 byte\(s\) replaced/) }]);
  });

  it('keeps the offset invariant for every stored document', () => {
    expect(docs.length).toBeGreaterThan(0);
    const problems = docs.flatMap((d, i) => offsetProblems(d, 300, i + 1));
    expect(problems).toEqual([]);
  });

  it('passes the integrity check', async () => {
    expect(await store.check()).toEqual([]);
  });
});

describe('ingesting again', () => {
  it('stores nothing twice when the same batch is ingested again', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const first = await ingest(store, [FIXTURES]);
    const before = await store.stats();
    const second = await ingest(store, [FIXTURES]);
    const after = await store.stats();
    expect(second.added).toBe(0);
    expect(second.versions).toBe(0);
    expect(second.duplicates).toBe(first.added);
    expect(second.failures.length).toBe(first.failures.length);
    expect(after).toEqual(before);
    expect(after.versions).toBe(after.documents);
  });

  it('stores a changed file at the same path as version 2 and keeps version 1', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const file = path.join(dir, 'report.txt');
    fs.copyFileSync(path.join(FIXTURES, 'utf8.txt'), file);
    const r1 = await ingest(store, [file]);
    expect(r1.added).toBe(1);
    const v1 = (await store.getDocument(file))!;
    expect(v1.version).toBe(1);

    fs.appendFileSync(file, '\nUpdate: divers recovered two more bodies on Monday morning, the port authority said in a later statement.\n');
    const r2 = await ingest(store, [file]);
    expect(r2).toMatchObject({ added: 0, versions: 1, duplicates: 0 });
    const v2 = (await store.getDocument(file))!;
    expect(v2.version).toBe(2);
    expect(v2.id).not.toBe(v1.id);
    expect(v2.supersededBy).toBeNull();
    expect(v2.text).toContain('divers recovered two more bodies');

    const old = (await store.getDocument(v1.id))!;
    expect(old.version).toBe(1);
    expect(old.supersededBy).toBe(v2.id);
    expect(old.text).not.toContain('divers recovered');

    const latest = await store.listDocuments();
    expect(latest.map((d) => [d.id, d.version, d.latest])).toEqual([[v2.id, 2, true]]);
    const all = await store.listDocuments({ latestOnly: false });
    expect(all.map((d) => [d.version, d.latest])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(await store.stats()).toMatchObject({ documents: 1, versions: 2 });

    // the same new content again adds nothing; the next change is version 3
    expect((await ingest(store, [file])).duplicates).toBe(1);
    fs.appendFileSync(file, 'A third statement followed in the evening.\n');
    expect((await ingest(store, [file])).versions).toBe(1);
    expect((await store.getDocument(file))!.version).toBe(3);
    expect(await store.check()).toEqual([]);
  });

  it('stores the good files of a batch that also holds bad ones, whatever their order', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const inputs = ['binary.txt', 'utf8.txt', 'empty.txt', 'missing.txt', 'single.json', 'malformed.json', 'cp1252.txt'].map((f) => path.join(FIXTURES, f));
    const r = await ingest(store, inputs, { batchSize: 2 });
    expect(r.added).toBe(3);
    expect(r.failures.map((f) => [path.basename(f.source), f.code])).toEqual([
      ['binary.txt', 'BAD_INPUT'],
      ['empty.txt', 'EMPTY'],
      ['missing.txt', 'UNREACHABLE'],
      ['malformed.json', 'BAD_INPUT'],
    ]);
    expect(r.failures.find((f) => f.source.endsWith('missing.txt'))!.message).toBe('no such file or folder');
    const stored = (await store.listDocuments()).map((d) => path.basename(d.source));
    expect(stored).toEqual(['utf8.txt', 'single.json', 'cp1252.txt']);
  });
});
