/**
 * The HTTP application: the JSON API under /api and the built web page, in
 * one hono app that tests call with `app.request()` and `serve()` runs.
 *
 * Order of the guards: security headers (on every answer, errors too) →
 * Host check → cross-site check (both before the rate limit, so a hostile
 * page's requests do not use up the local user's bucket) → rate limit → requests in flight → time limit → routes.
 */
import { Hono, type Context } from 'hono';
import type { Store } from '../store/types.js';
import { problemResponse, Refusal } from './errors.js';
import { ArchiveEvents, LoadedEvents, type EventsLoader } from './events.js';
import { clientAddress, crossSiteCheck, hostCheck, LOCAL_HOSTS, rateLimit, securityHeaders, timeLimit, type RateLimit } from './guards.js';
import { isStreamed, registerRoutes, untilEnd } from './routes.js';
import { defaultWebRoot, hasWebBuild, staticFiles } from './static.js';
import { ReckonError } from '../core/errors.js';

export interface Limits {
  /** largest request body (ingest), bytes */
  bodyBytes: number;
  /** time limit of one API request, ms */
  requestMs: number;
  /** a token bucket per client (IPv4 address or IPv6 /64) */
  rate: RateLimit;
  /** requests handled at once; more get 503 */
  inFlight: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 5 * 1048576,
  requestMs: 30_000,
  rate: { perSecond: 20, burst: 120 },
  inFlight: 64,
};

export interface AppOptions {
  store: Store;
  /** where events come from (default: reconcile the archive); tests inject fixtures here */
  events?: EventsLoader;
  /** enables POST /api/ingest for `Authorization: Bearer <token>` */
  token?: string | null;
  /** the built page; null serves the API only (default: web/dist of this package) */
  webRoot?: string | null;
  limits?: Partial<Limits>;
  /**
   * host names the server answers to besides localhost, *.localhost and IP
   * addresses (startServer adds the host it listens on); others get 421
   */
  allowedHosts?: readonly string[];
  /**
   * count clients by the last X-Forwarded-For address (one reverse proxy in
   * front that every request passes through) instead of the socket's peer
   */
  trustProxy?: boolean;
  /** the client's address, for the rate limit (default: see trustProxy); tests inject one */
  clientAddress?: (c: Context) => string;
}

export function createApp(options: AppOptions): Hono {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const store = options.store;
  // the archive's grouping in memory, its events read as requests name them (see ArchiveEvents)
  const events = options.events ? new LoadedEvents(store, options.events) : new ArchiveEvents(store);
  const app = new Hono();
  let inFlight = 0;

  app.onError((e, c) => problemResponse(c, e));
  app.notFound((c) => problemResponse(c, new ReckonError('NOT_FOUND', `nothing at ${new URL(c.req.url).pathname.slice(0, 200)}`)));

  app.use('*', securityHeaders());
  app.use('*', hostCheck([...LOCAL_HOSTS, ...(options.allowedHosts ?? [])]));
  app.use('*', crossSiteCheck());
  app.use('*', rateLimit(limits.rate, options.clientAddress ?? clientAddress(options.trustProxy ?? false)));
  app.use('*', async (c, next) => {
    if (inFlight >= limits.inFlight) throw new Refusal('BUSY', 'the server is busy; try again shortly', { 'Retry-After': '1' });
    inFlight++;
    let ended = false;
    const end = () => {
      if (!ended) {
        ended = true;
        inFlight--;
      }
    };
    try {
      await next();
    } catch (e) {
      end();
      throw e;
    }
    // a streamed answer (an export) is in flight until its last chunk is read or the client goes away
    const body = c.res.body;
    if (body && isStreamed(body)) c.res = new Response(untilEnd(body, end), c.res);
    else end();
  });
  app.use('/api/*', timeLimit(limits.requestMs));

  registerRoutes(app, { store, events, token: options.token || null, bodyBytes: limits.bodyBytes });

  const root = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  const serveFile = root ? staticFiles(root) : null;
  app.get('*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/api/') || path === '/api') return next();
    if (serveFile) {
      const res = await serveFile(c);
      if (res) return res;
      if ((path === '/' || path === '/index.html') && root && !hasWebBuild(root)) {
        return c.text('reckon: the web page is not built (run npm run build:web); the API is at /api/openapi.json\n', 503);
      }
    }
    return next();
  });
  return app;
}
