import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

/** The people and organisations analyzeText finds in `text`, as "kind:text". */
const entities = (text: string): string[] =>
  analyzeText(text, { published: '2024-06-01', title: null, language: 'en' })
    .mentions.filter((m) => m.kind === 'person' || m.kind === 'org')
    .map((m) => `${m.kind}:${m.text}`);

describe('people and organisations', () => {
  it('an acronym alone is an organisation: two to six ASCII capitals', () => {
    expect(entities('They said NASA had left.')).toEqual(['org:NASA']);
    expect(entities('They said NASAA had left.')).toEqual(['org:NASAA']);
    expect(entities('They said ABCDEFG had left.')).toEqual([]);
    expect(entities('They said ÉU had left.')).toEqual([]);
    expect(entities('They said Nasa had left.')).toEqual([]);
  });
  it('a title of one or two words before a name makes it a person\'s', () => {
    expect(entities('He met sheriff Ali McKay there.')).toEqual(['person:Ali McKay']);
    expect(entities('He met deputy sheriff Ali McKay there.')).toEqual(['person:Ali McKay']);
    expect(entities('He met McKay Ali there.')).toEqual([]);
  });
});
