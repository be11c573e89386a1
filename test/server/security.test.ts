/**
 * What the server refuses: writes without the token, oversized bodies, too
 * many requests, slow requests, paths that try to leave the web folder; and
 * the headers every answer carries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, DEFAULT_LIMITS } from '../../src/server/app.js';
import { startServer, type Running } from '../../src/server/index.js';
import { CONTENT_SECURITY_POLICY } from '../../src/server/guards.js';
import { resolveStatic } from '../../src/server/static.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Event } from '../../src/reconcile/types.js';
import type { IngestResponse, SearchResponse } from '../../src/server/types.js';
import { tempDirManual } from '../helpers.js';
import { FLOOD_REPORTS, putDocument, rawRequest } from './helpers.js';

const TOKEN = 'correct-horse-battery-staple';

let dir: string;
let remove: () => void;
let store: SqliteStore;
let webRoot: string;

beforeAll(async () => {
  const t = tempDirManual();
  dir = t.dir;
  remove = t.remove;
  store = new SqliteStore(path.join(dir, 'archive.db'));
  await store.migrate();
  await putDocument(store, FLOOD_REPORTS[0]!);
  // a web folder, a secret beside it, and a link inside it pointing out
  webRoot = path.join(dir, 'web');
  fs.mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>page</title><script type="module" src="/assets/app.js"></script>');
  fs.writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(webRoot, '.env'), 'SECRET=hidden');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'TOP SECRET');
  fs.writeFileSync(path.join(dir, 'secret.js'), 'TOP SECRET');
  fs.symlinkSync(path.join(dir, 'secret.js'), path.join(webRoot, 'assets', 'link.js'));
});

afterAll(async () => {
  await store.close();
  remove();
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const auth = { Authorization: `Bearer ${TOKEN}` };
const doc = (text: string, extra: Record<string, unknown> = {}) => ({ documents: [{ text, ...extra }] });

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return body.error;
}

describe('ingest and its token', () => {
  it('is refused (403) when the server was started without a token, whatever is sent', async () => {
    const app = createApp({ store, webRoot: null });
    const res = await app.request('/api/ingest', json(doc('Two people were killed.'), auth));
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/--token/) });
  });

  it('needs the exact bearer token (401 otherwise)', async () => {
    const app = createApp({ store, webRoot: null, token: TOKEN });
    const cases: Array<Record<string, string>> = [
      {},
      { Authorization: 'Bearer' },
      { Authorization: 'Bearer wrong-token' },
      { Authorization: `Bearer ${TOKEN}x` },
      { Authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { Authorization: `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}` },
      { Authorization: TOKEN },
    ];
    for (const h of cases) {
      const res = await app.request('/api/ingest', json(doc('Two people were killed.'), h));
      expect(res.status, JSON.stringify(h)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await errorOf(res)).code).toBe('UNAUTHORIZED');
    }
  });

  it('stores, analyses and indexes documents sent with the token', async () => {
    const app = createApp({ store, webRoot: null, token: TOKEN });
    const body = {
      documents: [
        { text: 'Storm in Eastbay\n\nNine people were killed in Eastbay on May 2, 2024, police said.', title: 'Storm in Eastbay', outlet: 'Coast Post', date: '2024-05-03' },
        { html: '<html><body><article><h1>Storm</h1><p>Eleven people were injured in Eastbay during the storm, doctors said on Friday.</p></article></body></html>', url: 'https://example.org/storm' },
      ],
    };
    const res = await app.request('/api/ingest', json(body, auth));
    expect(res.status).toBe(201);
    const r = (await res.json()) as IngestResponse;
    expect(r).toMatchObject({ added: 2, failed: 0 });
    expect(r.results.every((x) => x.id && x.status === 'added')).toBe(true);
    const found = (await (await app.request('/api/search?q=Eastbay')).json()) as SearchResponse;
    expect(found.hits.map((h) => h.id).sort()).toEqual(r.results.map((x) => x.id).sort());
    // and keeps what grouping them into events reads
    expect((await store.derived('signature', r.results.map((x) => x.id!))).length).toBe(2);
    const again = await app.request('/api/ingest', json(body, auth));
    expect(again.status).toBe(200);
    expect((await again.json()) as IngestResponse).toMatchObject({ added: 0, duplicates: 2 });
  });

  it('validates the body', async () => {
    const app = createApp({ store, webRoot: null, token: TOKEN });
    const cases: Array<[unknown, RegExp]> = [
      ['{not json', /not JSON/],
      [{}, /documents/],
      [{ documents: [] }, /at least one document/],
      [{ documents: [{ title: 'no text' }] }, /"text" or "html"/],
      [{ documents: [{ text: '   ' }] }, /"text" or "html"/],
      [{ documents: [{ text: 'Two killed.', url: 'javascript:alert(1)' }] }, /url must be an http/],
      [{ documents: [{ text: 'Two killed.', colour: 'red' }] }, /unknown field "colour"/],
      [{ documents: [{ text: 42 }] }, /text/],
      [{ documents: Array.from({ length: 101 }, () => ({ text: 'x' })) }, /at most 100/],
    ];
    for (const [body, message] of cases) {
      const res = await app.request('/api/ingest', json(body as object, auth));
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const e = await errorOf(res);
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toMatch(message);
    }
  });

  it('says 422 when no document could be stored', async () => {
    const app = createApp({ store, webRoot: null, token: TOKEN });
    const res = await app.request('/api/ingest', json({ documents: [{ html: '<html><body><script>var a = 1;</script></body></html>' }] }, auth));
    expect(res.status).toBe(422);
    expect((await errorOf(res)).code).toBe('EMPTY');
  });

  it('answers other methods on /api/ingest with 405', async () => {
    const app = createApp({ store, webRoot: null, token: TOKEN });
    const res = await app.request('/api/ingest');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('limits', () => {
  it('refuses a body over the limit (413), with or without Content-Length', async () => {
    expect(DEFAULT_LIMITS.bodyBytes).toBe(5 * 1048576);
    const app = createApp({ store, webRoot: null, token: TOKEN, limits: { bodyBytes: 2000 } });
    const big = JSON.stringify(doc('Two people were killed. '.repeat(200)));
    const withLength = await app.request('/api/ingest', json(big, { ...auth, 'Content-Length': String(Buffer.byteLength(big)) }));
    expect(withLength.status).toBe(413);
    expect((await errorOf(withLength)).code).toBe('TOO_LARGE');
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const chunked = await app.request('/api/ingest', { method: 'POST', headers: { 'Content-Type': 'application/json', ...auth }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('refuses a 6 MB body under the default limit', async () => {
    const app = createApp({ store, webRoot: null, token: TOKEN });
    const big = JSON.stringify(doc('x'.repeat(6 * 1048576)));
    const res = await app.request('/api/ingest', json(big, auth));
    expect(res.status).toBe(413);
  });

  it('rate-limits each client with a token bucket (429 with Retry-After)', async () => {
    const app = createApp({
      store,
      webRoot: null,
      limits: { rate: { perSecond: 0.5, burst: 3 } },
      clientAddress: (c) => c.req.header('x-test-client') ?? 'a',
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.request('/api/stats', { headers: { 'x-test-client': 'a' } })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await app.request('/api/stats', { headers: { 'x-test-client': 'a' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await errorOf(limited)).code).toBe('RATE_LIMITED');
    // another client has its own bucket
    expect((await app.request('/api/stats', { headers: { 'x-test-client': 'b' } })).status).toBe(200);
  });

  it('answers 504 when a request takes too long', async () => {
    const slow = () => new Promise<Event[]>((r) => setTimeout(() => r([]), 400));
    const app = createApp({ store, webRoot: null, events: slow, limits: { requestMs: 50 } });
    const t0 = Date.now();
    const res = await app.request('/api/events');
    expect(res.status).toBe(504);
    expect(Date.now() - t0).toBeLessThan(350);
    expect((await errorOf(res)).code).toBe('TIMEOUT');
  });

  it('answers 503 when too many requests are in flight', async () => {
    const slow = () => new Promise<Event[]>((r) => setTimeout(() => r([]), 150));
    const app = createApp({ store, webRoot: null, events: slow, limits: { inFlight: 1 } });
    const [a, b] = await Promise.all([app.request('/api/events'), new Promise<Response>((r) => setTimeout(() => r(app.request('/api/events')), 20))]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(503);
    expect((await errorOf(b)).code).toBe('BUSY');
  });

  it('counts a streamed export as in flight until it is read to its end or cancelled', async () => {
    const app = createApp({ store, webRoot: null, events: async () => [], limits: { inFlight: 1 } });
    const a = await app.request('/api/export?format=jsonl');
    expect(a.status).toBe(200);
    expect((await app.request('/api/stats')).status).toBe(503);
    expect(await a.text()).toContain('"type":"document"');
    expect((await app.request('/api/stats')).status).toBe(200);
    const b = await app.request('/api/export?format=csv');
    expect((await app.request('/api/stats')).status).toBe(503);
    await b.body!.cancel();
    expect((await app.request('/api/stats')).status).toBe(200);
  });

  it('a client that goes away in the middle of an export no longer counts as in flight', async () => {
    // an export that never ends: the first document over and over
    const [first] = await store.listDocuments();
    const endless = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'iterateDocuments') {
          return async function* () {
            const d = (await target.getDocument(first!.id))!;
            for (;;) yield d;
          };
        }
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const running = await startServer({ store: endless, webRoot: null, port: 0, events: async () => [], limits: { inFlight: 1 } });
    try {
      const ctl = new AbortController();
      const res = await fetch(`${running.url}/api/export?format=jsonl`, { signal: ctl.signal });
      const reader = res.body!.getReader();
      expect((await reader.read()).done).toBe(false);
      expect((await fetch(`${running.url}/api/stats`)).status).toBe(503);
      ctl.abort();
      await reader.cancel().catch(() => {});
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 40));
        status = (await fetch(`${running.url}/api/stats`)).status;
      }
      expect(status).toBe(200);
    } finally {
      await running.close();
    }
  });
});

const TRAVERSALS = [
  '/..%2f..%2fetc/passwd',
  '/..%2F..%2F..%2Fetc%2Fpasswd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/..%5c..%5cetc%5cpasswd',
  '/%252e%252e%252f%252e%252e%252fetc%252fpasswd',
  '/..%c0%af..%c0%afetc/passwd',
  '/assets/..%2f..%2fsecret.txt',
  '/assets/..%2f..%2fsecret.js',
  '/assets/%2e%2e/%2e%2e/secret.js',
  '/..%2fsecret.js',
  '/assets/link.js',
  '/.env',
  '/index.html%00.js',
  '/assets/app.js%00',
  '/api/documents/..%2f..%2fetc%2fpasswd',
  '/api/events/..%2f..%2fsecret.txt',
  '/api/events/%2e%2e',
  '/api/claims?document=..%2f..%2fetc%2fpasswd',
];

describe('paths', () => {
  it('never leaves the web folder, whatever the encoding (app.request)', async () => {
    const app = createApp({ store, webRoot });
    for (const p of TRAVERSALS) {
      const res = await app.request(p);
      const text = await res.text();
      expect([400, 404], `${p} → ${res.status}`).toContain(res.status);
      expect(text).not.toMatch(/root:|TOP SECRET|SECRET=hidden/);
    }
  });

  it('never leaves the web folder over a real socket (raw, unnormalised paths)', async () => {
    const running = await startServer({ store, webRoot, port: 0 });
    try {
      const raw = (p: string) => rawRequest(running.port, p);
      for (const p of [...TRAVERSALS, '/../../etc/passwd', '/assets/../../secret.js', '/./../secret.txt']) {
        const r = await raw(p);
        expect(r.status, `${p} → ${r.status}`).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(r.body).not.toMatch(/root:|TOP SECRET|SECRET=hidden/);
      }
      const ok = await raw('/assets/app.js');
      expect(ok).toMatchObject({ status: 200, body: 'console.log(1)' });
    } finally {
      await running.close();
    }
  });

  it('resolves only plain files inside the root', () => {
    expect(resolveStatic(webRoot, '/')).toBe(fs.realpathSync(path.join(webRoot, 'index.html')));
    expect(resolveStatic(webRoot, '/assets/app.js')).toBe(fs.realpathSync(path.join(webRoot, 'assets', 'app.js')));
    for (const p of ['/assets', '/assets/', '/../secret.txt', '/assets/link.js', '/%E0%A4%A', '/a/b/c/d/e/f/g/h/i/j.js', '/assets/app.exe']) {
      expect(resolveStatic(webRoot, p), p).toBeNull();
    }
  });

  it('serves the page and its assets with their types', async () => {
    const app = createApp({ store, webRoot });
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>page</title>');
    const js = await app.request('/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
  });
});

describe('headers', () => {
  it('puts the CSP and friends on pages, API answers and errors alike', async () => {
    const app = createApp({ store, webRoot });
    for (const p of ['/', '/api/stats', '/api/nothing', '/api/claims?limit=-1', '/..%2f..%2fetc/passwd']) {
      const res = await app.request(p);
      expect(res.headers.get('content-security-policy'), p).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
  });

  it('never shows an internal error message to the client', async () => {
    const app = createApp({
      store,
      webRoot: null,
      events: async () => {
        throw new Error('secret detail from /home/user/db');
      },
    });
    const res = await app.request('/api/events');
    expect(res.status).toBe(500);
    const e = await errorOf(res);
    expect(e).toEqual({ code: 'INTERNAL', message: 'internal error' });
  });

  it('says the page is not built when web/dist is missing, and still serves the API', async () => {
    const app = createApp({ store, webRoot: path.join(dir, 'no-such-folder') });
    const res = await app.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build:web/);
    expect((await app.request('/api/stats')).status).toBe(200);
  });
});
