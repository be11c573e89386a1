/**
 * The arithmetic of a number line: the domain of a fact's figures, round
 * ticks, and marks stacked where they would overlap. Pure.
 */

export interface Scale {
  min: number;
  max: number;
  x: (v: number) => number;
}

/**
 * A linear scale from [min, max] to [left, right] pixels, padded so no mark
 * sits on an edge. The domain spans at least a tenth of the largest value,
 * so that 743 and 744 do not look as far apart as 131 and 150.
 */
export function scale(values: number[], left: number, right: number): Scale {
  // a loop, not Math.min(...values): a spread call takes about 100,000 arguments at most
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = 0;
    hi = 1;
  }
  const nonNegative = lo >= 0;
  const least = Math.max(2, Math.abs(hi) * 0.1);
  if (hi - lo < least) {
    const mid = (lo + hi) / 2;
    lo = mid - least / 2;
    hi = mid + least / 2;
  }
  const pad = (hi - lo) * 0.08;
  let min = lo - pad;
  let max = hi + pad;
  if (nonNegative && min < 0) {
    max -= min;
    min = 0;
  }
  const k = (right - left) / (max - min || 1);
  return { min, max, x: (v) => left + (v - min) * k };
}

/** Round tick values between min and max, about `count` of them (whole numbers only when `integer`). */
export function ticks(min: number, max: number, count = 5, integer = false): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  if (integer && step < 1) step = 1;
  if (integer && !Number.isInteger(step)) step = Math.ceil(step);
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    const r = Math.round(v / step) * step;
    if (Number.isInteger(step) ? Number.isInteger(r) : true) out.push(Number(r.toPrecision(12)));
  }
  return out;
}

/** Rows for marks at pixel positions, so that marks closer than `gap` go on different rows. */
export function stack(xs: number[], gap: number): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const rowEnds: number[] = [];
  const rows = new Array<number>(xs.length).fill(0);
  for (const { x, i } of order) {
    let r = rowEnds.findIndex((end) => x - end >= gap);
    if (r < 0) {
      r = rowEnds.length;
      rowEnds.push(x);
    } else rowEnds[r] = x;
    rows[i] = r;
  }
  return rows;
}
