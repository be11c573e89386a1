/**
 * Property tests (fast-check) of the analysis: on any string, and on
 * sentences built from casualty phrasing (counts, hedges, ranges, dates,
 * places, attributions) so that the parsers and refiners really run, and on
 * random HTML tag soup through prepareDocument. Whatever the input, analysis
 * returns, never throws, and every span it reports lies inside its text,
 * quotes its own words and carries finite figures with low ≤ value ≤ high.
 *
 * A failure prints the seed and the shrunk input; replay it with
 * `fc.assert(..., { seed, path })`. Inputs that once broke an invariant are
 * kept in test/fixtures/analyze/properties.json and run every time.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText, type AnalyzeContext } from '../../src/analyze/index.js';
import { ReckonError } from '../../src/core/errors.js';
import type { Analysis, DocumentInput } from '../../src/core/types.js';
import { analyzeDocument, prepareDocument } from '../../src/pipeline/prepare.js';
import { offsetProblems } from '../helpers.js';

/** Runs per property: enough to hit every generator branch many times, small enough for a few seconds per file. */
const RUNS = Number(process.env.RECKON_PROPERTY_RUNS ?? 0) || 150;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Every invariant of an analysis of `text` (offsets into `text`); returns the problems found. */
function analysisProblems(text: string, a: Analysis, original = text): string[] {
  const problems: string[] = [];
  const inside = (s: number, e: number, len: number) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s < e && e <= len;
  a.claims.forEach((c, i) => {
    const at = `claim ${i} (${c.category} ${c.value} ${JSON.stringify(c.quote)})`;
    if (!inside(c.textStart, c.textEnd, text.length)) problems.push(`${at}: text span [${c.textStart}, ${c.textEnd}) outside the text (${text.length})`);
    if (!inside(c.start, c.end, original.length)) problems.push(`${at}: span [${c.start}, ${c.end}) outside the original (${original.length})`);
    if (original.slice(c.start, c.end) !== c.quote) problems.push(`${at}: quote ≠ original.slice(start, end) = ${JSON.stringify(original.slice(c.start, c.end))}`);
    for (const [k, v] of [['value', c.value], ['low', c.low], ['high', c.high]] as const) {
      if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`${at}: ${k} is ${v}`);
    }
    if (!(c.low <= c.value && c.value <= c.high)) problems.push(`${at}: not low ≤ value ≤ high (${c.low}, ${c.value}, ${c.high})`);
    if (c.value < 0 || c.low < 0) problems.push(`${at}: negative figure`);
    if (c.parent !== null && (!Number.isInteger(c.parent) || c.parent < 0 || c.parent >= a.claims.length || c.parent === i)) problems.push(`${at}: parent ${c.parent} is not another claim`);
    if (c.time) {
      if (!ISO_DAY.test(c.time.start) || !ISO_DAY.test(c.time.end)) problems.push(`${at}: time ${c.time.start}/${c.time.end} is not ISO days`);
      else if (c.time.start > c.time.end) problems.push(`${at}: time starts after it ends (${c.time.start}/${c.time.end})`);
    }
    if (!Array.isArray(c.location) || c.location.some((l) => typeof l !== 'string')) problems.push(`${at}: location is not a list of names`);
  });
  a.mentions.forEach((m, i) => {
    const at = `mention ${i} (${m.kind} ${JSON.stringify(m.text)})`;
    if (!inside(m.textStart, m.textEnd, text.length)) problems.push(`${at}: text span [${m.textStart}, ${m.textEnd}) outside the text (${text.length})`);
    else if (text.slice(m.textStart, m.textEnd) !== m.text) problems.push(`${at}: text ≠ its slice ${JSON.stringify(text.slice(m.textStart, m.textEnd))}`);
    if (!inside(m.start, m.end, original.length)) problems.push(`${at}: span [${m.start}, ${m.end}) outside the original (${original.length})`);
    if (typeof m.value !== 'string') problems.push(`${at}: value is not a string`);
  });
  // claims come in text order; the claim list is what the store numbers
  for (let i = 1; i < a.claims.length; i++) {
    if (a.claims[i]!.textStart < a.claims[i - 1]!.textStart) problems.push(`claims ${i - 1} and ${i} are out of order`);
  }
  return problems;
}

/** analyzeText on `text` must return, and its result must keep every invariant. */
function checkText(text: string, context: AnalyzeContext): Analysis {
  let a: Analysis;
  try {
    a = analyzeText(text, context);
  } catch (e) {
    throw new Error(`analyzeText threw on ${JSON.stringify(text.slice(0, 300))}: ${(e as Error).stack}`);
  }
  expect(analysisProblems(text, a)).toEqual([]);
  return a;
}

/** prepareDocument must return (or refuse with a ReckonError), and keep the invariants of text, offsets and analysis. */
function checkDocument(input: DocumentInput): Analysis | null {
  let p;
  try {
    p = prepareDocument(input);
  } catch (e) {
    if (e instanceof ReckonError && e.code === 'EMPTY') return null;
    throw new Error(`prepareDocument threw on ${JSON.stringify(input.original.slice(0, 300))}: ${(e as Error).stack}`);
  }
  const { doc, analysis } = p;
  expect(offsetProblems({ source: input.source, original: doc.original, text: doc.text, segments: doc.segments }, 40)).toEqual([]);
  expect(analysisProblems(doc.text, analysis, doc.original)).toEqual([]);
  // the same analysis again (the worker path) gives the same result
  expect(analyzeDocument(doc)).toEqual(analysis);
  return analysis;
}

// ---- generators -----------------------------------------------------------

const published = fc.option(
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  { nil: null },
);
const context: fc.Arbitrary<AnalyzeContext> = fc.record({
  published,
  title: fc.option(fc.string({ maxLength: 60 }), { nil: null }),
  language: fc.constantFrom('en', null, 'ru', 'xx'),
});

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const anyString = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
);

const digits = fc.oneof(
  fc.integer({ min: 0, max: 2000 }).map(String),
  fc.integer({ min: 1000, max: 99_999_999 }).map((n) => n.toLocaleString('en-US')),
  fc.constantFrom('1.5 million', '2,5', '3.000', '0', '007', '1e6', '99999999999999999999', '12.', '١٢', '１２', '½', '10-15', '300–600', '1,2,3'),
);
const wordNumber = fc.constantFrom('one', 'two', 'three', 'Twelve', 'twenty-five', 'a hundred', 'thousands of', 'dozens of', 'hundreds of', 'scores of', 'several', 'a dozen', 'a few', 'tens of thousands of', 'nine hundred', 'no', 'none of the');
const hedge = fc.constantFrom('', 'at least ', 'about ', 'more than ', 'up to ', 'nearly ', 'some ', 'fewer than ', 'around ', 'as many as ', 'an estimated ', 'over ', 'between 10 and ', 'almost ', 'another ', 'a further ', 'only ');
const subject = fc.constantFrom('people', 'civilians', 'soldiers', 'children', 'protesters', 'residents', 'police officers', 'houses', 'homes', 'families', 'of them', 'women and children', 'passengers', '');
const predicate = fc.constantFrom(
  'were killed', 'were injured', 'died', 'were wounded', 'went missing', 'were arrested', 'were detained', 'were displaced',
  'were evacuated', 'lost their lives', 'were hurt', 'were jailed', 'were sentenced', 'were destroyed', 'were damaged', 'took part',
  'remain missing', 'were shot dead', 'were taken to hospital', 'have been killed', 'had died of their wounds',
);
const verbFirst = fc.constantFrom('killed', 'injured', 'wounded', 'left', 'displaced', 'shot and killed', 'arrested', 'the death toll rose to', 'bringing the total to', 'the toll stands at', 'including');
const place = fc.constantFrom('in Baku', 'in Kabul', 'near Neftchala', 'in Paris, France', 'across the region', 'in the capital', 'in Lankaran and Baku', 'in New York', 'at the border', 'in Springfield');
const date = fc.constantFrom(
  'on January 20, 1990', 'on 20 January 1990', 'on Tuesday', 'last week', 'in 2021', 'on 3/4/2020', 'on 2020-02-30', 'on 31.12.1999',
  'yesterday', 'on the night of 19–20 January', 'in the 1990s', 'between March 1 and 5', 'two days later', 'in March', 'on February 29, 2023',
  'on 0/0/0000', 'in the year 99999', 'on January 32', 'since 1 May', 'by nightfall', 'on 12/31/2099', 'in 1066',
);
const attribution = fc.constantFrom('', ', officials said', ', according to the ministry', ', police said on Sunday', ', the UN reported', ', Reuters reported, citing a hospital source', ', a witness told AFP');
const sentenceEnd = fc.constantFrom('.', '!', '?', '', '…', '."', ';', ' .', '.\n', '.\n\n');

const count = fc.tuple(hedge, fc.oneof(digits, wordNumber)).map(([h, n]) => `${h}${n}`);
const stackedCount = fc.tuple(fc.constantFrom('', '', 'at least ', 'about ', 'up to '), fc.oneof(digits, wordNumber)).map(([h, n]) => `${h}${n}`);

/** One sentence of casualty phrasing, in one of several orders. */
const casualty = fc.oneof(
  fc.tuple(count, subject, predicate, place, date, attribution, sentenceEnd).map(([n, s, p, pl, d, a, e]) => `${n} ${s} ${p} ${pl} ${d}${a}${e}`),
  fc.tuple(date, place, count, subject, predicate, attribution, sentenceEnd).map(([d, pl, n, s, p, a, e]) => `${cap(d)} ${pl}, ${n} ${s} ${p}${a}${e}`),
  fc.tuple(fc.constantFrom('The attack', 'The storm', 'He', 'Gunmen', 'The flood', 'An explosion'), verbFirst, count, subject, place, date, sentenceEnd).map(
    ([who, v, n, s, pl, d, e]) => `${who} ${v} ${n} ${s} ${pl} ${d}${e}`,
  ),
  fc.tuple(count, subject, predicate, count, predicate, attribution, sentenceEnd).map(([n, s, p, m, q, a, e]) => `${n} ${s} ${p} and ${m} ${q}${a}${e}`),
  fc.tuple(count, subject, predicate, count, subject, sentenceEnd).map(([n, s, p, m, t, e]) => `${n} ${s} ${p}, including ${m} ${t}${e}`),
  // counts stacked before one predicate, read more than once ("1,000 at least 2 were killed")
  fc.tuple(fc.array(stackedCount, { minLength: 2, maxLength: 4 }), subject, predicate, fc.option(date, { nil: '' }), fc.boolean(), fc.constantFrom('', '.')).map(([ns, s, p, d, front, e]) =>
    front ? `${cap(d)} ${ns.join(' ')} ${s} ${p}${e}` : `${ns.join(' ')} ${s} ${p} ${d}${e}`,
  ),
  fc.tuple(fc.constantFrom('between', 'from', 'Between'), digits, fc.constantFrom('and', 'to', '-', 'or'), digits, subject, predicate, sentenceEnd).map(
    ([a, x, b, y, s, p, e]) => `${a} ${x} ${b} ${y} ${s} ${p}${e}`,
  ),
  fc.tuple(fc.constantFrom('The death toll', 'The number of injured', 'The toll'), fc.constantFrom('rose to', 'reached', 'stands at', 'climbed to', 'is'), count, date, sentenceEnd).map(
    ([t, v, n, d, e]) => `${t} ${v} ${n} ${d}${e}`,
  ),
);

/** Noise between sentences: headings, bullets, stray markup, odd characters. */
const noise = fc.constantFrom('\n', '\n\n', ' ', '\t', '— ', '• ', '# Update\n', '(AP) — ', '“', '”', '\u00ad', '\u200b', '\uFFFD', '\u0000', '\ud800', '\r\n', '***\n', 'Share this: ', '12:30 ', '%', '$', '№5 ');

const prose = fc.array(fc.tuple(fc.array(noise, { maxLength: 2 }), casualty), { minLength: 1, maxLength: 8 }).map((parts) => parts.map(([n, s]) => `${n.join('')}${s}`).join(' '));

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---- HTML tag soup ----------------------------------------------------------

const MARK = 'ZQXMARK';
const attrValue = fc.constantFrom('x', 'javascript:alert(1)', '" onmouseover="alert(2)', "'><script>alert(3)</script>", 'data:text/html,<b>x</b>', '', 'article-body', 'hidden', 'display:none');
const attr = fc.tuple(fc.constantFrom('class', 'id', 'href', 'src', 'onclick', 'onload', 'style', 'hidden', 'aria-hidden', 'lang', 'itemprop', 'content', 'property'), attrValue).map(
  ([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`,
);
/**
 * Tags of the clean soup. Not svg or math: in foreign content the hostile
 * pieces below are not what they are in HTML (a <p> breaks out of an <svg>
 * and its text shows), so MARK could rightly reach the text; rawSoup has them.
 */
const tagName = fc.constantFrom('p', 'div', 'span', 'b', 'i', 'a', 'br', 'article', 'section', 'h1', 'h2', 'li', 'ul', 'table', 'tr', 'td', 'main', 'header', 'footer', 'nav', 'aside', 'figure', 'blockquote', 'pre', 'meta', 'time', 'img', 'hr', 'font', 'center');
/** Markup whose text a browser never shows; MARK must never reach the cleaned text. */
const hostile = fc.constantFrom(
  `<script>var ${MARK} = 1;</script>`,
  `<script type="text/javascript">document.write("${MARK}")</script>`,
  `<style>.x{content:"${MARK}"}</style>`,
  `<iframe src="javascript:alert('${MARK}')">${MARK}</iframe>`,
  `<noscript>${MARK}</noscript>`,
  `<template><p>${MARK}</p></template>`,
  `<a href="javascript:void('${MARK}')" onclick="${MARK}()">link</a>`,
  `<img src=x onerror="${MARK}()">`,
  `<svg onload="${MARK}()"><script>${MARK}</script></svg>`,
  `<object data="${MARK}.swf"></object>`,
  `<p style="x" onmouseover="${MARK}()">hover</p>`,
  `<!-- ${MARK} -->`,
);
/** Well-formed pieces: tags, text, entities and hostile markup, each whole (no piece can swallow the next). */
const soupPiece = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(tagName, fc.array(attr, { maxLength: 2 })).map(([t, a]) => `<${t}${a.join('')}>`) },
  { weight: 3, arbitrary: tagName.map((t) => `</${t}>`) },
  { weight: 5, arbitrary: casualty },
  { weight: 2, arbitrary: fc.constantFrom('&amp;', '&nbsp;', '&#x41;', '&#99999999;', '&bogus;', '&lt;script&gt;', '&#0;', '&#xD800;', '&', '>', '&eacute;', '\n', '   ', '<!DOCTYPE html>') },
  { weight: 2, arbitrary: hostile },
  // random text, without "<" (which could open a tag around the next piece)
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => s.replace(/</g, ' ')) },
);
/** A document cut short: what a truncated download ends with. */
const tail = fc.constantFrom('', '</', '<p', '<a href="', '<!--', '<![CDATA[', `<script>unterminated = "${MARK}";`, `<style>.y{content:"${MARK}"`, '<', '&#x');
const soup = fc.tuple(fc.boolean(), fc.array(soupPiece, { maxLength: 60 }), tail).map(([page, pieces, end]) =>
  page ? `<html><body>${pieces.join('')}${end}` : `${pieces.join('')}${end}`,
);
/** Anything at all between tags, broken pieces included (for the invariants, not the MARK check). */
const rawSoup = fc
  .array(fc.oneof(soupPiece, tail, fc.string({ maxLength: 20 }), fc.constantFrom('-->', '</<', '<a', '"', "'", '<!', '<?', ']]>', '<svg>', '<math>', '</svg>', '<textarea>', '<title>', '<select>', '<plaintext>')), {
    maxLength: 60,
  })
  .map((pieces) => pieces.join(''));

const input = (format: DocumentInput['format'], original: string, date: string | null = null): DocumentInput => ({
  source: `prop.${format}`,
  format,
  original,
  encoding: 'utf-8',
  given: { date },
});

// ---- the properties -----------------------------------------------------------

describe('analyzeText on any string', () => {
  it('returns, and every span, quote and figure is sound', () => {
    fc.assert(fc.property(anyString, context, (text, ctx) => void checkText(text, ctx)), { numRuns: RUNS * 2 });
  });

  it('on strings with digits and trigger words among random characters', () => {
    const word = fc.oneof(fc.string({ maxLength: 6 }), digits, wordNumber, predicate, fc.constantFrom('killed', 'dead', 'injured', 'at least', 'people', ',', '.', '-', '–', '\n'));
    const text = fc.array(word, { maxLength: 40 }).map((w) => w.join(' '));
    fc.assert(fc.property(text, context, (t, ctx) => void checkText(t, ctx)), { numRuns: RUNS * 2 });
  });
});

describe('analyzeText on casualty phrasing', () => {
  it('returns, and every span, quote and figure is sound', () => {
    let withClaims = 0;
    fc.assert(
      fc.property(prose, context, (text, ctx) => {
        if (checkText(text, ctx).claims.length) withClaims++;
      }),
      { numRuns: RUNS * 2 },
    );
    // the generator reaches the claim parsers (not only the tokenizer)
    expect(withClaims).toBeGreaterThan(RUNS);
  });

  it('finds the count of a plain sentence "<n> people were killed in <place>."', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100_000 }), fc.constantFrom('killed', 'injured', 'arrested', 'displaced'), place, (n, what, pl) => {
        const text = `Officials said ${n.toLocaleString('en-US')} people were ${what} ${pl}.`;
        const a = checkText(text, { published: '2024-01-01', title: null, language: 'en' });
        const cat = what === 'displaced' ? 'displaced' : what;
        expect(a.claims.map((c) => [c.category, c.value])).toContainEqual([cat, n]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('prepareDocument (text, markdown, feed and HTML paths)', () => {
  it('plain text and markdown of casualty phrasing keep the offset and analysis invariants', () => {
    const doc = fc.tuple(fc.constantFrom<DocumentInput['format']>('text', 'markdown', 'feed'), fc.option(fc.string({ maxLength: 60 }), { nil: '' }), prose, published).map(
      ([format, title, body, d]) => input(format, `${title ? `${title}\n\n` : ''}${body}`, d),
    );
    fc.assert(fc.property(doc, (d) => void checkDocument(d)), { numRuns: RUNS });
  });

  it('any string as text or markdown', () => {
    fc.assert(
      fc.property(anyString, fc.constantFrom<DocumentInput['format']>('text', 'markdown', 'feed'), (s, format) => void checkDocument(input(format, s))),
      { numRuns: RUNS },
    );
  });

  it('HTML tag soup: returns, keeps the invariants, and never lets script, style, frame, handler or comment text into the text', () => {
    let analysed = 0;
    fc.assert(
      fc.property(soup, published, (html, d) => {
        const a = checkDocument(input('html', html, d));
        if (!a) return;
        analysed++;
        expect(prepareDocument(input('html', html, d)).doc.text).not.toContain(MARK);
      }),
      { numRuns: RUNS * 2 },
    );
    expect(analysed).toBeGreaterThan(RUNS / 2);
  });

  it('broken HTML of any kind, as a page, a fragment or a feed item: returns and keeps the invariants', () => {
    fc.assert(
      fc.property(rawSoup, fc.constantFrom('', '<html><body>', '<!DOCTYPE html><html><head><title>T</title></head><body><article>'), fc.constantFrom<DocumentInput['format']>('html', 'feed'), (html, head, format) => {
        void checkDocument(input(format, `${head}${html}`));
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

// ---- inputs that once broke an invariant ----------------------------------------

interface Regression {
  why: string;
  format: DocumentInput['format'] | 'analyzeText';
  input: string;
  published?: string | null;
}

const REGRESSIONS = JSON.parse(fs.readFileSync(new URL('../fixtures/analyze/properties.json', import.meta.url), 'utf8')) as Regression[];

describe('inputs that once broke an invariant (test/fixtures/analyze/properties.json)', () => {
  it('has cases', () => expect(REGRESSIONS.length).toBeGreaterThan(0));
  it.each(REGRESSIONS.map((r) => [r.why, r] as const))('%s', (_why, r) => {
    if (r.format === 'analyzeText') checkText(r.input, { published: r.published ?? null, title: null, language: 'en' });
    else checkDocument(input(r.format, r.input, r.published ?? null));
  });
});
