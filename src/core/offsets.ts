/**
 * Cleaned text keeps a map back to the original text, so that every span
 * found in the cleaned text can be reported as offsets into the original
 * (JavaScript string indices, UTF-16 code units).
 *
 * A segment says: clean[cleanStart, cleanStart + length) came from
 * original[origStart, origEnd). When both have the same length the mapping
 * is exact character by character; otherwise (an HTML entity, collapsed
 * whitespace) only the segment's ends are known.
 */
export interface Segment {
  cleanStart: number;
  length: number;
  origStart: number;
  origEnd: number;
}

export class OffsetMap {
  readonly segments: readonly Segment[];

  constructor(segments: readonly Segment[]) {
    this.segments = segments;
  }

  /** The identity map for a text that was not changed. */
  static identity(length: number): OffsetMap {
    return new OffsetMap(length > 0 ? [{ cleanStart: 0, length, origStart: 0, origEnd: length }] : []);
  }

  /** Index of the last segment whose cleanStart <= pos, or -1. */
  private find(pos: number): number {
    const s = this.segments;
    let lo = 0;
    let hi = s.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]!.cleanStart <= pos) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  /** Original offset of the character at clean position `pos` (its start). */
  startOf(pos: number): number | null {
    const i = this.find(pos);
    if (i < 0) return this.segments.length ? this.segments[0]!.origStart : null;
    let seg = this.segments[i]!;
    if (pos >= seg.cleanStart + seg.length) {
      // pos falls in synthetic text between segments: take the next segment's start
      const next = this.segments[i + 1];
      if (!next) return seg.origEnd;
      seg = next;
      return seg.origStart;
    }
    if (seg.origEnd - seg.origStart === seg.length) return seg.origStart + (pos - seg.cleanStart);
    return pos === seg.cleanStart ? seg.origStart : seg.origStart;
  }

  /** Original offset just after the character at clean position `pos - 1`. */
  endOf(pos: number): number | null {
    if (pos <= 0) return this.segments.length ? this.segments[0]!.origStart : null;
    const i = this.find(pos - 1);
    if (i < 0) return null;
    const seg = this.segments[i]!;
    const last = pos - 1;
    if (last >= seg.cleanStart + seg.length) return seg.origEnd;
    if (seg.origEnd - seg.origStart === seg.length) return seg.origStart + (last - seg.cleanStart) + 1;
    return seg.origEnd;
  }

  /** Maps a clean span to an original span; null when the map is empty. */
  toOriginal(start: number, end: number): [number, number] | null {
    const s = this.startOf(start);
    const e = this.endOf(end);
    if (s === null || e === null) return null;
    return e >= s ? [s, e] : [s, s];
  }
}

/**
 * Builds a cleaned text piece by piece while recording where each piece came
 * from. Adjacent exact pieces are merged into one segment.
 */
export class TextBuilder {
  private parts: string[] = [];
  private len = 0;
  private segs: Segment[] = [];

  get length(): number {
    return this.len;
  }

  /** Appends text taken from original[origStart, origEnd). */
  append(text: string, origStart: number, origEnd: number): void {
    if (!text) return;
    const last = this.segs[this.segs.length - 1];
    const exact = origEnd - origStart === text.length;
    if (
      last &&
      exact &&
      last.cleanStart + last.length === this.len &&
      last.origEnd === origStart &&
      last.origEnd - last.origStart === last.length
    ) {
      last.length += text.length;
      last.origEnd = origEnd;
    } else {
      this.segs.push({ cleanStart: this.len, length: text.length, origStart, origEnd });
    }
    this.parts.push(text);
    this.len += text.length;
  }

  /** Appends text that has no counterpart in the original (a separator). */
  appendSynthetic(text: string): void {
    if (!text) return;
    this.parts.push(text);
    this.len += text.length;
  }

  /**
   * The text built so far ends with `s` (up to 16 characters). Read from the last parts when asked: a tail
   * kept up to date on every append copied each appended line (3% of the plain-text cleaning).
   */
  endsWith(s: string): boolean {
    let tail = '';
    for (let i = this.parts.length - 1; i >= 0 && tail.length < 16; i--) tail = this.parts[i]! + tail;
    return tail.slice(-16).endsWith(s);
  }

  toString(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }

  build(): { text: string; map: OffsetMap } {
    return { text: this.toString(), map: new OffsetMap(this.segs) };
  }
}

/**
 * Composes two maps: `outer` maps a text to a middle text, `inner` maps the
 * middle text to the original. The result maps the text to the original.
 */
export function composeSegments(outer: readonly Segment[], inner: OffsetMap): Segment[] {
  const out: Segment[] = [];
  for (const o of outer) {
    const exactOuter = o.origEnd - o.origStart === o.length;
    if (!exactOuter) {
      const r = inner.toOriginal(o.origStart, o.origEnd);
      if (r) out.push({ cleanStart: o.cleanStart, length: o.length, origStart: r[0], origEnd: r[1] });
      continue;
    }
    // walk the inner segments that cover [o.origStart, o.origEnd)
    let pos = o.origStart;
    while (pos < o.origEnd) {
      const segs = inner.segments;
      let lo = 0;
      let hi = segs.length - 1;
      let idx = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (segs[mid]!.cleanStart <= pos) {
          idx = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const seg = idx >= 0 ? segs[idx]! : undefined;
      if (!seg || pos >= seg.cleanStart + seg.length) {
        // synthetic text in the middle: skip to the next inner segment
        const next = segs[idx + 1];
        if (!next || next.cleanStart >= o.origEnd) break;
        pos = next.cleanStart;
        continue;
      }
      const until = Math.min(o.origEnd, seg.cleanStart + seg.length);
      const cleanStart = o.cleanStart + (pos - o.origStart);
      const len = until - pos;
      if (seg.origEnd - seg.origStart === seg.length) {
        const os = seg.origStart + (pos - seg.cleanStart);
        out.push({ cleanStart, length: len, origStart: os, origEnd: os + len });
      } else {
        out.push({ cleanStart, length: len, origStart: seg.origStart, origEnd: seg.origEnd });
      }
      pos = until;
    }
  }
  return out;
}
