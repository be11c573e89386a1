/** prepareStaged: records a stage at a time, then their analyses, with the results of prepareDocument one by one. */
import { describe, expect, it } from 'vitest';
import { ReckonError } from '../../src/core/errors.js';
import type { DocumentInput } from '../../src/core/types.js';
import { prepareDocument, prepareStaged } from '../../src/pipeline/prepare.js';

const doc = (source: string, original: string, format: DocumentInput['format'] = 'text'): DocumentInput => ({ source, format, original, encoding: 'utf-8', given: {} });
const report = (i: number) => doc(`r-${i}`, `Flood report ${i}\n\nOn May ${(i % 28) + 1}, 2022, ${i + 3} people were killed and ${2 * i + 1} injured in Lagos, the agency said.\n`);

/** prepareDocument of each input, or the error it throws. */
const oneByOne = (inputs: DocumentInput[]) =>
  inputs.map((x) => {
    try {
      return { ok: true, prepared: prepareDocument(x) };
    } catch (error) {
      return { ok: false, error };
    }
  });

describe('prepareStaged', () => {
  const inputs = [report(1), doc('blank', ' \n\t\n'), report(2), doc('page', '<html><body><article><p>Police said 14 protesters were arrested in Accra on Friday.</p></article></body></html>', 'html'), report(3), report(4), doc('nothing', '\u200b\u200b')];

  for (const stage of [1, 2, 3, 32]) {
    it(`gives what prepareDocument gives, in order, errors in their places (stages of ${stage})`, () => {
      const staged = [...prepareStaged(inputs, stage)];
      expect(staged).toEqual(oneByOne(inputs));
      expect(staged.map((r) => (r.ok ? r.prepared.doc.source : (r.error as ReckonError).code))).toEqual(['r-1', 'EMPTY', 'r-2', 'page', 'r-3', 'r-4', 'EMPTY']);
      expect(staged.filter((r) => r.ok).every((r) => r.ok && r.prepared.analysis.claims.length > 0)).toBe(true);
    });
  }

  it('makes the records of a stage before analysing any of them, and yields each result when its analysis is done', () => {
    const seen: string[] = [];
    const spy = (x: DocumentInput): DocumentInput => ({
      ...x,
      get original() {
        seen.push(x.source);
        return x.original;
      },
    });
    const it = prepareStaged([report(1), report(2), report(3)].map(spy), 2);
    it.next();
    // the record of r-1 and r-2 read their originals; r-3, of the next stage, not yet
    expect(new Set(seen)).toEqual(new Set(['r-1', 'r-2']));
    expect([...it].length).toBe(2);
    expect(seen).toContain('r-3');
  });
});
