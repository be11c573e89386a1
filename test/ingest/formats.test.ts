/** Raw items → documents: format detection and the containers (JSON, JSON Lines, feeds). */
import { describe, expect, it } from 'vitest';
import { detectFormat, toDocuments, type FormatEvent } from '../../src/ingest/formats.js';
import type { DocumentInput } from '../../src/core/types.js';

const item = (name: string, text: string, contentType?: string) => ({
  source: `/in/${name}`,
  name,
  bytes: Buffer.from(text, 'utf8'),
  ...(contentType ? { contentType } : {}),
});

function events(name: string, text: string, contentType?: string): FormatEvent[] {
  return [...toDocuments(item(name, text, contentType))];
}
const docs = (evs: FormatEvent[]): DocumentInput[] => evs.flatMap((e) => (e.kind === 'doc' ? [e.doc] : []));
const errors = (evs: FormatEvent[]) => evs.flatMap((e) => (e.kind === 'error' ? [{ source: e.source, code: e.error.code, line: e.error.oneLine() }] : []));

const RSS = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Radio</title>${items}</channel></rss>`;

describe('detectFormat', () => {
  it.each([
    ['a.txt', 'plain words', undefined, 'text'],
    ['a.md', '# Heading', undefined, 'markdown'],
    ['a.htm', '<p>x</p>', undefined, 'html'],
    ['a.json', '[]', undefined, 'json'],
    ['a.ndjson', '{}', undefined, 'jsonl'],
    ['a.xml', '<?xml version="1.0"?>\n<!-- a comment -->\n<rss version="2.0">', undefined, 'feed'],
    ['a.xml', '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', undefined, 'feed'],
    ['a.xml', '<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', undefined, 'feed'],
    ['feed.txt', '<?xml version="1.0"?><rss version="2.0">', undefined, 'feed'],
    ['index.html', '<feed xmlns="http://www.w3.org/2005/Atom">', undefined, 'feed'],
    ['article', '<p>x</p>', 'text/html', 'html'],
    ['article', '{"text": "x"}', 'application/json', 'json'],
    ['article', '{"text": "x"}', 'application/x-ndjson', 'jsonl'],
    ['article', '<rss version="2.0">', 'application/rss+xml', 'feed'],
    ['article', 'words', 'text/plain', 'text'],
    ['article', '<!DOCTYPE html><html>', undefined, 'html'],
    ['article', '{"text": "a"}\n{"text": "b"}', undefined, 'jsonl'],
    ['article', '[{"text": "a"}]', undefined, 'json'],
    ['article', 'Just some words.', undefined, 'text'],
  ])('%s (%s, %s) → %s', (name, head, contentType, want) => {
    expect(detectFormat(contentType ? { name, contentType } : { name }, head)).toBe(want);
  });
});

describe('JSON', () => {
  it('reads an array, a container object and a single object', () => {
    const arr = docs(events('a.json', JSON.stringify([{ text: 'one' }, { text: 'two' }])));
    expect(arr.map((d) => [d.source, d.original])).toEqual([
      ['/in/a.json#1', 'one'],
      ['/in/a.json#2', 'two'],
    ]);
    for (const key of ['documents', 'items', 'articles', 'data', 'results', 'entries', 'posts', 'records', 'docs']) {
      expect(docs(events('c.json', JSON.stringify({ meta: { n: 1 }, [key]: [{ text: 'in a container' }] }))).map((d) => d.source)).toEqual(['/in/c.json#1']);
    }
    const single = docs(events('s.json', JSON.stringify({ headline: 'H', articleBody: 'Body text.', datePublished: '2020-01-02', publisher: { name: 'P' } })));
    expect(single).toEqual([
      { source: '/in/s.json', format: 'text', original: 'Body text.', encoding: 'utf-8', given: { title: 'H', url: null, date: '2020-01-02', outlet: 'P', language: null } },
    ]);
  });

  it('takes an "html" field as HTML and a URL in "source" as the address, not the outlet', () => {
    const [d] = docs(events('h.json', JSON.stringify({ html: '<p>Hi</p>', source: 'https://example.org/x', publisher: 'Example News' })));
    expect(d).toMatchObject({ format: 'html', original: '<p>Hi</p>', given: { url: 'https://example.org/x', outlet: 'Example News' } });
  });

  it('turns a numeric date (epoch seconds or milliseconds) into an ISO string', () => {
    const [a, b] = docs(events('t.json', JSON.stringify([{ text: 'x', date: 1600000000 }, { text: 'y', time: 1600000000000 }])));
    expect(a!.given.date).toBe('2020-09-13T12:26:40.000Z');
    expect(b!.given.date).toBe('2020-09-13T12:26:40.000Z');
  });

  it.each([
    ['[]', 'EMPTY', /JSON holds no documents/],
    ['42', 'BAD_INPUT', /JSON holds number, not documents/],
    ['null', 'BAD_INPUT', /JSON holds null/],
    ['{"title": "no body"', 'BAD_INPUT', /malformed JSON/],
    ['{"title": "no body"}', 'EMPTY', /no "text" or "html" field with text in it/],
    ['{"text": ["a", "b"]}', 'BAD_INPUT', /field "text" is an array, not text/],
    ['{"text": "   "}', 'EMPTY', /no "text" or "html" field/],
  ])('%s fails: %s', (json, code, reason) => {
    const evs = events('bad.json', json);
    expect(docs(evs)).toEqual([]);
    const errs = errors(evs);
    expect(errs).toHaveLength(1);
    expect(errs[0]!.code).toBe(code);
    expect(errs[0]!.line).toMatch(reason);
    expect(errs[0]!.line).toMatch(/^\/in\/bad\.json: /);
  });

  it('a bad record fails alone; the others are read', () => {
    const evs = events('m.json', JSON.stringify([1, { text: 'fine' }, null, ['x'], { text: 'also fine' }]));
    expect(docs(evs).map((d) => d.source)).toEqual(['/in/m.json#2', '/in/m.json#5']);
    expect(errors(evs).map((e) => e.line)).toEqual([
      '/in/m.json#1: expected an object with a "text" or "html" field, got number',
      '/in/m.json#3: expected an object with a "text" or "html" field, got null',
      '/in/m.json#4: expected an object with a "text" or "html" field, got an array',
    ]);
  });
});

describe('JSON Lines', () => {
  it('numbers records by line (blank lines count), with CRLF line ends', () => {
    const evs = events('r.jsonl', '{"text": "a"}\r\n\r\n{"text": "b"\r\n{"text": "c"}\r\n"just a string"\r\n');
    expect(docs(evs).map((d) => [d.source, d.original])).toEqual([
      ['/in/r.jsonl#1', 'a'],
      ['/in/r.jsonl#4', 'c'],
    ]);
    expect(errors(evs).map((e) => [e.code, e.line])).toEqual([
      ['BAD_INPUT', expect.stringMatching(/^\/in\/r\.jsonl: line 3: malformed JSON/)],
      ['BAD_INPUT', '/in/r.jsonl: line 5: expected an object with a "text" or "html" field, got string'],
    ]);
  });

  it('a file of blank lines is empty; a stray word is a malformed line', () => {
    expect(errors(events('e.jsonl', '\n  \n\t\n'))).toEqual([{ source: '/in/e.jsonl', code: 'EMPTY', line: '/in/e.jsonl: no text (only whitespace)' }]);
    expect(errors(events('w.jsonl', '\n \n x'))).toEqual([{ source: '/in/w.jsonl#3', code: 'BAD_INPUT', line: expect.stringMatching(/^\/in\/w\.jsonl: line 3: malformed JSON/) }]);
  });
});

describe('feeds', () => {
  it('reads RSS 1.0 (RDF) items', () => {
    const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>RDF Wire</title></channel>
      <item><title>One</title><link>https://x.example/1</link><dc:date>2020-05-01</dc:date><description>First item text.</description></item>
    </rdf:RDF>`;
    expect(docs(events('f.rdf.xml', xml))).toEqual([
      { source: '/in/f.rdf.xml#1', format: 'feed', original: 'First item text.', encoding: 'utf-8', given: { title: 'One', url: 'https://x.example/1', date: '2020-05-01', outlet: 'RDF Wire' } },
    ]);
  });

  it('keeps the markup of Atom type="xhtml" content as HTML', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title><entry><title>E</title>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para <b>one</b>.</p><p>Two.</p></div></content></entry></feed>`;
    const [d] = docs(events('x.atom', xml));
    expect(d!.original).toContain('<p>Para <b>one</b>.</p>');
  });

  it('decodes entities once: escaped HTML becomes markup, an escaped ampersand stays text', () => {
    const [d] = docs(events('e.rss', RSS('<item><title>T &amp; U</title><description>&lt;p&gt;A &amp;amp; B&lt;/p&gt;</description></item>')));
    expect(d!.given.title).toBe('T & U');
    expect(d!.original).toBe('<p>A &amp; B</p>');
  });

  it('a feed with no items, or a file that is not a feed, fails with the reason', () => {
    expect(errors(events('n.rss', RSS('')))).toEqual([{ source: '/in/n.rss', code: 'EMPTY', line: '/in/n.rss: the feed has no items' }]);
    expect(errors(events('h.rss', '<html><body><p>not a feed</p></body></html>'))).toEqual([
      { source: '/in/h.rss', code: 'BAD_INPUT', line: '/in/h.rss: not an RSS or Atom feed' },
    ]);
  });

  it('an item without content fails alone, named by its number and title', () => {
    const evs = events('p.rss', RSS('<item><title>Good</title><description>Text.</description></item><item><title>Bare</title></item><item><description>More text.</description></item>'));
    expect(docs(evs).map((d) => d.source)).toEqual(['/in/p.rss#1', '/in/p.rss#3']);
    expect(errors(evs)).toEqual([{ source: '/in/p.rss#2', code: 'EMPTY', line: '/in/p.rss: item 2 ("Bare") has no content' }]);
  });

  it('streams a large feed item by item', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `<item><title>Item ${i + 1}</title><description>Body of item ${i + 1}.</description></item>`).join('');
    const got = docs(events('big.rss', RSS(many)));
    expect(got).toHaveLength(3000);
    expect(got[2999]!.original).toBe('Body of item 3000.');
  });

  it('reads a feed of 100,000 items, in order, and keeps every item before a broken tail', { timeout: 60_000 }, () => {
    const n = 100_000;
    const items = Array.from({ length: n }, (_, i) => `<item><title>Gauge ${i + 1}</title><link>https://gauge.example/${i + 1}</link><description>Reading ${i + 1}: 40 cm.</description></item>\n`).join('');
    // the feed is cut off inside an item after the last whole one
    const xml = RSS(items).replace('</channel></rss>', '<item><title>Gauge cut off</tit');
    const t0 = Date.now();
    const it = toDocuments(item('huge.rss', xml));
    const first = it.next();
    expect(first.value).toMatchObject({ kind: 'doc', doc: { source: '/in/huge.rss#1', original: 'Reading 1: 40 cm.', given: { title: 'Gauge 1', outlet: 'Test Radio' } } });
    let count = 1;
    let last: FormatEvent | undefined;
    const errors: FormatEvent[] = [];
    for (const ev of it) {
      if (ev.kind === 'doc') {
        count++;
        last = ev;
      } else errors.push(ev);
    }
    expect(count).toBe(n);
    expect(last).toMatchObject({ kind: 'doc', doc: { source: `/in/huge.rss#${n}`, original: `Reading ${n}: 40 cm.` } });
    // the broken tail is one error after the items, not the loss of the feed
    expect(errors).toHaveLength(1);
    // a hang guard, not a speed measure
    expect(Date.now() - t0).toBeLessThan(30_000);
  });
});
