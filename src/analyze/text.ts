/**
 * Tokens, sentences and paragraphs of a cleaned text, with offsets. The
 * sentence splitter knows abbreviations, initials, decimals and quotes; a
 * line break ends a sentence unless the line was hard-wrapped mid-sentence.
 */
import { LETTER, MARK, NUMBER, SPACE, asciiClassOf, classOf } from '../core/chars.js';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  text: string;
  /** lower case */
  lower: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** a line break (or more) lies between this token and the previous one */
  breakBefore: boolean;
  /** whitespace lies between this token and the previous one */
  spaceBefore: boolean;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  paragraph: number;
  tokens: Token[];
}

// Tokens are words (letters, with inner apostrophes, hyphens and periods of abbreviations), numbers (with , .
// separators), or any other single character that is no space, letter or digit. This is the regular expression
//   \p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*(?:-(?:\p{L}[\p{L}\p{M}\p{N}]*|\d+))*
//   | \d+(?:[.,]\d+)*(?:-(?:\p{L}+|\d+(?:[.,]\d+)*)(?:-\p{L}+)*)?
//   | [^\s\p{L}\p{N}]
// (with the u flag), read by hand below: its greedy loops never need to backtrack, and a scanner over
// character codes is several times faster than the Unicode-aware regular expression.

/** The code point at i, read as the u flag reads it: a surrogate pair only when both halves lie before `end`. */
function codePointAt(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}
const width = (cp: number) => (cp > 0xffff ? 2 : 1);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** End of a run of code points of the given classes from i (before `end`). */
function runOf(s: string, i: number, end: number, classes: number): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (!(asciiClassOf(c) & classes)) return i;
      i++;
      continue;
    }
    const cp = codePointAt(s, i, end);
    if (!(classOf(cp) & classes)) return i;
    i += width(cp);
  }
  return i;
}

const letterAt = (s: string, i: number, end: number) => i < end && (classOf(codePointAt(s, i, end)) & LETTER) !== 0;

/** End of the word starting with a letter at i. */
function wordEnd(s: string, i: number, end: number): number {
  let j = runOf(s, i, end, LETTER | MARK | NUMBER);
  // inner apostrophes: "O'Brien", "don't"
  for (;;) {
    const c = s.charCodeAt(j);
    if (j + 1 < end && (c === 39 || c === 0x2019) && letterAt(s, j + 1, end)) j = runOf(s, j + 1, end, LETTER);
    else break;
  }
  // hyphenated parts: "al-Assad", "COVID-19"
  while (j + 1 < end && s.charCodeAt(j) === 45) {
    if (letterAt(s, j + 1, end)) j = runOf(s, j + 1, end, LETTER | MARK | NUMBER);
    else if (isDigit(s.charCodeAt(j + 1))) j = digitsEnd(s, j + 1, end);
    else break;
  }
  return j;
}

function digitsEnd(s: string, i: number, end: number): number {
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** End of the digits starting at i, with their separators: "1,500", "2.5". */
function figureEnd(s: string, i: number, end: number): number {
  let j = digitsEnd(s, i, end);
  for (;;) {
    const c = s.charCodeAt(j);
    if (j + 1 < end && (c === 46 || c === 44) && isDigit(s.charCodeAt(j + 1))) j = digitsEnd(s, j + 1, end);
    else break;
  }
  return j;
}

/** End of the number starting with a digit at i. */
function numberEnd(s: string, i: number, end: number): number {
  let j = figureEnd(s, i, end);
  // one hyphenated part, then hyphenated words: "25-year-old", "300-600", "1,500-2,000", "1.5-2.5"
  if (j + 1 < end && s.charCodeAt(j) === 45) {
    if (letterAt(s, j + 1, end)) j = runOf(s, j + 1, end, LETTER);
    else if (isDigit(s.charCodeAt(j + 1))) j = figureEnd(s, j + 1, end);
    else return j;
    while (j + 1 < end && s.charCodeAt(j) === 45 && letterAt(s, j + 1, end)) j = runOf(s, j + 1, end, LETTER);
  }
  return j;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cpt', 'maj', 'adm', 'gov', 'sen', 'rep', 'rev', 'st', 'mt', 'ft',
  'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'no', 'nos', 'vol', 'vs', 'etc', 'approx', 'est', 'fig', 'al', 'cf', 'ca',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m', 'd.c', 'ave', 'blvd', 'rd', 'hwy', 'pp', 'p',
]);

/**
 * A token as made by tokenize: the fields of Token, in its order. Made by a
 * constructor, not an object literal, because V8 may decide at run time to
 * allocate a literal's objects in the old generation (allocation-site
 * pretenuring) when, early in a process, many of them outlive a garbage
 * collection (a long document, the gazetteer loading); tokens then cost
 * several times more to make and to collect for the rest of the process.
 * Constructed objects are not pretenured that way.
 */
class TokenRecord implements Token {
  constructor(
    public text: string,
    public lower: string,
    public start: number,
    public end: number,
    public kind: TokenKind,
    public breakBefore: boolean,
    public spaceBefore: boolean,
  ) {}
}

/** The dash tokens that end a dateline before its first sentence ("ANKARA, March 14 — …", "KABUL (Reuters) - …"). */
export const DATELINE_DASHES: ReadonlySet<string> = new Set(['—', '–', '-', '--']);

/**
 * A word without its final period, as w.replace(/\.$/, '') gives it ("gen." → "gen", "no." → "no"): a new string
 * only when there is a period to drop.
 */
export const withoutFinalPeriod = (w: string): string => (w.charCodeAt(w.length - 1) === 46 ? w.slice(0, -1) : w);

const UPPER_START = /^\p{Lu}/u;
/** A word token starting with a capital (ASCII decides without a regular expression). */
export const isCapitalised = (t: Token | undefined): boolean => {
  if (!t || t.kind !== 'word') return false;
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(t.text);
};

/**
 * isCapitalised(t) for a token of `text`, its first character read from the text (t.text is text.slice(t.start,
 * t.end)): a loop over every token then reads the token and the text, not each token's own string too.
 */
export const capitalisedIn = (text: string, t: Token): boolean => {
  if (t.kind !== 'word') return false;
  const c = text.charCodeAt(t.start);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(t.text);
};

/** s.toLowerCase(), without the call for the many tokens that are lower-case ASCII already */
function lowerOf(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c >= 128) return s.toLowerCase();
  }
  return s;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let prevEnd = from;
  /** a line break lies among the characters skipped since the last token (all of them spaces or digits of other scripts) */
  let breakBefore = false;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    let kind: TokenKind;
    let end: number;
    /** the token's case when the scan saw it: 1 lower-case ASCII (its own lower case), 0 ASCII with a capital, -1 not known */
    let plain = -1;
    if (c < 128) {
      const k = asciiClassOf(c);
      if (k & LETTER) {
        kind = 'word';
        // most words are ASCII letters up to an ASCII character that continues no word (no digit, apostrophe or
        // hyphen: the only ASCII characters of \p{L}\p{M}\p{N} are letters and digits): one pass finds the end
        // and the case, where wordEnd and lowerOf read the word twice
        let j = i + 1;
        let caps = c <= 90;
        let d = 32;
        while (j < to) {
          d = text.charCodeAt(j);
          if (d >= 97 && d <= 122) j++;
          else if (d >= 65 && d <= 90) {
            caps = true;
            j++;
          } else break;
        }
        if (j === to || (d < 128 && !isDigit(d) && d !== 39 && d !== 45)) {
          end = j;
          plain = caps ? 0 : 1;
        } else end = wordEnd(text, i, to);
      } else if (isDigit(c)) {
        kind = 'number';
        end = numberEnd(text, i, to);
      } else if (k & SPACE) {
        if (c === 10 || c === 13) breakBefore = true;
        i++;
        continue;
      } else {
        kind = 'punct';
        end = i + 1;
        plain = 1;
      }
    } else {
      const cp = codePointAt(text, i, to);
      const k = classOf(cp);
      if (k & LETTER) {
        kind = 'word';
        end = wordEnd(text, i, to);
      } else if (k & (SPACE | NUMBER)) {
        // spaces, and digits of other scripts (no token starts with one)
        i += width(cp);
        continue;
      } else {
        kind = 'punct';
        end = i + width(cp);
      }
    }
    const t = text.slice(i, end);
    out.push(new TokenRecord(t, plain === 1 ? t : plain === 0 ? t.toLowerCase() : lowerOf(t), i, end, kind, breakBefore, i > prevEnd));
    breakBefore = false;
    prevEnd = end;
    i = end;
  }
  return out;
}

/** '"', "'", '”', '’', '»', ')' or ']': a closing quote or bracket, by its one code unit (no string is hashed) */
function isCloser(s: string): boolean {
  if (s.length !== 1) return false;
  const c = s.charCodeAt(0);
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93;
}
/** '.', '!', '?' or '…': terminal punctuation */
function isTerminal(s: string): boolean {
  if (s.length !== 1) return false;
  const c = s.charCodeAt(0);
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/**
 * Splits tokens into sentences; paragraph numbers count blank-line separated blocks and lines ending a sentence.
 * A sentence is the run of tokens from `from` to the token at hand, cut out of `tokens` in one copy when it
 * closes (an array grown token by token was copied each time it grew).
 */
export function sentences(text: string, tokens: Token[] = tokenize(text)): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  /** the first token of the sentence being read (the sentence is tokens from..i) */
  let from = 0;
  const close = (to: number) => {
    if (to <= from) return;
    out.push({ index: out.length, start: tokens[from]!.start, end: tokens[to - 1]!.end, paragraph, tokens: tokens.slice(from, to) });
    from = to;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.breakBefore) {
      if (i > from) {
        const prev = tokens[i - 1]!;
        const gap = text.slice(prev.end, t.start);
        const blank = /\n[ \t]*\n/.test(gap);
        // a hard-wrapped line continues the sentence: no terminal punctuation and a lowercase continuation
        const wrapped = !blank && !isTerminal(prev.text) && !isCloser(prev.text) && /^[\p{Ll}\d(]/u.test(t.text) && prev.kind !== 'punct';
        if (!wrapped) {
          close(i);
          paragraph++;
        }
      } else if (out.length) paragraph++;
    }
    // only a punctuation token can be a terminal
    if (t.kind === 'punct' && isTerminal(t.text)) {
      // absorb closing quotes/brackets and repeated terminals
      while (i + 1 < tokens.length && !tokens[i + 1]!.spaceBefore && (isCloser(tokens[i + 1]!.text) || isTerminal(tokens[i + 1]!.text))) i++;
      const next = tokens[i + 1];
      if (!next) continue;
      if (t.text === '.' && !isSentenceEnd(tokens, from, i, next)) continue;
      if (!next.spaceBefore && !next.breakBefore) continue;
      close(i + 1);
    }
  }
  close(tokens.length);
  return out;
}

/** Whether the sentence tokens[from..last] ends before `next` (its token at `last` a period, perhaps with closers). */
function isSentenceEnd(tokens: Token[], from: number, last: number, next: Token): boolean {
  /** the token k places before the last one, inside the sentence */
  const back = (k: number): Token | undefined => (last - k >= from ? tokens[last - k] : undefined);
  const before = back(1);
  if (!before) return true;
  // an abbreviation or an initial ("Mr.", "U.S.", "J.") followed by a capitalised word or a number
  if (before.kind === 'word') {
    const w = before.lower;
    const prev2 = back(2);
    const dotted = prev2?.text === '.' && !before.spaceBefore ? `${prev2 && back(3) ? back(3)!.lower : ''}.${w}` : w;
    if (ABBREVIATIONS.has(w) || ABBREVIATIONS.has(dotted)) {
      // "… in the U.S. The next" is ambiguous; treat months/titles as not ending, others end before a capital
      if (/^(u\.s|u\.k|u\.n|d\.c|a\.m|p\.m|etc)$/.test(dotted) && /^\p{Lu}/u.test(next.text) && !/^(?:\p{Lu}\.)+$/u.test(next.text)) {
        return !/^(p\.m|a\.m)$/.test(dotted) || /^(The|He|She|They|It|A|An|In|On|At|After|Police|But)$/.test(next.text);
      }
      return false;
    }
    if (before.text.length === 1 && /\p{Lu}/u.test(before.text)) return false;
  }
  if (before.kind === 'number' && next.kind === 'number' && !next.spaceBefore) return false;
  // a lowercase continuation is not a new sentence
  if (/^\p{Ll}/u.test(next.text)) return false;
  return true;
}
