/**
 * Splits a document's cleaned text into pieces for display: claims (each one
 * block, the focused one first, overlaps dropped), the sentence around the
 * focused claim, and mentions (dates, places, people, orgs, events) inside
 * them. Pure: offsets in, pieces out; the view turns pieces into elements
 * with text content only.
 */

export interface Span {
  start: number;
  end: number;
}

export interface ClaimSpan extends Span {
  id: string;
}

export interface MentionSpan extends Span {
  kind: string;
  value: string;
}

/** A run of text with the mention kinds that cover it. */
export interface Run {
  start: number;
  end: number;
  kinds: string[];
  title: string | null;
}

export type Block =
  | { type: 'text'; runs: Run[] }
  | { type: 'claim'; id: string; focused: boolean; runs: Run[] }
  | { type: 'sentence'; blocks: Block[] };

const clampSpan = <T extends Span>(s: T, len: number): T | null => {
  const start = Math.max(0, Math.min(len, s.start));
  const end = Math.max(start, Math.min(len, s.end));
  return end > start ? { ...s, start, end } : null;
};

/** Claims that can be shown as blocks: the focused one first, then by position, none overlapping. */
export function placeClaims(claims: ClaimSpan[], focus: string | null, len: number): ClaimSpan[] {
  const valid = claims.map((c) => clampSpan(c, len)).filter((c): c is ClaimSpan => c !== null);
  const order = [...valid].sort((a, b) => (a.id === focus ? -1 : b.id === focus ? 1 : a.start - b.start || b.end - a.end));
  const placed: ClaimSpan[] = [];
  for (const c of order) if (!placed.some((p) => c.start < p.end && p.start < c.end)) placed.push(c);
  return placed.sort((a, b) => a.start - b.start);
}

const SENTENCE_END = /[.!?]/;
const CLOSERS = /["'”’)\]]/;

/** The sentence around [start, end): from the previous sentence end or line break to the next. */
export function sentenceAround(text: string, start: number, end: number): Span {
  let s = start;
  while (s > 0) {
    const ch = text[s - 1]!;
    if (ch === '\n') break;
    if (/\s/.test(ch) && s - 2 >= 0 && (SENTENCE_END.test(text[s - 2]!) || (CLOSERS.test(text[s - 2]!) && s - 3 >= 0 && SENTENCE_END.test(text[s - 3]!)))) break;
    s--;
  }
  while (s < start && /\s/.test(text[s]!)) s++;
  let e = end;
  while (e < text.length) {
    const ch = text[e]!;
    if (ch === '\n') break;
    if (SENTENCE_END.test(ch) && (e + 1 >= text.length || /[\s"'”’)\]]/.test(text[e + 1]!))) {
      e++;
      while (e < text.length && CLOSERS.test(text[e]!)) e++;
      break;
    }
    e++;
  }
  return { start: s, end: e };
}

/** Runs of [from, to) split where mentions begin and end. */
export function runs(from: number, to: number, mentions: MentionSpan[]): Run[] {
  if (to <= from) return [];
  const inside = mentions.filter((m) => m.start < to && m.end > from);
  const cuts = new Set<number>([from, to]);
  for (const m of inside) {
    cuts.add(Math.max(from, m.start));
    cuts.add(Math.min(to, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const cover = inside.filter((m) => m.start <= a && m.end >= b).sort((x, y) => x.end - x.start - (y.end - y.start));
    const kinds = [...new Set(cover.map((m) => m.kind))];
    const title = cover.length ? cover.map((m) => `${m.kind}: ${m.value}`).join(' · ') : null;
    const last = out[out.length - 1];
    if (last && !kinds.length && !last.kinds.length) last.end = b;
    else out.push({ start: a, end: b, kinds, title });
  }
  return out;
}

/**
 * The blocks of a text. With a focused claim, the sentence around it is one
 * block (grown to hold any claim it cuts through), with the claim inside.
 */
export function layout(text: string, claims: ClaimSpan[], mentions: MentionSpan[], focus: string | null): Block[] {
  const len = text.length;
  const ms = mentions.map((m) => clampSpan(m, len)).filter((m): m is MentionSpan => m !== null);
  const placed = placeClaims(claims, focus, len);
  const focused = placed.find((c) => c.id === focus) ?? null;
  let sentence: Span | null = null;
  if (focused) {
    sentence = sentenceAround(text, focused.start, focused.end);
    for (const c of placed) {
      if (c.start < sentence.start && c.end > sentence.start) sentence.start = c.start;
      if (c.start < sentence.end && c.end > sentence.end) sentence.end = c.end;
    }
  }
  const blocksOf = (from: number, to: number): Block[] => {
    const out: Block[] = [];
    let pos = from;
    for (const c of placed) {
      if (c.end <= from || c.start >= to) continue;
      if (c.start > pos) out.push({ type: 'text', runs: runs(pos, c.start, ms) });
      out.push({ type: 'claim', id: c.id, focused: c.id === focus, runs: runs(c.start, c.end, ms) });
      pos = c.end;
    }
    if (pos < to) out.push({ type: 'text', runs: runs(pos, to, ms) });
    return out;
  };
  if (!sentence) return blocksOf(0, len);
  return [...blocksOf(0, sentence.start), { type: 'sentence', blocks: blocksOf(sentence.start, sentence.end) }, ...blocksOf(sentence.end, len)];
}
