/**
 * "shot eleven people, four of them fatally", "shoot four people, three
 * fatally": a count of those who died among those hit, after the count it
 * is part of.
 */
import { newDraft, type Draft, type Parser } from '../types.js';

export const fatallyParser: Parser = {
  id: 'parse.of-them-fatally',
  parse(ctx) {
    const { toks } = ctx;
    const out: Draft[] = [];
    for (const q of ctx.quantities) {
      if (ctx.used.has(q) || q.singular) continue;
      const next = toks[q.last + 1];
      if (next?.lower !== 'fatally') continue;
      const d = newDraft(ctx, 'killed', [q], [q.last + 1, q.last + 1], this.id);
      // the claim it is part of is found by the relations refiner, once every parser has run
      if (!q.partitive) q.partitive = true;
      out.push(d);
      ctx.used.add(q);
    }
    return out;
  },
};
