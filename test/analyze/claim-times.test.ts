/**
 * What dates a claim (test/fixtures/analyze/claim-times.tsv): a count whose verb stands in a relative clause
 * ("the 97 fans who died") takes only its clause's date, not the commemoration's around it; a date before a verb
 * of telling or finding ("On 26 April 2016 the jury concluded that …") dates the finding; an anniversary "N years
 * to the day since" dates the event; "since 2017" starts a spell and is no report's main date.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

const CASES = fs
  .readFileSync(new URL('../fixtures/analyze/claim-times.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [text, published, category, value, start, end, never] = l.split('\t');
    return { text: text!.split(' / ').join('\n\n'), published: published!, category: category!, value: Number(value), start: start!, end: end!, never };
  });

describe('the time of a claim (test/fixtures/analyze/claim-times.tsv)', () => {
  it('has cases', () => expect(CASES.length).toBeGreaterThan(5));
  it.each(CASES.map((c) => [c.text, c] as const))('%s', (_t, c) => {
    const claims = analyzeText(c.text, { published: c.published, title: null, language: 'en' }).claims;
    const claim = claims.find((x) => x.category === c.category && x.value === c.value);
    expect(claim, JSON.stringify(claims.map((x) => [x.category, x.value]))).toBeDefined();
    if (c.start === '-') {
      // no stated time: none, or one inferred from elsewhere (a report's main day, when it has no other)
      expect(claim!.time === null || claim!.time.inferred === true, JSON.stringify(claim!.time)).toBe(true);
      if (c.never && claim!.time) expect(claim!.time.start).not.toBe(c.never);
    } else {
      expect({ start: claim!.time?.start, end: claim!.time?.end }).toEqual({ start: c.start, end: c.end });
    }
  });
});
