/**
 * Tokens, sentences and paragraphs of a cleaned text, with offsets. The
 * sentence splitter knows abbreviations, initials, decimals and quotes; a
 * line break ends a sentence unless the line was hard-wrapped mid-sentence.
 */

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

// words (letters, with inner apostrophes, hyphens and periods of abbreviations), numbers (with , . separators), or any other single character
const TOKEN = /(\p{L}[\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)*(?:-(?:\p{L}[\p{L}\p{M}\p{N}]*|\d+))*|\d+(?:[.,]\d+)*(?:-(?:\p{L}+|\d+)(?:-\p{L}+)*)?|[^\s\p{L}\p{N}])/gu;

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cpt', 'maj', 'adm', 'gov', 'sen', 'rep', 'rev', 'st', 'mt', 'ft',
  'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'no', 'nos', 'vol', 'vs', 'etc', 'approx', 'est', 'fig', 'al', 'cf', 'ca',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m', 'd.c', 'ave', 'blvd', 'rd', 'hwy', 'pp', 'p',
]);

const LETTER_START = /^\p{L}/u;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  // the whole text (the usual case) needs no copy; a part is cut so that no token runs past `to`
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  let prevEnd = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const t = m[0];
    const at = m.index;
    const c = t.charCodeAt(0);
    // ASCII letters and digits decide without a regular expression
    const kind: TokenKind = c >= 48 && c <= 57 ? 'number' : (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 'word' : c < 128 ? 'punct' : LETTER_START.test(t) ? 'word' : 'punct';
    let breakBefore = false;
    for (let k = prevEnd; k < at; k++) {
      const g = slice.charCodeAt(k);
      if (g === 10 || g === 13) {
        breakBefore = true;
        break;
      }
    }
    out.push({
      text: t,
      lower: t.toLowerCase(),
      start: from + at,
      end: from + at + t.length,
      kind,
      breakBefore,
      spaceBefore: at > prevEnd,
    });
    prevEnd = at + t.length;
  }
  return out;
}

const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);
const TERMINAL = new Set(['.', '!', '?', '…']);

/** Splits tokens into sentences; paragraph numbers count blank-line separated blocks and lines ending a sentence. */
export function sentences(text: string, tokens: Token[] = tokenize(text)): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let cur: Token[] = [];
  const close = () => {
    if (!cur.length) return;
    out.push({ index: out.length, start: cur[0]!.start, end: cur[cur.length - 1]!.end, paragraph, tokens: cur });
    cur = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.breakBefore) {
      const prev = cur[cur.length - 1];
      if (prev) {
        const gap = text.slice(prev.end, t.start);
        const blank = /\n[ \t]*\n/.test(gap);
        // a hard-wrapped line continues the sentence: no terminal punctuation and a lowercase continuation
        const wrapped = !blank && !TERMINAL.has(prev.text) && !CLOSERS.has(prev.text) && /^[\p{Ll}\d(]/u.test(t.text) && prev.kind !== 'punct';
        if (!wrapped) {
          close();
          paragraph++;
        }
      } else if (out.length) paragraph++;
    }
    cur.push(t);
    if (TERMINAL.has(t.text)) {
      // absorb closing quotes/brackets and repeated terminals
      while (i + 1 < tokens.length && !tokens[i + 1]!.spaceBefore && (CLOSERS.has(tokens[i + 1]!.text) || TERMINAL.has(tokens[i + 1]!.text))) cur.push(tokens[++i]!);
      const next = tokens[i + 1];
      if (!next) continue;
      if (t.text === '.' && !isSentenceEnd(cur, next)) continue;
      if (!next.spaceBefore && !next.breakBefore) continue;
      close();
    }
  }
  close();
  return out;
}

function isSentenceEnd(cur: Token[], next: Token): boolean {
  const before = cur[cur.length - 2];
  if (!before) return true;
  // an abbreviation or an initial ("Mr.", "U.S.", "J.") followed by a capitalised word or a number
  if (before.kind === 'word') {
    const w = before.lower;
    const prev2 = cur[cur.length - 3];
    const dotted = prev2?.text === '.' && !before.spaceBefore ? `${prev2 && cur[cur.length - 4] ? cur[cur.length - 4]!.lower : ''}.${w}` : w;
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
