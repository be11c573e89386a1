/**
 * "Shot" counts people hit by gunfire, whatever their fate. When the report
 * says how many of them died ("shot eleven people, four of them fatally";
 * "Seven people were shot, one of them was killed"; "shot four people,
 * killing one") the rest are counted as injured (11 − 4 = 7, with a note);
 * when it states the injured itself, the count of those shot is the total
 * of the two and adds nothing; otherwise those shot are counted as injured.
 */
import type { Draft, Refiner } from '../types.js';

export const shotRefiner: Refiner = {
  id: 'refine.shot',
  refine(drafts) {
    for (const s of drafts) {
      if (s.category !== 'shot') continue;
      const sentences = new Set([s.sentence.sentence.index, s.sentence.sentence.index + 1]);
      const near = (d: Draft) => d !== s && sentences.has(d.sentence.sentence.index) && d.first > s.first;
      const killed = drafts.filter((d) => near(d) && d.category === 'killed' && !d.dropped && (d.parent === s || d.parts.some((p) => p.partitive) || d.sentence === s.sentence));
      const injured = drafts.filter((d) => near(d) && (d.category === 'injured') && !d.dropped && d.sentence === s.sentence);
      const k = killed.reduce((n, d) => n + d.value, 0);
      if (injured.length) {
        s.dropped = 'the count of those shot is the sum of the killed and injured stated beside it';
        continue;
      }
      if (killed.length && k > 0 && k < s.value) {
        for (const d of killed) {
          d.parent = s;
          d.relation = 'part_of';
        }
        s.note = `${s.value} shot − ${k} killed`;
        s.value -= k;
        s.low = Math.max(0, s.low - k);
        s.high = Math.max(0, s.high - k);
        s.category = 'injured';
        s.rules.push(`${this.id}:minus-killed`);
        continue;
      }
      if (killed.length && k >= s.value) {
        s.dropped = 'all of those shot are counted as killed';
        continue;
      }
      s.category = 'injured';
      s.rules.push(`${this.id}:as-injured`);
    }
    return drafts;
  },
};
