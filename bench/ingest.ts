/**
 * One ingest run, end to end (files on disk → store), with the worker-thread
 * pool, as `reckon ingest` does it. Run as its own process by bench/run.ts,
 * so that its memory is its own (the peer's model and the analysis corpus
 * are not in it): resident memory is sampled every 100 ms and the process's
 * peak (getrusage) is read at the end.
 *
 *   tsx bench/ingest.ts --db .bench/x.db --inputs dir1,dir2 [--workers 2] [--batch 64]
 *
 * Prints one JSON line: { docs, added, failures, claims, seconds, peakRssMb, sampledPeakRssMb, peakHeapMb, samples }.
 */
import { fromDist } from './dist.js';

// reckon from its build, as users run it (bench/run.ts builds dist/ first); the pool's workers run dist/ too
const { ingest } = await fromDist<typeof import('../src/pipeline/ingest.js')>('pipeline/ingest.js');
const { PreparePool, defaultWorkers } = await fromDist<typeof import('../src/pipeline/pool.js')>('pipeline/pool.js');
const { openStore } = await fromDist<typeof import('../src/store/open.js')>('store/open.js');

export interface IngestRun {
  docs: number;
  added: number;
  failures: number;
  firstFailure: string | null;
  claims: number;
  seconds: number;
  /** getrusage peak of the whole process (all threads), MB */
  peakRssMb: number;
  /** highest of the 100 ms samples, MB */
  sampledPeakRssMb: number;
  peakHeapMb: number;
  /** [seconds, rss MB] every second, to show whether memory grows with the corpus */
  timeline: Array<[number, number]>;
}

async function main(): Promise<void> {
  const args = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) args.set(argv[i]!.replace(/^--/, ''), argv[i + 1] ?? '');
  const db = args.get('db')!;
  const inputs = args.get('inputs')!.split(',');
  const workers = Number(args.get('workers') ?? defaultWorkers());
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;

  let sampled = 0;
  let heap = 0;
  const timeline: Array<[number, number]> = [];
  const started = Date.now();
  let lastMark = -1;
  const sample = () => {
    const m = process.memoryUsage();
    sampled = Math.max(sampled, m.rss);
    heap = Math.max(heap, m.heapUsed);
    const sec = Math.floor((Date.now() - started) / 1000);
    if (sec !== lastMark) {
      lastMark = sec;
      timeline.push([sec, mb(m.rss)]);
    }
  };
  const timer = setInterval(sample, 100);

  const store = await openStore(db);
  const pool = new PreparePool(workers);
  const progressEvery = Number(args.get('progress') ?? 0);
  let lastProgress = 0;
  try {
    const t = performance.now();
    const report = await ingest(store, inputs, {
      prepare: pool.prepare,
      concurrency: pool.size,
      ...(args.has('batch') ? { batchSize: Number(args.get('batch')) } : {}),
      onProgress: (p) => {
        if (progressEvery && p.documents - lastProgress >= progressEvery) {
          lastProgress = p.documents;
          process.stderr.write(`ingest: ${p.documents} docs, ${((performance.now() - t) / 1000).toFixed(0)} s, rss ${mb(process.memoryUsage().rss)} MB\n`);
        }
      },
    });
    const seconds = (performance.now() - t) / 1000;
    sample();
    clearInterval(timer);
    const run: IngestRun = {
      docs: report.added + report.versions + report.duplicates,
      added: report.added,
      failures: report.failures.length,
      firstFailure: report.failures[0] ? `${report.failures[0].source}: ${report.failures[0].message}` : null,
      claims: report.claims,
      seconds,
      peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
      sampledPeakRssMb: mb(sampled),
      peakHeapMb: mb(heap),
      timeline,
    };
    process.stdout.write(`${JSON.stringify(run)}\n`);
  } finally {
    clearInterval(timer);
    await pool.close();
    await store.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
