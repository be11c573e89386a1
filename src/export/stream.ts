/**
 * Whole-archive exports as streams of text chunks (JSON, JSON Lines, CSV),
 * so an archive of any size is exported with bounded memory for documents.
 */
import type { Store } from '../store/types.js';
import { reconcile, type DocumentMeta, type Event, type ReconcileOptions } from '../reconcile/index.js';
import { exportClaim, exportDocument } from './documents.js';

export type ExportFormat = 'json' | 'jsonl' | 'csv';

/** Loads what reconciliation needs and runs it. */
export async function eventsOf(store: Store, options: ReconcileOptions = {}): Promise<Event[]> {
  const documents: DocumentMeta[] = [];
  for await (const d of store.iterateDocuments()) {
    documents.push({ id: d.id, source: d.source, title: d.title, outlet: d.outlet, published: d.published, language: d.language, url: d.url, text: d.text });
  }
  const claims = await store.claims();
  // reconciliation reads event names, places and dates (people and organisations, most of the mentions, not)
  const mentions = await store.allMentions(['event', 'place', 'date']);
  return reconcile({ documents, claims, mentions }, options);
}

export async function* exportJson(store: Store, options: { events?: Event[]; mentions?: boolean } = {}): AsyncGenerator<string> {
  yield '{\n  "reckon": 1,\n  "documents": [';
  let first = true;
  for await (const d of store.iterateDocuments()) {
    const claims = await store.claims({ documents: [d.id] });
    const mentions = options.mentions === false ? undefined : await store.mentions(d.id);
    yield `${first ? '\n' : ',\n'}    ${JSON.stringify(exportDocument(d, claims, mentions))}`;
    first = false;
  }
  const events = options.events ?? (await eventsOf(store));
  yield `\n  ],\n  "events": ${JSON.stringify(events, null, 2).replace(/\n/g, '\n  ')}\n}\n`;
}

export async function* exportJsonl(store: Store, options: { events?: Event[] } = {}): AsyncGenerator<string> {
  for await (const d of store.iterateDocuments()) {
    const claims = await store.claims({ documents: [d.id] });
    yield `${JSON.stringify({ type: 'document', ...exportDocument(d, claims) })}\n`;
  }
  const events = options.events ?? (await eventsOf(store));
  for (const e of events) yield `${JSON.stringify({ type: 'event', ...e })}\n`;
}

const CSV_COLUMNS = [
  'document', 'source', 'outlet', 'published', 'claim', 'category', 'value', 'low', 'high', 'approx', 'subject', 'subgroup',
  'relation', 'location', 'time_start', 'time_end', 'condition', 'attribution', 'start', 'end', 'quote',
] as const;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = Array.isArray(v) ? v.join('; ') : String(v);
  // spreadsheet formula injection: a cell must not start with = + - @ (numbers stay as they are)
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per claim. */
export async function* exportCsv(store: Store): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\n`;
  for await (const d of store.iterateDocuments()) {
    const claims = await store.claims({ documents: [d.id] });
    for (const c of claims) {
      const e = exportClaim(c);
      const row = [
        d.id, d.source, d.outlet, d.published, e.id, e.category, e.value, e.low, e.high, e.approx, e.subject, e.subgroup,
        e.relation, e.location, e.time?.start, e.time?.end, e.condition, e.attribution, e.start, e.end, e.quote,
      ];
      yield `${row.map(csvCell).join(',')}\n`;
    }
  }
}
