/**
 * URL ingest against a local HTTP server (127.0.0.1, a free port): a good
 * page, errors, a page that never answers, a redirect loop, bodies over the
 * size limit (declared, streamed, compressed).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline/ingest.js';
import { openTestStore, tempDir } from '../helpers.js';

const MB = 1048576;
const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Dam breach floods 3 villages | Valley Wire</title>
<meta property="og:site_name" content="Valley Wire">
<meta property="article:published_time" content="2022-04-02T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Dam breach floods 3 villages</h1>
<p>A small dam gave way after days of rain and flooded three villages downstream on Saturday, regional officials said. At least 40 homes were damaged and 2 people were taken to hospital.</p>
<p>Engineers were checking two other dams on the same river, the officials added.</p>
</article></body></html>`;

let server: http.Server;
let base = '';
const hanging = new Set<http.ServerResponse>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (url === '/cp1251') {
      const body = Buffer.from('<html><body><article><p>\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0. \xc2 \xcc\xee\xf1\xea\xe2\xe5 \xef\xf0\xee\xf8\xb8\xeb \xe4\xee\xe6\xe4\xfc.</p></article></body></html>', 'latin1');
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
      res.end(body);
    } else if (url === '/plain') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('Quake kills 7 in hill town\n\nSeven people were killed when an earthquake struck the hill town before dawn on Tuesday, officials said.\n');
    } else if (url === '/moved') {
      res.writeHead(301, { location: '/page' });
      res.end();
    } else if (url === '/missing') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    } else if (url === '/broken') {
      res.writeHead(500);
      res.end();
    } else if (url.startsWith('/loop')) {
      res.writeHead(302, { location: `/loop${Number(url.slice(5) || 0) + 1}` });
      res.end();
    } else if (url === '/hang') {
      hanging.add(res); // never answers
    } else if (url === '/stall') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>The first part of the page arrives and then');
      hanging.add(res); // the rest never comes
    } else if (url === '/big-declared') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(2 * MB) });
      res.end(Buffer.alloc(2 * MB, 'a'));
    } else if (url === '/big-streamed') {
      res.writeHead(200, { 'content-type': 'text/plain' }); // chunked, no length
      let sent = 0;
      const chunk = Buffer.alloc(64 * 1024, 'b');
      const pump = () => {
        while (sent < 3 * MB) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    } else if (url === '/bomb-encoded') {
      const gz = zlib.gzipSync(Buffer.alloc(4 * MB, 'c'));
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip', 'content-length': String(gz.length) });
      res.end(gz);
    } else if (url === '/bomb.txt.gz') {
      const gz = zlib.gzipSync(Buffer.alloc(4 * MB, 'd'));
      res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': String(gz.length) });
      res.end(gz);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('URL ingest', () => {
  it('stores a page with its URL, title, outlet and date; the source is the URL as given', async () => {
    const store = await openTestStore(tempDir());
    const r = await ingest(store, [`${base}/page`]);
    expect(r.failures).toEqual([]);
    expect(r.added).toBe(1);
    const d = (await store.getDocument(`${base}/page`))!;
    expect(d).toMatchObject({
      source: `${base}/page`,
      url: `${base}/page`,
      format: 'html',
      encoding: 'utf-8',
      title: 'Dam breach floods 3 villages',
      outlet: 'Valley Wire',
      published: '2022-04-02',
      language: 'en',
    });
    expect(d.text).toContain('At least 40 homes were damaged and 2 people were taken to hospital.');
    expect(d.text).not.toContain('Home');
  });

  it('follows a redirect and keeps the final address', async () => {
    const store = await openTestStore(tempDir());
    const r = await ingest(store, [`${base}/moved`]);
    expect(r.failures).toEqual([]);
    const d = (await store.getDocument(`${base}/moved`))!;
    expect(d.url).toBe(`${base}/page`);
  });

  it('uses the charset of the Content-Type header', async () => {
    const store = await openTestStore(tempDir());
    await ingest(store, [`${base}/cp1251`]);
    const d = (await store.getDocument(`${base}/cp1251`))!;
    expect(d.encoding).toBe('windows-1251');
    expect(d.text).toContain('Привет, мир. В Москве прошёл дождь.');
  });

  it('reads text/plain by its content type', async () => {
    const store = await openTestStore(tempDir());
    await ingest(store, [`${base}/plain`]);
    const d = (await store.getDocument(`${base}/plain`))!;
    expect(d).toMatchObject({ format: 'text', title: 'Quake kills 7 in hill town' });
  });

  it.each([
    ['/missing', 'UNREACHABLE', /^HTTP 404 Not Found$/],
    ['/broken', 'UNREACHABLE', /^HTTP 500 Internal Server Error$/],
    ['/loop', 'UNREACHABLE', /^more than 5 redirects$/],
    ['/hang', 'TIMEOUT', /^no answer within 0\.4 s$/],
    ['/stall', 'TIMEOUT', /^no complete answer within 0\.4 s$/],
    ['/big-declared', 'TOO_LARGE', /^too large \(2\.0 MB > 1\.0 MB limit\)$/],
    ['/big-streamed', 'TOO_LARGE', /^too large \(over 1\.0 MB limit\)$/],
    ['/bomb-encoded', 'TOO_LARGE', /^too large \(over 1\.0 MB limit\)$/],
    ['/bomb.txt.gz', 'TOO_LARGE', /^decompresses to more than 1\.0 MB \(a gzip bomb\?\)$/],
  ])('%s fails with %s and a one-line reason', async (pathname, code, reason) => {
    const store = await openTestStore(tempDir());
    const started = Date.now();
    const r = await ingest(store, [`${base}${pathname}`], { timeoutMs: 400, maxBytes: MB });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ source: `${base}${pathname}`, code });
    expect(r.failures[0]!.message).toMatch(reason);
    expect(r.added).toBe(0);
  });

  it('a refused connection fails with the reason', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const store = await openTestStore(tempDir());
    const r = await ingest(store, [`http://127.0.0.1:${port}/x`], { timeoutMs: 2000 });
    expect(r.failures).toEqual([{ source: `http://127.0.0.1:${port}/x`, code: 'UNREACHABLE', message: 'cannot be fetched (ECONNREFUSED)' }]);
  });

  it('stores the good pages of a batch of good and bad URLs, once', async () => {
    const store = await openTestStore(tempDir());
    const urls = ['/page', '/missing', '/hang', '/plain', '/loop', '/big-streamed'].map((p) => `${base}${p}`);
    const r = await ingest(store, urls, { timeoutMs: 400, maxBytes: MB });
    expect(r.added).toBe(2);
    expect(r.failures.map((f) => f.source)).toEqual(['/missing', '/hang', '/loop', '/big-streamed'].map((p) => `${base}${p}`));
    const again = await ingest(store, urls, { timeoutMs: 400, maxBytes: MB });
    expect(again).toMatchObject({ added: 0, versions: 0, duplicates: 2 });
    expect((await store.stats()).documents).toBe(2);
  });
});
