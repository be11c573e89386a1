/**
 * "seven fatalities and four injuries", "841 arrests", "2,000 protesters",
 * "one death", "five injured victims": a count of a noun that names the
 * category itself.
 */
import { NOUN_TRIGGERS, phraseAt } from '../lexicon.js';
import { newDraft, type Draft, type Parser } from '../types.js';

const MAX_MODIFIERS = 2;

export const nounParser: Parser = {
  id: 'parse.count-of-category-noun',
  parse(ctx) {
    const { toks } = ctx;
    const out: Draft[] = [];
    for (const q of ctx.quantities) {
      if (ctx.used.has(q) || q.singular) continue;
      for (let j = q.numLast + 1, mods = 0; j < toks.length && mods <= MAX_MODIFIERS; j++, mods++) {
        const p = phraseAt(NOUN_TRIGGERS, toks, j);
        if (p) {
          const d = newDraft(ctx, p.category, [q], [j, p.last], this.id);
          d.first = Math.min(d.first, q.first);
          d.last = Math.max(p.last, q.numLast);
          out.push(d);
          ctx.used.add(q);
          break;
        }
        const t = toks[j]!;
        if (t.kind !== 'word' || !/^[a-z]/.test(t.text) || /^(of|and|or|were|was|in|at|on|from|to)$/.test(t.lower)) break;
      }
    }
    return out;
  },
};
