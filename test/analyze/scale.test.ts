/**
 * Long reports of awkward shapes are analysed in time that grows with their
 * length, not its square: each of these took from 4 s to over a minute before
 * (a claim looked again at every earlier date, every place and the rest of its
 * sentence; a date looked again at every date found before it and scanned its
 * whole sentence). The bounds leave a wide margin for slow machines; the
 * times printed are for comparing.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

/** name, text, claims expected (null: not checked), time limit */
const SHAPES: Array<[name: string, text: () => string, claims: number | null, limitMs: number]> = [
  // a long live blog: dates and claims in turn, one paragraph (before: 60 s and more)
  ['3,000 dates and claims in turn', () => Array.from({ length: 3000 }, (_, i) => `It began on ${(i % 28) + 1} May 2021. Five people were killed.`).join(' '), 3000, 4000],
  // a list of 15,000 claims in one sentence (before: 9 s)
  ['15,000 claims in one sentence', () => `${Array.from({ length: 15_000 }, (_, i) => `${i + 2} people were killed`).join(', ')}.`, 15_000, 4000],
  // one sentence naming 10,000 days (before: 10 s)
  ['10,000 days in one sentence', () => `It rose on ${Array.from({ length: 10_000 }, (_, i) => `May ${(i % 28) + 1}`).join(', ')} and 5 people were killed.`, null, 4000],
  // a timeline of 40,000 dated lines (before: 7 s)
  ['a timeline of 40,000 dates', () => Array.from({ length: 40_000 }, (_, i) => `${(i % 28) + 1} May 2021: the river rose again.`).join('\n'), 0, 4000],
  // 10,000 claims with dates, joined by "and" (before: 40 s; still above linear, see the report)
  ['10,000 dated claims joined by "and"', () => Array.from({ length: 10_000 }, (_, i) => `5 people were killed on May ${(i % 28) + 1}`).join(' and '), 1, 8000],
];

describe('analysis time grows with the length of the report', () => {
  analyzeText('Two people were injured in Paris on 3 May 2021.', { published: null, title: null, language: 'en' });
  it.each(SHAPES)('%s', (_name, make, claims, limitMs) => {
    const text = make();
    const t0 = Date.now();
    const a = analyzeText(text, { published: '2024-01-01', title: null, language: 'en' });
    const ms = Date.now() - t0;
    console.log(`[scale] ${_name}: ${(text.length / 1024).toFixed(0)} KB in ${ms} ms, ${a.claims.length} claims`);
    if (claims !== null) expect(a.claims.length).toBe(claims);
    expect(ms).toBeLessThan(limitMs);
  }, 60_000);
});
