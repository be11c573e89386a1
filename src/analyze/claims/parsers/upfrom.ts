/**
 * "The toll rose to 54, up from 38 on Monday", "71 have been identified (up from 58 a day earlier)": the reading a
 * figure rose from, after any claim — an earlier figure of the same category, quoted "up from 38".
 */
import { newDraft, type Draft, type Parser } from '../types.js';
import { EARLIER_READING } from './toll.js';

/** Words between a claim and "up from": ", up from 38", "(up from 38", "— up from 38" */
const BEFORE_UP = new Set([',', '(', '—', '–', '-']);

export const upFromParser: Parser = {
  id: 'parse.up-from',
  parse(ctx, drafts) {
    const { toks } = ctx;
    const out: Draft[] = [];
    for (const d of drafts) {
      if (d.sentence !== ctx || d.relation === 'part_of' || d.parts.length !== 1) continue;
      let k = Math.max(d.last, d.parts[0]!.last) + 1;
      // (a few words between: "rose to 54 on Tuesday, up from 38")
      for (let n = 0; n < 6 && k < toks.length && toks[k]!.lower !== 'up' && !BEFORE_UP.has(toks[k]!.text) && toks[k]!.kind === 'word'; n++) k++;
      if (BEFORE_UP.has(toks[k]?.text ?? '')) k++;
      if (toks[k]?.lower !== 'up' || toks[k + 1]?.lower !== 'from') continue;
      let at = k + 2;
      // ("up from the 31 it announced in March")
      if (toks[at]?.lower === 'the') at++;
      const q = ctx.quantities.find((x) => x.first === at);
      if (!q || ctx.used.has(q) || q.singular || (q.kind !== 'bare' && q.kind !== 'person')) continue;
      const e = newDraft(ctx, d.category, [q], [k, k + 1], this.id);
      e.first = k;
      e.last = q.last;
      if (d.relation === 'total') e.relation = 'total';
      e.rules.push(EARLIER_READING);
      out.push(e);
      ctx.used.add(q);
    }
    return out;
  },
};
