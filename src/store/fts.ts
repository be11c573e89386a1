/**
 * User search text → a safe full-text query. Words become quoted terms
 * (AND-ed), "quoted phrases" stay phrases, a trailing * keeps a prefix search,
 * and OR between terms is kept. Nothing the user types can reach the query
 * syntax unquoted.
 */
export interface QueryTerm {
  text: string;
  phrase: boolean;
  prefix: boolean;
  or: boolean;
}

const TOKEN = /"([^"]*)"|(\S+)/g;
const WORD = /[\p{L}\p{N}]+/gu;

export function parseQuery(q: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  let or = false;
  for (const m of q.slice(0, 1000).matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      const words = m[1].match(WORD);
      if (words) terms.push({ text: words.join(' '), phrase: true, prefix: false, or });
      or = false;
      continue;
    }
    const raw = m[2]!;
    if (raw === 'OR' && terms.length) {
      or = true;
      continue;
    }
    const prefix = raw.endsWith('*');
    const words = raw.match(WORD);
    if (!words) continue;
    if (words.length === 1) terms.push({ text: words[0]!, phrase: false, prefix, or });
    else terms.push({ text: words.join(' '), phrase: true, prefix, or });
    or = false;
  }
  return terms.slice(0, 32);
}

/** FTS5 MATCH expression. */
export function toFts5(terms: QueryTerm[]): string {
  let out = '';
  for (const t of terms) {
    const quoted = `"${t.text.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`;
    out += out ? (t.or ? ' OR ' : ' AND ') + quoted : quoted;
  }
  return out;
}

/** PostgreSQL tsquery text for to_tsquery('simple', …). */
export function toTsQuery(terms: QueryTerm[]): string {
  let out = '';
  for (const t of terms) {
    const words = t.text.toLowerCase().split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean);
    if (!words.length) continue;
    let piece = words.map((w, i) => (t.prefix && i === words.length - 1 ? `${w}:*` : w)).join(' <-> ');
    if (words.length > 1) piece = `(${piece})`;
    out += out ? (t.or ? ' | ' : ' & ') + piece : piece;
  }
  return out;
}

/** Marks inside snippets; the API and CLI turn them into highlights. */
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

/** Splits a marked snippet into plain text and highlight ranges. */
export function unmark(snippet: string): { text: string; highlights: Array<[number, number]> } {
  let text = '';
  const highlights: Array<[number, number]> = [];
  let open = -1;
  for (const ch of snippet) {
    if (ch === MARK_OPEN) open = text.length;
    else if (ch === MARK_CLOSE) {
      if (open >= 0) highlights.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  return { text, highlights };
}
