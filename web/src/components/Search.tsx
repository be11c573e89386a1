/** Full-text search with filters (outlet, language, dates), facets, and snippets with the words marked. */
import { useEffect, useRef } from 'preact/hooks';
import type { SearchResponse } from '../../../src/server/types.js';
import { useApi } from '../api';
import { baseName, date, num } from '../format';
import { href, type Route } from '../router';
import { Marked, Pager, Show } from './common';

type SearchRoute = Extract<Route, { view: 'search' }>;

const PAGE = 20;

export function SearchView({ route: r }: { route: SearchRoute }) {
  const loaded = useApi<SearchResponse>(r.q.trim() ? '/api/search' : null, {
    q: r.q,
    outlet: r.outlet,
    language: r.language,
    from: r.from,
    to: r.to,
    limit: PAGE,
    offset: r.offset,
  });
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!r.q) input.current?.focus();
  }, [r.q]);
  const go = (patch: Partial<SearchRoute>) => {
    location.hash = href.search({ ...r, offset: 0, ...patch });
  };
  return (
    <div class="search">
      <h1 tabIndex={-1}>Search the archive</h1>
      <form
        class="search-form"
        role="search"
        onSubmit={(ev) => {
          ev.preventDefault();
          const f = new FormData(ev.currentTarget as HTMLFormElement);
          const v = (k: string) => String(f.get(k) ?? '').trim();
          go({ q: v('q'), outlet: v('outlet'), language: v('language'), from: v('from'), to: v('to') });
        }}
      >
        <label class="wide">
          Words <input ref={input} name="q" type="search" value={r.q} placeholder="Neftchala, “state of emergency”, kill*" maxLength={500} />
        </label>
        <label>
          Outlet <input name="outlet" value={r.outlet} maxLength={200} />
        </label>
        <label>
          Language <input name="language" value={r.language} size={4} maxLength={12} placeholder="en" />
        </label>
        <label>
          From <input name="from" type="date" value={r.from} />
        </label>
        <label>
          To <input name="to" type="date" value={r.to} />
        </label>
        <button type="submit">Search</button>
      </form>
      {r.q.trim() ? (
        <Show loaded={loaded}>
          {(res) => (
            <div class="results">
              <p class="total" aria-live="polite">
                {res.total ? `${num(res.total)} ${res.total === 1 ? 'document matches' : 'documents match'}` : 'No documents match.'}
                {res.total > res.hits.length ? ` — showing ${num(res.offset + 1)}–${num(res.offset + res.hits.length)}` : ''}
              </p>
              <div class="search-body">
                <Facets res={res} route={r} go={go} />
                <ol class="hits" start={res.offset + 1}>
                  {res.hits.map((h) => (
                    <li key={h.id} class="hit" data-doc={h.id}>
                      <a href={href.doc(h.id)} class="hit-title">
                        {h.title || baseName(h.source)}
                      </a>
                      <span class="sub"> {[h.outlet, date(h.published), h.language].filter(Boolean).join(' · ')}</span>
                      <p class="snippet">
                        <Marked text={h.snippet} ranges={h.highlights} />
                      </p>
                    </li>
                  ))}
                </ol>
              </div>
              <Pager
                previous={res.offset > 0 ? href.search({ ...r, offset: Math.max(0, res.offset - PAGE) }) : null}
                next={res.offset + res.hits.length < res.total ? href.search({ ...r, offset: res.offset + PAGE }) : null}
              />
            </div>
          )}
        </Show>
      ) : null}
    </div>
  );
}

function Facets({ res, route: r, go }: { res: SearchResponse; route: SearchRoute; go: (p: Partial<SearchRoute>) => void }) {
  const groups: Array<[string, 'outlet' | 'language' | 'year']> = [
    ['Outlet', 'outlet'],
    ['Language', 'language'],
    ['Year', 'year'],
  ];
  const active = (k: 'outlet' | 'language' | 'year', v: string) => (k === 'year' ? r.from === `${v}-01-01` && r.to === `${v}-12-31` : r[k] === v);
  const pick = (k: 'outlet' | 'language' | 'year', v: string) => {
    if (k === 'year') go(active(k, v) ? { from: '', to: '' } : { from: `${v}-01-01`, to: `${v}-12-31` });
    else go({ [k]: active(k, v) ? '' : v });
  };
  if (!groups.some(([, k]) => res.facets[k].length)) return null;
  return (
    <aside class="facets" aria-label="Narrow the results">
      {groups.map(([title, k]) =>
        res.facets[k].length ? (
          <div key={k} class="facet">
            <h2>{title}</h2>
            <ul>
              {res.facets[k].map((f) => (
                <li key={f.value}>
                  <button type="button" class="link" aria-pressed={active(k, f.value)} onClick={() => pick(k, f.value)}>
                    {f.value} <span class="count">{num(f.count)}</span>
                    {active(k, f.value) ? (
                      <span class="remove" aria-label="remove this filter">
                        {' '}
                        ✕
                      </span>
                    ) : null}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </aside>
  );
}
