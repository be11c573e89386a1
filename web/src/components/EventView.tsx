/**
 * An event's fact sheet: its facts (plot, range, status, policies, why), the
 * sources × figures matrix, arithmetic checks, copies, timeline and sources.
 */
import type { ComponentChildren } from 'preact';
import type { Check, CopyGroup, Event, EventSource, Fact, FactClaim, TimelineEntry } from '../../../src/reconcile/types.js';
import { useApi } from '../api';
import { POLICY_WORDS, category, claimValue, date, dateSpan, hostOf, num, range, safeHttpUrl, sourceName } from '../format';
import { href } from '../router';
import { MarkWord, OutLink, Show, StatusBadge } from './common';
import { NumberLine, plotted } from './NumberLine';

const POLICIES = ['median', 'conservative', 'most_cited', 'latest', 'official'] as const;

interface Sources {
  list: EventSource[];
  byDoc: Map<string, { n: number; s: EventSource }>;
}

const sourcesOf = (e: Event): Sources => ({ list: e.sources, byDoc: new Map(e.sources.map((s, i) => [s.document, { n: i + 1, s }])) });

function cite(sources: Sources, doc: string): string {
  const x = sources.byDoc.get(doc);
  return x ? `[${x.n}] ${sourceName(x.s)}` : doc;
}

export function EventView({ id, policy }: { id: string; policy: string | null }) {
  const loaded = useApi<Event>(`/api/events/${encodeURIComponent(id)}`, { policy });
  return <Show loaded={loaded}>{(e) => <FactSheet event={e} />}</Show>;
}

function FactSheet({ event: e }: { event: Event }) {
  const sources = sourcesOf(e);
  const md = `/api/events/${encodeURIComponent(e.id)}/factsheet.md?policy=${encodeURIComponent(e.policy)}`;
  return (
    <article class="event" data-event={e.id}>
      <header class="page-head">
        <h1 tabIndex={-1}>{e.name}</h1>
        <p class="meta">
          {[dateSpan(e.start, e.end), e.places.join(', '), `${e.sources.length} source${e.sources.length === 1 ? '' : 's'}`].filter(Boolean).join(' · ')}
        </p>
        {e.aliases.length ? <p class="aliases">Also called: {e.aliases.join(' · ')}</p> : null}
        <div class="toolbar">
          <PolicyPicker event={e} />
          <a class="button" href={md} download>
            Markdown fact sheet
          </a>
        </div>
      </header>
      <Contents />
      <Section
        id="facts"
        title="Facts"
        note="One card per figure and scope. Each mark is one source's claim (● exact, ○ hedged: about, at least, up to…; a bar is a range); select it to read its words. The band spans low to high, the dashed line is the best value."
      >
        {e.facts.length ? (
          <div class="facts">
            {e.facts.map((f) => (
              <FactCard key={f.id} fact={f} event={e} sources={sources} />
            ))}
          </div>
        ) : (
          <p class="empty">No figures were reconciled for this event.</p>
        )}
      </Section>
      <Section id="matrix" title="Sources × figures" note="What each source says; an empty cell means the source is silent.">
        <Matrix event={e} sources={sources} />
      </Section>
      <Section id="checks" title="Arithmetic checks">
        <Checks checks={e.checks} sources={sources} />
      </Section>
      <Section id="copies" title="Sources that copy one another">
        <Copies copies={e.copies} sources={sources} />
      </Section>
      <Section id="timeline" title="Timeline">
        <Timeline entries={e.timeline} sources={sources} />
      </Section>
      <Section id="sources" title="Sources">
        <SourceList sources={sources} />
      </Section>
    </article>
  );
}

const SECTIONS: Array<[string, string]> = [
  ['facts', 'Facts'],
  ['matrix', 'Matrix'],
  ['checks', 'Checks'],
  ['copies', 'Copies'],
  ['timeline', 'Timeline'],
  ['sources', 'Sources'],
];

function Contents() {
  return (
    <nav class="contents" aria-label="On this page">
      {SECTIONS.map(([id, label]) => (
        <button key={id} type="button" class="link" onClick={() => document.getElementById(`section-${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>
          {label}
        </button>
      ))}
    </nav>
  );
}

function Section({ id, title, note, children }: { id: string; title: string; note?: string; children: ComponentChildren }) {
  return (
    <section class="section" id={`section-${id}`} aria-labelledby={`h-${id}`}>
      <h2 id={`h-${id}`}>{title}</h2>
      {note ? <p class="note">{note}</p> : null}
      {children}
    </section>
  );
}

function PolicyPicker({ event: e }: { event: Event }) {
  return (
    <label class="policy-picker">
      Best value by{' '}
      <select
        value={e.policy}
        onChange={(ev) => {
          location.hash = href.event(e.id, (ev.currentTarget as HTMLSelectElement).value);
        }}
      >
        {POLICIES.map((p) => (
          <option key={p} value={p}>
            {POLICY_WORDS[p]}
          </option>
        ))}
      </select>
    </label>
  );
}

const scopeText = (f: Fact) => f.scope.label || 'overall';

function FactCard({ fact: f, event: e, sources }: { fact: Fact; event: Event; sources: Sources }) {
  const label = (c: FactClaim) => cite(sources, c.document);
  const related = f.relates ? e.facts.find((x) => x.id === f.relates!.fact) : undefined;
  return (
    <section class={`fact status-${f.status}`} data-fact={f.id} data-category={f.category} data-scope={f.scope.label} data-status={f.status} aria-label={`${category(f.category)}, ${scopeText(f)}`}>
      <header class="fact-head">
        <h3>
          {category(f.category)} <span class="scope">{scopeText(f)}</span>
        </h3>
        <StatusBadge status={f.status} />
      </header>
      <p class="figures">
        <span class="range" data-range>
          {range(f.low, f.high)}
        </span>
        <span class="best-value">
          best <strong>{num(f.best)}</strong>
        </span>
        <span class="counts">
          {f.sources} source{f.sources === 1 ? '' : 's'}, {f.independent} independent
        </span>
      </p>
      {plotted(f).length ? <NumberLine fact={f} label={label} /> : null}
      <Parts fact={f} sources={sources} role="component" title="Components the reports state" />
      <Parts fact={f} sources={sources} role="summand" title="Added up from" />
      <Policies fact={f} eventId={e.id} />
      {f.why.length ? (
        <ul class="why">
          {f.why.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
      {related ? (
        <p class="relates">
          {f.relates!.how.replace(/_/g, ' ')}: {category(related.category)} {scopeText(related)} ({range(related.low, related.high)})
        </p>
      ) : null}
      {f.derived ? <p class="derived">Worked out, not stated: {f.derived.how}</p> : null}
    </section>
  );
}

/** Claims that are parts of the figure rather than the figure: links to their words, by source. */
function Parts({ fact: f, sources, role, title }: { fact: Fact; sources: Sources; role: 'component' | 'summand'; title: string }) {
  const parts = f.claims.filter((c) => c.role === role);
  if (!parts.length) return null;
  const docs = [...new Set(parts.map((c) => c.document))];
  return (
    <p class="parts" data-role={role}>
      <span class="parts-title">{title}:</span>{' '}
      {docs.map((d, i) => (
        <span key={d}>
          {i ? '; ' : ''}
          {parts
            .filter((c) => c.document === d)
            .map((c, j) => (
              <span key={c.claim}>
                {j ? ' + ' : ''}
                <a class="cell part" href={href.doc(c.document, c.claim)} data-claim={c.claim} title={`“${c.quote}”`}>
                  {claimValue(c)}
                </a>
              </span>
            ))}{' '}
          <span class="sub">{cite(sources, d)}</span>
        </span>
      ))}
    </p>
  );
}

/** The best value under every policy, the one in use first; the others are links that switch to them. */
function Policies({ fact: f, eventId }: { fact: Fact; eventId: string }) {
  const valueOf = (p: string) => (p === f.policy ? f.best : (f.alternatives.find((a) => a.policy === p)?.best ?? f.best));
  const order = [f.policy, ...POLICIES.filter((p) => p !== f.policy)];
  return (
    <div class="policies" role="group" aria-label="Best value under each policy">
      {order.map((p) => {
        const v = valueOf(p);
        const differs = v !== f.best;
        return p === f.policy ? (
          <span key={p} class="policy in-use" data-policy={p}>
            <span class="policy-name">{POLICY_WORDS[p] ?? p}</span> <strong>{num(v)}</strong> <span class="tag">in use</span>
          </span>
        ) : (
          <a key={p} class={differs ? 'policy differs' : 'policy same'} data-policy={p} href={href.event(eventId, p)}>
            <span class="policy-name">{POLICY_WORDS[p] ?? p}</span> <strong>{num(v)}</strong>
          </a>
        );
      })}
    </div>
  );
}

function Matrix({ event: e, sources }: { event: Event; sources: Sources }) {
  if (!e.facts.length || !e.sources.length) return <p class="empty">Nothing to compare.</p>;
  return (
    <div class="matrix-wrap" role="region" aria-label="Sources × figures" tabIndex={0}>
      <table class="matrix">
        <thead>
          <tr>
            <th scope="col">Source</th>
            {e.facts.map((f) => (
              <th scope="col" key={f.id} class={`status-${f.status}`}>
                {category(f.category)}
                <span class="scope">{scopeText(f)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sources.list.map((s, i) => (
            <tr key={s.document}>
              <th scope="row">
                <a href={href.doc(s.document)}>
                  [{i + 1}] {sourceName(s)}
                </a>
                <span class="sub">{[s.outlet || hostOf(s.url) ? s.title : null, date(s.published)].filter(Boolean).join(' · ')}</span>
              </th>
              {e.facts.map((f) => {
                const cs = f.claims.filter((c) => c.document === s.document);
                if (!cs.length)
                  return (
                    <td key={f.id} class="silent">
                      <span class="sr-only">not stated</span>
                    </td>
                  );
                return (
                  <td key={f.id}>
                    {cs.map((c) => {
                      const part = c.role === 'component' || c.role === 'summand';
                      const cls = part ? 'cell part' : c.value === f.best && c.low === c.high ? 'cell' : 'cell differs';
                      return (
                        <a key={c.claim} class={cls} href={href.doc(c.document, c.claim)} data-claim={c.claim} title={`${part ? `part (${c.role}) · ` : ''}${c.role === 'attributed' ? `citing ${c.attribution} · ` : ''}“${c.quote}”`}>
                          {part ? '+' : ''}
                          {claimValue(c)}
                        </a>
                      );
                    })}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a check says, by its kind: a sum adds up or is off by N; a subgroup fits within its total or exceeds it. */
function verdict(c: Check): { text: string; sum: string } {
  const parts = c.components.map(num);
  const off = num(Math.abs(c.difference));
  switch (c.kind) {
    case 'sum':
      return { text: c.ok ? '✓ adds up' : `✗ off by ${off}`, sum: `${parts.join(' + ')} ${c.ok ? '=' : '≠'} ${num(c.total)}` };
    case 'subgroup':
      return { text: c.ok ? '✓ fits within' : `✗ exceeds by ${off}`, sum: `${parts.join(' + ')} ${c.ok ? '≤' : '>'} ${num(c.total)}` };
    case 'contradiction':
      return { text: c.ok ? '✓ consistent' : '✗ contradicts', sum: `${parts.join(', ')} vs ${num(c.total)}` };
    default:
      return { text: c.ok ? '✓ consistent' : `✗ off by ${off}`, sum: `${parts.join(' − ')} → ${num(c.total)}` };
  }
}

function Checks({ checks, sources }: { checks: Check[]; sources: Sources }) {
  if (!checks.length) return <p class="empty">No report states figures that should add up.</p>;
  return (
    <ul class="checks">
      {checks.map((c) => {
        const v = verdict(c);
        return (
          <li key={c.id} class={c.ok ? 'check ok' : 'check off'} data-ok={String(c.ok)} data-kind={c.kind}>
            <span class="verdict">{v.text}</span>
            <span class="sum">{v.sum}</span>
            <span class="statement">{c.statement}</span>
            <a class="in" href={href.doc(c.document, c.claims[0] ?? null)}>
              {cite(sources, c.document)}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function Copies({ copies, sources }: { copies: CopyGroup[]; sources: Sources }) {
  if (!copies.length) return <p class="empty">No source appears to copy another.</p>;
  return (
    <ul class="copies">
      {copies.map((g, i) => (
        <li key={i}>
          {g.documents.map((d, j) => (
            <span key={d}>
              {j ? ' ↔ ' : ''}
              <a href={href.doc(d)}>{cite(sources, d)}</a>
            </span>
          ))}
          <span class="reason">
            {' '}
            — {g.reason}
            {g.detail ? ` (${g.detail})` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Timeline({ entries, sources }: { entries: TimelineEntry[]; sources: Sources }) {
  if (!entries.length) return <p class="empty">No dated happenings.</p>;
  const sorted = [...entries].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  return (
    <ol class="timeline">
      {sorted.map((t, i) => (
        <li key={i}>
          <time dateTime={t.start}>{dateSpan(t.start, t.end)}</time>
          <div class="what">
            <p class="label">{t.label}</p>
            <p class="by">
              {t.documents.map((d, j) => (
                <span key={d}>
                  {j ? ', ' : ''}
                  <a href={href.doc(d)}>{cite(sources, d)}</a>
                </span>
              ))}
            </p>
            {t.mentions.length ? (
              <details>
                <summary>
                  {t.mentions.length} sentence{t.mentions.length === 1 ? '' : 's'}
                </summary>
                <ul class="sentences">
                  {t.mentions.map((m, j) => (
                    <li key={j}>
                      <MarkWord text={m.sentence} needle={m.text} /> <span class="sub">{cite(sources, m.document)}</span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

function SourceList({ sources }: { sources: Sources }) {
  return (
    <ol class="sources">
      {sources.list.map((s) => {
        const url = safeHttpUrl(s.url);
        return (
          <li key={s.document}>
            <a href={href.doc(s.document)}>{s.title || sourceName(s)}</a>
            <span class="sub">
              {' '}
              {[s.outlet, date(s.published), `${s.claims} claim${s.claims === 1 ? '' : 's'}`].filter(Boolean).join(' · ')}
            </span>
            {url ? (
              <>
                {' '}
                <OutLink url={url}>original</OutLink>
              </>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
