/** "the death toll rose to 40", "raised the number of fatalities to six", "a toll of 12". */
import { GROUP_CATEGORY, NOUN_TRIGGERS, TOLLS, isPersonNoun, phraseAt } from '../lexicon.js';
import { isTrigger } from '../scan.js';
import { newDraft, type Draft, type Parser, type SentenceContext } from '../types.js';
import type { Quantity } from '../quantities.js';
import type { Token } from '../../text.js';

/** Verbs of a spread of estimates, after which "from" opens the range: "Estimates of the crowd ranged from 20,000 to 30,000" */
const RANGING = new Set(['range', 'ranged', 'ranges', 'ranging', 'vary', 'varied', 'varies']);
/** A word that may stand right before a toll's figure (BRIDGE), or "from" after a verb of ranging. */
const bridges = (toks: Token[], k: number) => BRIDGE.has(toks[k]!.lower) || (toks[k]!.lower === 'from' && RANGING.has(toks[k - 1]?.lower ?? ''));
const BRIDGE = new Set(['bringing', 'brought', 'raising', 'raised', 'rose', 'risen', 'rises', 'has', 'had', 'have', 'climbed', 'climbs', 'reached', 'reaches', 'stands', 'stood', 'is', 'was', 'at', 'to', 'of', 'now', 'increased', 'jumped', 'grew', 'hit', 'stand', 'remains', 'remained', 'reportedly', 'officially', 'has', 'been', 'put', 'be', 'estimated', 'around', 'this', 'the', 'passed', 'passes', 'exceeded', 'exceeds', 'surpassed', 'topped', 'tops', 'as', 'high', 'given', 'later', 'finally', 'since', 'already', 'eventually', ...RANGING]);

/**
 * A trigger in the aside that names the event, not a deed: a gerund after a word that is no clause's start
 * ("the death toll from the shooting", "from a mass shooting", "of the killing"); ", killing 12" is a deed.
 */
const eventNoun = (toks: Token[], j: number) => toks[j]!.lower.endsWith('ing') && j > 0 && toks[j - 1]!.text !== ',' && toks[j - 1]!.lower !== 'and';

/** How far after the toll phrase its figure may stand ("from the collapse of a four-storey garment factory in Sao
 * Paulo, Brazil on Saturday, April 28 rose to 213": 27 tokens) */
const ASIDE_TOKENS = 32;

/** Words that may stand between "the number of" and the word that names its people: "the number of people still missing". */
const NUMBER_OF_FILLERS = new Set([
  'confirmed', 'reported', 'recorded', 'known', 'official', 'registered', 'identified', 'verified', 'those', 'who', 'have', 'had',
  'has', 'been', 'were', 'are', 'is', 'was', 'still', 'now', 'believed', 'feared', 'presumed', 'listed', 'as', 'remain', 'being',
]);

/** Words for the people of a category that are no group's word elsewhere ("the number of people held") */
const NUMBER_OF_WORDS = new Map([['victims', 'killed'], ['held', 'arrested'], ['jailed', 'imprisoned'], ['imprisoned', 'imprisoned'], ['hospitalized', 'injured'], ['hospitalised', 'injured']]);

/**
 * "the number of" + a few words + a word naming the people of a category ("the number of people still missing",
 * "the number of trapped miners", "the number of confirmed victims"): the toll phrases the lexicon does not list
 * word for word.
 */
function numberOfAt(toks: Token[], i: number): { category: string; last: number } | null {
  if (toks[i]!.lower !== 'number' || toks[i + 1]?.lower !== 'of') return null;
  for (let j = i + 2; j < toks.length && j <= i + 7; j++) {
    const w = toks[j]!.lower;
    const category = GROUP_CATEGORY.get(w) ?? NUMBER_OF_WORDS.get(w);
    if (category) return { category, last: isPersonNoun(toks[j + 1]?.lower ?? '') ? j + 1 : j };
    if (!NUMBER_OF_FILLERS.has(w) && !isPersonNoun(w)) return null;
  }
  return null;
}

/** Verbs that bring a toll to a figure named before it: "bringing to 11 the number of confirmed victims". */
const BRINGING = new Set(['bringing', 'brought', 'brings', 'bring', 'raising', 'raised', 'raises', 'taking', 'took', 'takes', 'pushing', 'pushed']);

/** The reading a toll rose from: "rose from 38 to 54" (the count before "to"), or null ("up from 38": upfrom.ts). */
function earlierReading(ctx: SentenceContext, q: Quantity): Quantity | null {
  const { toks } = ctx;
  if (toks[q.first - 1]?.lower !== 'to') return null;
  const before = ctx.quantities.find((x) => x.last === q.first - 2);
  return before && toks[before.first - 1]?.lower === 'from' && !before.singular ? before : null;
}

/** Words a fact box's label may hold besides the word of its category: "Confirmed dead:", "Still missing:", "Total deaths:". */
const LABEL_WORDS = new Set(['confirmed', 'still', 'total', 'reported', 'officially', 'people', 'persons', 'number', 'of', 'the', 'seriously', 'critically', 'now']);

/**
 * "Confirmed dead: 11", "Still missing: 3 (ANM)", "Injured: 120", "Death toll: 41": a label that opens the
 * sentence (a fact box's line), a colon, then its figure.
 */
function labelled(ctx: SentenceContext, byFirst: Map<number, Quantity>, id: string): Draft | null {
  const { toks } = ctx;
  let c = 0;
  while (c < toks.length && c <= 4 && toks[c]!.text !== ':') c++;
  if (c === 0 || toks[c]?.text !== ':') return null;
  const q = byFirst.get(c + 1);
  if (!q || ctx.used.has(q) || q.singular || q.kind === 'thing') return null;
  let category: string | undefined;
  for (let k = 0; k < c && !category; k++) {
    const p = phraseAt(TOLLS, toks, k) ?? phraseAt(NOUN_TRIGGERS, toks, k);
    if (p && p.last === c - 1 && p.category !== 'total') category = p.category;
    else if (k === c - 1) category = GROUP_CATEGORY.get(toks[k]!.lower);
    else if (!LABEL_WORDS.has(toks[k]!.lower)) return null;
  }
  if (!category) return null;
  const d = newDraft(ctx, category, [q], [0, c - 1], id);
  d.first = 0;
  return d;
}

/** the category of a "the total" whose sentence names none, until the relations refiner reads the paragraph's */
export const PENDING_TOTAL = 'total';

export const tollParser: Parser = {
  id: 'parse.toll',
  parse(ctx, drafts) {
    const { toks } = ctx;
    const out: Draft[] = [];
    // built at the first toll phrase: most sentences hold none
    let byFirst: Map<number, Quantity> | null = null;
    if (toks[1]?.text === ':' || toks[2]?.text === ':' || toks[3]?.text === ':' || toks[4]?.text === ':') {
      byFirst = new Map(ctx.quantities.map((q) => [q.first, q]));
      const d = labelled(ctx, byFirst, this.id);
      if (d) {
        out.push(d);
        ctx.used.add(d.parts[0]!);
      }
    }
    for (let i = 0; i < toks.length; i++) {
      const p = phraseAt(TOLLS, toks, i) ?? numberOfAt(toks, i);
      if (!p) continue;
      byFirst ??= new Map(ctx.quantities.map((q) => [q.first, q]));
      // "bringing to 11 the number of confirmed victims": the figure before the phrase
      if (toks[i - 1]?.lower === 'the' && p.category !== 'total' && p.category !== 'participants') {
        const q = ctx.quantities.find((x) => x.last === i - 2 && !ctx.used.has(x) && !x.singular);
        if (q && toks[q.first - 1]?.lower === 'to' && BRINGING.has(toks[q.first - 2]?.lower ?? '')) {
          const d = newDraft(ctx, p.category, [q], [i, p.last], this.id);
          d.relation = 'total';
          out.push(d);
          ctx.used.add(q);
          i = p.last;
          continue;
        }
      }
      // "the death toll from the fire in the port has risen to 44": a short aside, then a verb of reaching, then the figure
      for (let j = p.last + 1; j < toks.length && j <= p.last + ASIDE_TOKENS; j++) {
        const q = byFirst.get(j);
        // ("of" right after the phrase only: "a toll of 12", not "the toll from the killing of two men")
        // (nor a source: "the crowd was noisy but, according to several witnesses, in good humour")
        if (q && toks[j - 1]!.lower === 'to' && toks[j - 2]?.lower === 'according') continue;
        // (not a count of things: "the turnout of the 20 rallies")
        if (q && !ctx.used.has(q) && !q.singular && q.kind !== 'thing' && bridges(toks, j - 1) && (toks[j - 1]!.lower !== 'of' || j === p.last + 2)) {
          // "bringing the total to 41": the category of the claims before it in the sentence
          // (in a sentence with none, 'total' for now: the relations refiner gives it the category of the claim before it
          // in its paragraph, "… 8,000 died within two weeks. Some campaigners put the total as high as 16,000")
          // (when the sentence counts something before it, its claims decide, once the parsers after this one made
          // them: this parser runs again after them)
          const category = p.category === 'total' ? (drafts.filter((d) => d.sentence === ctx && d.last < i).pop()?.category ?? (ctx.quantities.some((x) => x.last < i) ? undefined : PENDING_TOTAL)) : p.category;
          if (!category) break;
          const d = newDraft(ctx, category, [q], [i, p.last], this.id);
          // (a crowd's size is an estimate of its own, "put the crowd at 45,000", not a total of counts before it)
          if (category !== 'participants') d.relation = 'total';
          out.push(d);
          ctx.used.add(q);
          // "rose from 38 to 54": the earlier reading too
          const earlier = earlierReading(ctx, q);
          if (earlier && !ctx.used.has(earlier)) {
            const e = newDraft(ctx, category, [earlier], [i, p.last], this.id);
            // (quoting "from 38")
            e.first = earlier.first - 1;
            e.last = earlier.last;
            if (category !== 'participants') e.relation = 'total';
            e.rules.push(EARLIER_READING);
            out.push(e);
            ctx.used.add(earlier);
          }
          break;
        }
        // ("the death toll from a collision between two trains …", "from a magnitude 6 earthquake … rose to 19": counts
        // inside the aside, not after a verb of reaching, are passed over)
        if (q && !bridges(toks, j - 1)) {
          j = q.last;
          continue;
        }
        // ("from the earthquake that struck the city on Monday has risen to 54": the event's own verb, in a relative clause)
        if (q || /^[.;:!?]$/.test(toks[j]!.text) || (isTrigger(toks, j) && !eventNoun(toks, j) && !/^(that|which)$/.test(toks[j - 1]!.lower))) break;
      }
      i = p.last;
    }
    return out;
  },
};

/** the rule of a figure a count rose from ("rose from 38 to 54", "up from 38"): not the report's figure now */
export const EARLIER_READING = 'parse.earlier-reading';
