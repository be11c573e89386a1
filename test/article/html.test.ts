import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type HtmlArticle, extractHtml } from '../../src/article/html.js';
import { checkOffsetMap, rng } from './html-helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixturesDir = path.join(here, '../fixtures/html');

interface Expected {
  title: string | null;
  siteName: string | null;
  published: string | null;
  lang: string | null;
  author?: string | null;
  canonicalUrl?: string | null;
  description?: string | null;
  /** Passed as options.url. */
  url?: string;
  contains: string[];
  excludes: string[];
  /** Number of "\n\n"-separated paragraphs, when the fixture pins it. */
  paragraphs?: number;
}

const slugs = fs
  .readdirSync(fixturesDir)
  .filter((d) => fs.existsSync(path.join(fixturesDir, d, 'source.html')))
  .sort();

const TRAILING_OR_DOUBLE_SPACE = /(?:^|\n)[ \t]|[ \t](?:\n|$)| {2}/;

/** Properties every result must have, whatever the input. */
function checkShape(a: HtmlArticle): void {
  expect(typeof a.text).toBe('string');
  for (const k of ['title', 'siteName', 'published', 'lang', 'canonicalUrl', 'author', 'description'] as const) {
    expect(a[k] === null || typeof a[k] === 'string').toBe(true);
  }
  if (a.published !== null) expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  if (a.lang !== null) expect(a.lang).toMatch(/^[a-z]{2}$/);
  expect(a.text).not.toMatch(TRAILING_OR_DOUBLE_SPACE);
  expect(a.text).not.toMatch(/\n{3}/);
}

describe('golden fixtures', () => {
  it('finds the fixtures', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(slugs)('%s', (slug) => {
    const html = fs.readFileSync(path.join(fixturesDir, slug, 'source.html'), 'utf8');
    const expected = JSON.parse(fs.readFileSync(path.join(fixturesDir, slug, 'expected.json'), 'utf8')) as Expected;
    const article = extractHtml(html, expected.url ? { url: expected.url } : {});

    it('reads the metadata', () => {
      expect(article.title).toBe(expected.title);
      expect(article.siteName).toBe(expected.siteName);
      expect(article.published).toBe(expected.published);
      expect(article.lang).toBe(expected.lang);
      for (const k of ['author', 'canonicalUrl', 'description'] as const) {
        if (k in expected) expect(article[k]).toBe(expected[k]);
      }
    });

    it('keeps the article text', () => {
      for (const s of expected.contains) expect(article.text).toContain(s);
      if (expected.paragraphs !== undefined) expect(article.text.split('\n\n')).toHaveLength(expected.paragraphs);
    });

    it('leaves out the furniture', () => {
      for (const s of expected.excludes) expect(article.text).not.toContain(s);
    });

    it('maps the text back to the HTML', () => {
      checkShape(article);
      checkOffsetMap(html, article, 500, slug.length);
    });
  });
});

describe('offsets', () => {
  it('maps decoded entities to the whole reference', () => {
    const html =
      '<html><body><article><p>Fish &amp; chips cost &pound;5&nbsp;each &#8212; a bargain at AT&T, said &quot;Bob&quot; &#x1F600;.</p></article></body></html>';
    const a = extractHtml(html);
    expect(a.text).toBe('Fish & chips cost £5 each — a bargain at AT&T, said "Bob" \u{1F600}.');
    const amp = a.text.indexOf('&');
    expect(a.map.toOriginal(amp, amp + 1)).toEqual([html.indexOf('&amp;'), html.indexOf('&amp;') + 5]);
    const emoji = a.text.indexOf('\u{1F600}');
    const o = a.map.toOriginal(emoji, emoji + 2)!;
    expect(html.slice(o[0], o[1])).toBe('&#x1F600;');
    // the literal "AT&T" (not an entity) maps exactly
    const att = a.text.indexOf('AT&T');
    const oa = a.map.toOriginal(att, att + 4)!;
    expect(html.slice(oa[0], oa[1])).toBe('AT&T');
    checkOffsetMap(html, a);
  });

  it('maps collapsed whitespace and keeps literal runs exact', () => {
    const html = '<p>Seven   people\n\t were <b>hurt</b>,\r\n  officials  said.</p>';
    const a = extractHtml(html);
    expect(a.text).toBe('Seven people were hurt, officials said.');
    const s = a.text.indexOf('people were hurt');
    const o = a.map.toOriginal(s, s + 'people were hurt'.length)!;
    expect(html.slice(o[0], o[1])).toBe('people\n\t were <b>hurt');
    checkOffsetMap(html, a);
  });

  it('keeps the invariant on generated pages', { timeout: 60_000 }, () => {
    const random = rng(7);
    const words = ['flood', 'killed', '12', 'people', '&amp;', '&nbsp;', '&eacute;t&eacute;', '<b>bold</b>', '<a href="/x">link</a>', '\n', '  ', '&#x41;', '—', 'A&B', '\u00ad', '<br>'];
    for (let page = 0; page < 30; page++) {
      let body = '';
      for (let p = 0; p < 8; p++) {
        let para = '';
        for (let w = 0; w < 40; w++) para += words[Math.floor(random() * words.length)] + (random() < 0.7 ? ' ' : '');
        body += `<p>${para}.</p>\n`;
      }
      const html = `<html><body><div class="article-body">${body}</div></body></html>`;
      const a = extractHtml(html);
      expect(a.text.length).toBeGreaterThan(100);
      checkShape(a);
      checkOffsetMap(html, a, 300, page);
    }
  });
});

describe('robustness', () => {
  const DEPTH = 100_000;
  const paragraph = '<p>Twelve people were injured when the roof collapsed, the fire service said on Sunday.</p>';

  it('survives 100,000 nested elements', { timeout: 60_000 }, () => {
    const cases = [
      '<div>'.repeat(DEPTH) + paragraph + '</div>'.repeat(DEPTH),
      '<span>'.repeat(DEPTH) + paragraph,
      '<div><section>'.repeat(DEPTH / 2) + paragraph,
      '<table><tr><td>'.repeat(DEPTH / 3) + paragraph,
      '<ul><li>'.repeat(DEPTH / 2) + paragraph,
      '<b><i>'.repeat(DEPTH / 2) + paragraph + '</b></i>'.repeat(DEPTH / 2),
      '<svg><g>'.repeat(DEPTH / 2) + '</svg>' + paragraph,
    ];
    for (const html of cases) {
      const a = extractHtml(html);
      expect(a.text).toContain('Twelve people were injured when the roof collapsed');
      checkOffsetMap(html, a, 20);
    }
  });

  it('stays linear on stray and unclosed tags', { timeout: 60_000 }, () => {
    const cases = [
      '<div>'.repeat(DEPTH) + '</span>'.repeat(5 * DEPTH) + paragraph,
      '<table><div>' + '<span>'.repeat(DEPTH) + '</div>'.repeat(5 * DEPTH) + paragraph,
      '<p>'.repeat(3 * DEPTH) + paragraph,
      '<'.repeat(10 * DEPTH) + paragraph,
      '&amp;'.repeat(10 * DEPTH) + paragraph,
    ];
    const t0 = Date.now();
    for (const html of cases) expect(extractHtml(html).text).toContain('Twelve people were injured');
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('handles 50 MB of HTML', { timeout: 120_000 }, () => {
    const chunk =
      '<div class="item"><h2>Update</h2><p>Rescue teams searched through the night, and officials said 4 more people had been found alive.</p>' +
      '<ul class="links"><li><a href="/a">More</a></li><li><a href="/b">Share</a></li></ul></div>\n';
    const html = `<html><body><div class="live-blog">${chunk.repeat(Math.ceil(50e6 / chunk.length))}</div></body></html>`;
    const t0 = Date.now();
    const a = extractHtml(html);
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(a.text.length).toBeGreaterThan(10e6);
    expect(a.text).not.toContain('Share');
  });

  it('never puts scripts, styles, frames or handlers into the text', () => {
    const html = `<html><head><title>T</title><script>var a = "S1";</script></head><body onload="H1()">
      <article><p>Water levels fell overnight and the evacuation order was lifted for 2,000 residents, police said.</p>
      <script type="text/javascript">document.write("S2")</script><style>.x{content:"S3"}</style>
      <noscript>S4</noscript><template><p>S5</p></template><iframe>S6</iframe><svg><text>S7</text></svg>
      <p onclick="H2()">A second paragraph, with <a href="javascript:void('J1')" onmouseover="H3()">a link</a>, follows here.</p>
      <script>unterminated = "S8";`;
    const a = extractHtml(html);
    expect(a.text).toContain('evacuation order was lifted');
    expect(a.text).toContain('a link');
    for (const bad of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'H1', 'H2', 'H3', 'J1', 'javascript']) {
      expect(a.text).not.toContain(bad);
    }
  });

  it('returns empty results for empty or non-HTML input', () => {
    for (const input of ['', ' ', '\n\n', '<!--', '<!-- x -->', '<![CDATA[', '<!DOCTYPE html>', '<html></html>', '<br><hr>']) {
      const a = extractHtml(input);
      checkShape(a);
      expect(a.text).toBe('');
      expect(a.published).toBeNull();
      expect(a.title).toBeNull();
    }
    // a lone "<" is text, as in browsers
    expect(extractHtml('a < b').text).toBe('a < b');
    // runtime callers without types
    expect(extractHtml(undefined as unknown as string).text).toBe('');
    expect(extractHtml(42 as unknown as string).text).toBe('');
  });

  it('never throws on garbage', { timeout: 60_000 }, () => {
    const random = rng(42);
    const tokens = ['<', '>', '</', '/>', '<p', '<div class="', '"', "'", '=', '&', '&#', '&#x', ';', 'amp', '<script>', '</script>',
      '<!--', '-->', '<![CDATA[', ']]>', '<svg>', '<table>', '<td>', '<br>', '\u0000', '\ud800', '\udc00', 'text', ' ', '\n',
      '<meta property="article:published_time" content="', '<title>', '<html lang="', 'x'.repeat(50)];
    for (let i = 0; i < 300; i++) {
      let s = '';
      const n = Math.floor(random() * 400);
      for (let k = 0; k < n; k++) s += tokens[Math.floor(random() * tokens.length)];
      const a = extractHtml(s);
      checkShape(a);
      checkOffsetMap(s, a, 20, i);
    }
  });
});

describe('metadata', () => {
  const page = (head: string, body = '<p>Some text.</p>', htmlAttrs = '') =>
    `<!doctype html><html${htmlAttrs}><head>${head}</head><body>${body}</body></html>`;

  it('reads publication dates in several formats and never invents one', () => {
    const cases: [string, string | null][] = [
      ['<meta property="article:published_time" content="2020-02-29T23:30:00-05:00">', '2020-02-29'],
      ['<meta name="date" content="Tue, 03 Mar 2015 10:00:00 GMT">', '2015-03-03'],
      ['<meta name="pubdate" content="March 3, 2019">', '2019-03-03'],
      ['<meta name="parsely-pub-date" content="1546300800000">', '2019-01-01'],
      ['<meta name="DC.date.issued" content="2017/11/05">', '2017-11-05'],
      ['<meta name="sn-post-date" content="2019/11/19">', '2019-11-19'],
      ['<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2012-12-12T12:00:00Z"}</script>', '2012-12-12'],
      ['<meta property="article:published_time" content="0001-01-01T00:00:00Z">', null],
      ['<meta property="article:published_time" content="not a date">', null],
      ['<meta property="article:modified_time" content="2020-01-01">', null],
      ['', null],
    ];
    for (const [head, date] of cases) expect(extractHtml(page(head)).published, head).toBe(date);
    const withTime = page('', '<article><header><time datetime="2011-04-05T08:00">5 April</time></header><p>Text.</p></article>');
    expect(extractHtml(withTime).published).toBe('2011-04-05');
    const updatedOnly = page('', '<article><time class="updated" datetime="2011-04-05">5 April</time><p>Text.</p></article>');
    expect(extractHtml(updatedOnly).published).toBeNull();
  });

  it('normalises languages to two-letter codes', () => {
    expect(extractHtml(page('', undefined, ' lang="en-US"')).lang).toBe('en');
    expect(extractHtml(page('', undefined, ' lang="zh-Hant-TW"')).lang).toBe('zh');
    expect(extractHtml(page('<meta property="og:locale" content="pt_BR">')).lang).toBe('pt');
    expect(extractHtml(page('<meta http-equiv="Content-Language" content="nl, en">')).lang).toBe('nl');
    expect(extractHtml(page('', undefined, ' lang="x-klingon-1"')).lang).toBeNull();
    expect(extractHtml(page('')).lang).toBeNull();
  });

  it('separates the headline from the site name', () => {
    const a = extractHtml(page('<title>Dam bursts after storm | River News</title>'));
    expect(a.title).toBe('Dam bursts after storm');
    expect(a.siteName).toBe('River News');
    const b = extractHtml(page('<title>River News - Dam bursts after storm</title><meta property="og:site_name" content="River News">'));
    expect(b.title).toBe('Dam bursts after storm');
    const c = extractHtml(page('<meta property="og:title" content="Dam bursts - 3 dead | River News"><meta property="og:site_name" content="River News">'));
    expect(c.title).toBe('Dam bursts - 3 dead');
    const d = extractHtml(page('<title>Dam bursts</title>', '<h1>Dam bursts after storm in the north</h1><p>Text.</p>'));
    expect(d.title).toBe('Dam bursts after storm in the north');
    expect(d.siteName).toBeNull();
  });

  it('reads JSON-LD graphs and survives broken JSON-LD', () => {
    const ld = `<script type="application/ld+json">[{"@type":"WebSite","name":"Site A"},{"@graph":[{"@type":["ReportageNewsArticle"],
      "headline":"Quake hits coast","datePublished":"2018-09-28","author":[{"name":"A. One"},{"name":"B. Two"}],
      "publisher":{"@type":"Organization","name":"Coast Wire"},"description":"Strong quake."}]}]</script>
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": "broken</script>`;
    const a = extractHtml(page(ld));
    expect(a.title).toBe('Quake hits coast');
    expect(a.published).toBe('2018-09-28');
    expect(a.author).toBe('A. One, B. Two');
    expect(a.siteName).toBe('Coast Wire');
    expect(a.description).toBe('Strong quake.');
  });

  it('resolves canonical addresses and rejects other schemes', () => {
    const rel = page('<link rel="canonical" href="/story/1">');
    expect(extractHtml(rel, { url: 'https://news.example/a/b?x=1' }).canonicalUrl).toBe('https://news.example/story/1');
    expect(extractHtml(rel).canonicalUrl).toBeNull();
    expect(extractHtml(page('<link rel="canonical" href="javascript:alert(1)">'), { url: 'https://news.example/' }).canonicalUrl).toBeNull();
    expect(extractHtml(page('<meta property="og:url" content="https://news.example/og">')).canonicalUrl).toBe('https://news.example/og');
  });
});
