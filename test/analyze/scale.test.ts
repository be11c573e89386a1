/**
 * Long reports of awkward shapes are analysed in time that grows with their
 * length, not its square: each of these took from 4 s to over a minute before
 * (a claim looked again at every earlier date, every place and the rest of its
 * sentence; a date looked again at every date found before it and scanned its
 * whole sentence). No time limit: each shape is analysed at a quarter of its
 * size and at its full size, in the same run, and the full size may take at
 * most 10× as long (4× is linear; a square would be 16×). The times printed
 * are for comparing.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

/** name, text of n parts, n, claims expected for n parts (null: not checked) */
const SHAPES: Array<[name: string, text: (n: number) => string, n: number, claims: (n: number) => number | null]> = [
  // a long live blog: dates and claims in turn, one paragraph (before: 60 s and more)
  ['3,000 dates and claims in turn', (n) => Array.from({ length: n }, (_, i) => `It began on ${(i % 28) + 1} May 2021. Five people were killed.`).join(' '), 3000, (n) => n],
  // a list of 15,000 claims in one sentence (before: 9 s)
  ['15,000 claims in one sentence', (n) => `${Array.from({ length: n }, (_, i) => `${i + 2} people were killed`).join(', ')}.`, 15_000, (n) => n],
  // one sentence naming 10,000 days (before: 10 s)
  ['10,000 days in one sentence', (n) => `It rose on ${Array.from({ length: n }, (_, i) => `May ${(i % 28) + 1}`).join(', ')} and 5 people were killed.`, 10_000, () => null],
  // a timeline of 40,000 dated lines (before: 7 s)
  ['a timeline of 40,000 dates', (n) => Array.from({ length: n }, (_, i) => `${(i % 28) + 1} May 2021: the river rose again.`).join('\n'), 40_000, () => 0],
  // 10,000 claims with dates, joined by "and" (before: 40 s); each clause's count is its own ("May 1 and 5 people"
  // is no range of days: a day the range would end on is followed by the people it counts)
  ['10,000 dated claims joined by "and"', (n) => Array.from({ length: n }, (_, i) => `5 people were killed on May ${(i % 28) + 1}`).join(' and '), 10_000, (n) => n],
];

const GROWTH_LIMIT = 10;

function timed(text: string): { ms: number; claims: number } {
  const t0 = performance.now();
  const a = analyzeText(text, { published: '2024-01-01', title: null, language: 'en' });
  return { ms: performance.now() - t0, claims: a.claims.length };
}

describe('analysis time grows with the length of the report', () => {
  analyzeText('Two people were injured in Paris on 3 May 2021.', { published: null, title: null, language: 'en' });
  it.each(SHAPES)('%s', (name, make, n, claims) => {
    const small = make(n / 4);
    const full = make(n);
    // the best of three runs of each size: a pause of the machine slows one run, not the best
    const best = (text: string) => {
      const runs = [timed(text), timed(text), timed(text)];
      return { ms: Math.min(...runs.map((r) => r.ms)), claims: runs[0]!.claims };
    };
    const a = best(small);
    const b = best(full);
    const growth = b.ms / Math.max(a.ms, 1);
    console.log(`[scale] ${name}: ${(small.length / 1024).toFixed(0)} KB in ${a.ms.toFixed(0)} ms, ${(full.length / 1024).toFixed(0)} KB in ${b.ms.toFixed(0)} ms (×${growth.toFixed(1)})`);
    const want = claims(n);
    if (want !== null) expect(b.claims).toBe(want);
    expect(growth).toBeLessThan(GROWTH_LIMIT);
  }, 120_000);
});
