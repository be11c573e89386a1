/**
 * A batch the archive refuses to write does not abort the ingest: its
 * documents are written one at a time, the one the archive still refuses
 * fails alone with one line naming its source, and the rest are stored once.
 * The refusal is real: a trigger in the test's SQLite file that aborts the
 * insert of one document, as a constraint of the engine would.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingest, MAX_REFUSED_IN_A_ROW } from '../../src/pipeline/ingest.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { reckon } from '../cli/reckon.js';
import { allDocuments, tempDir } from '../helpers.js';

const REPORTS: Record<string, string> = {
  'a-kish.txt': 'Nine passengers drowned when a ferry capsized off Kish island on Sunday, the coast guard said.',
  'b-oradea.txt': 'Two workers were killed when a footbridge collapsed in Oradea on Monday, the city hall said.',
  'c-poison.txt': 'Hail injured eleven people in Split on Tuesday, the ambulance service said.',
  'd-tuzla.txt': 'Three miners were killed in a fire at a coal mine near Tuzla on Wednesday, the operator said.',
  'e-lyon.txt': 'An explosion in a cafe in Lyon injured six people on Thursday, police said.',
};

/** A migrated archive whose engine refuses to insert any document whose source matches `pattern` (SQL LIKE). */
async function refusingArchive(dir: string, pattern: string): Promise<string> {
  const file = path.join(dir, 'archive.db');
  const s = new SqliteStore(file);
  await s.migrate();
  await s.close();
  const raw = new Database(file);
  raw.exec(`CREATE TRIGGER test_refuse BEFORE INSERT ON documents WHEN new.source LIKE '${pattern}'
            BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END;`);
  raw.close();
  return file;
}

function writeReports(dir: string, reports: Record<string, string>): string {
  const folder = path.join(dir, 'reports');
  fs.mkdirSync(folder);
  for (const [name, text] of Object.entries(reports)) fs.writeFileSync(path.join(folder, name), text);
  return folder;
}

describe('a batch the archive refuses', () => {
  it('is stored document by document: the refused one fails alone, named by its source; the others are stored once', async () => {
    const dir = tempDir();
    const file = await refusingArchive(dir, '%poison%');
    const folder = writeReports(dir, REPORTS);
    const store = new SqliteStore(file);
    try {
      // one stored before, and given again with new content: its next version is in the refused batch
      const before = await ingest(store, [path.join(folder, 'a-kish.txt')]);
      expect(before.added).toBe(1);
      fs.writeFileSync(path.join(folder, 'a-kish.txt'), `${REPORTS['a-kish.txt']} The toll rose to ten on Monday.`);

      const report = await ingest(store, [folder]);
      expect(report.failures).toEqual([
        { source: path.join(folder, 'c-poison.txt'), code: 'STORE', message: 'storing documents failed: refused by the test trigger' },
      ]);
      expect([report.added, report.versions, report.duplicates]).toEqual([3, 1, 0]);
      const docs = await allDocuments(store);
      expect(docs.map((d) => [path.basename(d.source), d.version])).toEqual([
        ['a-kish.txt', 1], ['a-kish.txt', 2], ['b-oradea.txt', 1], ['d-tuzla.txt', 1], ['e-lyon.txt', 1],
      ]);
      expect(report.claims).toBe((await store.claims()).length);
      expect(await store.check()).toEqual([]);

      // again: nothing is stored twice, and the refused one fails again
      const again = await ingest(store, [folder]);
      expect([again.added, again.versions, again.duplicates, again.failures.length]).toEqual([0, 0, 4, 1]);
      expect((await allDocuments(store)).length).toBe(5);
    } finally {
      await store.close();
    }
  });

  it('an archive that refuses every document stops the ingest with its error, after a run of refusals', async () => {
    const dir = tempDir();
    const file = await refusingArchive(dir, '%');
    const lines = Array.from({ length: MAX_REFUSED_IN_A_ROW + 10 }, (_, i) => JSON.stringify({ text: `Report ${i}: ${i + 2} people were hurt in Lyon.` }));
    const jsonl = path.join(dir, 'many.jsonl');
    fs.writeFileSync(jsonl, lines.join('\n'));
    const store = new SqliteStore(file);
    const failures: string[] = [];
    try {
      await expect(ingest(store, [jsonl], { analyze: false, onFailure: (f) => failures.push(f.source) })).rejects.toMatchObject({
        code: 'STORE',
        message: 'storing documents failed: refused by the test trigger',
      });
      expect(failures.length).toBe(MAX_REFUSED_IN_A_ROW - 1);
      expect((await store.stats()).versions).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('through the CLI: one stderr line for the refused document, the rest stored, exit code 1', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const file = await refusingArchive(dir, '%poison%');
    const folder = writeReports(dir, REPORTS);
    const r = await reckon(['ingest', '--db', file, '--workers', '0', folder]);
    expect(r.stderr.trim().split('\n')).toEqual([`${path.join(folder, 'c-poison.txt')}: storing documents failed: refused by the test trigger`]);
    expect(r.stdout).toMatch(/^ingested 5 input\(s\) in [\d.]+ s: 4 new, 0 new version\(s\), 0 already stored, 1 failed, /);
    expect(r.code).toBe(1);
  });
});
