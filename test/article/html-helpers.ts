/**
 * Shared checks for the HTML extraction tests: the offset-map invariant
 * and a seeded random number generator.
 */
import { decodeHTML } from 'entities';
import { expect } from 'vitest';
import type { HtmlArticle } from '../../src/article/html.js';
import { seededRandom } from '../helpers.js';

/** Source text that may collapse to one space: whitespace, no-break spaces, invisible characters, entities. */
const COLLAPSIBLE_SOURCE = /^(?:[\s\u00a0\u00ad\u200b\u2060\ufeff]|&[#a-z0-9]+;?)+$/i;

/** Deterministic PRNG (mulberry32): the one of test/helpers.ts. */
export const rng = seededRandom;

/**
 * Checks that every character of `text` is accounted for: literal runs map
 * exactly (html.slice(map) === text), non-literal pieces are decoded
 * entities or collapsed whitespace, and the characters between segments are
 * synthetic separators. Then samples random literal spans through
 * `map.toOriginal`.
 */
export function checkOffsetMap(html: string, article: HtmlArticle, samples = 200, seed = 1): void {
  const { text, map } = article;
  const covered = new Uint8Array(text.length);
  let prevClean = -1;
  let prevOrig = -1;
  const exact: { start: number; length: number }[] = [];
  for (const seg of map.segments) {
    expect(seg.length).toBeGreaterThan(0);
    expect(seg.cleanStart).toBeGreaterThan(prevClean);
    expect(seg.cleanStart + seg.length).toBeLessThanOrEqual(text.length);
    expect(seg.origStart).toBeGreaterThanOrEqual(prevOrig);
    expect(seg.origEnd).toBeGreaterThanOrEqual(seg.origStart);
    expect(seg.origEnd).toBeLessThanOrEqual(html.length);
    prevClean = seg.cleanStart + seg.length - 1;
    prevOrig = seg.origEnd;
    for (let i = seg.cleanStart; i < seg.cleanStart + seg.length; i++) covered[i] = 1;
    const piece = text.slice(seg.cleanStart, seg.cleanStart + seg.length);
    const source = html.slice(seg.origStart, seg.origEnd);
    if (seg.origEnd - seg.origStart === seg.length) {
      if (source !== piece) expect({ source, piece }).toEqual({ source: piece, piece });
      exact.push({ start: seg.cleanStart, length: seg.length });
    } else if (piece === ' ') {
      expect(source).toMatch(COLLAPSIBLE_SOURCE);
    } else {
      expect(decodeHTML(source)).toBe(piece);
    }
  }
  for (let i = 0; i < text.length; i++) {
    if (!covered[i] && text[i] !== '\n' && text[i] !== ' ') {
      throw new Error(`unmapped character ${JSON.stringify(text[i])} at ${i}: …${text.slice(i - 20, i + 20)}…`);
    }
  }
  const random = rng(seed);
  for (let k = 0; k < samples && exact.length > 0; k++) {
    const seg = exact[Math.floor(random() * exact.length)]!;
    const s = seg.start + Math.floor(random() * seg.length);
    const e = s + 1 + Math.floor(random() * (seg.start + seg.length - s));
    const o = map.toOriginal(s, e);
    expect(o).not.toBeNull();
    expect(html.slice(o![0], o![1])).toBe(text.slice(s, e));
  }
}
