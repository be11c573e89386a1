/**
 * All visible text of a small HTML fragment (a feed item, a JSON "html"
 * field that is not a whole page), with blocks as paragraphs and a map back
 * to the fragment. No boilerplate removal: for whole pages see html.ts.
 */
import { Parser } from 'htmlparser2';
import { TextBuilder, type Segment } from '../core/offsets.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'head', 'title', 'select', 'textarea', 'button']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'tr', 'td', 'th', 'thead', 'tbody', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'hr', 'form', 'address', 'details', 'summary',
]);
const WS = /\s+/g;

export function htmlFragmentText(html: string): { text: string; segments: Segment[] } {
  const b = new TextBuilder();
  let skipDepth = 0;
  let pendingBreak: '' | '\n' | '\n\n' = '';
  /** a run of whitespace (or a whitespace entity) to write as one space: its source range, and whether it is one literal " " */
  let pendingSpace: [number, number, boolean] | null = null;
  const writeSpace = ([from, to, literal]: [number, number, boolean]) => {
    // one " " maps exactly; one "\n" or tab becomes a space that maps nowhere (an exact
    // segment would claim the space is the original character); a longer run or an
    // entity maps as a whole
    if (literal) b.append(' ', from, to);
    else if (to - from === 1) b.appendSynthetic(' ');
    else b.append(' ', from, to);
  };
  const flushBreak = () => {
    if (pendingBreak && b.length) b.appendSynthetic(pendingBreak);
    pendingBreak = '';
    pendingSpace = null;
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipDepth++;
        else if (name === 'br') pendingBreak = pendingBreak === '\n\n' ? '\n\n' : '\n';
        else if (BLOCK.has(name)) pendingBreak = '\n\n';
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK.has(name)) pendingBreak = '\n\n';
      },
      ontext(t) {
        if (skipDepth) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        const literal = end - start === t.length;
        if (!literal) {
          // an entity: one piece mapped to its whole source range
          if (/^\s+$/.test(t)) {
            if (b.length && !pendingBreak) pendingSpace = [start, end, false];
            return;
          }
          if (pendingBreak) flushBreak();
          else if (pendingSpace) writeSpace(pendingSpace);
          pendingSpace = null;
          b.append(t, start, end);
          return;
        }
        let pos = 0;
        WS.lastIndex = 0;
        const emit = (from: number, to: number) => {
          if (to <= from) return;
          if (pendingBreak) flushBreak();
          else if (pendingSpace) writeSpace(pendingSpace);
          pendingSpace = null;
          b.append(t.slice(from, to), start + from, start + to);
        };
        for (let m = WS.exec(t); m; m = WS.exec(t)) {
          emit(pos, m.index);
          if (b.length && !pendingBreak) pendingSpace = [start + m.index, start + m.index + m[0].length, m[0] === ' '];
          pos = m.index + m[0].length;
        }
        emit(pos, t.length);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const { text, map } = b.build();
  return { text, segments: [...map.segments] };
}
