/** The CLI's table: columns as wide as their widest cell, for any number of rows. */
import { describe, expect, it } from 'vitest';
import { table } from '../../src/cli/output.js';

describe('table', () => {
  it('pads each column but the last to its widest cell', () => {
    expect(table([['a', 'bbbb', 'x'], ['ccc', 'd', 'yy']], ['h1', 'h2', 'h3']).split('\n')).toEqual(['h1   h2    h3', 'a    bbbb  x', 'ccc  d     yy']);
  });

  it('prints 300,000 rows (reckon events on a million reports threw "Maximum call stack size exceeded" here)', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`ev-${i}`, String(i % 7)]);
    const lines = table(rows, ['event', 'n']).split('\n');
    expect(lines).toHaveLength(300_001);
    expect(lines[0]).toBe('event      n');
    expect(lines[300_000]).toBe('ev-299999  0');
  });
});
