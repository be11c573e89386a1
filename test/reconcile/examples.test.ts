/**
 * The sample corpus (examples/black-january, five reports written for reckon
 * in their own words) read as a whole event: the fact sheet the README
 * promises.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventsOf } from '../../src/pipeline/events.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { SqliteStore } from '../../src/store/sqlite.js';

const dir = new URL('../../examples/black-january/', import.meta.url).pathname;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reckon-examples-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the sample corpus', async () => {
  const store = new SqliteStore(path.join(tmp, 'examples.db'));
  await store.migrate();
  const report = await ingest(store, [dir]);
  const events = await eventsOf(store);
  await store.close();
  const event = events[0]!;
  const fact = (category: string, label = '') => event.facts.find((f) => f.category === category && f.scope.label === label && !f.derived);
  const values = (category: string, label = '') => fact(category, label)!.claims.filter((c) => c.role === 'value').map((c) => c.value).sort((a, b) => b - a);

  it('is one event of five reports', () => {
    expect(report.failures).toEqual([]);
    expect(events.length).toBe(1);
    expect(event.documents.length).toBe(5);
  });
  it('killed 131–150, disputed: 150 twice, 147, 133, 131', () => {
    expect(fact('killed')).toMatchObject({ low: 131, high: 150, status: 'disputed' });
    expect(values('killed')).toEqual([150, 150, 147, 133, 131]);
  });
  it('injured 744, all five agree', () => {
    expect(fact('injured')).toMatchObject({ low: 744, high: 744, status: 'consensus' });
    expect(values('injured')).toHaveLength(5);
  });
  it('missing 4, three agree', () => expect(values('missing')).toEqual([4, 4, 4]));
  it('arrested 400–841, disputed', () => expect(fact('arrested')).toMatchObject({ low: 400, high: 841, status: 'disputed' }));
  it('21 more killed in Baku, two agree', () => {
    const f = event.facts.find((x) => x.category === 'killed' && x.scope.relation === 'additional' && x.scope.location.includes('Baku'))!;
    expect(f).toMatchObject({ low: 21, high: 21, status: 'consensus', sources: 2 });
  });
  it('checks 82 + 20 + 21 + 8 = 131', () => {
    expect(event.checks.some((c) => c.kind === 'sum' && c.ok && c.total === 131 && [...c.components].sort((a, b) => a - b).join() === '8,20,21,82')).toBe(true);
  });
});
