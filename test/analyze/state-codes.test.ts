/** Two-letter state codes after a comma: test/fixtures/analyze/state-codes.tsv. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

const cases = fs
  .readFileSync(new URL('../fixtures/analyze/state-codes.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t') as [string, string, string]);

const placesOf = (text: string) =>
  analyzeText(text, { published: '2024-06-01', title: null, language: 'en' }).mentions.filter((m) => m.kind === 'place');

describe('state codes (test/fixtures/analyze/state-codes.tsv)', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(3));
  for (const [text, code, id] of cases) {
    it(text, () => {
      const found = placesOf(text).filter((m) => m.text === code);
      expect(found.map((m) => m.data?.id)).toEqual([id]);
    });
  }

  it('a code with no comma before it is no place, and the city before a code is still found', () => {
    const found = placesOf('The AL team lost; later two died in Montgomery, AL.');
    expect(found.map((m) => m.text)).toEqual(['Montgomery', 'AL']);
    expect(found[0]!.data?.country).toBe('US');
  });
});
