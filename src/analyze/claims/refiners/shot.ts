/**
 * "Shot" counts people hit by gunfire, whatever their fate. When the report
 * says how many of them died ("shot eleven people, four of them fatally";
 * "Seven people were shot, one of them was killed"; "shot four people,
 * killing one") the rest are counted as injured (11 − 4 = 7, with a note);
 * when it states the injured itself, the count of those shot is the total
 * of the two and adds nothing; otherwise those shot are counted as injured.
 */
import type { Draft, Refiner } from '../types.js';

/** "shot four people, killing one": a count of the killed right after the count of those shot (not another victim named later) */
function rightAfter(s: Draft, d: Draft): boolean {
  return d.first - s.last <= 6 && d.parts.every((p) => !p.singular || p.noun === null);
}

/** "All five died", "Both were killed": a count of the whole group named before */
function wholeGroup(d: Draft): boolean {
  const toks = d.sentence.toks;
  const q = d.parts[0];
  // ("all four hostages" may name another group)
  if (!q || d.parts.length > 1 || q.noun !== null) return false;
  const w = toks[q.first]!.lower;
  return w === 'both' || w === 'all' || toks[q.first - 1]?.lower === 'all';
}

/** Words of an attack whose survivors were hit */
const ATTACK = /\b(?:shot|shoot|shooting|shootings|shooter|gunman|gunmen|gunfire|fired|stabbed|stabbing|knife|attack|attacked|attacker|wounded|wounding|opened fire)\b/i;

const attackIn = (d: Draft) => ATTACK.test(d.sentence.text.slice(d.sentence.sentence.start, d.sentence.sentence.end));

export const shotRefiner: Refiner = {
  id: 'refine.shot',
  refine(drafts) {
    for (const s of drafts) {
      if (s.category !== 'shot') continue;
      const sentences = new Set([s.sentence.sentence.index, s.sentence.sentence.index + 1]);
      const pos = (d: Draft) => d.sentence.toks[d.first]!.start;
      const near = (d: Draft) => d !== s && sentences.has(d.sentence.sentence.index) && pos(d) > pos(s);
      // the killed among those shot: said so ("four of them fatally"), in the same sentence, or fewer in the next one
      const killed = drafts.filter(
        (d) =>
          near(d) && d.category === 'killed' && !d.dropped &&
          (d.parent === s || d.parts.some((p) => p.partitive) || (d.sentence === s.sentence && rightAfter(s, d)) || (d.sentence !== s.sentence && !d.parent && d.value < s.value && d.parts.every((p) => !p.singular)) ||
          (d.sentence !== s.sentence && !d.parent && d.value >= s.value && wholeGroup(d))),
      );
      const injured = drafts.filter((d) => near(d) && (d.category === 'injured') && !d.dropped && d.sentence === s.sentence);
      const k = killed.reduce((n, d) => n + d.value, 0);
      // "… were shot, and only one victim survived": the others died
      const survived = drafts.find((d) => near(d) && d.category === 'survived' && !d.dropped && d.value < s.value);
      if (survived && !killed.length && !injured.length) {
        s.note = `${s.value} shot − ${survived.value} survived`;
        s.value -= survived.value;
        s.low = Math.max(0, s.low - survived.value);
        s.high = Math.max(0, s.high - survived.value);
        s.category = 'killed';
        s.rules.push(`${this.id}:minus-survivors`);
        survived.category = 'injured';
        survived.rules.push(`${this.id}:survivors-injured`);
        continue;
      }
      if (injured.length) {
        s.dropped = 'the count of those shot is the sum of the killed and injured stated beside it';
        continue;
      }
      if (killed.length && k > 0 && k < s.value) {
        // the killed are among those shot; they still count among the report's killed, so no part-of relation
        for (const d of killed) {
          d.parent = s;
          if (d.relation === 'part_of') d.relation = null;
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
    // survivors no one subtracted are injured only beside a count of people hurt ("… wounded. A third victim survived");
    // "the driver survived" alone says nothing of injury
    // ("41 died and 61 survived" the sinking of a ferry: the survivors of a disaster are not all hurt; of an attack, they were hit)
    for (const d of drafts) {
      if (d.category !== 'survived' || d.dropped) continue;
      const i = d.sentence.sentence.index;
      const near = (x: Draft) => x !== d && !x.dropped && Math.abs(x.sentence.sentence.index - i) <= 1;
      const beside = drafts.some((x) => near(x) && (x.category === 'injured' || (x.category === 'killed' && (attackIn(x) || attackIn(d)))));
      if (!beside) {
        d.dropped = 'a survivor with no count of people hurt beside it';
        continue;
      }
      d.category = 'injured';
      d.rules.push(`${this.id}:survivors-injured`);
    }
    return drafts;
  },
};
