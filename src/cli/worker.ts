/** The worker command: analyses documents stored with `ingest --no-analyze`, alongside other workers. */
import os from 'node:os';
import type { Command } from 'commander';
import { ReckonError } from '../core/errors.js';
import { PreparePool } from '../pipeline/pool.js';
import { runWorker } from '../pipeline/worker.js';
import { openStore, redact } from '../store/open.js';
import { action, invalid, json, out, status } from './output.js';

const DB_HELP = 'archive: SQLite file or postgres:// URL (default: $RECKON_DB or ./reckon.db)';

const atLeastOne = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw invalid(`${name} must be a whole number ≥ 1, got "${v}"`);
  return n;
};

const seconds = (name: string) => (v: string): number => {
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v.trim()) || !Number.isFinite(n)) throw invalid(`${name} must be a number of seconds ≥ 0, got "${v}"`);
  return n;
};

export function registerWorker(p: Command): void {
  p.command('worker')
    .description('analyse stored documents that need it; run as many as you like, on as many machines')
    .option('--db <db>', DB_HELP)
    .option('--id <name>', 'this worker\'s name in leases (default: host:pid)')
    .option('--batch <n>', 'documents taken at a time', atLeastOne('--batch'), 16)
    .option('--lease <seconds>', 'how long taken documents stay this worker\'s; a crashed worker\'s are taken again after it (default: 300, or longer when --batch × --doc-timeout is, so that a slow batch is not taken again while it runs)', atLeastOne('--lease'))
    .option('--poll <ms>', 'wait between looks when there is nothing to take', atLeastOne('--poll'), 1000)
    .option('--doc-timeout <seconds>', 'time limit for analysing one document; a document over it fails (0: none)', seconds('--doc-timeout'), 60)
    .option('--exit-when-idle', 'stop once every document is analysed (default: keep waiting for new ones)')
    .option('--json', 'print the report as JSON')
    .option('-v, --verbose', 'one line per document on stderr')
    .addHelpText(
      'after',
      '\nEach document is analysed in a worker thread: one that takes longer than --doc-timeout is stopped and\n' +
        'stored with no claims, with a line saying so (with -v), and the worker goes on.\n' +
        '\nWith PostgreSQL, workers on several machines share the work: each takes different documents\n' +
        '(FOR UPDATE SKIP LOCKED). Ingest with --no-analyze to leave the analysis to workers. Stop with Ctrl-C:\n' +
        'the current document is finished, the rest of the batch is taken again when its lease expires.',
    )
    .action(
      action(async (o: { db?: string; id?: string; batch: number; lease?: number; poll: number; docTimeout: number; exitWhenIdle?: boolean; json?: boolean; verbose?: boolean }) => {
        const id = o.id || `${os.hostname()}:${process.pid}`;
        // test hook: hold the leases of each batch for a while (to kill a worker while it holds them)
        const pauseAfterClaimMs = Number(process.env.RECKON_WORKER_PAUSE_MS) || 0;
        const store = await openStore(o.db);
        // one thread that analyses, and can be stopped when a document takes too long
        const pool = new PreparePool(1, { documentMs: Math.round(o.docTimeout * 1000) });
        const analyze = async (doc: Parameters<typeof pool.analyze>[0][number]) => {
          const [r] = await pool.analyze([doc]);
          if (r instanceof ReckonError) throw r;
          return r!;
        };
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        try {
          if (!o.json) status(`reckon: worker ${id} on ${redact(store.location)}`);
          const report = await runWorker(store, {
            id,
            batch: o.batch,
            leaseSeconds: o.lease ?? Math.max(300, Math.ceil(o.batch * o.docTimeout) + 60),
            pollMs: o.poll,
            signal: stop.signal,
            analyze,
            ...(o.exitWhenIdle ? { idleExitMs: 0 } : {}),
            ...(pauseAfterClaimMs ? { pauseAfterClaimMs } : {}),
            onDocument: o.verbose
              ? (e) => status(`${e.error ? 'failed' : 'analysed'} ${e.id} (attempt ${e.attempt}, ${e.claims} claim(s))${e.error ? `: ${e.error}` : ''}`)
              : undefined,
          });
          if (o.json) json(report);
          else {
            out(
              `worker ${id}: analysed ${report.analyzed} document(s) in ${report.batches} batch(es), ${report.claims} claim(s), ` +
                `${report.failed} failed, in ${(report.elapsedMs / 1000).toFixed(1)} s`,
            );
          }
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          await pool.close();
          await store.close();
        }
      }),
    );
}
