/**
 * Ingest: sources → formats → prepare (article + analysis) → store, in
 * batches, streaming (memory stays bounded whatever the corpus size). Every
 * bad input becomes a one-line failure and the batch goes on.
 */
import { ReckonError, asReckonError, type ErrorCode } from '../core/errors.js';
import type { Analysis, DocumentInput } from '../core/types.js';
import { ANALYZER_VERSION } from '../analyze/index.js';
import { DEFAULT_LOAD, load, type LoadOptions } from '../ingest/sources.js';
import { jsonlStream, toDocuments, type FormatEvent } from '../ingest/formats.js';
import type { NewDocument, PutItem, PutOptions, PutResult, Store } from '../store/types.js';
import { signatureEntry } from './events.js';
import { prepareRecord, prepareStaged } from './prepare.js';

/**
 * Documents the archive refused in a row, with none stored in between, after
 * which ingest stops with the archive's error (a full disk, a lost server)
 * instead of failing every document that follows one by one.
 */
export const MAX_REFUSED_IN_A_ROW = 64;

export interface Failure {
  source: string;
  code: ErrorCode;
  message: string;
}

export interface IngestProgress {
  files: number;
  documents: number;
  added: number;
  versions: number;
  duplicates: number;
  failures: number;
  elapsedMs: number;
  current: string;
}

export interface IngestReport {
  files: number;
  added: number;
  versions: number;
  duplicates: number;
  skipped: number;
  failures: Failure[];
  warnings: Array<{ source: string; message: string }>;
  claims: number;
  elapsedMs: number;
  /** ids of added documents and new versions */
  ids: string[];
}

/** A document ready to store, analysed or not. */
export interface ReadyDocument {
  doc: NewDocument;
  analysis: Analysis | null;
}

/**
 * Prepares a batch of inputs; the default runs in this thread, a pool may run
 * them elsewhere. With `analyze: false` only the record is made.
 */
export type Preparer = (inputs: DocumentInput[], options?: { analyze?: boolean }) => Promise<Array<ReadyDocument | ReckonError>>;

export const prepareHere: Preparer = async (inputs, options = {}) => {
  if (options.analyze !== false) {
    const out: Array<ReadyDocument | ReckonError> = [];
    for (const r of prepareStaged(inputs)) out.push(r.ok ? r.prepared : asReckonError(r.error, inputs[out.length]!.source));
    return out;
  }
  return inputs.map((input): ReadyDocument | ReckonError => {
    try {
      return { doc: prepareRecord(input), analysis: null };
    } catch (e) {
      return asReckonError(e, input.source);
    }
  });
};

export interface IngestOptions extends Partial<LoadOptions> {
  batchSize?: number;
  prepare?: Preparer;
  onProgress?: (p: IngestProgress) => void;
  onFailure?: (f: Failure) => void;
  /** an input was stored, but not all of it could be read as it should (broken bytes) */
  onWarning?: (w: { source: string; message: string }) => void;
  /** keep the ids of stored documents in the report (default true) */
  keepIds?: boolean;
  /** analyse while storing (default true); false stores documents unanalysed, for `reckon worker` */
  analyze?: boolean;
  /** batches prepared at once (the pool's size when a pool prepares them) */
  concurrency?: number;
}

export async function ingest(store: Store, inputs: string[], options: IngestOptions = {}): Promise<IngestReport> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 64;
  const prepare = options.prepare ?? prepareHere;
  const report: IngestReport = { files: 0, added: 0, versions: 0, duplicates: 0, skipped: 0, failures: [], warnings: [], claims: 0, elapsedMs: 0, ids: [] };
  let documents = 0;
  let current = '';
  let pending: DocumentInput[] = [];

  const fail = (source: string, err: ReckonError) => {
    const f: Failure = { source: err.subject ?? source, code: err.code, message: err.message.replace(/\s+/g, ' ').trim() };
    report.failures.push(f);
    options.onFailure?.(f);
  };
  const progress = () =>
    options.onProgress?.({
      files: report.files, documents, added: report.added, versions: report.versions, duplicates: report.duplicates,
      failures: report.failures.length, elapsedMs: Date.now() - started, current,
    });

  // batches are prepared concurrently (a pool keeps every core busy) and stored in the order they were read
  const analyze = options.analyze !== false;
  const inFlight: Array<{ batch: DocumentInput[]; prepared: Promise<Array<ReadyDocument | ReckonError>> }> = [];
  const maxInFlight = Math.max(1, options.concurrency ?? 1) + 1;

  // writes the archive refused, one after the other with none stored between them: so many say the archive itself is failing
  let refusedInARow = 0;
  const writeFailed = (p: ReadyDocument, e: unknown) => {
    const err = asReckonError(e);
    if (++refusedInARow >= MAX_REFUSED_IN_A_ROW) throw err;
    fail(p.doc.source, new ReckonError(err.code, err.message, { subject: p.doc.source, cause: e }));
  };

  const store1 = async () => {
    const { batch, prepared: promise } = inFlight.shift()!;
    const prepared = await promise;
    const good: ReadyDocument[] = [];
    prepared.forEach((p, i) => {
      if (p instanceof ReckonError) fail(batch[i]!.source, p);
      else good.push(p);
    });
    const count = (r: PutResult, p: ReadyDocument) => {
      if (r.status === 'duplicate') report.duplicates++;
      else {
        if (r.status === 'added') report.added++;
        else report.versions++;
        if (analyze) report.claims += p.analysis?.claims.length ?? 0;
        if (options.keepIds !== false) report.ids.push(r.id);
      }
    };
    // an analysed document is stored with its grouping signature (see signatureEntry)
    const item = (p: ReadyDocument): PutItem =>
      analyze && p.analysis
        ? { doc: p.doc, analysis: p.analysis, derived: [signatureEntry(p.doc.published, p.analysis, ANALYZER_VERSION, p.doc.title)] }
        : { doc: p.doc, analysis: null };
    if (good.length) {
      let results: PutResult[] | null = null;
      try {
        results = await store.putDocuments(good.map(item), ANALYZER_VERSION, BULK);
      } catch (e) {
        // the batch is one transaction, so nothing of it was stored: store its documents one at a time,
        // so that the one the archive refuses fails alone (with its source named) and the others are stored
        if (good.length === 1) writeFailed(good[0]!, e);
        else {
          for (const p of good) {
            try {
              count((await store.putDocuments([item(p)], ANALYZER_VERSION, BULK))[0]!, p);
              refusedInARow = 0;
            } catch (e1) {
              writeFailed(p, e1);
            }
          }
        }
      }
      if (results) {
        refusedInARow = 0;
        results.forEach((r, i) => count(r, good[i]!));
      }
    }
    documents += batch.length;
    progress();
  };

  const flush = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    const prepared = prepare(batch, { analyze });
    prepared.catch(() => undefined);
    inFlight.push({ batch, prepared });
    while (inFlight.length >= maxInFlight) await store1();
  };

  const take = async (fev: FormatEvent) => {
    if (fev.kind === 'error') {
      fail(fev.source, fev.error);
      return;
    }
    if (fev.warning) {
      const w = { source: fev.doc.source, message: fev.warning };
      report.warnings.push(w);
      options.onWarning?.(w);
    }
    pending.push(fev.doc);
    if (pending.length >= batchSize) await flush();
  };

  const maxLineBytes = options.maxBytes ?? DEFAULT_LOAD.maxBytes;
  let stopped: unknown = null;
  try {
    for await (const ev of load(inputs, options)) {
      if (ev.kind === 'skip') {
        report.skipped++;
        continue;
      }
      report.files++;
      if (ev.kind === 'error') {
        fail(ev.source, ev.error);
        progress();
        continue;
      }
      current = ev.item.source;
      if (ev.kind === 'stream') {
        // JSON Lines: read line by line, so a file of any size keeps memory bounded
        for await (const fev of jsonlStream(ev.item, { maxLineBytes })) await take(fev);
      } else {
        for (const fev of toDocuments(ev.item)) await take(fev);
      }
      if (report.files % 16 === 0) progress();
    }
    await flush();
    while (inFlight.length) await store1();
  } catch (e) {
    stopped = e;
  }
  // what this ingest stored is searchable once the archive settles, also when the ingest stopped on an error
  // (whose error is the one reported, if settling fails too)
  if (report.added + report.versions > 0) await store.settle?.().catch((e: unknown) => (stopped ??= e));
  if (stopped) throw stopped;
  report.elapsedMs = Date.now() - started;
  return report;
}

/** An ingest's writes: documents wait to be put into the full-text index together (see PutOptions). */
const BULK: PutOptions = { deferSearch: true };
