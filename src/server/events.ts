/**
 * Reconciled events for the server: computed once, kept until the archive
 * changes (its revision differs), and viewed under any best-value policy.
 */
import type { Store } from '../store/types.js';
import type { Event, Fact, PolicyName } from '../reconcile/types.js';
import type { EventSummary } from './types.js';

/** Every policy, in the order the page shows them. */
export const POLICIES: readonly PolicyName[] = ['median', 'conservative', 'most_cited', 'latest', 'official'];

export type EventsLoader = () => Promise<Event[]>;

export class EventCache {
  private key: string | null = null;
  private value: Promise<Event[]> | null = null;

  constructor(
    private readonly store: Store,
    private readonly load: EventsLoader,
  ) {}

  /** The events of the archive as it is now. */
  async get(): Promise<Event[]> {
    const key = String(await this.store.revision());
    if (key !== this.key || !this.value) {
      this.key = key;
      const p = this.load();
      this.value = p;
      // a failed computation is not kept
      p.catch(() => {
        if (this.value === p) {
          this.value = null;
          this.key = null;
        }
      });
    }
    return this.value;
  }

  async find(id: string): Promise<Event | undefined> {
    return (await this.get()).find((e) => e.id === id);
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
