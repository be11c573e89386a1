/**
 * "Among the dead were three children", "the injured included two
 * officers", "the dead include 12 foreigners": a subgroup of a category's
 * people named by the group it belongs to, not a total of its own.
 */
import { GROUP_CATEGORY } from '../lexicon.js';
import { newDraft, type Draft, type Parser } from '../types.js';

const COPULAS = new Set(['were', 'was', 'are', 'is', 'included', 'include', 'includes', 'including']);

export const amongParser: Parser = {
  id: 'parse.among-the',
  parse(ctx) {
    const { toks } = ctx;
    const out: Draft[] = [];
    // built at the first group word: most sentences hold none (making it for every sentence was a third of this parser's time)
    let byFirst: Map<number, (typeof ctx.quantities)[number]> | null = null;
    for (let i = 0; i + 3 < toks.length; i++) {
      // "among the dead were N …" or "the dead included N …"
      const among = toks[i]!.lower === 'among' && toks[i + 1]!.lower === 'the';
      const head = among ? i + 2 : toks[i]!.lower === 'the' && /^(included|include|includes)$/.test(toks[i + 2]?.lower ?? '') ? i + 1 : -1;
      if (head < 0) continue;
      // the group named after "among the" / before "included" says which category its members belong to
      const category = GROUP_CATEGORY.get(toks[head]!.lower);
      if (!category) continue;
      let j = head + 1;
      if (!COPULAS.has(toks[j]?.lower ?? '')) continue;
      j++;
      // "among the dead were at least three children": the count may open with a hedge, which the quantity includes
      byFirst ??= new Map(ctx.quantities.map((q) => [q.first, q]));
      const q = byFirst.get(j) ?? [...byFirst.values()].find((x) => x.first <= j + 2 && x.numFirst >= j && x.numFirst <= j + 2);
      if (!q || ctx.used.has(q) || q.kind === 'bare' || q.partitive) continue;
      const d = newDraft(ctx, category, [q], [i, head], this.id);
      d.first = i;
      d.relation = 'part_of';
      d.subgroup = q.noun;
      out.push(d);
      ctx.used.add(q);
      i = q.last;
    }
    return out;
  },
};
