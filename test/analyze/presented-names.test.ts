import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

const file = new URL('../fixtures/analyze/presented-names.txt', import.meta.url);
const cases = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('⟂') as [string, string, string]);
const places = (text: string) =>
  analyzeText(text, { published: '2024-06-01', title: null, language: 'en' }).mentions.filter((m) => m.kind === 'place').map((m) => m.text);

describe("a name that words present as a person's is no place", () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(3));
  for (const [text, name, place] of cases) {
    it(text, () => {
      const found = places(text);
      expect(found).not.toContain(name);
      expect(found).toContain(place);
    });
  }
  it("a place's own name is still a place", () => {
    expect(places("The town's name is Florence, and 3 people died in Florence on Monday.")).toContain('Florence');
    expect(places('They moved as far as Nairobi before the storm.')).toContain('Nairobi');
  });
});
