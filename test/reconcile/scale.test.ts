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
import { groupEvents, reconcile, type DocSignature, type DocumentMeta } from '../../src/reconcile/index.js';
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

/**
 * One event of more reports than a function call takes arguments (about 100,000): its facts' low, high and
 * status were Math.min(...voices), and grouping's union-find recursed once per report of a chain. A million
 * generated reports held such events, and `reckon events` threw "Maximum call stack size exceeded".
 */
describe('an event of more reports than a call takes arguments', () => {
  const N = 150_000;
  const docs = (n: number) =>
    Array.from({ length: n }, (_, i): DocumentMeta => ({ id: `d${i}`, source: `r/${i}.txt`, title: null, outlet: null, published: '2024-06-01', language: 'en', url: null, text: '' }));
  const claim = (doc: string, value: number): StoredClaim => ({
    id: `${doc}:0`, document: doc, index: 0, category: 'killed', value, low: value, high: value, approx: 'exact', subject: 'people', subgroup: null,
    relation: null, parent: null, location: [], locationInferred: false, time: null, condition: null, attribution: null, attributionInferred: false,
    start: 0, end: 1, quote: String(value), textStart: 0, textEnd: 1, rules: [], note: null,
  });
  const named = (doc: string, key: string): Mention & { document: string } => ({ document: doc, kind: 'event', value: key, text: key, textStart: 0, textEnd: 1, start: 0, end: 1 });

  it(`reconciles one event of ${N.toLocaleString('en-US')} reports`, () => {
    const documents = docs(N);
    const claims = documents.map((d, i) => claim(d.id, 10 + (i % 50)));
    const mentions = documents.map((d) => named(d.id, 'name:the flood'));
    const events = reconcile({ documents, claims, mentions });
    expect(events).toHaveLength(1);
    expect(events[0]!.documents).toHaveLength(N);
    const killed = events[0]!.facts.find((f) => f.category === 'killed' && !f.scope.label)!;
    expect([killed.low, killed.high, killed.status, killed.sources]).toEqual([10, 59, 'disputed', N]);
  }, 120_000);

  it(`groups ${N.toLocaleString('en-US')} reports that each share a name with the next into one event`, () => {
    // report i names "storm i" and "storm i+1" equally: each joins the one before it, a chain as long as the list
    const documents = docs(N);
    const signatures = new Map(documents.map((d, i): [string, DocSignature] => [d.id, { keys: [[`name:storm ${i}`, 1, []], [`name:storm ${i + 1}`, 1, []]], day: null, place: null, places: [], claims: 0 }]));
    const groups = groupEvents(documents, signatures);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.documents).toHaveLength(N);
  }, 60_000);
});
