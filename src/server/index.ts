/**
 * Runs the app on a Node HTTP server. The server's own timeouts back up the
 * app's time limit: a client that sends its request too slowly is cut off.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';

export { createApp, DEFAULT_LIMITS, type AppOptions, type Limits } from './app.js';

export interface Running {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the app on `host` (default 127.0.0.1), which is also a name it answers to in Host. */
export async function startServer(options: AppOptions & { host?: string; port?: number }): Promise<Running> {
  const hostname = options.host ?? '127.0.0.1';
  const app = createApp({ ...options, allowedHosts: [hostname, ...(options.allowedHosts ?? [])] });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname, port: options.port ?? 8080 }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((res) => {
            server.close(() => res());
            (server as Server).closeAllConnections?.();
          }),
      });
    }) as Server;
    server.requestTimeout = 60_000;
    server.headersTimeout = 20_000;
    server.keepAliveTimeout = 5_000;
    server.once('error', reject);
  });
}
