/**
 * The real command line on an archive built once (read-only commands):
 * search, show, export, stats, check; and whole corpora through the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, GOLD_SEEDS, SEEDS, tempDir, tempDirManual } from '../helpers.js';
import { SUMMARY, reckon } from './reckon.js';

const INPUTS = ['utf8.txt', 'cp1252.txt', 'front-matter.md', 'page.html', 'single.json'].map((f) => path.join(FIXTURES, f));
const tmp = tempDirManual();
const db = path.join(tmp.dir, 'cli.db');

beforeAll(async () => {
  const r = await reckon(['ingest', '--db', db, ...INPUTS]);
  if (r.code !== 0) throw new Error(`could not build the test archive: ${r.stderr}`);
});
afterAll(() => tmp.remove());

describe('reckon search', () => {
  it('finds a word and prints id, title, source and a snippet', async () => {
    const r = await reckon(['search', 'ferry', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[0-9a-f]{16} {2}Ferry capsizes off São Tomé coast — 23 rescued, six missing {2}Harbour Gazette, 2023-08-14$/m);
    expect(r.stdout).toContain(path.join(FIXTURES, 'utf8.txt'));
    expect(r.stdout).toMatch(/A passenger ferry carrying 41 people/);
    expect(r.stderr.trim()).toBe('1 document(s) match');
  });

  it('--json has hits with plain snippets and highlights, and facets', async () => {
    const r = await reckon(['search', 'said', '--json', '--db', db]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      total: number;
      hits: Array<{ id: string; source: string; title: string; snippet: string; highlights: Array<[number, number]> }>;
      facets: { outlet: Array<{ value: string; count: number }>; language: Array<{ value: string; count: number }>; year: Array<{ value: string; count: number }> };
    };
    expect(out.total).toBe(out.hits.length);
    expect(out.total).toBeGreaterThanOrEqual(3);
    for (const h of out.hits) {
      expect(h.snippet).not.toMatch(/[\u0002\u0003]/);
      expect(h.highlights.length).toBeGreaterThan(0);
      for (const [s, e] of h.highlights) expect(h.snippet.slice(s, e).toLowerCase()).toBe('said');
    }
    expect(out.facets.outlet.map((f) => f.value)).toContain('Harbour Gazette');
    expect(out.facets.language.map((f) => f.value)).toContain('en');
    expect(out.facets.year.map((f) => f.value)).toContain('2023');
  });

  it('says so on stderr when nothing matches, and exits 0', async () => {
    const r = await reckon(['search', 'xylophone', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('no documents match');
  });
});

describe('reckon show', () => {
  it('shows a document by id prefix and by source; --json and --original', async () => {
    const source = path.join(FIXTURES, 'utf8.txt');
    const bySource = await reckon(['show', source, '--db', db, '--json']);
    expect(bySource.code).toBe(0);
    const doc = JSON.parse(bySource.stdout) as { id: string; source: string; title: string; text: string; claims: unknown[] };
    expect(doc).toMatchObject({ source, title: 'Ferry capsizes off São Tomé coast — 23 rescued, six missing', outlet: 'Harbour Gazette', published: '2023-08-14' });
    expect(Array.isArray(doc.claims)).toBe(true);

    const byPrefix = await reckon(['show', doc.id.slice(0, 8), '--db', db]);
    expect(byPrefix.code).toBe(0);
    expect(byPrefix.stdout).toMatch(new RegExp(`^id {8}${doc.id}$`, 'm'));
    expect(byPrefix.stdout).toMatch(/^outlet {4}Harbour Gazette$/m);
    expect(byPrefix.stdout).toMatch(/^format {4}text, utf-8$/m);
    expect(byPrefix.stdout).toContain(doc.text);
    expect(byPrefix.stdout).not.toContain('Related News');

    const original = await reckon(['show', doc.id, '--original', '--db', db]);
    expect(original.stdout).toContain('Related News');
  });

  it('exits 66 for an unknown document', async () => {
    const r = await reckon(['show', 'no-such-document', '--db', db]);
    expect(r.code).toBe(66);
    expect(r.stderr.trim()).toBe('reckon: no document "no-such-document" (try reckon search or reckon export)');
  });
});

describe('reckon export, stats and check', () => {
  it('--format json: documents[] with the contract fields, and events[]', async () => {
    const r = await reckon(['export', '--format', 'json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { documents: Array<Record<string, unknown>>; events: unknown[] };
    expect(out.documents).toHaveLength(5);
    expect(Array.isArray(out.events)).toBe(true);
    for (const d of out.documents) {
      for (const k of ['id', 'source', 'title', 'outlet', 'published', 'language', 'text', 'claims']) expect(d, k).toHaveProperty(k);
      expect(d.id).toMatch(/^[0-9a-f]{16}$/);
      expect(d.published === null || /^\d{4}-\d{2}-\d{2}$/.test(String(d.published))).toBe(true);
      expect(Array.isArray(d.claims)).toBe(true);
      const original = fs.readFileSync(String(d.source).replace(/#\d+$/, ''));
      for (const c of d.claims as Array<{ start: number; end: number; quote: string }>) {
        expect(c.end).toBeGreaterThan(c.start);
        if (String(d.source).endsWith('.txt')) expect(original.toString('utf8').slice(c.start, c.end)).toBe(c.quote);
      }
    }
    expect(out.documents.map((d) => path.basename(String(d.source)))).toEqual(['utf8.txt', 'cp1252.txt', 'front-matter.md', 'page.html', 'single.json']);
  });

  it('--format jsonl: one JSON document per line; --format csv: a header and one row per claim; --out writes a file', async () => {
    const dir = tempDir();
    const [jsonl, csv, toFile] = await Promise.all([
      reckon(['export', '--format', 'jsonl', '--db', db]),
      reckon(['export', '-f', 'csv', '--db', db]),
      reckon(['export', '--db', db, '--out', path.join(dir, 'out.json')]),
    ]);
    expect(jsonl.code).toBe(0);
    const lines = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; id?: string; claims?: unknown[] });
    expect(lines.filter((l) => l.type === 'document')).toHaveLength(5);
    expect(lines.every((l) => l.type === 'document' || l.type === 'event')).toBe(true);

    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('document,source,outlet,published,claim,category,value,low,high,approx,subject,subgroup,relation,location,time_start,time_end,condition,attribution,start,end,quote');
    const claims = lines.reduce((n, l) => n + (l.claims?.length ?? 0), 0);
    expect(rows.length - 1).toBeGreaterThanOrEqual(claims);

    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')) as { documents: unknown[] }).documents).toHaveLength(5);
  });

  it('stats counts documents and check says ok', async () => {
    const [stats, statsJson, check] = await Promise.all([reckon(['stats', '--db', db]), reckon(['stats', '--json', '--db', db]), reckon(['check', '--db', db])]);
    expect(stats.stdout).toMatch(new RegExp(`^${db}: 5 document\\(s\\) \\(5 version\\(s\\)\\), \\d+ claim\\(s\\), \\d+ mention\\(s\\)\\n$`));
    expect(JSON.parse(statsJson.stdout)).toMatchObject({ location: db, documents: 5, versions: 5 });
    expect(check.code).toBe(0);
    expect(check.stdout.trim()).toBe(`${db}: ok`);
  });
});

describe('the sample corpus through the CLI', () => {
  it('ingests examples/black-january and finds the two reports that name Neftchala', async () => {
    const db = path.join(tempDir(), 'bj.db');
    const r = await reckon(['ingest', EXAMPLES, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(SUMMARY.exec(r.stdout.trim())!.slice(1, 6).map(Number)).toEqual([5, 5, 0, 0, 0]);
    const s = await reckon(['search', 'Neftchala', '--json', '--db', db]);
    const hits = (JSON.parse(s.stdout) as { hits: Array<{ source: string }> }).hits.map((h) => path.basename(h.source)).sort();
    expect(hits).toEqual(['04-day-of-honour.txt', '05-operative-information-center.html']);
  });
});

const hasShared = fs.existsSync(SEEDS) && fs.existsSync(GOLD_SEEDS);
if (!hasShared) console.warn(`[reckon tests] ${SEEDS} is absent: the CLI seed corpus test is skipped`);

describe.skipIf(!hasShared)('the seed reports through the CLI (../shared)', () => {
  it('ingest twice → 5 documents; search Neftchala → 003 and 004; metadata as in the gold', async () => {
    const db = path.join(tempDir(), 'seeds.db');
    const first = await reckon(['ingest', SEEDS, '--db', db]);
    const second = await reckon(['ingest', SEEDS, '--db', db]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code).toBe(0);
    expect(SUMMARY.exec(second.stdout.trim())!.slice(1, 6).map(Number)).toEqual([5, 0, 0, 5, 0]);
    expect(Number(SUMMARY.exec(second.stdout.trim())![8])).toBe(5);

    const s = await reckon(['search', 'Neftchala', '--json', '--db', db]);
    const hits = (JSON.parse(s.stdout) as { hits: Array<{ source: string }> }).hits.map((h) => path.basename(h.source).slice(0, 3)).sort();
    expect(hits).toEqual(['003', '004']);

    const gold = JSON.parse(fs.readFileSync(GOLD_SEEDS, 'utf8')) as { documents: Array<{ file: string; title: string | null; outlet: string | null; published: string | null; published_optional?: string }> };
    const exported = JSON.parse((await reckon(['export', '--db', db])).stdout) as { documents: Array<{ source: string; title: string | null; outlet: string | null; published: string | null }> };
    expect(exported.documents).toHaveLength(5);
    for (const g of gold.documents) {
      const d = exported.documents.find((x) => path.basename(x.source) === g.file)!;
      expect([d.title, d.outlet], g.file).toEqual([g.title, g.outlet]);
      expect([g.published, g.published_optional ?? g.published], g.file).toContain(d.published);
    }
  });
});
