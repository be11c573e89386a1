/**
 * Main text and metadata of an HTML page.
 *
 * Stages, each a module of src/article/html/:
 * - dom: parse into a flat tree (iterative, linear, never throws);
 * - blocks: split a subtree into blocks of inline text (paragraphs, list
 *   items, table rows) with whitespace collapsed and a map to the source;
 * - hints: what class/id/role names say (article body, furniture);
 * - select: paragraph-like blocks vote for their containers; the best
 *   container is chosen, widened over split sections, and the furniture
 *   inside it (share bars, related links, captions, ads…) is marked;
 * - clean: rebuild the chosen blocks without the furniture, drop link
 *   lists and trim labels, bylines and dates at the edges;
 * - assemble: join the blocks with "\n\n" through TextBuilder;
 * - metadata: headline, outlet, date, language, address, author, summary.
 */
import { OffsetMap } from '../core/offsets.js';
import { assemble } from './html/assemble.js';
import { cleanBlocks } from './html/clean.js';
import { parseHtml } from './html/dom.js';
import { readMetadata } from './html/metadata.js';
import { chooseArticle } from './html/select.js';

export interface HtmlArticle {
  /** The article's main text: paragraphs (headings, list items, table rows) separated by "\n\n", whitespace collapsed. */
  text: string;
  /** Maps every character of `text` back to offsets in the input HTML. */
  map: OffsetMap;
  /** Headline, without the " | Site" suffix of <title>. */
  title: string | null;
  /** Outlet. */
  siteName: string | null;
  /** Publication date, 'YYYY-MM-DD', as the page states it; null if it does not. */
  published: string | null;
  /** Two-letter language code. */
  lang: string | null;
  canonicalUrl: string | null;
  author: string | null;
  description: string | null;
}

export interface HtmlOptions {
  /** Address of the page, to resolve relative URLs. */
  url?: string;
}

function empty(): HtmlArticle {
  return {
    text: '',
    map: new OffsetMap([]),
    title: null,
    siteName: null,
    published: null,
    lang: null,
    canonicalUrl: null,
    author: null,
    description: null,
  };
}

export function extractHtml(html: string, options?: HtmlOptions): HtmlArticle {
  if (typeof html !== 'string' || html.length === 0) return empty();
  const url = typeof options?.url === 'string' ? options.url : undefined;
  const dom = parseHtml(html);
  const { root, skip } = chooseArticle(dom);
  const { text, map } = assemble(cleanBlocks(dom, root, skip));
  const meta = readMetadata(dom, { url, articleRoot: root });
  return { text, map, ...meta };
}
