import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';
import { OffsetMap } from '../../src/core/offsets.js';
import type { Analysis, Claim, DocumentInput, Mention } from '../../src/core/types.js';
import { analyzeDocument, prepareRecord } from '../../src/pipeline/prepare.js';

/** analyzeDocument the old, simple way: copies of every claim and mention with their original spans. */
function reference(doc: ReturnType<typeof prepareRecord>): Analysis {
  const raw = analyzeText(doc.text, { published: doc.published, title: doc.title, language: doc.language });
  const map = new OffsetMap(doc.segments);
  const place = <T extends { textStart: number; textEnd: number; start: number; end: number }>(x: T): T | null => {
    const r = map.toOriginal(x.textStart, x.textEnd);
    if (!r || r[1] <= r[0]) return null;
    return { ...x, start: r[0], end: r[1] };
  };
  const claims: Claim[] = [];
  const newIndex = new Map<number, number>();
  raw.claims.forEach((c, i) => {
    const p = place(c);
    if (!p) return;
    newIndex.set(i, claims.length);
    claims.push({ ...p, quote: doc.original.slice(p.start, p.end) });
  });
  for (const c of claims) c.parent = c.parent === null ? null : (newIndex.get(c.parent) ?? null);
  const mentions: Mention[] = [];
  for (const m of raw.mentions) {
    const p = place(m);
    if (p) mentions.push(p);
  }
  return { claims, mentions };
}

const input = (format: DocumentInput['format'], original: string): DocumentInput => ({ source: 'test', format, original, encoding: 'utf-8', given: {} }) as DocumentInput;

describe('analyzeDocument', () => {
  const docs = [
    input('html', '<html><head><title>Blast</title></head><body><article><p>ANKARA, March 14 &mdash; At least 12 people, including 3 children, were killed and 40&nbsp;injured when a car bomb exploded in Ankara, Turkey, on Monday, said Dr. Ali Yilmaz of the Health Ministry.</p><p>Police in Izmir arrested 5&nbsp;suspects. Two of the dead were police officers.</p></article></body></html>'),
    input('text', 'Flooding in Lagos killed 7 people, among them 2 children, and left 300 homeless.\r\n\r\nThe Red Cross said 14 were missing in İzmir.'),
    input('markdown', '# Attack\n\n**Three** soldiers were killed in *Kabul* on Tuesday, the Defence Ministry said.\n\nFour others were wounded.'),
  ];

  it('gives what copies of the raw analysis with original spans give, fields in the same order', () => {
    let claims = 0;
    let parents = 0;
    for (const i of docs) {
      const doc = prepareRecord(i);
      const got = analyzeDocument(doc);
      const want = reference(doc);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      claims += got.claims.length;
      parents += got.claims.filter((c) => c.parent !== null).length;
      for (const c of got.claims) expect(c.quote).toBe(doc.original.slice(c.start, c.end));
      for (const m of got.mentions) expect(m.start).toBeLessThan(m.end);
    }
    expect(claims).toBeGreaterThan(5);
    expect(parents).toBeGreaterThan(0);
  });

  it('maps spans of a text whose offsets differ from the original (entities, tags)', () => {
    const doc = prepareRecord(docs[0]!);
    const got = analyzeDocument(doc);
    const killed = got.claims.find((c) => c.category === 'killed')!;
    expect(killed.start).not.toBe(killed.textStart);
    expect(doc.original.slice(killed.start, killed.end)).toBe(killed.quote);
    expect(got.mentions.some((m) => m.kind === 'place' && m.start !== m.textStart)).toBe(true);
  });
});
