/**
 * The whole-line alternation tried only with the patterns a line's first
 * two characters can open: it answers as the one expression of every
 * pattern does, for the furniture lists and for any line.
 */
import { describe, expect, it } from 'vitest';
import FURNITURE from '../../src/article/furniture.json' with { type: 'json' };
import { matchStarts, wholeLineTest } from '../../src/article/firstchar.js';
import { seededRandom } from '../helpers.js';

const whole = (ps: string[], flags: string) => new RegExp(`^(?:${ps.map((p) => `(?:${p})`).join('|')})$`, flags);
const shown = (p: string) => [...matchStarts(p)].map((s) => s.replace(/\u0000/g, '*')).sort();

describe('matchStarts', () => {
  it('reads literals, groups, alternatives and quantifiers to two characters', () => {
    expect(shown('abc')).toEqual(['ab']);
    expect(shown('a')).toEqual(['a']);
    expect(shown('a?b')).toEqual(['ab', 'b']);
    expect(shown('(x|yz)w')).toEqual(['xw', 'yz']);
    expect(shown('(?:x|)y?')).toEqual(['', 'x', 'xy', 'y']);
    expect(shown('a*')).toEqual(['', 'a', 'aa']);
    expect(shown('a{2,5}')).toEqual(['aa']);
    expect(shown('a{0,1}b')).toEqual(['ab', 'b']);
    expect(shown('\\d\\.')).toEqual([...'0123456789'].map((d) => `${d}.`));
    expect(shown('\\bno\\b')).toEqual(['no']);
  });

  it('takes classes, wildcards and unknown constructs for any character', () => {
    expect(shown('[ab]c')).toEqual(['*c']);
    expect(shown('\\wx')).toEqual(['*x']);
    expect(shown('\\s*x')).toEqual(['**', '*x', 'x']);
    expect(shown('\\1x')).toEqual(['**', '*x', 'x']);
    expect(shown('.x')).toEqual(['*x']);
    expect(shown('(?=a)b')).toEqual(['**', '*b', 'b']);
    expect(shown('(a')).toEqual(['', '*', '**']);
  });
});

describe('wholeLineTest', () => {
  const lists: [string, string[]][] = [
    ['furniture', FURNITURE.line],
    ['tail markers', FURNITURE.tailMarkers],
    ['credits', FURNITURE.credit],
  ];
  const examples = [
    'Share:', 'SHARE THIS ARTICLE', 'share on Facebook', 'Tweet', 'e-mail this', '3 min', '12 minutes read', 'Reading time: 4 min',
    'Related News', 'More stories from Valley Press', 'Read more', 'See also:', 'Also read', "Editor's picks", 'On the same topic',
    'More: Floods', 'View all stories', 'Search in the archive', 'Advertisement', 'AD', 'Sign up now to our newsletter', 'Follow us on X',
    'Tags: flood, rain', 'Comments', '12 comments', 'Add a comment', 'Most read', 'Next article', 'Back to top', '© 2024 Example Media',
    '©', '(c) 2024', 'All rights reserved.', 'a+', 'Photo: AP', 'Photo by Jane Doe', 'You might also be interested in', 'Latest headlines',
    'The flood', 'In 2006, a flood', 'Religious leaders called for calm.', 'x', '',
  ];

  it('answers as the one expression on the furniture lines and report lines', () => {
    for (const [name, ps] of lists) {
      const test = wholeLineTest(ps, 'i');
      const full = whole(ps, 'i');
      for (const s of examples) expect(test(s), `${name}: ${s}`).toBe(full.test(s));
    }
    expect(wholeLineTest(FURNITURE.line, 'i')('Advertisement')).toBe(true);
    expect(wholeLineTest(FURNITURE.line, 'i')('The advertisement')).toBe(false);
  });

  it('answers as the one expression whatever the first or second character (every UTF-16 code unit)', () => {
    for (const [name, ps] of lists) {
      const test = wholeLineTest(ps, 'i');
      const full = whole(ps, 'i');
      for (const s of ['Share:', 'Tags: x', '3 min', '© 2024', 'Photo: AP', 'a+', 'ad', 'x']) {
        for (let c = 0; c <= 0xffff; c += 1) {
          const ch = String.fromCharCode(c);
          const first = ch + s.slice(1);
          if (test(first) !== full.test(first)) expect(test(first), `${name}: ${JSON.stringify(first)}`).toBe(full.test(first));
          const second = s[0] + ch + s.slice(2);
          if (test(second) !== full.test(second)) expect(test(second), `${name}: ${JSON.stringify(second)}`).toBe(full.test(second));
        }
      }
    }
  });

  it('answers as the one expression on random lines made of pattern pieces, capitals and characters outside ASCII', () => {
    const rnd = seededRandom(23);
    const pieces = ['share', 'this', 'more', 'read', ' ', ':', 'ad', 'photo', ' by ', 'Photo', '©', '(c)', '1', '12', 'min', 'tags', 'é', 'É', 'İ', '\u212a', 'ſ', '\u00a0', 'a', '+', '-', 'x', 'ST', 'news'];
    const tests = lists.map(([, ps]) => [wholeLineTest(ps, 'i'), whole(ps, 'i')] as const);
    for (let n = 0; n < 20000; n++) {
      let s = '';
      const k = Math.floor(rnd() * 5);
      for (let i = 0; i < k; i++) s += pieces[Math.floor(rnd() * pieces.length)];
      for (const [test, full] of tests) expect(test(s), JSON.stringify(s)).toBe(full.test(s));
    }
  });

  it('falls back to the one expression under the u flag', () => {
    const test = wholeLineTest(['\\p{Lu}x', 'ab'], 'iu');
    expect(test('Éx')).toBe(true);
    expect(test('AB')).toBe(true);
    expect(test('éy')).toBe(false);
  });
});
