/**
 * The events of an archive: its reports grouped into events and reconciled, reading from the store only what
 * each step needs, and keeping what it derives in the archive (Store.derived) so that the next call reads it
 * back instead of computing it again. An archive that grew recomputes only the events its new reports touched.
 *
 * - Signatures: per document, what grouping reads (signatureOf), stamped with the code and the analyzer
 *   version of its claims. Grouping a million reports reads a million small signatures, not their claims.
 * - Events: per event and policy, the reconciled event, under a key hashed from the code, the policy and the
 *   event's documents with their analyzer versions: any change to an event's documents gives it a new key.
 *
 * Derived data is only a cache: an archive that cannot be written (read-only) or that has none computes
 * everything as before, and the result is the same either way.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupBy, runsOf } from '../core/collections.js';
import type { Analysis, Mention } from '../core/types.js';
import { DEFAULT_POLICY } from '../reconcile/facts.js';
import { groupEvents, reconcileGroup, signatureOf, type DocSignature, type DocumentMeta, type Event, type EventGroup } from '../reconcile/index.js';
import type { PolicyName } from '../reconcile/types.js';
import type { DerivedEntry, DerivedOfDocument, DocumentHead, Store } from '../store/types.js';

/** The mentions reconciliation reads: event names, places and dates (not people and organisations, most of them). */
const KINDS: Mention['kind'][] = ['event', 'place', 'date'];
/** The mentions grouping reads (signatureOf): those, and organisations, whose names may be sites ("Harlow Tower"). */
export const SIGNATURE_KINDS: Mention['kind'][] = [...KINDS, 'org'];
/** Documents read from the store at a time when signatures or events are computed. */
const CHUNK_DOCUMENTS = 2_000;

export interface EventsProgress {
  step: 'signatures' | 'events';
  done: number;
  total: number;
}

/**
 * What a long-lived caller (the server) keeps in memory between calls, so that after an ingest it reads only
 * the new reports' signatures and events, not every one of them again.
 */
export interface EventsMemo {
  signatures: Map<string, { stamp: string; signature: DocSignature }>;
  /** per policy, events by key */
  events: Map<PolicyName, Map<string, Event>>;
}

export function newMemo(): EventsMemo {
  return { signatures: new Map(), events: new Map() };
}

export interface EventsOptions {
  policy?: PolicyName;
  /** keep and reuse derived data in the archive (default true) */
  cache?: boolean;
  /** signatures and events kept in memory from an earlier call (see EventsMemo) */
  memo?: EventsMemo;
  onProgress?: (p: EventsProgress) => void;
}

let codeStampValue: string | null = null;

/**
 * What made derived data: reckon's version and a hash of its code (every file of the tree this module is in),
 * so that a different build never reads what another one derived.
 */
export function codeStamp(): string {
  if (codeStampValue) return codeStampValue;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ts|mjs|json)$/.test(e.name) && !e.name.endsWith('.d.ts')) h.update(`${path.relative(root, p)}\0`).update(fs.readFileSync(p)).update('\0');
    }
  };
  walk(root);
  codeStampValue = h.digest('hex').slice(0, 16);
  return codeStampValue;
}

/** Reads derived data; an archive without it (an older one opened read-only) holds none. */
async function tryRead<T>(read: () => Promise<T>, none: T): Promise<T> {
  try {
    return await read();
  } catch {
    return none;
  }
}

/** Writes derived data when the archive lets it (a read-only archive does not); the result does not depend on it. */
async function tryWrite(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch {
    // only a cache: the next call computes it again
  }
}

/** What a signature is stamped with: the code and the analyzer version of the claims it was read from. */
const signatureStamp = (analyzed: number) => `${codeStamp()}:${analyzed}`;

/**
 * The grouping signature of a document's analysis, as derived data for the store to keep with the document or
 * analysis it writes (Store.putDocuments, putAnalysis), so that the first grouping after an ingest does not read
 * every claim to compute it.
 */
export function signatureEntry(published: string | null, analysis: Analysis, analyzed: number, title: string | null = null): DerivedOfDocument {
  return { kind: 'signature', stamp: signatureStamp(analyzed), value: JSON.stringify(signatureOf(published, analysis.claims, analysis.mentions, title)) };
}

/** Every latest document's grouping signature, computed for those the archive does not hold yet. */
async function signaturesOf(store: Store, heads: DocumentHead[], options: EventsOptions): Promise<Map<string, DocSignature>> {
  const stampOf = (h: DocumentHead) => signatureStamp(h.analyzed);
  const cache = options.cache !== false;
  const memo = options.memo?.signatures;
  const out = new Map<string, DocSignature>();
  if (memo) {
    for (const h of heads) {
      const m = memo.get(h.id);
      if (m && m.stamp === stampOf(h)) out.set(h.id, m.signature);
    }
  }
  // with a memo, only the documents it lacks (and then nothing is known of superseded ones: the next call without one drops them)
  const unknown = memo ? heads.filter((h) => !out.has(h.id)).map((h) => h.id) : undefined;
  const stale: string[] = [];
  {
    // in a block of its own, so that what was read is let go before the missing ones are computed
    const held = cache && unknown?.length !== 0 ? await tryRead(() => store.derived('signature', unknown), [] as DerivedEntry[]) : [];
    const byId = new Map(heads.map((h) => [h.id, h]));
    for (const e of held) {
      const h = byId.get(e.key);
      if (h && e.stamp === stampOf(h)) out.set(e.key, JSON.parse(e.value) as DocSignature);
      else if (!h) stale.push(e.key);
    }
  }
  const missing = heads.filter((h) => !out.has(h.id));
  let done = heads.length - missing.length;
  for (const part of runsOf(missing, () => 1, CHUNK_DOCUMENTS)) {
    const ids = part.map((h) => h.id);
    const [claims, mentions] = await Promise.all([store.claims({ documents: ids }), store.allMentions(SIGNATURE_KINDS, ids)]);
    const claimsBy = groupBy(claims, (c) => c.document);
    const mentionsBy = groupBy(mentions, (m) => m.document);
    const entries: DerivedEntry[] = [];
    for (const h of part) {
      const sig = signatureOf(h.published, claimsBy.get(h.id) ?? [], mentionsBy.get(h.id) ?? [], h.title);
      out.set(h.id, sig);
      entries.push({ key: h.id, stamp: stampOf(h), value: JSON.stringify(sig) });
    }
    if (cache) await tryWrite(() => store.putDerived('signature', entries));
    done += part.length;
    options.onProgress?.({ step: 'signatures', done, total: heads.length });
  }
  // superseded documents' signatures
  if (cache && stale.length) await tryWrite(() => store.dropDerived('signature', stale));
  if (memo) {
    memo.clear();
    for (const h of heads) memo.set(h.id, { stamp: stampOf(h), signature: out.get(h.id)! });
  }
  return out;
}

/** The archive's events as groups of documents (no facts yet), largest first. */
export async function groupsOf(store: Store, options: EventsOptions = {}): Promise<Array<EventGroup<DocumentHead>>> {
  const heads = await store.documentHeads();
  return groupEvents(heads, await signaturesOf(store, heads, options));
}

/** The key an event is kept under: the code, the policy and its documents with their analyzer versions. */
function eventKey(g: EventGroup<DocumentHead>, policy: PolicyName): string {
  const members = g.documents.map((d) => `${d.id}:${d.analyzed}`).sort();
  return createHash('sha256').update(`${codeStamp()}\0${policy}\0${members.join(',')}`).digest('hex').slice(0, 32);
}

function meta(d: DocumentHead, text: string): DocumentMeta {
  return { id: d.id, source: d.source, title: d.title, outlet: d.outlet, published: d.published, language: d.language, url: d.url, text };
}

/** Reconciles groups that the archive does not hold under their key, reading their documents in chunks. */
async function* reconciled(store: Store, groups: Array<EventGroup<DocumentHead>>, policy: PolicyName): AsyncGenerator<Event> {
  for (const part of runsOf(groups, (g) => g.documents.length, CHUNK_DOCUMENTS)) {
    const ids = part.flatMap((g) => g.documents.map((d) => d.id));
    const [texts, claims, mentions] = await Promise.all([store.documentTexts(ids), store.claims({ documents: ids }), store.allMentions(KINDS, ids)]);
    const claimsBy = groupBy(claims, (c) => c.document);
    const mentionsBy = groupBy(mentions, (m) => m.document);
    for (const g of part) {
      yield reconcileGroup({ ...g, documents: g.documents.map((d) => meta(d, texts.get(d.id) ?? '')) }, claimsBy, mentionsBy, policy);
    }
  }
}

/**
 * The reconciled events of these groups, in their order: from the memo, else read back from the archive where
 * it holds them, else computed (and kept). Memory holds one chunk of events at a time (and the memo, if given).
 */
export function eventsOfGroups(store: Store, groups: Array<EventGroup<DocumentHead>>, options: EventsOptions = {}): AsyncGenerator<Event> {
  const policy = options.policy ?? DEFAULT_POLICY;
  return keyedEvents(store, groups.map((g) => ({ g, key: eventKey(g, policy) })), policy, options);
}

/** eventsOfGroups, for groups whose keys under `policy` are known. */
async function* keyedEvents(store: Store, groups: Array<{ g: EventGroup<DocumentHead>; key: string }>, policy: PolicyName, options: EventsOptions): AsyncGenerator<Event> {
  const cache = options.cache !== false;
  const kind = `event:${policy}`;
  const code = codeStamp();
  let memo = options.memo?.events.get(policy);
  if (options.memo && !memo) options.memo.events.set(policy, (memo = new Map()));
  let done = 0;
  for (const run of runsOf(groups, (x) => x.g.documents.length, CHUNK_DOCUMENTS * 5)) {
    const unknown = run.filter((x) => !memo?.has(x.key));
    const held = new Map<string, string>();
    if (cache && unknown.length) {
      for (const e of await tryRead(() => store.derived(kind, unknown.map((x) => x.key)), [] as DerivedEntry[])) if (e.stamp === code) held.set(e.key, e.value);
    }
    const misses = unknown.filter((x) => !held.has(x.key));
    const made = new Map<string, Event>();
    if (misses.length) {
      const entries: DerivedEntry[] = [];
      let i = 0;
      for await (const e of reconciled(store, misses.map((x) => x.g), policy)) {
        const key = misses[i++]!.key;
        made.set(key, e);
        entries.push({ key, stamp: code, value: JSON.stringify(e) });
      }
      if (cache) await tryWrite(() => store.putDerived(kind, entries));
    }
    for (const x of run) {
      const e = memo?.get(x.key) ?? made.get(x.key) ?? (JSON.parse(held.get(x.key)!) as Event);
      memo?.set(x.key, e);
      yield e;
    }
    done += run.length;
    options.onProgress?.({ step: 'events', done, total: groups.length });
  }
}

/**
 * Every event of the archive, reconciled, one at a time (see eventsOfGroups); at the end, what is kept of the
 * policy's events that are no longer the archive's (their reports changed) is dropped, in the archive and memo.
 */
export async function* eachEvent(store: Store, options: EventsOptions = {}): AsyncGenerator<Event> {
  const policy = options.policy ?? DEFAULT_POLICY;
  const keyed = (await groupsOf(store, options)).map((g) => ({ g, key: eventKey(g, policy) }));
  yield* keyedEvents(store, keyed, policy, options);
  const current = new Set(keyed.map((x) => x.key));
  const memo = options.memo?.events.get(policy);
  if (memo) for (const k of memo.keys()) if (!current.has(k)) memo.delete(k);
  if (options.cache !== false) {
    const kind = `event:${policy}`;
    const held = await tryRead(() => store.derivedStamps(kind), new Map<string, string>());
    const stale = [...held.keys()].filter((k) => !current.has(k));
    if (stale.length) await tryWrite(() => store.dropDerived(kind, stale));
  }
}

/** Every event of the archive, reconciled, in one list. */
export async function eventsOf(store: Store, options: EventsOptions = {}): Promise<Event[]> {
  const out: Event[] = [];
  for await (const e of eachEvent(store, options)) out.push(e);
  return out;
}

/** One group's event (see eventsOfGroups). */
export async function eventOf(store: Store, group: EventGroup<DocumentHead>, options: EventsOptions = {}): Promise<Event> {
  for await (const e of eventsOfGroups(store, [group], options)) return e;
  throw new Error('unreachable: one group gives one event');
}
