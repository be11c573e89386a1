/**
 * What stands between a request and the routes: security headers, a per-IP
 * rate limit, a time limit, and the bearer token for writes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
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

const MAX_BUCKETS = 10_000;

/**
 * A token bucket per client address. The address is the socket's peer
 * (forwarding headers are not trusted: put a proxy's own limit in front).
 */
export function rateLimit(limit: RateLimit, addressOf: (c: Context) => string, now: () => number = Date.now): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  return async (c, next) => {
    const ip = addressOf(c);
    const t = now();
    let b = buckets.get(ip);
    if (b) {
      b.tokens = Math.min(limit.burst, b.tokens + ((t - b.at) / 1000) * limit.perSecond);
      b.at = t;
      buckets.delete(ip); // re-insert: the map stays in least-recently-used order
    } else {
      b = { tokens: limit.burst, at: t };
      if (buckets.size >= MAX_BUCKETS) buckets.delete(buckets.keys().next().value!);
    }
    buckets.set(ip, b);
    if (b.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - b.tokens) / limit.perSecond));
      throw new Refusal('RATE_LIMITED', `too many requests; try again in ${wait} s`, { 'Retry-After': String(wait) });
    }
    b.tokens -= 1;
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
