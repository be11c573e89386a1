/**
 * A worker thread of the prepare pool: documents in, prepared documents or
 * analyses of stored documents (or one-line errors) out, one message per document as soon as it is done (the
 * pool times each document, and knows which one a lost worker was on; of a batch prepared in stages, which
 * stage).
 */
import { parentPort } from 'node:worker_threads';
import { asReckonError } from '../core/errors.js';
import type { DocumentInput } from '../core/types.js';
import type { StoredInput, WireMessage, WireResult, WireTask } from './pool.js';
import { analyzeDocument, prepareDocument, prepareRecord, prepareStaged } from './prepare.js';

// load the gazetteer and language tables before saying ready, so that no document's time limit pays for them
prepareDocument({ source: 'warm-up', format: 'text', original: 'Two people were injured in Paris on 3 May 2021, officials said.', encoding: 'utf-8', given: {} });
parentPort!.postMessage({ ready: true } satisfies WireMessage);

const failure = (e: unknown, source: string): WireResult => {
  const err = asReckonError(e, source);
  return { ok: false, code: err.code, message: err.message, ...(err.subject ? { subject: err.subject } : {}) };
};
const send = (index: number, result: WireResult) => parentPort!.postMessage({ index, result } satisfies WireMessage);

parentPort!.on('message', (task: WireTask) => {
  if (task.kind === 'prepare' && task.analyze && !task.single) {
    // records a stage at a time, then their analyses (prepareStaged); the pool runs the batch again one document
    // at a time if this worker is lost, so that a hostile document still fails alone
    let index = 0;
    for (const r of prepareStaged(task.inputs)) {
      send(index, r.ok ? { ok: true, prepared: r.prepared } : failure(r.error, task.inputs[index]!.source));
      index++;
    }
    return;
  }
  task.inputs.forEach((input, index) => {
    let result: WireResult;
    try {
      if (task.kind === 'analyze') result = { ok: true, analysis: analyzeDocument(input as StoredInput) };
      else result = { ok: true, prepared: task.analyze ? prepareDocument(input as DocumentInput) : { doc: prepareRecord(input as DocumentInput), analysis: null } };
    } catch (e) {
      result = failure(e, input.source);
    }
    send(index, result);
  });
});
