/**
 * A pool of worker threads that prepare documents (article + analysis), so
 * every core works during ingest while the main thread reads inputs and
 * writes the store. Each worker loads the gazetteer once.
 *
 * A document that takes longer than the time limit, or that needs more memory
 * than a worker may use, fails alone (TIMEOUT, TOO_LARGE): its worker is
 * replaced and the rest of its batch goes on in the new one. So one hostile
 * document can neither stall nor crash an ingest. (A worker prepares a batch
 * in stages, records before analyses; when one is lost, the rest of its batch
 * goes again one document at a time, so the one to blame is known.)
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReckonError, type ErrorCode } from '../core/errors.js';
import type { Analysis, DocumentInput, DocumentRecord } from '../core/types.js';
import type { Preparer, ReadyDocument } from './ingest.js';

/** A stored document, to analyse again (what analyzeDocument reads, and its source for messages). */
export type StoredInput = Pick<DocumentRecord, 'source' | 'original' | 'text' | 'segments' | 'published' | 'title' | 'language'>;

/** What the pool sends a worker: inputs to prepare, or stored documents to analyse. */
export type WireTask = { kind: 'prepare'; inputs: DocumentInput[]; analyze: boolean; single: boolean } | { kind: 'analyze'; inputs: StoredInput[] };

export type WireResult =
  | { ok: true; prepared: ReadyDocument }
  | { ok: true; analysis: Analysis }
  | { ok: false; code: ErrorCode; message: string; subject?: string };

/** What a worker sends: that it is ready (its tables loaded), then one message per document, in order. */
export type WireMessage = { ready: true } | { index: number; result: WireResult };

export interface PoolOptions {
  /** time limit of one document's preparation, ms (default 120 s; 0: none) */
  documentMs?: number;
  /** heap a worker may use, MB (default 2048): a document needing more fails instead of taking the process down */
  workerHeapMb?: number;
}

export const DEFAULT_POOL: Required<PoolOptions> = { documentMs: 120_000, workerHeapMb: 2048 };

type Done = ReadyDocument | Analysis | ReckonError;

interface Task {
  kind: 'prepare' | 'analyze';
  inputs: Array<DocumentInput | StoredInput>;
  analyze: boolean;
  /**
   * prepared one document at a time, not in stages (prepareStaged): after a worker was lost on the batch, when
   * the document it was on is not known (the records of a stage are made before the first is analysed)
   */
  single: boolean;
  /** results so far, by index into `inputs` */
  results: Done[];
  /** index of the next document a worker has to prepare */
  next: number;
  resolve: (r: Done[]) => void;
  reject: (e: unknown) => void;
}

interface Busy {
  task: Task;
  timer: NodeJS.Timeout | undefined;
}

export function defaultWorkers(): number {
  return Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) || 1);
}

export class PreparePool {
  private workers = new Set<Worker>();
  private idle: Worker[] = [];
  private queue: Task[] = [];
  private busy = new Map<Worker, Busy>();
  private closed = false;
  /** workers that said they are ready; and how many in a row died before they were */
  private ready = new WeakSet<Worker>();
  private failedStarts = 0;
  private broken: ReckonError | null = null;
  private readonly options: Required<PoolOptions>;

  constructor(
    readonly size: number = defaultWorkers(),
    options: PoolOptions = {},
  ) {
    this.options = { ...DEFAULT_POOL, ...options };
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** Starts a worker; it joins the idle ones when it says it is ready (startup does not count against the time limit). */
  private spawn(): Worker {
    const here = fileURLToPath(import.meta.url);
    const fromSource = here.endsWith('.ts');
    const script = new URL(fromSource ? './pool-worker.ts' : './pool-worker.js', import.meta.url);
    const resourceLimits = { maxOldGenerationSizeMb: this.options.workerHeapMb };
    const w = fromSource
      ? new Worker(new URL('./pool-bootstrap.mjs', import.meta.url), { workerData: { script: script.href }, resourceLimits })
      : new Worker(script, { resourceLimits });
    w.on('message', (msg: WireMessage) => this.result(w, msg));
    w.on('error', (e) => this.lost(w, e));
    w.on('exit', (code) => {
      if (this.workers.has(w) && !this.closed) this.lost(w, new ReckonError('INTERNAL', `an analysis worker stopped (exit ${code})`));
    });
    this.workers.add(w);
    return w;
  }

  private next(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.busy.set(w, { task, timer: this.timer(w) });
      const rest = task.inputs.slice(task.next);
      const msg: WireTask = task.kind === 'analyze' ? { kind: 'analyze', inputs: rest as StoredInput[] } : { kind: 'prepare', inputs: rest as DocumentInput[], analyze: task.analyze, single: task.single };
      w.postMessage(msg);
    }
  }

  private timer(w: Worker): NodeJS.Timeout | undefined {
    if (!(this.options.documentMs > 0)) return undefined;
    return setTimeout(() => {
      const ms = this.options.documentMs;
      this.lost(w, new ReckonError('TIMEOUT', `analysis took longer than ${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`} (the document may be pathological)`));
    }, this.options.documentMs);
  }

  /** One document done: keep its result; the batch is done when the last one is. */
  private result(w: Worker, msg: WireMessage): void {
    if ('ready' in msg) {
      if (!this.workers.has(w)) return;
      this.ready.add(w);
      this.failedStarts = 0;
      this.idle.push(w);
      this.next();
      return;
    }
    const b = this.busy.get(w);
    if (!b) return;
    clearTimeout(b.timer);
    const { task } = b;
    const r = msg.result;
    task.results[task.next] = r.ok
      ? 'analysis' in r
        ? r.analysis
        : r.prepared
      : new ReckonError(r.code, r.message, r.subject === undefined ? {} : { subject: r.subject });
    task.next++;
    if (task.next < task.inputs.length) {
      b.timer = this.timer(w);
      return;
    }
    this.busy.delete(w);
    this.idle.push(w);
    task.resolve(task.results);
    this.next();
  }

  /**
   * A worker that went over the time limit, ran out of memory or stopped: the
   * document it was preparing fails with the reason, the worker is replaced,
   * and the rest of the batch is prepared by the next free worker.
   */
  private lost(w: Worker, e: unknown): void {
    if (!this.workers.has(w)) return;
    this.workers.delete(w);
    this.idle = this.idle.filter((x) => x !== w);
    void w.terminate().catch(() => undefined);
    const b = this.busy.get(w);
    this.busy.delete(w);
    if (b) clearTimeout(b.timer);
    if (this.closed) {
      b?.task.reject(e);
      return;
    }
    if (!this.ready.has(w) && ++this.failedStarts >= 3) {
      // workers that die before they are ready will not do better next time: give up, saying why
      const err = e as Error;
      this.broken = new ReckonError('INTERNAL', `the analysis workers cannot start (${err?.message ?? String(e)})`, { cause: e });
      for (const t of this.queue.splice(0)) t.reject(this.broken);
      return;
    }
    this.spawn();
    if (b && b.task.kind === 'prepare' && b.task.analyze && !b.task.single) {
      // a batch prepared in stages: which of the stage's documents the worker was on is not known, so the rest
      // of the batch goes again one document at a time, where the one to blame fails alone (after a second
      // time limit, for a document that runs over it)
      b.task.single = true;
      this.queue.unshift(b.task);
    } else if (b) {
      const { task } = b;
      const input = task.inputs[task.next]!;
      const err = e as NodeJS.ErrnoException;
      const why =
        e instanceof ReckonError
          ? new ReckonError(e.code, e.message, { subject: input.source })
          : err?.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ReckonError('TOO_LARGE', `analysis needed more than ${this.options.workerHeapMb} MB of memory`, { subject: input.source, cause: e })
            : new ReckonError('INTERNAL', `the analysis worker failed (${err?.message ?? String(e)})`, { subject: input.source, cause: e });
      task.results[task.next] = why;
      task.next++;
      if (task.next < task.inputs.length) this.queue.unshift(task);
      else task.resolve(task.results);
    }
    this.next();
  }

  prepare: Preparer = (inputs, options = {}) => this.submit('prepare', inputs, options.analyze !== false) as Promise<Array<ReadyDocument | ReckonError>>;

  /**
   * Analyses stored documents again (as `reckon worker` does), under the same
   * time and memory limits: each gives its analysis or its error.
   */
  analyze = (docs: StoredInput[]): Promise<Array<Analysis | ReckonError>> => this.submit('analyze', docs, true) as Promise<Array<Analysis | ReckonError>>;

  private submit(kind: Task['kind'], inputs: Task['inputs'], analyze: boolean): Promise<Done[]> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new ReckonError('INTERNAL', 'the analysis pool is closed'));
      if (this.broken) return reject(this.broken);
      if (!inputs.length) return resolve([]);
      this.queue.push({ kind, inputs, analyze, single: false, results: new Array(inputs.length), next: 0, resolve, reject });
      this.next();
    });
  }

  /** Number of batches waiting or running: the ingest loop keeps it bounded. */
  get pending(): number {
    return this.queue.length + this.busy.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const b of this.busy.values()) clearTimeout(b.timer);
    const all = [...this.workers];
    this.workers.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}
