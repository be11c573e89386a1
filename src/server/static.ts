/**
 * The built web page (web/dist), served from the same process. Only regular
 * files inside that folder are served, by a fixed list of types; a path that
 * is malformed, holds "..", a backslash, a NUL or a hidden segment, or leaves
 * the folder through a symbolic link is a 404.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** web/dist beside src/ (from src/server/ when run from source, dist/server/ when built). */
export function defaultWebRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');
}

const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** The file a URL path names inside `root`, or null. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  if (!decoded.startsWith('/') || /[\\\0]/.test(decoded)) return null;
  const segments = decoded.slice(1).split('/');
  if (segments.length > 8 || !segments.every((s) => SAFE_SEGMENT.test(s) && s !== '..' && !s.includes('..'))) return null;
  if (!(path.extname(decoded).toLowerCase() in TYPES)) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  if (!file.startsWith(base + path.sep)) return null;
  try {
    const real = fs.realpathSync(file);
    const realBase = fs.realpathSync(base);
    if (!real.startsWith(realBase + path.sep) || !fs.statSync(real).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

export function staticFiles(root: string) {
  return async (c: Context): Promise<Response | null> => {
    const file = resolveStatic(root, new URL(c.req.url).pathname);
    if (!file) return null;
    const body = await fs.promises.readFile(file);
    const type = TYPES[path.extname(file).toLowerCase()]!;
    // hashed assets never change; the page itself is checked each time
    const cache = /\/assets\//.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return new Response(new Uint8Array(body), { status: 200, headers: { 'Content-Type': type, 'Cache-Control': cache } });
  };
}

export const hasWebBuild = (root: string) => fs.existsSync(path.join(root, 'index.html'));
