/**
 * Fixtures of names that are no place though a place bears them: a case per line,
 * "text ⟂ the name, which is no place ⟂ a place the same text still names" ('#' starts a comment).
 */
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

/** The texts of the places analyzeText finds in `text`. */
export const places = (text: string): string[] =>
  analyzeText(text, { published: '2024-06-01', title: null, language: 'en' }).mentions.filter((m) => m.kind === 'place').map((m) => m.text);

/** A test per case of the fixture file test/fixtures/analyze/<name> (inside the caller's describe). */
export function notAPlace(name: string): void {
  const cases = fs
    .readFileSync(new URL(`../fixtures/analyze/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('⟂') as [string, string, string]);
  it('has cases', () => expect(cases.length).toBeGreaterThan(3));
  for (const [text, notPlace, place] of cases) {
    it(text, () => {
      const found = places(text);
      expect(found).not.toContain(notPlace);
      expect(found).toContain(place);
    });
  }
}
