/**
 * Page metadata: headline, outlet, publication date, language, canonical
 * address, author and description, from <meta> tags, JSON-LD, microdata
 * and the visible page (<title>, <h1>, <time>).
 */
import { decodeHTML } from 'entities';
import { parseDateString } from '../../core/dates.js';
import { type Dom, ELEMENT, attr, elementsByTag, textContent } from './dom.js';
import { collapsedText } from './blocks.js';
import { HINT_STRONG_FURNITURE, classHint } from './hints.js';
import { FURNITURE_TAGS } from './tags.js';

export interface PageMetadata {
  title: string | null;
  siteName: string | null;
  published: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  author: string | null;
  description: string | null;
}

export interface MetadataOptions {
  url?: string;
  /** Element holding the article text, if known. */
  articleRoot?: number;
}

const WHITESPACE = /[\s\u00a0]+/g;
const SPACES = /\s+/;
const CONTROL_CHARS = /[\u0000-\u001f]+/g;
const JSON_LD_TYPE = /ld\+json/i;
/** JSON-LD properties whose values are themselves described objects worth reading. */
const NESTED_LD_KEYS = ['@graph', 'mainEntity'];
/** JSON-LD objects read per page. */
const MAX_LD_OBJECTS = 1000;
/** HTML comment or CDATA wrappers around a script's JSON. */
const SCRIPT_WRAPPER_START = /^(?:<!--|\/\/\s*<!\[CDATA\[)/;
const SCRIPT_WRAPPER_END = /(?:-->|\/\/\s*\]\]>)$/;
/** Unix time in seconds or milliseconds. */
const EPOCH = /^\d{10}(?:\d{3})?$/;
const WWW = /^www\./i;
const UPDATE_CLASS = /updated|modified/i;
const PUBLISHED_CLASS = /published/i;
/** Markup escaped into a meta value. */
const TAG = /<\/?[a-z][^>]{0,200}>/gi;
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;
const URL_LIKE = /^(?:https?:)?\/\//i;
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|Posting|NewsArticle)$/;
const PAGE_TYPE = /^(?:WebPage|ItemPage|CollectionPage)$/;
const LANG_CODE = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*(?:[,;].*)?$/i;
const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • ', ' // ', ' « ', ' » ', '_', ': '];
/** A title part longer than this is not a site name. */
const MAX_SITE_NAME_WORDS = 6;
const BYLINE_PREFIX = /^(?:by|von|par|por|di|door|av|af)\s+/i;
/** Metadata values longer than this are not believed (and never copied whole). */
const MAX_VALUE_LENGTH = 2000;
/** JSON-LD scripts bigger than this are not parsed. */
const MAX_JSON_LD_LENGTH = 2_000_000;
/** Dates before this year are not publication dates of web pages. */
const MIN_YEAR = 1990;
/** Other meta names that announce a publication date ("sn-post-date", "pub_date"…). */
const PUBLISHED_META_NAME = /(?:^|[^a-z])(?:pub|publish|published|publication|post|posted|release|released|issued|created|creation)[^a-z]?(?:date|time)|(?:date|time)[^a-z]?(?:pub|publish|published|posted|created)(?:[^a-z]|$)/;
const MODIFIED_META_NAME = /modif|update|edit|expir|revis/;
/** <time> elements considered for the date. */
const MAX_TIME_ELEMENTS = 50;
/** Ancestor levels inspected to tell whether a <time> or <h1> is furniture. */
const MAX_FURNITURE_DEPTH = 200;
const DATE_META_NAMES = [
  'article:published_time', 'og:article:published_time', 'article:published', 'published_time', 'og:published_time',
  'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'published-date',
  'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'dc.date.created',
  'sailthru.date', 'parsely-pub-date', 'article.published', 'article_date_original', 'original-publish-date',
  'citation_publication_date', 'citation_date', 'date_published', 'cxenseparse:recs:publishtime',
];
const AUTHOR_META_NAMES = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'twitter:creator'];
const SITE_META_NAMES = ['application-name', 'apple-mobile-web-app-title'];
const DESCRIPTION_META_NAMES = ['description', 'og:description', 'twitter:description', 'dc.description'];
const TITLE_META_NAMES = ['og:title', 'twitter:title'];
const OTHER_TITLE_META_NAMES = ['headline', 'dc.title', 'parsely-title', 'sailthru.title'];

function clean(s: string | undefined | null): string | null {
  if (s === undefined || s === null) return null;
  let v = s.length > MAX_VALUE_LENGTH ? s.slice(0, MAX_VALUE_LENGTH) : s;
  if (ENTITY.test(v)) v = decodeHTML(v); // double-encoded values
  v = v.replace(WHITESPACE, ' ').trim();
  return v.length > 0 ? v : null;
}

/** <meta> values by lower-case property/name/itemprop/http-equiv; first wins. */
function readMetaTags(dom: Dom): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of elementsByTag(dom, 'meta')) {
    const a = dom.attrs[id];
    if (!a) continue;
    const content = a['content'];
    if (content === undefined) continue;
    for (const key of [a['property'], a['name'], a['itemprop'], a['http-equiv']]) {
      if (!key) continue;
      for (const k of key.toLowerCase().split(SPACES)) if (k && !out.has(k)) out.set(k, content);
    }
  }
  return out;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseJson(s: string): Json | undefined {
  try {
    return JSON.parse(s) as Json;
  } catch {
    try {
      // raw control characters inside strings are a common mistake
      return JSON.parse(s.replace(CONTROL_CHARS, ' ')) as Json;
    } catch {
      return undefined;
    }
  }
}

/** All objects of the JSON-LD scripts (arrays and @graph flattened), iteratively. */
function readJsonLd(dom: Dom): JsonObject[] {
  const objects: JsonObject[] = [];
  for (const id of elementsByTag(dom, 'script')) {
    const type = attr(dom, id, 'type');
    if (!type || !JSON_LD_TYPE.test(type)) continue;
    let src = textContent(dom, id);
    if (src.length > MAX_JSON_LD_LENGTH) continue;
    src = src.trim().replace(SCRIPT_WRAPPER_START, '').replace(SCRIPT_WRAPPER_END, '');
    const root = parseJson(src);
    if (root === undefined) continue;
    const queue: Json[] = [root];
    while (queue.length > 0 && objects.length < MAX_LD_OBJECTS) {
      const v = queue.pop()!;
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) queue.push(v[i]!);
      } else if (isObject(v)) {
        objects.push(v);
        for (const k of NESTED_LD_KEYS) {
          const nested = v[k];
          if (nested !== undefined) queue.push(nested);
        }
      }
    }
  }
  return objects;
}

function types(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function jsonString(v: Json | undefined): string | null {
  if (typeof v === 'string') return clean(v);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return jsonString(v[0]);
  if (isObject(v)) return jsonString(v['name'] ?? v['@value']);
  return null;
}

function jsonNames(v: Json | undefined): string | null {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const names: string[] = [];
  for (const x of list) {
    const n = jsonString(x);
    if (n && !URL_LIKE.test(n) && !names.includes(n)) names.push(n);
  }
  return names.length > 0 ? names.join(', ') : null;
}

function validDate(iso: string | null): string | null {
  if (!iso) return null;
  const year = +iso.slice(0, 4);
  const maxYear = new Date().getUTCFullYear() + 1;
  return year >= MIN_YEAR && year <= maxYear ? iso : null;
}

function parseDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const v = s.trim();
  // epoch seconds or milliseconds
  if (EPOCH.test(v)) {
    const ms = v.length === 13 ? +v : +v * 1000;
    const d = new Date(ms);
    return validDate(d.toISOString().slice(0, 10));
  }
  return validDate(parseDateString(v.slice(0, 200)));
}

/** Splits "Headline | Site" (or "Site | Headline") into its parts. */
function splitTitle(title: string, site: string | null, guess: boolean): { headline: string; site: string | null } {
  const siteLower = site?.toLowerCase();
  for (const sep of TITLE_SEPARATORS) {
    const last = title.lastIndexOf(sep);
    if (last > 0) {
      const head = title.slice(0, last).trim();
      const tail = title.slice(last + sep.length).trim();
      if (siteLower && tail.toLowerCase() === siteLower) return { headline: head, site: tail };
      if (guess && !siteLower && tail && head && wordCount(tail) <= MAX_SITE_NAME_WORDS && tail.length < head.length && sep !== ': ') {
        return { headline: head, site: tail };
      }
    }
    const first = title.indexOf(sep);
    if (first > 0 && siteLower) {
      const head = title.slice(0, first).trim();
      const rest = title.slice(first + sep.length).trim();
      if (head.toLowerCase() === siteLower && rest) return { headline: rest, site: head };
    }
  }
  return { headline: title, site: null };
}

function wordCount(s: string): number {
  return s.split(SPACES).filter(Boolean).length;
}

function normaliseLang(v: string | null | undefined): string | null {
  if (!v) return null;
  const m = LANG_CODE.exec(v);
  if (!m) return null;
  const code = m[1]!.toLowerCase();
  return code.length === 2 ? code : null;
}

function resolveUrl(href: string | null | undefined, base: string | undefined): string | null {
  if (!href) return null;
  const h = href.trim();
  if (!h) return null;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Text of an element with microdata itemprop=`name`, or its content/datetime attribute. */
function itempropValues(dom: Dom, name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < dom.size; i++) {
    if (dom.kind[i] !== ELEMENT) continue;
    const ip = attr(dom, i, 'itemprop');
    if (!ip || !ip.split(SPACES).includes(name)) continue;
    const a = dom.attrs[i]!;
    const v = a['content'] ?? a['datetime'] ?? (dom.tag[i] === 'meta' ? undefined : itempropName(dom, i));
    if (v) out.push(v);
    if (out.length >= 5) break;
  }
  return out;
}

function itempropName(dom: Dom, id: number): string {
  const end = dom.subtreeEnd[id]!;
  for (let i = id + 1; i < end; i++) {
    if (dom.kind[i] === ELEMENT && attr(dom, i, 'itemprop') === 'name') return collapsedText(dom, i);
  }
  return collapsedText(dom, id);
}

function cleanAuthor(v: string | null): string | null {
  const c = clean(v);
  if (!c || URL_LIKE.test(c) || c.startsWith('@') || c.length > 200) return null;
  return c.replace(BYLINE_PREFIX, '') || null;
}

/** What the readers below share. */
interface Sources {
  dom: Dom;
  meta: Map<string, string>;
  /** All JSON-LD objects. */
  ld: JsonObject[];
  /** The JSON-LD object describing the article (or the page), if any. */
  main: JsonObject | undefined;
}

function firstMeta(src: Sources, names: readonly string[]): string | null {
  for (const n of names) {
    const v = clean(src.meta.get(n));
    if (v) return v;
  }
  return null;
}

function notUrl(v: string | null): string | null {
  return v && !URL_LIKE.test(v) && !WWW.test(v) ? v : null;
}

/** The outlet's name from metadata (the <title> suffix is tried by the caller). */
function readSiteName(src: Sources): string | null {
  const publisher = src.main?.['publisher'];
  const website = src.ld.find((o) => types(o).includes('WebSite'));
  return (
    notUrl(firstMeta(src, ['og:site_name'])) ??
    notUrl(isObject(publisher) || Array.isArray(publisher) ? jsonString(publisher) : null) ??
    notUrl(firstMeta(src, SITE_META_NAMES)) ??
    notUrl(website ? jsonString(website['name']) : null)
  );
}

function readTitle(src: Sources, pageTitle: string | null, siteName: string | null): string | null {
  let title = firstMeta(src, TITLE_META_NAMES) ?? (src.main ? jsonString(src.main['headline']) : null);
  if (!title) {
    const h1 = elementsByTag(src.dom, 'h1').find((id) => !inFurniture(src.dom, id));
    if (h1 !== undefined) title = clean(collapsedText(src.dom, h1));
  }
  title ??= firstMeta(src, OTHER_TITLE_META_NAMES);
  if (title) return splitTitle(title, siteName, false).headline;
  return pageTitle ? splitTitle(pageTitle, siteName, true).headline : null;
}

function readPublished(src: Sources, articleRoot: number | undefined): string | null {
  const { dom, meta, ld, main } = src;
  let d = parseDate(meta.get('article:published_time'));
  if (d) return d;
  for (const o of main ? [main, ...ld] : ld) if ((d = parseDate(jsonString(o['datePublished'])))) return d;
  for (const v of itempropValues(dom, 'datePublished')) if ((d = parseDate(v))) return d;
  for (const n of DATE_META_NAMES) if ((d = parseDate(meta.get(n)))) return d;
  for (const [k, v] of meta) if (PUBLISHED_META_NAME.test(k) && !MODIFIED_META_NAME.test(k) && (d = parseDate(v))) return d;
  if ((d = timeElementDate(dom, articleRoot))) return d;
  return main ? parseDate(jsonString(main['dateCreated'])) : null;
}

function readLang(src: Sources): string | null {
  const html = elementsByTag(src.dom, 'html')[0];
  return (
    normaliseLang(html !== undefined ? attr(src.dom, html, 'lang') ?? attr(src.dom, html, 'xml:lang') : null) ??
    normaliseLang(src.meta.get('content-language')) ??
    normaliseLang(src.meta.get('language')) ??
    normaliseLang(src.meta.get('og:locale')) ??
    normaliseLang(src.main ? jsonString(src.main['inLanguage']) : null)
  );
}

function readCanonicalUrl(src: Sources, base: string | undefined): string | null {
  for (const id of elementsByTag(src.dom, 'link')) {
    const rel = attr(src.dom, id, 'rel');
    if (rel && rel.toLowerCase().split(SPACES).includes('canonical')) {
      const url = resolveUrl(attr(src.dom, id, 'href'), base);
      if (url) return url;
    }
  }
  return resolveUrl(src.meta.get('og:url'), base);
}

function readAuthor(src: Sources): string | null {
  let author = src.main ? cleanAuthor(jsonNames(src.main['author'] ?? src.main['creator'])) : null;
  if (author) return author;
  for (const n of AUTHOR_META_NAMES) if ((author = cleanAuthor(src.meta.get(n) ?? null))) return author;
  for (const v of itempropValues(src.dom, 'author')) if ((author = cleanAuthor(v))) return author;
  return null;
}

function readDescription(src: Sources): string | null {
  const raw = firstMeta(src, DESCRIPTION_META_NAMES) ?? (src.main ? jsonString(src.main['description']) : null);
  return raw ? clean(raw.replace(TAG, ' ')) : null;
}

export function readMetadata(dom: Dom, options: MetadataOptions = {}): PageMetadata {
  const ld = readJsonLd(dom);
  const main = ld.find((o) => types(o).some((t) => ARTICLE_TYPE.test(t))) ?? ld.find((o) => types(o).some((t) => PAGE_TYPE.test(t)));
  const src: Sources = { dom, meta: readMetaTags(dom), ld, main };

  const titleEl = elementsByTag(dom, 'title')[0];
  const pageTitle = titleEl !== undefined ? clean(textContent(dom, titleEl)) : null;
  let siteName = readSiteName(src);
  if (!siteName && pageTitle) siteName = splitTitle(pageTitle, null, true).site;
  if (!siteName) {
    const tw = firstMeta(src, ['twitter:site']);
    if (tw && !tw.startsWith('@')) siteName = tw;
  }
  return {
    title: readTitle(src, pageTitle, siteName),
    siteName,
    published: readPublished(src, options.articleRoot),
    lang: readLang(src),
    canonicalUrl: readCanonicalUrl(src, options.url),
    author: readAuthor(src),
    description: readDescription(src),
  };
}

/** Whether the element lies in comments, related links, navigation, sidebars or footers. */
function inFurniture(dom: Dom, id: number): boolean {
  let p = id;
  for (let depth = 0; p > 0 && depth < MAX_FURNITURE_DEPTH; depth++, p = dom.parent[p]!) {
    const tag = dom.tag[p]!;
    if (tag === 'body' || tag === 'html') return false;
    if (FURNITURE_TAGS.has(tag) || classHint(dom, p) === HINT_STRONG_FURNITURE) return true;
  }
  return false;
}

/** A <time> marked as an update time, not the publication. */
function isUpdateTime(dom: Dom, id: number): boolean {
  const c = `${attr(dom, id, 'class') ?? ''} ${attr(dom, id, 'itemprop') ?? ''}`;
  return UPDATE_CLASS.test(c) && !PUBLISHED_CLASS.test(c);
}

function timeElementDate(dom: Dom, root: number | undefined): string | null {
  const times = elementsByTag(dom, 'time')
    .slice(0, MAX_TIME_ELEMENTS)
    .filter((id) => !isUpdateTime(dom, id) && !inFurniture(dom, id));
  if (times.length === 0) return null;
  let scope = 0;
  if (root !== undefined) {
    scope = root;
    for (let p = root; p > 0; p = dom.parent[p]!) {
      if (dom.tag[p] === 'article' || dom.tag[p] === 'main') {
        scope = p;
        break;
      }
    }
  }
  const inScope = times.filter((id) => id >= scope && id < dom.subtreeEnd[scope]!);
  for (const id of [...inScope, ...times]) {
    const d = parseDate(attr(dom, id, 'datetime') ?? collapsedText(dom, id));
    if (d) return d;
  }
  return null;
}
