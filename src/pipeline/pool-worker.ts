/** A worker thread of the prepare pool: documents in, prepared documents (or one-line errors) out. */
import { parentPort } from 'node:worker_threads';
import { asReckonError } from '../core/errors.js';
import type { DocumentInput } from '../core/types.js';
import type { WireResult } from './pool.js';
import { prepareDocument, prepareRecord } from './prepare.js';

parentPort!.on('message', ({ inputs, analyze }: { inputs: DocumentInput[]; analyze: boolean }) => {
  const out: WireResult[] = inputs.map((input) => {
    try {
      return { ok: true, prepared: analyze ? prepareDocument(input) : { doc: prepareRecord(input), analysis: null } };
    } catch (e) {
      const err = asReckonError(e, input.source);
      return { ok: false, code: err.code, message: err.message, ...(err.subject ? { subject: err.subject } : {}) };
    }
  });
  parentPort!.postMessage(out);
});
