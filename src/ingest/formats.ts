/**
 * Raw bytes → documents. Detects the format (by name, content type, or a
 * look at the first characters), decodes the text, and splits containers
 * (JSON arrays, JSON Lines, RSS/Atom feeds) into one document per item.
 * Errors are yielded per item, so one bad record does not stop the rest.
 */
import { Parser } from 'htmlparser2';
import { ReckonError, asReckonError } from '../core/errors.js';
import type { DocumentInput } from '../core/types.js';
import { decode } from './decode.js';
import type { RawItem } from './sources.js';

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
    const src = `${source}#${line}`;
    let rec: unknown;
    try {
      rec = JSON.parse(raw);
    } catch (e) {
      yield { kind: 'error', source: src, error: new ReckonError('BAD_INPUT', `line ${line}: malformed JSON (${(e as Error).message})`, { subject: source }) };
      continue;
    }
    try {
      yield { kind: 'doc', doc: recordToInput(rec, src, encoding) };
    } catch (e) {
      const err = asReckonError(e, src);
      yield { kind: 'error', source: src, error: new ReckonError(err.code, `line ${line}: ${err.message}`, { subject: source }) };
    }
  }
  if (!any) throw new ReckonError('EMPTY', 'no JSON lines', { subject: source });
}

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
