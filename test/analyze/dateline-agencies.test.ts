import { describe, expect, it } from 'vitest';
import { notAPlace, places } from './not-a-place.js';

describe("a dateline's agency is no place", () => {
  notAPlace('dateline-agencies.txt');
  it('a bracketed place before a dash inside a sentence is still a place', () => {
    expect(places('The convoy went from the capital (Kabul) - officials said - to the border.')).toContain('Kabul');
    expect(places('Flooding hit Lagos (Nigeria) - at least 4 people died.')).toContain('Nigeria');
  });
});
