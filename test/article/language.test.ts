/**
 * The language guess: the case-folding word count reads every text as the
 * word count of the lower-cased text does, and gives way to it where a
 * character lowers to something else than one character of its length.
 */
import { describe, expect, it } from 'vitest';
import { countWords, countWordsFolded, guessLanguage } from '../../src/article/language.js';
import { seededRandom } from '../helpers.js';

const lowered = (s: string) => countWords(s.toLowerCase());

describe('countWordsFolded', () => {
  it('counts as the lower-cased count does, capitals, apostrophes, accents and other scripts included', () => {
    for (const s of [
      '',
      'THE People SAID it WAS the END',
      "Don't they HAVE their own?",
      'Ωραία ΣΟΦΙΑ ΟΔΟΣ — Σ σ ς',
      'Zürich, ÉTÉ, Łódź: the floods',
      'peoples theirs whichever a an',
      'emoji 😀 and 𐐀𐐁 Deseret capitals',
      'lone \ud800 surrogate \udc00 here',
    ]) expect(countWordsFolded(s), s).toEqual(lowered(s));
  });

  it('gives way where lowering changes a length or makes ASCII (İ, the Kelvin sign)', () => {
    expect(countWordsFolded('İSTANBUL')).toBeNull();
    expect(countWordsFolded('300 \u212A')).toBeNull();
    // the reading it gives way to splits "i̇t" at the combining dot
    expect(lowered('İT İS')).toEqual({ words: 4, letters: 4, english: 0 });
  });

  it('agrees with the lower-cased count on random texts', () => {
    const rnd = seededRandom(7);
    const alphabet = [...'abcdefghijklmnopqrstuvwxyzTHEOFANDWSP      \'.,-\n0123456789éÉßΣσςЖжあ’“'].concat(['😀', '𐐀', 'the ', 'The ', 'OF ', 'said ', 'people ']);
    for (let n = 0; n < 2000; n++) {
      let s = '';
      const len = Math.floor(rnd() * 60);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(countWordsFolded(s), JSON.stringify(s)).toEqual(lowered(s));
    }
  });
});

describe('the English word table', () => {
  // a word is English for the hashed table exactly when it is for the Set the lower-cased count reads
  it('finds every word of one to three letters as the Set does', () => {
    const letters = "abcdefghijklmnopqrstuvwxyz'";
    const words = [''];
    for (let len = 1; len <= 3; len++)
      for (const w of words.filter((x) => x.length === len - 1)) for (const c of letters) words.push(w + c);
    for (const w of words.slice(1)) expect(countWordsFolded(w)!.english, w).toBe(countWords(w).english);
  });

  it("finds random words of four to eight letters, and the list's own words in capitals, as the Set does", () => {
    const rnd = seededRandom(11);
    for (let n = 0; n < 20000; n++) {
      let w = '';
      const len = 4 + Math.floor(rnd() * 5);
      for (let i = 0; i < len; i++) w += 'etaoinshrdlupcwyfgbvkmjxqz'[Math.floor(rnd() * rnd() * 26)];
      expect(countWordsFolded(w)!.english, w).toBe(countWords(w).english);
    }
    expect(countWordsFolded('WHICH Their PEOPLE sAiD after BEEN were')).toEqual({ words: 7, letters: 33, english: 7 });
    expect(countWordsFolded('peoples theirs whichever saidd')!.english).toBe(0);
  });
});

describe('guessLanguage', () => {
  it('reads English in capitals as English, and needs 20 letters', () => {
    expect(guessLanguage('THE FLOOD WAS THE WORST IN THE HISTORY OF THE TOWN, AND THE PEOPLE SAID IT HAD BEEN COMING FOR YEARS')).toBe('en');
    expect(guessLanguage('Σ 12')).toBeNull();
  });
});
