/**
 * Fast paths of numbers and claims, each against the plain way it replaces.
 */
import { describe, expect, it } from 'vitest';
import { BY_AFTER, BY_AFTER_OPENING, SAID_BY, attributionIn, cleanAttribution, saidBy } from '../../src/analyze/claims/refiners/qualifiers.js';
import { analyzeText } from '../../src/analyze/index.js';
import { findNumbers } from '../../src/analyze/numbers.js';
import { tokenize } from '../../src/analyze/text.js';
import { seededRandom as rng } from '../helpers.js';

describe('fast paths of the parsers and refiners', () => {
  it('cleanAttribution drops a final period as the plain pattern does', () => {
    // the plain way: every step run on every name
    const plain = (a: string) => {
      // (the article stays, as written; the name without it must be a name)
      const t = a.replace(/\s+/g, ' ').trim().replace(/(?<!\b\p{Lu})\.$/u, '');
      const bare = t.replace(/^(?:the|a|an)\s+/i, '');
      return !bare || t.length > 90 || /^(he|she|it|they|we|i|you|this|that|there|which|who|the (?:report|article|statement))$/i.test(bare) ? null : t;
    };
    const r = rng(3);
    const parts = ['the ', 'The ', 'U.S.', 'Ministry', '.', ' .', '. ', 'a', 'İ.', '\u212a.', 'é.', '\u00a0', '\n', ' ', 'police', 'Police.', 'they'];
    const names = ['', '.', ' ', 'U.S.', 'the Interior Ministry.', 'health officials', 'Ministry .', 'it.'];
    for (let n = 0; n < 2000; n++) names.push(Array.from({ length: Math.floor(r() * 6) }, () => parts[Math.floor(r() * parts.length)]).join(''));
    let dropped = 0;
    for (const a of names) {
      expect(cleanAttribution(a), JSON.stringify(a)).toBe(plain(a));
      if (plain(a) !== null && a.trim().endsWith('.') && !plain(a)!.endsWith('.')) dropped++;
    }
    expect(cleanAttribution('the Interior Ministry.')).toBe('the Interior Ministry');
    expect(cleanAttribution('U.S.')).toBe('U.S.');
    expect(dropped).toBeGreaterThan(10);
  });

  it('figures with and without hyphens read as before', () => {
    const read = (s: string) => findNumbers(tokenize(s)).map((n) => [n.value, n.low, n.high, n.approx, n.notCount]);
    expect(read('1,500 people')).toEqual([[1500, 1500, 1500, 'exact', null]]);
    expect(read('2.5 people')).toEqual([[2.5, 2.5, 2.5, 'exact', 'measure']]);
    expect(read('2.5-3 people')).toEqual([[2.5, 2.5, 3, 'range', null]]);
    expect(read('300-600')).toEqual([[300, 300, 600, 'range', null]]);
    expect(read('a 25-year-old man')[0]).toEqual([25, 25, 25, 'exact', 'age']);
    expect(read('12-plus people')).toEqual([[12, 12, 13, 'at_least', null]]);
  });

});

describe('saidBy: SAID_BY searched from where a match can start', () => {
  const parts = [
    'the', 'The', 'Interior', 'Ministry', 'health', 'ministry', 'officials', 'police', 'Police', 'rights', 'groups', 'said', 'says', 'had', 'has',
    'put', 'the', 'toll', 'at', '20', 'reported', 'told', 'estimated', 'U.S.', "O'Brien", 'Smith’s', 'A&E', 'of', 'and', 'for', 'on', 'a', 'an',
    'Red', 'Cross', 'witnesses', 'were', 'killed', 'and', 'who', 'that', 'Ärzte', 'İstanbul', '\u212aelvin', 'Société', '(AP)', '—', '–', ':',
  ];
  const seps = [' ', ' ', ' ', ', ', '; ', ' "', '” ', '“', '\u00a0', '\n', '  ', ' (', ') ', ' - ', '/', '\u2028', '\t', '. '];
  const r = rng(21);
  const texts = ['', 'said', ' said', 'Police said', ', police said', 'X\u00a0said', '(Police said)', 'Ärzte said', 'the U.S. Embassy said.'];
  for (let n = 0; n < 6000; n++) {
    let t = '';
    const len = 1 + Math.floor(r() * 18);
    for (let k = 0; k < len; k++) t += (k ? seps[Math.floor(r() * seps.length)]! : '') + parts[Math.floor(r() * parts.length)]!;
    texts.push(t);
  }

  it('finds the match SAID_BY finds, with the same groups', () => {
    let found = 0;
    for (const t of texts) {
      const want = SAID_BY.exec(t);
      const got = saidBy(t);
      expect(got?.index, JSON.stringify(t)).toBe(want?.index);
      expect(got ? [...got] : null, JSON.stringify(t)).toEqual(want ? [...want] : null);
      if (want) found++;
    }
    // most texts hold a match after an aside, the case the fast path is for
    expect(found).toBeGreaterThan(500);
  });

  it('gives the attributions it gave', () => {
    expect(attributionIn('At least 8 people died, the Health Ministry said.')).toBe('the Health Ministry');
    expect(attributionIn('Six people were still missing (AP), the Red Cross said.')).toBe('the Red Cross');
    expect(attributionIn('Police put the toll at 20.')).toBe('Police');
    // names with letters outside ASCII are names too (they were read as no source before)
    expect(attributionIn('At least 3 died, Société Générale said')).toBe('Société Générale');
    expect(attributionIn('131 people were killed, Əli Həsənov said.')).toBe('Əli Həsənov');
    expect(attributionIn('The toll reached 40, said Türkiye’s AFAD.')).toBe('Türkiye’s AFAD');
    expect(attributionIn('A lower-case élan said nothing.')).toBeNull();
    expect(attributionIn('Nothing here.')).toBeNull();
  });
});

describe('BY_AFTER_OPENING: the test before the source after a figure is searched', () => {
  it('passes wherever BY_AFTER matches the slice after a figure', () => {
    const parts = [' ', ', ', ',', '\u00a0', '\n', 'as ', 'as\n', 'reported', 'given', 'estimated', 'counted', ' by ', ' by\u00a0', ' by', 'by ', 'the ', 'The ', 'Interior Ministry', 'UN', 'police', '.', ';', 'Reported'];
    const r = rng(5);
    let matched = 0;
    for (let n = 0; n < 4000; n++) {
      const text = Array.from({ length: 2 + Math.floor(r() * 9) }, () => parts[Math.floor(r() * parts.length)]!).join('');
      for (let at = 0; at <= text.length; at++) {
        const limit = at + Math.floor(r() * 40);
        const plain = BY_AFTER.exec(text.slice(at, limit));
        BY_AFTER_OPENING.lastIndex = at;
        const open = BY_AFTER_OPENING.test(text);
        if (plain) {
          matched++;
          expect(open, JSON.stringify([text, at, limit])).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(30);
  });

  it('still reads the source named after a figure', () => {
    const claims = analyzeText('The 63 detentions reported by the Interior Ministry came after 70 were arrested, police said.', { published: null, title: null, language: 'en' }).claims;
    expect(claims.map((c) => [c.value, c.attribution])).toEqual([[63, 'the Interior Ministry'], [70, 'police']]);
  });
});

describe('notCount: word patterns as sets, cheap tests first', () => {
  it('each set holds just the words its pattern matched', () => {
    const pairs: Array<[RegExp, string[]]> = [
      [/^(st|nd|rd|th)$/, ['st', 'nd', 'rd', 'th']],
      [/^(year|years|yr)-old$/, ['year-old', 'years-old', 'yr-old']],
      [/^(consecutive|straight|long|more|full|whole|additional|separate|different)$/, ['consecutive', 'straight', 'long', 'more', 'full', 'whole', 'additional', 'separate', 'different']],
    ];
    const r = rng(9);
    const bits = ['st', 'nd', 'rd', 'th', 'year', 's', '-old', 'yr', 'more', 'long', '\n', ' ', 'İ', '\u212a', 'ST', 'x'];
    for (const [re, words] of pairs) {
      const set = new Set(words);
      const tries = [...words, ...words.map((w) => `${w}\n`), ...words.map((w) => ` ${w}`), ''];
      for (let n = 0; n < 3000; n++) tries.push(Array.from({ length: 1 + Math.floor(r() * 4) }, () => bits[Math.floor(r() * bits.length)]!).join(''));
      for (const w of tries) expect(set.has(w), JSON.stringify(w)).toBe(re.test(w));
    }
  });

  it('marks what it marked', () => {
    const why = (s: string) => findNumbers(tokenize(s)).map((n) => n.notCount);
    expect(why('the 21st victim')).toEqual(['ordinal']);
    expect(why('a 25 year-old man')).toEqual(['age']);
    expect(why('three consecutive days')).toEqual(['duration']);
    expect(why('In 1999 the town')).toEqual(['year']);
    expect(why('1999 protesters marched')).toEqual([null]);
    expect(why('call 012345 now')).toEqual(['phone']);
    expect(why('call 12345 now')).toEqual([null]);
    expect(why('Route 66.')).toEqual(['label']);
  });
});

describe('findNumbers: words that open no number are passed over before cardinal', () => {
  it('reads words, hyphenated words and odd letters as before', () => {
    const read = (s: string) => findNumbers(tokenize(s)).map((n) => [n.value, n.low, n.high, n.approx, n.notCount]);
    expect(read('Twenty-One people, dozens more; ninety-nine İ \u212aILLED and forty-two-year-old')).toEqual([
      [21, 21, 21, 'exact', null], [24, 24, 99, 'vague', null], [99, 99, 99, 'exact', null],
    ]);
    expect(read('well-known non-fatal x-ray HALF a million, several hundred')).toEqual([[500_000, 500_000, 500_000, 'exact', null], [300, 300, 900, 'vague', null]]);
    expect(read('')).toEqual([]);
  });
});
