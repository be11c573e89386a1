/**
 * The server's events by default (no loader injected): read from the archive as requests name them. Only the
 * grouping is held; the events of a page, or the one asked for, are reconciled (and kept in the archive's
 * derived data) when asked for, and they are the events `eventsOf` gives. A real SQLite archive.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { eventsOf } from '../../src/pipeline/events.js';
import type { Event } from '../../src/reconcile/types.js';
import { createApp } from '../../src/server/app.js';
import type { DocumentResponse, EventsResponse } from '../../src/server/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { tempDirManual } from '../helpers.js';
import { putDocument } from './helpers.js';

let store: SqliteStore;
let app: Hono;
let remove: () => void;
const ids: string[] = [];

/** Reports of five events, in five cities on five days (two reports of the first). */
const REPORTS = [
  { source: 'a1.txt', date: '2023-03-02', text: 'Floods in Lagos\n\nAt least 12 people were killed when floods hit Lagos on March 1, 2023, officials said.' },
  { source: 'a2.txt', date: '2023-03-02', text: 'Lagos floods\n\nFourteen people were killed in floods in Lagos on March 1, 2023, the Red Cross said.' },
  { source: 'b.txt', date: '2023-05-08', text: 'Fire in Nairobi\n\nThree people were injured in a fire in Nairobi on May 7, 2023, police said.' },
  { source: 'c.txt', date: '2023-06-11', text: 'Protest in Lima\n\nPolice arrested 40 protesters in Lima on June 10, 2023.' },
  { source: 'd.txt', date: '2023-08-21', text: 'Quake in Quito\n\nTwo people died after an earthquake struck Quito on August 20, 2023.' },
  { source: 'e.txt', date: '2023-09-15', text: 'Blast in Accra\n\nFive workers were injured in a blast in Accra on September 14, 2023, the fire service said.' },
];

beforeAll(async () => {
  const t = tempDirManual();
  remove = t.remove;
  store = new SqliteStore(path.join(t.dir, 'archive.db'));
  await store.migrate();
  for (const r of REPORTS) ids.push(await putDocument(store, r));
  app = createApp({ store, webRoot: null });
});

afterAll(async () => {
  await store.close();
  remove();
});

async function get<T>(url: string): Promise<T> {
  const res = await app.request(url);
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
}

/** The events `eventsOf` gives, computed without writing to the archive. */
const expected = () => eventsOf(store, { cache: false });

describe('the default events of the server', () => {
  it('a page reconciles only its own events, which are the ones eventsOf gives, in its order', async () => {
    const all = await expected();
    expect(all.length).toBe(5);
    const page = await get<EventsResponse>('/api/events?limit=2');
    expect(page.total).toBe(5);
    expect(page.next).toBe(2);
    expect(page.events.map((e) => e.id)).toEqual(all.slice(0, 2).map((e) => e.id));
    expect(page.events.map((e) => e.facts.map((f) => [f.category, f.low, f.best, f.high]))).toEqual(all.slice(0, 2).map((e) => e.facts.map((f) => [f.category, f.low, f.best, f.high])));
    // only the page's two events were reconciled (and kept): not all five
    expect((await store.derived('event:median')).length).toBe(2);
  });

  it('an event off the page is read when asked for', async () => {
    const last = (await expected()).at(-1)!;
    const e = await get<Event>(`/api/events/${last.id}`);
    expect(e).toEqual(JSON.parse(JSON.stringify(last)));
    expect((await store.derived('event:median')).length).toBe(3);
  });

  it("a document's events come from the grouping", async () => {
    const lagos = (await expected()).find((e) => e.documents.includes(ids[0]!))!;
    expect(lagos.documents).toHaveLength(2);
    const d = await get<DocumentResponse>(`/api/documents/${ids[1]}`);
    expect(d.events).toEqual([{ id: lagos.id, name: lagos.name }]);
  });

  it('an archive that changed is grouped again', async () => {
    ids.push(await putDocument(store, { source: 'f.txt', date: '2023-10-03', text: 'Storm in Dakar\n\nSix people were killed when a storm hit Dakar on October 2, 2023.' }));
    const page = await get<EventsResponse>('/api/events?limit=50');
    expect(page.total).toBe(6);
    expect(page.events.map((e) => e.id).sort()).toEqual((await expected()).map((e) => e.id).sort());
  });
});
