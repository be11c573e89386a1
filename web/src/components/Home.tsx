/** The start page: the events of the archive, and what it holds. */
import type { EventsResponse, StatsResponse } from '../../../src/server/types.js';
import { useApi } from '../api';
import { category, dateSpan, num, range } from '../format';
import { href } from '../router';
import { Pager, Show, StatusBadge } from './common';

const BRIEF = 6;
/** events a page */
const PAGE = 50;

/** The event-wide figure of each category first (scope ""), then the rest, in reconcile's order. */
function brief<T extends { scope: string }>(facts: T[]): T[] {
  return [...facts.filter((f) => !f.scope), ...facts.filter((f) => f.scope)].slice(0, BRIEF);
}

export function Home({ offset }: { offset: number }) {
  const events = useApi<EventsResponse>('/api/events', { limit: PAGE, offset });
  const stats = useApi<StatsResponse>('/api/stats');
  return (
    <div class="home">
      <h1 tabIndex={-1}>Events</h1>
      {stats.state === 'ok' ? (
        <p class="meta">
          {num(stats.data.documents)} document{stats.data.documents === 1 ? '' : 's'}, {num(stats.data.claims)} figure
          {stats.data.claims === 1 ? '' : 's'} in the archive · <a href={href.documents()}>all documents</a>
        </p>
      ) : null}
      <Show loaded={events}>
        {(r) =>
          r.events.length ? (
            <>
              {r.total > r.events.length ? (
                <p class="meta">
                  Events {num(r.offset + 1)}–{num(r.offset + r.events.length)} of {num(r.total)}, the most reported first
                </p>
              ) : null}
              <ul class="event-list">
                {r.events.map((e) => (
                  <li key={e.id} class="event-card">
                    <h2>
                      <a href={href.event(e.id)}>{e.name}</a>
                    </h2>
                    <p class="meta">{[dateSpan(e.start, e.end), e.places.slice(0, 4).join(', '), `${e.documents} source${e.documents === 1 ? '' : 's'}`].filter(Boolean).join(' · ')}</p>
                    <ul class="fact-brief">
                      {brief(e.facts).map((f) => (
                        <li key={f.id}>
                          <span class="what">
                            {category(f.category)}
                            {f.scope ? <span class="scope"> {f.scope}</span> : null}
                          </span>{' '}
                          <strong>{range(f.low, f.high)}</strong> <StatusBadge status={f.status} />
                        </li>
                      ))}
                    </ul>
                    {e.facts.length > BRIEF ? (
                      <p class="more">
                        <a href={href.event(e.id)}>
                          all {e.facts.length} figures, sources, checks and timeline →
                        </a>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
              <Pager previous={offset > 0 ? href.home(Math.max(0, offset - PAGE)) : null} next={r.next !== null ? href.home(r.next) : null} />
            </>
          ) : (
            <p class="empty">
              No events yet. Ingest reports with <code>reckon ingest</code>, or browse <a href={href.documents()}>the documents</a>.
            </p>
          )
        }
      </Show>
    </div>
  );
}
