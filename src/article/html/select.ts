/**
 * Chooses the element that holds the article body.
 *
 * 1. Paragraph-like blocks vote for the elements around them: full weight
 *    for the element that directly holds the paragraphs, decaying shares for
 *    a few ancestors. Blocks inside page furniture (comments, sidebars,
 *    navigation…) do not vote.
 * 2. Element scores are the votes discounted by link density and weighed by
 *    what class/id names say.
 * 3. The best element is widened to ancestors while that adds substantial
 *    paragraph text at little cost in other text (articles split into
 *    several sections by ads or widgets).
 */
import { type Block, buildBlocks, collapsedText } from './blocks.js';
import { type Dom, ELEMENT, attr, elementsByTag, textContent } from './dom.js';
import { type ElementTotals, elementTotals, linkDensity } from './features.js';
import { HINT_AMBIGUOUS, HINT_BODY, HINT_FURNITURE, HINT_STRONG_FURNITURE, classHint } from './hints.js';
import { FURNITURE_TAGS, HEADING_TAGS, PARAGRAPH_TAGS } from './tags.js';

/** Blocks shorter than this do not vote for their container. */
const MIN_VOTING_CHARS = 25;
/** Blocks with more link text than this do not vote. */
const MAX_VOTING_LINK_DENSITY = 0.5;
/** A block opening with this much link text (and share of its text) is a teaser of another story. */
const MIN_TEASER_LINK_CHARS = 15;
const MIN_TEASER_LINK_SHARE = 0.1;
/** Ancestor levels that receive a share of a paragraph's score. */
const VOTE_LEVELS = 4;
const MAX_LENGTH_POINTS = 3;
const BODY_HINT_FACTOR = 1.5;
const FURNITURE_HINT_FACTOR = 0.3;
/** Inside the article, link-dense elements (lists of links) are dropped above this density. */
const MAX_ELEMENT_LINK_DENSITY = 0.5;
/** Elements whose text is never part of the article body. */
const ALWAYS_DROP_TAGS = new Set(['figcaption']);
/** Weak furniture hints are ignored on elements holding more than this share of the page's paragraph text. */
const WEAK_FURNITURE_MAX_SHARE = 0.5;
/** Widening stops after this many levels. */
const MAX_WIDEN_LEVELS = 6;
/** Widening needs the added paragraph mass to be at least this share of the added text. */
const MIN_WIDEN_DENSITY = 0.55;
/** …and at least this share of the paragraph mass so far. */
const MIN_WIDEN_GAIN = 0.1;

interface Analysis {
  /** Per element: characters of blocks that may vote (furniture or not). */
  paragraphChars: Float64Array;
  /** Per element: 1 when it or an ancestor (below body) is page furniture. */
  furniture: Uint8Array;
  /** Per element: own class-name hint (HINT_*). */
  hints: Uint8Array;
  /** Per block: vote value (0 = does not vote). */
  votes: Float64Array;
  /** Per element: sum of the votes of the blocks in its subtree (no decay). */
  mass: Float64Array;
  /** Per element: characters of voting blocks in its subtree. */
  massChars: Float64Array;
  /** Per element: container score. */
  scores: Float64Array;
  /** Per element: <article> elements with voting paragraphs in its subtree (itself included). */
  articles: Int32Array;
}

/** Furniture by name or tag (ambiguous names excluded). */
function isFurnitureElement(dom: Dom, id: number, hint: number): boolean {
  return hint === HINT_FURNITURE || hint === HINT_STRONG_FURNITURE || FURNITURE_TAGS.has(dom.tag[id]!);
}

/** Furniture by name or tag, ambiguous names included. */
function mayBeFurniture(dom: Dom, id: number, hint: number): boolean {
  return hint === HINT_AMBIGUOUS || isFurnitureElement(dom, id, hint);
}

/** Whether a block may vote for its container (length, links, headings). */
function canVote(dom: Dom, b: Block): boolean {
  return (
    b.chars >= MIN_VOTING_CHARS &&
    b.linkChars / b.chars <= MAX_VOTING_LINK_DENSITY &&
    !HEADING_TAGS.has(dom.tag[b.owner]!) &&
    !isTeaser(b)
  );
}

/** A block that opens with a linked headline: an entry of a list of other stories. */
function isTeaser(b: Block): boolean {
  return b.leadingLinkChars >= MIN_TEASER_LINK_CHARS && b.leadingLinkChars >= MIN_TEASER_LINK_SHARE * b.chars;
}

/**
 * Per element: 1 when it or an ancestor (below body) is page furniture.
 * Weak furniture names and tags count only for elements that hold less
 * than half of the page's paragraph text (a wrapper named "…-ad-margins"
 * or "content-with-sidebar" may hold the article itself).
 */
function furnitureAncestry(dom: Dom, paragraphChars: Float64Array, hints: Uint8Array): Uint8Array {
  const limit = paragraphChars[0]! * WEAK_FURNITURE_MAX_SHARE;
  const out = new Uint8Array(dom.size);
  for (let i = 1; i < dom.size; i++) {
    const p = dom.parent[i]!;
    if (p >= 0 && out[p]) out[i] = 1;
    else if (dom.kind[i] === ELEMENT && dom.tag[i] !== 'body' && dom.tag[i] !== 'html') {
      const hint = hints[i]!;
      if (hint === HINT_STRONG_FURNITURE) out[i] = 1;
      else if (mayBeFurniture(dom, i, hint) && paragraphChars[i]! < limit) out[i] = 1;
    }
  }
  return out;
}

/** Per element: characters of the blocks that may vote, in its subtree. */
function paragraphCharsOf(dom: Dom, blocks: readonly Block[]): Float64Array {
  const paragraphChars = new Float64Array(dom.size);
  for (let i = 0; i < blocks.length; i++) {
    if (canVote(dom, blocks[i]!)) paragraphChars[blocks[i]!.owner]! += blocks[i]!.chars;
  }
  for (let i = dom.size - 1; i > 0; i--) {
    const p = dom.parent[i]!;
    if (p >= 0) paragraphChars[p]! += paragraphChars[i]!;
  }
  return paragraphChars;
}

function elementHints(dom: Dom): Uint8Array {
  const hints = new Uint8Array(dom.size);
  for (let i = 0; i < dom.size; i++) if (dom.kind[i] === ELEMENT) hints[i] = classHint(dom, i);
  return hints;
}

function analyse(
  dom: Dom,
  blocks: readonly Block[],
  totals: ElementTotals,
  hints: Uint8Array,
  paragraphChars: Float64Array,
  furniture: Uint8Array,
  useFurniture: boolean,
): Analysis {
  const votes = new Float64Array(blocks.length);
  const raw = new Float64Array(dom.size);
  const mass = new Float64Array(dom.size);
  const massChars = new Float64Array(dom.size);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!canVote(dom, b)) continue;
    const ld = b.linkChars / b.chars;
    let el = b.owner;
    const tag = dom.tag[el]!;
    if (useFurniture && furniture[el]) continue;
    const value = (1 + b.commas + Math.min(b.chars / 100, MAX_LENGTH_POINTS)) * (1 - ld);
    votes[i] = value;
    mass[b.owner]! += value;
    massChars[b.owner]! += b.chars;
    if (PARAGRAPH_TAGS.has(tag)) el = dom.parent[el]!;
    for (let level = 0; level < VOTE_LEVELS && el > 0; level++) {
      raw[el]! += level === 0 ? value : level === 1 ? value / 2 : value / (level * 3);
      // an <article> is a self-contained story: its paragraphs do not vote for what holds it
      if (dom.tag[el] === 'article') break;
      el = dom.parent[el]!;
    }
  }
  const articles = new Int32Array(dom.size);
  for (let i = dom.size - 1; i > 0; i--) {
    if (mass[i]! > 0 && dom.tag[i] === 'article') articles[i]!++;
    const p = dom.parent[i]!;
    if (p < 0) continue;
    mass[p]! += mass[i]!;
    massChars[p]! += massChars[i]!;
    articles[p]! += articles[i]!;
  }
  const scores = new Float64Array(dom.size);
  for (let i = 0; i < dom.size; i++) {
    if (raw[i] === 0 || dom.kind[i] !== ELEMENT) continue;
    let s = raw[i]! * (1 - linkDensity(totals, i));
    const hint = hints[i]!;
    if (hint === HINT_BODY) s *= BODY_HINT_FACTOR;
    else if (mayBeFurniture(dom, i, hint)) s *= FURNITURE_HINT_FACTOR;
    scores[i] = s;
  }
  return { paragraphChars, furniture, hints, votes, mass, massChars, scores, articles };
}

function bestElement(dom: Dom, scores: Float64Array): number {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < dom.size; i++) {
    if (scores[i]! > bestScore) {
      bestScore = scores[i]!;
      best = i;
    }
  }
  return best;
}

/**
 * Widens `root` to the highest ancestor (within a few levels) whose extra
 * content, compared with `root`, is mostly paragraph text and adds a
 * noticeable share of paragraph mass.
 */
function widen(dom: Dom, root: number, a: Analysis, totals: ElementTotals): number {
  let best = root;
  let cur = root;
  for (let level = 0; level < MAX_WIDEN_LEVELS; level++) {
    const p = dom.parent[cur]!;
    if (p <= 0 || dom.tag[p] === 'body' || dom.tag[p] === 'html') break;
    // never merge two stories: stop before taking in another <article> with paragraphs
    if (a.articles[p]! > a.articles[cur]! + (dom.tag[p] === 'article' ? 1 : 0)) break;
    cur = p;
    const addedMass = a.mass[p]! - a.mass[root]!;
    const addedGood = a.massChars[p]! - a.massChars[root]!;
    const addedAll = totals.chars[p]! - totals.chars[root]!;
    if (addedAll <= 0) {
      best = p;
      continue;
    }
    if (addedMass >= MIN_WIDEN_GAIN * a.mass[root]! && addedGood / addedAll >= MIN_WIDEN_DENSITY) best = p;
  }
  return best;
}

/** Marks the elements inside `root` whose content is not part of the article. */
function furnitureMarks(dom: Dom, root: number, a: Analysis, totals: ElementTotals, firstParagraph: number): Uint8Array {
  const skip = new Uint8Array(dom.size);
  const end = dom.subtreeEnd[root]!;
  const limit = a.paragraphChars[root]! * WEAK_FURNITURE_MAX_SHARE;
  const massLimit = a.massChars[root]! * WEAK_FURNITURE_MAX_SHARE;
  for (let i = root + 1; i < end; i++) {
    if (dom.kind[i] !== ELEMENT) continue;
    const tag = dom.tag[i]!;
    const hint = a.hints[i]!;
    let drop =
      ALWAYS_DROP_TAGS.has(tag) ||
      (tag === 'h1' && i < firstParagraph) ||
      (tag === 'figure' && !holdsQuoteOrTable(dom, i)) ||
      hint === HINT_STRONG_FURNITURE ||
      (isFurnitureElement(dom, i, hint) && a.paragraphChars[i]! < limit && !holdsQuotation(dom, i)) ||
      (totals.chars[i]! > 0 && linkDensity(totals, i) > MAX_ELEMENT_LINK_DENSITY && a.massChars[i]! < totals.chars[i]! / 2);
    // never cut out most of the article's paragraphs
    if (drop && a.massChars[i]! > massLimit) drop = false;
    if (drop) {
      skip[i] = 1;
      i = dom.subtreeEnd[i]! - 1;
    }
  }
  return skip;
}

/** Descendants looked at to tell what an element holds. */
const MAX_CONTENT_SCAN = 2000;
const FIGURE_CONTENT_TAGS = new Set(['table', 'blockquote', 'pre', 'ol', 'ul']);
const QUOTATION_TAGS = new Set(['blockquote']);

/** Whether the element has a descendant with one of `tags` (`ifLarge` when it has too many descendants to look). */
function holds(dom: Dom, id: number, tags: ReadonlySet<string>, ifLarge: boolean): boolean {
  const end = Math.min(dom.subtreeEnd[id]!, id + MAX_CONTENT_SCAN);
  if (end < dom.subtreeEnd[id]!) return ifLarge;
  for (let i = id + 1; i < end; i++) if (dom.kind[i] === ELEMENT && tags.has(dom.tag[i]!)) return true;
  return false;
}

/** Whether a figure holds a table, quotation, code or list (else it is an image with credits). */
function holdsQuoteOrTable(dom: Dom, figure: number): boolean {
  return holds(dom, figure, FIGURE_CONTENT_TAGS, true);
}

/** Whether an element holds a quotation: an embedded post ("social-embed"), not a share bar. */
function holdsQuotation(dom: Dom, id: number): boolean {
  return holds(dom, id, QUOTATION_TAGS, false);
}

/** First text node of the first voting block inside `root` (the start of the article body). */
function firstParagraphNode(dom: Dom, blocks: readonly Block[], a: Analysis, root: number): number {
  const end = dom.subtreeEnd[root]!;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (a.votes[i]! > 0 && b.firstNode > root && b.firstNode < end) return b.firstNode;
  }
  return end;
}

/** Headings must have this many characters to be matched with the page title. */
const MIN_HEADLINE_CHARS = 12;
/** The headlined story is preferred when it scores at least this share of the best element. */
const MIN_HEADLINED_SHARE = 0.3;
const NON_LETTERS = /[^\p{L}\p{N}]+/gu;

function normaliseHeadline(s: string): string {
  return s.toLowerCase().replace(NON_LETTERS, ' ').trim();
}

/** The page's title as its metadata gives it (og:title, else <title>), normalised. */
function pageTitle(dom: Dom): string {
  for (const id of elementsByTag(dom, 'meta')) {
    if (attr(dom, id, 'property') === 'og:title') {
      const v = attr(dom, id, 'content');
      if (v) return normaliseHeadline(v);
    }
  }
  const t = elementsByTag(dom, 'title')[0];
  return t === undefined ? '' : normaliseHeadline(textContent(dom, t));
}

/**
 * When the page holds several stories in <article> elements (teasers,
 * a next story loaded below), the page's own story is the one whose
 * heading repeats the page title. Returns the best element of that story
 * when the chosen element lies in another story and the headlined one
 * scores reasonably.
 */
function preferHeadlinedArticle(dom: Dom, root: number, a: Analysis): number {
  const title = pageTitle(dom);
  if (title.length < MIN_HEADLINE_CHARS) return root;
  let story = -1;
  for (const h of elementsByTag(dom, 'h1')) {
    if (a.furniture[h]) continue;
    const text = normaliseHeadline(collapsedText(dom, h));
    if (text.length < MIN_HEADLINE_CHARS || !title.includes(text)) continue;
    for (let p = dom.parent[h]!; p > 0; p = dom.parent[p]!) {
      if (dom.tag[p] === 'article') {
        story = p;
        break;
      }
    }
    break;
  }
  if (story < 0 || (root >= story && root < dom.subtreeEnd[story]!)) return root;
  let best = -1;
  for (let i = story; i < dom.subtreeEnd[story]!; i++) if (best < 0 || a.scores[i]! > a.scores[best]!) best = i;
  return best >= 0 && a.scores[best]! >= MIN_HEADLINED_SHARE * a.scores[root]! ? best : root;
}

/** Text shorter than this (and a small share of the page's paragraphs) triggers the fallback. */
const MIN_RESULT_CHARS = 250;
const MIN_RESULT_SHARE = 0.2;

/**
 * The element holding the article, and the marks of the furniture inside
 * it (elements whose text is left out). When the choice holds little of
 * the page's paragraph text, the page's furniture names are probably
 * misleading (an article wrapper named like a widget): the choice is made
 * again with every paragraph voting.
 */
export function chooseArticle(dom: Dom): { root: number; skip: Uint8Array } {
  const body = elementsByTag(dom, 'body')[0] ?? 0;
  const blocks = buildBlocks(dom, body, undefined, false);
  const totals = elementTotals(dom, blocks);
  const hints = elementHints(dom);
  const paragraphChars = paragraphCharsOf(dom, blocks);
  const furniture = furnitureAncestry(dom, paragraphChars, hints);
  let a = analyse(dom, blocks, totals, hints, paragraphChars, furniture, true);
  let root = bestElement(dom, a.scores);
  const pageParagraphs = paragraphChars[body]!;
  if (root < 0 || (a.massChars[root]! < MIN_RESULT_CHARS && a.massChars[root]! < MIN_RESULT_SHARE * pageParagraphs)) {
    const b = analyse(dom, blocks, totals, hints, paragraphChars, furniture, false);
    const other = bestElement(dom, b.scores);
    if (other >= 0 && (root < 0 || b.massChars[other]! > a.massChars[root]!)) {
      a = b;
      root = other;
    }
  }
  if (root < 0) return { root: body, skip: furnitureMarks(dom, body, a, totals, body) };
  root = preferHeadlinedArticle(dom, root, a);
  root = widen(dom, root, a, totals);
  return { root, skip: furnitureMarks(dom, root, a, totals, firstParagraphNode(dom, blocks, a, root)) };
}
