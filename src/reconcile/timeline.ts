/**
 * The timeline of an event: its documents' dated mentions (not recurring
 * commemorations, not dates used as names), merged when they name the same
 * day or interval, each with the documents that date it and the words.
 */
import type { Mention } from '../core/types.js';
import type { DocumentMeta } from './index.js';
import type { TimelineEntry } from './types.js';

const MAX_LABEL = 160;

function sentenceAround(text: string, s: number, e: number): string {
  let a = s;
  while (a > 0 && !/[.!?\n]/.test(text[a - 1]!)) a--;
  let b = e;
  while (b < text.length && !/[.!?\n]/.test(text[b]!)) b++;
  if (b < text.length && /[.!?]/.test(text[b]!)) b++;
  return text.slice(a, b).replace(/\s+/g, ' ').trim();
}

export function buildTimeline(docs: DocumentMeta[], mentions: Array<Mention & { document: string }>, eventStart: string | null): TimelineEntry[] {
  const byKey = new Map<string, TimelineEntry>();
  const docById = new Map(docs.map((d) => [d.id, d]));
  for (const m of mentions) {
    if (m.kind !== 'date' || !m.data) continue;
    const kind = String(m.data.kind ?? '');
    if (kind === 'recurring' || kind === 'name') continue;
    const start = String(m.data.start);
    const end = String(m.data.end);
    const doc = docById.get(m.document);
    if (!doc) continue;
    // an anniversary report's own day ("today") is not a day of the event
    if (doc.published && start >= doc.published && eventStart && eventStart < doc.published && daysBetween(eventStart, doc.published) > 30) continue;
    const precision = String(m.data.precision ?? 'day');
    const key = `${start}/${end}`;
    const sentence = sentenceAround(doc.text, m.textStart, m.textEnd);
    const e = byKey.get(key) ?? { start, end, precision, label: sentence.length > MAX_LABEL ? `${sentence.slice(0, MAX_LABEL - 1)}…` : sentence, documents: [], mentions: [] };
    if (!e.documents.includes(m.document)) e.documents.push(m.document);
    e.mentions.push({ document: m.document, text: m.text, start: m.textStart, end: m.textEnd, sentence });
    byKey.set(key, e);
  }
  return [...byKey.values()].sort((a, b) => a.start.localeCompare(b.start) || b.end.localeCompare(a.end));
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 864e5;
}
