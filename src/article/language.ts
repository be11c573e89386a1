/**
 * The language of a main text, when nothing names it: English is recognised
 * by its commonest words, other languages are left to the detector.
 */
import { detect as detectLanguage } from 'tinyld';
import { LETTER, classOf } from '../core/chars.js';
import { englishCover } from '../core/english.js';

const LANGUAGE_SAMPLE = 4000;

/** The commonest English function words: a text made largely of them is English, and the costlier detector is not asked. */
const ENGLISH_WORDS = ['the', 'of', 'and', 'to', 'in', 'a', 'is', 'was', 'were', 'that', 'for', 'on', 'with', 'as', 'by', 'at', 'from', 'his', 'her', 'it', 'are', 'have', 'has', 'had', 'be', 'been', 'their', 'which', 'this', 'an', 'after', 'who', 'they', 'said', 'people'];
const ENGLISH_WORDS_SET = new Set(ENGLISH_WORDS);
const MAX_ENGLISH = Math.max(...ENGLISH_WORDS.map((w) => w.length));
const ENGLISH_SHARE = 0.28;
/**
 * A text at least this much of whose words are English words is English, however few function words it has:
 * short, dense reports ("Gunmen killed eight villagers near Kano, police said") often have fewer than
 * ENGLISH_SHARE, and the detector took about 1 ms for each (more than the whole analysis of such a report).
 * English texts the detector was asked about had a median of 0.91 of their words in the dictionary; texts of
 * other languages in Latin script 0.02–0.34.
 */
const ENGLISH_COVER = 0.75;

/**
 * A word of up to MAX_ENGLISH lower-case ASCII letters and apostrophes as a number, five bits a character
 * (a–z 1–26, ' 27): two words have the same key only when they are the same word, and no string is cut out.
 */
const wordKey = (key: number, c: number) => (key << 5) | (c === 39 ? 27 : c - 96);
/** the wordKey digit of each ASCII character of a word, capitals folded (A–Z as a–z); 0 for characters between words */
const ASCII_DIGIT = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_DIGIT[c] = c === 39 || (c >= 97 && c <= 122) ? wordKey(0, c) : c >= 65 && c <= 90 ? wordKey(0, c + 32) : 0;
/**
 * The English words' keys in a table of 2^ENGLISH_BITS slots indexed by the top bits of key × ENGLISH_MULT,
 * a multiplier at which no two keys share a slot: a look-up is a multiplication, a shift and a comparison
 * (the remainder by a table size it replaced was an integer division a word: guessLanguage 0.92× the time, two runs of 20 rounds).
 * 256 slots take a few tries of multipliers to find; 64 took 90,000.
 */
const ENGLISH_KEYS = ENGLISH_WORDS.map((w) => [...w].reduce((k, ch) => wordKey(k, ch.charCodeAt(0)), 0));
let ENGLISH_BITS = 8;
let ENGLISH_MULT = 0x9e3779b1 | 0;
const slotOf = (key: number, mult: number, bits: number) => Math.imul(key, mult) >>> (32 - bits);
for (let tries = 0; new Set(ENGLISH_KEYS.map((k) => slotOf(k, ENGLISH_MULT, ENGLISH_BITS))).size < ENGLISH_KEYS.length; tries++) {
  ENGLISH_MULT = (ENGLISH_MULT + 0x6a09e667) | 1;
  if (tries % 1000 === 999) ENGLISH_BITS++;
}
const ENGLISH_TABLE = new Int32Array(1 << ENGLISH_BITS).fill(-1);
for (const k of ENGLISH_KEYS) ENGLISH_TABLE[slotOf(k, ENGLISH_MULT, ENGLISH_BITS)] = k;
const ENGLISH_SHIFT = 32 - ENGLISH_BITS;

export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, LANGUAGE_SAMPLE);
  const { words, letters, english } = countWordsFolded(sample) ?? countWords(sample.toLowerCase());
  if (letters < 20) return null;
  if (words >= 12 && english / words >= ENGLISH_SHARE) return 'en';
  const cover = englishCover(sample);
  if (cover.words >= 12 && cover.known >= ENGLISH_COVER * cover.words) return 'en';
  const l = detectLanguage(sample.slice(0, 1500));
  return l || null;
}

export interface WordCounts {
  words: number;
  letters: number;
  english: number;
}

/**
 * The words of a lower-case text as /[\p{L}']+/gu reads them: how many, their
 * total length, and how many are common English words, read without making
 * an array of words (only words short enough to be English function words are cut out).
 */
export function countWords(s: string): WordCounts {
  let words = 0;
  let letters = 0;
  let english = 0;
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    let inWord = false;
    let w = 1;
    if (i < s.length) {
      const c = s.charCodeAt(i);
      if (c < 128) inWord = c === 39 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
      else {
        const cp = s.codePointAt(i)!;
        w = cp > 0xffff ? 2 : 1;
        inWord = (classOf(cp) & LETTER) !== 0;
      }
    }
    if (inWord) {
      if (start < 0) start = i;
      i += w - 1;
      continue;
    }
    if (start >= 0) {
      const len = i - start;
      words++;
      letters += len;
      if (len <= MAX_ENGLISH && ENGLISH_WORDS_SET.has(s.slice(start, i))) english++;
      start = -1;
    }
  }
  return { words, letters, english };
}

/** How a non-ASCII code point reads once lower-cased: a letter, no letter, or not one code point of its own length. */
const NOT_LETTER = 1;
const IS_LETTER = 2;
const UNFOLDABLE = 3;
/** lowerClass of the Basic Multilingual Plane, worked out on first use of each code point */
const LOWER_CLASS = new Uint8Array(0x10000);

function lowerClass(cp: number): number {
  if (cp < 0x10000 && LOWER_CLASS[cp]) return LOWER_CLASS[cp]!;
  const ch = String.fromCodePoint(cp);
  const lower = ch.toLowerCase();
  const lcp = lower.codePointAt(0)!;
  // "İ" lowers to "i̇" (two characters), "K" (Kelvin) to an ASCII "k": such a text is read lower-cased instead
  const k = lower.length !== ch.length || lcp < 128 ? UNFOLDABLE : (classOf(lcp) & LETTER) !== 0 ? IS_LETTER : NOT_LETTER;
  if (cp < 0x10000) LOWER_CLASS[cp] = k;
  return k;
}

/**
 * countWords(s.toLowerCase()) without lowering the text: ASCII capitals are folded as they are read, and a
 * non-ASCII character lowers to one non-ASCII character of its length, so it never makes an English word
 * (Greek final sigma, the one lowering that depends on the neighbours, is a letter either way). Null when
 * a character lowers otherwise (see lowerClass). English words are matched as wordKey numbers: the lowered
 * copy and the short strings cut out of it went (prepareRecord 0.87× the time without them).
 */
export function countWordsFolded(s: string): WordCounts | null {
  let words = 0;
  let letters = 0;
  let english = 0;
  let len = 0;
  /** wordKey of the word's first MAX_ENGLISH characters (30 bits at most: int32 arithmetic) */
  let key = 0;
  /** the word holds a non-ASCII letter, so it is no English word */
  let foreign = false;
  // one pass over the characters, the word in hand counted at each character between words and at the end
  // (counters in local variables and no end-of-text test per character: 0.84× the time of a loop that read one past the end)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let digit = 0;
    if (c < 128) digit = ASCII_DIGIT[c]!;
    else {
      const cp = s.codePointAt(i)!;
      const k = lowerClass(cp);
      if (k === UNFOLDABLE) return null;
      if (k === IS_LETTER) {
        const w = cp > 0xffff ? 2 : 1;
        len += w;
        i += w - 1;
        foreign = true;
        continue;
      }
    }
    if (digit !== 0) {
      if (++len <= MAX_ENGLISH) key = (key << 5) | digit;
      continue;
    }
    if (len > 0) {
      words++;
      letters += len;
      if (isEnglish(len, foreign, key)) english++;
      len = 0;
      key = 0;
      foreign = false;
    }
  }
  if (len > 0) {
    words++;
    letters += len;
    if (isEnglish(len, foreign, key)) english++;
  }
  return { words, letters, english };
}

const isEnglish = (len: number, foreign: boolean, key: number) => len <= MAX_ENGLISH && !foreign && ENGLISH_TABLE[Math.imul(key, ENGLISH_MULT) >>> ENGLISH_SHIFT] === key;
