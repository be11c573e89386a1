/**
 * reckon's benchmarks (`npm run bench`; not part of the tests).
 *
 *   npm run bench                      analysis 5,000 docs · SQLite ingest + search at 100,000 · PostgreSQL 20,000
 *   npm run bench -- --quick           the same in under two minutes, at smaller sizes (the table says which)
 *   npm run bench -- --docs 1000000    a million generated reports into SQLite (or: npm run bench:million)
 *
 * Options: --seed N, --docs N (SQLite ingest and search size), --pg-docs N (0: skip PostgreSQL),
 * --analysis-docs N, --workers N, --queries N, --skip analysis,real,sqlite,pg, --keep (keep the corpus and
 * databases in .bench/; a kept corpus is reused), --no-build (use dist/ as it is).
 *
 * reckon is measured from its build (dist/, built first with tsc), as users run it.
 *
 * 1. Analysis: reckon (prepareStaged: page cleaning, language, analysis —
 *    what ingest runs, records a stage at a time) and the peer pipeline (chrono-node +
 *    wink-nlp, bench/peer.ts) on the same generated texts in this process,
 *    alternating blocks after a warm-up; MB/s counts the reports' bytes.
 *    Accuracy against the generator's known killed/injured figures. The same
 *    comparison on real texts from ../shared (short incident texts, long seed
 *    reports) when it is there (--skip real to leave it out).
 * 2. Ingest, end to end: files on disk → store through the worker-thread
 *    pool, in a child process of its own (bench/ingest.ts) so its memory is
 *    measured alone; SQLite, then PostgreSQL (a fresh database, dropped after).
 * 3. Search latency (p50/p95) on each store after its ingest.
 *
 * Everything is written under .bench/ (gitignored). The last line printed is
 * `bench: analyze_ratio=… reckon_mb_s=… peer_mb_s=… ingest_docs_s=… search_p95_ms=… rss_mb=…`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generate, writeCorpus, type GeneratedDoc } from './generate.js';
import type { IngestRun } from './ingest.js';
import { peerAnalyze } from './peer.js';
import { ROOT, buildDist, fromDist } from './dist.js';
import type { Analysis, DocumentInput } from '../src/core/types.js';
import type { SearchOptions, Store } from '../src/store/types.js';

const OUT = path.join(ROOT, '.bench');
const PG_SERVER = process.env.RECKON_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';

// ---------------------------------------------------------------- options

const log = (s: string) => process.stderr.write(`${s}\n`);

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string): string | undefined => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
};
const num = (name: string, dflt: number) => (opt(name) === undefined ? dflt : Number(opt(name)));

const quick = flag('quick');
const seed = num('seed', 1);
const sqliteDocs = num('docs', quick ? 10_000 : 100_000);
const pgDocs = num('pg-docs', quick ? 3_000 : Math.min(20_000, sqliteDocs));
const analysisDocs = num('analysis-docs', quick ? 1_500 : 5_000);
const queries = num('queries', quick ? 150 : 400);
const workers = opt('workers');
const skip = new Set((opt('skip') ?? '').split(',').filter(Boolean));
const keep = flag('keep');
const build = !flag('no-build');

// reckon runs from its build (dist/), as users run it: tsx's transform of the sources is slower
if (build) {
  log('building dist/ (tsc -p tsconfig.build.json; --no-build to skip)…');
  buildDist();
}
const { analyzeText } = await fromDist<typeof import('../src/analyze/index.js')>('analyze/index.js');
const { prepareDocument, prepareRecord, prepareStaged } = await fromDist<typeof import('../src/pipeline/prepare.js')>('pipeline/prepare.js');
const { openStore } = await fromDist<typeof import('../src/store/open.js')>('store/open.js');

// ---------------------------------------------------------------- helpers

const mb = (bytes: number) => bytes / 1048576;
const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const rows: Array<[string, string, string]> = [];
const row = (what: string, value: string, note = '') => rows.push([what, value, note]);

const inputOf = (d: GeneratedDoc): DocumentInput => ({ source: d.name, format: 'text', original: d.text, encoding: 'utf-8', given: {} });

/** A report's figure for a category, by the same rule for both: the first figure that is not a part of another. */
function reckonFigure(a: Analysis, cat: 'killed' | 'injured'): number | null {
  const c = a.claims.find((x) => x.category === cat && x.relation !== 'part_of');
  return c ? c.value : null;
}

interface Score {
  right: number;
  total: number;
  /** stated, non-zero figures found exactly */
  found: number;
  stated: number;
  /** figures given where the report states none */
  invented: number;
}
const newScore = (): Score => ({ right: 0, total: 0, found: 0, stated: 0, invented: 0 });
function score(s: Score, truth: number | null, got: number | null): void {
  s.total++;
  if ((truth ?? 0) === (got ?? 0)) s.right++;
  if (truth) {
    s.stated++;
    if (got === truth) s.found++;
  } else if (got) s.invented++;
}
const acc = (s: Score) => (s.total ? (100 * s.right) / s.total : NaN);

// ---------------------------------------------------------------- 1. analysis

interface AnalysisResult {
  reckonMbS: number;
  reckonDocsS: number;
  analyzeOnlyMbS: number;
  peerMbS: number;
  peerDocsS: number;
}

function benchAnalysis(): AnalysisResult {
  log(`analysis: generating ${analysisDocs} reports (seed ${seed + 1000})…`);
  const docs = [...generate({ seed: seed + 1000, count: analysisDocs })];
  const bytes = docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0);
  const published = docs.map((d) => new Date(`${d.truth.published}T12:00:00Z`));
  // reckon's analysis alone runs on the cleaned text (prepared outside the timing)
  const records = docs.map((d) => prepareRecord(inputOf(d)));

  // warm-up: both pipelines load their models and get compiled
  const warm = Math.min(200, docs.length);
  log(`analysis: warm-up on ${warm} reports…`);
  for (let i = 0; i < warm; i++) {
    prepareDocument(inputOf(docs[i]!));
    analyzeText(records[i]!.text, records[i]!);
    peerAnalyze(docs[i]!.text, published[i]!);
  }

  const reckonOut: Analysis[] = new Array(docs.length);
  const peerOut: Array<{ killed: number | null; injured: number | null }> = new Array(docs.length);
  let tReckon = 0;
  let tAnalyze = 0;
  let tPeer = 0;
  const block = 100;
  const blockInputs = (b: number, end: number) => docs.slice(b, end).map(inputOf);
  log(`analysis: timing ${docs.length} reports, blocks of ${block}, alternating…`);
  for (let b = 0, k = 0; b < docs.length; b += block, k++) {
    const end = Math.min(docs.length, b + block);
    const runReckon = () => {
      const t = performance.now();
      let i = b;
      for (const r of prepareStaged(blockInputs(b, end))) reckonOut[i++] = r.ok ? r.prepared.analysis : { claims: [], mentions: [] };
      tReckon += performance.now() - t;
    };
    const runAnalyze = () => {
      const t = performance.now();
      for (let i = b; i < end; i++) analyzeText(records[i]!.text, records[i]!);
      tAnalyze += performance.now() - t;
    };
    const runPeer = () => {
      const t = performance.now();
      for (let i = b; i < end; i++) peerOut[i] = peerAnalyze(docs[i]!.text, published[i]!);
      tPeer += performance.now() - t;
    };
    const order = k % 2 === 0 ? [runReckon, runPeer, runAnalyze] : [runPeer, runAnalyze, runReckon];
    for (const f of order) f();
  }
  const r: AnalysisResult = {
    reckonMbS: mb(bytes) / (tReckon / 1000),
    reckonDocsS: docs.length / (tReckon / 1000),
    analyzeOnlyMbS: mb(bytes) / (tAnalyze / 1000),
    peerMbS: mb(bytes) / (tPeer / 1000),
    peerDocsS: docs.length / (tPeer / 1000),
  };

  const sr = { killed: newScore(), injured: newScore() };
  const sp = { killed: newScore(), injured: newScore() };
  docs.forEach((d, i) => {
    for (const cat of ['killed', 'injured'] as const) {
      score(sr[cat], d.truth[cat], reckonFigure(reckonOut[i]!, cat));
      score(sp[cat], d.truth[cat], peerOut[i]![cat]);
    }
  });
  const both = (s: { killed: Score; injured: Score }) => (100 * (s.killed.right + s.injured.right)) / (s.killed.total + s.injured.total);
  const detail = (s: Score) => `${fmt(acc(s))}% (found ${s.found}/${s.stated} stated, ${s.invented} invented)`;

  const avg = bytes / docs.length;
  row('analysis corpus', `${docs.length} reports, ${fmt(mb(bytes), 2)} MB`, `avg ${fmt(avg, 0)} B; seed ${seed + 1000}; ${warm} warm-up`);
  row('reckon prepare (clean+lang+analyze)', `${fmt(r.reckonMbS, 2)} MB/s · ${fmt(r.reckonDocsS, 0)} docs/s`, 'one core; what ingest runs (prepareStaged)');
  row('reckon analyzeText only', `${fmt(r.analyzeOnlyMbS, 2)} MB/s`, 'cleaned text; MB of the reports');
  row('peer (chrono-node + wink-nlp)', `${fmt(r.peerMbS, 2)} MB/s · ${fmt(r.peerDocsS, 0)} docs/s`, 'one core, same texts, same process');
  row('analyze ratio reckon/peer', `${fmt(r.reckonMbS / r.peerMbS, 2)}×`, `analyzeText only: ${fmt(r.analyzeOnlyMbS / r.peerMbS, 2)}× (goal ≥ 10×)`);
  row('accuracy reckon killed', detail(sr.killed));
  row('accuracy reckon injured', detail(sr.injured));
  row('accuracy peer killed', detail(sp.killed));
  row('accuracy peer injured', detail(sp.injured));
  row('accuracy killed+injured', `reckon ${fmt(both(sr))}% · peer ${fmt(both(sp))}%`, 'a figure is right when it equals the truth (none = 0)');
  return r;
}

/**
 * The same comparison on real texts, when ../shared is beside the checkout: the 335 short incident texts and
 * the five long seed reports. Generated reports are all of one length (about 1.7 KB); real ones are not, and a
 * cost per document (not per byte) shows only on short ones. Blocks alternate as above; no accuracy here (the
 * incident scorer measures it).
 */
function benchReal(): void {
  for (const [label, rel, rounds] of [['incident texts', 'corpus/msa', 3], ['seed reports', 'corpus/seeds', 60]] as const) {
    const dir = path.join(ROOT, '..', 'shared', rel);
    if (!fs.existsSync(dir)) {
      row(`analysis on ${label}`, 'skipped', `${path.relative(ROOT, dir)} is not there`);
      continue;
    }
    const texts = fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
    const inputs = texts.map((t, i): DocumentInput => ({ source: `${rel}/${i}`, format: 'text', original: t, encoding: 'utf-8', given: {} }));
    for (let i = 0; i < texts.length; i++) {
      prepareDocument(inputs[i]!);
      peerAnalyze(texts[i]!, null);
    }
    let tReckon = 0;
    let tPeer = 0;
    const block = 50;
    for (let r = 0, k = 0; r < rounds; r++) {
      for (let b = 0; b < texts.length; b += block, k++) {
        const end = Math.min(texts.length, b + block);
        const runReckon = () => {
          const t = performance.now();
          for (const r of prepareStaged(inputs.slice(b, end))) if (!r.ok) throw r.error;
          tReckon += performance.now() - t;
        };
        const runPeer = () => {
          const t = performance.now();
          for (let i = b; i < end; i++) peerAnalyze(texts[i]!, null);
          tPeer += performance.now() - t;
        };
        for (const f of k % 2 === 0 ? [runReckon, runPeer] : [runPeer, runReckon]) f();
      }
    }
    const total = mb(bytes * rounds);
    const reckonMbS = total / (tReckon / 1000);
    const peerMbS = total / (tPeer / 1000);
    row(
      `analysis on ${label}`,
      `reckon ${fmt(reckonMbS, 2)} · peer ${fmt(peerMbS, 2)} MB/s · ${fmt(reckonMbS / peerMbS, 2)}×`,
      `${texts.length} texts, avg ${fmt(bytes / texts.length, 0)} B, ${rounds} rounds (reckon prepare vs peer)`,
    );
  }
}

// ---------------------------------------------------------------- 2. ingest

async function corpus(count: number): Promise<string> {
  const dir = path.join(OUT, `corpus-s${seed}-n${count}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) {
    log(`corpus: reusing ${path.relative(ROOT, dir)}`);
    return dir;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  log(`corpus: writing ${count} reports to ${path.relative(ROOT, dir)}…`);
  const t = performance.now();
  const res = await writeCorpus(dir, { seed, count }, (n) => {
    if (n % 100_000 === 0) log(`corpus: ${n}`);
  });
  fs.writeFileSync(done, JSON.stringify({ ...res, seconds: (performance.now() - t) / 1000 }));
  row(`corpus generation (${count})`, `${fmt((performance.now() - t) / 1000)} s`, `${fmt(mb(res.bytes))} MB, ${fmt(res.files / ((performance.now() - t) / 1000), 0)} files/s`);
  return dir;
}

/** The first `n` reports of a corpus: its 1000-report folders. */
function inputsFor(dir: string, n: number): string[] {
  const folders = fs.readdirSync(dir).filter((f) => /^\d+$/.test(f)).sort();
  const need = Math.ceil(n / 1000);
  if (folders.length < need) throw new Error(`corpus ${dir} has ${folders.length * 1000} reports, ${n} asked`);
  return folders.slice(0, need).map((f) => path.join(dir, f));
}

function runIngest(db: string, inputs: string[], label: string, total: number): Promise<IngestRun> {
  return new Promise((resolve, reject) => {
    // folders are passed as a comma list; a million reports is 1000 folders
    const args = ['--import', 'tsx', path.join(ROOT, 'bench', 'ingest.ts'), '--db', db, '--inputs', inputs.join(','), '--progress', String(total >= 200_000 ? 50_000 : total >= 20_000 ? 10_000 : 0)];
    if (workers) args.push('--workers', workers);
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => {
      const s = b.toString();
      err += s;
      for (const line of s.split('\n')) if (line.startsWith('ingest:')) log(`${label} ${line}`);
    });
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`${label} ingest failed (exit ${code}): ${err.slice(-2000)}`));
      resolve(JSON.parse(line) as IngestRun);
    });
  });
}

function reportIngest(label: string, run: IngestRun): void {
  row(`${label} ingest`, `${run.docs} docs in ${fmt(run.seconds)} s · ${fmt(run.docs / run.seconds, 0)} docs/s`, `${run.claims} claims, ${run.failures} failures${run.firstFailure ? ` (${run.firstFailure})` : ''}`);
  const tl = run.timeline;
  const third = (i: number) => tl[Math.min(tl.length - 1, Math.floor((i * (tl.length - 1)) / 3))]?.[1] ?? NaN;
  row(`${label} ingest peak RSS`, `${fmt(run.peakRssMb, 0)} MB`, `sampled ${fmt(run.sampledPeakRssMb, 0)} MB; main heap ${fmt(run.peakHeapMb, 0)} MB; RSS at 1/3, 2/3, end: ${fmt(third(1), 0)}, ${fmt(third(2), 0)}, ${fmt(third(3), 0)} MB`);
}

// ---------------------------------------------------------------- 3. search

const CITY_WORDS = ['Izmir', 'Kathmandu', 'Dhaka', 'Karachi', 'Lagos', 'Nairobi', 'Goma', 'Cairo', 'Baghdad', 'Kabul', 'Manila', 'Jakarta', 'Mumbai', 'Lima', 'Bogota', 'Houston', 'Naples', 'Athens', 'Baku', 'Beirut', 'Aleppo', 'Durban', 'Marrakesh', 'Kharkiv'];
const EVENT_WORDS = ['earthquake', 'flood', 'floods', 'landslide', 'explosion', 'stampede', 'derailed', 'typhoon', 'cyclone', 'blaze', 'shooting', 'protests', 'bus'];

/** A mix of what people search for: a place, an event at a place, phrases, prefixes, OR, filters, and very common words. */
function queryMix(n: number): Array<{ q: string; o: SearchOptions; kind: string }> {
  const out: Array<{ q: string; o: SearchOptions; kind: string }> = [];
  let s = 12345;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  for (let i = 0; i < n; i++) {
    const k = i % 10;
    if (k < 3) out.push({ q: pick(CITY_WORDS), o: {}, kind: 'place' });
    else if (k < 5) out.push({ q: `${pick(EVENT_WORDS)} ${pick(CITY_WORDS)}`, o: {}, kind: 'event+place' });
    else if (k === 5) out.push({ q: `"${pick(['death toll', 'national mourning', 'state media', 'rescue teams', 'blood donations'])}"`, o: {}, kind: 'phrase' });
    else if (k === 6) out.push({ q: `${pick(['evacuat', 'derail', 'aftershock', 'landslid'])}*`, o: {}, kind: 'prefix' });
    else if (k === 7) out.push({ q: `${pick(EVENT_WORDS)} OR ${pick(EVENT_WORDS)}`, o: {}, kind: 'or' });
    else if (k === 8) {
      const y = 2012 + Math.floor(rnd() * 12);
      out.push({ q: pick(EVENT_WORDS), o: { from: `${y}-01-01`, to: `${y}-12-31` }, kind: 'event+year' });
    } else out.push({ q: pick(['killed', 'injured', 'people', 'police said']), o: {}, kind: 'common' });
  }
  return out;
}

async function benchSearch(store: Store, label: string, size: number): Promise<{ p50: number; p95: number }> {
  const mix = queryMix(queries);
  for (const m of mix.slice(0, 20)) await store.search(m.q, m.o); // warm-up
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  let hits = 0;
  for (const m of mix) {
    const t = performance.now();
    const r = await store.search(m.q, m.o);
    const ms = performance.now() - t;
    hits += r.total;
    times.push(ms);
    const list = byKind.get(m.kind) ?? [];
    list.push(ms);
    byKind.set(m.kind, list);
  }
  const p50 = pct(times, 50);
  const p95 = pct(times, 95);
  const kinds = [...byKind].map(([k, xs]) => `${k} ${fmt(pct(xs, 95), 0)}`).join(', ');
  row(`${label} search at ${size} docs`, `p50 ${fmt(p50)} ms · p95 ${fmt(p95)} ms`, `${mix.length} queries, avg ${fmt(hits / mix.length, 0)} hits; p95 by kind (ms): ${kinds}${size < 100_000 ? ' — NOT 100k (smaller run)' : ''}`);
  return { p50, p95 };
}

// ---------------------------------------------------------------- main

async function pgAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: `${PG_SERVER}/postgres`, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const started = performance.now();
  const load = os.loadavg();
  const cpus = os.cpus();
  row('machine', `${cpus.length} cores · ${fmt(os.totalmem() / 1073741824, 0)} GB`, `${cpus[0]?.model ?? ''}; node ${process.version}`);
  row('load average at start', load.map((x) => fmt(x, 2)).join(' '), 'other processes share the machine: compare ratios measured in this run');
  if (quick) row('mode', '--quick', `analysis ${analysisDocs}, SQLite ${sqliteDocs}, PostgreSQL ${pgDocs} docs`);

  let analysis: AnalysisResult | null = null;
  if (!skip.has('analysis')) {
    analysis = benchAnalysis();
    if (!skip.has('real')) benchReal();
  }

  let sqliteRun: IngestRun | null = null;
  let search: { p50: number; p95: number } | null = null;
  const corpusSize = Math.max(skip.has('sqlite') ? 0 : sqliteDocs, skip.has('pg') ? 0 : pgDocs);
  const dir = corpusSize ? await corpus(Math.ceil(corpusSize / 1000) * 1000) : '';

  if (!skip.has('sqlite') && sqliteDocs > 0) {
    const db = path.join(OUT, `ingest-${sqliteDocs}.db`);
    for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
    log(`sqlite: ingesting ${sqliteDocs} reports…`);
    sqliteRun = await runIngest(db, inputsFor(dir, sqliteDocs), 'sqlite', sqliteDocs);
    reportIngest('SQLite', sqliteRun);
    row('SQLite file size', `${fmt(mb(fs.statSync(db).size + (fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0)), 0)} MB`);
    const store = await openStore(db, { readonly: true });
    try {
      log('sqlite: searching…');
      search = await benchSearch(store, 'SQLite', sqliteRun.docs);
    } finally {
      await store.close();
    }
    if (!keep) for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  }

  if (!skip.has('pg') && pgDocs > 0) {
    const name = `reckon_bench_${randomBytes(5).toString('hex')}`;
    let created = false;
    try {
      await pgAdmin((c) => c.query(`CREATE DATABASE ${name}`));
      created = true;
      log(`postgres: ingesting ${pgDocs} reports into ${name}…`);
      const run = await runIngest(`${PG_SERVER}/${name}`, inputsFor(dir, pgDocs), 'postgres', pgDocs);
      reportIngest('PostgreSQL', run);
      const store = await openStore(`${PG_SERVER}/${name}`);
      try {
        log('postgres: searching…');
        await benchSearch(store, 'PostgreSQL', run.docs);
      } finally {
        await store.close();
      }
    } catch (e) {
      row('PostgreSQL', 'skipped', `${(e as Error).message.split('\n')[0]}`);
    } finally {
      if (created && !keep) await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
    }
  }

  if (!keep && dir) fs.rmSync(dir, { recursive: true, force: true });
  row('load average at end', os.loadavg().map((x) => fmt(x, 2)).join(' '), `bench took ${fmt((performance.now() - started) / 1000, 0)} s`);

  // goals
  if (analysis) row('goal: analysis ≥ 10× peer', analysis.reckonMbS / analysis.peerMbS >= 10 ? 'met' : 'NOT met', `${fmt(analysis.reckonMbS / analysis.peerMbS, 2)}×`);
  if (sqliteRun && sqliteRun.docs >= 1_000_000) {
    row('goal: 1M docs into SQLite < 15 min, < 1 GB', sqliteRun.seconds < 900 && sqliteRun.peakRssMb < 1024 ? 'met' : 'NOT met', `${fmt(sqliteRun.seconds / 60)} min, ${fmt(sqliteRun.peakRssMb, 0)} MB`);
  } else if (sqliteRun) {
    const projected = 1_000_000 / (sqliteRun.docs / sqliteRun.seconds) / 60;
    row('goal: 1M docs into SQLite < 15 min', projected < 15 ? 'on track' : 'NOT on track', `projected ${fmt(projected)} min at this rate (run --docs 1000000 to measure)`);
  }
  if (search && sqliteRun) row('goal: search p95 < 50 ms at 100k', search.p95 < 50 ? (sqliteRun.docs >= 100_000 ? 'met' : `met at ${sqliteRun.docs} only`) : 'NOT met', `${fmt(search.p95)} ms at ${sqliteRun.docs}`);

  // the table
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const line = `${'-'.repeat(w0 + 2)}+${'-'.repeat(w1 + 2)}+${'-'.repeat(40)}`;
  process.stdout.write(`${line}\n`);
  for (const [a, b, c] of rows) process.stdout.write(` ${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c}\n`);
  process.stdout.write(`${line}\n`);
  fs.writeFileSync(path.join(OUT, 'last-run.json'), JSON.stringify({ argv, rows, sqlite: sqliteRun, analysis }, null, 1));
  const v = (x: number | undefined, d = 2) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(d));
  process.stdout.write(
    `bench: analyze_ratio=${v(analysis ? analysis.reckonMbS / analysis.peerMbS : undefined)} reckon_mb_s=${v(analysis?.reckonMbS)} ` +
      `peer_mb_s=${v(analysis?.peerMbS)} ingest_docs_s=${v(sqliteRun ? sqliteRun.docs / sqliteRun.seconds : undefined, 0)} ` +
      `search_p95_ms=${v(search?.p95)} rss_mb=${v(sqliteRun?.peakRssMb, 0)}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
