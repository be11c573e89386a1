/** The page: a header with navigation and quick search, and the view the hash names. */
import { useEffect } from 'preact/hooks';
import { href, useRoute, type Route } from '../router';
import { DocumentsView } from './Documents';
import { DocumentView } from './DocumentView';
import { EventView } from './EventView';
import { Home } from './Home';
import { SearchView } from './Search';

function View({ route: r }: { route: Route }) {
  switch (r.view) {
    case 'home':
      return <Home offset={r.offset} />;
    case 'event':
      return <EventView id={r.id} policy={r.policy} />;
    case 'doc':
      return <DocumentView id={r.id} claim={r.claim} />;
    case 'search':
      return <SearchView route={r} />;
    case 'documents':
      return <DocumentsView offset={r.offset} />;
    default:
      return (
        <div>
          <h1 tabIndex={-1}>Nothing here</h1>
          <p>
            There is no page at this address. <a href={href.home()}>Back to the events</a>.
          </p>
        </div>
      );
  }
}

const TITLES: Record<Route['view'], string> = {
  home: 'Events',
  event: 'Fact sheet',
  doc: 'Document',
  search: 'Search',
  documents: 'Documents',
  missing: 'Not found',
};

export function App() {
  const route = useRoute();
  useEffect(() => {
    document.title = `${TITLES[route.view]} · reckon`;
    if (route.view !== 'doc' || !route.claim) window.scrollTo(0, 0);
  }, [route.view, route.view === 'event' ? route.id : '', route.view === 'doc' ? route.id : '']);
  const q = route.view === 'search' ? route.q : '';
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href={href.home()}>
          reckon
        </a>
        <nav aria-label="Main">
          <a href={href.home()} aria-current={route.view === 'home' || route.view === 'event' ? 'page' : undefined}>
            Events
          </a>
          <a href={href.documents()} aria-current={route.view === 'documents' || route.view === 'doc' ? 'page' : undefined}>
            Documents
          </a>
        </nav>
        <form
          class="quick-search"
          role="search"
          onSubmit={(ev) => {
            ev.preventDefault();
            const v = String(new FormData(ev.currentTarget as HTMLFormElement).get('q') ?? '').trim();
            location.hash = href.search({ q: v });
          }}
        >
          <label>
            <span class="sr-only">Search the archive</span>
            <input name="q" type="search" placeholder="Search…" value={q} key={q} maxLength={500} />
          </label>
        </form>
      </header>
      <main id="main" tabIndex={-1}>
        <View route={route} />
      </main>
    </>
  );
}
