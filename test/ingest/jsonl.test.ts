/**
 * JSON Lines files are read as a stream, line by line: a malformed line fails
 * alone with one line naming the file and its line number, the lines around
 * it are stored, and a file far larger than --max-size is read (the limit is
 * per line), so a multi-GB file keeps memory bounded.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { jsonlStream, type FormatEvent } from '../../src/ingest/formats.js';
import { ingest } from '../../src/pipeline/ingest.js';
import { ROOT, allDocuments, openTestStore, tempDir } from '../helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/ingest/jsonl/reports.jsonl');

/** The fixture's bytes as a stream cut into chunks of the given sizes (cycled), to put line ends anywhere in a chunk. */
function chunked(bytes: Buffer, sizes: number[]) {
  return {
    source: '/in/reports.jsonl',
    name: 'reports.jsonl',
    async *open() {
      let k = 0;
      for (let i = 0; i < bytes.length; k++) {
        const n = sizes[k % sizes.length]!;
        yield bytes.subarray(i, i + n);
        i += n;
      }
    },
  };
}

async function collect(gen: AsyncIterable<FormatEvent>) {
  const out: string[] = [];
  for await (const ev of gen) {
    out.push(ev.kind === 'doc' ? `doc ${ev.doc.source} ${ev.doc.encoding} ${ev.doc.given.title}${ev.warning ? ` (${ev.warning})` : ''}` : `error ${ev.error.code} ${ev.error.oneLine()}`);
  }
  return out;
}

describe('JSON Lines, streamed', () => {
  it('reads the fixture line by line: BOM, CRLF, blank line, a broken line in the middle, a windows-1252 line, a last line without newline', async () => {
    const got = await collect(jsonlStream(chunked(fs.readFileSync(FIXTURE), [1 << 16]), { maxLineBytes: 1 << 20 }));
    expect(got).toEqual([
      'doc /in/reports.jsonl#1 utf-8 Ferry capsizes off Kish',
      'doc /in/reports.jsonl#2 utf-8 Bridge collapse in Oradea',
      expect.stringMatching(/^error BAD_INPUT \/in\/reports\.jsonl: line 4: malformed JSON \(.+\)$/),
      'doc /in/reports.jsonl#5 utf-8 Mine fire near Tuzla',
      'doc /in/reports.jsonl#6 windows-1252 Café blast (line 6: not UTF-8, read as windows-1252)',
      'doc /in/reports.jsonl#7 utf-8 São Luís floods',
      'error BAD_INPUT /in/reports.jsonl: line 8: expected an object with a "text" or "html" field, got an array',
      'doc /in/reports.jsonl#9 utf-8 Quarry accident',
    ]);
  });

  it('gives the same events whatever the chunks the bytes arrive in', async () => {
    const bytes = fs.readFileSync(FIXTURE);
    const whole = await collect(jsonlStream(chunked(bytes, [bytes.length]), { maxLineBytes: 1 << 20 }));
    for (const sizes of [[1], [2, 3, 7], [113, 1, 64]]) {
      expect(await collect(jsonlStream(chunked(bytes, sizes), { maxLineBytes: 1 << 20 })), String(sizes)).toEqual(whole);
    }
  });

  it('a line over the size limit fails alone, naming the file, the line and the option', async () => {
    const lines = [
      JSON.stringify({ text: 'Four people were injured in Lyon on Monday.' }),
      JSON.stringify({ text: `Long ${'word '.repeat(400)}` }),
      JSON.stringify({ text: 'Two people were killed in Oradea on Friday.' }),
    ];
    const got = await collect(jsonlStream(chunked(Buffer.from(lines.join('\n')), [100]), { maxLineBytes: 1024 }));
    expect(got).toEqual([
      'doc /in/reports.jsonl#1 utf-8 null',
      'error TOO_LARGE /in/reports.jsonl: line 2: longer than the 1 KB limit (see --max-size)',
      'doc /in/reports.jsonl#3 utf-8 null',
    ]);
  });

  it('a file of blank lines has no JSON lines; binary data is refused', async () => {
    expect(await collect(jsonlStream(chunked(Buffer.from('\n \r\n\t\n'), [3]), { maxLineBytes: 1024 }))).toEqual(['error EMPTY /in/reports.jsonl: no JSON lines']);
    const binary = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7) % 32));
    expect(await collect(jsonlStream(chunked(binary, [512]), { maxLineBytes: 1 << 20 }))).toEqual([
      expect.stringMatching(/^error BAD_INPUT \/in\/reports\.jsonl: binary data, not text/),
    ]);
  });

  it('a UTF-16 file (lines cannot be split as bytes) is read whole, as before', async () => {
    const text = `${JSON.stringify({ title: 'A', text: 'Five people were hurt in Split.' })}\n${JSON.stringify({ title: 'B', text: 'Six people were hurt in Tuzla.' })}\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await collect(jsonlStream(chunked(bytes, [17]), { maxLineBytes: 1 << 20 }))).toEqual([
      'doc /in/reports.jsonl#1 utf-16le A',
      'doc /in/reports.jsonl#2 utf-16le B',
    ]);
  });
});

describe('ingesting JSON Lines files', () => {
  it('stores every good line of the fixture; each bad line is one failure naming the file and line; the batch goes on', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const txt = path.join(dir, 'after.txt');
    fs.writeFileSync(txt, 'A gas leak in Tver injured three people on Monday, officials said.');
    const report = await ingest(store, [FIXTURE, txt]);
    expect(report.failures.map((f) => `${f.source}: ${f.message}`)).toEqual([
      expect.stringMatching(new RegExp(`^${FIXTURE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: line 4: malformed JSON`)),
      `${FIXTURE}: line 8: expected an object with a "text" or "html" field, got an array`,
    ]);
    expect(report.warnings).toEqual([{ source: `${FIXTURE}#6`, message: 'line 6: not UTF-8, read as windows-1252' }]);
    const docs = await allDocuments(store);
    expect(docs.map((d) => path.basename(d.source))).toEqual(['reports.jsonl#1', 'reports.jsonl#2', 'reports.jsonl#5', 'reports.jsonl#6', 'reports.jsonl#7', 'reports.jsonl#9', 'after.txt']);
    expect(docs.find((d) => d.source.endsWith('#7'))).toMatchObject({ title: 'São Luís floods', outlet: 'Nordeste Hoje', published: '2022-07-08' });
    expect(docs.find((d) => d.source.endsWith('#6'))?.original).toContain('explosion in a café in Lyon');
    expect(report.claims).toBeGreaterThanOrEqual(6);
  });

  it('reads a JSON Lines file (also gzipped) far larger than --max-size: the limit holds per line', async () => {
    const dir = tempDir();
    const store = await openTestStore(dir);
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ title: `Report ${i}`, text: `Report ${i}: ${i + 2} people were injured in Tuzla on May ${(i % 28) + 1}, 2022. ${'Rescue teams worked through the night. '.repeat(10)}` }));
    const file = path.join(dir, 'big.jsonl');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const gz = path.join(dir, 'big2.ndjson.gz');
    fs.writeFileSync(gz, zlib.gzipSync(`${lines.map((l) => l.replaceAll('Report', 'Zipped')).join('\n')}\n`));
    expect(fs.statSync(file).size).toBeGreaterThan(4 * 64 * 1024);
    const report = await ingest(store, [file, gz], { maxBytes: 64 * 1024, analyze: false });
    expect(report.failures).toEqual([]);
    expect(report.added).toBe(1200);
    const docs = await allDocuments(store);
    expect(docs[0]!.source).toBe(`${file}#1`);
    expect(docs[1199]!.source).toBe(`${gz}#600`);
    expect(docs[1199]!.title).toBe('Zipped 599');
  });
});
