/**
 * Ranges of figures ("1,500-2,000", "1.5-2 million", "10-12,000"): each sentence of
 * test/fixtures/analyze/ranges.tsv and the one claim it must give.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

const CASES = fs
  .readFileSync(new URL('../fixtures/analyze/ranges.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [sentence, category, value, low, high, approx] = l.split('\t');
    return { sentence: sentence!, category: category!, value: Number(value), low: Number(low), high: Number(high), approx: approx! };
  });

describe('ranges of figures (test/fixtures/analyze/ranges.tsv)', () => {
  it('has cases', () => expect(CASES.length).toBeGreaterThan(5));
  it.each(CASES.map((c) => [c.sentence, c] as const))('%s', (_s, c) => {
    const claims = analyzeText(c.sentence, { published: '2024-05-01', title: null, language: 'en' }).claims;
    expect(claims.map((x) => ({ category: x.category, value: x.value, low: x.low, high: x.high, approx: x.approx }))).toEqual([
      { category: c.category, value: c.value, low: c.low, high: c.high, approx: c.approx },
    ]);
  });
});
