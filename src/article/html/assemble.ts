/**
 * Joins chosen blocks into the article text, keeping the map to the source.
 */
import { type OffsetMap, TextBuilder } from '../../core/offsets.js';
import { type Block } from './blocks.js';

/** Blocks are paragraphs; a single <br> inside a block is already a "\n". */
const PARAGRAPH_SEPARATOR = '\n\n';

export function assemble(blocks: readonly Block[]): { text: string; map: OffsetMap } {
  const tb = new TextBuilder();
  let first = true;
  for (const b of blocks) {
    if (!first) tb.appendSynthetic(PARAGRAPH_SEPARATOR);
    first = false;
    const m = b.pieces;
    for (let k = b.pieceStart; k < b.pieceEnd; k += 3) {
      const from = m[k]!;
      const to = k + 3 < b.pieceEnd ? m[k + 3]! : b.text.length;
      const piece = b.text.slice(from, to);
      const os = m[k + 1]!;
      if (os < 0) tb.appendSynthetic(piece);
      else tb.append(piece, os, m[k + 2]!);
    }
  }
  return tb.build();
}
