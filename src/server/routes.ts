/**
 * The API's routes: each validates its input, asks the store or the event
 * cache, and returns JSON (or a stream for exports). No rules live here.
 */
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ReckonError } from '../core/errors.js';
import { ANALYZER_VERSION } from '../analyze/index.js';
import { exportClaim, exportDocument } from '../export/documents.js';
import { factSheetMarkdown } from '../export/markdown.js';
import { exportCsv, exportJson, exportJsonl } from '../export/stream.js';
import { recordToInput } from '../ingest/formats.js';
import { signatureEntry } from '../pipeline/events.js';
import { prepareDocument, type Prepared } from '../pipeline/prepare.js';
import { unmark } from '../store/fts.js';
import type { Store, StoredClaim } from '../store/types.js';
import { VERSION } from '../version.js';
import { problemResponse, Refusal, toProblem } from './errors.js';
import { eventUnder, summarize, type EventSource } from './events.js';
import { requireToken } from './guards.js';
import { openApiDocument } from './openapi.js';
import {
  ClaimsQuery, DOCUMENT_ID, DocumentsQuery, EVENT_ID, EventListQuery, EventsQuery, ExportQuery, IngestBody, SearchQuery,
  validBody, validId, validQuery,
} from './params.js';
import type {
  ApiClaim, ClaimsResponse, DocumentResponse, DocumentsResponse, EventsResponse, IngestItemResult, IngestResponse,
  SearchResponse, StatsResponse,
} from './types.js';

export interface RouteContext {
  store: Store;
  events: EventSource;
  token: string | null;
  bodyBytes: number;
}

const apiClaim = (c: StoredClaim): ApiClaim => ({ ...exportClaim(c), document: c.document });

/** Streams an async generator of text as the response body. */
function streamText(gen: AsyncGenerator<string>, type: string, filename: string): Response {
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(ctl) {
      try {
        const r = await gen.next();
        if (r.done) ctl.close();
        else ctl.enqueue(enc.encode(r.value));
      } catch (e) {
        ctl.error(e);
      }
    },
    async cancel() {
      await gen.return(undefined);
    },
  });
  STREAMED.add(body);
  return new Response(body, { headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${filename}"` } });
}

/** Bodies that streamText made: long answers, counted as in flight until they end (see createApp). */
const STREAMED = new WeakSet<ReadableStream<Uint8Array>>();

export function isStreamed(body: ReadableStream<Uint8Array>): boolean {
  return STREAMED.has(body);
}

/** The same stream, calling `end` once when it is read to its end, fails or is cancelled. */
export function untilEnd(body: ReadableStream<Uint8Array>, end: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(ctl) {
      try {
        const r = await reader.read();
        if (r.done) {
          end();
          ctl.close();
        } else ctl.enqueue(r.value);
      } catch (e) {
        end();
        ctl.error(e);
      }
    },
    async cancel(reason) {
      end();
      await reader.cancel(reason);
    },
  });
}

export function registerRoutes(app: Hono, ctx: RouteContext): void {
  const { store, events } = ctx;

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/api/stats', async (c) => {
    validQuery(c, EventsQuery.pick({}));
    const body: StatsResponse = { version: VERSION, store: store.kind, ingest: Boolean(ctx.token), ...(await store.stats()) };
    return c.json(body);
  });

  app.get('/api/events', async (c) => {
    const q = validQuery(c, EventListQuery);
    const { events: page, total } = await events.page(q.offset, q.limit);
    const next = q.offset + q.limit < total ? q.offset + q.limit : null;
    const body: EventsResponse = { events: page.map((e) => summarize(eventUnder(e, q.policy))), total, limit: q.limit, offset: q.offset, next };
    return c.json(body);
  });

  app.get('/api/events/:id', async (c) => {
    const id = validId(c, 'id', EVENT_ID, 'event id');
    const q = validQuery(c, EventsQuery);
    return c.json(eventUnder(await needEvent(events, id), q.policy));
  });

  app.get('/api/events/:id/factsheet.md', async (c) => {
    const id = validId(c, 'id', EVENT_ID, 'event id');
    const q = validQuery(c, EventsQuery);
    const md = factSheetMarkdown(eventUnder(await needEvent(events, id), q.policy));
    c.header('Content-Disposition', `inline; filename="${id.replace(/[^A-Za-z0-9_-]/g, '_')}.md"`);
    return c.body(md, 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
  });

  app.get('/api/claims', async (c) => {
    const q = validQuery(c, ClaimsQuery);
    const filter = {
      ...(q.document ? { documents: [q.document] } : {}),
      ...(q.category ? { category: q.category } : {}),
      ...(q.location ? { location: q.location } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
    };
    let page: StoredClaim[];
    if (q.event) {
      // the claims behind the event's facts
      const ev = await needEvent(events, q.event);
      const ids = new Set(ev.facts.flatMap((f) => f.claims.map((fc) => fc.claim)));
      const docs = q.document ? [q.document] : ev.documents;
      const all = docs.length ? await store.claims({ ...filter, documents: docs }) : [];
      page = all.filter((cl) => ids.has(cl.id)).slice(q.offset, q.offset + q.limit + 1);
    } else {
      page = await store.claims({ ...filter, limit: q.limit + 1, offset: q.offset });
    }
    const more = page.length > q.limit;
    const body: ClaimsResponse = { claims: page.slice(0, q.limit).map(apiClaim), limit: q.limit, offset: q.offset, next: more ? q.offset + q.limit : null };
    return c.json(body);
  });

  app.get('/api/documents', async (c) => {
    const q = validQuery(c, DocumentsQuery);
    const docs = await store.listDocuments({ limit: q.limit + 1, offset: q.offset });
    const more = docs.length > q.limit;
    const body: DocumentsResponse = { documents: docs.slice(0, q.limit), limit: q.limit, offset: q.offset, next: more ? q.offset + q.limit : null };
    return c.json(body);
  });

  app.get('/api/documents/:id', async (c) => {
    const id = validId(c, 'id', DOCUMENT_ID, 'document id');
    validQuery(c, DocumentsQuery.pick({}));
    const d = await store.getDocument(id);
    if (!d) throw new ReckonError('NOT_FOUND', `no document "${id}"`);
    const [claims, mentions, evs] = await Promise.all([store.claims({ documents: [d.id], latestOnly: false }), store.mentions(d.id), events.ofDocument(d.id)]);
    const { mentions: _m, ...doc } = exportDocument(d, claims);
    void _m;
    const body: DocumentResponse = {
      ...doc,
      original: d.original,
      mentions,
      events: evs,
    };
    return c.json(body);
  });

  app.get('/api/search', async (c) => {
    const q = validQuery(c, SearchQuery);
    const r = await store.search(q.q, { limit: q.limit, offset: q.offset, outlet: q.outlet, language: q.language, from: q.from, to: q.to });
    const body: SearchResponse = {
      query: q.q,
      total: r.total,
      limit: q.limit,
      offset: q.offset,
      hits: r.hits.map((h) => {
        const { text, highlights } = unmark(h.snippet);
        return { ...h, snippet: text, highlights };
      }),
      facets: r.facets,
    };
    return c.json(body);
  });

  app.get('/api/export', async (c) => {
    const q = validQuery(c, ExportQuery);
    const evs = await events.all();
    if (q.format === 'csv') return streamText(exportCsv(store), 'text/csv; charset=utf-8', 'reckon-claims.csv');
    if (q.format === 'jsonl') return streamText(exportJsonl(store, { events: evs }), 'application/x-ndjson; charset=utf-8', 'reckon.jsonl');
    return streamText(exportJson(store, { events: evs }), 'application/json; charset=utf-8', 'reckon.json');
  });

  const tooLarge = bodyLimit({
    maxSize: ctx.bodyBytes,
    onError: (c) => problemResponse(c, new ReckonError('TOO_LARGE', `the request body is over ${Math.round(ctx.bodyBytes / 1048576)} MB`)),
  });

  app.post('/api/ingest', requireToken(ctx.token), tooLarge, async (c) => ingestRoute(c, store));
  app.on(['GET', 'PUT', 'PATCH', 'DELETE'], '/api/ingest', () => {
    throw new Refusal('METHOD_NOT_ALLOWED', 'use POST to ingest', { Allow: 'POST' });
  });
}

async function needEvent(events: EventSource, id: string) {
  const e = await events.find(id);
  if (!e) throw new ReckonError('NOT_FOUND', `no event "${id}"`);
  return e;
}

async function ingestRoute(c: Context, store: Store): Promise<Response> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch (e) {
    if (e instanceof Error && /body|size|large/i.test(e.message) && !(e instanceof SyntaxError)) throw e;
    throw new ReckonError('INVALID_ARGUMENT', 'the body is not JSON: send {"documents": [{"text": "…"}]}');
  }
  const body = validBody(json, IngestBody);
  const results: IngestItemResult[] = [];
  const ready: Array<{ index: number; prepared: Prepared }> = [];
  body.documents.forEach((d, index) => {
    const content = d.html ?? d.text ?? '';
    const source = d.url ?? `api:${createHash('sha256').update(content, 'utf8').digest('hex').slice(0, 16)}`;
    try {
      ready.push({ index, prepared: prepareDocument(recordToInput(d, source, 'utf-8')) });
    } catch (e) {
      results.push({ index, error: toProblem(e).body.error });
    }
  });
  const items = ready.map(({ prepared: { doc, analysis } }) => ({ doc, analysis, derived: [signatureEntry(doc.published, analysis, ANALYZER_VERSION, doc.title)] }));
  const put = items.length ? await store.putDocuments(items, ANALYZER_VERSION) : [];
  put.forEach((p, i) => {
    const r = ready[i]!;
    results.push({ index: r.index, status: p.status, id: p.id, version: p.version, claims: r.prepared.analysis.claims.length });
  });
  results.sort((a, b) => a.index - b.index);
  const count = (s: string) => results.filter((r) => r.status === s).length;
  const out: IngestResponse = { added: count('added'), versions: count('version'), duplicates: count('duplicate'), failed: results.filter((r) => r.error).length, results };
  if (!ready.length) {
    const first = results[0]!.error!;
    return c.json({ error: { ...first, message: `no document could be stored: ${first.message}`, details: results } }, 422);
  }
  return c.json(out, out.added || out.versions ? 201 : 200);
}
