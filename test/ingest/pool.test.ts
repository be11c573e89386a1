/**
 * The worker pool that prepares documents: it gives the same results as
 * preparing in this thread, and a document that runs over the time limit or
 * needs more memory than a worker may use fails alone, with a one-line
 * reason, while the rest of its batch and the other batches are prepared and
 * the pool goes on working.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ReckonError } from '../../src/core/errors.js';
import type { DocumentInput } from '../../src/core/types.js';
import { prepareHere, type ReadyDocument } from '../../src/pipeline/ingest.js';
import { PreparePool } from '../../src/pipeline/pool.js';
import { analyzeDocument } from '../../src/pipeline/prepare.js';

const doc = (source: string, original: string, format: DocumentInput['format'] = 'text'): DocumentInput => ({ source, format, original, encoding: 'utf-8', given: {} });
const good = (i: number) => doc(`good-${i}`, `Storm report ${i}\n\nOn March ${(i % 28) + 1}, 2021, ${i + 2} people were killed and ${i + 5} injured in Kabul, officials said.\n`);
/**
 * About a second of analysis (three million short lines), three times the tests' limit of 300 ms, and a few
 * hundred MB of heap. (A million lines took 330 ms once the analysis had grown faster: on a loaded machine the
 * limit's timer fired late and the document finished.)
 */
const heavy = () => doc('heavy', 'x\n'.repeat(3_000_000));

const line = (r: ReadyDocument | ReckonError) => (r instanceof ReckonError ? `${r.code} ${r.oneLine()}` : `ok ${r.doc.source} ${r.analysis?.claims.length ?? '-'}`);

let pool: PreparePool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('PreparePool', () => {
  it('prepares what this thread prepares, batch by batch, in order; an empty batch is fine', async () => {
    pool = new PreparePool(2);
    const inputs = [good(1), doc('empty', '   \n'), good(2), doc('page', '<html><body><article><p>Nine people were injured in Lyon on Monday, police said.</p></article></body></html>', 'html'), good(3)];
    const [a, b, none] = await Promise.all([pool.prepare(inputs), pool.prepare(inputs.slice(2), { analyze: false }), pool.prepare([])]);
    const here = await prepareHere(inputs);
    expect(a.map(line)).toEqual(here.map(line));
    expect(a.map((r) => (r instanceof ReckonError ? null : r.analysis))).toEqual(here.map((r) => (r instanceof ReckonError ? null : r.analysis)));
    expect(a.map(line)[1]).toBe('EMPTY empty: no main text found');
    expect(b.map(line)).toEqual(['ok good-2 -', 'ok page -', 'ok good-3 -']);
    expect(none).toEqual([]);
  });

  it('a document over the time limit fails alone (TIMEOUT); its batch goes on in a new worker', { timeout: 60_000 }, async () => {
    pool = new PreparePool(2, { documentMs: 300 });
    const t0 = Date.now();
    const [a, b] = await Promise.all([pool.prepare([good(1), heavy(), good(2), good(3)]), pool.prepare([good(4), good(5)])]);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(a.map(line)).toEqual(['ok good-1 2', 'TIMEOUT heavy: analysis took longer than 300 ms (the document may be pathological)', 'ok good-2 2', 'ok good-3 2']);
    expect(b.map(line)).toEqual(['ok good-4 2', 'ok good-5 2']);
    // the pool still works, with both workers
    const after = await Promise.all([pool.prepare([good(6)]), pool.prepare([good(7)])]);
    expect(after.flat().map(line)).toEqual(['ok good-6 2', 'ok good-7 2']);
  });

  it('a batch longer than a stage, a slow document in its second stage: that one fails alone, the rest as this thread prepares them', { timeout: 60_000 }, async () => {
    pool = new PreparePool(1, { documentMs: 300 });
    const inputs = Array.from({ length: 40 }, (_, i) => (i === 35 ? heavy() : good(i)));
    const [r, here] = await Promise.all([pool.prepare(inputs), prepareHere(inputs.filter((x) => x.source !== 'heavy'))]);
    expect(r.map(line)[35]).toBe('TIMEOUT heavy: analysis took longer than 300 ms (the document may be pathological)');
    expect(r.filter((x, i) => i !== 35).map(line)).toEqual(here.map(line));
    expect(r.filter((x, i) => i !== 35).map((x) => (x as ReadyDocument).analysis)).toEqual(here.map((x) => (x as ReadyDocument).analysis));
  });

  it('a document that needs more memory than a worker may use fails alone (TOO_LARGE), without taking the process down', { timeout: 60_000 }, async () => {
    pool = new PreparePool(1, { workerHeapMb: 128 });
    const r = await pool.prepare([good(1), heavy(), good(2)]);
    expect(r.map(line)).toEqual(['ok good-1 2', 'TOO_LARGE heavy: analysis needed more than 128 MB of memory', 'ok good-2 2']);
    expect((await pool.prepare([good(3)])).map(line)).toEqual(['ok good-3 2']);
  });

  it('workers that cannot even start make prepare fail with the reason, instead of starting again for ever', { timeout: 60_000 }, async () => {
    pool = new PreparePool(1, { workerHeapMb: 8 });
    await expect(pool.prepare([good(1)])).rejects.toThrow(/^the analysis workers cannot start \(/);
    await expect(pool.prepare([good(2)])).rejects.toThrow(/cannot start/);
  });

  it('analyses stored documents as this thread does; one over the time limit fails alone (TIMEOUT)', { timeout: 60_000 }, async () => {
    pool = new PreparePool(1, { documentMs: 300 });
    const stored = await prepareHere([good(1), heavy(), good(2)], { analyze: false });
    const docs = stored.map((r) => (r instanceof ReckonError ? null : r.doc)!);
    const r = await pool.analyze(docs);
    expect(r[0]).toEqual(analyzeDocument(docs[0]!));
    expect(r[1]).toBeInstanceOf(ReckonError);
    expect((r[1] as ReckonError).oneLine()).toBe('heavy: analysis took longer than 300 ms (the document may be pathological)');
    expect((r[1] as ReckonError).code).toBe('TIMEOUT');
    expect(r[2]).toEqual(analyzeDocument(docs[2]!));
    expect((r[2] as { claims: unknown[] }).claims.length).toBe(2);
  });

  it('a closed pool refuses work', async () => {
    pool = new PreparePool(1);
    await pool.close();
    await expect(pool.prepare([good(1)])).rejects.toThrow(/closed/);
  });
});
