/**
 * Events of an archive kept in the archive (pipeline/events.ts): what is read back equals what is computed,
 * a second call reads no claims, a new report recomputes only its own event, and an archive that cannot keep
 * anything (read-only) gives the same events.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJson } from '../../src/export/stream.js';
import { SIGNATURE_KINDS, eventsOf, groupsOf, newMemo } from '../../src/pipeline/events.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { reconcile, type DocumentMeta } from '../../src/reconcile/index.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { PolicyName } from '../../src/reconcile/types.js';
import type { Store } from '../../src/store/types.js';
import { openTestStore, tempDir } from '../helpers.js';
import { SKIP_PG, createTestDatabase, type TestDatabase } from '../store/pg.js';

const FIXTURES = new URL('../fixtures/events/', import.meta.url).pathname;
const folders = fs.readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f));
const reports = (dir: string) => fs.readdirSync(dir).filter((f) => f !== 'expected.json').map((f) => path.join(dir, f));

/** The archive's events as the whole-archive reconciliation computes them from everything loaded at once. */
async function computedAtOnce(store: Store, policy?: PolicyName) {
  const documents: DocumentMeta[] = [];
  for await (const d of store.iterateDocuments()) {
    documents.push({ id: d.id, source: d.source, title: d.title, outlet: d.outlet, published: d.published, language: d.language, url: d.url, text: d.text });
  }
  const mentions = await store.allMentions(SIGNATURE_KINDS);
  return reconcile({ documents, claims: await store.claims(), mentions }, policy ? { policy } : {});
}

/** A store that counts what is read through it. */
function counting(store: Store) {
  const reads = { claims: 0, mentions: 0, texts: 0, documents: [] as string[] };
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (prop === 'claims') reads.claims++;
        if (prop === 'allMentions') reads.mentions++;
        if (prop === 'documentTexts') {
          reads.texts++;
          reads.documents.push(...(args[0] as string[]));
        }
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, reads };
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('events kept in the archive', () => {
  it('read back, they equal the events computed from the whole archive at once', async () => {
    const store = await openTestStore(tempDir());
    await ingest(store, folders);
    const expected = plain(await computedAtOnce(store));
    expect((expected as unknown[]).length).toBeGreaterThanOrEqual(folders.length);
    expect(plain(await eventsOf(store, { cache: false }))).toEqual(expected);
    // ingest kept each report's signature; without them they are computed and kept again
    const documents = (await store.stats()).documents;
    const kept = await store.derived('signature');
    expect(kept.length).toBe(documents);
    expect(plain(await eventsOf(store))).toEqual(expected); // computes the events and keeps them
    await store.dropDerived('signature', kept.map((e) => e.key));
    expect(plain(await eventsOf(store))).toEqual(expected); // computes the signatures again
    expect((await store.derived('signature')).map((e) => e.value).sort()).toEqual(kept.map((e) => e.value).sort());
    expect(plain(await eventsOf(store))).toEqual(expected); // reads back
    for (const policy of ['conservative', 'latest'] as const) {
      const want = plain(await computedAtOnce(store, policy));
      expect(plain(await eventsOf(store, { policy }))).toEqual(want);
      expect(plain(await eventsOf(store, { policy }))).toEqual(want);
    }
  });

  it('a second call reads no claims, mentions or texts', async () => {
    const archive = await openTestStore(tempDir());
    await ingest(archive, folders);
    const first = counting(archive);
    await eventsOf(first.store);
    expect(first.reads.claims).toBeGreaterThan(0);
    const second = counting(archive);
    await eventsOf(second.store);
    expect(second.reads).toEqual({ claims: 0, mentions: 0, texts: 0, documents: [] });
  });

  it('a new report recomputes only the event it joins, and what the archive no longer holds is dropped', async () => {
    const dir = tempDir();
    const archive = await openTestStore(dir);
    await ingest(archive, folders);
    const before = await eventsOf(archive);
    const target = before.find((e) => e.documents.length >= 2 && e.sources.some((x) => x.source.endsWith('.txt')))!;
    // a further report of that event: one of its reports with a sentence more, under a new name
    const source = target.sources.find((x) => x.source.endsWith('.txt'))!.source;
    const extra = path.join(dir, 'one-more.txt');
    fs.writeFileSync(extra, `${fs.readFileSync(source, 'utf8').trimEnd()}\n\nRescue work went on through the night.\n`);
    await ingest(archive, [extra]);
    const { store, reads } = counting(archive);
    const after = await eventsOf(store);
    const joined = after.find((e) => e.documents.length === target.documents.length + 1 && target.documents.every((d) => e.documents.includes(d)));
    expect(joined, 'the new report joins its event').toBeDefined();
    expect(new Set(reads.documents)).toEqual(new Set(joined!.documents));
    expect(plain(after)).toEqual(plain(await computedAtOnce(archive)));
    // the event as it was is no longer kept, and only current events are
    const kept = await archive.derivedStamps('event:median');
    expect(kept.size).toBe(after.length);
  });

  it('with a memo (the server), a later call reads only what changed, and gives the same events', async () => {
    const dir = tempDir();
    const archive = await openTestStore(dir);
    await ingest(archive, folders);
    const memo = newMemo();
    const first = await eventsOf(archive, { memo });
    expect(memo.signatures.size).toBe((await archive.stats()).documents);
    expect(memo.events.get('median')?.size).toBe(first.length);
    // nothing changed: no derived data is read at all
    const derivedReads: Array<[string, number | null]> = [];
    const watch = (store: Store) =>
      new Proxy(store, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver) as unknown;
          if (typeof v !== 'function') return v;
          return (...args: unknown[]) => {
            if (prop === 'derived') derivedReads.push([args[0] as string, (args[1] as string[] | undefined)?.length ?? null]);
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    expect(plain(await eventsOf(watch(archive), { memo }))).toEqual(plain(first));
    expect(derivedReads).toEqual([]);
    // one more report: only its signature and its event are looked up, and only its event is computed
    const extra = path.join(dir, 'another.txt');
    fs.writeFileSync(extra, 'A fire in a warehouse in Tromsø on 3 March 2021 injured 4 workers, the fire service said.\n');
    await ingest(archive, [extra]);
    const { store, reads } = counting(watch(archive));
    const after = await eventsOf(store, { memo });
    expect(derivedReads).toEqual([['signature', 1], ['event:median', 1]]); // another process may have kept it
    expect(reads.documents.length).toBe(1);
    expect(plain(after)).toEqual(plain(await computedAtOnce(archive)));
    expect(memo.events.get('median')?.size).toBe(after.length);
  });

  it('a signature kept with another stamp is computed again', async () => {
    const store = await openTestStore(tempDir());
    await ingest(store, folders);
    const expected = plain(await computedAtOnce(store));
    const [head] = await store.documentHeads();
    await store.putDerived('signature', [{ key: head!.id, stamp: 'another build', value: JSON.stringify({ keys: [['name:nothing', 9, [['Nothing', 9]]]], day: null, place: null, places: [], claims: 0 }) }]);
    expect(plain(await eventsOf(store))).toEqual(expected);
    expect((await store.derived('signature', [head!.id]))[0]!.stamp).not.toBe('another build');
  });

  it('a read-only archive gives the same events, keeping nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'archive.db');
    const writable = new SqliteStore(file);
    await writable.migrate();
    await ingest(writable, folders);
    const expected = plain(await computedAtOnce(writable));
    await writable.close();
    const ro = new SqliteStore(file, { readonly: true });
    try {
      expect(plain(await eventsOf(ro))).toEqual(expected);
      expect(await ro.derivedStamps('event:median')).toEqual(new Map());
    } finally {
      await ro.close();
    }
  });

  it('groups without facts name the same events in the same order', async () => {
    const store = await openTestStore(tempDir());
    await ingest(store, folders);
    const groups = await groupsOf(store);
    const events = await eventsOf(store);
    expect(groups.map((g) => [g.id, g.name, g.aliases, g.documents.length])).toEqual(events.map((e) => [e.id, e.name, e.aliases, e.documents.length]));
  });

  it('the JSON export lays the events out as one JSON.stringify of the list would', async () => {
    const store = await openTestStore(tempDir());
    await ingest(store, [folders[0]!, ...reports(folders[1]!)]);
    let text = '';
    for await (const chunk of exportJson(store)) text += chunk;
    const events = await eventsOf(store);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(text.slice(text.indexOf('\n  ],\n  "events": '))).toBe(`\n  ],\n  "events": ${JSON.stringify(events, null, 2).replace(/\n/g, '\n  ')}\n}\n`);
    const empty = await openTestStore(tempDir(), 'empty.db');
    let none = '';
    for await (const chunk of exportJson(empty)) none += chunk;
    expect(JSON.parse(none)).toEqual({ reckon: 1, documents: [], events: [] });
    expect(none.endsWith('"events": []\n}\n')).toBe(true);
  });
});

describe.skipIf(SKIP_PG)('events kept in a PostgreSQL archive', () => {
  let db: TestDatabase;
  let store: PostgresStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresStore(db.url);
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('equal the events of the same reports in SQLite, computed, then read back without reading claims', async () => {
    await ingest(store, folders);
    const lite = await openTestStore(tempDir());
    await ingest(lite, folders);
    const expected = plain(await computedAtOnce(lite));
    expect(plain(await computedAtOnce(store))).toEqual(expected);
    expect(plain(await eventsOf(store))).toEqual(expected);
    const { store: watched, reads } = counting(store);
    expect(plain(await eventsOf(watched))).toEqual(expected);
    expect(reads.claims).toBe(0);
    expect((await store.derivedStamps('event:median')).size).toBe((expected as unknown[]).length);
  });
});
