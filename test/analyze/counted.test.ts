/**
 * What a count counts (test/fixtures/analyze/counted.tsv): a count of places or vehicles between the people
 * and their predicate ("80 protesters in 14 cities were killed") is where they were; people set on fire are
 * hurt; a purpose ("went to the house to kill …") is a deed, an intent ("threatened to kill") is not (the
 * intents are in negatives.txt).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

const CASES = fs
  .readFileSync(new URL('../fixtures/analyze/counted.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [sentence, claims] = l.split('\t');
    return { sentence: sentence!, claims: (claims ?? '').split(';').map((c) => c.trim()).filter(Boolean) };
  });

describe('what a count counts (test/fixtures/analyze/counted.tsv)', () => {
  it('has cases', () => expect(CASES.length).toBeGreaterThan(10));
  it.each(CASES.map((c) => [c.sentence, c] as const))('%s', (_s, c) => {
    const claims = analyzeText(c.sentence, { published: '2024-05-01', title: null, language: 'en' }).claims;
    expect(claims.map((x) => `${x.category} ${x.value}`)).toEqual(c.claims);
  });
});
