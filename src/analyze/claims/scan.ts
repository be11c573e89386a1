/**
 * Small token-scanning helpers shared by the parsers: auxiliaries and adverbs
 * that may stand between a count and its predicate, parentheticals, and
 * prepositional phrases that can be skipped.
 */
import { isCapitalised, type Token } from '../text.js';
import type { SentenceContext } from './types.js';
import { AFTER, BEFORE, matchAt } from './lexicon.js';

export const AUX = new Set([
  'were', 'was', 'are', 'is', 'be', 'been', 'being', 'have', 'has', 'had', 'got', 'get', 'gets', 'getting', 'reportedly', 'allegedly', 'also',
  'all', 'both', 'later', 'subsequently', 'initially', 'eventually', 'still', 'now', 'then', 'each', 'too', 'apparently', 'officially', 'reported',
  'confirmed', 'believed', 'said', 'feared', 'thought', 'to', 'having', 'who', 'had', 'will', 'would', 'may', 'might', 'could',
  'likely', 'either', 'immediately', 'instantly', 'ultimately', 'tragically', 'were', 'declared', 'left', 'remain', 'remained', 'remains', 'as',
  'found', 'listed', 'counted', 'among', 'the', 'those', 'already', 'just', 'since',
]);
export const PASSIVE_MARKERS = new Set(['were', 'was', 'are', 'is', 'be', 'been', 'being', 'got', 'get', 'gets']);
export const NEGATIONS = new Set(['not', 'never', 'no', "n't", 'nobody', 'none']);
/** Relative pronouns: a clause of their own ("one who had bullied him", "a bus that was shot") */
export const RELATIVES = new Set(['who', 'whom', 'whose', 'which', 'that']);
/** Verbs of saying: a person before one is a source, not a count ("the mayor said") */
export const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'reported', 'confirmed', 'stated', 'announced', 'noted']);
/** Words after a place's name that belong to it: "Myagdi district", "Hatay province" */
export const PLACE_NOUNS = new Set(['province', 'district', 'region', 'state', 'county', 'city', 'town', 'village', 'governorate', 'prefecture', 'oblast']);
const PREPOSITIONS = new Set(['in', 'at', 'inside', 'near', 'from', 'across', 'outside', 'on', 'during', 'throughout', 'around', 'within', 'by']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that']);
/** Words that open an aside naming a part of the count: ", including a child,", ", among them two women," */
const SUBGROUP_OPENERS = new Set(['including', 'among']);
const OPEN = new Set(['(', '[', '-', '–', '—', ',']);
const CLOSE: Record<string, string[]> = { '(': [')'], '[': [']'], '-': ['-', '–', '—'], '–': ['–', '—', '-'], '—': ['—', '–', '-'], ',': [','] };

/** "-ly" words (the ending is checked first: most words are answered without a regular expression) */
const endsInLy = (w: string) => w.length > 2 && w.charCodeAt(w.length - 1) === 121 && w.charCodeAt(w.length - 2) === 108;
export const isAdverb = (t: Token | undefined) =>
  Boolean(t && t.kind === 'word' && endsInLy(t.lower) && /^[a-z]+ly$/.test(t.lower) && !/^(only|early|family|rally|ally|italy|july|belly|bully|holy|reply|supply|fly|lily|daily|elderly)$/.test(t.lower));
export const isTrigger = (toks: Token[], i: number) => matchAt(AFTER, toks, i) !== null || matchAt(BEFORE, toks, i) !== null;

/**
 * A parenthetical starting at token i ("(one of them pregnant)", "- three men
 * and six women -", ", including ambulances,"): returns the index of its
 * closing token, or -1. It must close within `max` tokens, hold no trigger
 * and no count of its own when `allowNumbers` is false.
 */
/** "two of them", "one of whom" at token k: a part of the count named before */
export const ofThem = (toks: Token[], k: number) => toks[k + 1]?.lower === 'of' && (toks[k + 2]?.lower === 'them' || toks[k + 2]?.lower === 'whom');

export function parenthetical(toks: Token[], i: number, max = 16, isCount?: (k: number) => boolean): number {
  const open = toks[i]?.text;
  if (!open || !OPEN.has(open)) return -1;
  const closers = CLOSE[open]!;
  for (let k = i + 1; k < toks.length && k <= i + max; k++) {
    const t = toks[k]!;
    if (closers.includes(t.text)) return k > i + 1 ? k : -1;
    if (/^[.;:!?]$/.test(t.text)) return -1;
    if (isTrigger(toks, k) && open === ',') return -1;
    // (a count of the aside's own subgroup may stand in it, and its noun: "Ten people, two of them police officers, were
    // killed", "one of them a doctor")
    if (isCount && isCount(k) && open === ',' && !SUBGROUP_OPENERS.has(toks[i + 1]?.lower ?? '') && !ofThem(toks, k) && !ofThem(toks, k - 3)) return -1;
  }
  return -1;
}

/** A prepositional phrase at i ("in the parking lot", "in Baku and other regions"): index of its last token, or -1. */
export function prepositionalPhrase(toks: Token[], i: number, isCount: (k: number) => boolean): number {
  if (!PREPOSITIONS.has(toks[i]?.lower ?? '')) return -1;
  let k = i + 1;
  let last = -1;
  for (; k < toks.length && k <= i + 7; k++) {
    const t = toks[k]!;
    if (t.kind === 'punct' && t.text !== "'" && t.text !== '’' && t.text !== '-') break;
    if (AUX.has(t.lower) && PASSIVE_MARKERS.has(t.lower)) break;
    if (isTrigger(toks, k) || isCount(k) || PRONOUNS.has(t.lower)) break;
    last = k;
  }
  while (last > i && (toks[last]!.lower === 'and' || toks[last]!.lower === 'or')) last--;
  return last > i ? last : -1;
}

/** Words of intent, attempt or threat that make the verb after "to" a deed not done ("threatened to kill", "a plot to kill"). */
const INTENT = new Set([
  'threaten', 'threatened', 'threatening', 'threatens', 'threat', 'threats', 'try', 'tried', 'tries', 'trying', 'attempt', 'attempted',
  'attempting', 'attempts', 'plan', 'planned', 'planning', 'plans', 'plot', 'plotted', 'plotting', 'plots', 'vow', 'vowed', 'vowing', 'vows',
  'want', 'wanted', 'wanting', 'wants', 'intend', 'intended', 'intending', 'intends', 'intent', 'intention', 'seek', 'sought', 'seeking',
  'seeks', 'conspire', 'conspired', 'conspiring', 'conspiracy', 'aim', 'aimed', 'aiming', 'aims', 'hope', 'hoped', 'hoping', 'hopes', 'fail',
  'failed', 'failing', 'fails', 'refuse', 'refused', 'refusing', 'refuses', 'bid', 'wish', 'wished', 'pledge', 'pledged', 'promise',
  'promised', 'prepared', 'ready', 'willing', 'enough', 'order', 'orders', 'chance', 'chances', 'opportunity', 'shot',
]);
const MODALS = new Set(['could', 'would', 'might', 'may', 'can', 'will', 'should', 'must', 'shall']);

/**
 * Whether the verb at token i tells of a deed not done: an infinitive after a word of intent, attempt or
 * threat ("threatening to kill her parents", "plotting to assault and murder a judge", "a bid to kill"), or
 * a base form after a modal ("the storm could kill hundreds"). "went on to kill", "would later kill" are deeds.
 */
export function unrealised(toks: Token[], i: number): boolean {
  let b = i - 1;
  // coordinated verbs back to their "to": "to assault and murder"
  for (let hops = 0; hops < 2 && b >= 1 && (toks[b]!.lower === 'and' || toks[b]!.lower === 'or') && toks[b - 1]!.kind === 'word'; hops++) b -= 2;
  while (b >= 0 && isAdverb(toks[b])) b--;
  const w = toks[b]?.lower;
  if (w === undefined) return false;
  // (as written: "In May killed" is a month, "Will" a name)
  if (MODALS.has(w) && toks[b]!.text === w) return true;
  if (w !== 'to') return false;
  let c = b - 1;
  while (c >= 0 && isAdverb(toks[c])) c--;
  return INTENT.has(toks[c]?.lower ?? '');
}

/**
 * The last token of a place's name starting at token k: a place found in the sentence, else one to three
 * capitalised words of the same line (a name the gazetteer does not hold, "Myagdi"), with a word that belongs to it
 * ("district", "province"); -1 when none starts there.
 */
export function placeNameAt(ctx: SentenceContext, k: number): number {
  const toks = ctx.toks;
  let last = ctx.places.find((x) => x.first === k)?.last ?? -1;
  if (last < 0) {
    let j = k;
    while (j <= k + 2 && isCapitalised(toks[j]) && !toks[j]!.breakBefore) j++;
    last = j > k ? j - 1 : -1;
  }
  if (last >= 0 && PLACE_NOUNS.has(toks[last + 1]?.lower ?? '')) last++;
  return last;
}
