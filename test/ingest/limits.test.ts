/**
 * Awkward inputs made at test time: gzip bombs, files over the size limit,
 * symbolic link loops, unreadable files, folders with skipped entries. Each
 * gives one failure naming the input and the reason, and the good files of
 * the same batch are all stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline/ingest.js';
import { FIXTURES, modeBlocksReading, openTestStore, tempDir } from '../helpers.js';

const MB = 1048576;
const GOOD = 'The river burst its banks overnight and 120 families were moved to the school gym, the mayor said on Sunday.\n';

function write(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const canBlockReads = modeBlocksReading();
if (!canBlockReads) console.warn('[reckon tests] running as root: file modes do not block reading, so the unreadable-file test is skipped');

describe('size limits', () => {
  it('refuses a gzip bomb (a few KB inflating past --max-size) and stores the rest', async () => {
    const dir = tempDir();
    const bomb = zlib.gzipSync(Buffer.alloc(3 * MB, 'a'), { level: 9 });
    expect(bomb.length).toBeLessThan(8 * 1024);
    const bombFile = write(dir, 'in/bomb.txt.gz', bomb);
    // gzip bytes under a name that does not say so
    const hidden = write(dir, 'in/hidden.txt', bomb);
    write(dir, 'in/good.txt', GOOD);
    const store = await openTestStore(dir);
    const r = await ingest(store, [path.join(dir, 'in')], { maxBytes: 1 * MB });
    expect(r.added).toBe(1);
    expect(r.failures).toEqual([
      { source: bombFile, code: 'TOO_LARGE', message: 'decompresses to more than 1.0 MB (a gzip bomb?)' },
      { source: hidden, code: 'TOO_LARGE', message: 'decompresses to more than 1.0 MB (a gzip bomb?)' },
    ]);
  });

  it('reads a gzip file that inflates to just under the limit', async () => {
    const dir = tempDir();
    const text = `${GOOD}${'More lines of the report follow here. '.repeat(20000)}\n`;
    expect(text.length).toBeLessThan(MB);
    const file = write(dir, 'big.txt.gz', zlib.gzipSync(text));
    const store = await openTestStore(dir);
    const r = await ingest(store, [file], { maxBytes: MB });
    expect(r.failures).toEqual([]);
    expect((await store.getDocument(file))!.text.length).toBeGreaterThan(700_000);
  });

  it('refuses corrupt gzip data with the reason', async () => {
    const dir = tempDir();
    const gz = zlib.gzipSync(GOOD);
    const file = write(dir, 'cut.txt.gz', gz.subarray(0, gz.length - 12));
    const store = await openTestStore(dir);
    const r = await ingest(store, [file]);
    expect(r.failures).toEqual([{ source: file, code: 'BAD_INPUT', message: expect.stringMatching(/^not valid gzip data/) }]);
  });

  it('refuses a 200 MB file by its size alone, without reading it', async () => {
    const dir = tempDir();
    const huge = path.join(dir, 'huge.txt');
    const fd = fs.openSync(huge, 'w');
    fs.writeSync(fd, GOOD);
    fs.ftruncateSync(fd, 200 * MB); // sparse: 200 MB long, nothing on disk
    fs.closeSync(fd);
    const good = write(dir, 'good.txt', GOOD);
    const store = await openTestStore(dir);
    const rss = process.memoryUsage().rss;
    const t0 = Date.now();
    const r = await ingest(store, [huge, good]);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * MB);
    expect(r.failures).toEqual([{ source: huge, code: 'TOO_LARGE', message: 'too large (200 MB > 64 MB limit; see --max-size)' }]);
    expect(r.added).toBe(1);
  });

  it('refuses a file over the size limit, naming the sizes and the option', async () => {
    const dir = tempDir();
    const big = write(dir, 'huge.txt', `${GOOD}${'x'.repeat(Math.floor(1.5 * MB))}`);
    const good = write(dir, 'good.txt', GOOD);
    const store = await openTestStore(dir);
    const r = await ingest(store, [big, good], { maxBytes: MB });
    expect(r.failures).toEqual([{ source: big, code: 'TOO_LARGE', message: 'too large (1.5 MB > 1.0 MB limit; see --max-size)' }]);
    expect(r.added).toBe(1);
  });
});

describe('files and folders', () => {
  it('reads a folder recursively (files in name order, then subfolders), skipping hidden and unknown files', async () => {
    const dir = tempDir();
    write(dir, 'in/b.txt', `B: ${GOOD}`);
    write(dir, 'in/a/z.md', `# Z\n\n${GOOD}`);
    write(dir, 'in/a/y.html', `<html><body><article><p>Y: ${GOOD}</p></article></body></html>`);
    write(dir, 'in/.hidden.txt', `hidden ${GOOD}`);
    write(dir, 'in/.git/x.txt', `git ${GOOD}`);
    write(dir, 'in/photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    write(dir, 'in/notes.docx', 'PK');
    const store = await openTestStore(dir);
    const r = await ingest(store, [path.join(dir, 'in')]);
    expect(r.failures).toEqual([]);
    expect(r.skipped).toBe(2);
    expect((await store.listDocuments()).map((d) => path.relative(dir, d.source))).toEqual(['in/b.txt', 'in/a/y.html', 'in/a/z.md']);
  });

  it('a missing path fails with one line; the rest go on', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const missing = path.join(dir, 'nope', 'gone.txt');
    const r = await ingest(store, [missing, path.join(FIXTURES, 'utf8.txt')]);
    expect(r.failures).toEqual([{ source: missing, code: 'UNREACHABLE', message: 'no such file or folder' }]);
    expect(r.added).toBe(1);
  });

  it('survives symbolic link loops: a folder linking to its parent, files linking to each other', async () => {
    const dir = tempDir();
    const root = path.join(dir, 'in');
    write(dir, 'in/good.txt', GOOD);
    write(dir, 'in/sub/inner.txt', `Inner: ${GOOD}`);
    fs.symlinkSync('..', path.join(root, 'sub', 'up'));
    fs.symlinkSync('b.txt', path.join(root, 'a.txt'));
    fs.symlinkSync('a.txt', path.join(root, 'b.txt'));
    const store = await openTestStore(dir);
    const r = await ingest(store, [root]);
    expect(r.added).toBe(2);
    expect(r.failures.map((f) => [path.basename(f.source), f.code, f.message])).toEqual([
      ['a.txt', 'BAD_INPUT', 'symbolic link loop'],
      ['b.txt', 'BAD_INPUT', 'symbolic link loop'],
    ]);
    expect(r.skipped).toBeGreaterThanOrEqual(1);
    // a loop given by name fails the same way
    const again = await ingest(store, [path.join(root, 'a.txt')]);
    expect(again.failures).toEqual([{ source: path.join(root, 'a.txt'), code: 'BAD_INPUT', message: 'symbolic link loop' }]);
  });

  it('follows a symbolic link to a file once', async () => {
    const dir = tempDir();
    const target = write(dir, 'elsewhere/report.txt', GOOD);
    fs.mkdirSync(path.join(dir, 'in'));
    fs.symlinkSync(target, path.join(dir, 'in', 'link.txt'));
    const store = await openTestStore(dir);
    const r = await ingest(store, [path.join(dir, 'in'), target]);
    expect(r.added).toBe(1);
    expect(r.duplicates).toBe(1);
  });

  it('refuses a folder-like or special path given as a file', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const r = await ingest(store, ['/dev/null']);
    expect(r.failures).toEqual([{ source: '/dev/null', code: 'BAD_INPUT', message: 'not a regular file' }]);
  });

  it.skipIf(!canBlockReads)('an unreadable file fails with "permission denied"; the rest are stored', async () => {
    const dir = tempDir();
    const locked = write(dir, 'in/locked.txt', GOOD);
    write(dir, 'in/open.txt', `Open: ${GOOD}`);
    fs.chmodSync(locked, 0o000);
    const store = await openTestStore(dir);
    const r = await ingest(store, [path.join(dir, 'in')]);
    fs.chmodSync(locked, 0o644);
    expect(r.failures).toEqual([{ source: locked, code: 'UNREACHABLE', message: 'permission denied' }]);
    expect(r.added).toBe(1);
  });

  it.skipIf(!canBlockReads)('an unreadable folder fails with "permission denied"', async () => {
    const dir = tempDir();
    write(dir, 'in/closed/x.txt', GOOD);
    write(dir, 'in/open.txt', GOOD);
    fs.chmodSync(path.join(dir, 'in/closed'), 0o000);
    const store = await openTestStore(dir);
    const r = await ingest(store, [path.join(dir, 'in')]);
    fs.chmodSync(path.join(dir, 'in/closed'), 0o755);
    expect(r.failures.map((f) => [path.basename(f.source), f.message])).toEqual([['closed', 'permission denied']]);
    expect(r.added).toBe(1);
  });
});
