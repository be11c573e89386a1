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
