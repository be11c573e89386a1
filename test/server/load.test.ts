/**
 * A load test on loopback (autocannon against 127.0.0.1 only, bounded in
 * connections and time) on the seed reports' archive: every answer is a 2xx,
 * no connection error or timeout; the p99 latency is printed. The rate limit
 * is opened for this run (createApp's limits); a second, short run with the
 * default limits shows the limiter answering the same load with 429s, and
 * nothing worse. Skipped, with a notice, where ../shared/corpus/seeds is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline/ingest.js';
import { startServer, type Running } from '../../src/server/index.js';
import { defaultWebRoot, hasWebBuild } from '../../src/server/static.js';
import type { EventsResponse } from '../../src/server/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { SEEDS, tempDirManual } from '../helpers.js';

const CONNECTIONS = 10;
const SECONDS = 5;

const hasSeeds = fs.existsSync(SEEDS);
if (!hasSeeds) console.warn(`[reckon tests] ${SEEDS} is absent: the load test is skipped`);

describe.skipIf(!hasSeeds)('the server under load on loopback (seed archive)', () => {
  const tmp = tempDirManual();
  let store: SqliteStore;
  let open: Running;
  let limited: Running;
  let paths: string[] = [];

  beforeAll(async () => {
    store = new SqliteStore(path.join(tmp.dir, 'seeds.db'));
    await store.migrate();
    const r = await ingest(store, [SEEDS]);
    expect(r.failures).toEqual([]);
    const webRoot = hasWebBuild(defaultWebRoot()) ? defaultWebRoot() : null;
    open = await startServer({ store, host: '127.0.0.1', port: 0, webRoot, limits: { rate: { perSecond: 1e9, burst: 1e9 } } });
    limited = await startServer({ store, host: '127.0.0.1', port: 0, webRoot: null });
    // what the page asks for: events, an event, documents, a document, claims, search
    const events = (await (await fetch(`${open.url}/api/events`)).json()) as EventsResponse;
    const docs = await store.listDocuments();
    expect(docs.length).toBeGreaterThan(0);
    paths = [
      '/api/stats',
      '/api/events',
      ...events.events.slice(0, 2).map((e) => `/api/events/${encodeURIComponent(e.id)}`),
      '/api/documents?limit=20',
      ...docs.slice(0, 3).map((d) => `/api/documents/${d.id}`),
      '/api/claims?category=killed&limit=50',
      '/api/search?q=Baku',
      '/api/search?q=January%2020',
      ...(webRoot ? ['/'] : []),
    ];
    for (const p of paths) expect((await fetch(`${open.url}${p}`)).status, p).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await open?.close();
    await limited?.close();
    await store?.close();
    tmp.remove();
  });

  it(`${CONNECTIONS} connections for ${SECONDS} s: every answer a 2xx, no error, no timeout`, async () => {
    expect(new URL(open.url).hostname).toBe('127.0.0.1');
    const result = await autocannon({
      url: open.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 10,
      requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
    });
    const total = result['2xx'] + result.non2xx;
    console.log(
      `[load] ${CONNECTIONS} connections × ${SECONDS} s on 127.0.0.1, ${paths.length} endpoints: ${total} requests (${Math.round(result.requests.average)}/s), ` +
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
    );
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result['2xx']).toBeGreaterThan(100);
    // the server is still well afterwards
    expect((await fetch(`${open.url}/api/stats`)).status).toBe(200);
  }, 60_000);

  it('with the default rate limit, the same load is refused with 429s, never a 5xx or a dropped connection', async () => {
    const result = await autocannon({ url: limited.url, connections: CONNECTIONS, duration: 2, timeout: 10, requests: [{ method: 'GET', path: '/api/stats' }] });
    console.log(`[load] default limits, 2 s: ${result['2xx']} × 2xx, ${result['4xx']} × 4xx, ${result['5xx']} × 5xx, errors ${result.errors}`);
    expect(result.errors).toBe(0);
    expect(result['5xx']).toBe(0);
    expect(result['2xx']).toBeGreaterThan(0);
    expect(result.statusCodeStats?.['429']?.count ?? 0).toBeGreaterThan(0);
    expect(result['4xx']).toBe(result.statusCodeStats?.['429']?.count ?? 0);
  }, 30_000);
});
