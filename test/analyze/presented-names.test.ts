import { describe, expect, it } from 'vitest';
import { notAPlace, places } from './not-a-place.js';

describe("a name that words present as a person's is no place", () => {
  notAPlace('presented-names.txt');
  it("a place's own name is still a place", () => {
    expect(places("The town's name is Florence, and 3 people died in Florence on Monday.")).toContain('Florence');
    expect(places('They moved as far as Nairobi before the storm.')).toContain('Nairobi');
  });
});
