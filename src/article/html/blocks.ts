/**
 * Splits a subtree into blocks: maximal runs of inline text between
 * block-level boundaries. Each block carries its whitespace-collapsed text
 * and a fine-grained map back to the source, so that assembling the final
 * text is a matter of concatenating chosen blocks.
 */
import { type Dom, ELEMENT, TEXT, attr, nodeText } from './dom.js';
import { BLOCK_TAGS, CELL_TAGS, NON_CONTENT_TAGS } from './tags.js';

export interface Block {
  /** Whitespace-collapsed text ('' when blocks are built for statistics only). */
  text: string;
  /**
   * Source map: pieces[pieceStart, pieceEnd) are triplets (textOffset,
   * origStart, origEnd): the text from textOffset up to the next triplet's
   * textOffset came from html[origStart, origEnd); origStart < 0 marks
   * synthetic text. `pieces` is shared by all blocks of one build.
   */
  pieces: readonly number[];
  pieceStart: number;
  pieceEnd: number;
  /** First and last text node of the block. */
  firstNode: number;
  lastNode: number;
  /** Innermost block-level element that contains the block. */
  owner: number;
  /** Characters (of `text`) inside links. */
  linkChars: number;
  /** Characters of link text before the first character outside links. */
  leadingLinkChars: number;
  /** Length of the text. */
  chars: number;
  /** Sentence-ending punctuation marks followed by a space or the end. */
  sentences: number;
  /** Commas and semicolons. */
  commas: number;
}

const SENTENCE_END = /[.!?\u3002\uff01\uff1f\u061f\u0964](?:["'\u201d\u2019\u00bb)\]]*)(?=\s|$)/g;
const COMMA = /[,\u060c\u3001\uff0c;]/g;

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

const CHAR_ORDINARY = 0;
/** HTML whitespace plus no-break space: collapsed to one space. */
const CHAR_SPACE = 1;
/** Invisible characters (soft hyphen, zero-width space, word joiner, BOM): dropped. */
const CHAR_INVISIBLE = 2;

function charClass(c: number): number {
  if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0) return CHAR_SPACE;
  if (c === 0xad || c === 0x200b || c === 0x2060 || c === 0xfeff) return CHAR_INVISIBLE;
  return CHAR_ORDINARY;
}

function classOfString(s: string): number {
  let cls = -1;
  for (let i = 0; i < s.length; i++) {
    const c = charClass(s.charCodeAt(i));
    if (cls >= 0 && c !== cls) return CHAR_ORDINARY;
    cls = c;
  }
  return cls < 0 ? CHAR_INVISIBLE : cls;
}

const WHITESPACE_RUNS = /[\t\n\f\r \u00a0]+/g;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

/** True for elements that are never rendered (attribute-wise). */
function isHiddenElement(dom: Dom, id: number): boolean {
  const a = dom.attrs[id];
  if (!a) return false;
  if ('hidden' in a) return true;
  if (a['aria-hidden'] === 'true' && dom.tag[id] !== 'body' && dom.tag[id] !== 'html') return true;
  const style = a['style'];
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/** Whether an element's content is excluded regardless of context. */
function isNonContent(dom: Dom, id: number): boolean {
  return NON_CONTENT_TAGS.has(dom.tag[id]!) || isHiddenElement(dom, id);
}

class BlockWriter {
  readonly blocks: Block[] = [];
  private parts: string[] = [];
  private readonly pieces: number[] = [];
  private pieceStart = 0;
  private firstNode = -1;
  private lastNode = -1;
  private owner = 0;
  private linkChars = 0;
  private leadingLinkChars = 0;
  private leading = true;
  // pending whitespace
  private wsStart = -1;
  private wsEnd = -1;
  private wsSingleSpace = false;
  private pendingLineBreak = false;
  private pendingSeparator = false;
  private len = 0;

  constructor(
    private readonly html: string,
    private readonly keepText: boolean,
  ) {}

  private emit(s: string, origStart: number, origEnd: number, inLink: boolean): void {
    if (this.keepText) {
      const p = this.pieces;
      const n = p.length;
      // extend the previous piece when both are exact and adjacent in the source
      if (
        n > this.pieceStart &&
        origStart >= 0 &&
        origEnd - origStart === s.length &&
        p[n - 1] === origStart &&
        p[n - 2]! >= 0 &&
        p[n - 1]! - p[n - 2]! === this.len - p[n - 3]!
      ) {
        p[n - 1] = origEnd;
      } else p.push(this.len, origStart, origEnd);
    }
    this.parts.push(s);
    this.len += s.length;
    if (inLink) {
      this.linkChars += s.length;
      if (this.leading) this.leadingLinkChars += s.length;
    } else if (origStart >= 0 || s !== ' ') this.leading = false;
  }

  private flushWhitespace(inLink: boolean): void {
    if (this.pendingLineBreak) {
      this.emit('\n', -1, -1, false);
    } else if (this.wsStart >= 0 && this.len > 0) {
      const span = this.wsEnd - this.wsStart;
      if (this.wsSingleSpace && span === 1) this.emit(' ', this.wsStart, this.wsEnd, inLink);
      else if (span > 1) this.emit(' ', this.wsStart, this.wsEnd, inLink);
      else this.emit(' ', -1, -1, inLink);
    } else if (this.pendingSeparator && this.len > 0) {
      this.emit(' ', -1, -1, false);
    }
    this.wsStart = -1;
    this.pendingLineBreak = false;
    this.pendingSeparator = false;
  }

  /** A boundary that separates words without ending the block (table cells). */
  separate(): void {
    if (this.len > 0) this.pendingSeparator = true;
  }

  /**
   * Records whitespace. A run is extended only by whitespace that directly
   * follows it in the source; whitespace after markup is dropped, so that
   * the space stands for the first run alone.
   */
  private whitespace(start: number, end: number, single: boolean): void {
    if (this.wsStart < 0) {
      this.wsStart = start;
      this.wsEnd = end;
      this.wsSingleSpace = single;
    } else if (start === this.wsEnd) {
      this.wsEnd = end;
      this.wsSingleSpace = false;
    }
  }

  /** Adds a text node. */
  addText(node: number, start: number, end: number, decoded: string | undefined, owner: number, inLink: boolean): void {
    if (decoded !== undefined) {
      const cls = classOfString(decoded);
      if (cls === CHAR_SPACE) {
        this.whitespace(start, end, false);
        return;
      }
      if (cls === CHAR_INVISIBLE) return;
      this.begin(node, owner);
      this.flushWhitespace(inLink);
      this.emit(decoded, start, end, inLink);
      return;
    }
    const html = this.html;
    let i = start;
    while (i < end) {
      const c = charClass(html.charCodeAt(i));
      let e = i + 1;
      while (e < end && charClass(html.charCodeAt(e)) === c) e++;
      if (c === CHAR_SPACE) {
        this.whitespace(i, e, e - i === 1 && html.charCodeAt(i) === 32);
      } else if (c === CHAR_ORDINARY) {
        this.begin(node, owner);
        this.flushWhitespace(inLink);
        this.emit(html.slice(i, e), i, e, inLink);
      }
      i = e;
    }
  }

  private begin(node: number, owner: number): void {
    if (this.firstNode < 0) {
      this.firstNode = node;
      this.owner = owner;
      this.wsStart = -1;
      this.pendingLineBreak = false;
      this.pendingSeparator = false;
    }
    this.lastNode = node;
  }

  /** A <br>: a line break inside the block; two in a row end the block. */
  lineBreak(): void {
    if (this.len === 0) return;
    if (this.pendingLineBreak) this.flush();
    else this.pendingLineBreak = true;
  }

  /** Ends the current block at a block-level boundary. */
  flush(): void {
    if (this.len > 0) {
      const text = this.parts.join('');
      this.blocks.push({
        text: this.keepText ? text : '',
        pieces: this.pieces,
        pieceStart: this.pieceStart,
        pieceEnd: this.pieces.length,
        chars: text.length,
        sentences: count(SENTENCE_END, text),
        commas: count(COMMA, text),
        firstNode: this.firstNode,
        lastNode: this.lastNode,
        owner: this.owner,
        linkChars: this.linkChars,
        leadingLinkChars: this.leadingLinkChars,
      });
    }
    this.parts = [];
    this.pieceStart = this.pieces.length;
    this.len = 0;
    this.firstNode = -1;
    this.lastNode = -1;
    this.linkChars = 0;
    this.leadingLinkChars = 0;
    this.leading = true;
    this.wsStart = -1;
    this.pendingLineBreak = false;
    this.pendingSeparator = false;
  }
}

/** A table row is laid out as one line when it is small and holds no block-level elements. */
const MAX_DATA_ROW_NODES = 400;
const MAX_DATA_ROW_CHARS = 400;

/** Whether the row's cells are data (joined on one line) rather than layout. */
function isDataRow(dom: Dom, row: number): boolean {
  const end = dom.subtreeEnd[row]!;
  if (end - row > MAX_DATA_ROW_NODES) return false;
  let chars = 0;
  for (let i = row + 1; i < end; i++) {
    if (dom.kind[i] === TEXT) chars += dom.end[i]! - dom.start[i]!;
    else if (dom.kind[i] === ELEMENT && BLOCK_TAGS.has(dom.tag[i]!) && !CELL_TAGS.has(dom.tag[i]!)) return false;
  }
  return chars <= MAX_DATA_ROW_CHARS;
}

const OPEN_BLOCK = 0;
const OPEN_LINK = 1;

/**
 * Blocks of the subtree rooted at `root`, skipping elements for which
 * `skip[id]` is non-zero (besides the non-content elements). Without
 * `keepText` only the statistics of the blocks are kept.
 */
export function buildBlocks(dom: Dom, root: number, skip?: Uint8Array, keepText = true): Block[] {
  const w = new BlockWriter(dom.html, keepText);
  const end = dom.subtreeEnd[root]!;
  // open elements that matter: block-level elements (owners) and links
  const openEnd: number[] = [];
  const openKind: number[] = [];
  const owners: number[] = [root];
  /** Per open owner: whether it is a data row (its cells join on one line). */
  const dataRow: boolean[] = [false];
  let linkDepth = 0;
  let i = root;
  while (i < end) {
    while (openEnd.length > 0 && openEnd[openEnd.length - 1]! <= i) {
      openEnd.pop();
      if (openKind.pop() === OPEN_LINK) linkDepth--;
      else {
        w.flush();
        owners.pop();
        dataRow.pop();
      }
    }
    const kind = dom.kind[i];
    if (kind === TEXT) {
      w.addText(i, dom.start[i]!, dom.end[i]!, dom.decoded[i], owners[owners.length - 1]!, linkDepth > 0);
      i++;
      continue;
    }
    if (kind !== ELEMENT) {
      i++;
      continue;
    }
    const tag = dom.tag[i]!;
    if ((skip && skip[i]) || isNonContent(dom, i)) {
      if (BLOCK_TAGS.has(tag) || CELL_TAGS.has(tag)) w.flush();
      i = dom.subtreeEnd[i]!;
      continue;
    }
    if (tag === 'br') {
      w.lineBreak();
      i++;
      continue;
    }
    const sub = dom.subtreeEnd[i]!;
    const inDataRow = dataRow[dataRow.length - 1]!;
    if (CELL_TAGS.has(tag) && inDataRow) {
      w.separate();
    } else if (BLOCK_TAGS.has(tag) || CELL_TAGS.has(tag)) {
      w.flush();
      if (sub > i + 1) {
        openEnd.push(sub);
        openKind.push(OPEN_BLOCK);
        owners.push(i);
        dataRow.push(tag === 'tr' && isDataRow(dom, i));
      }
    } else if (tag === 'a' && attr(dom, i, 'href') !== undefined && sub > i + 1) {
      openEnd.push(sub);
      openKind.push(OPEN_LINK);
      linkDepth++;
    }
    i++;
  }
  w.flush();
  return w.blocks;
}

/** Plain text of a node's subtree with collapsed whitespace (for metadata). */
export function collapsedText(dom: Dom, id: number): string {
  const parts: string[] = [];
  const end = dom.subtreeEnd[id]!;
  let i = id;
  while (i < end) {
    if (dom.kind[i] === ELEMENT && i !== id && isNonContent(dom, i)) {
      i = dom.subtreeEnd[i]!;
      continue;
    }
    if (dom.kind[i] === TEXT) parts.push(nodeText(dom, i));
    else if (dom.kind[i] === ELEMENT && (BLOCK_TAGS.has(dom.tag[i]!) || dom.tag[i] === 'br')) parts.push(' ');
    i++;
  }
  return parts.join('').replace(WHITESPACE_RUNS, ' ').trim();
}
