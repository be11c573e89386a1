/** "the death toll rose to 40", "raised the number of fatalities to six", "a toll of 12". */
import { TOLLS, phraseAt } from '../lexicon.js';
import { newDraft, type Draft, type Parser } from '../types.js';

const BRIDGE = new Set(['rose', 'risen', 'rises', 'has', 'had', 'have', 'climbed', 'climbs', 'reached', 'reaches', 'stands', 'stood', 'is', 'was', 'at', 'to', 'of', 'now', 'increased', 'jumped', 'grew', 'hit', 'stand', 'remains', 'remained', 'reportedly', 'officially', 'has', 'been', 'put', 'be', 'estimated', 'around', 'this', 'the']);

export const tollParser: Parser = {
  id: 'parse.toll',
  parse(ctx) {
    const { toks } = ctx;
    const out: Draft[] = [];
    const byFirst = new Map(ctx.quantities.map((q) => [q.first, q]));
    for (let i = 0; i < toks.length; i++) {
      const p = phraseAt(TOLLS, toks, i);
      if (!p) continue;
      for (let j = p.last + 1; j < toks.length && j <= p.last + 6; j++) {
        const q = byFirst.get(j);
        if (q && !ctx.used.has(q) && !q.singular) {
          const d = newDraft(ctx, p.category, [q], [i, p.last], this.id);
          d.relation = 'total';
          out.push(d);
          ctx.used.add(q);
          break;
        }
        if (!BRIDGE.has(toks[j]!.lower)) break;
      }
      i = p.last;
    }
    return out;
  },
};
