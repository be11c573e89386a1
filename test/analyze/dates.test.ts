import { describe, expect, it } from 'vitest';
import { datePlaces, findDates } from '../../src/analyze/dates.js';
import { MONTH_PATTERN } from '../../src/core/dates.js';

const spans = (text: string, published: string | null = null) =>
  findDates(text, published).map((d) => ({ text: d.text, kind: d.kind, span: d.span ? `${d.span.start}/${d.span.end}` : null }));

describe('dates', () => {
  it('reads explicit dates and ranges', () => {
    expect(spans('On the night of January 19-20, 1990, troops entered.')).toEqual([{ text: 'the night of January 19-20, 1990', kind: 'explicit', span: '1990-01-19/1990-01-20' }]);
    expect(spans('on the night of January 19 to 20, 1990')[0]!.span).toBe('1990-01-19/1990-01-20');
    expect(spans('On March 29, 1994, the assembly met.')[0]!.span).toBe('1994-03-29/1994-03-29');
    expect(spans('on 12 March 2021')[0]!.span).toBe('2021-03-12/2021-03-12');
    expect(spans('in January 1990')[0]!.span).toBe('1990-01-01/1990-01-31');
    expect(spans('published 2024-01-20')[0]!.span).toBe('2024-01-20/2024-01-20');
  });
  it('reads a day of mourning as recurring only when the date names it ("made January 20 a Day of National Mourning")', () => {
    expect(spans('In 1990 the state made January 20 a Day of National Mourning.')[1]).toMatchObject({ text: 'January 20', kind: 'recurring' });
    const once = spans('The march was on 21 March 1960. He burned his pass on 26 March and called for a day of mourning on 28 March.');
    expect(once.map((d) => d.span)).toEqual(['1960-03-21/1960-03-21', '1960-03-26/1960-03-26', '1960-03-28/1960-03-28']);
  });
  it('reads an anniversary\'s day from "N years ago today" (in words or digits)', () => {
    expect(spans('Ten years ago this morning, the building fell.', '2023-04-24')).toEqual([{ text: 'Ten years ago this morning', kind: 'relative', span: '2013-04-24/2013-04-24' }]);
    expect(spans('It happened twenty-one years ago today.', '2025-09-03')[0]!.span).toBe('2004-09-03/2004-09-03');
    expect(spans('Nineteen years ago this week, troops fired.', '2024-05-14')[0]!.span).toBe('2005-05-11/2005-05-17');
    // without the day, a year
    expect(spans('Nineteen years ago, troops fired.', '2024-05-14')[0]!.span).toBe('2005-01-01/2005-12-31');
  });
  it('reads the year an anniversary or "N years on" looks back to, and no "years on end"', () => {
    expect(spans('To mark the 30th anniversary of the shooting, crowds gathered.', '2014-05-10')[0]).toMatchObject({ text: '30th anniversary', span: '1984-01-01/1984-12-31' });
    expect(spans('Forty years on, nobody has been charged.', '2020-05-18')[0]!.span).toBe('1980-01-01/1980-12-31');
    expect(spans('It was the twenty-fifth anniversary.', '2019-06-04')[0]!.span).toBe('1994-01-01/1994-12-31');
    expect(spans('They waited for years on end.', '2019-06-04')).toEqual([]);
    expect(spans('On its six-month anniversary, the site reopened.', '2019-06-04')).toEqual([]);
  });
  it('does not read a dateline\'s dash and the count after it as a range of days', () => {
    expect(spans('LIMA, August 14 — 1 woman was killed.', '2023-08-14')).toEqual([{ text: 'August 14', kind: 'partial', span: '2023-08-14/2023-08-14' }]);
    expect(spans('on March 3-5', '2023-08-14')[0]!.span).toBe('2023-03-03/2023-03-05');
  });
  it('takes the year of a partial date from the dates before it', () => {
    const d = spans('On January 19, 1990, troops came. Eight more died on January 25–26.');
    expect(d[1]).toMatchObject({ text: 'January 25–26', kind: 'partial', span: '1990-01-25/1990-01-26' });
  });
  it('takes the year of a partial date from a bare year only when that year sets a scene', () => {
    // "In 1990, …" sets the scene; "the songs of 1990" or "since 1990" in a 2015 report does not
    expect(spans('In 1990, the students marched. On 28 April the police came.', '2015-06-04')[1]!.span).toBe('1990-04-28/1990-04-28');
    expect(spans('The crowd sang the songs of 1990. A march on 28 April drew thousands.', '2015-06-04')[1]!.span).toBe('2015-04-28/2015-04-28');
    expect(spans('Nobody has been charged since 1990. On 28 April a court heard the case.', '2015-06-04')[1]!.span).toBe('2015-04-28/2015-04-28');
  });
  it('takes the year of a partial date from the publication date when nothing precedes it', () => {
    expect(spans('The blast on March 3 killed nine.', '2021-03-05')[0]!.span).toBe('2021-03-03/2021-03-03');
    // a day after the publication day in the year means last year
    expect(spans('The blast on December 30 killed nine.', '2021-01-05')[0]!.span).toBe('2020-12-30/2020-12-30');
  });
  it('resolves relative dates against the publication date', () => {
    expect(spans('operations of September 19-20 last year', '2024-01-20')[0]).toMatchObject({ kind: 'explicit', span: '2023-09-19/2023-09-20' });
    expect(spans("last year's measures of March 3-4 ended it", '2024-01-20').find((d) => d.text === 'March 3-4')!.span).toBe('2023-03-03/2023-03-04');
    expect(spans('Yesterday two people died.', '2024-01-20')[0]!.span).toBe('2024-01-19/2024-01-19');
    expect(spans('It happened last year.', '2024-01-20')[0]!.span).toBe('2023-01-01/2023-12-31');
    expect(spans('On Friday night a fire broke out.', '2024-01-20')[0]!.span).toBe('2024-01-19/2024-01-19');
  });
  it('reads which way a weekday points', () => {
    // 2024-05-12 is a Sunday
    const pub = '2024-05-15';
    expect(spans('On Monday two people died.', pub)[0]!.span).toBe('2024-05-13/2024-05-13');
    // "last Monday" said on a Monday is the Monday before
    expect(spans('Last Monday two people died.', '2024-05-13')[0]!.span).toBe('2024-05-06/2024-05-06');
    expect(spans('On Monday two people died.', '2024-05-13')[0]!.span).toBe('2024-05-13/2024-05-13');
    // "next Friday", "this coming Friday": after publication
    expect(spans('The trial opens next Friday.', pub)[0]!.span).toBe('2024-05-17/2024-05-17');
    expect(spans('The march is planned for this coming Saturday.', pub)[0]!.span).toBe('2024-05-18/2024-05-18');
    // "by Monday" in a narrative that has reached a day: the first Monday from that day on
    const d = spans('Police detained 40 people on May 12, 2024. By Monday morning, 11 had been released.', '2024-05-12');
    expect(d.find((x) => x.text.startsWith('Monday'))!.span).toBe('2024-05-13/2024-05-13');
    // a look back to an earlier day does not move the narrative back
    const back = spans('Police detained 40 people on May 12, 2024. On April 30, they had arrested 14. By Monday morning, 11 had been released.', '2024-05-12');
    expect(back.find((x) => x.text.startsWith('Monday'))!.span).toBe('2024-05-13/2024-05-13');
    // without a day named before it, "by Monday" is read like "on Monday"
    expect(spans('By Monday, 40 had died.', pub)[0]!.span).toBe('2024-05-13/2024-05-13');
  });
  it('finds every weekday in both directions, across months and years', () => {
    // the old way: a day at a time until the weekday
    const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    const seek = (from: number, wd: number, step: number) => {
      let t = from;
      while (new Date(t).getUTCDay() !== wd) t += step * 864e5;
      return iso(t);
    };
    let checked = 0;
    for (let day = 0; day < 10; day++) {
      const pub = Date.UTC(2023, 11, 26 + day);
      for (let wd = 0; wd < 7; wd++) {
        const [past, before, next] = findDates(`On ${names[wd]} it began, last ${names[wd]} it grew, next ${names[wd]} it ends.`, iso(pub)).map((d) => d.span!.start);
        expect(past).toBe(seek(pub, wd, -1));
        expect(before).toBe(seek(pub - 864e5, wd, -1));
        expect(next).toBe(seek(pub + 864e5, wd, 1));
        checked++;
      }
    }
    expect(checked).toBe(70);
  });
  it('leaves relative dates unresolved without a reference', () => {
    expect(spans('Today a minute of silence is held.')[0]).toMatchObject({ kind: 'relative', span: null });
  });
  it('marks dates used as names and recurring commemorations', () => {
    expect(spans('the January 20 tragedy')[0]!.kind).toBe('name');
    expect(spans('the tragedy of January 20 changed everything')[0]!.kind).toBe('name');
    expect(spans('Every year on January 20, people gather.')[0]!.kind).toBe('recurring');
    expect(spans('20 Yanvar faciəsi')[0]!.kind).toBe('name');
  });
  it('reads years and decades', () => {
    expect(spans('In 1994 the office ruled.')[0]).toMatchObject({ kind: 'year', span: '1994-01-01/1994-12-31' });
    expect(spans('in the 1990s')[0]!.span).toBe('1990-01-01/1999-12-31');
    // a number of people is no year
    expect(spans('2000 people marched')).toEqual([]);
  });
  it('reads the prefixes before a month or a weekday, and non-ASCII text, wherever they start', () => {
    // the patterns are searched for only near a month name or a weekday: what comes before must still be read
    const pub = '2024-05-15';
    const read = (t: string) => findDates(t, pub).map((d) => `${d.text}|${d.kind}|${d.span?.start ?? null}`);
    expect(read('The bathe night of January 19-20, 1990 ended.')).toEqual(['the night of January 19-20, 1990|explicit|1990-01-19']);
    expect(read('In mid-January 1990 and on the early morning of 3 to 4 March 2001.')).toEqual(['mid-January 1990|explicit|1990-01-01', 'the early morning of 3 to 4 March 2001|explicit|2001-03-03']);
    expect(read('Fri,\u00a0Jan. 5 it rained; on Monday evening\u2009and LAST SUNDAY.')).toEqual(['Fri,\u00a0Jan. 5|partial|2024-01-05', 'on Monday evening|relative|2024-05-13', 'LAST SUNDAY|relative|2024-05-12']);
    expect(read('😀20 Yanvar, 5 Şubat, 12 août')).toEqual(['20 Yanvar|name|null', '5 Şubat|name|null', '12 août|name|null']);
    expect(read('It was the following week, this evening and last year.')).toEqual(['the following week|relative|null', 'this evening|relative|2024-05-15', 'last year|relative|2023-01-01']);
  });

  it('reads numeric dates (looked for only where a digit, a separator and a digit are)', () => {
    expect(spans('on 05.03.2021, on 3/5/2021 and on 2021-03-07; 1.5-2 million')).toEqual([
      { text: '05.03.2021', kind: 'explicit', span: '2021-03-05/2021-03-05' },
      { text: '3/5/2021', kind: 'explicit', span: '2021-03-05/2021-03-05' },
      { text: '2021-03-07', kind: 'explicit', span: '2021-03-07/2021-03-07' },
    ]);
    expect(spans('2021-03-07')[0]!.text).toBe('2021-03-07');
  });
  describe('datePlaces', () => {
    // the four scans that datePlaces replaces, the old, simple way
    const startsOf = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => m.index!);
    const reference = (text: string) => ({
      months: startsOf(new RegExp(`(?:${MONTH_PATTERN})`, 'g'), text),
      dayEnds: startsOf(/day\b/gi, text),
      relativeWords: startsOf(/\b(?:today|tonight|tomorrow|yesterday|this|last|next|past|following|previous)\b/gi, text),
      agos: startsOf(/\b(?:ago|later|earlier)\b/gi, text),
    });
    it('finds months, words ending in "day", relative words and "ago", "later", "earlier"', () => {
      expect(datePlaces('Yesterday, on Monday 3 June, two days later and Sept. 4 last year')).toEqual({
        months: [23, 48], dayEnds: [6, 17], relativeWords: [0, 56], agos: [38],
      });
      expect(datePlaces('')).toEqual({ months: [], dayEnds: [], relativeWords: [], agos: [] });
      // at the ends of the text, in any case, with a month inside a word and none in lower case or in capitals
      expect(datePlaces('TODAY Mayor JUNE june Decade AGO')).toEqual({ months: [6, 22], dayEnds: [2], relativeWords: [0], agos: [29] });
      // \b: digits and _ are word characters (no "day" ends "today_"), no-break spaces and line breaks are not
      expect(datePlaces('today_ 5today yesterday\u00a0ago\nlater')).toEqual({ months: [], dayEnds: [10, 20], relativeWords: [14], agos: [24, 28] });
      // İ, ı, ſ and the Kelvin sign are not folded onto ASCII letters without the u flag
      expect(datePlaces('thİs laſt da\u212a İday todaı')).toEqual({ months: [], dayEnds: [15], relativeWords: [], agos: [] });
    });
    it('gives what the four scans gave, on random text', () => {
      // pieces that start and end the words of the lists, glued by spaces, letters, digits and other characters
      const pieces = ['day', 'DAY', 'Day', 'to', 'To', 'yester', 'night', 'morrow', 'this', 'LAST', 'next', 'past', 'following', 'previous', 'ago', 'Later', 'earlier',
        'Jan', 'January', 'June', 'Jul', 'May', 'Mar', 'Sept', 'Dec', 'Nov', 'Oct', 'Apr', 'Aug', 'Feb', 'Ju', 'ly', 'n', 'ec', 'a', 'y', 'er', 'lier', 'e', 'S',
        ' ', ' ', ' ', '\u00a0', '\n', '.', ',', '-', '_', '1', '7', 'İ', 'ı', 'ſ', '\u212a', '😀', 'é'];
      let seed = 12345;
      const rand = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      let found = 0;
      for (let k = 0; k < 3000; k++) {
        let text = '';
        const len = rand(14);
        for (let i = 0; i < len; i++) text += pieces[rand(pieces.length)];
        const got = datePlaces(text);
        expect(got, JSON.stringify(text)).toEqual(reference(text));
        found += got.months.length + got.dayEnds.length + got.relativeWords.length + got.agos.length;
      }
      // the random texts hold many places of each kind
      expect(found).toBeGreaterThan(3000);
    });
  });
});
