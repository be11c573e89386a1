/**
 * "The fate of 150 residents, 68 women and 26 children among them, is still unknown": people whose fate is not
 * known are missing (the count stands inside "the fate of …", the words that say so after it).
 */
import { newDraft, partDraft, type Draft, type Parser } from '../types.js';

/** how far after the count the words that leave its fate unknown may stand */
const REACH = 16;
/** the words that leave a fate unknown ("the fate of 12 is known" leaves no one missing) */
const UNKNOWN = new Set(['unknown', 'unclear', 'unresolved']);

export const fateParser: Parser = {
  id: 'parse.fate-unknown',
  parse(ctx) {
    const { toks } = ctx;
    const out: Draft[] = [];
    for (const q of ctx.quantities) {
      if (ctx.used.has(q) || q.singular || q.kind !== 'person' || q.first < 2) continue;
      // ("the fate of 150 residents", "the fate of the 40 miners")
      const of = toks[q.first - 1]!.lower === 'the' ? q.first - 2 : q.first - 1;
      if (toks[of]?.lower !== 'of' || toks[of - 1]?.lower !== 'fate') continue;
      let k = q.last + 1;
      while (k < toks.length && k <= q.last + REACH && !UNKNOWN.has(toks[k]!.lower) && toks[k]!.text !== ';') k++;
      if (!UNKNOWN.has(toks[k]?.lower ?? '')) continue;
      const d = newDraft(ctx, 'missing', [q], [k, k], this.id);
      d.first = q.first;
      d.last = q.last;
      out.push(d);
      ctx.used.add(q);
      // the parts in an aside before the words: "150 residents, 68 women and 26 children among them, is unknown"
      for (const x of ctx.quantities) {
        if (x.first <= q.last || x.last >= k || ctx.used.has(x) || x.singular || x.kind !== 'person') continue;
        out.push(partDraft(ctx, d, x, [k, k], this.id));
        ctx.used.add(x);
      }
    }
    return out;
  },
};
