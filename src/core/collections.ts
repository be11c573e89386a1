/** Small collection helpers shared by the stages. */

/** The items in lists by key, in the order of first appearance (each list in the items' order). */
export function groupBy<T, K>(items: Iterable<T>, key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/**
 * The items in runs whose sizes (by `size`) add up to at most `limit`, each run at least one item (an item
 * larger than the limit is a run of its own), in order.
 */
export function* runsOf<T>(items: Iterable<T>, size: (x: T) => number, limit: number): Generator<T[]> {
  let run: T[] = [];
  let total = 0;
  for (const x of items) {
    const n = size(x);
    if (run.length && total + n > limit) {
      yield run;
      run = [];
      total = 0;
    }
    run.push(x);
    total += n;
  }
  if (run.length) yield run;
}

/**
 * The least of `f` over the items, as Math.min(...items.map(f)) gives it (Infinity when there are none, NaN
 * when any is NaN), without spreading the items into arguments: a call takes about 100,000 arguments at
 * most, and an event of more reports, or a table of more rows, threw "Maximum call stack size exceeded".
 */
export function minOf<T>(items: Iterable<T>, f: (x: T) => number): number {
  let m = Infinity;
  for (const x of items) {
    const v = f(x);
    if (v < m) m = v;
    else if (v !== v) return NaN;
  }
  return m;
}

/** The greatest of `f` over the items, as Math.max(...items.map(f)) gives it (-Infinity when none; see minOf). */
export function maxOf<T>(items: Iterable<T>, f: (x: T) => number): number {
  let m = -Infinity;
  for (const x of items) {
    const v = f(x);
    if (v > m) m = v;
    else if (v !== v) return NaN;
  }
  return m;
}

/** target.push(...items) for any number of items (see minOf: a spread call takes about 100,000 at most). */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}

/**
 * Disjoint sets of the numbers 0 … n − 1 (union-find), for joining reports into events and copies. find walks
 * up in a loop, not by recursion: without union by size, a run of reports that each join the next made a
 * chain as long as the run, and a recursive find on it overflowed the stack.
 */
export class DisjointSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  /** The representative of i's set. */
  find(i: number): number {
    const p = this.parent;
    let r = i;
    while (p[r] !== r) r = p[r]!;
    while (p[i] !== r) {
      const next = p[i]!;
      p[i] = r;
      i = next;
    }
    return r;
  }

  /** Joins the sets of a and b (the larger one's representative stays). */
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
  }
}

/**
 * The index of the first item whose key is at least `value`, in items sorted by that key (items.length when
 * there is none): a binary search.
 */
export function firstAtLeast<T>(items: readonly T[], key: (x: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds an item to the list a map holds under `key`, making the list at the key's first item. */
export function addTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
