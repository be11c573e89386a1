import { describe, expect, it } from 'vitest';
import { TRIGGER_WORDS } from '../../src/analyze/claims/lexicon.js';
import { WordShapes } from '../../src/analyze/shapes.js';
import { tokenize } from '../../src/analyze/text.js';

describe('WordShapes', () => {
  it('passes every word it was built from', () => {
    const words = ['killed', 'a', 'İstanbul', 'K', 'K' /* Kelvin sign */, 'non-life-threatening', 'x'.repeat(40), ''];
    const shapes = new WordShapes(words);
    for (const w of words) expect(shapes.mayHold(w)).toBe(true);
    const triggers = new WordShapes(TRIGGER_WORDS);
    for (const w of TRIGGER_WORDS) expect(triggers.mayHold(w)).toBe(true);
  });

  it('turns away words of another length, first or last letter', () => {
    const shapes = new WordShapes(['killed']);
    for (const w of ['kill', 'killer', 'milled', 'kilted2', 'killed\u00a0', '', 'k']) expect(shapes.mayHold(w)).toBe(false);
    expect(shapes.mayHold('kxxxxd')).toBe(true); // same shape: the set decides
    expect(shapes.mayHold('Killed')).toBe(true); // capitals share their letter's bits (token lower cases are asked)
  });

  it('never turns away a word of the set (random words and text tokens)', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) >>> 16) % n;
    const alphabet = 'abkdeilsy-İıK\u00a0’é';
    const words: string[] = [];
    for (let k = 0; k < 300; k++) words.push(Array.from({ length: 1 + rnd(8) }, () => alphabet[rnd(alphabet.length)]).join(''));
    const set = new Set(words.slice(0, 100));
    const shapes = new WordShapes(set);
    let turnedAway = 0;
    for (const w of words) {
      if (set.has(w)) expect(shapes.mayHold(w)).toBe(true);
      else if (!shapes.mayHold(w)) turnedAway++;
    }
    expect(turnedAway).toBeGreaterThan(50);
    const triggers = new WordShapes(TRIGGER_WORDS);
    const text = 'Three people were killed and 12 injured in İzmir on Monday; non-life-threatening wounds, police said.\nTwo died.';
    for (const t of tokenize(text)) if (TRIGGER_WORDS.has(t.lower)) expect(triggers.mayHold(t.lower)).toBe(true);
    expect(tokenize(text).filter((t) => triggers.mayHold(t.lower)).length).toBeLessThan(tokenize(text).length / 2);
  });
});
