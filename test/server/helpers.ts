/**
 * Helpers for the server and page tests: documents put straight into an
 * archive, and hand-made events (the Event contract of src/reconcile/types.ts)
 * built from the claims the analyzer actually stored, so the page and the API
 * can be tested without depending on what reconcile decides; and a raw HTTP
 * request over a connection of its own.
 */
import http from 'node:http';
import { ANALYZER_VERSION } from '../../src/analyze/index.js';
import type { DocumentInput } from '../../src/core/types.js';
import { prepareDocument } from '../../src/pipeline/prepare.js';
import type { Check, Event, EventSource, Fact, FactClaim, FactStatus, PolicyName } from '../../src/reconcile/types.js';
import type { Store, StoredClaim } from '../../src/store/types.js';
import type { DocumentRecord } from '../../src/core/types.js';

/** Stores one document (analysed) and returns its id. */
export async function putDocument(
  store: Store,
  input: { source: string; text?: string; html?: string; title?: string; url?: string; date?: string; outlet?: string },
): Promise<string> {
  const doc: DocumentInput = {
    source: input.source,
    format: input.html !== undefined ? 'html' : 'text',
    original: input.html ?? input.text ?? '',
    encoding: 'utf-8',
    given: { title: input.title ?? null, url: input.url ?? null, date: input.date ?? null, outlet: input.outlet ?? null },
  };
  const p = prepareDocument(doc);
  const [r] = await store.putDocuments([{ doc: p.doc, analysis: p.analysis }], ANALYZER_VERSION);
  return r!.id;
}

export async function documentsBySource(store: Store): Promise<DocumentRecord[]> {
  const docs: DocumentRecord[] = [];
  for await (const d of store.iterateDocuments()) docs.push(d);
  return docs;
}

/** A figure to find: the document whose source ends with `doc`, a category and a value. */
export type ClaimRef = [doc: string, category: string, value: number];

export interface FactSpec {
  id: string;
  category: string;
  label?: string;
  status: FactStatus;
  low: number;
  best: number;
  high: number;
  policy?: PolicyName;
  alternatives?: Array<{ policy: PolicyName; best: number }>;
  claims: ClaimRef[];
  /** the role of each claim (default 'value') */
  roles?: Array<FactClaim['role']>;
  /** indexes into `claims` that count as one confirmation (copies) */
  sameGroup?: number[];
  why?: string[];
  relates?: Fact['relates'];
}

export interface EventSpec {
  id: string;
  name: string;
  facts: FactSpec[];
  checks?: Array<Omit<Check, 'claims' | 'document'> & { document: string; claims: ClaimRef[] }>;
  copies?: Array<{ documents: string[]; reason: 'shared wording' | 'same attributed source'; detail: string }>;
  timeline?: Array<{ start: string; end: string; label: string; documents: string[] }>;
}

/** Builds an Event from a spec, finding each claim in the archive (an error names a claim that is not there). */
export async function buildEvent(store: Store, spec: EventSpec): Promise<Event> {
  const docs = await documentsBySource(store);
  const claims = await store.claims();
  const docOf = (suffix: string): DocumentRecord => {
    const d = docs.find((x) => x.source.endsWith(suffix) || x.source.includes(suffix));
    if (!d) throw new Error(`fixture: no document whose source ends with ${suffix}`);
    return d;
  };
  const claimOf = ([doc, category, value]: ClaimRef): StoredClaim => {
    const d = docOf(doc);
    const c = claims.find((x) => x.document === d.id && x.category === category && x.value === value);
    if (!c) throw new Error(`fixture: no ${category} ${value} claim in ${doc} (the analyzer found: ${claims.filter((x) => x.document === d.id).map((x) => `${x.category} ${x.value}`).join(', ')})`);
    return c;
  };
  const used = new Set<string>();
  const facts: Fact[] = spec.facts.map((f) => {
    const found = f.claims.map(claimOf);
    for (const c of found) used.add(c.document);
    // one group per document (its first claim), copies sharing one
    const groupOf = (i: number) => {
      const first = found.findIndex((c) => c.document === found[i]!.document);
      return f.sameGroup?.includes(first) ? f.sameGroup[0]! : first;
    };
    return {
      id: f.id,
      category: f.category,
      scope: { location: [], time: null, condition: null, subject: null, subgroup: null, relation: null, label: f.label ?? '' },
      low: f.low,
      best: f.best,
      high: f.high,
      status: f.status,
      policy: f.policy ?? 'median',
      alternatives: f.alternatives ?? [],
      claims: found.map((c, i) => {
        const d = docs.find((x) => x.id === c.document)!;
        return {
          claim: c.id, document: c.document, value: c.value, low: c.low, high: c.high, approx: c.approx, quote: c.quote,
          outlet: d.outlet, published: d.published, attribution: c.attribution, group: groupOf(i), role: f.roles?.[i] ?? 'value',
        };
      }),
      sources: new Set(found.map((c) => c.document)).size,
      independent: new Set(found.map((_, i) => groupOf(i))).size,
      why: f.why ?? [],
      ...(f.relates ? { relates: f.relates } : {}),
    };
  });
  const checks: Check[] = (spec.checks ?? []).map((c) => ({ ...c, document: docOf(c.document).id, claims: c.claims.map((r) => claimOf(r).id) }));
  const sourceDocs = docs.filter((d) => used.has(d.id));
  const sources: EventSource[] = sourceDocs.map((d) => ({
    document: d.id, source: d.source, title: d.title, outlet: d.outlet, published: d.published, url: d.url,
    claims: claims.filter((c) => c.document === d.id).length,
  }));
  return {
    id: spec.id,
    name: spec.name,
    aliases: [],
    start: spec.timeline?.[0]?.start ?? null,
    end: spec.timeline?.[0]?.end ?? null,
    places: [],
    documents: sourceDocs.map((d) => d.id),
    sources,
    facts,
    checks,
    timeline: (spec.timeline ?? []).map((t) => ({ ...t, precision: 'day', documents: t.documents.map((x) => docOf(x).id), mentions: [] })),
    copies: (spec.copies ?? []).map((c) => ({ ...c, documents: c.documents.map((x) => docOf(x).id) })),
    policy: 'median',
  };
}

/** The five seed reports as a hand-made event (the gold reading of shared/gold/seeds.json). */
export function seedsEventSpec(): EventSpec {
  return {
    id: 'fixture-black-january',
    name: 'Black January (fixture)',
    facts: [
      {
        id: 'killed-overall',
        category: 'killed',
        status: 'disputed',
        low: 131,
        best: 147,
        high: 150,
        alternatives: [
          { policy: 'conservative', best: 131 },
          { policy: 'most_cited', best: 150 },
        ],
        claims: [
          ['000_935a7c71c106fb07.txt', 'killed', 150],
          ['001_c5c5cdde6e201745.txt', 'killed', 150],
          ['002_31e1ca55e70a941d.txt', 'killed', 147],
          ['003_2d8e9681c8f8e29d.txt', 'killed', 133],
          ['004_b8a51b6d9ae9408c.txt', 'killed', 131],
          // the parts of 131 the same report states: components, not rival values
          ['004_b8a51b6d9ae9408c.txt', 'killed', 82],
          ['004_b8a51b6d9ae9408c.txt', 'killed', 20],
          ['004_b8a51b6d9ae9408c.txt', 'killed', 21],
          ['004_b8a51b6d9ae9408c.txt', 'killed', 8],
        ],
        roles: ['value', 'value', 'value', 'value', 'value', 'component', 'component', 'component', 'component'],
        sameGroup: [0, 1],
        why: ['The sources differ: 150 (two reports sharing their wording), 147, 133 and 131.'],
      },
      {
        id: 'injured-overall',
        category: 'injured',
        status: 'consensus',
        low: 744,
        best: 744,
        high: 744,
        claims: [
          ['000_935a7c71c106fb07.txt', 'injured', 744],
          ['001_c5c5cdde6e201745.txt', 'injured', 744],
          ['002_31e1ca55e70a941d.txt', 'injured', 744],
          ['003_2d8e9681c8f8e29d.txt', 'injured', 744],
          ['004_b8a51b6d9ae9408c.txt', 'injured', 744],
        ],
        sameGroup: [0, 1],
      },
      {
        id: 'killed-baku-after-emergency',
        category: 'killed',
        label: 'in Baku · after the state of emergency',
        status: 'consensus',
        low: 21,
        best: 21,
        high: 21,
        claims: [
          ['003_2d8e9681c8f8e29d.txt', 'killed', 21],
          ['004_b8a51b6d9ae9408c.txt', 'killed', 21],
        ],
        relates: { fact: 'killed-overall', how: 'part_of' },
      },
      {
        id: 'arrested-overall',
        category: 'arrested',
        status: 'disputed',
        low: 400,
        best: 841,
        high: 841,
        alternatives: [{ policy: 'conservative', best: 400 }],
        claims: [
          ['002_31e1ca55e70a941d.txt', 'arrested', 841],
          ['003_2d8e9681c8f8e29d.txt', 'arrested', 400],
          ['004_b8a51b6d9ae9408c.txt', 'arrested', 841],
        ],
      },
    ],
    checks: [
      {
        id: 'check-sum-131',
        document: '004_b8a51b6d9ae9408c.txt',
        kind: 'sum',
        category: 'killed',
        total: 131,
        components: [82, 20, 21, 8],
        ok: true,
        difference: 0,
        claims: [
          ['004_b8a51b6d9ae9408c.txt', 'killed', 131],
          ['004_b8a51b6d9ae9408c.txt', 'killed', 82],
        ],
        statement: '82 + 20 + 21 + 8 = 131 killed, as the report states',
      },
    ],
    copies: [{ documents: ['000_935a7c71c106fb07.txt', '001_c5c5cdde6e201745.txt'], reason: 'shared wording', detail: '0.6 of 8-word shingles' }],
    timeline: [
      { start: '1990-01-19', end: '1990-01-20', label: 'Soviet troops enter Baku', documents: ['000_935a7c71c106fb07.txt', '004_b8a51b6d9ae9408c.txt'] },
      { start: '1990-01-25', end: '1990-01-26', label: 'Eight killed in Neftchala and Lankaran', documents: ['004_b8a51b6d9ae9408c.txt'] },
    ],
  };
}

/** Three short reports of an invented flood, for API tests that need no shared corpus. */
export const FLOOD_REPORTS = [
  {
    source: 'fixture://flood/a.txt',
    outlet: 'River Gazette',
    date: '2024-03-04',
    title: 'Flood in Riverton',
    text: 'Flood in Riverton\n\nAt least 12 people were killed and 40 were injured in Riverton on March 3, 2024, officials said.\n',
  },
  {
    source: 'fixture://flood/b.txt',
    outlet: 'Valley News',
    date: '2024-03-05',
    title: 'Riverton counts its dead',
    text: 'Riverton counts its dead\n\nThe flood killed 15 people in Riverton, the Red Cross said on March 4, 2024. Another 40 people were injured.\n',
  },
  {
    source: 'fixture://flood/c.txt',
    outlet: 'Valley News',
    date: '2025-01-10',
    title: 'A year after the flood',
    text: 'A year after the flood\n\nA memorial in Millbrook remembers the 15 people killed by the flood.\n',
  },
];

export function floodEventSpec(): EventSpec {
  return {
    id: 'fixture-flood',
    name: 'Riverton flood (fixture)',
    facts: [
      {
        id: 'killed',
        category: 'killed',
        status: 'disputed',
        low: 12,
        best: 15,
        high: 15,
        alternatives: [{ policy: 'conservative', best: 12 }],
        claims: [
          ['flood/a.txt', 'killed', 12],
          ['flood/b.txt', 'killed', 15],
        ],
      },
      {
        id: 'injured',
        category: 'injured',
        status: 'consensus',
        low: 40,
        best: 40,
        high: 40,
        claims: [
          ['flood/a.txt', 'injured', 40],
          ['flood/b.txt', 'injured', 40],
        ],
      },
    ],
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** the client's end of the connection the request went over */
  localAddress: string;
  localPort: number;
}

/**
 * One request over a new TCP connection of its own (no agent, no keep-alive),
 * sent as written: the path unnormalised, any Host header, from any local
 * address (any of 127.0.0.0/8 works on loopback).
 */
export function rawRequest(
  port: number,
  path: string,
  options: { host?: string; method?: string; headers?: Record<string, string>; localAddress?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: options.host ?? '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, localAddress: options.localAddress, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, localAddress: res.socket.localAddress ?? '', localPort: res.socket.localPort ?? 0 }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
