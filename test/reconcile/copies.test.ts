/**
 * Reports that share long runs of wording are one group of copies. The passages are compared as numbers
 * hashed from their words; the groups and shares must be those of comparing the passages' texts, which the
 * reference below does as findCopies once did.
 */
import { describe, expect, it } from 'vitest';
import { COPY_THRESHOLD, findCopies } from '../../src/reconcile/independence.js';
import { seededRandom } from '../helpers.js';

/** findCopies with each 8-word passage kept as its text (the same inverted index, limits and threshold). */
function reference(docs: Array<{ id: string; text: string }>): ReturnType<typeof findCopies> {
  const passages = docs.map((d) => {
    const words = d.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const out = new Set<string>();
    for (let i = 0; i + 8 <= words.length; i++) out.add(words.slice(i, i + 8).join(' '));
    return out;
  });
  const n = docs.length;
  const index = new Map<string, number[]>();
  passages.forEach((set, i) => {
    for (const p of set) index.set(p, [...(index.get(p) ?? []), i]);
  });
  const shared = new Map<number, number>();
  for (const list of index.values()) {
    if (list.length < 2 || list.length > 50) continue;
    for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) shared.set(list[a]! * n + list[b]!, (shared.get(list[a]! * n + list[b]!) ?? 0) + 1);
  }
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const best = new Map<number, number>();
  const joined: Array<[number, number]> = [];
  for (const [k, count] of shared) {
    const a = Math.floor(k / n);
    const b = k - a * n;
    const share = count / Math.max(1, Math.min(passages[a]!.size, passages[b]!.size));
    if (share >= COPY_THRESHOLD) {
      parent[find(a)] = find(b);
      joined.push([a, share]);
    }
  }
  for (const [a, share] of joined) if (share > (best.get(find(a)) ?? 0)) best.set(find(a), share);
  const members = new Map<number, number[]>();
  docs.forEach((_, i) => members.set(find(i), [...(members.get(find(i)) ?? []), i]));
  const groupOf = new Map<string, number>();
  const groups: ReturnType<typeof findCopies>['groups'] = [];
  let g = 0;
  for (const [root, list] of members) {
    g++;
    for (const i of list) groupOf.set(docs[i]!.id, g);
    if (list.length > 1) groups.push({ documents: list.map((i) => docs[i]!.id), reason: 'shared wording', detail: `${Math.round((best.get(root) ?? 0) * 100)}% of 8-word passages in common` });
  }
  return { groups, groupOf };
}

const WORDS = 'the a flood river police said people were killed injured in on at town bridge water rose night morning officials reported least more than Ünye Çay'.split(' ');

describe('findCopies', () => {
  it('groups a report with its copy, and not one that has the same words in another order', () => {
    const story = 'Floodwater swept through the market town of Ünye on Monday night, and police said at least 12 people were killed and 40 injured.';
    const docs = [
      { id: 'a', text: story },
      { id: 'b', text: `AGENCY — ${story} Rescue work went on into the morning.` },
      { id: 'c', text: story.split(' ').reverse().join(' ') },
      { id: 'd', text: 'A fire destroyed a warehouse near the port; nobody was hurt, the fire service said.' },
    ];
    const copies = findCopies(docs);
    expect(copies.groups).toEqual([{ documents: ['a', 'b'], reason: 'shared wording', detail: '100% of 8-word passages in common' }]);
    expect(copies.groupOf.get('a')).toBe(copies.groupOf.get('b'));
    expect(new Set(['a', 'c', 'd'].map((id) => copies.groupOf.get(id))).size).toBe(3);
  });

  it('gives the groups, numbers and shares of comparing the passages as text, on 200 random archives', () => {
    const random = seededRandom(14);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
    let grouped = 0;
    for (let round = 0; round < 200; round++) {
      const n = 2 + Math.floor(random() * 12);
      const texts: string[] = [];
      for (let i = 0; i < n; i++) {
        const own = Array.from({ length: 5 + Math.floor(random() * 60) }, () => pick(WORDS));
        // some reports copy a run of another's words, of varying length and place
        if (texts.length && random() < 0.6) {
          const source = pick(texts).split(' ');
          const from = Math.floor(random() * source.length);
          own.splice(Math.floor(random() * own.length), 0, ...source.slice(from, from + 4 + Math.floor(random() * 40)));
        }
        texts.push(own.join(random() < 0.5 ? ' ' : ', '));
      }
      const docs = texts.map((text, i) => ({ id: `r${round}-${i}`, text }));
      const copies = findCopies(docs);
      expect(copies).toEqual(reference(docs));
      grouped += copies.groups.length;
    }
    // the archives hold copies: the comparison is not of empty results
    expect(grouped).toBeGreaterThan(100);
  });
});
