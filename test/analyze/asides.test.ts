/**
 * A count, an aside naming a part of it ("including the gunman", ", among them a child,"), then its predicate:
 * each sentence of test/fixtures/analyze/asides.tsv gives a claim of the whole count.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

const CASES = fs
  .readFileSync(new URL('../fixtures/analyze/asides.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [sentence, category, value] = l.split('\t');
    return { sentence: sentence!, category: category!, value: Number(value) };
  });

describe('asides between a count and its predicate (test/fixtures/analyze/asides.tsv)', () => {
  it('has cases', () => expect(CASES.length).toBeGreaterThan(5));
  it.each(CASES.map((c) => [c.sentence, c] as const))('%s', (_s, c) => {
    const claims = analyzeText(c.sentence, { published: '2024-05-01', title: null, language: 'en' }).claims;
    const whole = claims.filter((x) => x.relation !== 'part_of');
    expect(whole.map((x) => ({ category: x.category, value: x.value }))).toEqual([{ category: c.category, value: c.value }]);
  });

  it('an aside with a clause of its own is not skipped: its count is no subject of the predicate after it', () => {
    const claims = analyzeText('Three people including one who was shot were taken to hospital.', { published: '2024-05-01', title: null, language: 'en' }).claims;
    expect(claims.map((x) => x.value)).not.toContain(3);
  });
});
