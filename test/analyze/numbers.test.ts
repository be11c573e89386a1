import { describe, expect, it } from 'vitest';
import { findNumbers, hedgeRange, roundingScale } from '../../src/analyze/numbers.js';
import { tokenize } from '../../src/analyze/text.js';

const parse = (s: string) => findNumbers(tokenize(s)).map((n) => ({ text: s.slice(n.start, n.end), value: n.value, low: n.low, high: n.high, approx: n.approx, notCount: n.notCount }));

describe('numbers: counts', () => {
  const cases: Array<[string, string, number, number, number, string]> = [
    ['1,500 people', '1,500', 1500, 1500, 1500, 'exact'],
    ['2.5 million people', '2.5 million', 2_500_000, 2_500_000, 2_500_000, 'exact'],
    ['four were missing', 'four', 4, 4, 4, 'exact'],
    ['fifty-seven people', 'fifty-seven', 57, 57, 57, 'exact'],
    ['twenty seven students', 'twenty seven', 27, 27, 27, 'exact'],
    ['three hundred and fifty', 'three hundred and fifty', 350, 350, 350, 'exact'],
    ['a dozen people', 'a dozen', 12, 12, 12, 'exact'],
    ['approximately 2 million people', 'approximately 2 million', 2_000_000, 1_500_000, 2_500_000, 'about'],
    ['between 300 and 600 people', 'between 300 and 600', 300, 300, 600, 'range'],
    ['300–600 people', '300–600', 300, 300, 600, 'range'],
    ['300-600 people', '300-600', 300, 300, 600, 'range'],
    ['two or three people', 'two or three', 2, 2, 3, 'range'],
    ['more than 1,500 people', 'more than 1,500', 1500, 1501, 1600, 'more_than'],
    ['at least 20 people', 'at least 20', 20, 20, 30, 'at_least'],
    ['as many as 744 people', 'as many as 744', 744, 743, 744, 'up_to'],
    ['nearly 150 people', 'nearly 150', 150, 140, 150, 'up_to'],
    ['fewer than 30 people', 'fewer than 30', 30, 20, 29, 'less_than'],
    ['100 or more people', '100 or more', 100, 100, 200, 'at_least'],
    ['dozens of people', 'dozens', 24, 24, 99, 'vague'],
    ['several hundred people', 'several hundred', 300, 300, 900, 'vague'],
    ['hundreds of thousands of people', 'hundreds of thousands', 200_000, 200_000, 999_999, 'vague'],
    ['tens of thousands of people', 'tens of thousands', 20_000, 20_000, 99_999, 'vague'],
    ['thousands of people', 'thousands', 2000, 2000, 9999, 'vague'],
  ];
  for (const [s, text, value, low, high, approx] of cases) {
    it(`"${s}"`, () => {
      const n = parse(s)[0]!;
      expect(n).toMatchObject({ text, value, low, high, approx, notCount: null });
    });
  }
});

describe('numbers: not counts', () => {
  const cases: Array<[string, string]> = [
    ['in 1990', 'year'],
    ['the 1990 Soviet crackdown', 'year'],
    ['in the 1990s', 'decade'],
    ['the 36th anniversary', 'ordinal'],
    ['the 44-day war', 'duration'],
    ['the nearly 30-year occupation', 'duration'],
    ['a 25-year-old student', 'age'],
    ['aged 25', 'age'],
    ['two men, ages 17 and 18', 'age'],
    ['at 12:00 local time', 'time'],
    ['3 min', 'duration'],
    ['three decades', 'duration'],
    ['$5 million', 'money'],
    ['5 million dollars', 'money'],
    ['40 percent', 'percent'],
    ['12 rounds', 'measure'],
    ['a 40-mile chase', 'measure'],
    ['Terminal 3 at the airport', 'label'],
  ];
  for (const [s, why] of cases) {
    it(`"${s}" is a ${why}`, () => {
      const nums = parse(s);
      expect(nums.length).toBeGreaterThan(0);
      expect(nums.filter((n) => n.text !== 'two').every((n) => n.notCount !== null)).toBe(true);
      expect(nums.some((n) => n.notCount === why)).toBe(true);
    });
  }
});

describe('rounding scale and hedges', () => {
  it('takes the scale from trailing zeros', () => {
    expect(roundingScale(150)).toBe(10);
    expect(roundingScale(2_000_000)).toBe(1_000_000);
    expect(roundingScale(744)).toBe(1);
  });
  it('keeps low ≤ value ≤ high for every hedge', () => {
    for (const a of ['about', 'more_than', 'at_least', 'up_to', 'at_most'] as const) {
      for (const v of [1, 7, 150, 744, 2_000_000]) {
        const [lo, hi] = hedgeRange(v, a);
        expect(lo).toBeLessThanOrEqual(hi);
        if (a !== 'more_than') expect(lo <= v && v <= hi).toBe(true);
      }
    }
  });
});
