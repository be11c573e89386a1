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
