/**
 * A pool of worker threads that prepare documents (article + analysis), so
 * every core works during ingest while the main thread reads inputs and
 * writes the store. Each worker loads the gazetteer once.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReckonError, type ErrorCode } from '../core/errors.js';
import type { DocumentInput } from '../core/types.js';
import type { Preparer, ReadyDocument } from './ingest.js';

export type WireResult = { ok: true; prepared: ReadyDocument } | { ok: false; code: ErrorCode; message: string; subject?: string };

interface Task {
  inputs: DocumentInput[];
  analyze: boolean;
  resolve: (r: Array<ReadyDocument | ReckonError>) => void;
  reject: (e: unknown) => void;
}

export function defaultWorkers(): number {
  return Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) || 1);
}

export class PreparePool {
  private workers: Worker[] = [];
  private idle: Worker[] = [];
  private queue: Task[] = [];
  private busy = new Map<Worker, Task>();
  private closed = false;

  constructor(readonly size: number = defaultWorkers()) {
    const here = fileURLToPath(import.meta.url);
    const fromSource = here.endsWith('.ts');
    const script = new URL(fromSource ? './pool-worker.ts' : './pool-worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const w = fromSource ? new Worker(new URL('./pool-bootstrap.mjs', import.meta.url), { workerData: { script: script.href } }) : new Worker(script);
      w.on('message', (msg: WireResult[]) => this.done(w, msg));
      w.on('error', (e) => this.fail(w, e));
      w.on('exit', (code) => {
        if (!this.closed && code !== 0) this.fail(w, new ReckonError('INTERNAL', `an analysis worker stopped (exit ${code})`));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  private next(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const t = this.queue.shift()!;
      this.busy.set(w, t);
      w.postMessage({ inputs: t.inputs, analyze: t.analyze });
    }
  }

  private done(w: Worker, msg: WireResult[]): void {
    const t = this.busy.get(w);
    this.busy.delete(w);
    this.idle.push(w);
    if (t) t.resolve(msg.map((r) => (r.ok ? r.prepared : new ReckonError(r.code, r.message, r.subject === undefined ? {} : { subject: r.subject }))));
    this.next();
  }

  private fail(w: Worker, e: unknown): void {
    const t = this.busy.get(w);
    this.busy.delete(w);
    if (t) t.reject(e);
  }

  prepare: Preparer = (inputs, options = {}) =>
    new Promise((resolve, reject) => {
      if (this.closed) return reject(new ReckonError('INTERNAL', 'the analysis pool is closed'));
      this.queue.push({ inputs, analyze: options.analyze !== false, resolve, reject });
      this.next();
    });

  /** Number of batches waiting or running: the ingest loop keeps it bounded. */
  get pending(): number {
    return this.queue.length + this.busy.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
