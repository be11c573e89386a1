/**
 * A necessary test for membership in a set of words that reads three numbers of a word instead of hashing it.
 * The first look-up of a fresh string in a Set or Map hashes every character of it (V8 then keeps the hash in
 * the string); a token string is fresh, and most tokens asked about are in no set.
 */

/** One bit per (length, first code unit, last code unit), each modulo 32: lower-case ASCII letters stay apart. */
const shapeOf = (w: string): number => ((w.length & 31) << 10) | ((w.charCodeAt(0) & 31) << 5) | (w.charCodeAt(w.length - 1) & 31);

export class WordShapes {
  private readonly bits = new Uint32Array(1024);

  constructor(words: Iterable<string>) {
    for (const w of words) {
      const b = shapeOf(w);
      this.bits[b >>> 5]! |= 1 << (b & 31);
    }
  }

  /** false only for a word that is none of the words (true may still be none of them) */
  mayHold(w: string): boolean {
    // shapeOf written out: this runs for every word of a text, inside large functions where V8 may not inline
    const n = w.length;
    const b = ((n & 31) << 10) | ((w.charCodeAt(0) & 31) << 5) | (w.charCodeAt(n - 1) & 31);
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}
