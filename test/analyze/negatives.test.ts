import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

const file = new URL('../fixtures/analyze/negatives.txt', import.meta.url);
const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));

describe('no claim on a negative', () => {
  it('has cases', () => expect(lines.length).toBeGreaterThan(15));
  for (const line of lines) {
    it(line, () => {
      const { claims } = analyzeText(line, { published: '2024-06-01', title: null, language: 'en' });
      expect(claims.map((c) => `${c.category} ${c.value} "${c.quote}"`)).toEqual([]);
    });
  }
});
