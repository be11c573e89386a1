/**
 * Quantities: a number with what it counts ("150 civilians", "21 more
 * people", "112 of whom", "200 residential buildings"), and counted noun
 * phrases without digits ("a teacher", "his wife", "both") that enumerations
 * add up ("killed four women and a child" = 5).
 */
import type { Approx } from '../../core/types.js';
import type { NumberExpr } from '../numbers.js';
import type { Token } from '../text.js';
import { gazetteer } from '../gazetteer.js';
import { namesIn } from '../../core/keys.js';
import { AFTER, ANIMALS, BEFORE, PERPETRATORS, personNounAt, matchAt, seqAt, thingNounAt } from './lexicon.js';

/** 'animal': beasts counted ("killed three chickens"): no count of people, nor of damage */
export type QuantityKind = 'person' | 'thing' | 'animal' | 'other' | 'bare';

/** A quantity that may count people: not things, not animals. */
export const mayCountPeople = (q: Quantity) => q.kind !== 'thing' && q.kind !== 'animal';

export interface Quantity {
  /** token range of the whole phrase */
  first: number;
  last: number;
  /** token range of the figure (for singular phrases: the determiner) */
  numFirst: number;
  numLast: number;
  value: number;
  low: number;
  high: number;
  approx: Approx;
  kind: QuantityKind;
  /** what is counted, as written ("civilians", "residential buildings", "Azerbaijanis") */
  noun: string | null;
  /** "21 more people", "an additional 21", "another three", "three others" */
  more: boolean;
  /** "three others", "five other patrons", "another": other than those just named (an addition only to a count of the same kind) */
  others: boolean;
  /** "112 of whom", "four of them", "three of the victims" */
  partitive: boolean;
  /** "a total of 150" */
  total: boolean;
  /** a nationality or group named by a demonym */
  demonym: boolean;
  perpetrator: boolean;
  /** counted by its article: "a teacher", "his wife" */
  singular: boolean;
  /** a person named ("Al-Shakeem Woodson was shot and killed") */
  named?: boolean;
  vague: boolean;
  expr: NumberExpr | null;
}

/** A quantity made by a constructor: one hidden class for the quantities of every sentence (see types.ts' drafts). */
class QuantityObject implements Quantity {
  declare named?: boolean;
  constructor(
    public first: number,
    public last: number,
    public numFirst: number,
    public numLast: number,
    public value: number,
    public low: number,
    public high: number,
    public approx: Approx,
    public kind: QuantityKind,
    public noun: string | null,
    public more: boolean,
    public others: boolean,
    public partitive: boolean,
    public total: boolean,
    public demonym: boolean,
    public perpetrator: boolean,
    public singular: boolean,
    public vague: boolean,
    public expr: NumberExpr | null,
  ) {}
}

/** A person counted by an article or a name: one, first to last. */
export const onePerson = (first: number, last: number, noun: string | null): Quantity =>
  new QuantityObject(first, last, first, first, 1, 1, 1, 'exact', 'person', noun, false, false, false, false, false, false, true, false, null);

/** Words that can stand between a number and its noun ("three teenaged employees"). */
const STOP = new Set([
  'were', 'was', 'are', 'is', 'be', 'been', 'being', 'have', 'has', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'do', 'did', 'does',
  'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'from', 'by', 'for', 'with', 'without', 'into', 'onto', 'over', 'under', 'after', 'before',
  'during', 'since', 'until', 'as', 'than', 'that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'if', 'because', 'so', 'then', 'there',
  'here', 'the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'he', 'she', 'they', 'it', 'we', 'i', 'you',
  'them', 'him', 'us', 'me', 'not', 'no', 'all', 'both', 'each', 'some', 'any', 'many', 'more', 'most', 'other', 'others', 'another', 'such',
  'including', 'among', 'between', 'inside', 'outside', 'near', 'across', 'through', 'per', 'about', 'around', 'up', 'down', 'out', 'off',
  'killed', 'died', 'injured', 'wounded', 'dead', 'missing', 'arrested', 'detained', 'shot', 'lost', 'left', 'leaving', 'got', 'reportedly',
  'allegedly', 'also', 'later', 'still', 'now', 'just', 'only', 'even', 'already', 'again',
]);
const MORE_AFTER = new Set(['more', 'additional', 'further', 'other']);
const MORE_BEFORE = [['an', 'additional'], ['a', 'further'], ['additional'], ['further']];
const OTHERS_BEFORE = [['another'], ['other'], ['the', 'other']];
const PARTITIVE_HEADS = new Set(['whom', 'them', 'those', 'these', 'which']);
const DETERMINERS = new Set(['the', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);
const SINGULAR_DETERMINERS = new Set(['a', 'an', 'one', 'another', 'the', 'his', 'her', 'their', 'its', 'our', 'my']);
const NUMBER_WORDS: Record<string, true> = Object.fromEntries(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozen', 'several', 'few', 'both', 'all'].map((w) => [w, true]));
/** `w in NUMBER_WORDS`, asked of a set (see namesIn) */
const NUMBER_WORD_KEYS = namesIn(NUMBER_WORDS);
const ORDINAL_WORDS = new Set(['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']);
/** plural person nouns whose count the word itself gives */
const PAIRS = new Map<string, number>([['parents', 2], ['in-laws', 2], ['twins', 2], ['grandparents', 2], ['couple', 2]]);

const isWord = (t: Token | undefined) => Boolean(t && t.kind === 'word');
const isAgeToken = (t: Token | undefined, next?: Token) =>
  Boolean(t && t.kind === 'number' && (/-(year|month|week|day)s?-old$/i.test(t.text) || (/-(year|month)s?$/i.test(t.text) && next?.lower === 'old')));

/** A capital first letter (an ASCII one decides without the Unicode pattern). */
const startsUpper = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(s);
};

const PARTICIPLES = /^(killed|injured|wounded|shot|arrested|detained|hurt)$/;
/** Whether a past participle (no auxiliary before it) follows the words of a noun from token k: "26 people killed or …". */
function participleAfter(toks: Token[], k: number): boolean {
  for (let i = k; i < toks.length && i <= k + 3; i++) {
    const w = toks[i]!.lower;
    if (PARTICIPLES.test(w)) return true;
    // (an auxiliary or another word that ends the noun's words: "the 12 miners was hurt")
    if (toks[i]!.kind !== 'word' || (STOP.has(w) && !/ed$/.test(w))) return false;
  }
  return false;
}

/** A noun after index j (skipping up to three modifiers), or null. */
function nounAfter(toks: Token[], j: number): { first: number; last: number; kind: QuantityKind; noun: string; demonym: boolean; perpetrator: boolean } | null {
  for (let k = j, mods = 0; k < toks.length && mods <= 3; k++, mods++) {
    const t = toks[k]!;
    if (!(isWord(t) || isAgeToken(t))) return null;
    const p = personNounAt(toks, k);
    if (p) {
      // "one hispanic man", "two police officers": the last of adjacent person nouns is the head
      let last = p.last;
      for (let n = personNounAt(toks, last + 1); n; n = personNounAt(toks, last + 1)) last = n.last;
      // "71 police vehicles", "two army trucks": a person noun that says whose thing it is
      const thing = thingNounAt(toks, last + 1);
      if (thing) return { first: j, last: thing.last, kind: 'thing', noun: textOf(toks, k, thing.last), demonym: false, perpetrator: false };
      // "the 97 men, women and children who died": one group named by a list of plural nouns
      // (", and" only after a list of two or more: "men, women, and children", not "20 men, and women fled")
      if (p.plural) {
        for (let m = last + 1, items = 1; toks[m]?.text === ',' || toks[m]?.lower === 'and'; items++) {
          const commaAnd = toks[m]!.text === ',' && toks[m + 1]?.lower === 'and';
          if (commaAnd && items < 2) break;
          const n = commaAnd ? m + 2 : m + 1;
          const more = personNounAt(toks, n);
          if (!more?.plural) break;
          last = more.last;
          m = last + 1;
          if (toks[n - 1]!.lower === 'and') break;
        }
      }
      return { first: j, last, kind: 'person', noun: textOf(toks, k, last), demonym: false, perpetrator: false };
    }
    const th = thingNounAt(toks, k);
    if (th) return { first: j, last: th.last, kind: 'thing', noun: textOf(toks, k, th.last), demonym: false, perpetrator: false };
    if (ANIMALS.has(t.lower) && !startsUpper(t.text)) return { first: j, last: k, kind: 'animal', noun: t.text, demonym: false, perpetrator: false };
    if (PERPETRATORS.has(t.lower)) return { first: j, last: k, kind: 'person', noun: t.text, demonym: false, perpetrator: true };
    if (startsUpper(t.text) && gazetteer().demonyms.has(t.lower)) return { first: j, last: k, kind: 'person', noun: t.text, demonym: true, perpetrator: false };
    if (STOP.has(t.lower)) return null;
    // a predicate is no part of the counted ("744 suffered severe injuries")
    if (matchAt(AFTER, toks, k) || matchAt(BEFORE, toks, k)) return null;
    // "fishermen", "firemen": compounds of -men are people
    if (/^[a-z]+(men|women|people|folk)$/.test(t.lower)) return { first: j, last: k, kind: 'person', noun: t.text, demonym: false, perpetrator: false };
    // a generic plural noun ends the phrase: "protest rallies", "rounds"
    const next = toks[k + 1];
    const nextIsNounish = next && isWord(next) && !STOP.has(next.lower) && /^[a-z]/.test(next.text);
    if (/^[a-z][a-z-]*s$/.test(t.text) && t.text.length > 3 && !nextIsNounish) return { first: j, last: k, kind: 'other', noun: t.text, demonym: false, perpetrator: false };
    if (!/^[a-z]/.test(t.text) && !isAgeToken(t) && !startsUpper(t.text)) return null;
  }
  return null;
}

/** the words of tokens a to b as written, one space where the text has any (a loop: no arrays per noun) */
function textOf(toks: Token[], a: number, b: number): string {
  let s = '';
  for (let i = a; i <= b && i < toks.length; i++) s += i > a && toks[i]!.spaceBefore ? ` ${toks[i]!.text}` : toks[i]!.text;
  return s;
}

/** Quantities built from the sentence's count numbers. */
/** "a mother of two", "father of three": the number counts someone's children, not victims */
const KIN_OF = new Set(['mother', 'father', 'parent', 'grandmother', 'grandfather', 'mom', 'dad', 'mum']);

export function quantitiesFromNumbers(toks: Token[], numbers: NumberExpr[]): Quantity[] {
  const out: Quantity[] = [];
  for (const n of numbers) {
    if (n.notCount) continue;
    if (toks[n.first - 1]?.lower === 'of' && KIN_OF.has(toks[n.first - 2]?.lower ?? '')) continue;
    // "no one was killed", "not one": a denial, not a count
    if (toks[n.first]!.lower === 'one' && /^(no|not)$/.test(toks[n.first - 1]?.lower ?? '')) continue;
    // "every one of the 15 was arrested": all of them, the count after it
    if (toks[n.first]!.lower === 'one' && /^(every|each)$/.test(toks[n.first - 1]?.lower ?? '') && toks[n.last + 1]?.lower === 'of') continue;
    // "none of the 26 people killed or injured by gunfire had posed a threat": the count after it, which a participle
    // describes (a denial of something else about them); "none of the 12 miners was hurt" is a denial of its verb
    if (toks[n.first]!.lower === 'none' && toks[n.last + 1]?.lower === 'of' && toks[n.last + 2]?.lower === 'the' && toks[n.last + 3]?.kind === 'number' && participleAfter(toks, n.last + 4)) continue;
    let first = n.first;
    let last = n.last;
    let more = false;
    let others = false;
    let total = false;
    let partitive = false;
    for (const seq of OTHERS_BEFORE) {
      const s = n.first - seq.length;
      if (s >= 0 && seqAt(toks, s, seq)) {
        others = true;
        first = s;
        break;
      }
    }
    for (const seq of MORE_BEFORE) {
      const s = n.first - seq.length;
      if (s >= 0 && seqAt(toks, s, seq)) {
        more = true;
        first = s;
        break;
      }
    }
    if (n.first >= 3 && toks[n.first - 1]!.lower === 'of' && toks[n.first - 2]!.lower === 'total' && toks[n.first - 3]!.lower === 'a') {
      total = true;
      first = n.first - 3;
    }
    let j = n.last + 1;
    if (MORE_AFTER.has(toks[j]?.lower ?? '') && toks[j]!.lower !== 'other') {
      more = true;
      last = j;
      j++;
    }
    let kind: QuantityKind = 'bare';
    let noun: string | null = null;
    let demonym = false;
    let perpetrator = false;
    // "hundreds of people", "dozens of protesters": a vague amount counts the noun after "of" (read below)
    // ("hundreds of other civilians": the noun after "other")
    const ofOther = n.vague && toks[j]?.lower === 'of' && toks[j + 1]?.lower === 'other' ? 1 : 0;
    const vagueOf = n.vague && toks[j]?.lower === 'of' && toks[j + 1] !== undefined && !DETERMINERS.has(toks[j + 1]!.lower) && !PARTITIVE_HEADS.has(toks[j + 1]!.lower)
      && nounAfter(toks, j + 1 + ofOther) !== null;
    if (!vagueOf && toks[j]?.lower === 'of' && toks[j + 1]) {
      // "112 of whom", "four of them", "three of the victims", "two of his coworkers"
      const h = toks[j + 1]!.lower;
      if (PARTITIVE_HEADS.has(h)) {
        partitive = true;
        last = j + 1;
        noun = null;
      } else if (DETERMINERS.has(h) || h === 'all' || toks[j + 1]!.kind === 'number' || /^(two|three|four|five|six|seven|eight|nine|ten)$/.test(h)) {
        // "three of the victims", "two of his coworkers", "three of four members", "three of the four injured students"
        let k = DETERMINERS.has(h) || h === 'all' ? j + 2 : j + 1;
        while (k < toks.length && (toks[k]!.kind === 'number' || /^(two|three|four|five|six|seven|eight|nine|ten|injured|wounded|remaining|other)$/.test(toks[k]!.lower))) k++;
        // "four of the seven sustained injuries": a verb after the number, no noun
        const verbNext = k > j + 1 && /^[a-z]+(ed|ing)$/.test(toks[k]?.lower ?? '') && !personNounAt(toks, k + 1);
        const np = verbNext ? null : nounAfter(toks, k);
        if (!np && k > j + 1 && toks[k - 1]!.kind === 'number' || (!np && k > j + 1 && /^(two|three|four|five|six|seven|eight|nine|ten)$/.test(toks[k - 1]!.lower))) {
          // "four of the seven": part of a count named before
          partitive = true;
          last = k - 1;
        } else if (np) {
          partitive = h !== 'his' && h !== 'her' && h !== 'their' && h !== 'my' && h !== 'our';
          kind = np.kind;
          noun = np.noun;
          perpetrator = np.perpetrator;
          last = np.last;
          // "four of his coworkers and supervisors": one group
          if (toks[last + 1]?.lower === 'and' && toks[last + 2] && personNounAt(toks, last + 2)?.plural) last = personNounAt(toks, last + 2)!.last;
        }
      }
    } else if (toks[j]?.lower === 'others' || toks[j]?.lower === 'other') {
      others = true;
      const np = toks[j]!.lower === 'other' ? nounAfter(toks, j + 1) : null;
      kind = np ? np.kind : 'person';
      noun = np ? np.noun : 'others';
      last = np ? np.last : j;
    } else {
      const np = nounAfter(toks, vagueOf ? j + 1 + ofOther : j);
      if (np) {
        kind = np.kind;
        noun = np.noun;
        demonym = np.demonym;
        perpetrator = np.perpetrator;
        last = np.last;
        if (toks[last + 1]?.lower === 'more') {
          more = true;
          last++;
        }
      }
    }
    out.push(new QuantityObject(first, last, n.first, n.last, n.value, n.low, n.high, n.approx, kind, noun, more, others, partitive, total, demonym, perpetrator, false, n.vague, n));
  }
  // a number inside another's phrase ("four of the seven") is no count of its own
  return outsideOthers(out);
}

/**
 * The quantities that start inside no earlier one's phrase. They come in reading order, so an earlier one
 * starts at or before each: the test is against the furthest end so far, one pass (a sentence of thousands of
 * counts stays linear); out of order, every earlier one is looked at.
 */
function outsideOthers(out: Quantity[]): Quantity[] {
  let ordered = true;
  for (let i = 1; i < out.length && ordered; i++) ordered = out[i]!.first >= out[i - 1]!.first;
  if (!ordered) return out.filter((q, i) => !out.some((o, k) => k < i && q.first >= o.first && q.first <= o.last));
  const kept: Quantity[] = [];
  let reach = -1;
  for (const q of out) {
    if (q.first > reach) kept.push(q);
    if (q.last > reach) reach = q.last;
  }
  return kept;
}

/** A person counted by the article (or "both") at token i, first to last (made only when found: no closure per call). */
const byArticle = (i: number, t: Token, last: number, value: number, noun: string | null): Quantity =>
  new QuantityObject(i, last, i, i, value, value, value, 'exact', 'person', noun, false, t.lower === 'another', false, false, false, false, true, false, null);

/**
 * A counted noun phrase without digits at token i: "a teacher", "the principal",
 * "his wife", "another student", "his parents" (2), "both" (2). Null when the
 * phrase cannot be counted ("his sisters").
 */
export function singularAt(toks: Token[], i: number): Quantity | null {
  const t = toks[i];
  if (!t || !isWord(t)) return null;
  // most words open no such phrase
  if (t.lower !== 'both' && t.lower !== 'them' && !SINGULAR_DETERMINERS.has(t.lower)) return null;
  if (t.lower === 'both' || (t.lower === 'them' && toks[i + 1]?.lower === 'both')) return byArticle(i, t, t.lower === 'them' ? i + 1 : i, 2, null);
  if (!SINGULAR_DETERMINERS.has(t.lower)) return null;
  // "another" standing alone ("wounding another before …"), "a third one", "a sixth", "a 22-year-old"
  const n1 = toks[i + 1];
  if (t.lower === 'another' && (!n1 || n1.kind !== 'word' || STOP.has(n1.lower) || n1.lower === 'one')) return byArticle(i, t, n1?.lower === 'one' ? i + 1 : i, 1, null);
  if ((t.lower === 'a' || t.lower === 'an') && n1 && ORDINAL_WORDS.has(n1.lower) && (!toks[i + 2] || toks[i + 2]!.lower === 'one' || toks[i + 2]!.lower === 'person' || toks[i + 2]!.lower === 'victim' || toks[i + 2]!.kind === 'punct' || STOP.has(toks[i + 2]!.lower))) {
    return byArticle(i, t, toks[i + 2] && /^(one|person|victim)$/.test(toks[i + 2]!.lower) ? i + 2 : i + 1, 1, null);
  }
  const n2 = toks[i + 2];
  if ((t.lower === 'a' || t.lower === 'an') && isAgeToken(n1) && (!n2 || n2.kind === 'punct' || STOP.has(n2.lower))) return byArticle(i, t, i + 1, 1, null);
  // "both his parents", "his parents", "his wife", "a 19-year-old Chelsea resident", "a seventh person"
  for (let k = i + 1, mods = 0; k < toks.length && mods <= 4; k++, mods++) {
    const x = toks[k]!;
    if (!(isWord(x) || isAgeToken(x, toks[k + 1]))) return null;
    // "the two men": a number inside is counted as a number, not by the article ("her two year old daughter" is an age)
    if ((NUMBER_WORD_KEYS.has(x.lower) || x.kind === 'number') && !isAgeToken(x) && !/^(year|years|month|months)$/.test(toks[k + 1]?.lower ?? '') && !/-?(year|month)s?-old$/.test(toks[k + 1]?.lower ?? '')) return null;
    const p = personNounAt(toks, k);
    if (p) {
      if (!p.plural) return byArticle(i, t, p.last, 1, textOf(toks, k, p.last));
      const pair = PAIRS.get(p.noun);
      return pair ? byArticle(i, t, p.last, pair, textOf(toks, k, p.last)) : null;
    }
    // "the suspect's girlfriend", "the suspects girlfriend": the attacker names whose the victim is
    const perpetrator = PERPETRATORS.has(x.lower);
    if (perpetrator && personNounAt(toks, k + 1 + (toks[k + 1]?.text === "'" || toks[k + 1]?.text === '’' ? 2 : 0))) continue;
    if (perpetrator) {
      const q = byArticle(i, t, k, 1, x.text);
      q.perpetrator = true;
      return q;
    }
    // (STOP holds none of "year", "years", "old")
    if (STOP.has(x.lower) && x.lower !== 'more') return null;
  }
  return null;
}

const NAME_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u;
/** "Woodson", "Al-Shakeem": a capital and lower-case letters (an ASCII first letter that is no capital decides at once) */
const cap = (t: Token | undefined): boolean => {
  if (!t || t.kind !== 'word') return false;
  const c = t.text.charCodeAt(0);
  if (c < 128 && (c < 65 || c > 90)) return false;
  return NAME_WORD.test(t.text);
};

/** A person's name right before "was"/"is": "High school football star Al-Shakeem Woodson was shot and killed" counts one. */
export function namedPersonAt(toks: Token[], i: number, isCommonWord: (w: string) => boolean): Quantity | null {
  let j = i;
  // the name is two or three words and "was"/"is" follows it: a test of two tokens answers most places at once
  const w2 = toks[i + 2]?.lower;
  const w3 = toks[i + 3]?.lower;
  if (w2 !== 'was' && w2 !== 'is' && w3 !== 'was' && w3 !== 'is') return null;
  if (!cap(toks[i]) || cap(toks[i - 1])) return null;
  while (j + 1 < toks.length && j - i < 2 && cap(toks[j + 1])) j++;
  if (j === i || !/^(was|is)$/.test(toks[j + 1]?.lower ?? '')) return null;
  for (let k = i; k <= j; k++) if (isCommonWord(toks[k]!.lower) || personNounAt(toks, k)) return null;
  const q = new QuantityObject(i, j, i, j, 1, 1, 1, 'exact', 'person', toks.slice(i, j + 1).map((t) => t.text).join(' '), false, false, false, false, false, false, true, false, null);
  q.named = true;
  return q;
}
