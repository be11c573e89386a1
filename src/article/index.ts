/**
 * The article stage: a decoded document → its main text (with a map back to
 * the original), title, outlet, publication date and language. Metadata given
 * by the container (JSON fields, feed items) wins over what is read from the
 * content; a date the content does not give stays null.
 */
import { composeSegments, OffsetMap } from '../core/offsets.js';
import { parseDateString } from '../core/dates.js';
import type { Article, DocumentInput } from '../core/types.js';
import { extractHtml } from './html.js';
import { htmlFragmentText } from './htmltext.js';
import { markdownLines, splitLines } from './lines.js';
import { cleanPlainLines } from './plaintext.js';
import { guessLanguage } from './language.js';

/** A JSON "html" field shorter than this with no <body> is a fragment, not a page. */
const PAGE_MARKERS = /<(html|body|article|main)\b/i;

export function toArticle(input: DocumentInput): Article {
  const given = input.given ?? {};
  let text = '';
  let segments: Article['segments'] = [];
  let title: string | null = null;
  let outlet: string | null = null;
  let published: string | null = null;
  let language: string | null = null;
  let url: string | null = given.url ?? null;
  let author: string | null = null;

  const givenDate = parseDateString(given.date ?? null);
  const plainOptions = { title: given.title ?? null, published: givenDate };

  if (input.format === 'html' && PAGE_MARKERS.test(input.original.slice(0, 20000))) {
    const h = extractHtml(input.original, url ? { url } : {});
    // the extracted text still goes through the plain-text furniture filter
    const inner = splitLines(h.text);
    const p = cleanPlainLines(inner, { title: h.title ?? given.title ?? null, published: h.published ?? givenDate, source: h.text });
    text = p.text;
    segments = composeSegments(p.segments, h.map);
    title = h.title ?? p.title;
    outlet = h.siteName ?? p.outlet;
    published = h.published ?? p.published;
    language = h.lang;
    url = url ?? h.canonicalUrl;
    author = h.author;
  } else if (input.format === 'html' || input.format === 'feed') {
    const f = htmlFragmentText(input.original);
    const p = cleanPlainLines(splitLines(f.text), { ...plainOptions, source: f.text });
    text = p.text;
    segments = composeSegments(p.segments, new OffsetMap(f.segments));
    title = p.title;
    outlet = p.outlet;
    published = p.published;
  } else if (input.format === 'markdown') {
    const md = markdownLines(input.original);
    const p = cleanPlainLines(md.lines, { title: given.title ?? md.front.title ?? null, published: givenDate ?? parseDateString(md.front.date) });
    text = p.text;
    segments = p.segments;
    title = md.front.title ?? p.title;
    outlet = md.front.outlet ?? p.outlet;
    published = parseDateString(md.front.date) ?? p.published;
    language = md.front.language ?? null;
    url = url ?? md.front.url ?? null;
    author = md.front.author ?? null;
  } else {
    const p = cleanPlainLines(splitLines(input.original), { ...plainOptions, source: input.original });
    text = p.text;
    segments = p.segments;
    title = p.title;
    outlet = p.outlet;
    published = p.published;
  }

  return {
    text,
    segments,
    title: clean(given.title) ?? clean(title),
    outlet: clean(given.outlet) ?? clean(outlet),
    published: givenDate ?? published,
    language: normaliseLanguage(given.language) ?? normaliseLanguage(language) ?? guessLanguage(text),
    url,
    author: clean(author),
  };
}

/** whitespace that collapsing changes: a run of two, or a space other than " " (most titles have neither, and copying them cost 3% of prepareRecord) */
const UNCOLLAPSED = /\s\s|[^\S ]/;

function clean(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = (UNCOLLAPSED.test(s) ? s.replace(/\s+/g, ' ') : s).trim();
  return t ? t.slice(0, 500) : null;
}

function normaliseLanguage(l: string | null | undefined): string | null {
  if (!l) return null;
  const m = /^([a-z]{2,3})\b/i.exec(l.trim());
  return m ? m[1]!.toLowerCase() : null;
}
