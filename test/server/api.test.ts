/**
 * The HTTP API, endpoint by endpoint, on a real SQLite archive in a temp
 * folder, through `app.request()`. Events are a hand-made fixture (the Event
 * contract), so these tests do not depend on what reconcile decides.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app.js';
import { openApiDocument } from '../../src/server/openapi.js';
import type { Event } from '../../src/reconcile/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type {
  ClaimsResponse, DocumentResponse, DocumentsResponse, EventsResponse, SearchResponse, StatsResponse,
} from '../../src/server/types.js';
import { tempDirManual } from '../helpers.js';
import { buildEvent, FLOOD_REPORTS, floodEventSpec, putDocument } from './helpers.js';

let store: SqliteStore;
let app: Hono;
let remove: () => void;
let event: Event;
let ids: string[] = [];
let loads = 0;

beforeAll(async () => {
  const t = tempDirManual();
  remove = t.remove;
  store = new SqliteStore(path.join(t.dir, 'archive.db'));
  await store.migrate();
  ids = [];
  for (const r of FLOOD_REPORTS) ids.push(await putDocument(store, r));
  event = await buildEvent(store, floodEventSpec());
  app = createApp({
    store,
    webRoot: null,
    events: async () => {
      loads++;
      return [event];
    },
  });
});

afterAll(async () => {
  await store.close();
  remove();
});

async function get<T>(url: string, status = 200): Promise<T> {
  const res = await app.request(url);
  const body = (await res.json()) as T;
  expect(res.status, `${url}: ${JSON.stringify(body)}`).toBe(status);
  return body;
}

type Err = { error: { code: string; message: string; details?: Array<{ param: string; message: string }> } };

async function bad(url: string, status: number, code: string, mentions?: string | RegExp): Promise<Err> {
  const res = await app.request(url);
  expect(res.status, url).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as Err;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  if (mentions) expect(body.error.message).toMatch(mentions);
  return body;
}

describe('stats', () => {
  it('counts what the archive holds and says whether ingest is on', async () => {
    const s = await get<StatsResponse>('/api/stats');
    expect(s).toMatchObject({ documents: 3, store: 'sqlite', ingest: false });
    expect(s.claims).toBeGreaterThanOrEqual(5);
  });
});

describe('events', () => {
  it('lists events with their facts in brief', async () => {
    const r = await get<EventsResponse>('/api/events');
    expect(r.events).toHaveLength(1);
    const e = r.events[0]!;
    expect(e).toMatchObject({ id: 'fixture-flood', documents: 2, policy: 'median' });
    expect(e.facts.map((f) => [f.category, f.low, f.best, f.high, f.status])).toEqual([
      ['killed', 12, 15, 15, 'disputed'],
      ['injured', 40, 40, 40, 'consensus'],
    ]);
  });

  it('lists the events a page at a time, with how many there are', async () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ ...event, id: `fixture-${i}`, name: `Event ${i}` }));
    const paged = createApp({ store, webRoot: null, events: async () => many });
    const page = async (q: string) => (await (await paged.request(`/api/events${q}`)).json()) as EventsResponse;
    const first = await page('?limit=3');
    expect(first).toMatchObject({ total: 7, limit: 3, offset: 0, next: 3 });
    expect(first.events.map((e) => e.id)).toEqual(['fixture-0', 'fixture-1', 'fixture-2']);
    const last = await page('?limit=3&offset=6&policy=conservative');
    expect(last).toMatchObject({ total: 7, offset: 6, next: null });
    expect(last.events.map((e) => [e.id, e.policy])).toEqual([['fixture-6', 'conservative']]);
    expect((await page('')).events).toHaveLength(7);
    expect((await page('')).limit).toBe(50);
    expect((await paged.request('/api/events?limit=0')).status).toBe(400);
    expect((await paged.request('/api/events?limit=501')).status).toBe(400);
  });

  it('returns one event with facts, checks, timeline, sources and copies', async () => {
    const e = await get<Event>('/api/events/fixture-flood');
    expect(Object.keys(e)).toEqual(expect.arrayContaining(['facts', 'checks', 'timeline', 'sources', 'copies']));
    expect(e.sources.map((s) => s.outlet)).toEqual(['River Gazette', 'Valley News']);
    expect(e.facts[0]!.claims.map((c) => c.value)).toEqual([12, 15]);
  });

  it('re-chooses best values under another policy, listing the others as alternatives', async () => {
    const e = await get<Event>('/api/events/fixture-flood?policy=conservative');
    const killed = e.facts.find((f) => f.id === 'killed')!;
    expect(e.policy).toBe('conservative');
    expect(killed).toMatchObject({ policy: 'conservative', best: 12 });
    // median (15) and every policy that agreed with it now differ from the best
    expect(killed.alternatives).toContainEqual({ policy: 'median', best: 15 });
    expect(killed.alternatives.some((a) => a.policy === 'conservative')).toBe(false);
    const injured = e.facts.find((f) => f.id === 'injured')!;
    expect(injured).toMatchObject({ best: 40, alternatives: [] });
    const list = await get<EventsResponse>('/api/events?policy=conservative');
    expect(list.events[0]!.facts[0]!.best).toBe(12);
  });

  it('refuses an unknown policy, an unknown event and a malformed id', async () => {
    await bad('/api/events?policy=loudest', 400, 'INVALID_ARGUMENT', /policy must be one of median/);
    await bad('/api/events/fixture-flood?policy=', 400, 'INVALID_ARGUMENT', /policy/);
    await bad('/api/events/no-such-event', 404, 'NOT_FOUND', /no-such-event/);
    await bad('/api/events/..%2f..%2fetc%2fpasswd', 400, 'INVALID_ARGUMENT', /not a valid event id/);
    await bad('/api/events/fixture-flood?colour=red', 400, 'INVALID_ARGUMENT', /unknown parameter "colour"/);
  });

  it('exports the fact sheet as Markdown', async () => {
    const res = await app.request('/api/events/fixture-flood/factsheet.md?policy=median');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await res.text()).toMatch(/^# Riverton flood \(fixture\)/);
    await bad('/api/events/nope/factsheet.md', 404, 'NOT_FOUND');
  });

  it('reconciles once and again only when the archive changes', async () => {
    const before = loads;
    await get('/api/events');
    await get('/api/events/fixture-flood');
    expect(loads - before).toBeLessThanOrEqual(1);
    const settled = loads;
    await get('/api/events');
    expect(loads).toBe(settled);
    await putDocument(store, { source: 'fixture://flood/d.txt', text: 'Later report\n\nThe flood in Riverton injured 41 people, doctors said.\n' });
    await get('/api/events');
    expect(loads).toBe(settled + 1);
  });
});

describe('claims', () => {
  it('filters by category, document, event, location and time', async () => {
    const killed = await get<ClaimsResponse>('/api/claims?category=killed');
    expect(killed.claims.length).toBeGreaterThanOrEqual(3);
    expect(killed.claims.every((c) => c.category === 'killed')).toBe(true);

    const one = await get<ClaimsResponse>(`/api/claims?document=${ids[0]}`);
    expect(one.claims.map((c) => [c.category, c.value])).toEqual([
      ['killed', 12],
      ['injured', 40],
    ]);
    expect(one.claims[0]).toMatchObject({ document: ids[0], quote: 'At least 12 people were killed', approx: 'at_least' });

    // the event's claims are those behind its facts: not the memorial's 15 nor a later report
    const ev = await get<ClaimsResponse>('/api/claims?event=fixture-flood');
    expect(ev.claims.map((c) => c.id).sort()).toEqual(event.facts.flatMap((f) => f.claims.map((c) => c.claim)).sort());

    const place = await get<ClaimsResponse>('/api/claims?location=millbrook');
    expect(place.claims.map((c) => [c.document, c.value])).toEqual([[ids[2], 15]]);

    const march = await get<ClaimsResponse>('/api/claims?from=2024-03-04&to=2024-03-31');
    expect(march.claims.length).toBeGreaterThan(0);
    expect(march.claims.every((c) => c.time && c.time.end >= '2024-03-04' && c.time.start <= '2024-03-31')).toBe(true);
    const never = await get<ClaimsResponse>('/api/claims?from=1800&to=1801');
    expect(never.claims).toEqual([]);
  });

  it('pages with limit and offset', async () => {
    const all = await get<ClaimsResponse>('/api/claims');
    const first = await get<ClaimsResponse>('/api/claims?limit=2');
    expect(first.claims).toEqual(all.claims.slice(0, 2));
    expect(first.next).toBe(2);
    const second = await get<ClaimsResponse>('/api/claims?limit=2&offset=2');
    expect(second.claims).toEqual(all.claims.slice(2, 4));
    const last = await get<ClaimsResponse>(`/api/claims?limit=500&offset=${all.claims.length - 1}`);
    expect(last.claims).toHaveLength(1);
    expect(last.next).toBeNull();
  });

  it('refuses bad parameters with the parameter named', async () => {
    const e = await bad('/api/claims?limit=abc', 400, 'INVALID_ARGUMENT', /limit must be a whole number from 1 to 500/);
    expect(e.error.details?.[0]?.param).toBe('limit');
    await bad('/api/claims?limit=0', 400, 'INVALID_ARGUMENT', /limit/);
    await bad('/api/claims?limit=501', 400, 'INVALID_ARGUMENT', /limit/);
    await bad('/api/claims?limit=1e3', 400, 'INVALID_ARGUMENT', /limit/);
    await bad('/api/claims?offset=-1', 400, 'INVALID_ARGUMENT', /offset/);
    await bad('/api/claims?offset=99999999', 400, 'INVALID_ARGUMENT', /offset/);
    await bad('/api/claims?from=yesterday', 400, 'INVALID_ARGUMENT', /from must be a date/);
    await bad('/api/claims?to=2024-3-1', 400, 'INVALID_ARGUMENT', /to must be a date/);
    await bad('/api/claims?category=Killed;DROP', 400, 'INVALID_ARGUMENT', /category/);
    await bad('/api/claims?document=../../etc/passwd', 400, 'INVALID_ARGUMENT', /document/);
    await bad(`/api/claims?location=${'x'.repeat(201)}`, 400, 'INVALID_ARGUMENT', /location/);
    await bad('/api/claims?event=unknown-event', 404, 'NOT_FOUND');
    await bad('/api/claims?cateogry=killed', 400, 'INVALID_ARGUMENT', /unknown parameter "cateogry"/);
  });
});

describe('documents', () => {
  it('lists documents in ingest order, paged', async () => {
    const r = await get<DocumentsResponse>('/api/documents?limit=2');
    expect(r.documents.map((d) => d.id)).toEqual(ids.slice(0, 2));
    expect(r.next).toBe(2);
    expect(r.documents[0]).toMatchObject({ title: 'Flood in Riverton', outlet: 'River Gazette', published: '2024-03-04', claims: 2 });
    await bad('/api/documents?limit=100000', 400, 'INVALID_ARGUMENT', /limit/);
  });

  it('returns one document with cleaned and original text, claims, mentions and its events', async () => {
    const d = await get<DocumentResponse>(`/api/documents/${ids[1]}`);
    expect(d.original).toBe(FLOOD_REPORTS[1]!.text);
    expect(d.text).toContain('The flood killed 15 people');
    expect(d.claims.map((c) => c.value)).toEqual([15, 40]);
    for (const c of d.claims) {
      expect(d.original.slice(c.start, c.end)).toBe(c.quote);
      expect(d.text.slice(c.text_start, c.text_end)).toBe(c.quote);
    }
    expect(d.mentions.some((m) => m.kind === 'date')).toBe(true);
    expect(d.events).toEqual([{ id: 'fixture-flood', name: 'Riverton flood (fixture)' }]);
    // a unique prefix is enough
    const p = await get<DocumentResponse>(`/api/documents/${ids[1]!.slice(0, 8)}`);
    expect(p.id).toBe(ids[1]);
  });

  it('refuses unknown and malformed ids', async () => {
    await bad('/api/documents/0123456789abcdef', 404, 'NOT_FOUND');
    await bad('/api/documents/not-hex', 400, 'INVALID_ARGUMENT', /not a valid document id/);
    await bad('/api/documents/..%2F..%2Fetc%2Fpasswd', 400, 'INVALID_ARGUMENT');
    await bad(`/api/documents/${ids[0]}?full=1`, 400, 'INVALID_ARGUMENT', /unknown parameter/);
  });
});

describe('search', () => {
  it('finds documents with snippets, highlight ranges and facets', async () => {
    const r = await get<SearchResponse>('/api/search?q=Riverton');
    expect(r.total).toBeGreaterThanOrEqual(2);
    for (const h of r.hits) {
      expect(h.snippet).not.toMatch(/[\u0002\u0003]/);
      expect(h.highlights.length).toBeGreaterThan(0);
      for (const [s, e] of h.highlights) expect(h.snippet.slice(s, e).toLowerCase()).toBe('riverton');
    }
    expect(r.facets.outlet).toEqual(expect.arrayContaining([{ value: 'River Gazette', count: 1 }]));
    expect(r.facets.year).toEqual(expect.arrayContaining([{ value: '2024', count: 2 }]));
  });

  it('filters by outlet, language and dates, and pages', async () => {
    const gazette = await get<SearchResponse>('/api/search?q=flood&outlet=River%20Gazette');
    expect(gazette.hits.map((h) => h.id)).toEqual([ids[0]]);
    const y2025 = await get<SearchResponse>('/api/search?q=flood&from=2025-01-01&to=2025-12-31');
    expect(y2025.hits.map((h) => h.id)).toEqual([ids[2]]);
    const fr = await get<SearchResponse>('/api/search?q=flood&language=fr');
    expect(fr.total).toBe(0);
    const page = await get<SearchResponse>('/api/search?q=flood&limit=1&offset=1');
    expect(page.hits).toHaveLength(1);
    expect(page.offset).toBe(1);
  });

  it('treats query syntax as words, and refuses a missing or oversized query', async () => {
    const r = await get<SearchResponse>('/api/search?q=' + encodeURIComponent('Riverton" OR NEAR(x'));
    expect(r.total).toBeGreaterThanOrEqual(0);
    await bad('/api/search', 400, 'INVALID_ARGUMENT', /q/);
    await bad('/api/search?q=%20%20', 400, 'INVALID_ARGUMENT', /q must not be empty/);
    await bad(`/api/search?q=${'a'.repeat(501)}`, 400, 'INVALID_ARGUMENT', /longer than 500/);
    await bad('/api/search?q=x&language=english!', 400, 'INVALID_ARGUMENT', /language/);
  });
});

describe('exports', () => {
  it('streams the archive as JSON with documents and events', async () => {
    const res = await app.request('/api/export?format=json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="reckon.json"/);
    const body = JSON.parse(await res.text()) as { documents: Array<{ id: string; claims: unknown[] }>; events: Event[] };
    expect(body.documents.map((d) => d.id)).toEqual(expect.arrayContaining(ids));
    expect(body.events.map((e) => e.id)).toEqual(['fixture-flood']);
  });

  it('streams claims as CSV and events as JSON Lines', async () => {
    const csv = await (await app.request('/api/export?format=csv')).text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^document,source,outlet,published,claim,category,value/);
    expect(lines.some((l) => l.includes('At least 12 people were killed'))).toBe(true);
    const jsonl = await (await app.request('/api/export?format=jsonl')).text();
    const types = jsonl.trim().split('\n').map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types).toContain('document');
    expect(types[types.length - 1]).toBe('event');
  });

  it('refuses an unknown format', async () => {
    await bad('/api/export?format=xml', 400, 'INVALID_ARGUMENT', /format must be json, jsonl or csv/);
  });
});

describe('errors and description', () => {
  it('answers unknown paths with the error envelope', async () => {
    await bad('/api/nothing-here', 404, 'NOT_FOUND');
    await bad('/nothing-here', 404, 'NOT_FOUND');
  });

  it('describes every route in OpenAPI 3.1, and nothing else', async () => {
    const doc = await get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    const toOpenApi = (p: string) => p.replace(/:([A-Za-z]+)/g, '{$1}');
    const routes = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${toOpenApi(r.path)}`);
    // GET/PUT/PATCH/DELETE on /api/ingest only answer 405
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)));
    const undocumented = routes.filter((r) => !documented.has(r) && !/^(get|put|patch|delete) \/api\/ingest$/.test(r));
    expect(undocumented).toEqual([]);
    const routeSet = new Set(routes);
    expect([...documented].filter((d) => !routeSet.has(d))).toEqual([]);
    expect(doc).toEqual(openApiDocument());
  });
});

describe('events from reconcile', () => {
  it('serves what reconcile makes of the archive when no events are injected', async () => {
    const real = createApp({ store, webRoot: null });
    const res = await real.request('/api/events');
    expect(res.status).toBe(200);
    const body = (await res.json()) as EventsResponse;
    expect(Array.isArray(body.events)).toBe(true);
    for (const e of body.events) expect(e.documents).toBeGreaterThan(0);
  });
});
