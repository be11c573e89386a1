import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

const file = new URL('../fixtures/analyze/dateline-agencies.txt', import.meta.url);
const cases = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('⟂') as [string, string, string]);
const places = (text: string) =>
  analyzeText(text, { published: '2024-06-01', title: null, language: 'en' }).mentions.filter((m) => m.kind === 'place').map((m) => m.text);

describe("a dateline's agency is no place", () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(3));
  for (const [text, agency, place] of cases) {
    it(text, () => {
      const found = places(text);
      expect(found).not.toContain(agency);
      expect(found).toContain(place);
    });
  }
  it('a bracketed place before a dash inside a sentence is still a place', () => {
    expect(places('The convoy went from the capital (Kabul) - officials said - to the border.')).toContain('Kabul');
    expect(places('Flooding hit Lagos (Nigeria) - at least 4 people died.')).toContain('Nigeria');
  });
});
