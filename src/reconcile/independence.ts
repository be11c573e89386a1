/**
 * Which reports are not independent: those that share long runs of wording
 * (one copies the other, or both copy a third), and claims that repeat one
 * attributed source ("according to official data"). Each group counts as one
 * confirmation.
 */
import { DisjointSets, groupBy } from '../core/collections.js';
import type { CopyGroup } from './types.js';

const SHINGLE = 8;
/** share of the smaller report's 8-word shingles found in the other */
export const COPY_THRESHOLD = 0.25;

/**
 * A report's 8-word passages, each as a 53-bit number hashed from its words (two 32-bit hashes of each word,
 * combined in order), not as the passage's text: a string per passage was the largest single cost (15%) of the
 * first `reckon events` on a million reports, besides the garbage it made. Two different passages of
 * one event take the same number with a chance of about n² / 2⁵⁴ (a hundred-millionth for 10,000 passages).
 */
function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  if (words.length < SHINGLE) return out;
  const h1 = new Uint32Array(words.length);
  const h2 = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    h1[i] = hashWord(words[i]!, 0x811c9dc5);
    h2[i] = hashWord(words[i]!, 0x9747b28c);
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    let a = 0x2f6b3c1d;
    let b = 0x5bd1e995;
    for (let k = i; k < i + SHINGLE; k++) {
      a = mix(a, h1[k]!);
      b = mix(b, h2[k]!);
    }
    out.add(fmix(a) * 0x200000 + (fmix(b) >>> 11));
  }
  return out;
}

/** A 32-bit hash of a word's UTF-16 code units (FNV-1a from a seed, then finalised). */
function hashWord(w: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** One step of MurmurHash3's 32-bit block mixing: h takes in k, in order. */
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's 32-bit finaliser, as an unsigned number. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Copies {
  groups: CopyGroup[];
  /** document id → group number (documents alone get their own number) */
  groupOf: Map<string, number>;
}

/** Union-find over documents that share wording. */
export function findCopies(docs: Array<{ id: string; text: string }>): Copies {
  // a report alone copies no other (most events of a large archive have one report: no passages to cut)
  if (docs.length < 2) return { groups: [], groupOf: new Map(docs.map((d, i) => [d.id, i + 1])) };
  const sh = docs.map((d) => shingles(d.text));
  const sets = new DisjointSets(docs.length);
  // an inverted index keeps this near linear for large events
  const index = new Map<number, number[]>();
  sh.forEach((set, i) => {
    for (const s of set) {
      const list = index.get(s);
      if (list) list.push(i);
      else index.set(s, [i]);
    }
  });
  // pairs (a < b) by number, a * n + b: a large event has millions of them, which as strings ran out of memory
  const n = docs.length;
  const shared = new Map<number, number>();
  for (const list of index.values()) {
    if (list.length < 2 || list.length > 50) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const k = list[a]! * n + list[b]!;
        shared.set(k, (shared.get(k) ?? 0) + 1);
      }
    }
  }
  index.clear();
  /** the pairs that join, with the share of passages they have in common */
  const joined: Array<[number, number]> = [];
  for (const [k, count] of shared) {
    const a = Math.floor(k / n);
    const b = k - a * n;
    const share = count / Math.max(1, Math.min(sh[a]!.size, sh[b]!.size));
    if (share >= COPY_THRESHOLD) {
      sets.union(a, b);
      joined.push([a, share]);
    }
  }
  // the largest share among the pairs that joined each group (both of a pair end in the same group)
  const bestOf = new Map<number, number>();
  for (const [a, share] of joined) {
    const root = sets.find(a);
    if (share > (bestOf.get(root) ?? 0)) bestOf.set(root, share);
  }
  const members = groupBy(docs.keys(), (i) => sets.find(i));
  const groupOf = new Map<string, number>();
  const groups: CopyGroup[] = [];
  let g = 0;
  for (const [root, list] of members) {
    g++;
    for (const i of list) groupOf.set(docs[i]!.id, g);
    if (list.length > 1) {
      const best = bestOf.get(root) ?? 0;
      groups.push({ documents: list.map((i) => docs[i]!.id), reason: 'shared wording', detail: `${Math.round(best * 100)}% of 8-word passages in common` });
    }
  }
  return { groups, groupOf };
}

/** A normalised attribution, for grouping claims that repeat one source. */
export function attributionKey(a: string | null): string | null {
  if (!a) return null;
  return a.toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/[^\p{L}\p{N} ]/gu, '').replace(/\s+/g, ' ').trim() || null;
}
