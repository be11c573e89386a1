/** The serve command: the web page and HTTP API over an archive. */
import type { Command } from 'commander';
import { openStore, redact } from '../store/open.js';
import { hostName, isLoopback } from '../server/guards.js';
import { DEFAULT_LIMITS, startServer } from '../server/index.js';
import { defaultWebRoot, hasWebBuild } from '../server/static.js';
import { action, invalid, status } from './output.js';

const DB_HELP = 'archive: SQLite file or postgres:// URL (default: $RECKON_DB or ./reckon.db)';

const port = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw invalid(`--port must be a port number (0–65535), got "${v}"`);
  return n;
};

const collectHost = (v: string, names: string[] = []): string[] => {
  if (!hostName(v)) throw invalid(`--allowed-host takes a host name such as reckon.example.org (no scheme or path), got "${v}"`);
  return [...names, v];
};

const { rate, bodyBytes, requestMs, inFlight } = DEFAULT_LIMITS;
const SERVE_HELP = `
The API is described at /api/openapi.json. Stop with Ctrl-C.

Host names: a request is answered only if its Host header is localhost (or
a name under .localhost), an IP address, the --host given, or a name given
with --allowed-host; others get 421. This keeps a hostile web page that
points its own name at this machine (DNS rebinding) from reading the API.
To serve under a name (on 0.0.0.0, or behind a proxy that passes the name
on), give it: --allowed-host reckon.example.org.
Requests that another site's page makes the browser send (images, forms,
scripted fetches: Sec-Fetch-Site cross-site) get 403; a followed link is
let through.

Rate limit: each client may send a burst of ${rate.burst} requests, then ${rate.perSecond} a second
(beyond that: 429 with Retry-After). A client is an IP address (an IPv6
address by its /64), taken from the connection, however many connections
it opens. X-Forwarded-For is ignored unless --trust-proxy is given; give it
only when one reverse proxy is in front and is the only way in (say reckon
on 127.0.0.1 behind it), since anyone who reaches reckon directly can write
that header. The proxy must append the client's address (nginx:
proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for).

Other limits: request bodies up to ${bodyBytes / 1048576} MB (413), an API answer within
${requestMs / 1000} s (504), ${inFlight} requests handled at once (503).`;

export function registerServe(p: Command): void {
  p.command('serve')
    .description('the web page and HTTP API (read-only unless a token is given)')
    .option('--db <db>', DB_HELP)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', port, 8080)
    .option('--token <token>', 'enable POST /api/ingest for "Authorization: Bearer <token>" (also $RECKON_TOKEN)')
    .option('--allowed-host <name>', 'also answer to this host name (repeatable; see below)', collectHost)
    .option('--trust-proxy', 'count clients by the address a reverse proxy puts last in X-Forwarded-For (see below)')
    .addHelpText('after', SERVE_HELP)
    .action(
      action(async (o: { db?: string; host: string; port: number; token?: string; allowedHost?: string[]; trustProxy?: boolean }) => {
        const token = o.token || process.env.RECKON_TOKEN || null;
        if (token !== null && token.length < 8) throw invalid('--token must be at least 8 characters');
        const store = await openStore(o.db);
        let running;
        try {
          running = await startServer({ store, host: o.host, port: o.port, token, allowedHosts: o.allowedHost ?? [], trustProxy: Boolean(o.trustProxy) });
        } catch (e) {
          await store.close();
          throw e;
        }
        const notes = [`archive ${redact(store.location)}`, token ? 'ingest enabled with a token' : 'read-only'];
        if (!hasWebBuild(defaultWebRoot())) notes.push('web page not built: run npm run build:web');
        status(`reckon: serving ${running.url} (${notes.join(', ')})`);
        // plain HTTP: off this machine the token crosses the network as written
        if (token && !isLoopback(o.host)) status(`reckon: warning: --host ${o.host} serves plain HTTP, so the ingest token is sent in clear text; put a TLS proxy in front (see --trust-proxy)`);
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        status('reckon: stopping');
        await running.close();
        await store.close();
      }),
    );
}
