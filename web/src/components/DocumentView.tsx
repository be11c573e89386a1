/**
 * One document: metadata, the cleaned text with claims and mentions marked,
 * and the claim in focus (from #/doc/ID?claim=…) with its sentence
 * highlighted, scrolled into view, and its qualifiers and rules beside it.
 * Every piece of document text reaches the page as text content.
 */
import { Fragment } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClaim, DocumentResponse } from '../../../src/server/types.js';
import { useApi } from '../api';
import { APPROX_WORDS, baseName, category, claimValue, date, dateSpan, num, range, safeHttpUrl } from '../format';
import { layout, type Block, type Run } from '../highlight';
import { href } from '../router';
import { OutLink, Show } from './common';

const KINDS = [
  ['date', 'dates'],
  ['place', 'places'],
  ['person', 'people'],
  ['org', 'organisations'],
  ['event', 'event names'],
] as const;

export function DocumentView({ id, claim }: { id: string; claim: string | null }) {
  const loaded = useApi<DocumentResponse>(`/api/documents/${encodeURIComponent(id)}`);
  return <Show loaded={loaded}>{(d) => <Doc doc={d} focus={claim} />}</Show>;
}

function Doc({ doc: d, focus }: { doc: DocumentResponse; focus: string | null }) {
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const claims = d.claims as ApiClaim[];
  const focused = claims.find((c) => c.id === focus) ?? null;
  const blocks = useMemo(
    () =>
      layout(
        d.text,
        claims.map((c) => ({ id: c.id, start: c.text_start, end: c.text_end })),
        d.mentions.map((m) => ({ kind: m.kind, value: m.value, start: m.textStart, end: m.textEnd })),
        focused?.id ?? null,
      ),
    [d, focused?.id],
  );
  useEffect(() => {
    const el = document.getElementById('focused-claim');
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    } else {
      (document.querySelector('main h1') as HTMLElement | null)?.focus({ preventScroll: true });
    }
  }, [d.id, focused?.id]);
  const url = safeHttpUrl(d.url);
  const title = d.title || baseName(d.source);
  const counts = new Map<string, number>();
  for (const m of d.mentions) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  const toggle = (k: string) => {
    const next = new Set(hidden);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    setHidden(next);
  };
  return (
    <div class="doc-layout" data-doc={d.id}>
      <article class="doc">
        <header class="page-head">
          <h1 tabIndex={-1}>{title}</h1>
          <dl class="doc-meta">
            <Meta k="Outlet" v={d.outlet} />
            <Meta k="Published" v={date(d.published)} />
            <Meta k="Author" v={d.author} />
            <Meta k="Language" v={d.language} />
            <Meta k="Source" v={d.source} />
            <Meta k="Version" v={d.superseded_by ? `${d.version} (a later version exists)` : d.version > 1 ? String(d.version) : null} />
            {url ? (
              <>
                <dt>Original</dt>
                <dd>
                  <OutLink url={url}>{url}</OutLink>
                </dd>
              </>
            ) : null}
          </dl>
          {d.events.length ? (
            <p class="part-of">
              Part of{' '}
              {d.events.map((e, i) => (
                <span key={e.id}>
                  {i ? ', ' : ''}
                  <a href={href.event(e.id)}>{e.name}</a>
                </span>
              ))}
            </p>
          ) : null}
        </header>
        <fieldset class="legend">
          <legend>Marked in the text</legend>
          <span class="key claim-key">figures ({claims.length})</span>
          {KINDS.filter(([k]) => counts.get(k)).map(([k, words]) => (
            <label key={k} class={`key m-${k}`}>
              <input type="checkbox" checked={!hidden.has(k)} onChange={() => toggle(k)} /> {words} ({counts.get(k)})
            </label>
          ))}
        </fieldset>
        <div class={`doc-text ${[...hidden].map((k) => `hide-${k}`).join(' ')}`} lang={d.language ?? undefined}>
          {blocks.map((b, i) => (
            <BlockView key={i} block={b} text={d.text} docId={d.id} claims={claims} />
          ))}
        </div>
        <details class="original">
          <summary>Original text (as read at ingest)</summary>
          <pre>{d.original}</pre>
        </details>
      </article>
      <aside class="doc-side" aria-label="Figures in this document">
        {focused ? <ClaimPanel claim={focused} claims={claims} /> : <p class="note">Select a marked figure to see how it was read.</p>}
        <h2>Figures</h2>
        {claims.length ? (
          <ul class="claim-list">
            {claims.map((c) => (
              <li key={c.id}>
                <a href={href.doc(d.id, c.id)} aria-current={c.id === focused?.id ? 'true' : undefined} data-claim={c.id}>
                  <strong>{claimValue(c)}</strong> {category(c.category)}
                </a>
                <span class="sub"> {c.quote}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">No figures found.</p>
        )}
      </aside>
    </div>
  );
}

function Meta({ k, v }: { k: string; v: string | null | undefined }) {
  if (!v) return null;
  return (
    <>
      <dt>{k}</dt>
      <dd>{v}</dd>
    </>
  );
}

function RunsView({ runs, text }: { runs: Run[]; text: string }) {
  return (
    <>
      {runs.map((r, i) =>
        r.kinds.length ? (
          <span key={i} class={`m ${r.kinds.map((k) => `m-${k}`).join(' ')}`} title={r.title ?? undefined}>
            {text.slice(r.start, r.end)}
          </span>
        ) : (
          text.slice(r.start, r.end)
        ),
      )}
    </>
  );
}

function BlockView({ block: b, text, docId, claims }: { block: Block; text: string; docId: string; claims: ApiClaim[] }) {
  if (b.type === 'text') return <RunsView runs={b.runs} text={text} />;
  if (b.type === 'sentence')
    return (
      <span class="sentence">
        {b.blocks.map((x, i) => (
          <BlockView key={i} block={x} text={text} docId={docId} claims={claims} />
        ))}
      </span>
    );
  const c = claims.find((x) => x.id === b.id);
  const label = c ? `${category(c.category)}: ${claimValue(c)}` : undefined;
  if (b.focused)
    return (
      <mark id="focused-claim" class="claim focused" data-claim={b.id} tabIndex={-1} title={label}>
        <RunsView runs={b.runs} text={text} />
      </mark>
    );
  return (
    <a class="claim" href={href.doc(docId, b.id)} data-claim={b.id} title={label}>
      <RunsView runs={b.runs} text={text} />
    </a>
  );
}

const said = (v: string | null, inferred: boolean) => (v ? `${v}${inferred ? ' (inferred from context)' : ''}` : null);

function ClaimPanel({ claim: c, claims }: { claim: ApiClaim; claims: ApiClaim[] }) {
  const parent = c.parent ? claims.find((x) => x.id === c.parent) : undefined;
  const rows: Array<[string, string | null]> = [
    ['Figure', claimValue(c)],
    ['Range', c.low !== c.high || c.approx !== 'exact' ? range(c.low, c.high) : null],
    ['Hedge', APPROX_WORDS[c.approx] ?? c.approx],
    ['Counted', c.subject],
    ['Subgroup', c.subgroup],
    ['Where', said(c.location.join(', ') || null, c.location_inferred)],
    ['When', c.time ? `${dateSpan(c.time.start, c.time.end)}${c.time.text ? ` (“${c.time.text}”)` : ''}${c.time.inferred ? ' (inferred from context)' : ''}` : null],
    ['Condition', c.condition],
    ['Attribution', said(c.attribution, c.attribution_inferred)],
    ['Relation', c.relation ? `${c.relation.replace(/_/g, ' ')}${parent ? ` of ${claimValue(parent)} ${category(parent.category).toLowerCase()}` : ''}` : null],
    ['Worked out', c.note],
  ];
  return (
    <section class="claim-panel" aria-labelledby="claim-panel-h" data-claim={c.id}>
      <h2 id="claim-panel-h">
        {category(c.category)}: {claimValue(c)}
      </h2>
      <blockquote class="quote">{c.quote}</blockquote>
      <dl>
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <Fragment key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        <dt>Offsets</dt>
        <dd>
          original {num(c.start)}–{num(c.end)} · cleaned {num(c.text_start)}–{num(c.text_end)}
        </dd>
      </dl>
      <h3>Rules</h3>
      <ul class="rules">
        {c.rules.map((r) => (
          <li key={r}>
            <code>{r}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => document.getElementById('focused-claim')?.scrollIntoView({ block: 'center', behavior: 'smooth' })}>
        Show in the text
      </button>
    </section>
  );
}
