/**
 * Who a client is, decided from real connections: the rate limit counts a
 * client's address, not its connection (each request here goes over a TCP
 * connection of its own), trusts X-Forwarded-For only when told to, and
 * remembers a bounded number of clients.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientKey, RateLimiter } from '../../src/server/guards.js';
import { startServer, type Running } from '../../src/server/index.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { tempDirManual } from '../helpers.js';
import { FLOOD_REPORTS, putDocument, rawRequest, type RawResponse } from './helpers.js';

let remove: () => void;
let store: SqliteStore;
const servers: Running[] = [];

beforeAll(async () => {
  const t = tempDirManual();
  remove = t.remove;
  store = new SqliteStore(path.join(t.dir, 'archive.db'));
  await store.migrate();
  await putDocument(store, FLOOD_REPORTS[0]!);
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await store.close();
  remove();
});

/** A server whose buckets hold 3 requests and refill too slowly to matter within a test. */
async function serve(options: { trustProxy?: boolean } = {}): Promise<Running> {
  const running = await startServer({ store, webRoot: null, port: 0, limits: { rate: { perSecond: 0.001, burst: 3 } }, ...options });
  servers.push(running);
  return running;
}

const errorCode = (r: RawResponse) => (JSON.parse(r.body) as { error: { code: string } }).error.code;

describe('the rate limit over real connections', () => {
  it('counts a client across many connections (a new one per request)', async () => {
    const s = await serve();
    const answers: RawResponse[] = [];
    for (let i = 0; i < 5; i++) answers.push(await rawRequest(s.port, '/api/stats'));
    // five connections, not one kept alive
    expect(new Set(answers.map((a) => a.localPort)).size).toBe(5);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
    const refused = answers[3]!;
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
  });

  it('counts connections opened at the same time as one client', async () => {
    const s = await serve();
    const answers = await Promise.all(Array.from({ length: 8 }, () => rawRequest(s.port, '/api/stats')));
    expect(new Set(answers.map((a) => a.localPort)).size).toBe(8);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(5);
  });

  it('gives another address its own bucket', async () => {
    const s = await serve();
    for (let i = 0; i < 4; i++) await rawRequest(s.port, '/api/stats', { localAddress: '127.0.0.2' });
    expect((await rawRequest(s.port, '/api/stats', { localAddress: '127.0.0.2' })).status).toBe(429);
    const other = await rawRequest(s.port, '/api/stats', { localAddress: '127.0.0.3' });
    expect(other.localAddress).toBe('127.0.0.3');
    expect(other.status).toBe(200);
  });

  it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
    const s = await serve();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await rawRequest(s.port, '/api/stats', { headers: { 'X-Forwarded-For': `203.0.113.${i}` } })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('with trustProxy, counts the address the proxy added (the last), not what the client wrote before it', async () => {
    const s = await serve({ trustProxy: true });
    const via = (chain: string) => rawRequest(s.port, '/api/stats', { headers: { 'X-Forwarded-For': chain } });
    const statuses: number[] = [];
    // the client varies its own entries; the proxy's entry stays 198.51.100.7
    for (let i = 0; i < 4; i++) statuses.push((await via(`10.0.0.${i}, 198.51.100.7`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // a different client behind the same proxy has its own bucket
    expect((await via('198.51.100.8')).status).toBe(200);
    // no usable header: the socket's peer is the client
    for (let i = 0; i < 3; i++) expect((await via('not-an-address')).status).toBe(200);
    expect((await rawRequest(s.port, '/api/stats')).status).toBe(429);
  });
});

describe('client keys and the bucket store', () => {
  it('reads an IPv4-mapped address as IPv4 and an IPv6 address as its /64', () => {
    expect(clientKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientKey('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(clientKey('192.0.2.1')).toBe('192.0.2.1');
    expect(clientKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002::9')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(clientKey('local')).toBe('local');
  });

  it('refills a bucket over time and says how long to wait', () => {
    const rl = new RateLimiter({ perSecond: 2, burst: 2 });
    expect([rl.take('a', 0), rl.take('a', 0)]).toEqual([0, 0]);
    expect(rl.take('a', 0)).toBe(1); // one token comes in 0.5 s: wait is rounded up to whole seconds
    expect(rl.take('a', 499)).toBe(1);
    expect(rl.take('a', 600)).toBe(0);
    expect(rl.take('a', 600)).toBe(1);
    expect(rl.take('b', 600)).toBe(0);
  });

  it('forgets clients whose bucket is full again, and never holds more than its capacity', () => {
    const rl = new RateLimiter({ perSecond: 1, burst: 10 }, 100);
    for (let i = 0; i < 1000; i++) rl.take(`10.0.${i >> 8}.${i & 255}`, 0);
    expect(rl.size).toBe(100);
    // an emptied bucket is kept while it refills...
    for (let i = 0; i < 10; i++) rl.take('a', 1);
    expect(rl.take('a', 1)).toBeGreaterThan(0);
    // ...and every bucket left alone for burst/perSecond = 10 s is dropped (it would be full)
    expect(rl.take('b', 10_000)).toBe(0);
    expect(rl.size).toBe(2);
    expect(rl.take('a', 10_000)).toBe(0);
    expect(rl.take('b', 20_001)).toBe(0);
    expect(rl.size).toBe(1);
  });
});
