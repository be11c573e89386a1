/**
 * Golden tests on whole events: each folder under test/fixtures/events holds
 * several reports and expected.json, the fact sheet a careful reader expects.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventsOf } from '../../src/pipeline/events.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Event } from '../../src/reconcile/types.js';

interface Expected {
  events: number;
  facts: Array<{
    category: string;
    scope: string;
    low?: number;
    best?: number;
    high?: number;
    status?: string;
    /** each report's own figure: value → files */
    values: Record<string, string[]>;
    /** rival figures a report attributes to another source (role "attributed"): value → files; none when absent */
    attributed?: Record<string, string[]>;
    /** how the fact relates to another ("as_of" for a figure of another day) */
    relates?: string;
    /** words that must appear in the statements of why the figures differ */
    why?: string[];
  }>;
  checks: Array<{ kind: string; file: string; total: number; components: number[]; ok: boolean }>;
  timeline: Array<{ start: string; end: string; files: string[] }>;
  /** totals nothing may be checked against (a sum reckon made, which the report does not state) */
  unchecked?: Array<{ file: string; total: number }>;
}

const root = new URL('../fixtures/events/', import.meta.url).pathname;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reckon-events-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

for (const slug of fs.readdirSync(root)) {
  const dir = path.join(root, slug);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
  const files = fs.readdirSync(dir).filter((f) => f !== 'expected.json').map((f) => path.join(dir, f));

  describe(`event fixture ${slug}`, async () => {
    const store = new SqliteStore(path.join(tmp, `${slug}.db`));
    await store.migrate();
    const report = await ingest(store, files);
    const events: Event[] = await eventsOf(store);
    const docs = new Map<string, string>();
    for await (const d of store.iterateDocuments()) docs.set(d.id, path.basename(d.source));
    await store.close();
    const fileOf = (id: string) => docs.get(id);

    it('stores every report', () => {
      expect(report.failures).toEqual([]);
      expect(report.added).toBe(files.length);
    });
    it(`groups the reports into ${expected.events} event(s)`, () => expect(events.length).toBe(expected.events));
    for (const f of expected.facts) {
      const want = Object.entries(f.values).flatMap(([v, fs]) => fs.map((file) => `${v}@${file}`)).sort();
      const wantCited = Object.entries(f.attributed ?? {}).flatMap(([v, fs]) => fs.map((file) => `${v}@${file}`));
      it(`${f.category}${f.scope ? ` (${f.scope})` : ''}: ${want.join(' ')}${wantCited.length ? `; citing others: ${wantCited.join(' ')}` : ''}`, () => {
        const facts = events.flatMap((e) => e.facts).filter((x) => x.category === f.category && x.scope.label === f.scope && !x.derived);
        const fact = facts.find((x) =>
          Object.entries(f.values).every(([v, files]) => files.every((file) => x.claims.some((c) => c.role === 'value' && fileOf(c.document) === file && c.value === Number(v)))),
        );
        expect(fact, `facts: ${facts.map((x) => x.claims.map((c) => `${c.value}@${fileOf(c.document)}`).join(' ')).join(' | ')}`).toBeDefined();
        const got = fact!.claims.filter((c) => c.role === 'value').map((c) => `${c.value}@${fileOf(c.document)}`).sort();
        expect(got).toEqual(want);
        const cited = fact!.claims.filter((c) => c.role === 'attributed').map((c) => `${c.value}@${fileOf(c.document)}`).sort();
        expect(cited, 'figures attributed to another source').toEqual(Object.entries(f.attributed ?? {}).flatMap(([v, fs]) => fs.map((file) => `${v}@${file}`)).sort());
        if (f.low !== undefined) expect(fact!.low).toBe(f.low);
        if (f.best !== undefined) expect(fact!.best).toBe(f.best);
        if (f.high !== undefined) expect(fact!.high).toBe(f.high);
        if (f.status !== undefined) expect(fact!.status).toBe(f.status);
        if (f.relates !== undefined) expect(fact!.relates?.how).toBe(f.relates);
        for (const w of f.why ?? []) expect(fact!.why.join('\n')).toContain(w);
        expect(fact!.low).toBeLessThanOrEqual(fact!.best);
        expect(fact!.best).toBeLessThanOrEqual(fact!.high);
      });
    }
    for (const c of expected.checks) {
      it(`checks ${c.components.join(' + ')} = ${c.total} in ${c.file}`, () => {
        const all = events.flatMap((e) => e.checks);
        expect(all.some((x) => x.kind === c.kind && fileOf(x.document) === c.file && x.total === c.total && x.ok === c.ok && [...x.components].sort().join() === [...c.components].sort().join())).toBe(true);
      });
    }
    for (const u of expected.unchecked ?? []) {
      it(`checks nothing against ${u.total} in ${u.file}`, () => {
        expect(events.flatMap((e) => e.checks).filter((x) => fileOf(x.document) === u.file && x.total === u.total)).toEqual([]);
      });
    }
    for (const t of expected.timeline) {
      it(`dates ${t.start}..${t.end} from ${t.files.join(', ')}`, () => {
        const entry = events.flatMap((e) => e.timeline).find((x) => x.start === t.start && x.end === t.end);
        expect(entry).toBeDefined();
        for (const file of t.files) expect(entry!.documents.map(fileOf)).toContain(file);
      });
    }
  });
}
