import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from '../../src/analyze/text.js';

/** The tokens as the regular expression that tokenize reads by hand gives them (the old, simple way). */
function reference(text: string): Token[] {
  const re = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*(?:-(?:\p{L}[\p{L}\p{M}\p{N}]*|\d+))*|\d+(?:[.,]\d+)*(?:-(?:\p{L}+|\d+)(?:-\p{L}+)*)?|[^\s\p{L}\p{N}]/gu;
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    const kind = /^\p{L}/u.test(m[0]) ? 'word' : /^\d/.test(m[0]) ? 'number' : 'punct';
    const gap = text.slice(prevEnd, start);
    out.push({ text: m[0], lower: m[0].toLowerCase(), start, end, kind, breakBefore: /[\n\r]/.test(gap), spaceBefore: start > prevEnd });
    prevEnd = end;
  }
  return out;
}
const plain = (ts: Token[]) => ts.map((t) => ({ ...t }));

describe('tokenize', () => {
  it('ends an ASCII word where a character continues no word, and lower-cases it', () => {
    const text = "Ankara's AL-Qaeda COVID-19 don't Mr.Smith 25-Year-Old x_y killed.\nİzmir KELVIN\u00a0Kos the";
    expect(plain(tokenize(text))).toEqual(reference(text));
    expect(tokenize(text).map((t) => t.text)).toEqual([
      "Ankara's", 'AL-Qaeda', 'COVID-19', "don't", 'Mr', '.', 'Smith', '25-Year-Old', 'x', '_', 'y', 'killed', '.', 'İzmir', 'KELVIN', 'Kos', 'the',
    ]);
    expect(tokenize(text).map((t) => t.lower).slice(-3)).toEqual(['kelvin', 'kos', 'the']);
  });

  it('continues a word over letters of other scripts, marks, digits, apostrophes and hyphens after ASCII letters', () => {
    for (const text of ['Kosé', 'Kose\u0301x', 'ab٣', 'abc9', 'ab’cd', "ab'", 'ab-', 'ab-cd', 'ab-9', 'abİ', 'abK', 'ab😀', 'ab\ud800', 'AB', 'a', 'Z.']) {
      expect(plain(tokenize(text)), text).toEqual(reference(text));
      expect(plain(tokenize(`${text} x`)), text).toEqual(reference(`${text} x`));
    }
    expect(tokenize('Kosé')[0]!.text).toBe('Kosé');
    expect(tokenize('ab’cd')[0]!.text).toBe('ab’cd');
    expect(tokenize('')).toEqual([]);
  });

  it('gives what the regular expression gives on random text', () => {
    let seed = 11;
    const rnd = (n: number) => (((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) >>> 16) % n);
    const pieces = ['a', 'b', 'z', 'A', 'Z', 'q', '0', '9', "'", '’', '-', '.', ',', ' ', ' ', '\n', '\r', '\t', '\u00a0', 'İ', 'ı', 'K', 'é', '\u0301', '٣', '😀', '\ud800', 'ß', '_', '(', '"', 'the', 'Kill'];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = rnd(24);
      for (let k = 0; k < len; k++) text += pieces[rnd(pieces.length)];
      expect(plain(tokenize(text)), JSON.stringify(text)).toEqual(reference(text));
      // a window of the text: from and to cut words and surrogate pairs
      const from = rnd(text.length + 1);
      const to = from + rnd(text.length - from + 1);
      const window = plain(tokenize(text, from, to)).map((t) => ({ ...t, start: t.start - from, end: t.end - from }));
      const want = reference(text.slice(from, to));
      // the first token's gap is counted from `from`
      expect(window, JSON.stringify([text, from, to])).toEqual(want);
    }
  });
});
