/**
 * HTML fragments (feed items, JSON "html" fields) → text with a map back to
 * the fragment: entities, whitespace, blocks, skipped elements, and the
 * offset invariant on generated fragments.
 */
import { describe, expect, it } from 'vitest';
import { htmlFragmentText } from '../../src/article/htmltext.js';
import { OffsetMap } from '../../src/core/offsets.js';
import { offsetProblems, seededRandom } from '../helpers.js';

function text(html: string): string {
  const r = htmlFragmentText(html);
  expect(offsetProblems({ source: 'fragment', original: html, text: r.text, segments: r.segments })).toEqual([]);
  return r.text;
}

describe('htmlFragmentText', () => {
  it.each([
    ['<p>A&nbsp;&nbsp;B</p>', 'A B'],
    ['<p><b>12</b> <i>people</i> were killed</p><p>Second&#8212;para &amp; more</p>', '12 people were killed\n\nSecond—para & more'],
    ['caf&eacute; au lait, na&iuml;ve', 'café au lait, naïve'],
    ['Line one<br>Line two<br/><br/>Line four', 'Line one\nLine two\nLine four'],
    ['<div>text<script>var x = "<p>no</p>";</script> after</div>', 'text after'],
    ['<style>p { color: red }</style><!-- a comment --><p>after</p>', 'after'],
    ['<p>  leading and trailing  </p>\n\n<p>\tTabbed</p>', 'leading and trailing\n\nTabbed'],
    ['plain text with &lt;tags&gt; escaped', 'plain text with <tags> escaped'],
    ['<ul><li>one</li><li>two</li></ul>', 'one\n\ntwo'],
    ['<p>Smart&rsquo;s &ldquo;quote&rdquo;</p>', 'Smart’s “quote”'],
    ['<table><tr><td>12</td><td>killed</td></tr></table>', '12\n\nkilled'],
    ['<p>emoji 😀 &#128512; ok</p>', 'emoji 😀 😀 ok'],
  ])('%s', (html, want) => {
    expect(text(html)).toBe(want);
  });

  it('maps a span of the text back to the words of the fragment', () => {
    const html = '<p>Police said <b>12&nbsp;people</b> were killed in <a href="/x">Ohrid</a>.</p>';
    const r = htmlFragmentText(html);
    const map = new OffsetMap(r.segments);
    const at = r.text.indexOf('were killed in Ohrid');
    const [s, e] = map.toOriginal(at, at + 'were killed in Ohrid'.length)!;
    expect(html.slice(s, e)).toBe('were killed in <a href="/x">Ohrid');
    const n = r.text.indexOf('12');
    expect(html.slice(...map.toOriginal(n, n + 2)!)).toBe('12');
  });

  it('keeps the offset invariant on generated fragments', () => {
    const pieces = [
      'word', 'Ohrid', '12', ' ', '  ', '\n', '\t', '&amp;', '&nbsp;', '&#8212;', '&eacute;', '&lt;', '&bogus;', '<b>', '</b>', '<i>', '</i>', '<p>', '</p>',
      '<br>', '<div>', '</div>', '<li>', '<script>x<y</script>', '<!-- c -->', '<a href="u">', '</a>', '😀', 'é', '.', ',',
    ];
    const rnd = seededRandom(2024);
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(rnd() * 40);
      let html = '';
      for (let i = 0; i < n; i++) html += pieces[Math.floor(rnd() * pieces.length)]!;
      const r = htmlFragmentText(html);
      const problems = offsetProblems({ source: JSON.stringify(html), original: html, text: r.text, segments: r.segments }, 50, k + 1);
      expect(problems).toEqual([]);
      expect(r.text).not.toMatch(/^\s|\s$/);
    }
  });
});
