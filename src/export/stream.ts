/**
 * Whole-archive exports as streams of text chunks (JSON, JSON Lines, CSV),
 * so an archive of any size is exported with bounded memory for documents.
 */
import type { Store } from '../store/types.js';
import { eachEvent } from '../pipeline/events.js';
import type { Event } from '../reconcile/index.js';
import { exportClaim, exportDocument } from './documents.js';

export type ExportFormat = 'json' | 'jsonl' | 'csv';

/** The archive's events one by one, or the ones given. */
async function* eventsFrom(store: Store, given: Event[] | undefined): AsyncGenerator<Event> {
  if (given) {
    yield* given;
    return;
  }
  yield* eachEvent(store);
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
  // the events one at a time, laid out as JSON.stringify(events, null, 2) would lay them out at this depth
  yield '\n  ],\n  "events": [';
  let none = true;
  for await (const e of eventsFrom(store, options.events)) {
    yield `${none ? '\n' : ',\n'}    ${JSON.stringify(e, null, 2).replace(/\n/g, '\n    ')}`;
    none = false;
  }
  yield none ? ']\n}\n' : '\n  ]\n}\n';
}

export async function* exportJsonl(store: Store, options: { events?: Event[] } = {}): AsyncGenerator<string> {
  for await (const d of store.iterateDocuments()) {
    const claims = await store.claims({ documents: [d.id] });
    yield `${JSON.stringify({ type: 'document', ...exportDocument(d, claims) })}\n`;
  }
  for await (const e of eventsFrom(store, options.events)) yield `${JSON.stringify({ type: 'event', ...e })}\n`;
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
