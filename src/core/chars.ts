/**
 * Unicode character classes of code points (\\p{L}, \\p{M}, \\p{N}, \\s as a
 * regular expression with the u flag reads them), for scanners that read
 * character codes instead of running Unicode-aware regular expressions.
 */

/** Character classes of a code point, as bits. */
export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;
export const SPACE = 8;
const IS_LETTER = /^\p{L}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_NUMBER = /^\p{N}$/u;
const IS_SPACE = /^\s$/u;
/** classes of the Basic Multilingual Plane, worked out on first use of each code point (bit 16: known) */
const BMP = new Uint8Array(0x10000);
const KNOWN = 16;

function classify(cp: number): number {
  // a lone surrogate is a character of its own, of no class
  const ch = String.fromCodePoint(cp);
  return (IS_LETTER.test(ch) ? LETTER : 0) | (IS_MARK.test(ch) ? MARK : 0) | (IS_NUMBER.test(ch) ? NUMBER : 0) | (IS_SPACE.test(ch) ? SPACE : 0);
}
for (let c = 0; c < 128; c++) BMP[c] = classify(c) | KNOWN;

/** The classes of a code point (bits LETTER | MARK | NUMBER | SPACE). */
export function classOf(cp: number): number {
  if (cp < 0x10000) {
    let c = BMP[cp]!;
    if (!c) {
      c = classify(cp) | KNOWN;
      BMP[cp] = c;
    }
    return c;
  }
  return classify(cp);
}

/** The classes of an ASCII character code (c < 128), from the table. */
export const asciiClassOf = (c: number): number => BMP[c]!;
