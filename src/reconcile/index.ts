/**
 * Reconciliation: documents and their claims → events with facts, checks,
 * a timeline, and which sources copy one another. Pure: data in, data out.
 */
import type { Mention } from '../core/types.js';
import type { StoredClaim } from '../store/types.js';
import { groupBy } from '../core/collections.js';
import { buildChecks } from './checks.js';
import { groupEvents, signatureOf, type DocumentRef, type EventGroup } from './events.js';
import { DEFAULT_POLICY, buildFacts } from './facts.js';
import { findCopies } from './independence.js';
import { buildTimeline } from './timeline.js';
import type { Event, PolicyName } from './types.js';

export type { Event } from './types.js';

export type { DocSignature, DocumentRef, EventGroup } from './events.js';
export { groupEvents, signatureOf } from './events.js';

export interface DocumentMeta extends DocumentRef {
  text: string;
}

export interface ReconcileInput {
  documents: DocumentMeta[];
  claims: StoredClaim[];
  mentions: Array<Mention & { document: string }>;
}

export interface ReconcileOptions {
  policy?: PolicyName;
}

export function reconcile(input: ReconcileInput, options: ReconcileOptions = {}): Event[] {
  const policy = options.policy ?? DEFAULT_POLICY;
  const claimsByDoc = groupBy(input.claims, (c) => c.document);
  const mentionsByDoc = groupBy(input.mentions, (m) => m.document);
  const signatures = new Map(input.documents.map((d) => [d.id, signatureOf(d.published, claimsByDoc.get(d.id) ?? [], mentionsByDoc.get(d.id) ?? [], d.title)]));
  return groupEvents(input.documents, signatures).map((g) => reconcileGroup(g, claimsByDoc, mentionsByDoc, policy));
}

/** One event: its group of documents (with their texts) and their claims and mentions → facts, checks, timeline. */
export function reconcileGroup(
  g: EventGroup<DocumentMeta>,
  claimsByDoc: ReadonlyMap<string, StoredClaim[]>,
  mentionsByDoc: ReadonlyMap<string, Array<Mention & { document: string }>>,
  policy: PolicyName = DEFAULT_POLICY,
): Event {
  const docs = new Map(g.documents.map((d) => [d.id, d]));
  const claims = g.documents.flatMap((d) => claimsByDoc.get(d.id) ?? []);
  const mentions = g.documents.flatMap((d) => mentionsByDoc.get(d.id) ?? []);
  const copies = findCopies(g.documents);
  // numbered citations follow the order of publication (undated last), then source
  const order = [...g.documents].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.source.localeCompare(b.source));
  const number = new Map(order.map((d, i) => [d.id, i + 1]));
  const cite = (doc: string) => `[${number.get(doc) ?? '?'}]`;
  const placeCounts = new Map<string, number>();
  for (const c of claims) for (const p of c.location) placeCounts.set(p.toLowerCase(), (placeCounts.get(p.toLowerCase()) ?? 0) + (c.locationInferred ? 2 : 1));
  const main = [...placeCounts].sort((a, b) => b[1] - a[1])[0]?.[0];
  // (and every report's main place: reports of one fire in Leeds name the town or the tower's name)
  // An event that covers an area (a flood told town by town) has no place of its own but its country: a figure for
  // one of its towns is a part of it.
  const own = g.spread ? g.places.map((p) => p.toLowerCase()) : [...(main ? [main] : []), ...g.places.slice(0, 1).map((p) => p.toLowerCase()), ...(g.home ?? [])];
  const places = new Set<string>(g.spread ? [] : own);
  // the country that holds the event's own places is no narrower a scope ("29 people died … in western Nepal" of a
  // quake in Baglung and Myagdi)
  const countries = new Set<unknown>();
  const ownSet = new Set(own);
  for (const m of mentions) if (m.kind === 'place' && m.data?.kind !== 'country' && m.data?.country && (ownSet.has(m.value.toLowerCase()) || ownSet.has(m.text.toLowerCase()))) countries.add(m.data.country);
  for (const m of mentions) {
    if (m.kind !== 'place' || m.data?.kind !== 'country' || !countries.has(m.data.country)) continue;
    places.add(m.value.toLowerCase());
    places.add(m.text.toLowerCase());
  }
  const texts = new Map(g.documents.map((d) => [d.id, d.text]));
  const checks = buildChecks(claims, texts);
  // the parts of a sum a report states are components, not rival or other days' readings of its total
  const summed = new Set(checks.filter((c) => c.kind === 'sum').flatMap((c) => c.claims.slice(0, -1)));
  const facts = buildFacts({ claims, docs, groupOf: copies.groupOf, scope: { places, start: g.start, end: g.end, ...(g.spread ? { spread: true } : {}) }, policy, cite, summed });
  const event: Event = {
    id: g.id,
    name: g.name,
    aliases: g.aliases,
    start: g.start,
    end: g.end,
    places: g.places,
    documents: order.map((d) => d.id),
    sources: order.map((d) => ({ document: d.id, source: d.source, title: d.title, outlet: d.outlet, published: d.published, url: d.url, claims: claimsByDoc.get(d.id)?.length ?? 0 })),
    facts,
    checks,
    timeline: buildTimeline(g.documents, mentions, g.start),
    copies: copies.groups,
    policy,
  };
  return event;
}
