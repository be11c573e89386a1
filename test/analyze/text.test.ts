import { describe, expect, it } from 'vitest';
import { sentences, tokenize, type Sentence, type Token } from '../../src/analyze/text.js';

/** The tokens as the regular expression that tokenize reads by hand gives them (the old, simple way). */
function reference(text: string): Token[] {
  const re = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*(?:-(?:\p{L}[\p{L}\p{M}\p{N}]*|\d+))*|\d+(?:[.,]\d+)*(?:-(?:\p{L}+|\d+(?:[.,]\d+)*)(?:-\p{L}+)*)?|[^\s\p{L}\p{N}]/gu;
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

/** The sentences as the splitter gave them when it grew an array per sentence and looked punctuation up in sets. */
function referenceSentences(text: string, tokens: Token[]): Sentence[] {
  const ABBREVIATIONS = new Set([
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cpt', 'maj', 'adm', 'gov', 'sen', 'rep', 'rev', 'st', 'mt', 'ft',
    'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'no', 'nos', 'vol', 'vs', 'etc', 'approx', 'est', 'fig', 'al', 'cf', 'ca',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
    'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m', 'd.c', 'ave', 'blvd', 'rd', 'hwy', 'pp', 'p',
  ]);
  const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);
  const TERMINAL = new Set(['.', '!', '?', '…']);
  const isSentenceEnd = (cur: Token[], next: Token): boolean => {
    const before = cur[cur.length - 2];
    if (!before) return true;
    if (before.kind === 'word') {
      const w = before.lower;
      const prev2 = cur[cur.length - 3];
      const dotted = prev2?.text === '.' && !before.spaceBefore ? `${prev2 && cur[cur.length - 4] ? cur[cur.length - 4]!.lower : ''}.${w}` : w;
      if (ABBREVIATIONS.has(w) || ABBREVIATIONS.has(dotted)) {
        if (/^(u\.s|u\.k|u\.n|d\.c|a\.m|p\.m|etc)$/.test(dotted) && /^\p{Lu}/u.test(next.text) && !/^(?:\p{Lu}\.)+$/u.test(next.text)) {
          return !/^(p\.m|a\.m)$/.test(dotted) || /^(The|He|She|They|It|A|An|In|On|At|After|Police|But)$/.test(next.text);
        }
        return false;
      }
      if (before.text.length === 1 && /\p{Lu}/u.test(before.text)) return false;
    }
    if (before.kind === 'number' && next.kind === 'number' && !next.spaceBefore) return false;
    if (/^\p{Ll}/u.test(next.text)) return false;
    return true;
  };
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
        const blank = /\n[ \t]*\n/.test(text.slice(prev.end, t.start));
        const wrapped = !blank && !TERMINAL.has(prev.text) && !CLOSERS.has(prev.text) && /^[\p{Ll}\d(]/u.test(t.text) && prev.kind !== 'punct';
        if (!wrapped) {
          close();
          paragraph++;
        }
      } else if (out.length) paragraph++;
    }
    cur.push(t);
    if (TERMINAL.has(t.text)) {
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

describe('sentences', () => {
  it('splits at terminals, absorbs closers, keeps abbreviations, initials and wrapped lines', () => {
    const text = 'Mr. J. Smith said: "Five died." Then (two more!) died in the U.S. The toll rose.\nIt was 2.5 km at 5 p.m. on Friday…\nwrapped line here.\n\nNew paragraph» ok? Yes.';
    // a line without terminal punctuation, before a lower-case word, was wrapped
    expect(sentences('Five people were\nkilled.').length).toBe(1);
    const got = sentences(text);
    expect(got.map((s) => text.slice(s.start, s.end))).toEqual([
      'Mr. J. Smith said: "Five died."', 'Then (two more!)', 'died in the U.S.', 'The toll rose.', 'It was 2.5 km at 5 p.m. on Friday…', 'wrapped line here.', 'New paragraph» ok?', 'Yes.',
    ]);
    expect(got.map((s) => s.paragraph)).toEqual([0, 0, 0, 0, 1, 2, 3, 3]);
    expect(got).toEqual(referenceSentences(text, tokenize(text)));
    expect(sentences('')).toEqual([]);
    expect(sentences('.')).toEqual(referenceSentences('.', tokenize('.')));
  });

  it('gives what the old splitter gives on random text', () => {
    let seed = 5;
    const rnd = (n: number) => (((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) >>> 16) % n);
    const pieces = ['.', '.', '!', '?', '…', '"', "'", '”', '’', '»', ')', ']', '(', ' ', ' ', ' ', '\n', '\n\n', '\r\n', ' \n \n', '\u00a0', 'the', 'Police', 'U.S', 'u.s', 'p.m', 'a.m', 'The', 'Mr', 'dr', 'J', 'İ', 'ı', 'K', '5', '2.5', 'etc', 'No', 'x', 'killed'];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = rnd(30);
      for (let k = 0; k < len; k++) text += pieces[rnd(pieces.length)];
      const tokens = tokenize(text);
      expect(sentences(text, tokens), JSON.stringify(text)).toEqual(referenceSentences(text, tokens));
    }
  });
});
