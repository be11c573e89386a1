/**
 * A worker thread of the prepare pool: documents in, prepared documents or
 * analyses of stored documents (or one-line errors) out, one message per document as soon as it is done (the
 * pool times each document, and knows which one a lost worker was on).
 */
import { parentPort } from 'node:worker_threads';
import { asReckonError } from '../core/errors.js';
import type { DocumentInput } from '../core/types.js';
import type { StoredInput, WireMessage, WireResult, WireTask } from './pool.js';
import { analyzeDocument, prepareDocument, prepareRecord } from './prepare.js';

// load the gazetteer and language tables before saying ready, so that no document's time limit pays for them
prepareDocument({ source: 'warm-up', format: 'text', original: 'Two people were injured in Paris on 3 May 2021, officials said.', encoding: 'utf-8', given: {} });
parentPort!.postMessage({ ready: true } satisfies WireMessage);

parentPort!.on('message', (task: WireTask) => {
  task.inputs.forEach((input, index) => {
    let result: WireResult;
    try {
      if (task.kind === 'analyze') result = { ok: true, analysis: analyzeDocument(input as StoredInput) };
      else result = { ok: true, prepared: task.analyze ? prepareDocument(input as DocumentInput) : { doc: prepareRecord(input as DocumentInput), analysis: null } };
    } catch (e) {
      const err = asReckonError(e, input.source);
      result = { ok: false, code: err.code, message: err.message, ...(err.subject ? { subject: err.subject } : {}) };
    }
    const msg: WireMessage = { index, result };
    parentPort!.postMessage(msg);
  });
});
