import { describe, expect, it } from 'vitest';
import { notAPlace, places } from './not-a-place.js';

describe('a name that speaks is a source, no place', () => {
  notAPlace('speaking-names.txt');
  it('a name after "in", "at" or "from" before the verb is where the speakers are', () => {
    expect(places('Officials in Moscow said 19 people died.')).toContain('Moscow');
    expect(places('Reporters at Tbilisi reported 20 dead.')).toContain('Tbilisi');
  });
});
