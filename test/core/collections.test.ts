/**
 * The collection helpers hold for any number of items: Math.min(...xs) and push(...xs) take about 100,000
 * arguments at most, and a recursive union-find overflows the stack on a long chain. `reckon events` on an
 * archive of a million reports threw "Maximum call stack size exceeded" after reconciling every event, when it
 * printed its table (one row per event). These sizes are well past those limits.
 */
import { describe, expect, it } from 'vitest';
import { DisjointSets, maxOf, minOf, pushAll } from '../../src/core/collections.js';

const MANY = 500_000;
const id = (x: number) => x;

describe('minOf and maxOf', () => {
  it('agree with Math.min and Math.max on small lists, the empty one and NaN', () => {
    for (const xs of [[3, 1, 2], [-5], [], [2, NaN, 1], [NaN], [Infinity, 4]]) {
      expect(minOf(xs, id)).toBe(Math.min(...xs));
      expect(maxOf(xs, id)).toBe(Math.max(...xs));
    }
  });

  it(`take ${MANY.toLocaleString('en-US')} items, where a spread call throws`, () => {
    const xs = Array.from({ length: MANY }, (_, i) => (i * 7919) % MANY);
    expect(() => Math.max(...xs)).toThrow(RangeError);
    expect(minOf(xs, id)).toBe(0);
    expect(maxOf(xs, id)).toBe(MANY - 1);
    expect(maxOf(xs, (x) => 1 - x)).toBe(1);
  });

  it('read any iterable, once', () => {
    function* gen() {
      yield 4;
      yield 9;
      yield 2;
    }
    expect(minOf(gen(), id)).toBe(2);
    expect(maxOf(new Set([4, 9, 2]), id)).toBe(9);
  });
});

describe('pushAll', () => {
  it(`appends ${MANY.toLocaleString('en-US')} items in order`, () => {
    const target = [-1];
    const items = Array.from({ length: MANY }, (_, i) => i);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    expect(pushAll(target, items)).toBe(target);
    expect(target.length).toBe(MANY + 1);
    expect(target[0]).toBe(-1);
    expect(target[MANY]).toBe(MANY - 1);
  });
});

describe('DisjointSets', () => {
  it('joins a chain of a million, each to the next, and finds every root without recursion', () => {
    const n = 1_000_000;
    const sets = new DisjointSets(n);
    // each joined to the one after it: the pattern that made a chain as long as the list
    for (let i = 0; i + 1 < n; i++) sets.union(i, i + 1);
    const root = sets.find(0);
    for (let i = 0; i < n; i += 997) expect(sets.find(i)).toBe(root);
    expect(sets.find(n - 1)).toBe(root);
  });

  it('keeps apart what was never joined', () => {
    const sets = new DisjointSets(10);
    sets.union(0, 1);
    sets.union(2, 3);
    sets.union(1, 3);
    sets.union(5, 6);
    const groups = new Map<number, number[]>();
    for (let i = 0; i < 10; i++) groups.set(sets.find(i), [...(groups.get(sets.find(i)) ?? []), i]);
    expect([...groups.values()].map((g) => g.join(',')).sort()).toEqual(['0,1,2,3', '4', '5,6', '7', '8', '9']);
    sets.union(3, 0);
    expect(sets.find(0)).toBe(sets.find(2));
  });
});
