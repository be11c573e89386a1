import { describe, expect, it } from 'vitest';
import { gazetteer, hash32, NameTable, type Place } from '../../src/analyze/gazetteer.js';

const place = (name: string): Place => ({ id: `test:${name}`, name, kind: 'city', country: 'XX', region: null, population: 1, lat: null, lon: null });

describe('NameTable', () => {
  it('answers what the map answers, the same list objects, for keys and for strings that are none', () => {
    const map = new Map<string, Place[]>([['ankara', [place('Ankara')]], ['new york', [place('New York')]], ['i̇zmir', [place('İzmir')]], ['', [place('')]], ['x', []]]);
    const table = new NameTable(map);
    for (const [k, v] of map) expect(table.get(k)).toBe(v);
    for (const k of ['Ankara', 'ankar', 'ankara ', 'new', 'izmir', 'y', '\u212Aabul']) expect(table.get(k)).toBeUndefined();
    // a key made by concatenation (a cons string) is found as well
    const a = 'new';
    expect(table.get(`${a} york`)).toBe(map.get('new york'));
  });

  it('keeps keys of equal hash apart', () => {
    // find two strings with one hash32 (a birthday search over a few hundred thousand strings)
    const seen = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let k = 0; !pair; k++) {
      const s = `k${k.toString(36)}`;
      const h = hash32(s);
      const other = seen.get(h);
      if (other !== undefined) pair = [other, s];
      else seen.set(h, s);
    }
    expect(hash32(pair[0])).toBe(hash32(pair[1]));
    const one = [place('one')];
    const map = new Map<string, Place[]>([[pair[0], one]]);
    expect(new NameTable(map).get(pair[1])).toBeUndefined();
    const two = [place('two')];
    map.set(pair[1], two);
    const table = new NameTable(map);
    expect(table.get(pair[0])).toBe(one);
    expect(table.get(pair[1])).toBe(two);
  });

  it("holds the gazetteer's names", () => {
    const g = gazetteer();
    let n = 0;
    for (const [k, v] of g.byName) {
      if (n++ % 97) continue;
      expect(g.names.get(k)).toBe(v);
      expect(g.names.get(`${k}#`)).toBe(g.byName.get(`${k}#`));
    }
    expect(n).toBeGreaterThan(10_000);
  });
});
