/**
 * What an element's class, id, role and itemprop say about it: article body,
 * page furniture, or nothing. Names are split into words ("articleBody",
 * "article-body" and "article_body" all give "article" + "body") so that
 * the vocabulary stays small and generic.
 */
import { type Dom } from './dom.js';

const CAMEL_BOUNDARY = /([a-z])([A-Z])/g;
const NAME_SEPARATOR = /[^a-z0-9]+/;

/** Words of a class/id list, lower-case. */
function nameWords(value: string): string[] {
  return value.replace(CAMEL_BOUNDARY, '$1 $2').toLowerCase().split(NAME_SEPARATOR).filter(Boolean);
}

/** Words that mark the article body (combined with BODY_WORDS below). */
const ARTICLE_WORDS = new Set(['article', 'story', 'post', 'entry', 'news', 'blog', 'content', 'main', 'text', 'rich', 'detail', 'details', 'page']);
const BODY_WORDS = new Set(['body', 'content', 'text', 'copy', 'prose', 'main', 'detail', 'entry', 'container', 'wrapper', 'inner']);
/** Single words that mark article text on their own. */
const STRONG_BODY_NAMES = new Set(['articlebody', 'storybody', 'postbody', 'entrycontent', 'postcontent', 'articlecontent', 'storycontent', 'hentry', 'prose', 'bodytext', 'articletext', 'storytext', 'maincontent', 'rte', 'richtext']);

/** Words that mark page furniture however much text the element holds. */
const STRONG_FURNITURE_WORDS = new Set([
  'comment', 'comments', 'commentlist', 'disqus', 'respond', 'replies', 'related', 'recommended', 'recommendations',
  'outbrain', 'taboola', 'newsletter', 'cookie', 'cookies', 'consent', 'gdpr', 'breadcrumb', 'breadcrumbs',
]);

/** Words that mark page furniture unless the element holds most of the text around it. */
const FURNITURE_WORDS = new Set([
  'share', 'sharing', 'sharebar', 'social', 'sociable', 'recommendation', 'promo', 'promotion', 'promoted',
  'sponsor', 'sponsored', 'advert', 'advertisement', 'advertising', 'ad', 'ads', 'adslot', 'adunit', 'dfp',
  'sidebar', 'footer', 'masthead', 'nav', 'navbar', 'navigation', 'menu', 'pagination', 'pager', 'tags',
  'tagcloud', 'taglist', 'keywords', 'subscribe', 'subscription', 'signup', 'popup', 'modal', 'caption',
  'credit', 'credits', 'byline', 'author', 'authors', 'dateline', 'timestamp', 'toolbar', 'rating', 'poll',
  'trending', 'popular', 'skip', 'teaser', 'teasers', 'rail', 'complementary', 'copyright', 'disclaimer',
  'paywall', 'donate', 'donation', 'follow', 'feedback', 'reactions', 'pagenav', 'signin', 'login',
]);

/**
 * Words that often mark furniture but also name parts of articles (a
 * sports table's "player" rows, an art "gallery"): they only keep
 * paragraphs from voting, they never cut text out of the chosen article.
 */
const AMBIGUOUS_WORDS = new Set([
  'tag', 'banner', 'widget', 'bio', 'print', 'tools', 'search', 'contact', 'legal', 'reaction', 'votes', 'vote',
  'gallery', 'carousel', 'slider', 'slideshow', 'thumbnail', 'thumbnails', 'video', 'player', 'playlist',
  'lightbox', 'overlay', 'offscreen', 'tooltip', 'dropdown', 'header', 'meta', 'info', 'topics', 'categories',
  'category', 'more', 'next', 'prev', 'previous', 'utility', 'toolbox', 'bottom', 'aside', 'callout', 'embed',
  'register', 'alert', 'notice', 'notification',
]);

/** Words around a furniture word that make the name describe a state ("has-sidebar", "comments-open"). */
const STATE_PREFIXES = new Set(['has', 'with', 'no', 'without', 'show', 'hide', 'enable', 'enabled', 'allow', 'is']);
const STATE_SUFFIXES = new Set(['open', 'closed', 'enabled', 'disabled', 'allowed', 'on', 'off', 'active', 'visible']);

/** Word pairs that mark furniture even though each word alone is neutral. */
const FURNITURE_PAIRS: readonly (readonly [string, string])[] = [
  ['read', 'more'], ['see', 'also'], ['also', 'read'], ['more', 'stories'], ['most', 'read'], ['you', 'may'],
  ['sr', 'only'], ['visually', 'hidden'], ['screen', 'reader'],
];

/** itemprop values that mark the article body. */
const BODY_ITEMPROP = /(?:^|\s)articleBody(?:\s|$)/;
const BODY_ROLES = new Set(['main', 'article']);
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'search', 'dialog', 'alert', 'toolbar']);

export const HINT_NONE = 0;
export const HINT_BODY = 1;
export const HINT_AMBIGUOUS = 2;
export const HINT_FURNITURE = 3;
export const HINT_STRONG_FURNITURE = 4;

/** Whether the element's names suggest article body, furniture or nothing. */
export function classHint(dom: Dom, id: number): number {
  const a = dom.attrs[id];
  if (!a) return HINT_NONE;
  const itemprop = a['itemprop'];
  if (itemprop !== undefined && BODY_ITEMPROP.test(itemprop)) return HINT_BODY;
  const names = `${a['class'] ?? ''} ${a['id'] ?? ''}`;
  if (names.length < 2) return roleHint(a['role']);
  const words = nameWords(names);
  let body = false;
  let ambiguous = false;
  let furniture = false;
  let strong = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    // "has-comments", "comments-open": a state of the element, not what it is
    if ((i > 0 && STATE_PREFIXES.has(words[i - 1]!)) || (next !== undefined && STATE_SUFFIXES.has(next))) continue;
    if (STRONG_BODY_NAMES.has(w)) body = true;
    if (next !== undefined && ARTICLE_WORDS.has(w) && BODY_WORDS.has(next) && w !== next) body = true;
    if (FURNITURE_WORDS.has(w)) furniture = true;
    if (AMBIGUOUS_WORDS.has(w)) ambiguous = true;
    if (STRONG_FURNITURE_WORDS.has(w)) strong = true;
    if (next !== undefined) for (const [x, y] of FURNITURE_PAIRS) if (w === x && next === y) furniture = true;
  }
  if (body) return HINT_BODY;
  if (strong) return HINT_STRONG_FURNITURE;
  if (furniture) return HINT_FURNITURE;
  if (ambiguous) return HINT_AMBIGUOUS;
  return roleHint(a['role']);
}

function roleHint(role: string | undefined): number {
  if (!role) return HINT_NONE;
  if (BODY_ROLES.has(role)) return HINT_BODY;
  if (FURNITURE_ROLES.has(role)) return HINT_FURNITURE;
  return HINT_NONE;
}
