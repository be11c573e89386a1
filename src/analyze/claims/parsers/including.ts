/**
 * "133 people were killed, including 117 Azerbaijanis": a subgroup of the
 * claim before it, counted in the same category.
 */
import { personNounAt } from '../lexicon.js';
import { partDraft, type Draft, type Parser, type SentenceContext } from '../types.js';

const CUES = [
  ['including'], ['among', 'them'], ['among', 'whom'], ['among', 'those'], ['of', 'whom'],
  // a breakdown in words: "613 dead … given as 63 children, 106 women and 70 elderly people"
  ['given', 'as'], ['broken', 'down', 'as'], ['broken', 'down', 'into'], ['made', 'up', 'of'], ['comprising'], ['consisting', 'of'],
];
/** punctuation that opens a breakdown of the count before it */
const BREAKDOWN = new Set([':', '-', '–', '—']);

/** Whether tokens from..to-1 only join list items: ", ", "and", ", and". */
function listGoesOn(toks: SentenceContext['toks'], from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) if (toks[k]!.text !== ',' && toks[k]!.lower !== 'and') return false;
  return true;
}

export const includingParser: Parser = {
  id: 'parse.including',
  parse(ctx, drafts) {
    const { toks } = ctx;
    const out: Draft[] = [];
    /** the part just read, which a list goes on from: "among them 17 women and 9 children" */
    let prev: Draft | null = null;
    /** the whole of the last "N of them" part, which "and N of them …" goes on from */
    let ofThemWhole: Draft | null = null;
    for (const q of ctx.quantities) {
      if (ctx.used.has(q) || q.singular) continue;
      // "304 people died in the sinking, 250 of them pupils of a single school": a part after a comma, by its noun;
      // or in an aside before the predicate ("Ten people, two of them police officers and two of them guards, were
      // killed": the whole's phrase spans it)
      const joined = toks[q.first - 1]?.text === ',' || (ofThemWhole !== null && toks[q.first - 1]?.lower === 'and');
      if (q.partitive && q.kind === 'bare' && joined && /^(them|whom)$/.test(toks[q.last]!.lower)) {
        const noun = personNounAt(toks, q.last + 1) ?? (toks[q.last + 1]?.kind === 'word' ? personNounAt(toks, q.last + 2) : null);
        const whole = noun?.plural
          ? drafts.filter((d) => d.sentence === ctx && (d.last < q.first || (d.first < q.first && d.triggerFirst > q.last)) && d.relation !== 'part_of').pop()
          : undefined;
        if (noun && whole) {
          const d = partDraft(ctx, whole, q, [q.first, q.first], this.id);
          d.last = noun.last;
          // (without the copula of "three of whom were children")
          const from = /^(were|are|was|is)$/.test(toks[q.last + 1]!.lower) ? q.last + 2 : q.last + 1;
          d.subgroup = ctx.text.slice(toks[from]!.start, toks[noun.last]!.end);
          out.push(d);
          ctx.used.add(q);
          prev = null;
          ofThemWhole = whole;
          continue;
        }
      }
      ofThemWhole = null;
      if (q.kind === 'bare') continue;
      let cue = -1;
      for (const c of CUES) {
        const s = q.first - c.length;
        if (s >= 0 && c.every((w, k) => toks[s + k]!.lower === w)) cue = s;
      }
      // a breakdown after a colon or a dash: "69 dead: 51 men, eight women and 10 children", "180 wounded – 130 men, …"
      if (cue < 0 && q.kind === 'person' && q.first > 0 && BREAKDOWN.has(toks[q.first - 1]!.text)) cue = q.first - 1;
      if (cue < 0 && prev && q.kind === 'person' && listGoesOn(toks, prev.last + 1, q.first)) {
        // (a part of the same whole as the part before it)
        const d = partDraft(ctx, prev.parent!, q, [q.first, q.first], this.id);
        out.push(d);
        ctx.used.add(q);
        prev = d;
        continue;
      }
      prev = null;
      if (cue < 0) continue;
      // the whole is stated before the cue ("133 killed, including 117 …") or around it ("Eleven people, including four children, were killed")
      const parent = drafts
        .filter((d) => d.sentence === ctx && (d.triggerLast < cue || (d.first < cue && d.triggerFirst > q.last)) && d.parts.every((p) => p.last < q.first))
        .pop();
      if (!parent) continue;
      // ("Nine were killed and 14 people, among them six women, were taken away": the cue's whole is the nearer count)
      const partsEnd = Math.max(...parent.parts.map((p) => p.last));
      if (ctx.quantities.some((x) => x.first > partsEnd && x.last < cue && !parent.parts.includes(x) && (x.kind === 'person' || x.kind === 'bare') && !x.singular)) continue;
      // (a colon or a dash is no word of the part)
      const d = partDraft(ctx, parent, q, [cue, cue], this.id, BREAKDOWN.has(toks[cue]!.text) ? q.first : cue);
      out.push(d);
      ctx.used.add(q);
      prev = d;
    }
    return out;
  },
};
