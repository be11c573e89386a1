/**
 * Raw bytes → documents. Detects the format (by name, content type, or a
 * look at the first characters), decodes the text, and splits containers
 * (JSON arrays, JSON Lines, RSS/Atom feeds) into one document per item.
 * Errors are yielded per item, so one bad record does not stop the rest.
 */
import { isUtf8 } from 'node:buffer';
import { Parser } from 'htmlparser2';
import iconv from 'iconv-lite';
import { ReckonError, asReckonError } from '../core/errors.js';
import type { DocumentInput } from '../core/types.js';
import { decode } from './decode.js';
import { mb, type RawItem, type StreamItem } from './sources.js';

export type Format = DocumentInput['format'] | 'jsonl';
export type FormatEvent = { kind: 'doc'; doc: DocumentInput; warning?: string } | { kind: 'error'; source: string; error: ReckonError };

const BY_EXTENSION: Array<[RegExp, Format]> = [
  [/\.(txt|text)$/i, 'text'],
  [/\.(md|markdown)$/i, 'markdown'],
  [/\.(html?|xhtml)$/i, 'html'],
  [/\.(jsonl|ndjson)$/i, 'jsonl'],
  [/\.json$/i, 'json'],
  [/\.(rss|atom|feed)$/i, 'feed'],
];
const BY_TYPE: Array<[RegExp, Format]> = [
  [/^text\/html|xhtml/, 'html'],
  [/^text\/markdown/, 'markdown'],
  [/^application\/(x-)?(nd|jsonl)/, 'jsonl'],
  [/json/, 'json'],
  [/rss|atom/, 'feed'],
  [/^text\/plain/, 'text'],
];
const FEED_ROOT = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i;

/** The format of an item: its name first, then its content type, then its content. */
export function detectFormat(item: Pick<RawItem, 'name' | 'contentType'>, head: string): Format {
  for (const [re, f] of BY_EXTENSION) {
    if (re.test(item.name)) {
      if ((f === 'html' || f === 'text') && FEED_ROOT.test(head)) return 'feed';
      return f;
    }
  }
  if (/\.xml$/i.test(item.name)) return FEED_ROOT.test(head) ? 'feed' : 'html';
  if (item.contentType) {
    for (const [re, f] of BY_TYPE) {
      if (re.test(item.contentType)) return f === 'html' && FEED_ROOT.test(head) ? 'feed' : f;
    }
    if (/xml/.test(item.contentType)) return FEED_ROOT.test(head) ? 'feed' : 'html';
  }
  const t = head.trimStart();
  if (FEED_ROOT.test(t)) return 'feed';
  if (/^<(!doctype|html|head|body|div|p|article)\b/i.test(t)) return 'html';
  if (/^[[{]/.test(t)) return /^\{[^\n]*\}\s*\n\s*\{/.test(t) ? 'jsonl' : 'json';
  return 'text';
}

export function* toDocuments(item: RawItem): Generator<FormatEvent> {
  let decoded;
  try {
    const markup = !/\.(txt|text|md|markdown|json|jsonl|ndjson)$/i.test(item.name);
    decoded = decode(item.bytes, { declared: item.charset ?? null, markup, subject: item.source });
  } catch (e) {
    yield { kind: 'error', source: item.source, error: asReckonError(e, item.source) };
    return;
  }
  const format = detectFormat(item, decoded.text.slice(0, 2048));
  const base = { encoding: decoded.encoding };
  const warning = decoded.warning;
  const given = item.url ? { url: item.url } : {};
  try {
    switch (format) {
      case 'text':
      case 'markdown':
      case 'html':
        yield withWarning({ kind: 'doc', doc: { source: item.source, format, original: decoded.text, ...base, given } }, warning);
        return;
      case 'json':
        yield* jsonDocuments(item.source, decoded.text, base.encoding);
        return;
      case 'jsonl':
        yield* jsonlDocuments(item.source, decoded.text, base.encoding);
        return;
      case 'feed':
        yield* feedDocuments(item.source, decoded.text, base.encoding);
        return;
    }
  } catch (e) {
    yield { kind: 'error', source: item.source, error: asReckonError(e, item.source) };
  }
}

function withWarning(ev: FormatEvent & { kind: 'doc' }, warning: string | undefined): FormatEvent {
  return warning ? { ...ev, warning } : ev;
}

// ---- JSON ----------------------------------------------------------------

const TEXT_KEYS = ['text', 'content', 'body', 'articleBody', 'article', 'full_text', 'fullText', 'maintext', 'description'];
const HTML_KEYS = ['html', 'raw_html', 'content_html', 'contentHtml', 'body_html'];
const TITLE_KEYS = ['title', 'headline', 'name'];
const URL_KEYS = ['url', 'link', 'source_url', 'sourceUrl', 'href'];
const DATE_KEYS = ['date', 'published', 'publishedAt', 'published_at', 'pubDate', 'datePublished', 'date_publish', 'created_at', 'time'];
const OUTLET_KEYS = ['outlet', 'source', 'site', 'site_name', 'siteName', 'publisher', 'source_domain', 'domain'];
const LANG_KEYS = ['language', 'lang', 'locale'];
const CONTAINER_KEYS = ['documents', 'items', 'articles', 'data', 'results', 'entries', 'posts', 'records', 'docs'];

const firstString = (o: Record<string, unknown>, keys: string[]): string | null => {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number' && (k === 'date' || k === 'time')) return new Date(v > 1e11 ? v : v * 1000).toISOString();
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as Record<string, unknown>).name === 'string') return String((v as Record<string, unknown>).name);
  }
  return null;
};

/** One JSON record → a document input, or an error saying what is wrong with it. */
export function recordToInput(rec: unknown, source: string, encoding: string): DocumentInput {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
    throw new ReckonError('BAD_INPUT', `expected an object with a "text" or "html" field, got ${Array.isArray(rec) ? 'an array' : rec === null ? 'null' : typeof rec}`, { subject: source });
  }
  const o = rec as Record<string, unknown>;
  const html = HTML_KEYS.map((k) => o[k]).find((v) => typeof v === 'string' && v.trim()) as string | undefined;
  const text = TEXT_KEYS.map((k) => o[k]).find((v) => typeof v === 'string' && v.trim()) as string | undefined;
  if (!html && !text) {
    const wrong = [...TEXT_KEYS, ...HTML_KEYS].find((k) => k in o && o[k] !== null && typeof o[k] !== 'string');
    if (wrong) throw new ReckonError('BAD_INPUT', `field "${wrong}" is ${Array.isArray(o[wrong]) ? 'an array' : typeof o[wrong]}, not text`, { subject: source });
    throw new ReckonError('EMPTY', 'no "text" or "html" field with text in it', { subject: source });
  }
  // a "source" (or "site") field holding an address names the page, not the outlet
  const outlets = OUTLET_KEYS.map((k) => firstString(o, [k])).filter((v): v is string => v !== null);
  const isAddress = (v: string) => /^https?:\/\//i.test(v.trim());
  return {
    source,
    format: html ? 'html' : 'text',
    original: (html ?? text)!,
    encoding,
    given: {
      title: firstString(o, TITLE_KEYS),
      url: firstString(o, URL_KEYS) ?? outlets.find(isAddress)?.trim() ?? null,
      date: firstString(o, DATE_KEYS),
      outlet: outlets.find((v) => !isAddress(v)) ?? null,
      language: firstString(o, LANG_KEYS),
    },
  };
}

function* jsonDocuments(source: string, text: string, encoding: string): Generator<FormatEvent> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReckonError('BAD_INPUT', `malformed JSON (${(e as Error).message})`, { subject: source });
  }
  let records: unknown[];
  // one object that is itself the document keeps the file's name as its source;
  // items of an array or a container are "#n", however many there are
  let single = false;
  if (Array.isArray(data)) records = data;
  else if (data && typeof data === 'object') {
    const key = CONTAINER_KEYS.find((k) => Array.isArray((data as Record<string, unknown>)[k]));
    records = key ? ((data as Record<string, unknown>)[key] as unknown[]) : [data];
    single = !key;
  } else throw new ReckonError('BAD_INPUT', `JSON holds ${data === null ? 'null' : typeof data}, not documents`, { subject: source });
  if (!records.length) throw new ReckonError('EMPTY', 'JSON holds no documents', { subject: source });
  for (let i = 0; i < records.length; i++) {
    const src = single ? source : `${source}#${i + 1}`;
    try {
      yield { kind: 'doc', doc: recordToInput(records[i], src, encoding) };
    } catch (e) {
      yield { kind: 'error', source: src, error: asReckonError(e, src) };
    }
  }
}

function* jsonlDocuments(source: string, text: string, encoding: string): Generator<FormatEvent> {
  let line = 0;
  let any = false;
  for (const raw of text.split(/\r?\n/)) {
    line++;
    if (!raw.trim()) continue;
    any = true;
    yield jsonlRecord(source, line, raw, encoding);
  }
  if (!any) throw new ReckonError('EMPTY', 'no JSON lines', { subject: source });
}

/** One line of a JSON Lines file → its document, or a one-line error naming the file and the line. */
function jsonlRecord(source: string, line: number, raw: string, encoding: string, warning?: string): FormatEvent {
  const src = `${source}#${line}`;
  let rec: unknown;
  try {
    rec = JSON.parse(raw);
  } catch (e) {
    return { kind: 'error', source: src, error: new ReckonError('BAD_INPUT', `line ${line}: malformed JSON (${(e as Error).message})`, { subject: source }) };
  }
  try {
    const ev: FormatEvent = { kind: 'doc', doc: recordToInput(rec, src, encoding) };
    return warning ? { ...ev, warning: `line ${line}: ${warning}` } : ev;
  } catch (e) {
    const err = asReckonError(e, src);
    return { kind: 'error', source: src, error: new ReckonError(err.code, `line ${line}: ${err.message}`, { subject: source }) };
  }
}

/** Bytes of the start of a file used to tell its encoding (as decode() does for a whole file). */
const HEAD_BYTES = 64 * 1024;
const NL = 0x0a;

/**
 * A JSON Lines file read as a stream, line by line: memory holds one line (at
 * most `maxLineBytes`) and the batch being stored, whatever the file's size.
 * The encoding is told from the first 64 KB (decode.ts: BOM, UTF-8, legacy
 * encodings); a line that is not valid in it is decoded on its own, with a
 * warning. UTF-16 cannot be split into lines as bytes: such a file is read
 * whole, as before (up to `maxLineBytes`).
 */
export async function* jsonlStream(item: StreamItem, options: { maxLineBytes: number }): AsyncGenerator<FormatEvent> {
  const source = item.source;
  const max = options.maxLineBytes;
  let encoding: string | null = null;
  /** the first lines, held until the encoding is told from them (null: a line over the limit) */
  const head: Array<{ no: number; bytes: Buffer | null }> = [];
  let headBytes = 0;
  let any = false;
  let lastLine = 0;

  const decideEncoding = (): string => {
    const sample = Buffer.concat(head.flatMap((l) => (l.bytes ? [l.bytes, Buffer.from([NL])] : [])));
    try {
      return sample.length ? decode(sample, { markup: false, subject: source }).encoding : 'utf-8';
    } catch (e) {
      // a head of blank lines says nothing; binary data is refused as for any file
      if (e instanceof ReckonError && e.code === 'EMPTY') return 'utf-8';
      throw new Refused(asReckonError(e, source));
    }
  };
  const one = (no: number, bytes: Buffer | null, enc: string): FormatEvent | null => {
    if (bytes === null) {
      any = true;
      return { kind: 'error', source: `${source}#${no}`, error: new ReckonError('TOO_LARGE', `line ${no}: longer than the ${size(max)} limit (see --max-size)`, { subject: source }) };
    }
    if (no === 1 && enc === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    if (isBlank(bytes)) return null;
    any = true;
    if (enc !== 'utf-8') return jsonlRecord(source, no, iconv.decode(bytes, enc), enc);
    if (isUtf8(bytes)) return jsonlRecord(source, no, bytes.toString('utf8'), enc);
    // a line that is not valid UTF-8: read by the same rules as a whole file (a few broken bytes, or a legacy encoding)
    let d;
    try {
      d = decode(bytes, { markup: false, subject: source });
    } catch (e) {
      const err = asReckonError(e, source);
      return { kind: 'error', source: `${source}#${no}`, error: new ReckonError(err.code, `line ${no}: ${err.message}`, { subject: source }) };
    }
    return jsonlRecord(source, no, d.text, d.encoding, d.warning ?? `not UTF-8, read as ${d.encoding}`);
  };
  function* drainHead(enc: string): Generator<FormatEvent> {
    for (const h of head.splice(0)) {
      const ev = one(h.no, h.bytes, enc);
      if (ev) yield ev;
    }
  }

  try {
    for await (const l of splitLines(item.open(), max)) {
      lastLine = l.no;
      if (encoding === null) {
        head.push(l);
        headBytes += (l.bytes?.length ?? 0) + 1;
        if (headBytes < HEAD_BYTES) continue;
        encoding = decideEncoding();
        if (encoding.startsWith('utf-16')) break;
        yield* drainHead(encoding);
        continue;
      }
      const ev = one(l.no, l.bytes, encoding);
      if (ev) yield ev;
    }
    if (encoding === null) {
      encoding = decideEncoding();
      if (!encoding.startsWith('utf-16')) yield* drainHead(encoding);
    }
  } catch (e) {
    if (e instanceof Refused) {
      yield { kind: 'error', source, error: e.error };
      return;
    }
    const where = lastLine ? `after line ${lastLine}: ` : '';
    const z = String((e as NodeJS.ErrnoException).code ?? '').startsWith('Z_');
    const err = z ? new ReckonError('BAD_INPUT', `not valid gzip data (${(e as Error).message})`) : asReckonError(e, source);
    yield { kind: 'error', source, error: new ReckonError(err.code === 'INTERNAL' ? 'UNREACHABLE' : err.code, `${where}${err.message}`, { subject: source }) };
    return;
  }
  if (encoding.startsWith('utf-16')) {
    yield* wholeUtf16(item, max);
    return;
  }
  if (!any) yield { kind: 'error', source, error: new ReckonError('EMPTY', 'no JSON lines', { subject: source }) };
}

/** The whole file is refused (binary data), not one line of it. */
class Refused extends Error {
  constructor(readonly error: ReckonError) {
    super(error.message);
  }
}

/** A UTF-16 JSON Lines file, read whole (its lines cannot be found as bytes). */
async function* wholeUtf16(item: StreamItem, max: number): AsyncGenerator<FormatEvent> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const c of item.open()) {
      total += c.length;
      if (total > max) throw new ReckonError('TOO_LARGE', `a UTF-16 JSON Lines file is read whole, and this one is over the ${size(max)} limit (see --max-size; or convert it to UTF-8)`, { subject: item.source });
      chunks.push(c);
    }
  } catch (e) {
    yield { kind: 'error', source: item.source, error: asReckonError(e, item.source) };
    return;
  }
  yield* toDocuments({ source: item.source, name: item.name, bytes: Buffer.concat(chunks) });
}

/** Lines of a byte stream (without their \n and a \r before it), numbered from 1; a line over `max` bytes comes as null. */
async function* splitLines(chunks: AsyncIterable<Buffer>, max: number): AsyncGenerator<{ no: number; bytes: Buffer | null }> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let no = 0;
  const take = (last: Buffer): { no: number; bytes: Buffer | null } => {
    no++;
    let bytes: Buffer | null = null;
    if (!tooLong) {
      bytes = parts.length ? Buffer.concat([...parts, last]) : last;
      if (bytes.length > max) bytes = null;
      else if (bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    }
    parts = [];
    size = 0;
    tooLong = false;
    return { no, bytes };
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(NL, start); nl !== -1; nl = chunk.indexOf(NL, start)) {
      // a copy, so that a short line does not keep its whole 64 KB chunk alive
      yield take(Buffer.from(chunk.subarray(start, nl)));
      start = nl + 1;
    }
    if (start < chunk.length && !tooLong) {
      const rest = chunk.subarray(start);
      size += rest.length;
      if (size > max) {
        tooLong = true;
        parts = [];
      } else parts.push(rest);
    }
  }
  if (parts.length || tooLong) yield take(Buffer.alloc(0));
}

const isBlank = (b: Buffer): boolean => {
  for (const x of b) if (x !== 0x20 && x !== 0x09 && x !== 0x0d && x !== 0x0c && x !== 0x0b) return false;
  return true;
};

const size = (n: number) => (n < 1048576 ? `${Math.ceil(n / 1024)} KB` : mb(n));

// ---- RSS / Atom ------------------------------------------------------------

interface FeedItem {
  title: string;
  link: string;
  content: string;
  summary: string;
  date: string;
  author: string;
}

/**
 * A streaming RSS 2.0 / RSS 1.0 / Atom reader: items are yielded as they are
 * read, so a feed of 100,000 items needs no more memory than one item.
 */
export function* feedDocuments(source: string, xml: string, encoding: string): Generator<FormatEvent> {
  const items: FeedItem[] = [];
  let channelTitle = '';
  let cur: FeedItem | null = null;
  let field: keyof FeedItem | 'channelTitle' | null = null;
  let depth = 0;
  let fieldDepth = 0;
  let buf = '';
  let sawRoot = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        depth++;
        const n = name.toLowerCase();
        if (n === 'rss' || n === 'feed' || n === 'rdf:rdf') sawRoot = true;
        if (n === 'item' || n === 'entry') {
          cur = { title: '', link: '', content: '', summary: '', date: '', author: '' };
          return;
        }
        if (field) {
          // markup inside an Atom content type="xhtml": keep it as html
          buf += `<${name}${Object.entries(attrs).map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('')}>`;
          return;
        }
        if (!cur) {
          if (n === 'title' && !channelTitle) {
            field = 'channelTitle';
            fieldDepth = depth;
            buf = '';
          }
          return;
        }
        const f = FEED_FIELDS[n];
        if (n === 'link' && attrs.href && (!attrs.rel || attrs.rel === 'alternate')) cur.link ||= attrs.href;
        if (f) {
          field = f;
          fieldDepth = depth;
          buf = '';
        }
      },
      ontext(t) {
        if (field) buf += t;
      },
      oncdatastart() {},
      onclosetag(name) {
        const n = name.toLowerCase();
        if (field && depth === fieldDepth) {
          if (field === 'channelTitle') channelTitle = buf.trim();
          else if (cur && !cur[field]) cur[field] = field === 'content' || field === 'summary' ? buf : buf.trim();
          field = null;
        } else if (field) buf += `</${name}>`;
        if ((n === 'item' || n === 'entry') && cur) {
          items.push(cur);
          cur = null;
        }
        depth--;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  const CHUNK = 1 << 16;
  let index = 0;
  for (let i = 0; i < xml.length; i += CHUNK) {
    parser.write(xml.slice(i, i + CHUNK));
    while (items.length) yield* emit(items.shift()!);
  }
  parser.end();
  while (items.length) yield* emit(items.shift()!);
  if (!sawRoot) throw new ReckonError('BAD_INPUT', 'not an RSS or Atom feed', { subject: source });
  if (index === 0) throw new ReckonError('EMPTY', 'the feed has no items', { subject: source });

  function* emit(it: FeedItem): Generator<FormatEvent> {
    index++;
    const src = `${source}#${index}`;
    const body = it.content.trim() ? it.content : it.summary;
    if (!body.trim()) {
      yield { kind: 'error', source: src, error: new ReckonError('EMPTY', `item ${index}${it.title ? ` ("${it.title.slice(0, 60)}")` : ''} has no content`, { subject: source }) };
      return;
    }
    yield {
      kind: 'doc',
      doc: {
        source: src,
        format: 'feed',
        original: body,
        encoding,
        given: { title: it.title || null, url: it.link || null, date: it.date || null, outlet: channelTitle || null },
      },
    };
  }
}

const FEED_FIELDS: Record<string, keyof FeedItem> = {
  title: 'title',
  link: 'link',
  guid: 'link',
  description: 'summary',
  summary: 'summary',
  'content:encoded': 'content',
  content: 'content',
  pubdate: 'date',
  'dc:date': 'date',
  published: 'date',
  updated: 'date',
  author: 'author',
  'dc:creator': 'author',
};
