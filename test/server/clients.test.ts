/**
 * What the server decides from the connection and its headers, over real
 * connections: who the client is (the rate limit counts a client's address,
 * not its connection: each request here goes over a TCP connection of its
 * own; it trusts X-Forwarded-For only when told to, and remembers a bounded
 * number of clients), which host names it answers to (DNS rebinding), and
 * what it refuses from other sites' pages (Fetch Metadata).
 */
import dns from 'node:dns/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, clientKey, hostName, isLoopback, RateLimiter } from '../../src/server/guards.js';
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

/** A server whose buckets hold `burst` requests (3) and refill too slowly to matter within a test. */
async function serve(options: { trustProxy?: boolean; allowedHosts?: string[]; host?: string; burst?: number } = {}): Promise<Running> {
  const { burst = 3, ...rest } = options;
  const running = await startServer({ store, webRoot: null, port: 0, limits: { rate: { perSecond: 0.001, burst } }, ...rest });
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

describe('the Host header', () => {
  it('refuses a name the server was not given (421, JSON error), whatever the port', async () => {
    const s = await serve({ burst: 100 });
    for (const host of ['evil.example', `evil.example:${s.port}`, 'localhost.evil.example', '127.0.0.1.evil.example', `evil.localhost.example:${s.port}`]) {
      const r = await rawRequest(s.port, '/api/stats', { headers: { Host: host } });
      expect(r.status, host).toBe(421);
      expect(errorCode(r)).toBe('MISDIRECTED');
      expect(JSON.parse(r.body).error.message).toContain('--allowed-host');
      expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    }
    // malformed values are refused too (some already by the HTTP layer, with a 400)
    for (const host of ['evil.example@127.0.0.1', '[evil]', 'localhost:x', 'localhost:80:80', 'local_host..']) {
      const r = await rawRequest(s.port, '/api/stats', { headers: { Host: host } });
      expect([400, 421], `${host} → ${r.status}`).toContain(r.status);
    }
    // the page too, not only the API
    expect((await rawRequest(s.port, '/', { headers: { Host: 'evil.example' } })).status).toBe(421);
  });

  it('answers to this machine\'s names and to IP addresses, with any port', async () => {
    const s = await serve({ burst: 100 });
    for (const host of [`127.0.0.1:${s.port}`, '127.0.0.1', `localhost:${s.port}`, 'LocalHost', 'localhost.', `[::1]:${s.port}`, 'app.localhost', `192.0.2.10:${s.port}`, '[2001:db8::1]:80']) {
      const r = await rawRequest(s.port, '/api/stats', { headers: { Host: host } });
      expect(r.status, host).toBe(200);
    }
  });

  it('answers to the names given with allowedHosts, and only to those', async () => {
    const s = await serve({ allowedHosts: ['reckon.test', 'Archive.Example.ORG.'], burst: 100 });
    const status = async (host: string) => (await rawRequest(s.port, '/api/stats', { headers: { Host: host } })).status;
    expect(await status('reckon.test')).toBe(200);
    expect(await status(`RECKON.test:${s.port}`)).toBe(200);
    expect(await status('archive.example.org:443')).toBe(200);
    expect(await status('sub.reckon.test')).toBe(421);
    expect(await status('reckon.test.evil.example')).toBe(421);
    expect(await status('example.org')).toBe(421);
  });

  it('is checked before the rate limit, so refused names do not use up the local bucket', async () => {
    const s = await serve();
    for (let i = 0; i < 5; i++) expect((await rawRequest(s.port, '/api/stats', { headers: { Host: 'evil.example' } })).status).toBe(421);
    expect((await rawRequest(s.port, '/api/stats')).status).toBe(200);
  });

  it('reads names and Host values alike', () => {
    expect(hostName('Example.ORG.:8080')).toBe('example.org');
    expect(hostName('::1')).toBe('[::1]');
    expect(hostName('[::1]:8080')).toBe('[::1]');
    for (const bad of ['', 'http://example.org', 'example.org/path', 'a b', '[::1', '[example.org]', '.example.org', 'a..b', 'user@host', 'example.org:', 'example.org:123456']) {
      expect(hostName(bad), bad).toBeNull();
    }
  });

  it('tells addresses only this machine reaches from the others', () => {
    for (const local of ['127.0.0.1', '127.0.0.2', 'localhost', 'LOCALHOST', '::1', '[::1]']) expect(isLoopback(local), local).toBe(true);
    for (const open of ['0.0.0.0', '::', '192.0.2.10', 'reckon.example.org', '128.0.0.1']) expect(isLoopback(open), open).toBe(false);
  });
});

describe('requests from pages of other sites', () => {
  const site = (s: Running, p: string, fetchSite: string, mode: string, dest: string, method = 'GET') =>
    rawRequest(s.port, p, { method, headers: { 'Sec-Fetch-Site': fetchSite, 'Sec-Fetch-Mode': mode, 'Sec-Fetch-Dest': dest } });

  it('refuses what another site makes the browser send (403), before the rate limit', async () => {
    const s = await serve();
    const cases: Array<[string, string, string, string]> = [
      ['/api/export?format=csv', 'no-cors', 'image', 'GET'],
      ['/api/search?q=Riverton', 'cors', 'empty', 'GET'],
      ['/api/stats', 'no-cors', 'script', 'GET'],
      ['/', 'navigate', 'iframe', 'POST'], // a form posted from another site
      ['/api/ingest', 'navigate', 'document', 'POST'],
      ['/', 'navigate', 'object', 'GET'],
    ];
    for (const [p, mode, dest, method] of cases) {
      const r = await site(s, p, 'cross-site', mode, dest, method);
      expect(r.status, `${method} ${p} ${mode} ${dest}`).toBe(403);
      expect(errorCode(r)).toBe('FORBIDDEN');
    }
    // none of those used the bucket (3 requests)
    for (let i = 0; i < 3; i++) expect((await rawRequest(s.port, '/api/stats')).status).toBe(200);
  });

  it('lets through a followed link, this origin\'s and site\'s own requests, typed URLs and clients that send no metadata', async () => {
    const s = await serve({ burst: 100 });
    expect((await site(s, '/api/stats', 'cross-site', 'navigate', 'document')).status).toBe(200);
    expect((await site(s, '/api/stats', 'same-origin', 'cors', 'empty')).status).toBe(200);
    expect((await site(s, '/api/stats', 'same-site', 'cors', 'empty')).status).toBe(200);
    expect((await site(s, '/api/stats', 'none', 'navigate', 'document')).status).toBe(200);
    expect((await rawRequest(s.port, '/api/stats')).status).toBe(200);
  });
});

// the machine's own name, when it resolves here; it is not a name the server answers to unless started on it
const ownName = os.hostname().toLowerCase();
const ownAddress = await dns.lookup(ownName).then((a) => a.address, () => null);
const ownNameUsable = ownAddress !== null && hostName(ownName) !== null && !ownName.endsWith('localhost');
if (!ownNameUsable) console.warn(`[reckon tests] the host name "${ownName}" does not resolve here: the test of a server started on a name is skipped`);

describe.skipIf(!ownNameUsable)('a server started on a name', () => {
  it('answers to that name, which a server on 127.0.0.1 refuses', async () => {
    const named = await serve({ host: ownName });
    const r = await rawRequest(named.port, '/api/stats', { host: ownAddress!, headers: { Host: `${ownName}:${named.port}` } });
    expect(r.status).toBe(200);
    const plain = await serve();
    expect((await rawRequest(plain.port, '/api/stats', { headers: { Host: `${ownName}:${plain.port}` } })).status).toBe(421);
  });
});
