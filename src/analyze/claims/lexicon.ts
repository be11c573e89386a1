/**
 * The claim lexicons (JSON data) compiled into phrase matchers: for each
 * role, a map from first word to the phrases (as word lists) starting with
 * it, longest first.
 */
import CATEGORIES from '../lexicon/categories.json' with { type: 'json' };
import NOUNS from '../lexicon/nouns.json' with { type: 'json' };
import type { Token } from '../text.js';

export interface Phrase {
  words: string[];
  category: string;
}

export type PhraseIndex = Map<string, Phrase[]>;

function mergeTables(...tables: Array<Record<string, unknown>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of tables) for (const [k, v] of Object.entries(t)) if (Array.isArray(v)) out[k] = [...(out[k] ?? []), ...(v as string[])];
  return out;
}

function compile(table: Record<string, string[]>): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const [category, phrases] of Object.entries(table)) {
    for (const p of phrases) {
      const words = p.toLowerCase().split(/\s+/);
      const list = index.get(words[0]!) ?? [];
      if (!list.some((x) => x.words.join(' ') === words.join(' ') && x.category === category)) list.push({ words, category });
      index.set(words[0]!, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

export const AFTER = compile(CATEGORIES.after);
export const BEFORE = compile(mergeTables(CATEGORIES.before, CATEGORIES.passiveByAgent));

/** Verbs whose phrase ends after the counted: "cost 147 people their lives", "left two dead". */
export const DISCONTINUOUS = new Map<string, Array<{ category: string; suffix: string[] }>>();
for (const [category, list] of Object.entries(CATEGORIES.discontinuous)) {
  if (!Array.isArray(list)) continue;
  for (const [verb, suffix] of list as Array<[string, string]>) {
    const arr = DISCONTINUOUS.get(verb) ?? [];
    arr.push({ category, suffix: suffix.split(' ') });
    DISCONTINUOUS.set(verb, arr);
  }
}
export const NOUN_TRIGGERS = compile(CATEGORIES.nouns);
export const STATES = compile(CATEGORIES.states);
export const TOLLS = compile(CATEGORIES.tolls);
export const TOTAL_CUES = CATEGORIES.relations.total.map((p) => p.split(' '));

/** A word naming the people of a category as a group ("the dead", "those detained") → the category. */
export const GROUP_CATEGORY = new Map<string, string>();
for (const [category, words] of Object.entries(CATEGORIES.groups)) if (Array.isArray(words)) for (const w of words) GROUP_CATEGORY.set(w, category);

/**
 * One word of every trigger phrase, the least common one: a phrase matches only where all its words stand,
 * so a sentence holding none of these words can hold no claim, and its counting and parsing are skipped.
 * (The first words of the phrases would do as well, but "the death toll", "were killed" and "in custody" would
 * then let through every sentence with "the", "were" or "in".)
 */
const COMMON = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'by', 'for', 'with', 'and', 'were', 'was', 'is', 'are', 'be', 'been', 'have', 'has', 'had', 'their', 'his', 'her', 'its', 'number', 'people', 'still', 'put', 'took', 'take', 'left', 'leaving', 'sent', 'sending', 'cost', 'went', 'made', 'gave', 'paid', 'held', 'set', 'into', 'under', 'up', 'from', 'total']);
function keyWord(words: readonly string[]): string {
  let best = words[0]!;
  let bestScore = -1;
  for (const w of words) {
    const score = (COMMON.has(w) ? 0 : 100) + w.length;
    if (score > bestScore) {
      best = w;
      bestScore = score;
    }
  }
  return best;
}
const keysOf = (index: PhraseIndex) => [...index.values()].flatMap((list) => list.map((p) => keyWord(p.words)));
export const TRIGGER_WORDS = new Set<string>([
  ...keysOf(AFTER), ...keysOf(BEFORE), ...keysOf(NOUN_TRIGGERS), ...keysOf(TOLLS), ...Object.keys(CATEGORIES.multiples.words),
  ...[...DISCONTINUOUS].flatMap(([verb, list]) => list.map((x) => keyWord([verb, ...x.suffix]))), 'fatally',
  // ("the fate of 150 residents is still unknown": parsers/fate.ts; "exposed to mustard gas": parsers/after.ts)
  'fate', 'exposed',
  // ("a gathering of more than 15,000 people": parsers/noun.ts)
  'gathering', 'demonstration', 'procession', 'vigil', 'assembly', 'congregation', 'rally', 'march', 'protest', 'turnout',
]);

/** A phrase found at a token: made by a constructor (one hidden class, no generic object spread per hit). */
class PhraseHit implements Phrase {
  constructor(public words: string[], public category: string, public last: number) {}
}

/** Longest phrase of the index starting at token i, or null, without allocating: for callers that only test or read the phrase. */
export function matchAt(index: PhraseIndex, toks: Token[], i: number): Phrase | null {
  const t = toks[i];
  if (!t || t.kind !== 'word') return null;
  const list = index.get(t.lower);
  if (!list) return null;
  for (let n = 0; n < list.length; n++) {
    const p = list[n]!;
    const words = p.words;
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) ok = toks[i + k]?.lower === words[k];
    if (ok) return p;
  }
  return null;
}

/** Longest phrase of the index starting at token i, or null. Hyphenated tokens match hyphenated phrase words. */
export function phraseAt(index: PhraseIndex, toks: Token[], i: number): (Phrase & { last: number }) | null {
  const p = matchAt(index, toks, i);
  return p ? new PhraseHit(p.words, p.category, i + p.words.length - 1) : null;
}

export function seqAt(toks: Token[], i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (toks[i + k]?.lower !== words[k]) return false;
  return true;
}

// ---- nouns -------------------------------------------------------------------

const PERSON_SINGULAR = new Map<string, string>();
const PERSON_PLURAL = new Map<string, string>();
for (const entry of NOUNS.people) {
  const [sg, pl] = entry.split('|') as [string, string];
  PERSON_SINGULAR.set(sg, pl);
  PERSON_PLURAL.set(pl, sg);
}
const THING_SINGULAR = new Map<string, string>();
const THING_PLURAL = new Map<string, string>();
for (const entry of NOUNS.things) {
  const [sg, pl] = entry.split('|') as [string, string];
  THING_SINGULAR.set(sg, pl);
  THING_PLURAL.set(pl, sg);
}
/** first words of the two-word nouns: only after one of them is the pair looked up (no string is built for other words) */
const firstWords = (...maps: Array<Map<string, string>>) => new Set(maps.flatMap((m) => [...m.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]!)));
const PERSON_PAIR_FIRST = firstWords(PERSON_SINGULAR, PERSON_PLURAL);
const THING_PAIR_FIRST = firstWords(THING_PLURAL);
export const PERPETRATORS = new Set(NOUNS.perpetrators);
export const ANIMALS = new Set(NOUNS.animals);
export const SELF = new Set(NOUNS.self);

/** The longest person noun (one or two words) ending at or starting at token i. */
export function personNounAt(toks: Token[], i: number): { last: number; plural: boolean; noun: string } | null {
  const a = toks[i]?.lower;
  if (!a) return null;
  const two = toks[i + 1] && PERSON_PAIR_FIRST.has(a) ? `${a} ${toks[i + 1]!.lower}` : '';
  if (two && PERSON_PLURAL.has(two)) return { last: i + 1, plural: true, noun: two };
  if (two && PERSON_SINGULAR.has(two)) return { last: i + 1, plural: false, noun: two };
  if (PERSON_PLURAL.has(a)) return { last: i, plural: a !== 'personnel' && a !== 'staff' ? true : true, noun: a };
  if (PERSON_SINGULAR.has(a)) return { last: i, plural: false, noun: a };
  return null;
}

export function thingNounAt(toks: Token[], i: number): { last: number; plural: boolean; noun: string } | null {
  const a = toks[i]?.lower;
  if (!a) return null;
  const two = toks[i + 1] && THING_PAIR_FIRST.has(a) ? `${a} ${toks[i + 1]!.lower}` : '';
  if (two && THING_PLURAL.has(two)) return { last: i + 1, plural: true, noun: two };
  if (THING_PLURAL.has(a)) return { last: i, plural: true, noun: a };
  if (THING_SINGULAR.has(a)) return { last: i, plural: false, noun: a };
  return null;
}

export const isPersonNoun = (w: string) => PERSON_SINGULAR.has(w) || PERSON_PLURAL.has(w);
