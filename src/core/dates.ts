/**
 * Small date helpers shared by metadata readers and the date parser:
 * month names, ISO formatting, and a parser for the date strings found in
 * page metadata, feed items and date lines.
 */

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

export const MONTH_PATTERN =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';

export const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function validDate(y: number, m: number, d: number): boolean {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) + days * 864e5;
  const d = new Date(t);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Day of week, 0 = Sunday. */
export function weekday(iso: string): number {
  return new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10))).getUTCDay();
}

const ISO_LIKE = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/;
const DMY_NUMERIC = /^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b/;
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})\\b`, 'i');
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})(?:T|$)/;
/** a date as Japanese, Chinese and Korean pages write it: "1996年8月27日", "2020년 5월 18일" */
const CJK = /^\s*(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/;

/**
 * Parses a date string from metadata ("2024-01-20", "2024-01-20T10:00:00Z",
 * "Sat, 20 Jan 2024 10:00:00 GMT", "January 20, 2024", "20.01.2024") into an
 * ISO date, or null. The calendar date is taken as written (no time-zone shift).
 */
export function parseDateString(s: string | null | undefined): string | null {
  if (!s) return null;
  const str = String(s).slice(0, 200);
  // Every form holds a digit, and ISO_LIKE, COMPACT and DMY_NUMERIC start with one after spaces (\s): the
  // patterns that cannot match are not tried. In a whole run their code is cold when a document's one or two
  // calls come (measured 1.5–4 µs a call there, 0.4 in a loop), and most calls are bylines ("By Maria
  // Lopez") or dates in words.
  let i = 0;
  while (i < str.length && isSpace(str.charCodeAt(i))) i++;
  const leadingDigit = isDigit(str.charCodeAt(i));
  let digit = leadingDigit;
  for (let k = i + 1; !digit && k < str.length; k++) digit = isDigit(str.charCodeAt(k));
  if (!digit) return null;
  let m: RegExpExecArray | null;
  if (leadingDigit) {
    m = ISO_LIKE.exec(str);
    if (m) return checked(+m[1]!, +m[2]!, +m[3]!);
    m = COMPACT.exec(str);
    if (m) return checked(+m[1]!, +m[2]!, +m[3]!);
    m = CJK.exec(str);
    if (m) return checked(+m[1]!, +m[2]!, +m[3]!);
  }
  m = MONTH_DAY_YEAR.exec(str);
  if (m) return checked(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!);
  m = DAY_MONTH_YEAR.exec(str);
  if (m) return checked(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
  if (leadingDigit) {
    m = DMY_NUMERIC.exec(str);
    if (m) return checked(+m[4]!, +m[3]!, +m[1]!);
  }
  return null;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const SPACE = /\s/;
/** \s, read by code for ASCII */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(String.fromCharCode(c)));

function checked(y: number, m: number, d: number): string | null {
  return validDate(y, m, d) ? isoDate(y, m, d) : null;
}
