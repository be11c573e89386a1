/**
 * The real command line, run as a child process through tsx
 * (src/cli/run.ts): help, usage errors, and ingest (summary line, exit
 * codes, --json, one line per failed input).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { program } from '../../src/cli/main.js';
import { FIXTURES, tempDir } from '../helpers.js';
import { SUMMARY, reckon } from './reckon.js';

const GOOD = ['utf8.txt', 'cp1252.txt', 'front-matter.md', 'page.html', 'feed.atom', 'single.json'].map((f) => path.join(FIXTURES, f));

describe('reckon --help and usage errors', () => {
  const names = program().commands.map((c) => c.name());

  it('lists the archive commands', () => {
    expect(names).toEqual(expect.arrayContaining(['ingest', 'search', 'show', 'export', 'stats', 'check']));
  });

  it('prints usage and exits 0 for --help on every command, and for the program', async () => {
    const runs = await Promise.all([reckon(['--help']), ...names.map((n) => reckon([n, '--help']))]);
    expect(runs[0]!.code).toBe(0);
    expect(runs[0]!.stdout).toMatch(/^Usage: reckon \[options\] \[command\]/);
    for (const n of names) expect(runs[0]!.stdout).toContain(n);
    names.forEach((n, i) => {
      const r = runs[i + 1]!;
      expect(r.code, `${n} --help`).toBe(0);
      expect(r.stdout, `${n} --help`).toMatch(new RegExp(`^Usage: reckon ${n}\\b`));
      expect(r.stdout).toMatch(/-h, --help/);
    });
  });

  it('exits 64 with one line for an unknown option on every command', async () => {
    const runs = await Promise.all(names.map((n) => reckon([n, '--no-such-option', 'x'])));
    names.forEach((n, i) => {
      const r = runs[i]!;
      expect(r.code, `${n}: ${r.stderr}`).toBe(64);
      expect(r.stderr).toMatch(/unknown option '--no-such-option'/);
      expect(r.stdout).toBe('');
    });
  });

  it('exits 64 for an unknown command, a missing argument or a bad option value', async () => {
    const db = path.join(tempDir(), 'x.db');
    const [cmd, missing, limit, from, format] = await Promise.all([
      reckon(['frobnicate']),
      reckon(['ingest', '--db', db]),
      reckon(['search', 'flood', '--limit', 'many', '--db', db]),
      reckon(['search', 'flood', '--from', 'last week', '--db', db]),
      reckon(['export', '--format', 'xml', '--db', db]),
    ]);
    expect(cmd.code).toBe(64);
    expect(cmd.stderr).toMatch(/unknown command 'frobnicate'/);
    expect(missing.code).toBe(64);
    expect(missing.stderr).toMatch(/missing required argument 'inputs'/);
    expect(limit.code).toBe(64);
    expect(limit.stderr.trim()).toBe('reckon: --limit must be a whole number ≥ 0, got "many"');
    expect(from.code).toBe(64);
    expect(from.stderr.trim()).toBe('reckon: --from must be a date (YYYY-MM-DD)');
    expect(format.code).toBe(64);
    expect(format.stderr.trim()).toBe('reckon: --format must be json, jsonl or csv, got "xml"');
  });
});

describe('reckon ingest', () => {
  it('prints a summary line and exits 0 when every input is stored; again, nothing is added', async () => {
    const db = path.join(tempDir(), 'a.db');
    const r = await reckon(['ingest', '--db', db, ...GOOD]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const m = SUMMARY.exec(r.stdout.trim());
    expect(m, r.stdout).not.toBeNull();
    // 6 inputs; the Atom feed holds 2 items
    expect(m!.slice(1, 6).map(Number)).toEqual([6, 7, 0, 0, 0]);
    expect(Number(m![8])).toBe(7);
    expect(m![7]).toBe(db);
    const again = await reckon(['ingest', '--db', db, ...GOOD]);
    expect(again.code).toBe(0);
    expect(SUMMARY.exec(again.stdout.trim())!.slice(1, 6).map(Number)).toEqual([6, 0, 0, 7, 0]);
    expect(Number(SUMMARY.exec(again.stdout.trim())![8])).toBe(7);
  });

  it('exits 1 when some input failed, with one stderr line per failure naming the input', async () => {
    const db = path.join(tempDir(), 'a.db');
    const inputs = ['utf8.txt', 'binary.txt', 'empty.txt', 'invalid-utf8.txt', 'records.jsonl'].map((f) => path.join(FIXTURES, f));
    const r = await reckon(['ingest', '--db', db, ...inputs, path.join(FIXTURES, 'nope.txt')]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      `${path.join(FIXTURES, 'binary.txt')}: binary data, not text (11% control bytes)`,
      `${path.join(FIXTURES, 'empty.txt')}: empty file`,
      `${path.join(FIXTURES, 'invalid-utf8.txt')}: warning: 3 invalid UTF-8 byte(s) replaced`,
      expect.stringMatching(new RegExp(`^${path.join(FIXTURES, 'records.jsonl')}: line 2: malformed JSON \\(.+\\)$`)),
      `${path.join(FIXTURES, 'records.jsonl')}: line 3: field "text" is number, not text`,
      `${path.join(FIXTURES, 'nope.txt')}: no such file or folder`,
    ]);
    expect(SUMMARY.exec(r.stdout.trim())!.slice(1, 6).map(Number)).toEqual([6, 4, 0, 0, 5]);
  });

  it('--json prints the report and the archive counts; -q keeps stderr quiet', async () => {
    const db = path.join(tempDir(), 'a.db');
    const r = await reckon(['ingest', '--json', '--db', db, path.join(FIXTURES, 'utf8.txt'), path.join(FIXTURES, 'empty.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      files: 2, added: 1, versions: 0, duplicates: 0,
      failures: [{ source: path.join(FIXTURES, 'empty.txt'), code: 'EMPTY', message: 'empty file' }],
      archive: { location: db, documents: 1, versions: 1 },
    });
    expect(report.ids).toHaveLength(1);
    const q = await reckon(['ingest', '-q', '--db', db, path.join(FIXTURES, 'binary.txt')]);
    expect(q.code).toBe(1);
    expect(q.stderr).toBe('');
    expect(q.stdout.trim()).toMatch(SUMMARY);
  });

  it('--max-size refuses a larger file with the reason', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, `A long report. ${'More text follows. '.repeat(70000)}`);
    const r = await reckon(['ingest', '--max-size', '1', '--db', path.join(dir, 'a.db'), big]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`${big}: too large (1.3 MB > 1.0 MB limit; see --max-size)`);
  });

  it('exits 74 with one line when --db is not an archive', async () => {
    const dir = tempDir();
    const notDb = path.join(dir, 'notes.txt');
    fs.writeFileSync(notDb, 'these are notes, not a database\n'.repeat(200));
    const r = await reckon(['ingest', '--db', notDb, path.join(FIXTURES, 'utf8.txt')]);
    expect(r.code).toBe(74);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^reckon: ${notDb}: `));
  });
});

