/** Numbers and dates in the reader's locale. */

const NUMBER = new Intl.NumberFormat();
const DAY = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', timeZone: 'UTC' });

export const num = (n: number): string => NUMBER.format(n);

/** "131–150", or "744" when both ends agree. */
export const range = (low: number, high: number): string => (low === high ? num(low) : `${num(low)}–${num(high)}`);

/** A figure as the text hedges it: "~150", "≥20", "300–600". */
export function claimValue(c: { value: number; low: number; high: number; approx: string }): string {
  switch (c.approx) {
    case 'range':
      return range(c.low, c.high);
    case 'vague':
      return `${range(c.low, c.high)} (vague)`;
    case 'about':
      return `~${num(c.value)}`;
    case 'at_least':
      return `≥${num(c.value)}`;
    case 'more_than':
      return `>${num(c.value)}`;
    case 'at_most':
    case 'up_to':
      return `≤${num(c.value)}`;
    case 'less_than':
      return `<${num(c.value)}`;
    default:
      return num(c.value);
  }
}

export const APPROX_WORDS: Record<string, string> = {
  exact: 'exact',
  about: 'about',
  at_least: 'at least',
  more_than: 'more than',
  at_most: 'at most',
  up_to: 'up to',
  less_than: 'less than',
  range: 'a range',
  vague: 'vague amount',
};

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** An ISO date (or year, or year-month) in the reader's locale. */
export function date(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO.exec(iso);
  if (!m) return iso;
  const y = Number(m[1]);
  if (!m[2]) return String(y);
  const t = Date.UTC(y, Number(m[2]) - 1, m[3] ? Number(m[3]) : 1);
  if (Number.isNaN(t)) return iso;
  return m[3] ? DAY.format(t) : MONTH.format(t);
}

const utc = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const lastDay = (iso: string) => new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7), 0)).getUTCDate();
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A span of dates in the reader's locale: "Jan 19 – 20, 1990", "January 1990", "1991". */
export function dateSpan(start: string | null | undefined, end: string | null | undefined): string {
  if (!start) return date(end);
  if (!end || end === start) return date(start);
  if (!FULL_DATE.test(start) || !FULL_DATE.test(end)) return `${date(start)} – ${date(end)}`;
  if (start.endsWith('-01-01') && end === `${start.slice(0, 4)}-12-31`) return start.slice(0, 4);
  if (start.endsWith('-01') && end.slice(0, 7) === start.slice(0, 7) && +end.slice(8) === lastDay(end)) return MONTH.format(utc(start));
  const d = DAY as Intl.DateTimeFormat & { formatRange?: (a: number, b: number) => string };
  return d.formatRange ? d.formatRange(utc(start), utc(end)) : `${date(start)} – ${date(end)}`;
}

const CATEGORY_WORDS: Record<string, string> = {
  killed: 'Killed',
  injured: 'Injured',
  missing: 'Missing',
  arrested: 'Arrested',
  imprisoned: 'Imprisoned',
  displaced: 'Displaced',
  participants: 'Participants',
  damaged: 'Damaged',
};

export const category = (c: string): string => CATEGORY_WORDS[c] ?? c.charAt(0).toUpperCase() + c.slice(1).replace(/_/g, ' ');

export const POLICY_WORDS: Record<string, string> = {
  median: 'median',
  conservative: 'conservative (lowest)',
  most_cited: 'most cited',
  latest: 'latest report',
  official: 'official source',
};

/** The last part of a path or URL, for a source without title or outlet. */
export function baseName(source: string): string {
  const clean = source.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return clean.slice(clean.lastIndexOf('/') + 1) || source;
}

/** An http(s) URL, or null: nothing else becomes a link. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function hostOf(url: string | null | undefined): string | null {
  const u = safeHttpUrl(url);
  return u ? new URL(u).hostname.replace(/^www\./, '') : null;
}

const short = (t: string, n = 48) => (t.length > n ? `${t.slice(0, n - 1).trimEnd()}…` : t);

/** How a source is named: outlet, else the site, else its title (shortened), else the file. */
export function sourceName(s: { outlet: string | null; url: string | null; source: string; title?: string | null }): string {
  return s.outlet || hostOf(s.url) || (s.title ? short(s.title) : baseName(s.source));
}
