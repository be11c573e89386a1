/**
 * Relations between claims: a total ("In total, 131 people were killed", "a
 * total of 150"), an addition ("21 more", "an additional 21", "eight more"),
 * a part ("112 of whom were sent to prisons" is part of the 841 before it).
 */
import { TOTAL_CUES, seqAt } from '../lexicon.js';
import type { Draft, Refiner } from '../types.js';

const SENTENCE_TOTAL = [['in', 'total'], ['in', 'all'], ['altogether'], ['overall'], ['all', 'told'], ['total']];

export const relationsRefiner: Refiner = {
  id: 'refine.relations',
  refine(drafts) {
    for (const d of drafts) {
      if (d.relation) continue;
      const toks = d.sentence.toks;
      const q = d.parts[0]!;
      if (d.parts.some((p) => p.total)) d.relation = 'total';
      else if (SENTENCE_TOTAL.some((cue) => seqAt(toks, 0, cue) || (toks[0]?.text === ',' ? false : seqAt(toks, d.first - cue.length - 1, cue) && toks[d.first - 1]?.text === ','))) d.relation = 'total';
      else if (TOTAL_CUES.some((cue) => seqAt(toks, q.first - cue.length, cue))) d.relation = 'total';
      else if (d.parts.some((p) => p.more)) d.relation = 'additional';
      else if (d.parts.some((p) => p.partitive)) {
        const parent = drafts.filter((x) => x !== d && x.sentence === d.sentence && x.last < q.first && x.category !== d.category).pop()
          ?? drafts.filter((x) => x !== d && x.sentence === d.sentence && x.last < q.first).pop();
        if (parent) {
          d.parent = parent;
          d.relation = 'part_of';
        }
      }
      if (d.relation) d.rules.push(`${this.id}:${d.relation}`);
    }
    return drafts;
  },
};
