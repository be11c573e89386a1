/**
 * Builds the article's blocks without the furniture elements marked by the
 * selection stage, then drops link lists and trims labels, bylines and
 * dates at the edges of the text.
 */
import { type Block, buildBlocks } from './blocks.js';
import { type Dom } from './dom.js';

/** Blocks with more link text than this are dropped. */
const MAX_BLOCK_LINK_DENSITY = 0.5;
/** Edge blocks shorter than this without sentence punctuation are trimmed. */
const MAX_LABEL_CHARS = 80;

/**
 * Runs of more label-like blocks than this at an edge are kept: they are a
 * list or table that belongs to the article, not a byline or a label.
 */
const MAX_TRIMMED_RUN = 4;

function isLabelLike(s: Block): boolean {
  return s.chars < MAX_LABEL_CHARS && s.sentences === 0;
}

/** Builds the blocks of `root` without furniture and trims edge labels. */
export function cleanBlocks(dom: Dom, root: number, skip: Uint8Array): Block[] {
  const blocks = buildBlocks(dom, root, skip);
  const keep = blocks.map((b) => b.linkChars <= MAX_BLOCK_LINK_DENSITY * b.chars);
  // trim label-like blocks at both ends
  const trimmable = (i: number): boolean => !keep[i] || isLabelLike(blocks[i]!);
  let first = 0;
  while (first < blocks.length && trimmable(first)) first++;
  if (first > MAX_TRIMMED_RUN) first = 0;
  let last = blocks.length - 1;
  while (last >= first && trimmable(last)) last--;
  if (blocks.length - 1 - last > MAX_TRIMMED_RUN) last = blocks.length - 1;
  if (first > last) {
    // nothing but labels: a tiny page, keep what it says
    first = 0;
    last = blocks.length - 1;
  }
  const out: Block[] = [];
  for (let i = first; i <= last; i++) if (keep[i]) out.push(blocks[i]!);
  return out;
}
