/** Who says so: each sentence of test/fixtures/analyze/attribution.tsv and the source its one claim must name. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

const CASES = fs
  .readFileSync(new URL('../fixtures/analyze/attribution.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t') as [string, string]);

describe('attribution (test/fixtures/analyze/attribution.tsv)', () => {
  it('has cases', () => expect(CASES.length).toBeGreaterThan(3));
  it.each(CASES)('%s', (sentence, source) => {
    const claims = analyzeText(sentence, { published: '2024-05-01', title: null, language: 'en' }).claims;
    // (an empty source: the claim names none)
    expect(claims.map((c) => c.attribution)).toEqual([source || null]);
  });
});

describe('attribution in a sentence of parts between semicolons', () => {
  const sources = (sentence: string) => analyzeText(sentence, { published: '2024-05-01', title: null, language: 'en' }).claims.map((c) => c.attribution);
  it('a source named in a later part, with a figure of its own, is not an earlier figure\'s', () => {
    expect(sources("The official toll is 16 people killed; the miners' union has always said that at least 19 died.")).toEqual([null, "the miners' union"]);
  });
  it('a source named first still speaks for the parts after it', () => {
    expect(sources('Police said 12 people died; 40 were hurt.')).toEqual(['Police', 'Police']);
  });
});
