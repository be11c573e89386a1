/**
 * Reconciling an archive takes time that grows with the number of reports,
 * not its square: events and facts are rebuilt from the whole archive, so a
 * step that looks at every report again for each report (filtering all claims
 * per report, comparing every pair of reports in a month) makes a large
 * archive unusable (before: 4,000 reports took 54 s, 8,000 took 204 s).
 * No time limit: the same archive shape at a quarter of its size and at its
 * full size, in the same run; the full size may take at most 10× as long
 * (4× is linear; a square would be 16×).
 */
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../src/core/types.js';
import { reconcile, type DocumentMeta } from '../../src/reconcile/index.js';
import type { StoredClaim } from '../../src/store/types.js';

/** n reports of a few large events: shared names for half of them, the rest joined by day and place. */
function archive(n: number): { documents: DocumentMeta[]; claims: StoredClaim[]; mentions: Array<Mention & { document: string }> } {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const documents: DocumentMeta[] = [];
  const claims: StoredClaim[] = [];
  const mentions: Array<Mention & { document: string }> = [];
  for (let i = 0; i < n; i++) {
    const id = `doc${i}`;
    documents.push({ id, source: `reports/${i}.txt`, title: null, outlet: `Outlet ${i % 40}`, published: '2024-06-01', language: 'en', url: null, text: `Report ${i}.` });
    const day = `2024-0${1 + Math.floor(rnd() * 5)}-1${Math.floor(rnd() * 9)}`;
    const place = `Town ${Math.floor(rnd() * 4)}`;
    for (let k = 0; k < 3; k++) {
      const value = 2 + Math.floor(rnd() * 40);
      claims.push({
        id: `${id}:${k}`, document: id, index: k, category: k === 2 ? 'injured' : 'killed', value, low: value, high: value, approx: 'exact',
        subject: 'people', subgroup: null, relation: null, parent: null, location: [place], locationInferred: false,
        time: { start: day, end: day, precision: 'day', inferred: false }, condition: null, attribution: k === 1 ? 'the police' : null, attributionInferred: false,
        start: 0, end: 1, quote: String(value), textStart: 0, textEnd: 1, rules: [], note: null,
      });
    }
    mentions.push({ document: id, kind: 'place', value: place, text: place, textStart: 0, textEnd: 1, start: 0, end: 1, data: { kind: 'city' } });
    if (rnd() < 0.5) mentions.push({ document: id, kind: 'event', value: `name:storm ${Math.floor(rnd() * 4)}`, text: 'Storm', textStart: 0, textEnd: 1, start: 0, end: 1 });
  }
  return { documents, claims, mentions };
}

describe('reconciliation time grows with the number of reports', () => {
  it('reconciles 8,000 reports in at most 10x the time of 2,000', () => {
    const best = (n: number) => {
      const input = archive(n);
      let ms = Infinity;
      let events = 0;
      for (let r = 0; r < 2; r++) {
        const t0 = performance.now();
        events = reconcile(input).length;
        ms = Math.min(ms, performance.now() - t0);
      }
      return { ms, events };
    };
    reconcile(archive(200));
    const a = best(2000);
    const b = best(8000);
    const growth = b.ms / Math.max(a.ms, 1);
    console.log(`[scale] reconcile: 2,000 reports in ${a.ms.toFixed(0)} ms, 8,000 in ${b.ms.toFixed(0)} ms (×${growth.toFixed(1)}), ${b.events} events`);
    expect(b.events).toBeGreaterThan(0);
    expect(growth).toBeLessThan(10);
  }, 180_000);
});
