/**
 * Where documents come from: files, folders (recursive) and http(s) URLs.
 * Yields raw bytes with their source, or a one-line error per bad input;
 * never stops the batch.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ReckonError, asReckonError } from '../core/errors.js';

export interface RawItem {
  /** the path or URL as given (for files inside a folder: folder path joined with the relative path) */
  source: string;
  /** file name or URL path, for format detection (without a trailing .gz) */
  name: string;
  bytes: Buffer;
  contentType?: string;
  charset?: string;
  url?: string;
}

/**
 * A file read as a stream instead of whole (JSON Lines: one document per line,
 * so a file of any size is read with bounded memory).
 */
export interface StreamItem {
  source: string;
  /** file name, for format detection (without a trailing .gz) */
  name: string;
  /** the file's bytes (decompressed), chunk by chunk; each call reads from the start */
  open(): AsyncIterable<Buffer>;
}

export type LoadEvent =
  | { kind: 'item'; item: RawItem }
  | { kind: 'stream'; item: StreamItem }
  | { kind: 'error'; source: string; error: ReckonError }
  | { kind: 'skip'; source: string; reason: string };

export interface LoadOptions {
  /** largest input accepted, after decompression (bytes) */
  maxBytes: number;
  /** time limit for a URL (ms) */
  timeoutMs: number;
  /** how many redirects a URL may take */
  maxRedirects: number;
}

export const DEFAULT_LOAD: LoadOptions = { maxBytes: 64 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 5 };

/** Files read line by line (whatever their size; --max-size limits each line). */
export const STREAMED_EXTENSIONS = /\.(jsonl|ndjson)(\.gz)?$/i;

export const KNOWN_EXTENSIONS = /\.(txt|text|md|markdown|html?|xhtml|json|jsonl|ndjson|xml|rss|atom|feed)(\.gz)?$/i;
const URL_RE = /^https?:\/\//i;

/** a byte count in MB, as limits are given (--max-size) */
export const mb = (n: number) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;

/** Expands paths and URLs into raw items, in order. */
export async function* load(inputs: string[], options: Partial<LoadOptions> = {}): AsyncGenerator<LoadEvent> {
  const opts = { ...DEFAULT_LOAD, ...options };
  for (const input of inputs) {
    if (URL_RE.test(input)) {
      try {
        yield { kind: 'item', item: await fetchUrl(input, opts) };
      } catch (e) {
        yield { kind: 'error', source: input, error: asReckonError(e, input) };
      }
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch (e) {
      yield { kind: 'error', source: input, error: asReckonError(e, input) };
      continue;
    }
    if (st.isDirectory()) yield* walk(input, opts);
    else yield readOne(input, opts, true);
  }
}

function* walk(root: string, opts: LoadOptions): Generator<LoadEvent> {
  const seen = new Set<string>();
  const stack: string[] = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      yield { kind: 'error', source: dir, error: asReckonError(e, dir) };
      continue;
    }
    if (seen.has(real)) {
      if (dir !== root) yield { kind: 'skip', source: dir, reason: 'folder already visited (symbolic link loop)' };
      continue;
    }
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      yield { kind: 'error', source: dir, error: asReckonError(e, dir) };
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const ent of entries) {
      if (ent.name.startsWith('.')) continue;
      const p = path.join(dir, ent.name);
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        try {
          const st = fs.statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (e) {
          yield { kind: 'error', source: p, error: asReckonError(e, p) };
          continue;
        }
      }
      if (isDir) subdirs.push(p);
      else if (isFile) {
        if (KNOWN_EXTENSIONS.test(ent.name)) yield readOne(p, opts, false);
        else yield { kind: 'skip', source: p, reason: 'not a known document type' };
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
}

function readOne(file: string, opts: LoadOptions, explicit: boolean): LoadEvent {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new ReckonError('BAD_INPUT', 'not a regular file', { subject: file });
    if (STREAMED_EXTENSIONS.test(file)) return { kind: 'stream', item: streamFile(file) };
    if (st.size > opts.maxBytes) throw new ReckonError('TOO_LARGE', `too large (${mb(st.size)} > ${mb(opts.maxBytes)} limit; see --max-size)`, { subject: file });
    let bytes: Buffer = fs.readFileSync(file);
    let name = path.basename(file);
    if (/\.gz$/i.test(name) || (bytes[0] === 0x1f && bytes[1] === 0x8b)) {
      bytes = gunzip(bytes, opts.maxBytes, file);
      name = name.replace(/\.gz$/i, '');
    }
    void explicit;
    return { kind: 'item', item: { source: file, name, bytes } };
  } catch (e) {
    return { kind: 'error', source: file, error: asReckonError(e, file) };
  }
}

/** A file as a stream of bytes, gunzipped when its name or its first bytes say gzip. */
function streamFile(file: string): StreamItem {
  const head = Buffer.alloc(2);
  const fd = fs.openSync(file, 'r');
  let n: number;
  try {
    n = fs.readSync(fd, head, 0, 2, 0);
  } finally {
    fs.closeSync(fd);
  }
  const gz = /\.gz$/i.test(file) || (n === 2 && head[0] === 0x1f && head[1] === 0x8b);
  return {
    source: file,
    name: path.basename(file).replace(/\.gz$/i, ''),
    open: () => {
      const raw = fs.createReadStream(file, { highWaterMark: 1 << 16 });
      if (!gz) return raw;
      const z = zlib.createGunzip();
      raw.on('error', (e) => z.destroy(e));
      return raw.pipe(z);
    },
  };
}

export function gunzip(bytes: Buffer, maxBytes: number, subject: string): Buffer {
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || /too large|maxOutputLength|Cannot create a Buffer/i.test(err.message)) {
      throw new ReckonError('TOO_LARGE', `decompresses to more than ${mb(maxBytes)} (a gzip bomb?)`, { subject });
    }
    throw new ReckonError('BAD_INPUT', `not valid gzip data (${err.message})`, { subject });
  }
}

async function fetchUrl(url: string, opts: LoadOptions): Promise<RawItem> {
  let current = url;
  const deadline = AbortSignal.timeout(opts.timeoutMs);
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await fetch(current, { redirect: 'manual', signal: deadline, headers: { 'user-agent': 'reckon (+https://github.com/reckon)', accept: 'text/html,application/xhtml+xml,application/xml,application/json,text/plain;q=0.9,*/*;q=0.5' } });
    } catch (e) {
      const err = e as Error;
      if (err.name === 'TimeoutError' || err.name === 'AbortError') throw new ReckonError('TIMEOUT', `no answer within ${opts.timeoutMs / 1000} s`, { subject: url });
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new ReckonError('UNREACHABLE', `cannot be fetched (${cause?.code ?? cause?.message ?? err.message})`, { subject: url });
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      await res.body?.cancel();
      if (hop >= opts.maxRedirects) throw new ReckonError('UNREACHABLE', `more than ${opts.maxRedirects} redirects`, { subject: url });
      current = new URL(res.headers.get('location')!, current).toString();
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new ReckonError('UNREACHABLE', `HTTP ${res.status} ${res.statusText}`.trim(), { subject: url });
    }
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > opts.maxBytes) {
      await res.body?.cancel();
      throw new ReckonError('TOO_LARGE', `too large (${mb(declared)} > ${mb(opts.maxBytes)} limit)`, { subject: url });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      if (res.body) {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          size += chunk.length;
          if (size > opts.maxBytes) throw new ReckonError('TOO_LARGE', `too large (over ${mb(opts.maxBytes)} limit)`, { subject: url });
          chunks.push(Buffer.from(chunk));
        }
      }
    } catch (e) {
      if (e instanceof ReckonError) throw e;
      const err = e as Error;
      if (err.name === 'TimeoutError' || err.name === 'AbortError') throw new ReckonError('TIMEOUT', `no complete answer within ${opts.timeoutMs / 1000} s`, { subject: url });
      throw new ReckonError('UNREACHABLE', `transfer failed (${err.message})`, { subject: url });
    }
    let bytes: Buffer = Buffer.concat(chunks);
    const contentType = (res.headers.get('content-type') ?? '').toLowerCase();
    const charset = /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1];
    let name = new URL(current).pathname.split('/').pop() || 'index.html';
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      bytes = gunzip(bytes, opts.maxBytes, url);
      name = name.replace(/\.gz$/i, '');
    }
    const item: RawItem = { source: url, name, bytes, contentType: contentType.split(';')[0]!.trim(), url: current };
    if (charset) item.charset = charset;
    return item;
  }
}
