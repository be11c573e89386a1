/**
 * What stands between a request and the routes: security headers, the
 * Host header check, the cross-site check, a rate limit per client address,
 * a time limit, and the bearer token for writes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP, isIPv4, isIPv6 } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { ReckonError } from '../core/errors.js';
import { Refusal } from './errors.js';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
  "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** Headers on every response, API and page alike. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}

/** Names a server on this machine always answers to (besides any IP address and *.localhost). */
export const LOCAL_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** Whether a host (a name or an address, as given to --host) is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const name = hostName(host);
  return name === 'localhost' || name === '[::1]' || (name !== null && isIPv4(name) && name.startsWith('127.'));
}

/**
 * The host name of a Host header value or of a name given as an option:
 * lower case, without port or final dot, an IPv6 address in brackets
 * ("Example.org.:8080" → "example.org", "::1" → "[::1]"); null if malformed.
 */
export function hostName(value: string): string | null {
  const v = value.trim();
  if (isIPv6(v)) return `[${v.toLowerCase()}]`;
  const m = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)(?::\d{1,5})?$/.exec(v);
  if (!m) return null;
  const name = m[1]!.toLowerCase().replace(/\.$/, '');
  if (name.startsWith('[') && !isIPv6(name.slice(1, -1))) return null;
  return name && !name.startsWith('.') && !name.includes('..') ? name : null;
}

/**
 * Whether a server answers to a host name: one of `allowed`, localhost or a
 * name under .localhost (browsers keep those on this machine), or an IP
 * address. DNS rebinding needs a name the attacker's DNS answers for; an
 * address in the Host header means the page itself came from that address.
 */
export function hostAllowed(name: string, allowed: ReadonlySet<string>): boolean {
  if (allowed.has(name) || name === 'localhost' || name.endsWith('.localhost')) return true;
  return name.startsWith('[') ? isIPv6(name.slice(1, -1)) : isIPv4(name);
}

/**
 * Refuses (421) a request whose Host header names this server by a name it
 * was not given. A hostile page can point its own name at 127.0.0.1 (DNS
 * rebinding) and then read this server as if same-origin, but its requests
 * still carry its own name in Host. With app.request (no Host header) the
 * URL's host is checked.
 */
export function hostCheck(allowed: Iterable<string>): MiddlewareHandler {
  const names = new Set<string>();
  for (const a of allowed) {
    const n = hostName(a);
    if (!n) throw new ReckonError('INVALID_ARGUMENT', `"${a}" is not a host name`);
    names.add(n);
  }
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    const name = hostName(host);
    if (!name || !hostAllowed(name, names)) {
      const shown = JSON.stringify(host.slice(0, 100));
      throw new Refusal('MISDIRECTED', `this server does not answer to the host ${shown}: start it with --allowed-host NAME to add a name`);
    }
    await next();
  };
}

/**
 * Refuses (403) what another site's page makes a browser send here, read
 * from the Fetch Metadata the browser adds: a cross-site page can still fire
 * requests at 127.0.0.1 without reading the answers (images, forms, no-cors
 * fetches), enough to run a costly export again and again or to time a
 * search. A link followed from another site (a top-level GET navigation) is
 * let through; so are requests without the header (other clients, older
 * browsers), from this origin or site, and ones the user typed ("none").
 */
export function crossSiteCheck(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.header('sec-fetch-site') === 'cross-site') {
      const dest = c.req.header('sec-fetch-dest') ?? '';
      const navigation = (c.req.method === 'GET' || c.req.method === 'HEAD') && c.req.header('sec-fetch-mode') === 'navigate' && dest !== 'object' && dest !== 'embed';
      if (!navigation) throw new Refusal('FORBIDDEN', 'requests made by pages of other sites are refused');
    }
    await next();
  };
}

export interface RateLimit {
  /** tokens added per second */
  perSecond: number;
  /** bucket size: the largest burst */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Clients remembered at once; past that the least recently seen is forgotten. */
export const MAX_CLIENTS = 10_000;

/**
 * The key a client is counted under: an IPv4 address (also when it arrives
 * IPv4-mapped, "::ffff:1.2.3.4"), or the /64 network of an IPv6 address,
 * since one host usually holds a whole /64 and could otherwise take a fresh
 * address, and a fresh bucket, for every request.
 */
export function clientKey(address: string): string {
  const a = address.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(a)) return a;
  let groups: string[];
  const [head, tail] = a.split('::') as [string, string | undefined];
  const parts = (s: string | undefined) => (s ? s.split(':') : []);
  if (tail === undefined) groups = parts(head);
  else {
    const h = parts(head);
    const t = parts(tail);
    const dottedQuad = t.length > 0 && t[t.length - 1]!.includes('.') ? 1 : 0; // "1.2.3.4" stands for two groups
    groups = [...h, ...Array<string>(8 - h.length - t.length - dottedQuad).fill('0'), ...t];
  }
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Where a request comes from: the socket's peer (none with app.request: "local"). */
export function peerAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * The client's address for the rate limit. By default the socket's peer:
 * X-Forwarded-For is written by the client and proves nothing. With
 * `trustProxy` (one reverse proxy in front, which every request passes
 * through) it is the last X-Forwarded-For entry, the one that proxy added;
 * entries before it are the client's own word and are ignored.
 */
export function clientAddress(trustProxy: boolean): (c: Context) => string {
  if (!trustProxy) return peerAddress;
  return (c) => {
    const last = (c.req.header('x-forwarded-for') ?? '').split(',').pop()!.trim();
    return isIP(last) ? last : peerAddress(c);
  };
}

/**
 * Token buckets, one per client key, in a map kept in least-recently-seen
 * order. A bucket left alone long enough to be full again is the same as no
 * bucket, so those are dropped as they age; past `capacity` clients the least
 * recently seen is dropped too, so memory stays bounded whatever the number
 * of addresses.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  /** ms after which an untouched bucket is full again */
  private readonly refillMs: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly capacity: number = MAX_CLIENTS,
  ) {
    this.refillMs = (limit.burst / limit.perSecond) * 1000;
  }

  /** Clients remembered now. */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes a token for `key` at time `t` (ms, never decreasing): 0 if granted, else the seconds to wait. */
  take(key: string, t: number): number {
    const { burst, perSecond } = this.limit;
    for (const [k, old] of this.buckets) {
      if (t - old.at < this.refillMs) break; // the rest were seen later
      this.buckets.delete(k);
    }
    let b = this.buckets.get(key);
    if (b) {
      b.tokens = Math.min(burst, b.tokens + (Math.max(0, t - b.at) / 1000) * perSecond);
      b.at = t;
      this.buckets.delete(key); // re-inserted below, at the recent end
    } else {
      b = { tokens: burst, at: t };
      if (this.buckets.size >= this.capacity) this.buckets.delete(this.buckets.keys().next().value!);
    }
    this.buckets.set(key, b);
    if (b.tokens < 1) return Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
    b.tokens -= 1;
    return 0;
  }
}

/** The rate limit: 429 with Retry-After once a client's bucket is empty. */
export function rateLimit(limit: RateLimit, addressOf: (c: Context) => string, now: () => number = performance.now.bind(performance)): MiddlewareHandler {
  const limiter = new RateLimiter(limit);
  return async (c, next) => {
    const wait = limiter.take(clientKey(addressOf(c)), now());
    if (wait) throw new Refusal('RATE_LIMITED', `too many requests; try again in ${wait} s`, { 'Retry-After': String(wait) });
    await next();
  };
}

/**
 * A time limit for the handler. Work that is already running (a synchronous
 * database call) finishes, but the client gets its answer at the limit.
 */
export function timeLimit(ms: number): MiddlewareHandler {
  return async (_c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ReckonError('TIMEOUT', `the request took longer than ${ms / 1000} s`)), ms);
    });
    const run = next();
    run.catch(() => {}); // after the limit, a late failure has no one to tell
    try {
      await Promise.race([run, limit]);
    } finally {
      clearTimeout(timer);
    }
  };
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Writes need a token given when the server started. Without one, writes are
 * disabled (403); with one, a missing or wrong `Authorization: Bearer` is a 401.
 * The comparison takes the same time whatever the token sent.
 */
export function requireToken(token: string | null): MiddlewareHandler {
  const want = token ? digest(token) : null;
  return async (c, next) => {
    if (!want) throw new Refusal('FORBIDDEN', 'ingest is disabled: start the server with --token (or RECKON_TOKEN) to enable it');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
    if (!m) throw new ReckonError('UNAUTHORIZED', 'missing token: send "Authorization: Bearer <token>"');
    if (!timingSafeEqual(digest(m[1]!), want)) throw new ReckonError('UNAUTHORIZED', 'wrong token');
    await next();
  };
}
