/**
 * Shared test helpers: paths, temp folders that clean up after each test,
 * an archive on a real SQLite file, a seeded random source and the offset
 * invariant check.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { OffsetMap } from '../src/core/offsets.js';
import type { DocumentRecord } from '../src/core/types.js';
import { SqliteStore } from '../src/store/sqlite.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/ingest/files');
export const EXAMPLES = path.join(ROOT, 'examples/black-january');
/** The shared folder next to the project (corpus, gold); absent outside the workshop. */
export const SHARED = path.resolve(ROOT, '../shared');
export const SEEDS = path.join(SHARED, 'corpus/seeds');
export const GOLD_SEEDS = path.join(SHARED, 'gold/seeds.json');

/** A fresh temp folder, removed when the current test (or hook) ends. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reckon-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A temp folder that the caller removes (for beforeAll/afterAll). */
export function tempDirManual(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reckon-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** An SQLite archive in `dir`, migrated; closed when the current test ends. */
export async function openTestStore(dir: string, name = 'archive.db', options: ConstructorParameters<typeof SqliteStore>[1] = {}): Promise<SqliteStore> {
  const store = new SqliteStore(path.join(dir, name), options);
  await store.migrate();
  onTestFinished(() => store.close());
  return store;
}

/** mulberry32: a small seeded generator, so a failing random case can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The offset invariant of a stored document: segments are ordered and in
 * bounds, every character of the cleaned text that is not a synthetic
 * separator lies in a segment, every exact segment (same length in both
 * texts) equals the original text it came from, and random spans inside one
 * exact segment map back through OffsetMap to the very same original text.
 * Returns the problems found (empty = fine).
 */
export function offsetProblems(doc: Pick<DocumentRecord, 'source' | 'original' | 'text' | 'segments'>, samples = 200, seed = 1): string[] {
  const problems: string[] = [];
  const { original, text, segments } = doc;
  let prevEnd = 0;
  let prevOrig = 0;
  for (const s of segments) {
    if (s.length <= 0) problems.push(`empty segment at ${s.cleanStart}`);
    if (s.cleanStart < prevEnd) problems.push(`segment at ${s.cleanStart} overlaps the previous one`);
    if (s.origStart < prevOrig) problems.push(`segment at ${s.cleanStart} goes backwards in the original (${s.origStart} < ${prevOrig})`);
    if (s.origStart < 0 || s.origEnd > original.length || s.origEnd < s.origStart) problems.push(`segment at ${s.cleanStart} is out of the original's bounds`);
    if (s.cleanStart + s.length > text.length) problems.push(`segment at ${s.cleanStart} runs past the end of the text`);
    if (s.origEnd - s.origStart === s.length) {
      const clean = text.slice(s.cleanStart, s.cleanStart + s.length);
      const orig = original.slice(s.origStart, s.origEnd);
      if (clean !== orig) problems.push(`segment at ${s.cleanStart}: ${JSON.stringify(clean.slice(0, 40))} ≠ original ${JSON.stringify(orig.slice(0, 40))}`);
    }
    prevEnd = s.cleanStart + s.length;
    prevOrig = s.origStart;
  }
  const covered = new Uint8Array(text.length);
  for (const s of segments) covered.fill(1, s.cleanStart, s.cleanStart + s.length);
  for (let i = 0; i < text.length; i++) {
    if (!covered[i] && !/\s/.test(text[i]!)) {
      problems.push(`character ${i} (${JSON.stringify(text.slice(Math.max(0, i - 10), i + 10))}) comes from no segment`);
      break;
    }
  }
  const exact = segments.filter((s) => s.origEnd - s.origStart === s.length);
  if (exact.length) {
    const map = new OffsetMap(segments);
    const rnd = seededRandom(seed);
    for (let k = 0; k < samples; k++) {
      const s = exact[Math.floor(rnd() * exact.length)]!;
      const a = s.cleanStart + Math.floor(rnd() * s.length);
      const b = a + 1 + Math.floor(rnd() * (s.cleanStart + s.length - a));
      const mapped = map.toOriginal(a, b);
      const want = text.slice(a, b);
      const got = mapped ? original.slice(mapped[0], mapped[1]) : null;
      if (got !== want) {
        problems.push(`span [${a}, ${b}) ${JSON.stringify(want.slice(0, 40))} maps to ${JSON.stringify(mapped)} = ${JSON.stringify(got?.slice(0, 40))}`);
        break;
      }
    }
  }
  return problems.map((p) => `${doc.source}: ${p}`);
}

/** Every document of an archive, all versions. */
export async function allDocuments(store: SqliteStore): Promise<DocumentRecord[]> {
  const docs: DocumentRecord[] = [];
  for await (const d of store.iterateDocuments({ latestOnly: false })) docs.push(d);
  return docs;
}

/** Whether this process can be kept from reading a file by its mode (not so for root). */
export function modeBlocksReading(): boolean {
  const { dir, remove } = tempDirManual();
  try {
    const f = path.join(dir, 'probe.txt');
    fs.writeFileSync(f, 'probe');
    fs.chmodSync(f, 0o000);
    try {
      fs.readFileSync(f);
      return false;
    } catch {
      return true;
    }
  } finally {
    remove();
  }
}
