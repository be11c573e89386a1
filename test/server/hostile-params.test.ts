/**
 * Every parameter of every route, fed hostile values (fast-check): path
 * traversal in every encoding, SQL and FTS syntax, NUL and control
 * characters, bidi overrides, huge and malformed numbers, markup. The server
 * answers each with a 2xx or a 4xx problem in JSON, never a 5xx, never a file
 * outside its web folder, never a header that breaks, and within its time
 * limit. (Known traversal paths one by one are in security.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { Event } from '../../src/reconcile/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { tempDirManual } from '../helpers.js';
import { buildEvent, FLOOD_REPORTS, floodEventSpec, putDocument } from './helpers.js';

const SECRET = 'TOP-SECRET-7f3a';
const RUNS = Number(process.env.RECKON_PROPERTY_RUNS ?? 0) * 3 || 400;

let app: Hono;
let store: SqliteStore;
let event: Event;
let docId: string;
const tmp = tempDirManual();

beforeAll(async () => {
  store = new SqliteStore(path.join(tmp.dir, 'archive.db'));
  await store.migrate();
  for (const r of FLOOD_REPORTS) docId = await putDocument(store, r);
  event = await buildEvent(store, floodEventSpec());
  const web = path.join(tmp.dir, 'web');
  fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>page</title>');
  fs.writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(tmp.dir, 'secret.js'), SECRET);
  fs.writeFileSync(path.join(web, '.secret.js'), SECRET);
  app = createApp({ store, webRoot: web, events: async () => [event], token: 'a-long-enough-token', limits: { rate: { perSecond: 1e9, burst: 1e9 }, requestMs: 5000 } });
});

afterAll(async () => {
  await store.close();
  tmp.remove();
});

const HOSTILE = [
  '..', '../', '../../secret.txt', '..%2f..%2fsecret.txt', '%2e%2e%2f%2e%2e%2fsecret.txt', '%252e%252e%252fsecret.txt', '..\\..\\secret.txt',
  '/etc/passwd', 'file:///etc/passwd', '....//....//secret.txt', '.secret.js', '%00', '\u0000', 'x\u0000.js', '%c0%ae%c0%ae/secret.txt',
  "' OR 1=1 --", '"; DROP TABLE documents; --', "1' UNION SELECT original FROM documents --", 'NEAR(', '"', '*', 'OR', '%', '_', '\\',
  '<script>alert(1)</script>', 'javascript:alert(1)', '\r\nSet-Cookie: x=1', '\u202egnp.exe', '😀', '\ud800', '-1', '1e309', 'NaN', '0x10',
  '99999999999999999999', '1.5', ' 1', '', ' ', 'a'.repeat(3000), '%', '%zz', '%%', 'policy', 'null', 'undefined', '[]', '{}',
];
const value = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.tuple(fc.constantFrom(...HOSTILE), fc.constantFrom(...HOSTILE)).map(([a, b]) => `${a}${b}`));

/** encodeURIComponent, with a lone surrogate sent as the replacement character (it cannot be encoded) */
const enc = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
/** A path segment as a client could send it: raw, encoded once, or encoded twice. */
const segment = fc.tuple(value, fc.constantFrom('raw', 'once', 'twice')).map(([v, how]) => (how === 'raw' ? v.replace(/[?#]/g, '') : how === 'once' ? enc(v) : enc(enc(v))));
const query = (params: Record<string, string>) => Object.entries(params).map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');

const requests = fc.oneof(
  segment.map((s) => `/api/documents/${s}`),
  segment.map((s) => `/api/events/${s}`),
  segment.map((s) => `/api/events/${s}/factsheet.md`),
  segment.map((s) => `/${s}`),
  segment.map((s) => `/assets/${s}`),
  fc.tuple(segment, segment).map(([a, b]) => `/${a}/${b}`),
  fc.tuple(fc.constantFrom('event', 'category', 'document', 'location', 'from', 'to', 'limit', 'offset', 'colour'), value).map(([k, v]) => `/api/claims?${query({ [k]: v })}`),
  fc.tuple(fc.constantFrom('q', 'outlet', 'language', 'from', 'to', 'limit', 'offset'), value).map(([k, v]) => `/api/search?${query(k === 'q' ? { q: v } : { q: 'flood', [k]: v })}`),
  fc.tuple(fc.constantFrom('limit', 'offset'), value).map(([k, v]) => `/api/documents?${query({ [k]: v })}`),
  value.map((v) => `/api/events?${query({ policy: v })}`),
  value.map((v) => `/api/events/${enc(event.id)}?${query({ policy: v })}`),
  value.map((v) => `/api/export?${query({ format: v })}`),
  value.map((v) => `/api/documents/${docId}?${query({ [v || 'x']: '1' })}`),
);

describe('hostile values in every parameter', () => {
  it('get a 2xx or a JSON 4xx, never a 5xx, a file outside the web folder, or a broken header', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requests, async (url) => {
        const t0 = Date.now();
        const res = await app.request(url);
        const body = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, url).toBeLessThan(500);
        expect(body, url).not.toContain(SECRET);
        expect(body).not.toMatch(/root:x:0:0/);
        expect(Date.now() - t0).toBeLessThan(5000);
        if (res.status >= 400) {
          expect(res.headers.get('content-type'), url).toMatch(/^application\/json/);
          const err = (JSON.parse(body) as { error: { code: string; message: string } }).error;
          expect(err.code).toMatch(/^[A-Z_]+$/);
          expect(err.message).not.toMatch(/\n|SQLITE|at .+\.ts:\d+/);
        }
        for (const [k, v] of res.headers) expect(`${k}: ${v}`, url).not.toMatch(/[\r\n\u0000]/);
        expect(res.headers.get('set-cookie')).toBeNull();
      }),
      { numRuns: RUNS },
    );
    console.log(`[hostile params] ${RUNS} requests: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${n} × ${s}`).join(', ')}`);
    // the property reached the routes, not only the 404 handler
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  }, 60_000);

  it('hostile values in the ingest body are refused or stored as text, never run or echoed into a header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('text', 'html', 'title', 'url', 'date', 'outlet', 'language'), value, async (field, v) => {
        const doc: Record<string, string> = { text: 'Two people were injured in Riverton on Monday, police said.' };
        doc[field] = field === 'html' ? `<p>${v}</p><p>Two people were hurt.</p>` : v;
        const res = await app.request('/api/ingest', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer a-long-enough-token' },
          body: JSON.stringify({ documents: [doc] }),
        });
        expect(res.status, `${field}=${JSON.stringify(v).slice(0, 80)}`).toBeLessThan(500);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        for (const [k, h] of res.headers) expect(`${k}: ${h}`).not.toMatch(/[\r\n\u0000]/);
      }),
      { numRuns: 150 },
    );
    expect(await store.check()).toEqual([]);
  }, 60_000);
});
