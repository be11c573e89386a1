/**
 * "133 people were killed, including 117 Azerbaijanis": a subgroup of the
 * claim before it, counted in the same category.
 */
import { newDraft, type Draft, type Parser } from '../types.js';

const CUES = [['including'], ['among', 'them'], ['among', 'whom'], ['among', 'those'], ['of', 'whom']];

export const includingParser: Parser = {
  id: 'parse.including',
  parse(ctx, drafts) {
    const { toks } = ctx;
    const out: Draft[] = [];
    for (const q of ctx.quantities) {
      if (ctx.used.has(q) || q.singular || q.kind === 'bare') continue;
      let cue = -1;
      for (const c of CUES) {
        const s = q.first - c.length;
        if (s >= 0 && c.every((w, k) => toks[s + k]!.lower === w)) cue = s;
      }
      if (cue < 0) continue;
      // the whole is stated before the cue ("133 killed, including 117 …") or around it ("Eleven people, including four children, were killed")
      const parent = drafts
        .filter((d) => d.sentence === ctx && (d.triggerLast < cue || (d.first < cue && d.triggerFirst > q.last)) && d.parts.every((p) => p.last < q.first))
        .pop();
      if (!parent) continue;
      const d = newDraft(ctx, parent.category, [q], [cue, cue], this.id);
      d.first = cue;
      d.last = q.last;
      d.subgroup = q.noun;
      d.subject = parent.subject;
      d.parent = parent;
      d.relation = 'part_of';
      out.push(d);
      ctx.used.add(q);
    }
    return out;
  },
};
