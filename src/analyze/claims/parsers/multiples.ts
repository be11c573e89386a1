/** "a triple homicide" counts three killed; "a double shooting" two shot (lexicon: categories.json "multiples"). */
import CATEGORIES from '../../lexicon/categories.json' with { type: 'json' };
import type { Quantity } from '../quantities.js';
import { newDraft, type Draft, type Parser } from '../types.js';

const WORDS = new Map(Object.entries(CATEGORIES.multiples.words as Record<string, number>));
const HEADS = new Map(Object.entries(CATEGORIES.multiples.heads as Record<string, string>));

export const multiplesParser: Parser = {
  id: 'parse.multiple-noun',
  parse(ctx) {
    const { toks } = ctx;
    const out: Draft[] = [];
    for (let i = 0; i + 1 < toks.length; i++) {
      const n = WORDS.get(toks[i]!.lower);
      if (!n) continue;
      const category = HEADS.get(toks[i + 1]!.lower);
      if (!n || !category) continue;
      const q: Quantity = {
        first: i, last: i, numFirst: i, numLast: i, value: n, low: n, high: n, approx: 'exact', kind: 'person', noun: null,
        more: false, others: false, partitive: false, total: false, demonym: false, perpetrator: false, singular: false, vague: false, expr: null,
      };
      out.push(newDraft(ctx, category, [q], [i + 1, i + 1], this.id));
    }
    return out;
  },
};
