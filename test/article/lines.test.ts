/**
 * Splitting plain text into lines: the search for "\n" alone (when the text
 * holds no other break) gives the lines the search for every break gives.
 */
import { describe, expect, it } from 'vitest';
import { splitLines, type Line } from '../../src/article/lines.js';
import { seededRandom } from '../helpers.js';

/** the lines as the pattern of every break reads them (the way splitLines read all texts before) */
function reference(original: string): Line[] {
  const space = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x200b || c === 0xfeff || c === 12 || c === 11 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
  const lines: Line[] = [];
  let blank = true;
  const push = (s: number, e: number) => {
    while (s < e && space(original.charCodeAt(s))) s++;
    while (e > s && space(original.charCodeAt(e - 1))) e--;
    if (e <= s) {
      blank = true;
      return;
    }
    const text = original.slice(s, e);
    lines.push({ text, pieces: [{ text, start: s, end: e }], blankBefore: blank });
    blank = false;
  };
  let pos = 0;
  for (const m of original.matchAll(/\r\n|\r|\n|\u2028|\u2029/g)) {
    push(pos, m.index);
    pos = m.index + m[0].length;
  }
  push(pos, original.length);
  return lines;
}

describe('splitLines', () => {
  it('reads texts with only "\\n" breaks and texts with other breaks as the pattern does', () => {
    for (const s of [
      '',
      '\n',
      '\n\n',
      'one',
      'one\n',
      '\none\n\n two \n\u00a0\nthree',
      'a\r\nb\rc\nd\u2028e\u2029f',
      'a\r\n\r\nb',
      '\u2029start and end\u2028',
      'İSTANBUL\n\u212A\n\u200b\n\ufeffx\u3000\n',
    ]) expect(splitLines(s), JSON.stringify(s)).toEqual(reference(s));
  });

  it('keeps the blank line before a line and the offsets into the original', () => {
    const lines = splitLines('Title\n\n  Body one.\nBody two.  \n');
    expect(lines.map((l) => [l.text, l.blankBefore, l.pieces[0]!.start, l.pieces[0]!.end])).toEqual([
      ['Title', true, 0, 5],
      ['Body one.', true, 9, 18],
      ['Body two.', false, 19, 28],
    ]);
  });

  it('agrees with the pattern on random texts, with and without breaks other than "\\n"', () => {
    const rnd = seededRandom(5);
    const some = ['a', 'b', ' ', '\t', '\u00a0', '\u200b', 'é', '\n', '\n', '\n\n'];
    const others = ['\r', '\r\n', '\u2028', '\u2029'];
    for (let n = 0; n < 3000; n++) {
      const alphabet = n % 2 ? some.concat(others) : some;
      let s = '';
      const len = Math.floor(rnd() * 40);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(splitLines(s), JSON.stringify(s)).toEqual(reference(s));
    }
  });
});
