/** Small pieces shared by the views. */
import type { ComponentChildren } from 'preact';
import type { Loaded } from '../api';

export type Status = 'consensus' | 'disputed' | 'single';

const STATUS_TEXT: Record<Status, string> = { consensus: 'consensus', disputed: 'disputed', single: 'single source' };
const STATUS_HINT: Record<Status, string> = {
  consensus: 'every source gives the same figure',
  disputed: 'the sources give different figures',
  single: 'only one source gives this figure',
};

/** Status as text, color and shape together (never color alone). */
export function StatusBadge({ status }: { status: Status }) {
  return (
    <span class={`badge status-${status}`} data-status={status} title={STATUS_HINT[status]}>
      <StatusShape status={status} />
      {STATUS_TEXT[status] ?? status}
    </span>
  );
}

export function StatusShape({ status }: { status: Status }) {
  return (
    <svg class="shape" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
      {status === 'consensus' ? <circle cx="6" cy="6" r="5" /> : status === 'disputed' ? <path d="M6 0.8 L11.4 11 L0.6 11 Z" /> : <rect x="1.5" y="1.5" width="9" height="9" />}
    </svg>
  );
}

export function Failed({ error }: { error: Error & { code?: string } }) {
  return (
    <p class="error" role="alert">
      {error.code ? <strong>{error.code}</strong> : null} {error.message}
    </p>
  );
}

/** Renders a loaded value, or a loading line, or the error. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.state === 'loading') return <p class="loading" aria-live="polite">Loading…</p>;
  if (loaded.state === 'error') return <Failed error={loaded.error} />;
  return <>{children(loaded.data)}</>;
}

/** Text with [start, end) ranges marked. */
export function Marked({ text, ranges }: { text: string; ranges: Array<[number, number]> }) {
  const out: ComponentChildren[] = [];
  let pos = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < pos || e <= s || e > text.length) continue;
    if (s > pos) out.push(text.slice(pos, s));
    out.push(<mark>{text.slice(s, e)}</mark>);
    pos = e;
  }
  out.push(text.slice(pos));
  return <>{out}</>;
}

/** Text with every occurrence of `needle` marked (case-insensitive). */
export function MarkWord({ text, needle }: { text: string; needle: string }) {
  if (!needle) return <>{text}</>;
  const ranges: Array<[number, number]> = [];
  const lower = text.toLowerCase();
  const n = needle.toLowerCase();
  for (let i = lower.indexOf(n); i >= 0 && ranges.length < 20; i = lower.indexOf(n, i + n.length)) ranges.push([i, i + n.length]);
  return <Marked text={text} ranges={ranges} />;
}

/** A link to an original page: http(s) only, never sending a referrer or an opener. */
export function OutLink({ url, children }: { url: string; children: ComponentChildren }) {
  return (
    <a href={url} rel="noopener noreferrer" target="_blank" referrerpolicy="no-referrer" class="out">
      {children}
    </a>
  );
}

/** Links to the previous and next page of a list (either may be absent). */
export function Pager({ previous, next }: { previous: string | null; next: string | null }) {
  return (
    <nav class="pager" aria-label="Pages">
      {previous !== null ? <a href={previous}>← previous</a> : null}
      {next !== null ? <a href={next}>next →</a> : null}
    </nav>
  );
}
