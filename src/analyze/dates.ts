/**
 * Date mentions: explicit dates and ranges ("January 19-20, 1990", "the night
 * of January 19 to 20"), partial dates that take their year from context
 * ("January 25–26"), years and decades, numeric dates, and relative ones
 * ("last year", "yesterday", "Friday", "two days later") resolved against the
 * publication date or the dates before them. A date used as an event's name
 * ("the January 20 tragedy") or as a recurring commemoration ("every year on
 * January 20") is marked so, and never taken for a day of the event.
 */
import TIME from './lexicon/time.json' with { type: 'json' };
import { MONTHS, MONTH_PATTERN, addDays, daysInMonth, isoDate, validDate, weekday } from '../core/dates.js';
import type { TimeSpan } from '../core/types.js';

export type DateKind = 'explicit' | 'partial' | 'relative' | 'recurring' | 'name' | 'year';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  span: TimeSpan | null;
  kind: DateKind;
  /** "the night of …" */
  night: boolean;
}

const WEEKDAYS = TIME.weekdays as Record<string, number>;
const FOREIGN_MONTHS = TIME.foreignMonths as Record<string, number>;
const RELATIVE_DAYS = TIME.relativeDays as Record<string, number>;
const WD = 'Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sun|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat';
const M = `(?:${MONTH_PATTERN})\\.?`;
const D = '(\\d{1,2})(?:st|nd|rd|th)?';
const SEP = '\\s*(?:-|–|—|to|and|through|till|until)\\s*';
const PART = '(?:(?:the\\s+)?(?:(?:early|late)\\s+)?(night|morning|evening|afternoon|early hours|small hours|early morning)\\s+(?:of\\s+|on\\s+)?)';
const EVENT_HEADS = 'tragedy|tragedies|massacre|events|event|martyrs|attack|attacks|bombing|bombings|shooting|shootings|uprising|crackdown|incident|incidents|genocide|pogrom|pogroms|riots|killings|revolution|movement|victims|day of';

/** After a day a range ends on, what shows it is a count instead: "MANDALAY, April 27 — 29 residents were injured" */
const COUNTED_AFTER = "(?:people|persons|men|women|children|(?!(?:has|was|is|as|this|its|his|does|says|goes|shows|marks|sees)\\b)[a-z]{2,}s)\\b";
/** Month D[–D2][, YYYY] with an optional part of day and weekday before it. */
const MDY = new RegExp(
  `${PART}?(?:(?:${WD}),?\\s+)?(${M})\\s+${D}(?:${SEP}(?:(${M})\\s+)?${D}(?!\\s+${COUNTED_AFTER}))?(?:\\s*,?\\s+(\\d{4})\\b|,\\s*(\\d{4})\\b)?(?!\\d)`,
  'g',
);
/** D[–D2] Month [YYYY] */
const DMY = new RegExp(`${PART}?\\b${D}(?:${SEP}${D})?\\s+(?:of\\s+)?(${M})(?:,?\\s+(\\d{4}))?\\b`, 'g');
/** Month YYYY */
const MY = new RegExp(`\\b(?:(?:early|late|mid)[\\s-])?(${M})\\s+(?:of\\s+)?(\\d{4})\\b`, 'g');
/**
 * Where MDY, DMY and MY can match. Their optional prefixes (a part of day, a weekday, "early") start at almost
 * every letter, so a scan for a whole pattern tries it at almost every character (MDY cost 15 µs a report);
 * each is tried instead only from a little before a month name at which the rest of it, its core, matches
 * (matchesNear). Every month of the three starts at one of DatePlaces.months, the core of a match holds at
 * its month, and before the month there are only the characters of the prefix (for DMY, also the day and a
 * range).
 */
const MDY_CORE = new RegExp(`${M}\\s+\\d{1,2}(?!\\d)`, 'y');
const DMY_CORE = new RegExp(`(?<=\\d(?:st|nd|rd|th)?\\s+(?:of\\s+)?)${M}(?:,?\\s+\\d{4})?\\b`, 'y');
const MY_CORE = new RegExp(`\\b${M}\\s+(?:of\\s+)?\\d{4}\\b`, 'y');
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const SPACE = /\s/;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(String.fromCharCode(c)));
/** PART and a weekday: letters, spaces, a comma */
const MDY_PREFIX = (c: number) => isLetter(c) || c === 44 || isSpace(c);
/** PART, the days and SEP: lower-case letters, digits, spaces, dashes */
const DMY_PREFIX = (c: number) => isLower(c) || isDigit(c) || isSpace(c) || c === 45 || c === 0x2013 || c === 0x2014;
/** "early", "late", "mid-" */
const MY_PREFIX = (c: number) => isLower(c) || c === 45 || isSpace(c);
/**
 * ISO and numeric dates (ISO spelt \d\d\d\d, not \d{4}: the engine skips over text that cannot start a match
 * only while the start of the pattern has no counted repeat; measured 0.5 µs a report instead of 5)
 */
const ISO = /\b(\d\d\d\d)-(\d\d)-(\d\d)\b/g;
const US_NUMERIC = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
const EU_NUMERIC = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g;
/** in every match of ISO, US_NUMERIC and EU_NUMERIC */
const NUMERIC_SEPARATOR = /\d[-/.]\d/;
/** years and decades: "in 1994", "the 1990 crackdown", "the 1990s" */
const YEAR = /\b(1[5-9]\d\d|20\d\d)(s)?\b/g;
/** [\d.,:/] */
const numberGlue = (c: number) => isDigit(c) || c === 46 || c === 44 || c === 58 || c === 47;
const NOT_A_YEAR_AFTER = /^\s*(?:people|persons|men|women|children|civilians|soldiers|troops|police|protesters|[a-z]+s)\b/;
/** a foreign month with a day: "20 Yanvar" */
const FOREIGN = new RegExp(`\\b(\\d{1,2})\\s+(${Object.keys(FOREIGN_MONTHS).join('|')})\\b`, 'iuy');
/** FOREIGN without its leading \b, which (with the u flag) kept the engine from skipping ahead: 3 µs a report against 41 */
const FOREIGN_NEAR = new RegExp(`(\\d{1,2})\\s+(${Object.keys(FOREIGN_MONTHS).join('|')})\\b`, 'giu');
/** relative dates, one pattern per form, read in this order (relativeForms) */
const RELATIVE_DAY = /\b(today|tonight|yesterday|tomorrow|this morning|this afternoon|this evening|last night)\b/gi;
const RELATIVE_UNIT = /\b(last|this|next|past)\s+(week|month|year)\b/gi;
const COUNTED = /\b(\w+(?:-\w+)?)\s+(days?|weeks?|months?|years?|decades?)\s+(ago|later|earlier)\b/gi;
const FOLLOWING = /\b(?:the\s+)?(next|following|previous)\s+(day|morning|night|week|month|year)\b/gi;
const WEEKDAY = new RegExp(`\\b(?:(?:on|early|late|last)\\s+)?(${Object.keys(WEEKDAYS).join('|')})(?:\\s+(morning|afternoon|evening|night))?\\b`, 'gi');
/**
 * Where the relative forms can match, found with cheaper scans than the patterns' own (the whole patterns are
 * tried at every word). RELATIVE_DAY, RELATIVE_UNIT and FOLLOWING start at one of DatePlaces.relativeWords
 * (FOLLOWING after an optional "the"). COUNTED ends in "ago", "later" or "earlier" (DatePlaces.agos) after a
 * unit, with only a word, a unit and spaces before. Every weekday ends in "day" (DatePlaces.dayEnds), and
 * WEEKDAY's core (without "on", "early"...) holds at the start of that word.
 */
const RELATIVE_DAY_AT = new RegExp(RELATIVE_DAY.source, 'iy');
const RELATIVE_UNIT_AT = new RegExp(RELATIVE_UNIT.source, 'iy');
const FOLLOWING_CORE = /(?:next|following|previous)\s+(?:day|morning|night|week|month|year)\b/iy;
const COUNTED_CORE = /(?<=\w\s+(?:days?|weeks?|months?|years?|decades?)\s+)(?:ago|later|earlier)\b/iy;
const WEEKDAY_CORE = new RegExp(`\\b(?:${Object.keys(WEEKDAYS).join('|')})(?:\\s+(?:morning|afternoon|evening|night))?\\b`, 'iy');
const NO_PREFIX = () => false;
/** "the", "on", "early"...: letters and spaces */
const WORDS_PREFIX = (c: number) => isLetter(c) || isSpace(c);
/** a number word and a unit */
const COUNTED_PREFIX = (c: number) => isLetter(c) || isDigit(c) || c === 95 || c === 45 || isSpace(c);

/**
 * The places where the date patterns can start, found with one scan of the text (PLACES) instead of four, one
 * for each list below (measured 12.7 → 7.5 µs a report). Each list is, exactly, where the matches of its old
 * global scan start:
 * - months: /(?:January|…|December|Jan|…|Sept|Sep|…|Dec)/g (case-sensitive, no \b). Every name begins with its
 *   three-letter abbreviation (May is one), so its matches start where one of the twelve abbreviations does;
 * - dayEnds: /day\b/gi;
 * - relativeWords: /\b(?:today|tonight|tomorrow|yesterday|this|last|next|past|following|previous)\b/gi;
 * - agos: /\b(?:ago|later|earlier)\b/gi.
 * Without the u flag, the i flag folds only ASCII letters onto ASCII letters (not İ, ı, ſ or the Kelvin sign),
 * which is what a class such as [Dd] reads; and \b reads only [A-Za-z0-9_] as word characters.
 * Why no match of one list is lost to a match of another in the one scan (a global scan goes on from the end
 * of each match): every match is made of letters; a month (a capital and two lower-case letters) contains no
 * start of another month, "day" or word of the lists, and no three letters of "day" or of such a word spell
 * a month abbreviation; a word of the lists starts after a character that is no letter, digit or _, so a
 * match that covers its start starts there, and no month or "day" starts a word of the lists; "day" is
 * followed by a non-letter and holds no other start. The one overlap is the "day" that ends "today" and
 * "yesterday", added with those words. (The test compares the lists with the four scans, on random text.)
 */
export interface DatePlaces {
  months: number[];
  dayEnds: number[];
  relativeWords: number[];
  agos: number[];
}
/** [Ww][Oo][Rr][Dd] */
const anyCase = (w: string) => w.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`);
/** the abbreviations of MONTH_PATTERN's names (a name added there must start with one of them) */
const PLACES = new RegExp(
  `(J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec)|(${anyCase('day')})\\b|\\b(${['today', 'tonight', 'tomorrow', 'yesterday', 'this', 'last', 'next', 'past', 'following', 'previous', 'ago', 'later', 'earlier'].map(anyCase).join('|')})\\b`,
  'g',
);

export function datePlaces(text: string): DatePlaces {
  const p: DatePlaces = { months: [], dayEnds: [], relativeWords: [], agos: [] };
  PLACES.lastIndex = 0;
  for (let m = PLACES.exec(text); m; m = PLACES.exec(text)) {
    const i = m.index;
    if (m[1] !== undefined) p.months.push(i);
    else if (m[2] !== undefined) p.dayEnds.push(i);
    else {
      const w = m[3]!;
      const c0 = w.charCodeAt(0) | 32;
      // ago, later (not last), earlier
      if (c0 === 97 || c0 === 101 || (c0 === 108 && w.length === 5)) p.agos.push(i);
      else {
        p.relativeWords.push(i);
        // today, yesterday
        if ((w.charCodeAt(w.length - 1) | 32) === 121) p.dayEnds.push(i + w.length - 3);
      }
    }
  }
  PLACES.lastIndex = 0;
  return p;
}

function relativeForms(text: string, places: DatePlaces): RegExpExecArray[][] {
  const weekdays: number[] = [];
  for (const i of places.dayEnds) {
    let w = i;
    while (w > 0 && isLetter(text.charCodeAt(w - 1))) w--;
    if (holds(WEEKDAY_CORE, text, w)) weekdays.push(w);
  }
  const words = places.relativeWords;
  return [
    matchesNear(RELATIVE_DAY, NO_PREFIX, words.filter((i) => holds(RELATIVE_DAY_AT, text, i)), text),
    matchesNear(RELATIVE_UNIT, NO_PREFIX, words.filter((i) => holds(RELATIVE_UNIT_AT, text, i)), text),
    matchesNear(COUNTED, COUNTED_PREFIX, places.agos.filter((i) => holds(COUNTED_CORE, text, i)), text),
    matchesNear(FOLLOWING, WORDS_PREFIX, words.filter((i) => holds(FOLLOWING_CORE, text, i)), text),
    matchesNear(WEEKDAY, WORDS_PREFIX, weekdays, text),
  ];
}
/** what stands before a year that sets a scene: "in", "during", "by", "throughout", or the start of a sentence */
const SCENE_YEAR = /(?:\b(?:in|during|by|throughout|early|late|mid)[\s-]+|(?:^|[.!?:\n]\s*))$/i;
/** "N years" or "a decade" before "to the day since/after/from …" */
const YEARS_TO_THE_DAY = /\b(\w+(?:-\w+)?)\s+(years|decades?)(?=,?\s+to\s+the\s+day\s+(?:since|after|from)\b)/gi;
const EVENT_NAME_BEFORE = new RegExp(`\\b(?:${EVENT_HEADS}|anniversary|memory)\\s+of\\s+(?:the\\s+)?$`, 'i');
/** "September 19-20 last year": the relative year completes the partial date */
const YEAR_AFTER = /^\s+(last|this|next)\s+year\b/i;
const YEAR_IN_SENTENCE = /\b(last|this|next)\s+year(?:'s|’s)?\b/i;
const EVENT_NAME_AFTER = new RegExp(`^\\s*(?:,\\s*\\d{4}\\s+)?(?:${EVENT_HEADS})\\b`, 'i');
const RECURRING_CUES = /\b(every|each)\s+(year|january|february|march|april|may|june|july|august|september|october|november|december)\b|\bannually\b|\b(is|are|has been|have been|was)\s+(observed|commemorated|marked|celebrated)\b/i;
/**
 * A day of mourning or remembrance: the date named before it is a recurring one ("made January 20 a Day of
 * National Mourning"); a date after it dates one day ("called for a national day of mourning on 28 March").
 */
/** what may stand between such a date and the day it names: "January 20 is the Day …", "made January 20 a Day …" */
const MOURNING_GAP = /^[\s,]*(?:(?:is|was|has been|became|becomes|as|a|an|the|also|now)\s+)*$/i;
const MOURNING_DAY = /\bday of (?:national )?mourning\b|\bmourning day\b|\bremembrance day\b/i;
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, a: 1, an: 1, several: 3, few: 2,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** "the 30th anniversary", "its fortieth anniversary", "Thirty years on" (not "the anniversary", nor "years on end") */
const LOOKING_BACK = /\b(\d{1,3}(?:st|nd|rd|th)|\w+(?:-\w+)?th|first|second|third|fifth|eighth|ninth|twelfth|twenty-(?:first|second|third))\s+anniversary\b|\b(\w+(?:-\w+)?)\s+years\s+on\b(?!\s+end)/gi;
/** LOOKING_BACK as a whole mention's text */
const LOOKING_BACK_WHOLE = new RegExp(`^(?:${LOOKING_BACK.source})$`, 'i');
/** Whether a date mention counts years back to an event ("the 30th anniversary", "Thirty years on"), not a day of its own. */
export const looksBack = (m: Pick<DateMention, 'text'>) => LOOKING_BACK_WHOLE.test(m.text);
const ORDINAL_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fifth: 5, eighth: 8, ninth: 9, twelfth: 12 };
/** an ordinal in words or digits: "30th", "fortieth", "twenty-fifth", "first" (NaN otherwise) */
function ordinalOf(w: string): number {
  const s = w.toLowerCase();
  if (/^\d+(?:st|nd|rd|th)$/.test(s)) return parseInt(s, 10);
  if (s in ORDINAL_WORDS) return ORDINAL_WORDS[s]!;
  const parts = s.split('-');
  const last = parts[parts.length - 1]!;
  const unit = last in ORDINAL_WORDS ? ORDINAL_WORDS[last]! : /ieth$/.test(last) ? countOf(last.replace(/ieth$/, 'y')) : /th$/.test(last) ? countOf(last.replace(/th$/, '')) : NaN;
  if (parts.length === 1) return unit;
  const tens = countOf(parts[0]!);
  return tens >= 20 && tens % 10 === 0 && unit < 10 ? tens + unit : NaN;
}
/** a count in words or digits, as "N years ago" writes it: "ten", "nineteen", "twenty-one", "36" (NaN otherwise) */
function countOf(w: string): number {
  const s = w.toLowerCase();
  if (/^\d+$/.test(s)) return +s;
  const [a, b] = s.split('-');
  const tens = NUMBER_WORDS[a!];
  if (b === undefined) return tens ?? NaN;
  const unit = NUMBER_WORDS[b];
  return tens !== undefined && tens >= 20 && tens % 10 === 0 && unit !== undefined && unit < 10 ? tens + unit : NaN;
}

/**
 * Which way a weekday points. A news report's "on Monday" is the last Monday on or before publication
 * ('past'); "last Monday" is strictly before it ('before'); "next Monday" or "this coming Monday" is the first
 * one after publication ('next'); "by Monday" or "until Monday" in a narrative that has reached a day (the
 * latest day named before it) is the first Monday on or after that day ('on-from-context'):
 * "Protesters marched on Sunday … By Monday morning, 11 had been released."
 */
type WeekdayDirection = 'past' | 'before' | 'next' | 'on-from-context';
const NEXT_BEFORE = /\b(?:next|this coming|coming)\s+$/i;
const UNTIL_BEFORE = /\b(?:by|until|till|til)\s+$/i;
function weekdayDirection(text: string, start: number, match: string): WeekdayDirection {
  if (/^last\s/i.test(match)) return 'before';
  const before = text.slice(Math.max(0, start - 12), start);
  if (NEXT_BEFORE.test(before)) return 'next';
  if (UNTIL_BEFORE.test(before)) return 'on-from-context';
  return 'past';
}

interface Raw {
  start: number;
  end: number;
  kind: DateKind;
  night: boolean;
  y?: number;
  m?: number;
  d?: number;
  m2?: number;
  d2?: number;
  precision?: TimeSpan['precision'];
  rel?: { unit: string; n: number; dir: -1 | 1; anchor: 'pub' | 'context' } | { weekday: number; toward: WeekdayDirection } | { days: number };
}

/** past this many dates in a text, which characters are taken is kept in a table */
const MANY_DATES = 32;

/**
 * The matches of a global pattern, as text.matchAll(re) gives them, read with exec from the pattern itself:
 * matchAll copies the pattern (a new RegExp object per call), which cost more than the search in short texts.
 * (None of the patterns read with it matches the empty string.)
 */
function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
  re.lastIndex = 0;
  return out;
}

/**
 * The matches of a global pattern, as matchesOf gives them, searched for only from a little before the given
 * places (in increasing order): from the start of the run of prefix characters that ends at the next place
 * (never before the end of the last match) instead of from every character.
 *
 * Exact when every match of the pattern holds one of the places with only prefix characters before it: the
 * next match after `from` then holds a place at or after the first one from `from` on, so it cannot start
 * before that place's run of prefix characters. (At each place the pattern should match, or the search goes
 * on past it to the next match: still exact, only slower.)
 */
function matchesNear(re: RegExp, prefix: (c: number) => boolean, places: number[], text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const p of places) {
    if (p < from) continue;
    let s = p;
    while (s > from && prefix(text.charCodeAt(s - 1))) s--;
    re.lastIndex = s;
    const m = re.exec(text);
    if (!m) break;
    out.push(m);
    from = re.lastIndex;
  }
  re.lastIndex = 0;
  return out;
}

/** whether a sticky pattern matches at i */
function holds(re: RegExp, text: string, i: number): boolean {
  re.lastIndex = i;
  return re.test(text);
}

const monthOf = (s: string): number => MONTHS[s.replace('.', '').toLowerCase()] ?? 0;

/** All date mentions of a text, resolved against the publication date. */
/** what makes "N years ago" an anniversary's day: "ten years ago this morning", "21 years ago today" */
const ANNIVERSARY_DAY = /^,?\s+(today|tonight|this (?:morning|afternoon|evening|night|week)|on this (?:day|date)|to the day)\b/i;

export function findDates(text: string, published: string | null): DateMention[] {
  const raws: Raw[] = [];
  // characters already read as part of a date: the spans read so far, checked one by one while they are few; a
  // table of characters once there are many, so that a text of many dates stays linear (most texts hold a few
  // dates, and a table as long as the text cost more to make than the checks it saves)
  let taken: Uint8Array | null = null;
  const free = (s: number, e: number) => {
    if (taken) {
      for (let i = s; i < e; i++) if (taken[i]) return false;
      return true;
    }
    for (let k = 0; k < raws.length; k++) {
      const r = raws[k]!;
      if (r.start < e && s < r.end) return false;
    }
    return true;
  };
  const add = (r: Raw) => {
    if (!free(r.start, r.end)) return;
    raws.push(r);
    if (taken) taken.fill(1, r.start, r.end);
    else if (raws.length > MANY_DATES) {
      taken = new Uint8Array(text.length);
      for (const x of raws) taken.fill(1, x.start, x.end);
    }
  };

  const places = datePlaces(text);
  // most texts hold no digit, separator, digit: then none of the three matches (measured 1.4 → 0.8 µs a report)
  const numeric = NUMERIC_SEPARATOR.test(text);
  if (numeric) for (const m of matchesOf(ISO, text)) add({ start: m.index!, end: m.index! + m[0].length, kind: 'explicit', night: false, y: +m[1]!, m: +m[2]!, d: +m[3]! });
  if (numeric) for (const m of matchesOf(US_NUMERIC, text)) add({ start: m.index!, end: m.index! + m[0].length, kind: 'explicit', night: false, y: +m[3]!, m: +m[1]!, d: +m[2]! });
  if (numeric) for (const m of matchesOf(EU_NUMERIC, text)) add({ start: m.index!, end: m.index! + m[0].length, kind: 'explicit', night: false, y: +m[3]!, m: +m[2]!, d: +m[1]! });
  const months = places.months;
  for (const m of matchesNear(MDY, MDY_PREFIX, months.filter((i) => holds(MDY_CORE, text, i)), text)) {
    const [all, part, mon, d1, mon2, d2, y1, y2] = m;
    const start = m.index! + (all!.length - all!.trimStart().length);
    const year = y1 ?? y2;
    // "LIMA, August 14 — 1 woman was killed": a day after a dash that is no later day of the month is no range's end
    if (d2 && !mon2 && !year && +d2 <= +d1!) {
      const k = all!.indexOf(d1!, all!.indexOf(mon!) + mon!.length);
      add({ start, end: m.index! + k + d1!.length, kind: 'partial', night: Boolean(part && /night|early hours|small hours/i.test(part)), m: monthOf(mon!), d: +d1! });
      continue;
    }
    add({
      start, end: m.index! + all!.length, kind: year ? 'explicit' : 'partial', night: Boolean(part && /night|early hours|small hours/i.test(part)),
      m: monthOf(mon!), d: +d1!, ...(d2 ? { d2: +d2, m2: mon2 ? monthOf(mon2) : monthOf(mon!) } : {}), ...(year ? { y: +year } : {}),
    });
  }
  for (const m of matchesNear(DMY, DMY_PREFIX, months.filter((i) => holds(DMY_CORE, text, i)), text)) {
    const [all, part, d1, d2, mon, year] = m;
    add({
      start: m.index!, end: m.index! + all!.length, kind: year ? 'explicit' : 'partial', night: Boolean(part && /night/i.test(part)),
      m: monthOf(mon!), d: +d1!, ...(d2 ? { d2: +d2, m2: monthOf(mon!) } : {}), ...(year ? { y: +year } : {}),
    });
  }
  for (const m of matchesNear(MY, MY_PREFIX, months.filter((i) => holds(MY_CORE, text, i)), text)) add({ start: m.index!, end: m.index! + m[0].length, kind: 'explicit', night: false, y: +m[2]!, m: monthOf(m[1]!), precision: 'month' });
  for (const m of foreignDates(text)) {
    const s = m.index;
    const e = s + m[0].length;
    add({ start: s, end: e, kind: 'name', night: false, m: FOREIGN_MONTHS[m[2]!.toLowerCase()]!, d: +m[1]! });
  }
  for (const m of matchesOf(YEAR, text)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (!free(s, e)) continue;
    // glued to a number: a digit or one of . , : / (or a dash) before, one of them and a digit after (read by code, not by a pattern on a slice)
    if ((s > 0 && (numberGlue(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 45)) || (numberGlue(text.charCodeAt(e)) && isDigit(text.charCodeAt(e + 1)))) continue;
    if (!m[2] && NOT_A_YEAR_AFTER.test(text.slice(e, e + 30)) && !/\b(in|since|of|by|until|from|during|year)\s+$/i.test(text.slice(Math.max(0, s - 12), s))) continue;
    add({ start: s, end: e, kind: 'year', night: false, y: +m[1]!, precision: m[2] ? 'decade' : 'year' });
  }
  relativeForms(text, places).forEach((matches, form) => {
    for (const m of matches) {
      const s = m.index!;
      const e = s + m[0].length;
      if (!free(s, e)) continue;
      const g = m.slice(1);
      if (form === 0) add({ start: s, end: e, kind: 'relative', night: /night/i.test(g[0]!), rel: { days: RELATIVE_DAYS[g[0]!.toLowerCase()] ?? 0 } });
      else if (form === 1) add({ start: s, end: e, kind: 'relative', night: false, rel: { unit: g[1]!.toLowerCase(), n: g[0]!.toLowerCase() === 'this' ? 0 : 1, dir: g[0]!.toLowerCase() === 'next' ? 1 : -1, anchor: 'pub' } });
      else if (form === 2) {
        const n = countOf(g[0]!);
        if (!Number.isFinite(n)) continue;
        const dir = /ago|earlier/i.test(g[2]!) ? -1 : 1;
        add({ start: s, end: e, kind: 'relative', night: false, rel: { unit: g[1]!.toLowerCase().replace(/s$/, ''), n, dir, anchor: /ago/i.test(g[2]!) ? 'pub' : 'context' } });
      } else if (form === 3) {
        const unit = g[1]!.toLowerCase();
        add({ start: s, end: e, kind: 'relative', night: unit === 'night', rel: { unit: unit === 'week' || unit === 'month' || unit === 'year' ? unit : 'day', n: 1, dir: g[0]!.toLowerCase() === 'previous' ? -1 : 1, anchor: 'context' } });
      } else add({ start: s, end: e, kind: 'relative', night: /night/i.test(g[1] ?? ''), rel: { weekday: WEEKDAYS[g[0]!.toLowerCase()]!, toward: weekdayDirection(text, s, m[0]) } });
    }
  });
  // "34 years to the day since the crush": as "34 years ago to the day", the anniversary's day (read below)
  if (text.includes(' to the day')) {
    for (const m of matchesOf(YEARS_TO_THE_DAY, text)) {
      // ("a decade", "two decades": ten years each)
      const n = countOf(m[1]!) * (/^decade/i.test(m[2]!) ? 10 : 1);
      if (Number.isFinite(n)) add({ start: m.index!, end: m.index! + m[0].length, kind: 'relative', night: false, rel: { unit: 'year', n, dir: -1, anchor: 'pub' } });
    }
  }
  // "the 30th anniversary", "Thirty years on": the year of the event the report looks back to
  if (text.includes('anniversary') || text.includes(' years on') || text.includes(' Years On')) {
    for (const m of matchesOf(LOOKING_BACK, text)) {
      const n = m[1] !== undefined ? ordinalOf(m[1]) : countOf(m[2]!);
      if (Number.isFinite(n) && n >= 1 && n <= 200) add({ start: m.index!, end: m.index! + m[0].length, kind: 'relative', night: false, rel: { unit: 'year', n, dir: -1, anchor: 'pub' } });
    }
  }
  raws.sort((a, b) => a.start - b.start);

  // names and recurring commemorations (the cues of a sentence are read once, however many dates it holds)
  const sentenceCues = sentenceCuesOf(text);
  for (const r of raws) {
    if (r.kind === 'relative' || r.kind === 'year') continue;
    const after = text.slice(r.end, r.end + 40);
    if (r.d !== undefined && !r.d2 && r.y === undefined && (EVENT_NAME_AFTER.test(after) || EVENT_NAME_BEFORE.test(text.slice(Math.max(0, r.start - 40), r.start)))) {
      r.kind = 'name';
      continue;
    }
    const ya = r.kind === 'partial' ? YEAR_AFTER.exec(after) : null;
    if (ya && published) {
      const i = raws.findIndex((x) => x.kind === 'relative' && x.start >= r.end && x.start <= r.end + ya[0].length);
      if (i >= 0) raws.splice(i, 1);
      r.end += ya[0].length;
      r.y = +published.slice(0, 4) + (ya[1]!.toLowerCase() === 'last' ? -1 : ya[1]!.toLowerCase() === 'next' ? 1 : 0);
      r.kind = 'explicit';
      continue;
    }
    if (r.kind === 'partial') {
      const cues = sentenceCues(r.start, r.end);
      if (cues.recurring || (cues.mourning >= r.end && MOURNING_GAP.test(text.slice(r.end, cues.mourning)))) r.kind = 'recurring';
      // "last year's measures of September 19-20": the sentence names the year relative to publication
      const rel = published ? cues.year : null;
      if (rel && r.kind === 'partial') {
        r.y = +published!.slice(0, 4) + (rel[1]!.toLowerCase() === 'last' ? -1 : rel[1]!.toLowerCase() === 'next' ? 1 : 0);
        r.kind = 'explicit';
      }
    }
  }

  // resolve in reading order: partial dates take the year of the last explicit date, else the publication year
  const pubYear = published ? +published.slice(0, 4) : null;
  let contextYear: number | null = null;
  let contextDate: string | null = null;
  /** the latest day named so far: how far the narrative has reached (a look back to an earlier day does not undo it) */
  let reached: string | null = null;
  const out: DateMention[] = [];
  /** the end of a day phrase already read into the date before it ("ten years ago this morning") */
  let swallowed = -1;
  for (const r of raws) {
    if (r.start < swallowed) continue;
    let span: TimeSpan | null = null;
    const mk = (start: string, end: string, precision: TimeSpan['precision'], inferred = false): TimeSpan => ({ start, end, precision, ...(inferred ? { inferred } : {}) });
    if (r.kind === 'explicit' || r.kind === 'year' || r.kind === 'partial') {
      let y = r.y;
      let inferred = false;
      if (y === undefined && r.m !== undefined) {
        if (contextYear !== null) y = contextYear;
        else if (pubYear !== null && published) {
          const md = isoDate(pubYear, r.m, Math.min(r.d ?? 1, daysInMonth(pubYear, r.m)));
          // a day more than a month after publication is last year's ("on December 30" in a January report)
          y = md <= addDays(published, 31) ? pubYear : pubYear - 1;
        }
        inferred = true;
      }
      if (y !== undefined) {
        if (r.precision === 'decade') span = mk(isoDate(y, 1, 1), isoDate(y + 9, 12, 31), 'decade');
        else if (r.precision === 'year' || r.m === undefined) span = mk(isoDate(y, 1, 1), isoDate(y, 12, 31), 'year');
        else if (r.precision === 'month' || r.d === undefined) span = mk(isoDate(y, r.m, 1), isoDate(y, r.m, daysInMonth(y, r.m)), 'month');
        else if (validDate(y, r.m, r.d)) {
          const end = r.d2 !== undefined && r.m2 !== undefined && validDate(y, r.m2, r.d2) ? isoDate(y, r.m2, r.d2) : isoDate(y, r.m, r.d);
          const start = isoDate(y, r.m, r.d);
          span = mk(start, end >= start ? end : start, 'day', inferred);
        }
      }
      if (span && r.kind !== 'year' && !inferred) contextYear = +span.start.slice(0, 4);
      if (span && r.kind === 'year' && span.precision === 'year') {
        // a bare year sets the context for later partial dates only when nothing more precise did, and only when it
        // sets a scene ("In 1994, …", "during 1990"): "the songs of 1989" or "since 1989" in a 2019 report leaves
        // its "on 28 April" in 2019
        if (contextYear === null && SCENE_YEAR.test(text.slice(Math.max(0, r.start - 12), r.start))) contextYear = +span.start.slice(0, 4);
      }
      if (span && span.precision === 'day') {
        contextDate = span.end;
        if (!reached || span.end > reached) reached = span.end;
      }
    } else if (r.kind === 'relative' && r.rel) {
      span = resolveRelative(r.rel, published, contextDate, reached);
      // "ten years ago this morning", "21 years ago today", "… ago this week": the anniversary's day (or week)
      const day = published && 'unit' in r.rel && r.rel.unit === 'year' && r.rel.anchor === 'pub' && r.rel.dir < 0 ? ANNIVERSARY_DAY.exec(text.slice(r.end, r.end + 30)) : null;
      if (day && published) {
        const y = +published.slice(0, 4) - ('n' in r.rel ? r.rel.n : 0);
        const mo = +published.slice(5, 7);
        const d = isoDate(y, mo, Math.min(+published.slice(8, 10), daysInMonth(y, mo)));
        span = /week/i.test(day[1]!) ? { start: addDays(d, -3), end: addDays(d, 3), precision: 'interval' } : { start: d, end: d, precision: 'day' };
        r.end += day[0].length;
        swallowed = r.end;
      }
      if (span && span.precision === 'day' && (!reached || span.end > reached)) reached = span.end;
    }
    if (span && r.kind === 'relative') span.inferred = true;
    out.push({ start: r.start, end: r.end, text: text.slice(r.start, r.end), span: r.kind === 'recurring' || r.kind === 'name' ? null : span, kind: r.kind, night: r.night });
  }
  return out;
}

/**
 * The matches of FOREIGN in a text, as matchAll would give them: the pattern is tried (sticky) only where
 * FOREIGN_NEAR, found by a global scan, matches; FOREIGN matches nowhere else.
 */
function foreignDates(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  FOREIGN_NEAR.lastIndex = 0;
  for (let near = FOREIGN_NEAR.exec(text); near; near = FOREIGN_NEAR.exec(text)) {
    FOREIGN.lastIndex = near.index;
    const m = FOREIGN.exec(text);
    if (m) out.push(m);
    // on from the end of the match, or from the next character (the place is a digit: never inside a surrogate pair)
    FOREIGN_NEAR.lastIndex = m ? FOREIGN.lastIndex : near.index + 1;
  }
  FOREIGN_NEAR.lastIndex = 0;
  return out;
}

function resolveRelative(rel: NonNullable<Raw['rel']>, published: string | null, contextDate: string | null, reached: string | null): TimeSpan | null {
  if ('days' in rel) {
    if (!published) return null;
    const d = addDays(published, rel.days);
    return { start: d, end: d, precision: 'day' };
  }
  if ('weekday' in rel) {
    // the first day from `from` on (step 1) or back (step -1) that falls on the weekday: so many days away as
    // the weekdays are apart, one addDays instead of a step at a time (addDays and weekday read a date the
    // same way, so k steps of a day land where one step of k days does); the steps, as before, for what
    // is not a weekday
    const seek = (from: string, step: 1 | -1) => {
      const k = (7 + step * (rel.weekday - weekday(from))) % 7;
      let d = from;
      if (k > 0) d = addDays(from, step * k);
      else if (!(k === 0)) for (let i = 0; i < 7 && weekday(d) !== rel.weekday; i++) d = addDays(d, step);
      return { start: d, end: d, precision: 'day' as const };
    };
    if (rel.toward === 'on-from-context' && reached) return seek(reached, 1);
    // the publication date, else the context date, is the reference
    const ref = published ?? contextDate;
    if (!ref) return null;
    if (rel.toward === 'next') return seek(addDays(ref, 1), 1);
    if (rel.toward === 'before') return seek(addDays(ref, -1), -1);
    // the last such weekday on or before the reference
    return seek(ref, -1);
  }
  const ref = rel.anchor === 'pub' ? published : contextDate ?? null;
  if (!ref) return null;
  const y = +ref.slice(0, 4);
  const mo = +ref.slice(5, 7);
  const shift = rel.n * rel.dir;
  switch (rel.unit) {
    case 'day': {
      const d = addDays(ref, shift);
      return { start: d, end: d, precision: 'day' };
    }
    case 'week': {
      const d = addDays(ref, 7 * shift);
      return { start: addDays(d, -3), end: addDays(d, 3), precision: 'interval' };
    }
    case 'month': {
      const t = y * 12 + (mo - 1) + shift;
      const yy = Math.floor(t / 12);
      const mm = (t % 12) + 1;
      return { start: isoDate(yy, mm, 1), end: isoDate(yy, mm, daysInMonth(yy, mm)), precision: 'month' };
    }
    case 'year':
      return { start: isoDate(y + shift, 1, 1), end: isoDate(y + shift, 12, 31), precision: 'year' };
    case 'decade':
      return { start: isoDate(y + 10 * shift - 2, 1, 1), end: isoDate(y + 10 * shift + 2, 12, 31), precision: 'interval' };
    default:
      return null;
  }
}

/**
 * The cues of the sentence around [s, e) (from the character after the last
 * ".", "!", "?" or line break before it to the first one after it), read
 * outwards from the date. Dates come in reading order, so the last sentence is
 * remembered: a long sentence of many dates is read once, not once per date
 * (a sentence whose date holds a stop itself, "Jan. 5", is not remembered:
 * the next date may start after that stop).
 */
function sentenceCuesOf(text: string): (s: number, e: number) => { recurring: boolean; mourning: number; year: RegExpExecArray | null } {
  let a0 = -1;
  let b0 = -1;
  let last: { recurring: boolean; mourning: number; year: RegExpExecArray | null } | null = null;
  return (s, e) => {
    if (last && s >= a0 && e <= b0) return last;
    let a = s;
    while (a > 0 && !isStop(text.charCodeAt(a - 1))) a--;
    let b = e;
    while (b < text.length && !isStop(text.charCodeAt(b))) b++;
    const sentence = text.slice(a, b);
    const m = MOURNING_DAY.exec(sentence);
    const cues = { recurring: RECURRING_CUES.test(sentence), mourning: m ? a + m.index : -1, year: YEAR_IN_SENTENCE.exec(sentence) };
    let inner = false;
    for (let i = s; i < e && !inner; i++) inner = isStop(text.charCodeAt(i));
    last = inner ? null : cues;
    a0 = a;
    b0 = b;
    return cues;
  };
}
const isStop = (c: number) => c === 46 || c === 33 || c === 63 || c === 10;
