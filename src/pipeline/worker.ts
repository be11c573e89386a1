/**
 * A worker: takes documents that need analysis from the store (a lease, so
 * that workers on many machines each take different ones and a crashed
 * worker's documents are taken again when its lease expires), analyses them
 * and stores the result. Stops when told to, or when the archive has been
 * fully analysed for `idleExitMs`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ANALYZER_VERSION } from '../analyze/index.js';
import { asReckonError, type ErrorCode } from '../core/errors.js';
import type { Analysis, DocumentRecord } from '../core/types.js';
import type { Store } from '../store/types.js';
import { signatureEntry } from './events.js';
import { analyzeDocument } from './prepare.js';

export interface WorkerOptions {
  /** this worker's name in leases (e.g. host:pid) */
  id: string;
  /** documents taken at a time */
  batch: number;
  /** how long the documents taken stay this worker's */
  leaseSeconds: number;
  /**
   * Stop once nothing is left to analyse (no document pending, not even one
   * leased by another worker, which could crash) for this long. Unset: run
   * until `signal`.
   */
  idleExitMs?: number;
  signal?: AbortSignal;
  /** wait between looks when there is nothing to take (default 1000) */
  pollMs?: number;
  /** a document whose analysis failed this many times is stored with an empty analysis (default 3) */
  maxAttempts?: number;
  /** test hook: wait this long after taking a batch, holding its leases */
  pauseAfterClaimMs?: number;
  analyzer?: number;
  /**
   * How a document is analysed (default: analyzeDocument, in this thread).
   * `reckon worker` analyses in a worker thread with a time limit, so that a
   * pathological document fails (TIMEOUT) instead of holding the worker.
   */
  analyze?: (doc: DocumentRecord) => Promise<Analysis> | Analysis;
  onDocument?: (e: { id: string; attempt: number; claims: number; error?: string }) => void;
}

export interface WorkerReport {
  worker: string;
  batches: number;
  analyzed: number;
  claims: number;
  /** analyses that threw (retried until maxAttempts, then stored empty) */
  failed: number;
  /** documents taken but gone from the archive by the time they were read */
  missing: number;
  elapsedMs: number;
}

const EMPTY: Analysis = { claims: [], mentions: [] };

/** Failures that would come again on another attempt: over the time or memory limit. */
const FINAL: ReadonlySet<ErrorCode> = new Set(['TIMEOUT', 'TOO_LARGE']);

export async function runWorker(store: Store, options: WorkerOptions): Promise<WorkerReport> {
  const started = Date.now();
  const analyzer = options.analyzer ?? ANALYZER_VERSION;
  const pollMs = options.pollMs ?? 1000;
  const maxAttempts = options.maxAttempts ?? 3;
  const analyze = options.analyze ?? analyzeDocument;
  const signal = options.signal;
  const report: WorkerReport = { worker: options.id, batches: 0, analyzed: 0, claims: 0, failed: 0, missing: 0, elapsedMs: 0 };
  let doneSince: number | null = null;

  while (!signal?.aborted) {
    const jobs = await store.claimJobs(options.id, analyzer, options.batch, options.leaseSeconds);
    if (!jobs.length) {
      // nothing to take: finished only when nothing is pending at all (another worker's leases may expire)
      const pending = (await store.pendingAnalysis(analyzer, 1)).length > 0;
      if (pending) doneSince = null;
      else {
        doneSince ??= Date.now();
        if (options.idleExitMs !== undefined && Date.now() - doneSince >= options.idleExitMs) break;
      }
      await pause(pollMs, signal);
      continue;
    }
    doneSince = null;
    report.batches++;
    if (options.pauseAfterClaimMs) await pause(options.pauseAfterClaimMs, signal);
    for (const job of jobs) {
      // a stop request lets the current document finish; the rest of the batch is taken again when its lease expires
      if (signal?.aborted) break;
      const doc = await store.getDocument(job.id);
      if (!doc) {
        report.missing++;
        continue;
      }
      let analysis: Analysis;
      let error: string | undefined;
      try {
        analysis = await analyze(doc);
      } catch (e) {
        report.failed++;
        const err = asReckonError(e, doc.source);
        error = err.oneLine();
        // a document over a limit is stored with an empty analysis at once, not taken again to fail again
        if (job.attempts < maxAttempts && !FINAL.has(err.code)) {
          options.onDocument?.({ id: job.id, attempt: job.attempts, claims: 0, error });
          continue;
        }
        analysis = EMPTY;
      }
      // with its grouping signature (see signatureEntry)
      await store.putAnalysis(job.id, analysis, analyzer, [signatureEntry(doc.published, analysis, analyzer, doc.title)]);
      report.analyzed++;
      report.claims += analysis.claims.length;
      options.onDocument?.({ id: job.id, attempt: job.attempts, claims: analysis.claims.length, ...(error ? { error } : {}) });
    }
  }
  report.elapsedMs = Date.now() - started;
  return report;
}

/** Waits, or returns early when the signal fires. */
async function pause(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, signal ? { signal } : {});
  } catch {
    // aborted
  }
}
