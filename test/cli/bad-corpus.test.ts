/**
 * The whole bad-input corpus (test/fixtures/bad-input) and good files in ONE
 * batch through the real CLI, twice, with the heap of the main process capped:
 * exit code 1, one stderr line per bad input naming it, every good document
 * stored (every item of a big feed too), nothing crashed, hung or
 * ran out of memory, nothing stored twice on the second run, and
 * `reckon check` finds the archive sound.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';
import { makeBadCorpus, printed, type BadCorpus, type ExpectedFailure } from '../fixtures/bad-input/corpus.js';
import { EXAMPLES, FIXTURES, tempDirManual } from '../helpers.js';
import { SUMMARY, reckon, type Run } from './reckon.js';

/** Good files of the ingest fixtures (every one stored whole), and how many documents each holds. */
const GOOD: Record<string, number> = {
  'utf8.txt': 1, 'utf8-bom.txt': 1, 'utf16le-bom.txt': 1, 'cp1251.txt': 1, 'cp1252.txt': 1, 'front-matter.md': 1, 'page.html': 1,
  'page.html.gz': 1, 'page-latin1.html': 1, 'single.json': 1, 'array.json': 2, 'documents.json': 2, 'feed.atom': 2,
};
const EXAMPLE_DOCS = 5;
/** The main process may not use more heap than this: a leak or an input read whole into memory shows as a crash. */
const HEAP_MB = 1024;
/**
 * Items of the big feed in this batch. 20,000 keep the two runs within a
 * minute or so; the corpus makes 100,000 by default, and a feed of 100,000
 * items is streamed with bounded memory in test/ingest/formats.test.ts.
 */
const FEED_ITEMS = 20_000;
/** One run of the batch must end well within this (every limit is 1 s or a size). */
const RUN_LIMIT_MS = 200_000;

const tmp = tempDirManual();
const db = path.join(tmp.dir, 'archive.db');
let corpus: BadCorpus;
let args: string[];
const runs: Array<Run & { timedOut?: boolean; ms: number }> = [];

async function ingestBatch(): Promise<Run & { timedOut?: boolean; ms: number }> {
  const t0 = Date.now();
  const r = await reckon(args, { env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` }, timeoutMs: RUN_LIMIT_MS });
  return { ...r, ms: Date.now() - t0 };
}

beforeAll(async () => {
  corpus = await makeBadCorpus(tmp.dir, { feedItems: FEED_ITEMS });
  for (const n of corpus.notices) console.warn(`[reckon tests] ${n}`);
  args = ['ingest', '--db', db, '--timeout', '1', '--analysis-timeout', '3', ...corpus.inputs, ...Object.keys(GOOD).map((f) => path.join(FIXTURES, f)), EXAMPLES];
  runs.push(await ingestBatch());
  runs.push(await ingestBatch());
}, 2 * RUN_LIMIT_MS + 60_000);

afterAll(async () => {
  await corpus?.close();
  // the unreadable file must be readable again to be removed by a non-root user
  for (const f of corpus?.failures ?? []) if (/locked\.txt$/.test(f.source)) fs.chmodSync(f.source, 0o644);
  tmp.remove();
});

/** Matches each expected line to one stderr line; returns what is left over and what is missing. */
function account(stderr: string, expected: ExpectedFailure[], optional: ExpectedFailure[]) {
  const lines = stderr.split('\n').filter((l) => l.length);
  const used = new Set<number>();
  const missing: string[] = [];
  const ambiguous: string[] = [];
  const take = (e: ExpectedFailure) => {
    const hits = lines.flatMap((l, i) => (!used.has(i) && l.startsWith(`${e.source}: `) && e.message.test(l.slice(e.source.length + 2)) ? [i] : []));
    if (hits.length > 1) ambiguous.push(`${e.source}: ${e.message} (${hits.length} lines)`);
    if (hits.length) used.add(hits[0]!);
    return hits.length > 0;
  };
  for (const e of expected) if (!take(e)) missing.push(`${e.source}: ${e.message}`);
  const optionalSeen = optional.filter(take).map((e) => e.source);
  return { lines, missing, ambiguous, unexpected: lines.filter((_, i) => !used.has(i)), optionalSeen };
}

describe('the bad-input corpus with good files, one batch through the real CLI', () => {
  it('ends on its own, with exit code 1, within the time limit and the heap cap, both times', () => {
    for (const r of runs) {
      expect(r.timedOut, `the batch hung: ${r.stderr.slice(-2000)}`).toBeUndefined();
      expect(r.code, r.stderr.slice(-3000)).toBe(1);
      expect(r.stderr).not.toMatch(/JavaScript heap out of memory|FATAL ERROR|Segmentation fault|RangeError|TypeError|\n\s+at /);
      expect(r.stdout.trim()).toMatch(SUMMARY);
    }
  });

  it('prints one line per bad input, naming it, and no other line', () => {
    for (const r of runs) {
      const a = account(r.stderr, [...corpus.failures, ...corpus.warnings], corpus.slow);
      expect(a.missing, a.lines.join('\n')).toEqual([]);
      expect(a.ambiguous).toEqual([]);
      expect(a.unexpected).toEqual([]);
      // every line is one line: control characters in names are escaped
      for (const l of a.lines) expect(l).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
    }
    expect(runs[0]!.stderr).toContain(`${printed(path.join(tmp.dir, 'bad', 'line\nbreak.txt'))}: empty file`);
    expect(runs[0]!.stderr).toContain('escape-\\x1b[31mred\\x1b[0m.txt: empty file');
  });

  it('stores every good document, and each stored text is the report without its hostile markup', async () => {
    const store = new SqliteStore(db, { readonly: true });
    try {
      const missing: string[] = [];
      for (const want of corpus.stored) {
        const d = await store.getDocument(want.source);
        if (!d) {
          missing.push(want.source);
          continue;
        }
        for (const s of want.contains ?? []) expect(d.text, `${want.source} lost ${s}`).toContain(s);
        for (const s of want.absent ?? []) expect(d.text, `${want.source} kept ${s}`).not.toContain(s);
        if (want.encoding) expect(d.encoding, want.source).toBe(want.encoding);
      }
      expect(missing).toEqual([]);
      for (const [f, n] of Object.entries(GOOD)) {
        const src = path.join(FIXTURES, f);
        const sources = n === 1 && !/\.(json|atom)$/.test(f) ? [src] : Array.from({ length: n }, (_, i) => `${src}#${i + 1}`);
        if (f === 'single.json') sources.splice(0, sources.length, src);
        for (const s of sources) expect(await store.getDocument(s), s).not.toBeNull();
      }
    } finally {
      await store.close();
    }
  });

  it(`stores all ${FEED_ITEMS.toLocaleString('en-US')} items of the big feed, first to last`, () => {
    const sql = new Database(db, { readonly: true });
    try {
      const n = sql.prepare('SELECT count(*) AS n FROM documents WHERE source LIKE ?').get(`${corpus.feed.source}#%`) as { n: number };
      expect(n.n).toBe(corpus.feed.items);
      const last = sql.prepare('SELECT title, text FROM documents WHERE source = ?').get(`${corpus.feed.source}#${corpus.feed.items}`) as { title: string; text: string };
      expect(last.title).toBe(`Gauge ${corpus.feed.items}`);
      expect(last.text).toMatch(new RegExp(`^Reading ${corpus.feed.items}: the river gauge`));
    } finally {
      sql.close();
    }
  });

  it('counts what it did in the summary: every input, every failure, every document; the second run adds nothing', async () => {
    const [first, second] = runs.map((r) => SUMMARY.exec(r.stdout.trim())!.slice(1).map((x) => (/^\d+$/.test(x) ? Number(x) : x)));
    const slowFailed = account(runs[0]!.stderr, [], corpus.slow).optionalSeen.length;
    const documents = corpus.stored.length + corpus.feed.items + Object.values(GOOD).reduce((a, b) => a + b, 0) + EXAMPLE_DOCS + (corpus.slow.length - slowFailed);
    // inputs, new, versions, already stored, failed, claims, archive, documents, claims
    expect(first!.slice(1, 5)).toEqual([documents, 0, 0, corpus.failures.length + slowFailed]);
    expect(first![7]).toBe(documents);
    const slowFailedAgain = account(runs[1]!.stderr, [], corpus.slow).optionalSeen.length;
    const storedSlowLater = slowFailed - slowFailedAgain; // a slow document that made it the second time is new then
    expect(second!.slice(1, 5)).toEqual([storedSlowLater, 0, documents, corpus.failures.length + slowFailedAgain]);
    expect(second![0]).toBe(first![0]);
    expect(second![7]).toBe(documents + storedSlowLater);
    // every document once: as many documents as distinct contents
    const sql = new Database(db, { readonly: true });
    try {
      const row = sql.prepare('SELECT count(*) AS n, count(DISTINCT content_hash) AS k, sum(latest) AS l FROM documents').get() as { n: number; k: number; l: number };
      expect(row).toEqual({ n: documents + storedSlowLater, k: documents + storedSlowLater, l: documents + storedSlowLater });
      expect(sql.prepare('SELECT count(*) AS n FROM claims WHERE document_id NOT IN (SELECT id FROM documents)').get()).toEqual({ n: 0 });
      expect(sql.prepare('SELECT count(*) AS n FROM documents WHERE analyzed = 0').get()).toEqual({ n: 0 });
    } finally {
      sql.close();
    }
    const inputs = corpus.tried.files + corpus.tried.urls + Object.keys(GOOD).length + EXAMPLE_DOCS;
    console.log(
      `[bad corpus] inputs tried: ${inputs} (${corpus.tried.files} bad-corpus files and names, ${corpus.tried.urls} URLs, ${Object.keys(GOOD).length + EXAMPLE_DOCS} good files); ` +
        `failure lines: ${corpus.failures.length + slowFailed} (+${corpus.warnings.length} warning); documents stored: ${documents} (${corpus.feed.items} feed items); ` +
        `runs: ${runs.map((r) => `${(r.ms / 1000).toFixed(1)} s`).join(', ')}; crashes 0, hangs 0`,
    );
  });

  it('passes reckon check', async () => {
    const r = await reckon(['check', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`${db}: ok`);
  });
});
