/**
 * Number expressions in a sentence: digits ("1,500", "2.5 million"), words
 * ("fifty-seven", "a dozen", "two hundred"), ranges ("300–600", "between 300
 * and 600"), hedges ("about", "more than", "as many as") and vague amounts
 * ("dozens", "several hundred", "hundreds of thousands"), each with a
 * low/high range by the convention in lexicon/numbers.json. Numbers that are
 * not counts (years, dates, ages, durations, clock times, ordinals, money,
 * percentages, measures, labels) are kept but marked with why.
 */
import LEX from './lexicon/numbers.json' with { type: 'json' };
import UNITS from './lexicon/units.json' with { type: 'json' };
import type { Approx } from '../core/types.js';
import { namesIn } from '../core/keys.js';
import { withoutFinalPeriod, type Token } from './text.js';

export type NotCount = 'year' | 'date' | 'age' | 'duration' | 'time' | 'ordinal' | 'money' | 'percent' | 'measure' | 'label' | 'decade' | 'phone';

export interface NumberExpr {
  /** token range of the whole expression, hedge included [first, last] */
  first: number;
  last: number;
  /** token range of the figure itself */
  coreFirst: number;
  coreLast: number;
  start: number;
  end: number;
  value: number;
  low: number;
  high: number;
  approx: Approx;
  /** "several", "a few", "dozens of": a vague count of things */
  vague: boolean;
  /** a word like "one" or "a dozen" (not digits) */
  words: boolean;
  /** why this is not a count, if it is not */
  notCount: NotCount | null;
}

const UNIT_WORDS: Record<string, number> = LEX.units;
const TEN_WORDS: Record<string, number> = LEX.tens;
const SCALE_WORDS: Record<string, number> = LEX.scales;
const ORDINALS = new Set(LEX.ordinals);
const VAGUE_PLURAL = LEX.vaguePlural as unknown as Record<string, [number, number]>;
const VAGUE_MULT = LEX.vagueMultipliers as unknown as Record<string, [number, number]>;
const VAGUE_COUNT = LEX.vagueCounts as unknown as Record<string, [number, number]>;
/** `k in UNIT_WORDS` and the like, asked of sets (see namesIn) */
const UNIT_KEYS = namesIn(UNIT_WORDS);
const TEN_KEYS = namesIn(TEN_WORDS);
const SCALE_KEYS = namesIn(SCALE_WORDS);
const VAGUE_PLURAL_KEYS = namesIn(VAGUE_PLURAL);
const HEDGE_BEFORE = Object.entries(LEX.hedgesBefore as Record<string, Approx>)
  .map(([k, v]) => [k.split(' '), v] as const)
  .sort((a, b) => b[0].length - a[0].length);
const HEDGE_AFTER = Object.entries(LEX.hedgesAfter as Record<string, Approx>).map(([k, v]) => [k.split(' '), v] as const);
const DURATION = new Set(UNITS.duration);
const MEASURE = new Set(UNITS.measure);
const MONEY = new Set(UNITS.money);
const PERCENT = new Set(UNITS.percent);
const CLOCK = new Set(UNITS.clock);
const CURRENCY = new Set(UNITS.currencySymbols);
const AGE_WORDS = new Set(UNITS.ageWords);
const LABEL_WORDS = new Set(UNITS.labelWords);
// (South Asian English counts in lakhs, 100,000, and crores, 10,000,000: "three lakh pilgrims", "1.5 lakh")
const WORD_SCALES = new Set(['hundred', 'thousand', 'million', 'billion', 'lakh', 'lakhs', 'crore', 'crores']);
const VAGUE_MULT_SEQS = Object.entries(VAGUE_MULT).map(([k, v]) => [k.split(' '), v] as const);
const VAGUE_COUNT_SEQS = Object.entries(VAGUE_COUNT).map(([k, v]) => [k.split(' '), v] as const);

/**
 * A list of phrases grouped by one of their words (the first, or the last), each group in the list's order: a
 * phrase can match only where that word stands, so the word at hand picks the few to try, and the first of them
 * that matches is the first of the whole list that does. (Trying all 36 hedges before every figure was a third
 * of findNumbers' own time.)
 */
function byWord<T>(list: ReadonlyArray<readonly [readonly string[], T]>, last: boolean): Map<string, Array<readonly [readonly string[], T]>> {
  const index = new Map<string, Array<readonly [readonly string[], T]>>();
  for (const entry of list) {
    const seq = entry[0];
    const w = seq[last ? seq.length - 1 : 0]!;
    const group = index.get(w);
    if (group) group.push(entry);
    else index.set(w, [entry]);
  }
  return index;
}
/** hedges before a figure, by their last word (the word before the figure) */
const HEDGE_BEFORE_BY_LAST = byWord(HEDGE_BEFORE, true);
/** hedges after a figure, by their first word (the word after it) */
const HEDGE_AFTER_BY_FIRST = byWord(HEDGE_AFTER, false);
const VAGUE_MULT_BY_FIRST = byWord(VAGUE_MULT_SEQS, false);
const VAGUE_COUNT_BY_FIRST = byWord(VAGUE_COUNT_SEQS, false);
/** words that can open a number expression: anything else is rejected at once */
const FIRST_WORDS = new Set<string>([
  ...Object.keys(UNIT_WORDS), ...Object.keys(TEN_WORDS), ...Object.keys(VAGUE_PLURAL), 'a', 'an', 'half',
  ...VAGUE_MULT_SEQS.map(([seq]) => seq[0]!), ...VAGUE_COUNT_SEQS.map(([seq]) => seq[0]!),
]);
/** plural count nouns that do not end in -s */
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'personnel', 'staff', 'troops', 'folk', 'cattle', 'sheep', 'militia', 'youth', 'persons', 'civilians']);
/**
 * Whole words that notCount asks of the words around a figure, as sets: /^(st|nd|rd|th)$/ and the like match
 * just these strings (no m flag: $ is the end of the word), and a set answers without running a pattern.
 */
const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);
const YEARS_OLD = new Set(['year-old', 'years-old', 'yr-old']);
const BEFORE_DURATION = new Set(['consecutive', 'straight', 'long', 'more', 'full', 'whole', 'additional', 'separate', 'different']);
const DIGITS = /^\d+(?:[.,]\d+)*$/;

/** Rounding scale of a figure: 150 → 10, 2,000,000 → 1,000,000, 744 → 1. */
export function roundingScale(n: number): number {
  if (!Number.isFinite(n) || n <= 0 || !Number.isInteger(n)) return 1;
  let s = 1;
  while (n % (s * 10) === 0 && s < 1e12) s *= 10;
  return s;
}

/** low/high for a hedged figure (see README: Figures and ranges). */
export function hedgeRange(n: number, approx: Approx): [number, number] {
  const s = roundingScale(n);
  const half = Math.max(1, Math.floor(s / 2));
  switch (approx) {
    case 'about':
      return [Math.max(0, n - half), n + half];
    case 'more_than':
      return [n + 1, n + Math.max(1, s)];
    case 'at_least':
      return [n, n + Math.max(1, s)];
    case 'up_to':
    case 'at_most':
      return [Math.max(0, n - Math.max(1, s)), n];
    case 'less_than':
      return [Math.max(0, n - Math.max(1, s)), Math.max(0, n - 1)];
    default:
      return [n, n];
  }
}

/** Parses digits with thousands separators ("1,500", "1.500") or a decimal ("2.5"). */
export function parseDigits(s: string): number | null {
  if (/^\d{1,3}(,\d{3})+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) return Number(s.replace(/\./g, ''));
  if (/^\d+\.\d+$/.test(s)) return Number(s);
  if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(',', '.'));
  if (/^\d+$/.test(s)) return Number(s);
  return null;
}

/**
 * What the first figure of a range such as "10-12,000" is to be multiplied by: 1000 for each thousands group
 * of the second figure when the first is below the second's leading group (10 < 12), else 1.
 */
function sharedThousands(first: number, second: string): number {
  const m = /^(\d{1,3})((?:,\d{3})+)$/.exec(second);
  if (!m || first >= Number(m[1])) return 1;
  return 1000 ** (m[2]!.length / 4);
}

/** A word number ("seven", "twenty-one", "fifty") or null. */
function wordValue(w: string): number | null {
  if (UNIT_KEYS.has(w)) return UNIT_WORDS[w]!;
  if (TEN_KEYS.has(w)) return TEN_WORDS[w]!;
  // (the pattern needs a hyphen: most words are answered without it)
  const m = w.includes('-') ? /^([a-z]+)-([a-z]+)$/.exec(w) : null;
  if (m && TEN_KEYS.has(m[1]!) && UNIT_KEYS.has(m[2]!) && UNIT_WORDS[m[2]!]! > 0 && UNIT_WORDS[m[2]!]! < 10) return TEN_WORDS[m[1]!]! + UNIT_WORDS[m[2]!]!;
  return null;
}

const lowerAt = (toks: Token[], i: number): string => toks[i]?.lower ?? '';
/** the words of seq at token i (a plain loop: this runs for every word that may open a number, and for every hedge) */
function matchSeq(toks: Token[], i: number, seq: readonly string[]): boolean {
  for (let k = 0; k < seq.length; k++) if (lowerAt(toks, i + k) !== seq[k]) return false;
  return true;
}

interface Core {
  first: number;
  last: number;
  value: number;
  low: number;
  high: number;
  vague: boolean;
  words: boolean;
  approx: Approx;
  compound?: string;
}

const ALL_DIGITS = /^\d+$/;
const NO_PARTS: readonly string[] = [];
const NO_SEQS: ReadonlyArray<readonly [readonly string[], readonly [number, number]]> = [];
const NO_HEDGES: ReadonlyArray<readonly [readonly string[], Approx]> = [];

/** A cardinal starting at token i, or null. */
function cardinal(toks: Token[], i: number): Core | null {
  const t = toks[i];
  if (!t) return null;
  // digits, maybe with a scale word: "2 million", "1.5m", "3,000"
  if (t.kind === 'number') {
    // plain digits ("12", "2024"), most number tokens: read without splitting or trying each digit pattern
    const plain = ALL_DIGITS.test(t.text);
    let head = t.text;
    let rest: readonly string[] = NO_PARTS;
    // (a figure without a hyphen is its own head: "1,500", "2.5")
    if (!plain && t.text.includes('-')) {
      const parts = t.text.split('-');
      head = parts[0]!;
      rest = parts.slice(1);
    }
    const parsed = plain ? Number(head) : parseDigits(head);
    if (parsed === null) return null;
    let v = parsed;
    const nx = toks[i + 1];
    /** the scale word after the figure ("2 million", "1.5m", "3 bn"), as a multiplier; 0 when there is none */
    const scale = nx && SCALE_KEYS.has(nx.lower) && (WORD_SCALES.has(nx.lower) || !nx.spaceBefore || nx.lower === 'mln' || nx.lower === 'bn') ? SCALE_WORDS[nx.lower]! : 0;
    if (rest.length) {
      // "300-600", "19-20" (a range) or "25-year-old", "44-day" (a compound); a scale word after a range
      // scales both ends ("1.5-2 million")
      const r = rest.length === 1 ? parseDigits(rest[0]!) : null;
      // "10-12,000": the first figure shares the second's thousands (10,000 to 12,000) when it is plain digits
      // below the second's leading group; "500-2,000" and "1,500-2,000" are read as written
      const shared = r !== null && plain === false && ALL_DIGITS.test(head) ? sharedThousands(v, rest[0]!) : 1;
      if (shared > 1) v *= shared;
      if (r !== null && r > v) {
        if (scale) return { first: i, last: i + 1, value: Math.round(v * scale), low: Math.round(v * scale), high: Math.round(r * scale), vague: false, words: false, approx: 'range' };
        return { first: i, last: i, value: v, low: v, high: r, vague: false, words: false, approx: 'range' };
      }
      if (rest[0] === 'plus') return { first: i, last: i, value: v, low: v, high: v + roundingScale(v), vague: false, words: false, approx: 'at_least' };
      return { first: i, last: i, value: v, low: v, high: v, vague: false, words: false, approx: 'exact', compound: rest.join('-').toLowerCase() };
    }
    if (scale) {
      const n = Math.round(v * scale);
      return { first: i, last: i + 1, value: n, low: n, high: n, vague: false, words: false, approx: 'exact' };
    }
    if (!Number.isInteger(v) && !/^\d+,\d{1,2}$/.test(head!)) return { first: i, last: i, value: v, low: v, high: v, vague: false, words: false, approx: 'exact', compound: 'decimal' };
    return { first: i, last: i, value: v, low: v, high: v, vague: false, words: false, approx: 'exact' };
  }
  if (t.kind !== 'word') return null;
  const w = t.lower;
  if (!FIRST_WORDS.has(w) && !(w.includes('-') && wordValue(w) !== null)) return null;
  // "hundreds of thousands", "tens of thousands", "dozens", "thousands"
  if (VAGUE_PLURAL_KEYS.has(w)) {
    let [lo, hi] = VAGUE_PLURAL[w]!;
    let last = i;
    const inner = lowerAt(toks, i + 2);
    if (lowerAt(toks, i + 1) === 'of' && VAGUE_PLURAL_KEYS.has(inner) && VAGUE_PLURAL[inner]![0] > hi) {
      // "hundreds of thousands" = 2–10 × 100 × 1,000; each plural's base is half its low end
      const outerBase = VAGUE_PLURAL[w]![0] / 2;
      const innerBase = VAGUE_PLURAL[inner]![0] / 2;
      lo = 2 * outerBase * innerBase;
      hi = 10 * outerBase * innerBase - 1;
      last = i + 2;
    }
    return { first: i, last, value: lo, low: lo, high: hi, vague: true, words: true, approx: 'vague' };
  }
  // "several hundred", "a few thousand", "several dozen"
  for (const [seq, [a, b]] of VAGUE_MULT_BY_FIRST.get(w) ?? NO_SEQS) {
    if (!matchSeq(toks, i, seq)) continue;
    const sc = lowerAt(toks, i + seq.length);
    const scale = sc === 'dozen' ? 12 : WORD_SCALES.has(sc) ? SCALE_WORDS[sc]! : 0;
    if (scale) return { first: i, last: i + seq.length, value: a * scale, low: a * scale, high: b * scale, vague: true, words: true, approx: 'vague' };
  }
  // "a dozen", "two dozen", "a hundred", "a thousand"
  if ((w === 'a' || w === 'an') && toks[i + 1]) {
    const n = toks[i + 1]!.lower;
    if (n === 'dozen') return { first: i, last: i + 1, value: 12, low: 12, high: 12, vague: false, words: true, approx: 'exact' };
    if (WORD_SCALES.has(n)) {
      const more = cardinal(toks, i + 2);
      const base = SCALE_WORDS[n]!;
      if (more && !more.vague && more.words && more.value < base && lowerAt(toks, i + 2) !== 'dozen') {
        const v = base + more.value;
        return { first: i, last: more.last, value: v, low: v, high: v, vague: false, words: true, approx: 'exact' };
      }
      return { first: i, last: i + 1, value: base, low: base, high: base, vague: false, words: true, approx: 'exact' };
    }
  }
  if (w === 'half' && lowerAt(toks, i + 1) === 'a' && WORD_SCALES.has(lowerAt(toks, i + 2))) {
    const v = SCALE_WORDS[lowerAt(toks, i + 2)]! / 2;
    return { first: i, last: i + 2, value: v, low: v, high: v, vague: false, words: true, approx: 'exact' };
  }
  // word numbers: "twenty seven", "two hundred and fifty", "three thousand", "fifty-seven"
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  let lastTok = i;
  while (j < toks.length) {
    const x = toks[j]!.lower;
    const v = wordValue(x);
    if (v !== null) {
      if (any && current % 10 === 0 && current >= 20 && v < 10) current += v;
      else if (any && current > 0 && v >= 1 && !(current % 100 === 0 && v < 100)) break;
      else current += v;
      any = true;
      lastTok = j;
      j++;
      continue;
    }
    if (any && WORD_SCALES.has(x)) {
      const sc = SCALE_WORDS[x]!;
      if (sc === 100) current *= 100;
      else {
        total += (current || 1) * sc;
        current = 0;
      }
      lastTok = j;
      j++;
      continue;
    }
    if (any && x === 'dozen') {
      current *= 12;
      lastTok = j;
      j++;
      continue;
    }
    if (any && x === 'and' && (wordValue(lowerAt(toks, j + 1)) ?? 0) > 0 && (current >= 100 || total >= 1000)) {
      j++;
      continue;
    }
    break;
  }
  if (any) {
    const v = total + current;
    if (w === 'none' || (w === 'zero' && lastTok === i)) return { first: i, last: i, value: 0, low: 0, high: 0, vague: false, words: true, approx: 'exact' };
    return { first: i, last: lastTok, value: v, low: v, high: v, vague: false, words: true, approx: 'exact' };
  }
  // vague counts: "several", "a few", "dozens of", "numerous"
  for (const [seq, [a, b]] of VAGUE_COUNT_BY_FIRST.get(w) ?? NO_SEQS) {
    if (matchSeq(toks, i, seq)) return { first: i, last: i + seq.length - 1, value: a, low: a, high: b, vague: true, words: true, approx: 'vague' };
  }
  return null;
}

/** Finds all number expressions in a sentence's tokens. `dateTokens` marks tokens inside date mentions. */
/** Verbs and words of a change before "from X to Y": "the toll rose from 38 to 54" tells two readings, not a range. */
const CHANGES = new Set([
  'rose', 'risen', 'rises', 'rising', 'climbed', 'climbs', 'increased', 'increases', 'jumped', 'jumps', 'grew', 'grown', 'soared', 'up',
  'fell', 'fallen', 'falls', 'dropped', 'drops', 'down', 'revised', 'raised', 'lowered', 'went', 'gone',
]);

export function findNumbers(toks: Token[], dateTokens: Set<number> = new Set()): NumberExpr[] {
  const out: NumberExpr[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (dateTokens.has(i)) continue;
    const t = toks[i]!;
    if (t.kind !== 'number' && t.kind !== 'word') continue;
    // a word that cardinal turns away at once (not one that can open a number, no hyphen): no call for it
    if (t.kind === 'word' && !FIRST_WORDS.has(t.lower) && !t.lower.includes('-')) continue;
    // "between X and Y", "from X to Y"
    let core = cardinal(toks, i);
    if (!core) continue;
    let first = i;
    let approx: Approx = core.approx;
    let low = core.low;
    let high = core.high;
    let last = core.last;
    // ranges: "300 to 600", "300–600", "two or three", "between 300 and 600"
    const sep = lowerAt(toks, last + 1);
    if (!core.vague && (sep === 'to' || sep === '–' || sep === '—' || sep === '-' || sep === 'or' || sep === 'and')) {
      const second = cardinal(toks, last + 2);
      const betweenStart = lowerAt(toks, i - 1) === 'between' || lowerAt(toks, i - 1) === 'from';
      // ("rose from 38 to 54", "up from 38 to 54": a change, two readings, not a range)
      const change = lowerAt(toks, i - 1) === 'from' && sep === 'to' && CHANGES.has(lowerAt(toks, i - 2));
      if (second && !change && !second.vague && second.value > core.value && (sep !== 'and' || betweenStart) && second.value <= core.value * 20 && !dateTokens.has(last + 2)) {
        low = core.value;
        high = second.value;
        approx = 'range';
        last = second.last;
        if (betweenStart) first = i - 1;
      }
    }
    // hedges before: "more than", "about", "as many as"
    if (approx === 'exact' || (approx === 'range' && first === i)) {
      for (const [seq, a] of HEDGE_BEFORE_BY_LAST.get(lowerAt(toks, first - 1)) ?? NO_HEDGES) {
        const s = first - seq.length;
        if (s >= 0 && matchSeq(toks, s, seq)) {
          if (approx === 'exact') {
            approx = a;
            [low, high] = hedgeRange(core.value, a);
          }
          first = s;
          break;
        }
      }
    }
    // hedges after: "or more", "or so"
    if (approx === 'exact') {
      for (const [seq, a] of HEDGE_AFTER_BY_FIRST.get(lowerAt(toks, last + 1)) ?? NO_HEDGES) {
        if (matchSeq(toks, last + 1, seq)) {
          approx = a;
          [low, high] = hedgeRange(core.value, a);
          last += seq.length;
          break;
        }
      }
    }
    const expr: NumberExpr = {
      first, last, coreFirst: core.first, coreLast: core.last,
      start: toks[first]!.start, end: toks[last]!.end,
      value: core.value, low, high, approx, vague: core.vague, words: core.words,
      notCount: notCount(toks, core, last, dateTokens),
    };
    out.push(expr);
    i = last;
  }
  return out;
}

/** Why a number is not a count of people or things, or null when it may be one. */
const isNameWord = (t: Token | undefined) => t !== undefined && t.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(t.text);

function notCount(toks: Token[], core: Core, last: number, dateTokens: Set<number>): NotCount | null {
  const t = toks[core.first]!;
  const prev = toks[core.first - 1];
  const next = toks[last + 1];
  const next2 = toks[last + 2];
  if (core.compound) {
    if (core.compound === 'decimal') return next && SCALE_KEYS.has(next.lower) ? null : 'measure';
    if (/(^|-)(years?|yr)-old$|^old$/.test(core.compound) || core.compound.endsWith('-old')) return 'age';
    if (DURATION.has(core.compound.split('-')[0]!)) return 'duration';
    if (/^(st|nd|rd|th)$/.test(core.compound)) return 'ordinal';
    return 'measure';
  }
  // "20 January": a day before the month of a date
  if (dateTokens.has(last + 1) && t.kind === 'number' && next && next.kind === 'word' && /^\p{Lu}/u.test(next.text) && !/^(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)$/.test(next.text)) return 'date';
  if (next && !next.spaceBefore && ORDINAL_SUFFIXES.has(next.lower)) return 'ordinal';
  if (next?.text === 's' && !next.spaceBefore) return 'decade';
  // ("10:30", not a figure and the breakdown after its colon: "the number of dead as 379: 337 men, …")
  if (next?.text === ':' && toks[last + 2]?.kind === 'number' && !next.spaceBefore && !toks[last + 2]!.spaceBefore) return 'time';
  if (prev?.text === ':' && !prev.spaceBefore && !t.spaceBefore && toks[core.first - 2]?.kind === 'number') return 'time';
  if (next && (CLOCK.has(next.lower) || (next.lower === 'a' || next.lower === 'p') && toks[last + 2]?.text === '.' && (toks[last + 3]?.lower === 'm'))) return 'time';
  if (prev && CURRENCY.has(prev.text)) return 'money';
  if (next && (PERCENT.has(next.lower) || next.text === '%')) return 'percent';
  if (next && MONEY.has(next.lower)) return 'money';
  if (next && SCALE_KEYS.has(next.lower) && next2 && MONEY.has(next2.lower)) return 'money';
  // ages: "aged 25", "ages 17 and 18", "25 years old", "a 25 year old"
  if (prev && AGE_WORDS.has(prev.lower)) return 'age';
  if (lowerAt(toks, core.first - 2) === 'ages' || lowerAt(toks, core.first - 3) === 'ages' || lowerAt(toks, core.first - 2) === 'between the' ) return 'age';
  if (next && (next.lower === 'years' || next.lower === 'year') && (lowerAt(toks, last + 2) === 'old' || lowerAt(toks, last + 2).startsWith('old'))) return 'age';
  if (next && YEARS_OLD.has(next.lower)) return 'age';
  // "said Sunita Kumari, 34, whose sister …": a person's age between commas after the two words of a name
  if (prev?.text === ',' && (next?.text === ',' || next?.text === ')') && t.kind === 'number' && core.last === core.first && core.value < 120 && isNameWord(toks[core.first - 2]) && isNameWord(toks[core.first - 3])) return 'age';
  // durations and measures: "three decades", "13 hours", "12 rounds", "two consecutive days"
  if (next && (DURATION.has(next.lower) || MEASURE.has(next.lower))) return DURATION.has(next.lower) ? 'duration' : 'measure';
  if (next && next2 && BEFORE_DURATION.has(next.lower) && (DURATION.has(next2.lower) || MEASURE.has(next2.lower))) {
    return DURATION.has(next2.lower) ? 'duration' : 'measure';
  }
  // ordinal words
  if (ORDINALS.has(t.lower)) return 'ordinal';
  // years: 4 digits in [1500, 2099] not followed by a plural count noun
  // (the tests are pure: the cheap ones first)
  if (t.kind === 'number' && core.value >= 1500 && core.value <= 2099 && core.last === core.first && /^\d{4}$/.test(t.text)) {
    const n = next?.lower ?? '';
    const countNoun = next && next.kind === 'word' && ((/^[a-z]+s$/.test(n) && !/^(as|is|was|has|this|its|us|his|hers|yours|ours|theirs|thus|plus|less|across|unless|besides|towards|afterwards|always|perhaps)$/.test(n)) || IRREGULAR_PLURALS.has(n) || n === 'more' || n === 'other' || n === 'others');
    if (!countNoun) return 'year';
  }
  // labels: "No. 5", "Terminal 3", "Route 66", "room 12"
  if (prev && LABEL_WORDS.has(withoutFinalPeriod(prev.lower)) && t.kind === 'number' && !(next && next.kind === 'word' && /s$/.test(next.lower) && !/^(was|is|has|as)$/.test(next.lower))) return 'label';
  if (prev && prev.kind === 'word' && t.kind === 'number' && /^\p{Lu}/u.test(prev.text) && toks[core.first - 2] && !/^[.!?]$/.test(toks[core.first - 2]!.text) && (!next || next.kind === 'punct')) {
    return 'label';
  }
  // phone-like: long digit groups
  if (t.kind === 'number' && t.text.startsWith('0') && /^\d{5,}$/.test(t.text)) return 'phone';
  return null;
}
