/**
 * Facts from claims as the analyzer hands them over (built here by hand, so
 * that each rule is tested on its own): a report's rival figures from other
 * sources, its figures for other days, and what must not be taken for either.
 */
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../src/core/types.js';
import { factSheetMarkdown } from '../../src/export/markdown.js';
import { reconcile, type DocumentMeta } from '../../src/reconcile/index.js';
import type { Event, Fact } from '../../src/reconcile/types.js';
import type { StoredClaim } from '../../src/store/types.js';

interface Figure {
  /** the words of the claim; they must occur in the report's text */
  quote: string;
  value: number;
  category?: string;
  approx?: StoredClaim['approx'];
  relation?: StoredClaim['relation'];
  attribution?: string;
  /** a day the text states for the figure (otherwise the report's date, inferred) */
  day?: string;
  /** who is counted (otherwise "people") */
  subject?: string;
  /** places the text states for the figure */
  location?: string[];
}

/** A report: its sentences, its date, and the figures in them. */
function report(id: string, published: string, text: string, figures: Figure[]): { doc: DocumentMeta; claims: StoredClaim[]; mentions: Array<Mention & { document: string }> } {
  const doc: DocumentMeta = { id, source: `${id}.txt`, title: null, outlet: null, published, language: 'en', url: null, text };
  let from = 0;
  const claims = figures.map((f, index): StoredClaim => {
    const start = text.indexOf(f.quote, from);
    if (start < 0) throw new Error(`"${f.quote}" is not in ${id}`);
    from = start + f.quote.length;
    const day = f.day ?? published;
    return {
      id: `${id}:${index}`, document: id, index, category: f.category ?? 'arrested', value: f.value, low: f.value, high: f.approx && f.approx !== 'exact' ? f.value * 2 : f.value,
      approx: f.approx ?? 'exact', subject: f.subject ?? 'people', subgroup: null, relation: f.relation ?? null, parent: null, location: f.location ?? [], locationInferred: false,
      time: { start: day, end: day, precision: 'day', inferred: !f.day }, condition: null, attribution: f.attribution ?? null, attributionInferred: false,
      start, end: start + f.quote.length, quote: f.quote, textStart: start, textEnd: start + f.quote.length, rules: [],
    };
  });
  // every report names the same city, so that the reports of a test are one event
  const at = text.indexOf('Rijeka');
  const mentions = at < 0 ? [] : [{ document: id, kind: 'place' as const, text: 'Rijeka', value: 'Rijeka', start: at, end: at + 6, textStart: at, textEnd: at + 6, data: { kind: 'city' } }];
  return { doc, claims, mentions };
}

function eventOf(...reports: Array<ReturnType<typeof report>>): Event {
  const events = reconcile({ documents: reports.map((r) => r.doc), claims: reports.flatMap((r) => r.claims), mentions: reports.flatMap((r) => r.mentions) });
  expect(events).toHaveLength(1);
  return events[0]!;
}

const entries = (f: Fact, role: string) => f.claims.filter((c) => c.role === role).map((c) => `${c.value}@${c.document}`).sort();
const fact = (e: Event, category: string, label = '') => e.facts.find((f) => f.category === category && f.scope.label === label && !f.derived)!;

describe('a rival figure a report attributes to another source', () => {
  const rights = report('r1', '2024-05-13', 'In Rijeka, police detained 70 people, the rights group said. The Interior Ministry said 63 people were detained.', [
    { quote: 'detained 70 people', value: 70, attribution: 'the rights group' },
    { quote: '63 people were detained', value: 63, attribution: 'the Interior Ministry' },
  ]);
  const ministry = report('r2', '2024-05-12', 'In Rijeka, 63 people were detained, the Interior Ministry said.', [{ quote: '63 people were detained', value: 63, attribution: 'Interior Ministry' }]);

  it('is an entry of its own, the report citing that source, and counts in low and high', () => {
    const f = fact(eventOf(rights, ministry), 'arrested');
    expect(entries(f, 'value')).toEqual(['63@r2', '70@r1']);
    expect(entries(f, 'attributed')).toEqual(['63@r1']);
    expect(f.claims.find((c) => c.role === 'attributed')!.attribution).toBe('the Interior Ministry');
    expect([f.low, f.high, f.status]).toEqual([63, 70, 'disputed']);
  });
  it('does not count in best: each report counts once, with its own figure', () => {
    const f = fact(eventOf(rights, ministry), 'arrested');
    // the median of 70 (r1) and 63 (r2), not of 70, 63 and 63
    expect(f.best).toBe(67);
    expect([f.sources, f.independent]).toEqual([2, 2]);
    // the official figure is the ministry's, which only r2 gives as its own
    expect(f.alternatives).toContainEqual({ policy: 'official', best: 63 });
  });
  it('is listed in the Markdown fact sheet as the report citing that source', () => {
    const md = factSheetMarkdown(eventOf(rights, ministry));
    // [1] is the ministry's report (published first), [2] the one that cites the ministry beside the rights group
    expect(md).toContain('| Arrested | 63 | 67 | 70 | disputed | 70 [2]; 63 [1], [2] citing the Interior Ministry |');
    expect(md).toContain('- 63 [2]: “63 people were detained” (according to the Interior Ministry)');
  });
  it('is one source with the reports that give that source’s figure as their own', () => {
    const f = fact(eventOf(rights, ministry), 'arrested');
    const cited = f.claims.find((c) => c.role === 'attributed')!;
    expect(cited.group).toBe(f.claims.find((c) => c.document === 'r2')!.group);
  });
  it('makes a report alone two voices: disputed when they differ', () => {
    const f = fact(eventOf(rights), 'arrested');
    expect([f.low, f.best, f.high, f.status, f.sources, f.independent]).toEqual([63, 70, 70, 'disputed', 1, 1]);
    expect(f.why.join(' ')).toContain('63 according to the Interior Ministry ([1])');
  });
  it('is not the same figure again under a shorter or longer name of the same source, nor the same figure from another', () => {
    const r = report('r4', '2024-05-13', 'In Rijeka, police detained 41 people, the regional health service said. According to the health service, the total is 41. Witnesses said 41 people were detained.', [
      { quote: 'detained 41 people', value: 41, attribution: 'the regional health service' },
      { quote: 'the total is 41', value: 41, relation: 'total', attribution: 'the health service' },
      { quote: '41 people were detained', value: 41, attribution: 'Witnesses' },
    ]);
    const f = fact(eventOf(r), 'arrested');
    expect(entries(f, 'attributed')).toEqual([]);
    expect([f.low, f.high, f.status]).toEqual([41, 41, 'single']);
  });
  it('is not an unattributed figure (the report restating or estimating its own)', () => {
    const r = report('r3', '2024-05-13', 'In Rijeka, about 60 people were detained. Police detained 70 people, the rights group said.', [
      { quote: 'about 60 people were detained', value: 60, approx: 'about' },
      { quote: 'detained 70 people', value: 70, attribution: 'the rights group' },
    ]);
    const f = fact(eventOf(r), 'arrested');
    expect(entries(f, 'value')).toEqual(['70@r3']);
    expect(entries(f, 'attributed')).toEqual([]);
  });
  it('is not a part of a sum the report states', () => {
    const r = report('r4', '2024-05-13', 'In Rijeka, about 82 people were killed in the first wave, the ministry said. 49 died later, the police said. In total, 131 people were killed.', [
      { quote: 'about 82 people were killed', value: 82, category: 'killed', approx: 'about', attribution: 'the ministry' },
      { quote: '49 died', value: 49, category: 'killed', attribution: 'the police' },
      { quote: '131 people were killed', value: 131, category: 'killed', relation: 'total' },
    ]);
    const e = eventOf(r);
    const f = fact(e, 'killed');
    expect(e.checks.some((c) => c.kind === 'sum' && c.ok && c.total === 131)).toBe(true);
    expect(entries(f, 'attributed')).toEqual([]);
    expect(entries(f, 'component')).toEqual(['49@r4', '82@r4']);
    expect([f.low, f.high]).toEqual([131, 131]);
  });
});

describe("a report's figure for another day than its own figure's", () => {
  const now = report('d1', '2024-05-02', 'On April 30, police in Rijeka had detained 14 people. Police have now detained 40 people.', [
    { quote: 'detained 14 people', value: 14, day: '2024-04-30' },
    { quote: 'detained 40 people', value: 40 },
  ]);

  it('is a fact of its own, as of that day, related to the fact it is an earlier reading of', () => {
    const e = eventOf(now);
    const base = fact(e, 'arrested');
    const asOf = fact(e, 'arrested', 'as of 2024-04-30');
    expect(entries(base, 'value')).toEqual(['40@d1']);
    expect(base.claims.map((c) => c.value)).toEqual([40]);
    expect(entries(asOf, 'value')).toEqual(['14@d1']);
    expect(asOf.scope.time).toEqual({ start: '2024-04-30', end: '2024-04-30' });
    expect(asOf.relates).toEqual({ fact: base.id, how: 'as_of' });
    expect(asOf.why).toEqual(['Time: [1] gives 14 as of 2024-04-30 and 40 as of 2024-05-02 (arrested, overall): figures for different days.']);
  });
  it('is not added to the report’s own figure as if it were another count', () => {
    expect(eventOf(now).facts.filter((f) => f.derived)).toEqual([]);
  });
  it('joins the same day’s figure of another report', () => {
    const other = report('d2', '2024-05-01', 'On April 30, police in Rijeka had detained 14 people. By Wednesday, 31 people had been detained.', [
      { quote: 'detained 14 people', value: 14, day: '2024-04-30' },
      { quote: '31 people had been detained', value: 31, day: '2024-05-01' },
    ]);
    const e = eventOf(now, other);
    expect(fact(e, 'arrested', 'as of 2024-04-30')).toMatchObject({ low: 14, high: 14, status: 'consensus', sources: 2 });
    const base = fact(e, 'arrested');
    expect(entries(base, 'value')).toEqual(['31@d2', '40@d1']);
    // nothing but the time differs between 31 and 40
    expect(base.why[0]).toBe('Only the time differs: 31 published 2024-05-01, 40 published 2024-05-02.');
    expect(base.why[1]).toBe('Other days: 14 ([1]), 14 ([2]) as of 2024-04-30, a fact of its own (arrested, as of 2024-04-30).');
  });
  it('is not a part of a sum the report states', () => {
    const r = report('d3', '2024-05-02', 'In Rijeka, 18 people were detained on Monday. 22 were detained on Tuesday. In all, 40 people have been detained.', [
      { quote: '18 people were detained', value: 18, day: '2024-04-29' },
      { quote: '22 were detained', value: 22, day: '2024-04-30' },
      { quote: '40 people have been detained', value: 40, relation: 'total' },
    ]);
    const e = eventOf(r);
    expect(e.facts.map((f) => f.scope.label)).toEqual(['']);
    expect(entries(fact(e, 'arrested'), 'component')).toEqual(['18@d3', '22@d3']);
  });
  it('is not the same figure said again with its day', () => {
    const r = report('d4', '2024-05-02', 'In Rijeka, police have detained 40 people. On April 30, the 40 people were detained.', [
      { quote: 'detained 40 people', value: 40 },
      { quote: '40 people were detained', value: 40, day: '2024-04-30' },
    ]);
    expect(eventOf(r).facts.map((f) => f.scope.label)).toEqual(['']);
  });
});

describe('the forces on one side', () => {
  const a = report('f1', '2024-05-13', 'In Rijeka, 40 people were killed and two police officers died.', [
    { quote: '40 people were killed', value: 40, category: 'killed' },
    { quote: 'two police officers died', value: 2, category: 'killed', subject: 'police officers' },
  ]);
  const b = report('f2', '2024-05-13', 'In Rijeka, 40 people were killed.', [{ quote: '40 people were killed', value: 40, category: 'killed' }]);

  it('are a count of their own, not a rival of the event\'s dead', () => {
    const e = eventOf(a, b);
    const f = fact(e, 'killed');
    expect(entries(f, 'value')).toEqual(['40@f1', '40@f2']);
    expect(f.status).toBe('consensus');
    expect(entries(fact(e, 'killed', 'police officers'), 'value')).toEqual(['2@f1']);
  });
  it('and add to the report\'s others when it states no total', () => {
    const total = eventOf(a, b).facts.find((f) => f.category === 'killed' && f.scope.relation === 'total');
    expect(total?.best).toBe(42);
  });
});

describe('the place of a figure', () => {
  it('a site in the town (a street, a square) is the event\'s place; another town is a scope of its own', () => {
    const a = report('s1', '2024-05-01', 'In Rijeka, police detained 40 people on Korzo Street.', [{ quote: 'detained 40 people', value: 40, location: ['Korzo Street'] }]);
    const b = report('s2', '2024-05-01', 'Police in Rijeka detained 45 people, and 12 in Split.', [
      { quote: 'detained 45 people', value: 45, location: ['Rijeka'] },
      { quote: '12 in Split', value: 12, location: ['Split'] },
    ]);
    const c = report('s3', '2024-05-01', 'In Rijeka, 50 people were detained.', [{ quote: '50 people were detained', value: 50, location: ['Rijeka'] }]);
    const e = eventOf(a, b, c);
    expect(entries(fact(e, 'arrested'), 'value')).toEqual(['40@s1', '45@s2', '50@s3']);
    expect(fact(e, 'arrested', 'in Split').low).toBe(12);
  });
});
