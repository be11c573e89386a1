/**
 * Workers across processes on a real PostgreSQL: `reckon ingest --no-analyze`
 * stores documents, `reckon worker` processes (the real CLI through tsx)
 * analyse them. Every document is analysed exactly once; a worker killed
 * with SIGKILL while it holds leases loses them when they expire, and
 * another worker takes its documents.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../../src/analyze/index.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { analyzeDocument } from '../../src/pipeline/prepare.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { ROOT, tempDirManual } from '../helpers.js';
import { SUMMARY } from '../cli/reckon.js';
import { SKIP_PG, createTestDatabase, type TestDatabase } from './pg.js';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const ENTRY = path.join(ROOT, 'src/cli/run.ts');

interface Proc {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  stderr: () => string;
}

const running = new Set<ChildProcess>();

/** The CLI as a child process in its own process group (tsx starts node as its child: a kill must reach both). */
function cli(args: string[], env: Record<string, string> = {}): Proc {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  delete e.RECKON_DB;
  const child = spawn(TSX, [ENTRY, ...args], { cwd: ROOT, env: e, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done, stderr: () => stderr };
}

const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
};

/** "analysed <id> (attempt n, k claim(s))" lines of a verbose worker. */
const analysedLines = (stderr: string) =>
  [...stderr.matchAll(/^analysed ([0-9a-f]{16}) \(attempt (\d+), (\d+) claim\(s\)\)$/gm)].map((m) => ({ id: m[1]!, attempt: Number(m[2]), claims: Number(m[3]) }));

async function until(what: string, fn: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const report = (i: number) =>
  `Report ${i}: on March ${(i % 28) + 1}, 2021, ${i + 2} people were killed and ${i + 5} injured in Kabul, officials said.`;

describe.skipIf(SKIP_PG)('reckon worker processes on PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresStore;
  let tmp: { dir: string; remove: () => void };

  beforeAll(async () => {
    db = await createTestDatabase();
    tmp = tempDirManual();
  });
  afterAll(async () => {
    for (const c of running) killGroup(c, 'SIGKILL');
    await store?.close();
    await db?.drop();
    tmp?.remove();
  });

  const reset = async () => {
    await store?.close();
    await db.sql('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    store = new PostgresStore(db.url);
    await store.migrate();
  };

  /** What each document's analysis must be, computed here, and what the archive holds. */
  const expectAllAnalysedOnce = async (attemptsOf: (id: string) => number) => {
    const docs = await db.sql('SELECT id, analyzed, attempts, lease_owner, lease_until FROM documents ORDER BY seq');
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      expect(d, String(d.id)).toMatchObject({ analyzed: ANALYZER_VERSION, attempts: attemptsOf(String(d.id)), lease_owner: null, lease_until: null });
    }
    const counts = new Map((await db.sql('SELECT document_id, count(*)::int AS n, count(DISTINCT idx)::int AS k FROM claims GROUP BY 1')).map((r) => [String(r.document_id), r]));
    for await (const d of store.iterateDocuments()) {
      const want = analyzeDocument(d).claims;
      expect(want.length).toBeGreaterThanOrEqual(2);
      // one claim set per document: as many rows as the analysis has claims, one per index
      expect(counts.get(d.id), d.id).toEqual({ document_id: d.id, n: want.length, k: want.length });
      expect((await store.claims({ documents: [d.id] })).map((c) => c.quote)).toEqual(want.map((c) => c.quote));
    }
  };

  it('three worker processes analyse every document exactly once', async () => {
    await reset();
    const folder = path.join(tmp.dir, 'sixty');
    fs.mkdirSync(folder);
    for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(folder, `r${String(i).padStart(2, '0')}.txt`), report(i));

    const ing = await cli(['ingest', '--no-analyze', '--db', db.url, folder]).done;
    expect(ing.code, ing.stderr).toBe(0);
    const m = SUMMARY.exec(ing.stdout.trim());
    expect(m, ing.stdout).not.toBeNull();
    expect([m![2], m![6], m![8], m![9]]).toEqual(['60', '0', '60', '0']); // 60 new, 0 claims, 60 documents, 0 claims
    expect(await store.pendingAnalysis(ANALYZER_VERSION, 100)).toHaveLength(60);

    // each batch holds its leases a little, so that the three really work side by side
    const workers = ['w1', 'w2', 'w3'].map((id) =>
      cli(['worker', '--db', db.url, '--id', id, '--batch', '2', '--lease', '30', '--poll', '100', '--exit-when-idle', '--verbose', '--json'], {
        RECKON_WORKER_PAUSE_MS: '150',
      }),
    );
    const results = await Promise.all(workers.map((w) => w.done));
    const taken: string[] = [];
    let claims = 0;
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      const lines = analysedLines(r.stderr);
      const rep = JSON.parse(r.stdout) as { analyzed: number; claims: number; failed: number };
      expect(rep.failed).toBe(0);
      expect(rep.analyzed).toBe(lines.length);
      expect(lines.length).toBeGreaterThan(0); // every worker took part
      expect(lines.every((l) => l.attempt === 1)).toBe(true);
      taken.push(...lines.map((l) => l.id));
      claims += rep.claims;
    }
    expect(taken).toHaveLength(60);
    expect(new Set(taken).size).toBe(60); // disjoint
    expect(new Set(taken)).toEqual(new Set((await store.listDocuments()).map((d) => d.id)));
    expect((await store.stats()).claims).toBe(claims);
    await expectAllAnalysedOnce(() => 1);
    // the workers kept each analysed report's grouping signature
    const signatures = await store.derived('signature');
    expect(new Set(signatures.map((e) => e.key))).toEqual(new Set(taken));
    expect(signatures.every((e) => e.stamp.endsWith(`:${ANALYZER_VERSION}`))).toBe(true);
  }, 120_000);

  it('a worker killed while holding leases: another takes its documents once the leases expire', async () => {
    await reset();
    const folder = path.join(tmp.dir, 'twenty');
    fs.mkdirSync(folder);
    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(folder, `r${String(i).padStart(2, '0')}.txt`), report(100 + i));
    const ing = await ingest(store, [folder], { analyze: false });
    expect(ing.added).toBe(20);
    expect(ing.claims).toBe(0);

    // the crasher takes 8 documents with a 2 s lease, then sleeps on them
    const crasher = cli(['worker', '--db', db.url, '--id', 'crasher', '--batch', '8', '--lease', '2', '--poll', '100', '--verbose'], {
      RECKON_WORKER_PAUSE_MS: '60000',
    });
    await until('the crasher to take its batch', async () => Number((await db.sql("SELECT count(*)::int AS n FROM documents WHERE lease_owner = 'crasher'"))[0]!.n) === 8);
    const held = (await db.sql("SELECT id FROM documents WHERE lease_owner = 'crasher' ORDER BY seq")).map((r) => String(r.id));
    killGroup(crasher.child, 'SIGKILL');
    const dead = await crasher.done;
    expect(dead.signal).toBe('SIGKILL');
    expect(analysedLines(dead.stderr)).toEqual([]);
    expect(await db.sql('SELECT count(*)::int AS n FROM documents WHERE analyzed > 0')).toEqual([{ n: 0 }]);

    const rescuer = await cli(['worker', '--db', db.url, '--id', 'rescuer', '--batch', '4', '--lease', '30', '--poll', '200', '--exit-when-idle', '--verbose']).done;
    expect(rescuer.code, rescuer.stderr).toBe(0);
    const lines = analysedLines(rescuer.stderr);
    expect(lines).toHaveLength(20);
    expect(new Set(lines.map((l) => l.id)).size).toBe(20);
    // the crasher's documents were taken a second time, the others once
    for (const l of lines) expect(l.attempt, l.id).toBe(held.includes(l.id) ? 2 : 1);
    expect(rescuer.stdout).toMatch(/^worker rescuer: analysed 20 document\(s\)/);
    await expectAllAnalysedOnce((id) => (held.includes(id) ? 2 : 1));
    expect(await store.check()).toEqual([]);
  }, 120_000);

  it('--doc-timeout: a document whose analysis runs over it fails alone, is stored with no claims, and the worker goes on', async () => {
    await reset();
    const folder = path.join(tmp.dir, 'slow');
    fs.mkdirSync(folder);
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(folder, `r${i}.txt`), report(200 + i));
    // a real pathological document: three million short lines take the analysis about a second (a million, 330 ms:
    // too near the limit of 300 ms to fail for sure on a loaded machine)
    const heavy = path.join(folder, 'r1-heavy.txt');
    fs.writeFileSync(heavy, 'x\n'.repeat(3_000_000));
    const ing = await ingest(store, [folder], { analyze: false });
    expect(ing.added).toBe(4);
    const heavyId = (await store.getDocument(heavy))!.id;

    const w = await cli(['worker', '--db', db.url, '--id', 'w', '--batch', '4', '--doc-timeout', '0.3', '--poll', '100', '--exit-when-idle', '--verbose']).done;
    expect(w.code, w.stderr).toBe(0);
    expect(w.stderr).toContain(`failed ${heavyId} (attempt 1, 0 claim(s)): ${heavy}: analysis took longer than 300 ms (the document may be pathological)\n`);
    expect(analysedLines(w.stderr).map((l) => l.attempt)).toEqual([1, 1, 1]);
    expect(w.stdout).toMatch(/^worker w: analysed 4 document\(s\) in 1 batch\(es\), \d+ claim\(s\), 1 failed, /);
    // taken once: stored (with no claims), not pending for another worker to fail on again
    expect(await db.sql('SELECT count(*)::int AS n FROM documents WHERE analyzed = $1 AND attempts = 1', [ANALYZER_VERSION])).toEqual([{ n: 4 }]);
    expect(await store.claims({ documents: [heavyId] })).toEqual([]);
    expect((await store.stats()).claims).toBeGreaterThanOrEqual(6);
  }, 120_000);
});
