/**
 * Crash safety of ingest on SQLite: `reckon ingest` (the real CLI, a child
 * process with its worker threads) is killed with SIGKILL at random moments
 * (before its first write, and while it writes), several rounds, on a folder
 * of a few thousand small reports, some of them copies of others; then it
 * ingests again to the end. After every kill and at the end: the integrity
 * check passes, no content is stored twice, no document is half stored (an
 * analysed document has exactly the claims and mentions its analysis gives;
 * no claim or mention without its document), and at the end every distinct
 * content is stored once and analysed.
 *
 * A worker killed on PostgreSQL is test/store/workers.test.ts.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../../src/analyze/index.js';
import { analyzeDocument } from '../../src/pipeline/prepare.js';
import type { DocumentRecord } from '../../src/core/types.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { ROOT, seededRandom, tempDirManual } from '../helpers.js';
import { SUMMARY, reckon } from './reckon.js';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const ENTRY = path.join(ROOT, 'src/cli/run.ts');
const FILES = 3000;
const COPIES = 150;
const ROUNDS = 5;
/** A new seed each run (the moments differ), printed so that a failing run can be replayed. */
const SEED = Number(process.env.RECKON_CRASH_SEED ?? Date.now() % 1_000_000);

const tmp = tempDirManual();
const folder = path.join(tmp.dir, 'reports');
const db = path.join(tmp.dir, 'archive.db');
const rnd = seededRandom(SEED);
const distinct = new Set<string>();

const report = (i: number) =>
  `Report ${i}\n\nOn March ${(i % 28) + 1}, 2021, ${i + 2} people were killed and ${i + 5} injured in Kabul, officials said. ` +
  `Police arrested ${(i % 9) + 2} suspects on the same day.\n`;

beforeAll(() => {
  fs.mkdirSync(folder);
  for (let i = 0; i < FILES; i++) {
    // a few hundred subfolders, as a real archive would be
    const sub = path.join(folder, `batch-${String(i % 40).padStart(2, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    const text = i >= FILES - COPIES ? report(i - (FILES - COPIES)) : report(i);
    fs.writeFileSync(path.join(sub, `r${String(i).padStart(5, '0')}.txt`), text);
    distinct.add(createHash('sha256').update(text).digest('hex'));
  }
  console.log(`[crash] seed ${SEED} (replay with RECKON_CRASH_SEED=${SEED}): ${FILES} files, ${distinct.size} distinct contents`);
});
afterAll(() => tmp.remove());

/** The archive's state, read directly: counts and every way it could be half-written (null: no schema yet). */
function inspect(): { documents: number; hashes: number; analyzed: number; orphanClaims: number; orphanMentions: number; unanalysedWithClaims: number } | null {
  if (!fs.existsSync(db)) return null;
  // read-write (the writer is dead): opening recovers what its WAL holds, as the next run would
  const sql = new Database(db, { fileMustExist: true });
  try {
    // killed before its migrations committed: an archive file without (all its) tables, which the next run migrates
    if (!sql.prepare("SELECT 1 FROM sqlite_master WHERE name = 'document_mentions'").get()) return null;
    const one = (q: string) => Number((sql.prepare(q).get() as { n: number }).n);
    return {
      documents: one('SELECT count(*) AS n FROM documents'),
      hashes: one('SELECT count(DISTINCT content_hash) AS n FROM documents'),
      analyzed: one(`SELECT count(*) AS n FROM documents WHERE analyzed = ${ANALYZER_VERSION}`),
      orphanClaims: one('SELECT count(*) AS n FROM claims WHERE document_id NOT IN (SELECT id FROM documents)'),
      orphanMentions: one('SELECT count(*) AS n FROM document_mentions WHERE doc NOT IN (SELECT rowid FROM documents)'),
      unanalysedWithClaims: one('SELECT count(*) AS n FROM documents d WHERE d.analyzed = 0 AND (EXISTS (SELECT 1 FROM claims c WHERE c.document_id = d.id) OR EXISTS (SELECT 1 FROM document_mentions m WHERE m.doc = d.rowid))'),
    };
  } finally {
    sql.close();
  }
}

/** Every analysed document holds exactly the claims and mentions of its analysis (a sample, or all). */
async function halfStored(sample: number): Promise<string[]> {
  const store = new SqliteStore(db);
  const problems: string[] = [];
  try {
    const problemsFound = await store.check();
    problems.push(...problemsFound.map((p) => `check: ${p}`));
    const docs: DocumentRecord[] = [];
    for await (const d of store.iterateDocuments({ latestOnly: false })) docs.push(d);
    const pick = sample >= docs.length ? docs : Array.from({ length: sample }, () => docs[Math.floor(rnd() * docs.length)]!);
    for (const d of pick) {
      const want = analyzeDocument(d);
      const claims = await store.claims({ documents: [d.id], latestOnly: false });
      const mentions = await store.mentions(d.id);
      if (want.claims.length < 2) problems.push(`${d.source}: the report should give claims`);
      if (JSON.stringify(claims.map((c) => [c.category, c.value, c.start, c.end, c.quote])) !== JSON.stringify(want.claims.map((c) => [c.category, c.value, c.start, c.end, c.quote]))) {
        problems.push(`${d.source}: ${claims.length} claims stored, ${want.claims.length} in its analysis`);
      }
      if (mentions.length !== want.mentions.length) problems.push(`${d.source}: ${mentions.length} mentions stored, ${want.mentions.length} in its analysis`);
    }
  } finally {
    await store.close();
  }
  return problems;
}

/** Starts `reckon ingest` in its own process group and kills the group with SIGKILL at the chosen moment. */
async function ingestAndKill(when: { afterMs: number; afterDocuments: number }): Promise<{ signal: NodeJS.Signals | null; code: number | null; documentsAtKill: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.RECKON_DB;
  const child = spawn(TSX, [ENTRY, 'ingest', '--db', db, folder, '--workers', '2'], { cwd: ROOT, env, stdio: 'ignore', detached: true });
  const done = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  let exited = false;
  void done.then(() => (exited = true));
  const count = () => {
    try {
      const sql = new Database(db, { readonly: true, fileMustExist: true });
      try {
        return Number((sql.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n);
      } finally {
        sql.close();
      }
    } catch {
      return 0; // not created yet, or the schema not yet there
    }
  };
  const start = count();
  const deadline = Date.now() + 60_000;
  // wait for the run's first writes (when asked), then a random moment more
  while (!exited && when.afterDocuments > 0 && count() - start < when.afterDocuments && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, when.afterMs));
  const documentsAtKill = count();
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // it had finished
  }
  return { ...(await done), documentsAtKill };
}

describe('kill -9 during a large ingest, then ingest again', () => {
  it(`${ROUNDS} rounds killed at random moments leave a sound archive: no duplicate, no half-stored document`, async () => {
    const log: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // the first round is killed early (starting up, migrating, or its first batch); the others while they write
      const when = round === 0 ? { afterMs: Math.floor(300 + rnd() * 900), afterDocuments: 0 } : { afterMs: Math.floor(rnd() * 250), afterDocuments: 1 + Math.floor(rnd() * 60) };
      const r = await ingestAndKill(when);
      const s = inspect();
      log.push(`round ${round + 1}: killed ${r.signal ?? `(exited ${r.code})`} after ${when.afterMs} ms${when.afterDocuments ? ` and ${when.afterDocuments}+ new documents` : ''}; ${s ? `${s.documents} documents, ${s.analyzed} analysed` : 'no archive yet'}`);
      if (!s) continue;
      expect(s.documents, log.join('\n')).toBe(s.hashes);
      expect(s.documents).toBeLessThanOrEqual(distinct.size);
      expect(s.analyzed).toBe(s.documents); // ingest stores a document with its analysis, in one transaction
      expect(s.orphanClaims).toBe(0);
      expect(s.orphanMentions).toBe(0);
      expect(s.unanalysedWithClaims).toBe(0);
      expect(await halfStored(40)).toEqual([]);
    }
    console.log(`[crash] ${log.join('\n[crash] ')}`);
    // most rounds really were cut short, with documents left to store
    expect(log.filter((l) => /killed SIGKILL/.test(l)).length).toBeGreaterThanOrEqual(ROUNDS - 1);

    const final = await reckon(['ingest', '--db', db, folder]);
    expect(final.code, final.stderr).toBe(0);
    const m = SUMMARY.exec(final.stdout.trim())!;
    expect(Number(m[1])).toBe(FILES);
    expect(Number(m[8])).toBe(distinct.size);
    const s = inspect()!;
    expect(s).toEqual({ documents: distinct.size, hashes: distinct.size, analyzed: distinct.size, orphanClaims: 0, orphanMentions: 0, unanalysedWithClaims: 0 });
    expect(await halfStored(Infinity)).toEqual([]);
    const check = await reckon(['check', '--db', db]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout.trim()).toBe(`${db}: ok`);
    console.log(`[crash] after ${ROUNDS} kills and one full run: ${s.documents} documents for ${distinct.size} distinct contents; lost 0, duplicated 0, half-stored 0`);
  }, 240_000);
});
