/**
 * Relations between claims: a total ("In total, 131 people were killed", "a
 * total of 150"), an addition ("21 more", "an additional 21", "eight more"),
 * a part ("112 of whom were sent to prisons" is part of the 841 before it).
 */
import { GROUP_CATEGORY, TOTAL_CUES, seqAt } from '../lexicon.js';
import { amongParser } from '../parsers/among.js';
import { PENDING_TOTAL } from '../parsers/toll.js';
import type { Draft, Refiner } from '../types.js';

const GROUP_PART_RULE = amongParser.id;
/** how many sentences back a part named by its group looks for its whole (past other parts: "Of the dead, … . Nine children were among them.") */
const WHOLE_BACK = 3;

/** categories whose people are a part of another's: the imprisoned were first arrested */
const NESTED: Record<string, string> = { imprisoned: 'arrested' };
const SENTENCE_TOTAL = [['in', 'total'], ['in', 'all'], ['altogether'], ['overall'], ['all', 'told'], ['total']];

/** a sentence that opens on the count before it: "Of these, …", "Of them, he said, …" (up to its first figure) */
const OF_THESE = /^\s*Of (?:these|them|those)\s*,[^.;]{0,60}$/;

const before = (a: Draft, b: Draft) => a.sentence.toks[a.first]!.start < b.sentence.toks[b.first]!.start;

export const relationsRefiner: Refiner = {
  id: 'refine.relations',
  refine(drafts) {
    // "Some campaigners put the total as high as 16,000": the category of the claim before it in its paragraph (none:
    // it stays 'total', which is no claim's category, and is dropped)
    drafts.forEach((d, k) => {
      if (d.category !== PENDING_TOTAL) return;
      for (let b = k - 1; b >= 0; b--) {
        const x = drafts[b]!;
        if (x.sentence.sentence.paragraph !== d.sentence.sentence.paragraph) break;
        if (x.category !== PENDING_TOTAL) {
          d.category = x.category;
          break;
        }
      }
    });
    for (const d of drafts) {
      if (d.relation) {
        // a part named by its group ("Among the dead were three children", "Of the dead, 31 were men, …"): a part of
        // the whole fronted in its sentence, else of the last count of its category just before
        if (d.relation === 'part_of' && !d.parent && d.rules[0] === GROUP_PART_RULE) d.parent = frontedWhole(d, drafts) ?? wholeBefore(d, drafts);
        continue;
      }
      const toks = d.sentence.toks;
      const q = d.parts[0]!;
      if (d.parts.some((p) => p.total)) d.relation = 'total';
      else if (SENTENCE_TOTAL.some((cue) => seqAt(toks, 0, cue) || (toks[0]?.text === ',' ? false : seqAt(toks, d.first - cue.length - 1, cue) && toks[d.first - 1]?.text === ','))) d.relation = 'total';
      else if (TOTAL_CUES.some((cue) => seqAt(toks, q.first - cue.length, cue))) d.relation = 'total';
      else if (d.parts.some((p) => p.more)) d.relation = 'additional';
      else if ((d.parent = frontedWhole(d, drafts))) {
        // "Of the 12 injured, four are in critical condition": a part of the whole named up front
        d.relation = 'part_of';
      }
      else if (OF_THESE.test(d.sentence.text.slice(d.sentence.sentence.start, d.sentence.toks[d.first]!.start)) && (d.parent = wholeBefore(d, drafts.filter((x) => x.sentence.sentence.index < d.sentence.sentence.index)))) {
        // "3,000 wounded had been brought across the border. Of these, he said, 2,100 were being treated in …": parts
        // of the count the sentence before gave
        d.relation = 'part_of';
      }
      else if (d.parts.some((p) => p.partitive)) {
        const parent = drafts.filter((x) => x !== d && x.sentence === d.sentence && x.last < q.first).pop();
        if (parent) {
          d.parent = parent;
          // "112 of whom were sent to prisons" is part of the 841 detained; "three of the injured died" are still killed
          if (parent.category === d.category || NESTED[d.category] === parent.category) d.relation = 'part_of';
        } else if (GROUP_CATEGORY.get(toks[q.numLast + 3]?.lower ?? '') === d.category && toks[q.numLast + 1]?.lower === 'of' && /^(those|the)$/.test(toks[q.numLast + 2]?.lower ?? '')) {
          // "11 of those detained had been released": a part of the detained counted elsewhere
          d.relation = 'part_of';
        }
      }
      if (d.relation) d.rules.push(`${this.id}:${d.relation}`);
    }
    return drafts;
  },
};

/** The last claim of d's category, not itself a part, before it in its sentence or the WHOLE_BACK sentences before. */
function wholeBefore(d: Draft, drafts: Draft[]): Draft | null {
  const i = d.sentence.sentence.index;
  let best: Draft | null = null;
  for (const x of drafts) {
    const j = x.sentence.sentence.index;
    if (x === d || x.dropped || x.category !== d.category || x.relation === 'part_of' || j < i - WHOLE_BACK || j > i || !before(x, d)) continue;
    if (!best || before(best, x)) best = x;
  }
  return best;
}

/** The claim a sentence opens with in "Of the 12 injured, …" when d comes after that phrase's comma. */
function frontedWhole(d: Draft, drafts: Draft[]): Draft | null {
  const toks = d.sentence.toks;
  if (toks[0]?.lower !== 'of' || !/^(the|those|these)$/.test(toks[1]?.lower ?? '')) return null;
  let comma = 2;
  while (comma < toks.length && comma < 10 && toks[comma]!.text !== ',') comma++;
  if (toks[comma]?.text !== ',' || d.first <= comma) return null;
  return drafts.find((x) => x !== d && x.sentence === d.sentence && x.category === d.category && x.last < comma) ?? null;
}

/**
 * "three others", "another": an addition only to a count of the same kind
 * before it ("killing two … wounding two others" adds nothing to any count of
 * the wounded). Runs after the shot refiner has settled categories.
 */
export const othersRefiner: Refiner = {
  id: 'refine.others',
  refine(drafts) {
    for (const d of drafts) {
      // (the first count of a list says so: "three other passengers" after "Four drivers, two medics and" are others
      // than those two)
      if (d.relation || d.dropped || !d.parts[0]!.others) continue;
      if (drafts.some((x) => x !== d && x.category === d.category && !x.dropped && before(x, d))) {
        d.relation = 'additional';
        d.rules.push(`${this.id}:additional`);
      }
    }
    return drafts;
  },
};
