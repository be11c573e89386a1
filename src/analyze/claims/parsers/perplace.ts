/**
 * Counts per place after a claim, without a predicate of their own: "killed 43 people in Kerala and 12 in
 * Karnataka" (a count for each place), "killed more than 59,000 people: 50,783 in Turkey and 8,476 in Syria"
 * and "120 people were killed, 80 of them in Aleppo" (parts of the whole, placed). Each takes the claim's
 * category; a count that names its place beside a whole that names none, or a part ("80 of them"), is a part.
 */
import { newDraft, type Draft, type Parser, type SentenceContext } from '../types.js';
import type { Quantity } from '../quantities.js';
import { placeNameAt } from '../scan.js';
import { isPersonNoun } from '../lexicon.js';

/** words between a claim and the next place's count: ": 50,783 in Turkey", ", 80 of them in Aleppo", "and 12 in Lyon" */
const JOINS = new Set([':', ',', 'and', ';', '—', '–']);

/** The last token of "in <place>" at token k ("in Hatay province alone", "in Andijan itself"), or -1. */
function inPlaceAt(ctx: SentenceContext, k: number): number {
  if (ctx.toks[k]?.lower !== 'in') return -1;
  const last = placeNameAt(ctx, k + 1);
  return last >= 0 && (ctx.toks[last + 1]?.lower === 'alone' || ctx.toks[last + 1]?.lower === 'itself') ? last + 1 : last;
}

/** Prepositions that open the state of a part: "in critical condition", "with burns", "by live ammunition", "for gunshot wounds". */
const STATE_OPENERS = new Set(['in', 'with', 'by', 'for', 'from', 'under', 'on']);

/**
 * The last token of the state of a part at token k ("seriously", "critically injured", "in intensive care", "by
 * live ammunition", "children"), up to the clause's end; -1 when none stands there.
 */
function stateAt(ctx: SentenceContext, k: number): number {
  const { toks } = ctx;
  const t = toks[k];
  if (!t || t.kind !== 'word') return -1;
  let last = -1;
  if (/^[a-z]+ly$/.test(t.lower)) last = k;
  else if (STATE_OPENERS.has(t.lower) || isPersonNoun(t.lower)) last = k;
  if (last < 0) return -1;
  // (the words after it, to the clause's end: "in intensive care", "critically injured")
  while (last + 1 < toks.length && last < k + 6 && toks[last + 1]!.kind === 'word' && toks[last + 1]!.lower !== 'and' && toks[last + 1]!.lower !== 'while') last++;
  return STATE_OPENERS.has(toks[last]!.lower) ? -1 : last;
}

export const perPlaceParser: Parser = {
  id: 'parse.per-place',
  parse(ctx, drafts) {
    const { toks } = ctx;
    const out: Draft[] = [];
    // (made once a sentence, at its first claim followed by a join: a sentence of 15,000 claims stays linear)
    let byFirst: Map<number, Quantity> | null = null;
    const countAt = (k: number): Quantity | undefined => (byFirst ??= new Map(ctx.quantities.map((q) => [q.first, q]))).get(k);
    for (const d of drafts) {
      if (d.sentence !== ctx || d.relation === 'part_of' || d.parts.length !== 1) continue;
      let k = Math.max(d.last, d.parts[0]!.last) + 1;
      // the claim's own place: "43 people in Kerala"
      const own = inPlaceAt(ctx, k);
      if (own >= 0) k = own + 1;
      if (!JOINS.has(toks[k]?.lower ?? '')) continue;
      const items: Draft[] = [];
      while (k < toks.length && JOINS.has(toks[k]!.lower)) {
        while (JOINS.has(toks[k]?.lower ?? '')) k++;
        const q = countAt(k);
        // a bare count, or a part ("80 of them"), or a count of people like the claim's ("12 people")
        if (!q || ctx.used.has(q) || q.singular || (q.kind !== 'bare' && !q.partitive && q.kind !== 'person')) break;
        const where = inPlaceAt(ctx, q.last + 1);
        // "… were wounded, eight of them seriously", "… 23 of them for gunshot wounds": a part in a state
        const state = where < 0 && q.partitive && toks[q.last]!.lower === 'them' ? stateAt(ctx, q.last + 1) : -1;
        if (where < 0 && state < 0) break;
        const item = newDraft(ctx, d.category, [q], [d.triggerFirst, d.triggerLast], this.id);
        item.first = q.first;
        item.last = where >= 0 ? where : state;
        if (state >= 0) item.subgroup = ctx.text.slice(toks[q.last + 1]!.start, toks[state]!.end);
        if (q.partitive || own < 0) {
          item.relation = 'part_of';
          item.parent = d;
        }
        items.push(item);
        k = where + 1;
      }
      if (!items.length) continue;
      // a whole that names no place of its own is placed by none of its parts' places
      if (own < 0) d.rules.push(WHOLE_OF_PLACES);
      for (const item of items) ctx.used.add(item.parts[0]!);
      out.push(...items);
    }
    return out;
  },
};

/** the rule a whole gets when its parts are counts per place (refiners/qualifiers.ts reads it) */
export const WHOLE_OF_PLACES = 'parse.per-place:whole';
