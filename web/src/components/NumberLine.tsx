/**
 * A fact's figures on a number line: the low–high range as a band in the
 * status color, the best value as a dashed line, one mark per source claim
 * (filled: exact; ring: hedged; bar: a range), stacked where they meet. Each
 * mark is a link to the claim's words (focusable; Enter opens).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Fact, FactClaim } from '../../../src/reconcile/types.js';
import { claimValue, num } from '../format';
import { scale, stack, ticks } from '../plot';
import { href } from '../router';

const R = 5.5;
const ROW = 16;
const TOP = 24;
const SIDE = 18;

const HEDGED = new Set(['about', 'at_least', 'more_than', 'at_most', 'up_to', 'less_than']);

/** Claims that state the fact's figure, or a rival figure a report attributes to another source (a part of a sum or of a stated total is not a rival value). */
export const plotted = (f: Fact): FactClaim[] => f.claims.filter((c) => !c.role || c.role === 'value' || c.role === 'restated' || c.role === 'attributed');

/** Whose figure a mark is: the report, or the report citing another source. */
export const voice = (c: FactClaim, label: (c: FactClaim) => string): string => `${label(c)}${c.role === 'attributed' && c.attribution ? ` citing ${c.attribution}` : ''}`;

export function NumberLine({ fact, label }: { fact: Fact; label: (c: FactClaim) => string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(560);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const claims = plotted(fact);
  const values = [fact.low, fact.high, fact.best, ...claims.flatMap((c) => [c.low, c.high, c.value])];
  const sc = scale(values, SIDE, Math.max(SIDE + 40, width - SIDE));
  const tickValues = ticks(sc.min, sc.max, Math.max(2, Math.min(6, Math.floor(width / 90))), values.every(Number.isInteger));
  const xs = claims.map((c) => sc.x(c.value));
  const rows = stack(xs, R * 2 + 3);
  const nRows = rows.reduce((m, r) => Math.max(m, r + 1), 1);
  const axisY = TOP + nRows * ROW + 6;
  const height = axisY + 24;
  const markY = (row: number) => axisY - 6 - ROW / 2 - row * ROW;
  // a single value still gets a band wide enough to see its color
  const bandW = Math.max(R * 3, sc.x(fact.high) - sc.x(fact.low));
  const bandX = (sc.x(fact.low) + sc.x(fact.high)) / 2 - bandW / 2;
  const bestX = sc.x(fact.best);
  const bestAnchor = bestX < 40 ? 'start' : bestX > width - 40 ? 'end' : 'middle';

  return (
    <div class="numberline" ref={ref}>
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={`${fact.category}: figures from ${num(fact.low)} to ${num(fact.high)}, best ${num(fact.best)}; ${claims.length} claim(s)`}
      >
        <rect class={`band status-${fact.status}`} x={bandX} y={TOP - 6} width={bandW} height={axisY - TOP + 6} rx="3" />
        <line class="axis" x1={SIDE / 2} x2={width - SIDE / 2} y1={axisY} y2={axisY} />
        {tickValues.map((t) => (
          <g class="tick" key={t}>
            <line x1={sc.x(t)} x2={sc.x(t)} y1={axisY} y2={axisY + 4} />
            <text x={sc.x(t)} y={axisY + 16} text-anchor="middle">
              {num(t)}
            </text>
          </g>
        ))}
        <line class="best" x1={bestX} x2={bestX} y1={TOP - 8} y2={axisY} />
        <text class="best-label" x={bestX} y={TOP - 12} text-anchor={bestAnchor}>
          best {num(fact.best)}
        </text>
        {claims.map((c, i) => {
          const y = markY(rows[i]!);
          const x = xs[i]!;
          const ranged = c.high > c.low;
          const hedged = HEDGED.has(c.approx);
          const text = `${claimValue(c)} — ${voice(c, label)}${c.role === 'restated' ? ' (said again)' : ''}: “${c.quote}”`;
          return (
            <a key={c.claim} href={href.doc(c.document, c.claim)} class="mark" data-claim={c.claim} data-value={c.value} aria-label={text}>
              <title>{text}</title>
              {ranged ? <line class="mark-range" x1={sc.x(c.low)} x2={sc.x(c.high)} y1={y} y2={y} /> : null}
              <circle class={`mark-dot${hedged ? ' hedged' : ''}${c.role === 'restated' ? ' restated' : ''}${c.role === 'attributed' ? ' attributed' : ''}`} cx={x} cy={y} r={c.role === 'restated' ? R - 2 : R} />
              <circle class="mark-hit" cx={x} cy={y} r={R + 4} />
            </a>
          );
        })}
      </svg>
    </div>
  );
}
