import { describe, expect, it } from 'vitest';
import { MONTHS, MONTH_PATTERN, isoDate, parseDateString, validDate } from '../../src/core/dates.js';

/** parseDateString the old way: every pattern tried, in order */
function reference(s: string | null | undefined): string | null {
  if (!s) return null;
  const str = String(s).slice(0, 200);
  const ok = (y: number, m: number, d: number) => (validDate(y, m, d) ? isoDate(y, m, d) : null);
  let m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(str);
  if (m) return ok(+m[1]!, +m[2]!, +m[3]!);
  m = /^\s*(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(str);
  if (m) return ok(+m[1]!, +m[2]!, +m[3]!);
  m = new RegExp(`\\b(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(str);
  if (m) return ok(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!);
  m = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})\\b`, 'i').exec(str);
  if (m) return ok(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
  m = /^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(str);
  if (m) return ok(+m[3]!, +m[2]!, +m[1]!);
  return null;
}

describe('parseDateString', () => {
  it('reads the forms of metadata and date lines', () => {
    expect(parseDateString('2024-01-20')).toBe('2024-01-20');
    expect(parseDateString(' \u00a02024-01-20T10:00:00Z')).toBe('2024-01-20');
    expect(parseDateString('20240120')).toBe('2024-01-20');
    expect(parseDateString('Sat, 20 Jan 2024 10:00:00 GMT')).toBe('2024-01-20');
    expect(parseDateString('January 20, 2024')).toBe('2024-01-20');
    expect(parseDateString('\u300020.01.2024')).toBe('2024-01-20');
    expect(parseDateString('By Maria Lopez')).toBeNull();
    expect(parseDateString('')).toBeNull();
    expect(parseDateString(null)).toBeNull();
    expect(parseDateString('2024-02-30')).toBeNull();
    // a line break ends the ISO form's tail; the date in words after it is still read
    expect(parseDateString('2024-01-20T10:00\nMarch 3, 2021')).toBe('2021-03-03');
  });
  it('gives what trying every pattern gave, on random strings', () => {
    const pieces = ['2024', '20', '1', '9', '01', '-', '/', '.', ',', ' ', '\u00a0', '\u2003', '\n', 'T', 'Z', 'st', 'of', 'By', 'Jan', 'January', 'Sept', 'may', 'x', 'İ', '😀'];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let dates = 0;
    for (let k = 0; k < 20000; k++) {
      // a date in one of the forms, or none, with pieces put in before, inside or after it
      let s = ['', '2024-01-20', ' 20240120', '20.1.2024', 'Jan. 5, 2021', '3rd of March 2020', 'Sat, 20 Jan 2024'][rand(7)]!;
      for (let n = rand(4); n > 0; n--) {
        const at = rand(s.length + 1);
        s = s.slice(0, at) + pieces[rand(pieces.length)] + s.slice(at + rand(2));
      }
      const got = parseDateString(s);
      expect(got, JSON.stringify(s)).toBe(reference(s));
      if (got) dates++;
    }
    // most of the random strings are dates, and many are not
    expect(dates).toBeGreaterThan(10000);
    expect(dates).toBeLessThan(19000);
  });
});
