/**
 * Grouping by event names: a name of its own ("name:") joins the reports that use it most; a place's name
 * before an event word ("at:kabul bombing") joins only reports whose main days agree, since a place has many.
 */
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../src/core/types.js';
import { groupEvents, signatureOf, type DocSignature, type DocumentMeta } from '../../src/reconcile/index.js';

const meta = (id: string): DocumentMeta => ({ id, source: `r/${id}.txt`, title: null, outlet: null, published: '2024-06-01', language: 'en', url: null, text: '' });
const sig = (key: string, text: string, day: string | null, place: string | null = null): DocSignature => ({
  keys: [[key, 2, [[text, 2]]]],
  day: day ? { start: day, end: day } : null,
  place,
  places: place ? [[place, 1]] : [],
  claims: 1,
});
/** The groups of these reports, as sorted lists of ids, sorted. */
function groups(reports: Record<string, DocSignature>): string[][] {
  const documents = Object.keys(reports).map(meta);
  return groupEvents(documents, new Map(Object.entries(reports)))
    .map((g) => g.documents.map((d) => d.id).sort())
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe('grouping by a place and an event word', () => {
  it('joins reports of agreeing days (overlapping or touching), whatever their main places', () => {
    expect(
      groups({
        a: sig('at:kabul bombing', 'Kabul bombing', '2024-05-10', 'Kabul'),
        b: sig('at:kabul bombing', 'the Kabul bombing', '2024-05-11', 'Afghanistan'),
        c: sig('at:kabul bombing', 'Kabul bombing', '2024-08-02', 'Kabul'),
        d: sig('at:kabul bombing', 'Kabul bombing', null, 'Kabul'),
      }),
    ).toEqual([['a', 'b'], ['c'], ['d']]);
  });

  it('names the group by it, before a date-built name', () => {
    const documents = ['a', 'b'].map(meta);
    const both = (day: string): DocSignature => ({ keys: [['date:02-26', 3, [['February 26 tragedy', 3]]], ['at:khojaly genocide', 2, [['Khojaly genocide', 2]]]], day: { start: day, end: day }, place: null, places: [], claims: 1 });
    const [g] = groupEvents(documents, new Map([['a', both('1992-02-26')], ['b', both('1992-02-26')]]));
    expect(g!.name).toBe('Khojaly genocide');
    expect(g!.aliases).toContain('February 26 tragedy');
  });

  it('places an event named after a place there, however many towns its reports are written from', () => {
    // reports from four towns: without the name, an event that covers an area (a figure for a town is a part of it)
    const from = (place: string, others: string[], key = true): DocSignature => ({
      keys: key ? [['at:ridgefield disaster', 2, [['the Ridgefield disaster', 2]]]] : [],
      day: { start: '1989-04-15', end: '1989-04-15' },
      place,
      places: [[place, 3], ...others.map((p): [string, number] => [p, 1])],
      claims: 2,
    });
    const reports = (key: boolean) => new Map([['a', from('Ashby', ['Ridgefield', 'Corby'], key)], ['b', from('Ridgefield', ['Ashby', 'Corby'], key)], ['c', from('Corby', ['Dunmore', 'Ridgefield', 'Ashby'], key)]]);
    const named = groupEvents(['a', 'b', 'c'].map(meta), reports(true));
    expect(named).toHaveLength(1);
    expect(named[0]!.spread).toBeUndefined();
    expect(named[0]!.home).toContain('ridgefield');
    const unnamed = groupEvents(['a', 'b', 'c'].map(meta), reports(false));
    expect(unnamed).toHaveLength(1);
    expect(unnamed[0]!.spread).toBe(true);
  });

  it('a name of its own still joins reports whatever their days', () => {
    expect(
      groups({
        a: sig('name:black january', 'Black January', '1990-01-20'),
        b: sig('name:black january', 'Black January', '2020-01-20'),
        c: sig('name:black january', 'Black January', null),
      }),
    ).toEqual([['a', 'b', 'c']]);
  });
});

describe('grouping by a building', () => {
  const at = (day: string | null, place: string, sites: string[]): DocSignature => ({ keys: [], day: day ? { start: day, end: day } : null, place, places: [[place, 2]], claims: 2, sites });
  it('joins the reports of one building in one place over weeks, and a background piece without a day', () => {
    expect(
      groups({
        a: at('2024-03-04', 'Savar', ['harlan plaza', 'fire service']),
        b: at('2024-03-09', 'Savar', ['harlan plaza']),
        c: at('2024-03-30', 'Savar', ['harlan plaza', 'labour court']),
        d: at(null, 'Savar', ['harlan plaza']),
        // another town's building of the same name, and the same building half a year on
        e: at('2024-03-05', 'Tongi', ['harlan plaza']),
        f: at('2024-10-01', 'Savar', ['harlan plaza']),
      }),
    ).toEqual([['a', 'b', 'c', 'd'], ['e'], ['f']]);
  });
  it('not by an organisation\'s name (a union, a court): many events name the same ones', () => {
    expect(groups({ a: at('2024-03-04', 'Savar', ['fire service']), b: at('2024-03-20', 'Savar', ['fire service']) })).toEqual([['a'], ['b']]);
  });
});

describe('the main day of a report', () => {
  const date = (start: string, at: number): Mention => ({ kind: 'date', text: start, value: start, start: at, end: at + 10, textStart: at, textEnd: at + 10, data: { start, end: start, precision: 'day', kind: 'explicit' } });
  const told = (day: string) => ({ time: { start: day, end: day, precision: 'day' as const, inferred: false }, category: 'killed', relation: null });
  const mentions = [date('2014-04-16', 10), date('2014-11-11', 400)];
  const claims = [told('2014-11-11'), told('2014-11-11'), { time: { start: '2014-04-16', end: '2014-04-16', precision: 'day' as const, inferred: true }, category: 'killed', relation: null }];
  it('of a report without a date is its first day, when earlier than its figures\' (an explainer tells its event first)', () => {
    expect(signatureOf(null, claims, mentions).day).toEqual({ start: '2014-04-16', end: '2014-04-16' });
  });
  it('of a dated report is the day most of its figures are about', () => {
    expect(signatureOf('2014-11-12', claims, mentions).day).toEqual({ start: '2014-11-11', end: '2014-11-11' });
  });
});

describe('an event at one place, told from elsewhere by one report', () => {
  it('is no event that covers an area when one place is the most named of most of its reports', () => {
    const at = (place: string, others: string[]): DocSignature => ({ keys: [], day: { start: '2005-05-13', end: '2005-05-13' }, place, places: [[place, 4], ...others.map((p): [string, number] => [p, 1])], claims: 2 });
    const reports = new Map([
      ['a', at('Ashby', ['Corby'])],
      ['b', at('Ashby', ['Dunmore'])],
      ['c', at('Ashby', ['Corby'])],
      // (the refugees' camps across the border: this report's most named place, and the event's still)
      ['d', { ...at('Ellon', ['Fenwick']), places: [['Ellon', 4], ['Ashby', 3], ['Fenwick', 1]] } as DocSignature],
    ]);
    const [g] = groupEvents(['a', 'b', 'c', 'd'].map(meta), reports);
    expect(g!.documents).toHaveLength(4);
    expect(g!.spread).toBeUndefined();
    expect(g!.home).toContain('ashby');
  });
});

describe('a report without a main day', () => {
  const dated = (day: string, place: string): DocSignature => ({ keys: [], day: { start: day, end: day }, place, places: [[place, 3]], claims: 2 });
  const undated = (place: string, years?: number[]): DocSignature => ({ keys: [], day: null, place, places: [[place, 3]], claims: 2, ...(years ? { years } : {}) });
  it('joins the one event at its main place in a year it names', () => {
    expect(groups({ a: dated('2005-05-13', 'Ashby'), b: dated('2005-05-14', 'Ashby'), c: undated('Ashby', [2005, 2026]), d: dated('2009-02-01', 'Ashby') })).toEqual([['a', 'b', 'c'], ['d']]);
  });
  it('stays alone when it names no year, or when that place and year have two events', () => {
    expect(groups({ a: dated('2005-05-13', 'Ashby'), c: undated('Ashby') })).toEqual([['a'], ['c']]);
    expect(groups({ a: dated('2005-05-13', 'Ashby'), b: dated('2005-09-20', 'Ashby'), c: undated('Ashby', [2005]) })).toEqual([['a'], ['b'], ['c']]);
    expect(groups({ a: dated('2005-05-13', 'Ashby'), c: undated('Corby', [2005]) })).toEqual([['a'], ['c']]);
  });
  it('keeps the years its dates name (not those counted back from a day it does not have)', () => {
    const year = (y: string, at: number, kind = 'explicit'): Mention => ({ kind: 'date', text: y, value: y, start: at, end: at + 4, textStart: at, textEnd: at + 4, data: { start: `${y}-01-01`, end: `${y}-12-31`, precision: 'year', kind } });
    expect(signatureOf(null, [], [year('2005', 10), year('2005', 50), year('1999', 90, 'relative')]).years).toEqual([2005]);
    // (a report with a main day is grouped by it)
    const day: Mention = { ...year('2005', 30), data: { start: '2005-05-13', end: '2005-05-13', precision: 'day', kind: 'explicit' } };
    expect(signatureOf('2026-05-13', [], [year('2005', 10), day]).years).toBeUndefined();
  });
});
