/**
 * Per-element sums over the blocks of each subtree, computed bottom-up
 * without recursion (children have larger ids than their parents).
 */
import { type Block } from './blocks.js';
import { type Dom } from './dom.js';

export interface ElementTotals {
  chars: Float64Array;
  linkChars: Float64Array;
}

export function elementTotals(dom: Dom, blocks: readonly Block[]): ElementTotals {
  const n = dom.size;
  const chars = new Float64Array(n);
  const linkChars = new Float64Array(n);
  for (const b of blocks) {
    chars[b.owner]! += b.chars;
    linkChars[b.owner]! += b.linkChars;
  }
  for (let i = n - 1; i > 0; i--) {
    const p = dom.parent[i]!;
    if (p < 0) continue;
    chars[p]! += chars[i]!;
    linkChars[p]! += linkChars[i]!;
  }
  return { chars, linkChars };
}

export function linkDensity(t: ElementTotals, id: number): number {
  const c = t.chars[id]!;
  return c > 0 ? t.linkChars[id]! / c : 0;
}
