/**
 * TextBuilder reads its tail from the parts when asked (no tail is kept up to date on each append).
 */
import { describe, expect, it } from 'vitest';
import { TextBuilder } from '../../src/core/offsets.js';

describe('TextBuilder.endsWith', () => {
  it('reads the last 16 characters across parts, synthetic ones included, before and after build', () => {
    const b = new TextBuilder();
    expect(b.endsWith('')).toBe(true);
    expect(b.endsWith('a')).toBe(false);
    b.append('Flooding in the north', 0, 21);
    b.appendSynthetic('\n\n');
    b.append('a', 30, 31);
    b.append('b', 31, 32);
    expect(b.endsWith('north\n\nab')).toBe(true);
    expect(b.endsWith('north\n\nb')).toBe(false);
    // up to 16 characters: a longer ending is not seen
    expect(b.endsWith('in the north\n\nab')).toBe(true);
    expect(b.endsWith('g in the north\n\nab')).toBe(false);
    const { text } = b.build();
    expect(text).toBe('Flooding in the north\n\nab');
    expect(b.endsWith('h\n\nab')).toBe(true);
    b.append('c', 32, 33);
    expect(b.endsWith('abc')).toBe(true);
  });
});
