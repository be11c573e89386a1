/**
 * The archive's events as the server reads them: the list in pages, one event, the events of a document. By
 * default (ArchiveEvents) only the grouping of the archive is held in memory, per revision of the archive, and
 * each event is read (or reconciled and kept) when a request names it: an archive of a million reports has
 * some 800,000 events, 5 GB or more as objects, where their grouping takes a fifth of it (122 against 568 MB
 * of heap at 100,000 reports).
 */
import { eventOf, eventsOfGroups, groupsOf, newMemo } from '../pipeline/events.js';
import type { EventGroup } from '../reconcile/index.js';
import type { DocumentHead, Store } from '../store/types.js';
import type { Event, Fact, PolicyName } from '../reconcile/types.js';
import type { EventSummary } from './types.js';

/** Every policy, in the order the page shows them. */
export const POLICIES: readonly PolicyName[] = ['median', 'conservative', 'most_cited', 'latest', 'official'];

export type EventsLoader = () => Promise<Event[]>;

/** What the routes read of the archive's events. */
export interface EventSource {
  /** the events from `offset`, at most `limit` of them, in list order (largest first), and how many there are */
  page(offset: number, limit: number): Promise<{ events: Event[]; total: number }>;
  find(id: string): Promise<Event | undefined>;
  /** the events a document belongs to */
  ofDocument(id: string): Promise<Array<{ id: string; name: string }>>;
  /** every event, for an export; undefined: the export reads them from the archive one at a time */
  all(): Promise<Event[] | undefined>;
}

/** A value computed once per revision of the archive (a failed computation is not kept). */
class PerRevision<T> {
  private key: string | null = null;
  private value: Promise<T> | null = null;

  constructor(
    private readonly store: Store,
    private readonly load: () => Promise<T>,
  ) {}

  async get(): Promise<T> {
    const key = String(await this.store.revision());
    if (key !== this.key || !this.value) {
      this.key = key;
      const p = this.load();
      this.value = p;
      p.catch(() => {
        if (this.value === p) {
          this.value = null;
          this.key = null;
        }
      });
    }
    return this.value;
  }
}

/** Events from a loader that gives them all (tests, and callers that have them in hand). */
export class LoadedEvents implements EventSource {
  private readonly events: PerRevision<Event[]>;

  constructor(store: Store, load: EventsLoader) {
    this.events = new PerRevision(store, load);
  }

  async page(offset: number, limit: number) {
    const all = await this.events.get();
    return { events: all.slice(offset, offset + limit), total: all.length };
  }

  async find(id: string) {
    return (await this.events.get()).find((e) => e.id === id);
  }

  async ofDocument(id: string) {
    return (await this.events.get()).filter((e) => e.documents.includes(id)).map((e) => ({ id: e.id, name: e.name }));
  }

  all() {
    return this.events.get();
  }
}

/**
 * Events of the archive, read as requests name them: the groups are held per revision (and the documents'
 * grouping signatures between revisions, so that after an ingest only the new ones are read); an event is
 * read back from the archive's derived data, or reconciled and kept there.
 */
export class ArchiveEvents implements EventSource {
  private readonly memo = newMemo();
  private readonly groups: PerRevision<Array<EventGroup<DocumentHead>>>;

  constructor(private readonly store: Store) {
    this.groups = new PerRevision(store, () => groupsOf(store, { memo: this.memo }));
  }

  async page(offset: number, limit: number) {
    const groups = await this.groups.get();
    const events: Event[] = [];
    for await (const e of eventsOfGroups(this.store, groups.slice(offset, offset + limit))) events.push(e);
    return { events, total: groups.length };
  }

  async find(id: string) {
    const g = (await this.groups.get()).find((x) => x.id === id);
    return g ? eventOf(this.store, g) : undefined;
  }

  async ofDocument(id: string) {
    return (await this.groups.get()).filter((g) => g.documents.some((d) => d.id === id)).map((g) => ({ id: g.id, name: g.name }));
  }

  async all() {
    return undefined;
  }
}

/** The best value a policy chooses for a fact (alternatives list only the policies that differ). */
export function bestUnder(fact: Fact, policy: PolicyName): number {
  if (policy === fact.policy) return fact.best;
  return fact.alternatives.find((a) => a.policy === policy)?.best ?? fact.best;
}

/** The same fact with `best` chosen by another policy, and the alternatives rewritten around it. */
export function factUnder(fact: Fact, policy: PolicyName): Fact {
  if (policy === fact.policy) return fact;
  const best = bestUnder(fact, policy);
  const alternatives = POLICIES.filter((p) => p !== policy)
    .map((p) => ({ policy: p, best: bestUnder(fact, p) }))
    .filter((a) => a.best !== best);
  return { ...fact, best, policy, alternatives };
}

export function eventUnder(event: Event, policy: PolicyName | undefined): Event {
  if (!policy || (policy === event.policy && event.facts.every((f) => f.policy === policy))) return event;
  return { ...event, policy, facts: event.facts.map((f) => factUnder(f, policy)) };
}

export function summarize(e: Event): EventSummary {
  return {
    id: e.id,
    name: e.name,
    aliases: e.aliases,
    start: e.start,
    end: e.end,
    places: e.places,
    documents: e.documents.length,
    policy: e.policy,
    facts: e.facts.map((f) => ({ id: f.id, category: f.category, scope: f.scope.label, low: f.low, best: f.best, high: f.high, status: f.status, sources: f.sources })),
  };
}
