/**
 * Hash routes: #/ · #/event/ID?policy=P · #/doc/ID?claim=C · #/search?q=… ·
 * #/documents. Values are URI-encoded both ways; nothing in a hash is trusted
 * beyond being a string.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { view: 'home'; offset: number }
  | { view: 'event'; id: string; policy: string | null }
  | { view: 'doc'; id: string; claim: string | null }
  | { view: 'search'; q: string; outlet: string; language: string; from: string; to: string; offset: number }
  | { view: 'documents'; offset: number }
  | { view: 'missing'; path: string };

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, '') || '/';
  const qi = h.indexOf('?');
  const path = qi >= 0 ? h.slice(0, qi) : h;
  const params = new URLSearchParams(qi >= 0 ? h.slice(qi + 1) : '');
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { view: 'missing', path };
  }
  const p = (k: string) => params.get(k) ?? '';
  const offset = Math.max(0, Math.min(1_000_000, Number.parseInt(p('offset'), 10) || 0));
  if (parts.length === 0) return { view: 'home', offset };
  if (parts[0] === 'event' && parts.length === 2) return { view: 'event', id: parts[1]!, policy: params.get('policy') };
  if (parts[0] === 'doc' && parts.length === 2) return { view: 'doc', id: parts[1]!, claim: params.get('claim') };
  if (parts[0] === 'search' && parts.length === 1) return { view: 'search', q: p('q'), outlet: p('outlet'), language: p('language'), from: p('from'), to: p('to'), offset };
  if (parts[0] === 'documents' && parts.length === 1) return { view: 'documents', offset };
  return { view: 'missing', path };
}

const qs = (o: Record<string, string | number | null | undefined>): string => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined && v !== '' && v !== 0) s.set(k, String(v));
  const t = s.toString();
  return t ? `?${t}` : '';
};

export const href = {
  home: (offset = 0) => `#/${qs({ offset })}`,
  event: (id: string, policy?: string | null) => `#/event/${encodeURIComponent(id)}${qs({ policy })}`,
  doc: (id: string, claim?: string | null) => `#/doc/${encodeURIComponent(id)}${qs({ claim })}`,
  search: (o: { q: string; outlet?: string; language?: string; from?: string; to?: string; offset?: number }) =>
    `#/search${qs({ q: o.q, outlet: o.outlet, language: o.language, from: o.from, to: o.to, offset: o.offset })}`,
  documents: (offset = 0) => `#/documents${qs({ offset })}`,
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}
