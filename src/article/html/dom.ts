/**
 * A compact, flat HTML tree built from htmlparser2's Tokenizer.
 *
 * Nodes are numbered in document (pre-)order, so a parent always has a
 * smaller id than its descendants and a subtree occupies the id range
 * [id, subtreeEnd[id]). Every traversal in this module and its users is
 * iterative: depth is unbounded (hostile input may nest 100,000 levels).
 *
 * Tree construction follows the HTML parsing rules only as far as matters
 * for text extraction: implied end tags (p, li, dd/dt, table cells,
 * options, headings), end tags that cannot close across a "special" element
 * are ignored, void elements never get children, and foreign content (svg,
 * math) honours self-closing tags. Every step is O(1) amortised, so the
 * builder is linear in the input size.
 */
import { Tokenizer } from 'htmlparser2';

export const DOCUMENT = 0;
export const ELEMENT = 1;
export const TEXT = 2;

export type Attributes = Record<string, string>;

export interface Dom {
  readonly html: string;
  /** Number of nodes; node 0 is the document. */
  readonly size: number;
  readonly kind: Uint8Array;
  /** Lower-case tag name for elements, '' otherwise. */
  readonly tag: readonly string[];
  readonly parent: Int32Array;
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  /** One past the last node id of the subtree rooted at the node. */
  readonly subtreeEnd: Int32Array;
  /** Elements: start of the start tag. Text: start of the raw text in `html`. */
  readonly start: Int32Array;
  /** Text: end of the raw text in `html` (an entity's whole reference). */
  readonly end: Int32Array;
  /** Decoded text of an entity node; undefined for literal text. */
  readonly decoded: readonly (string | undefined)[];
  readonly attrs: readonly (Attributes | undefined)[];
}

const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'image', 'img', 'input',
  'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Elements that an unrelated end tag may not close across (the HTML "special" category, abridged). */
const SPECIAL_ELEMENTS = new Set([
  'address', 'applet', 'area', 'article', 'aside', 'base', 'blockquote', 'body', 'button', 'caption', 'center',
  'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'html', 'iframe', 'li', 'listing', 'main',
  'marquee', 'menu', 'nav', 'noembed', 'noframes', 'noscript', 'object', 'ol', 'p', 'plaintext', 'pre',
  'script', 'section', 'select', 'style', 'summary', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot',
  'th', 'thead', 'title', 'tr', 'ul', 'xmp', 'svg', 'math',
]);

/** Boundaries of the "scope" in which end tags of block elements look for their start tag. */
const SCOPE_BOUNDARIES = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template', 'svg', 'math']);

/** Start tags that close an open <p>. */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li',
  'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul', 'dd', 'dt', 'listing', 'xmp',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** HTML start tags that end foreign content (svg, math) they appear in. */
const BREAKS_OUT_OF_FOREIGN = new Set([
  'b', 'big', 'blockquote', 'body', 'br', 'center', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'embed', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'head', 'hr', 'i', 'img', 'li', 'listing', 'menu', 'meta', 'nobr', 'ol', 'p', 'pre', 'ruby', 's',
  'small', 'span', 'strong', 'strike', 'sub', 'sup', 'table', 'tt', 'u', 'ul', 'var',
]);
const FOREIGN_ROOTS = new Set(['svg', 'math']);

/**
 * Start tags that implicitly end an open element of one of the given names,
 * as long as no element of the `stop` set lies in between.
 */
interface ImpliedEnd {
  readonly closes: ReadonlySet<string>;
  readonly stop: ReadonlySet<string>;
}
/** Special elements that stop <li>, <dd> and <dt> from closing an open item (div, p and address do not). */
const LIST_STOP = new Set(['ul', 'ol', 'menu', 'dir', 'table', 'td', 'th', 'section', 'article', 'aside', 'nav', 'body', 'html']);
const DL_STOP = new Set(['dl', 'table', 'td', 'th', 'section', 'article', 'aside', 'nav', 'body', 'html']);
const IMPLIED_ENDS = new Map<string, ImpliedEnd>([
  ['li', { closes: new Set(['li']), stop: LIST_STOP }],
  ['dd', { closes: new Set(['dd', 'dt']), stop: DL_STOP }],
  ['dt', { closes: new Set(['dd', 'dt']), stop: DL_STOP }],
  ['tr', { closes: new Set(['tr', 'td', 'th']), stop: new Set(['table', 'thead', 'tbody', 'tfoot']) }],
  ['td', { closes: new Set(['td', 'th']), stop: new Set(['tr', 'table']) }],
  ['th', { closes: new Set(['td', 'th']), stop: new Set(['tr', 'table']) }],
  ['tbody', { closes: new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th']), stop: new Set(['table']) }],
  ['thead', { closes: new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th']), stop: new Set(['table']) }],
  ['tfoot', { closes: new Set(['thead', 'tbody', 'tfoot', 'tr', 'td', 'th']), stop: new Set(['table']) }],
  ['option', { closes: new Set(['option']), stop: new Set(['select', 'datalist', 'optgroup']) }],
  ['optgroup', { closes: new Set(['option', 'optgroup']), stop: new Set(['select', 'datalist']) }],
]);

/**
 * How far down the stack of open elements an end tag or implied end looks
 * before giving up. Bounds the cost of each tag, keeping the builder linear
 * on hostile input (tens of thousands of unclosed elements).
 */
const MAX_STACK_SCAN = 256;

const INITIAL_CAPACITY = 1024;

class DomBuilder {
  private readonly html: string;
  size = 0;
  private cap = 0;
  kind = new Uint8Array(0);
  parent = new Int32Array(0);
  firstChild = new Int32Array(0);
  lastChild = new Int32Array(0);
  nextSibling = new Int32Array(0);
  subtreeEnd = new Int32Array(0);
  start = new Int32Array(0);
  end = new Int32Array(0);
  readonly tag: string[] = [];
  readonly decoded: (string | undefined)[] = [];
  readonly attrs: (Attributes | undefined)[] = [];

  /** Stack of open elements (node ids); the document is at the bottom. */
  private readonly stack: number[] = [0];
  /** How many elements of each name are open, to reject stray end tags in O(1). */
  private readonly openCount = new Map<string, number>();
  private foreignDepth = 0;
  /** End of the last text node. */
  private textEnd = 0;

  // state of the start tag being read
  private pendingTag = '';
  private pendingStart = 0;
  private pendingAttrs: Attributes | undefined;
  private attrName = '';
  private attrValue = '';

  constructor(html: string) {
    this.html = html;
    this.grow(Math.min(INITIAL_CAPACITY, html.length + 1));
    this.newNode(DOCUMENT, '', 0, 0);
  }

  private grow(min: number): void {
    const cap = Math.max(min, this.cap * 2, 16);
    const g = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.kind = g(this.kind, (n) => new Uint8Array(n));
    this.parent = g(this.parent, (n) => new Int32Array(n));
    this.firstChild = g(this.firstChild, (n) => new Int32Array(n));
    this.lastChild = g(this.lastChild, (n) => new Int32Array(n));
    this.nextSibling = g(this.nextSibling, (n) => new Int32Array(n));
    this.subtreeEnd = g(this.subtreeEnd, (n) => new Int32Array(n));
    this.start = g(this.start, (n) => new Int32Array(n));
    this.end = g(this.end, (n) => new Int32Array(n));
    this.cap = cap;
  }

  private newNode(kind: number, tag: string, start: number, end: number): number {
    if (this.size >= this.cap) this.grow(this.size + 1);
    const id = this.size++;
    this.kind[id] = kind;
    this.tag.push(tag);
    this.decoded.push(undefined);
    this.attrs.push(undefined);
    this.start[id] = start;
    this.end[id] = end;
    this.firstChild[id] = -1;
    this.lastChild[id] = -1;
    this.nextSibling[id] = -1;
    const p = id === 0 ? -1 : this.stack[this.stack.length - 1]!;
    this.parent[id] = p;
    if (p >= 0) {
      const last = this.lastChild[p]!;
      if (last < 0) this.firstChild[p] = id;
      else this.nextSibling[last] = id;
      this.lastChild[p] = id;
    }
    return id;
  }

  private top(): number {
    return this.stack[this.stack.length - 1]!;
  }

  private pop(): void {
    const id = this.stack.pop()!;
    const name = this.tag[id]!;
    const n = (this.openCount.get(name) ?? 1) - 1;
    if (n > 0) this.openCount.set(name, n);
    else this.openCount.delete(name);
    if (FOREIGN_ROOTS.has(name)) this.foreignDepth--;
  }

  private popTo(depth: number): void {
    while (this.stack.length > depth) this.pop();
  }

  private isOpen(name: string): boolean {
    return (this.openCount.get(name) ?? 0) > 0;
  }

  /**
   * Looks down the stack for an open element named in `targets`, giving up at
   * an element of `stop` or after MAX_STACK_SCAN elements. Returns the stack
   * index or -1.
   */
  private findOpen(targets: ReadonlySet<string>, stop: ReadonlySet<string>): number {
    const s = this.stack;
    const lowest = Math.max(1, s.length - MAX_STACK_SCAN);
    for (let i = s.length - 1; i >= lowest; i--) {
      const name = this.tag[s[i]!]!;
      if (targets.has(name)) return i;
      if (stop.has(name)) return -1;
    }
    return -1;
  }

  private closeP(): void {
    if (!this.isOpen('p')) return;
    const i = this.findOpen(P_SET, SCOPE_BOUNDARIES_AND_BUTTON);
    if (i > 0) this.popTo(i);
  }

  openTag(name: string, start: number, attrs: Attributes | undefined, selfClosing: boolean): void {
    if (this.foreignDepth > 0 && BREAKS_OUT_OF_FOREIGN.has(name)) {
      // each element is popped once: linear overall
      while (this.foreignDepth > 0 && this.stack.length > 1) this.pop();
    }
    if (this.foreignDepth === 0) {
      if (name === 'body' && this.isOpen('head')) this.closeTag('head');
      if (CLOSES_P.has(name)) this.closeP();
      if (HEADINGS.has(name) && HEADINGS.has(this.tag[this.top()]!)) this.pop();
      const implied = IMPLIED_ENDS.get(name);
      if (implied) {
        let closable = false;
        for (const c of implied.closes) if (this.isOpen(c)) closable = true;
        if (closable) {
          const i = this.findOpen(implied.closes, implied.stop);
          if (i > 0) this.popTo(i);
        }
      }
    }
    const id = this.newNode(ELEMENT, name, start, start);
    if (attrs) this.attrs[id] = attrs;
    if (VOID_ELEMENTS.has(name) && this.foreignDepth === 0) {
      this.subtreeEnd[id] = id + 1;
      return;
    }
    if (selfClosing && (this.foreignDepth > 0 || FOREIGN_ROOTS.has(name))) {
      this.subtreeEnd[id] = id + 1;
      return;
    }
    this.stack.push(id);
    this.openCount.set(name, (this.openCount.get(name) ?? 0) + 1);
    if (FOREIGN_ROOTS.has(name)) this.foreignDepth++;
  }

  closeTag(name: string): void {
    if (!this.isOpen(name)) {
      if (name === 'p' && this.foreignDepth === 0) {
        // A stray </p> makes an empty paragraph: it only matters as a break.
        const id = this.newNode(ELEMENT, 'p', 0, 0);
        this.subtreeEnd[id] = id + 1;
      } else if (name === 'br') {
        this.openTag('br', 0, undefined, false);
      }
      return;
    }
    const s = this.stack;
    const special = SPECIAL_ELEMENTS.has(name);
    const lowest = Math.max(1, s.length - MAX_STACK_SCAN);
    for (let i = s.length - 1; i >= 1; i--) {
      const other = this.tag[s[i]!]!;
      if (other === name) {
        this.popTo(i);
        return;
      }
      if (i < lowest) {
        // Deeper than we are willing to judge: close it (each element is
        // popped only once, so this stays linear).
        continue;
      }
      if (special ? SCOPE_BOUNDARIES.has(other) : SPECIAL_ELEMENTS.has(other)) {
        if (this.foreignDepth > 0 && !FOREIGN_ROOTS.has(name)) continue;
        return; // cannot close across this element: ignore the end tag
      }
    }
  }

  /**
   * Adds a text node. Text ranges are kept increasing and disjoint: the
   * tokenizer occasionally reports a range that starts before text it has
   * already reported (at the end of input inside unusual markup); the
   * overlap is dropped.
   */
  text(start: number, end: number, decoded: string | undefined): void {
    if (start < this.textEnd) {
      if (decoded !== undefined) return;
      start = this.textEnd;
    }
    if (end <= start) return;
    this.textEnd = end;
    const id = this.newNode(TEXT, '', start, end);
    if (decoded !== undefined) this.decoded[id] = decoded;
    this.subtreeEnd[id] = id + 1;
  }

  // --- tokenizer plumbing -------------------------------------------------

  beginTag(name: string, start: number): void {
    this.pendingTag = name;
    this.pendingStart = start;
    this.pendingAttrs = undefined;
  }

  attrBegin(name: string): void {
    this.attrName = name;
    this.attrValue = '';
  }

  attrData(s: string): void {
    this.attrValue += s;
  }

  attrEnd(): void {
    const attrs = (this.pendingAttrs ??= Object.create(null) as Attributes);
    if (!(this.attrName in attrs)) attrs[this.attrName] = this.attrValue;
  }

  endStartTag(selfClosing: boolean): void {
    if (!this.pendingTag) return;
    this.openTag(this.pendingTag, this.pendingStart, this.pendingAttrs, selfClosing);
    this.pendingTag = '';
    this.pendingAttrs = undefined;
  }

  finish(): Dom {
    // subtreeEnd for elements: nodes are in pre-order, so the subtree of x
    // ends where the next node that is not a descendant begins.
    const n = this.size;
    const parent = this.parent;
    const subtreeEnd = this.subtreeEnd;
    for (let i = 0; i < n; i++) subtreeEnd[i] = i + 1;
    for (let i = n - 1; i > 0; i--) {
      const p = parent[i]!;
      if (subtreeEnd[i]! > subtreeEnd[p]!) subtreeEnd[p] = subtreeEnd[i]!;
    }
    return {
      html: this.html,
      size: n,
      kind: this.kind.subarray(0, n),
      tag: this.tag,
      parent: parent.subarray(0, n),
      firstChild: this.firstChild.subarray(0, n),
      nextSibling: this.nextSibling.subarray(0, n),
      subtreeEnd: subtreeEnd.subarray(0, n),
      start: this.start.subarray(0, n),
      end: this.end.subarray(0, n),
      decoded: this.decoded,
      attrs: this.attrs,
    };
  }
}

const P_SET = new Set(['p']);
const SCOPE_BOUNDARIES_AND_BUTTON = new Set([...SCOPE_BOUNDARIES, 'button']);

function codePointString(cp: number): string {
  return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
}

/** Parses `html` into a flat tree. Never throws on string input. */
export function parseHtml(html: string): Dom {
  const b = new DomBuilder(html);
  const lower = (s: number, e: number): string => html.slice(s, e).toLowerCase();
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, end) {
        // the '<' precedes the name
        b.beginTag(lower(start, end), start - 1);
      },
      onattribname(start, end) {
        b.attrBegin(lower(start, end));
      },
      onattribdata(start, end) {
        b.attrData(html.slice(start, end));
      },
      onattribentity(cp) {
        b.attrData(codePointString(cp));
      },
      onattribend() {
        b.attrEnd();
      },
      onopentagend() {
        b.endStartTag(false);
      },
      onselfclosingtag() {
        b.endStartTag(true);
      },
      onclosetag(start, end) {
        b.closeTag(lower(start, end));
      },
      ontext(start, end) {
        b.text(start, end, undefined);
      },
      ontextentity(cp, end) {
        const start = html.lastIndexOf('&', end - 1);
        b.text(start >= 0 ? start : end - 1, end, codePointString(cp));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return b.finish();
}

// --- small helpers shared by the stages -----------------------------------

export function attr(dom: Dom, id: number, name: string): string | undefined {
  return dom.attrs[id]?.[name];
}

/** The raw or decoded text of a text node. */
export function nodeText(dom: Dom, id: number): string {
  return dom.decoded[id] ?? dom.html.slice(dom.start[id]!, dom.end[id]!);
}

/** Text content of a subtree (all text nodes, no separators), iteratively. */
export function textContent(dom: Dom, id: number): string {
  const parts: string[] = [];
  const end = dom.subtreeEnd[id]!;
  for (let i = id; i < end; i++) if (dom.kind[i] === TEXT) parts.push(nodeText(dom, i));
  return parts.join('');
}

/** Ids of elements with the given tag, in document order. */
export function elementsByTag(dom: Dom, name: string, root = 0): number[] {
  const out: number[] = [];
  const end = dom.subtreeEnd[root]!;
  for (let i = root; i < end; i++) if (dom.kind[i] === ELEMENT && dom.tag[i] === name) out.push(i);
  return out;
}
