/**
 * People, organisations and event names. Organisations are capitalised names
 * ending in an organisation word ("Foreign Ministry", "Milli Majlis") or
 * acronyms; people are capitalised names after a title or before "said", or
 * two or three capitalised words that are no place or organisation; event
 * names are "Black January", "the January 20 tragedy", "20 Yanvar", "the
 * Sumgait pogrom", "the Khojaly genocide". Each event name has a key shared by
 * its aliases: names built on the same day of the year share "date:MM-DD"; a
 * place's name before an event word gives "at:…" (joined by day, see
 * reconcile/events.ts), other names "name:…".
 */
import ENTITIES from './lexicon/entities.json' with { type: 'json' };
import TIME from './lexicon/time.json' with { type: 'json' };
import { MONTHS } from '../core/dates.js';
import { gazetteer } from './gazetteer.js';
import type { DateMention } from './dates.js';
import { BUILDING_TAILS, type PlaceMention } from './places.js';
import { WordShapes } from './shapes.js';
import { DATELINE_DASHES, capitalisedIn, isCapitalised, withoutFinalPeriod, type Token } from './text.js';

export interface EntityMention {
  kind: 'person' | 'org' | 'event';
  start: number;
  end: number;
  text: string;
  /** canonical form: the name; for events a key shared by aliases */
  value: string;
}

const ORG_HEADS = new Set(ENTITIES.orgHeads);
const EVENT_HEADS = new Set(ENTITIES.eventHeads);
const EVENT_COLORS = new Set(ENTITIES.eventColors);
/** the person titles ("dr", "prime minister"), and how many words the titles have (longest first) */
const TITLES = new Set(ENTITIES.personTitles);
const TITLE_LENGTHS = [...new Set(ENTITIES.personTitles.map((t) => t.split(' ').length))].sort((a, b) => b - a);
const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'de', 'al', 'on']);
const MONTH_NAMES = new Set(Object.keys(MONTHS));
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const SPEECH = new Set(['said', 'says', 'told', 'stated', 'added', 'noted', 'wrote', 'announced', 'declared', 'explained', 'insisted']);
const NOT_NAMES = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'his', 'her', 'their', 'our', 'in', 'on', 'at', 'after', 'before', 'during', 'as', 'when', 'while', 'but', 'and', 'or', 'if', 'because', 'although', 'despite', 'since', 'until', 'today', 'yesterday', 'there', 'here', 'photo', 'photos', 'according']);
/** Words of a place's name, never of a person's: "San Francisco Bay Area", "Lake Kivu", "Pine County". */
const PLACE_WORDS = new Set([
  'area', 'region', 'county', 'province', 'district', 'city', 'town', 'village', 'lake', 'river', 'bay', 'sea', 'ocean', 'gulf', 'mount',
  'mountains', 'valley', 'island', 'islands', 'desert', 'canal', 'strait', 'peninsula', 'harbour', 'harbor', 'port', 'coast', 'beach',
]);
/** Words after which a place and an event word are a place and what happened there: "in Baku tragedy struck". */
const PLACE_BEFORE = new Set(['in', 'at', 'near', 'outside', 'from', 'into', 'across', 'to', 'toward', 'towards', 'around', 'throughout', 'within', 'inside', 'via', 'on']);
const TITLE_WORDS = new Set(ENTITIES.personTitles.flatMap((t) => t.split(' ')));
// The sets asked about every capitalised run's words, each behind a test of its words' shapes (see shapes.ts):
// a word the test turns away is not hashed, and a one-word run such as a sentence's first word, most of them,
// is then often looked up nowhere.
const NOT_NAME_SHAPES = new WordShapes(NOT_NAMES);
const ORG_HEAD_SHAPES = new WordShapes(ORG_HEADS);
const EVENT_HEAD_SHAPES = new WordShapes(EVENT_HEADS);
const EVENT_COLOR_SHAPES = new WordShapes(EVENT_COLORS);
const isNotName = (w: string) => NOT_NAME_SHAPES.mayHold(w) && NOT_NAMES.has(w);
const isOrgHead = (w: string) => ORG_HEAD_SHAPES.mayHold(w) && ORG_HEADS.has(w);
const isEventHead = (w: string) => EVENT_HEAD_SHAPES.mayHold(w) && EVENT_HEADS.has(w);

/** a word that looks like part of a person's name: "Aliyev", "Jean-Pierre", "Smith-jones" */
const PERSON_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u;
/** a word starting with a capital (text.ts) */
const isCap = isCapitalised;
/** two to six ASCII capitals, /^[A-Z]{2,6}$/ read by hand (it ran once per word of every text). An acronym is capitalised. */
function isAcronym(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  const s = t.text;
  if (s.length < 2 || s.length > 6) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

export function findEntities(toks: Token[], text: string, places: PlaceMention[], dates: DateMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  const g = gazetteer();
  const slice = (a: number, b: number) => text.slice(toks[a]!.start, toks[b]!.end);

  // event names built on dates: "January 20 tragedy", "the tragedy of January 20", "20 Yanvar"
  for (const d of dates) {
    if (d.kind !== 'name') continue;
    const dm = /(\d{1,2})/.exec(d.text);
    const mm = /([A-Za-zəçşğıöü]+)/.exec(d.text.replace(/\d/g, ' '));
    const month = mm ? (MONTHS[mm[1]!.toLowerCase()] ?? foreignMonth(mm[1]!)) : 0;
    if (!dm || !month) continue;
    const key = `date:${String(month).padStart(2, '0')}-${dm[1]!.padStart(2, '0')}`;
    const after = /^\s+([A-Za-z]+)/.exec(text.slice(d.end, d.end + 30));
    const before = /([A-Za-z]+)\s+of\s+(?:the\s+)?$/.exec(text.slice(Math.max(0, d.start - 30), d.start));
    let start = d.start;
    let end = d.end;
    if (after && EVENT_HEADS.has(after[1]!.toLowerCase())) end = d.end + after[0].length;
    else if (before && EVENT_HEADS.has(before[1]!.toLowerCase())) start = d.start - before[0].length;
    out.push({ kind: 'event', start, end, text: text.slice(start, end), value: key });
  }

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // names, acronyms and event names all start with a capital (read from the text, as in findPlaces)
    if (!capitalisedIn(text, t)) continue;
    // "Black January", "Bloody January"
    if (EVENT_COLOR_SHAPES.mayHold(t.lower) && EVENT_COLORS.has(t.lower) && MONTH_NAMES.has(toks[i + 1]?.lower ?? '') && isCap(toks[i + 1])) {
      out.push({ kind: 'event', start: t.start, end: toks[i + 1]!.end, text: slice(i, i + 1), value: `name:${t.lower} ${toks[i + 1]!.lower}` });
      i++;
      continue;
    }
    // a capitalised run (acronyms included), through a connector or a hyphen before a capitalised word (that word
    // tested first: the word after a name, mostly lower-case, is then not looked up)
    let j = i;
    // ("Leeds Civic Hall on Monday": a connector joins no day or month)
    while (j + 1 < toks.length && (isCap(toks[j + 1]) || (isCap(toks[j + 2]) && !WEEKDAYS.has(toks[j + 2]!.lower) && !MONTH_NAMES.has(toks[j + 2]!.lower) && (CONNECTORS.has(toks[j + 1]!.lower) || (toks[j + 1]!.text === '-' && !toks[j + 1]!.spaceBefore))))) j++;
    // a sentence's first word alone (j === 0) that is no acronym, no organisation word and not before an event
    // word names nothing, English word or not (the test below, then no branch after it): the look-up in the
    // large English word set, a cache miss or more once a sentence, is left out (1.4% → 0.2% of prepareDocument)
    if (j === 0 && !isAcronym(t) && !isOrgHead(t.lower) && !isEventHead(toks[1]?.lower ?? '')) continue;
    let a = i;
    // a sentence-initial function word is not part of a name
    while (a <= j && (isNotName(toks[a]!.lower) || (a === 0 && g.english.has(toks[a]!.lower) && !isAcronym(toks[a])))) a++;
    // nor, in an event's name, is a lower-case connector left at its head by that ("Victims of Khojaly genocide":
    // not "of Khojaly genocide")
    if (isEventHead(toks[j + 1]?.lower ?? '') || isEventHead(toks[j]!.lower)) while (a <= j && !isCap(toks[a])) a++;
    if (a > j) {
      i = j;
      continue;
    }
    // the words of the name, without its hyphens
    const lowerWords: string[] = [];
    for (let k = a; k <= j; k++) if (toks[k]!.kind === 'word') lowerWords.push(toks[k]!.lower);
    const words = lowerWords.length;
    const last = toks[j]!;
    const next = toks[j + 1];
    // one common word capitalised only because it opens the text after a dateline ("LAGOS, May 3 — Flash floods
    // hit …", "Street protests spread …") names no event: as a key it would join every report of such floods,
    // whatever their day and place (a sentence's first word is already left out above)
    const sentenceStart = a === 0 || toks[a]!.breakBefore || DATELINE_DASHES.has(toks[a - 1]!.text);
    const commonOpening = words === 1 && sentenceStart && g.english.has(lowerWords[0]!) && !isAcronym(toks[a]);
    // (a building's event is one: "the Grenfell Tower fire" names it, whatever the day; a square's are many)
    const building = words >= 2 && BUILDING_TAILS.has(lowerWords[words - 1]!);
    if (isEventHead(next?.lower ?? '') && words <= 4 && isPlace(places, a, j) && !building && !PLACE_BEFORE.has(toks[a - 1]?.lower ?? '')) {
      // a place and an event word: "the Khojaly genocide", "the Srebrenica massacre", "the Kabul bombing". The
      // key says so ("at:"): a place's attacks are many, so such a key joins only reports of agreeing days
      // (reconcile/events.ts); the place stays a place mention too
      out.push({ kind: 'event', start: toks[a]!.start, end: next!.end, text: slice(a, j + 1), value: `at:${lowerWords.join(' ')} ${next!.lower}` });
    } else if (isEventHead(next?.lower ?? '') && (building || !inPlace(places, a) || (words >= 2 && !isPlace(places, a, j))) && words <= 4 && !MONTH_NAMES.has(lowerWords[0]!) && !commonOpening) {
      // (a place's building or street before the event word names the event too: "the Harlow Tower fire")
      // "Khojaly genocide", "Second Karabakh War" (head inside the run is handled below)
      out.push({ kind: 'event', start: toks[a]!.start, end: next!.end, text: slice(a, j + 1), value: `name:${lowerWords.join(' ')} ${next!.lower}` });
    } else if (isEventHead(last.lower) && words >= 2 && words <= 5) {
      out.push({ kind: 'event', start: toks[a]!.start, end: last.end, text: slice(a, j), value: `name:${lowerWords.join(' ')}` });
    } else if (isOrgHead(last.lower) || (words === 1 && isAcronym(last) && !inPlace(places, a)) || lowerWords.some((w) => isOrgHead(w) && w !== 'of')) {
      if (!(words === 1 && inPlace(places, a))) out.push({ kind: 'org', start: toks[a]!.start, end: last.end, text: slice(a, j), value: slice(a, j) });
    } else if (words >= 2 && words <= 4 && !overlapsPlace(places, a, j) && !lowerWords.some((w) => MONTH_NAMES.has(w) || WEEKDAYS.has(w) || g.demonyms.has(w) || CONNECTORS.has(w) || PLACE_WORDS.has(w))) {
      // titles inside the run ("National Leader Heydar Aliyev", "General Secretary") are not the name
    let n = a;
    while (n <= j && TITLE_WORDS.has(toks[n]!.lower)) n++;
    if (n > j || j - n < 1) {
      i = j;
      continue;
    }
    if (n > a) {
      out.push({ kind: 'person', start: toks[n]!.start, end: last.end, text: slice(n, j), value: slice(n, j) });
      i = j;
      continue;
    }
    const titled = hasTitleBefore(toks, a);
      const speaks = SPEECH.has(next?.lower ?? '');
      if (titled || speaks || everyWord(toks, a, j, (w) => PERSON_WORD.test(w.text))) {
        out.push({ kind: 'person', start: toks[a]!.start, end: last.end, text: slice(a, j), value: slice(a, j) });
      }
    }
    i = j;
  }
  return out;
}

/** Whether token k is part of a place. */
function inPlace(places: PlaceMention[], k: number): boolean {
  for (const p of places) if (k >= p.first && k <= p.last) return true;
  return false;
}

/** Whether tokens a..b are one place, whole. */
function isPlace(places: PlaceMention[], a: number, b: number): boolean {
  for (const p of places) if (p.first === a && p.last === b) return true;
  return false;
}

/** Whether a token of a..b is part of a place. */
function overlapsPlace(places: PlaceMention[], a: number, b: number): boolean {
  for (const p of places) if (p.first <= b && p.last >= a) return true;
  return false;
}

/** Whether every word token of a..b passes the test. */
function everyWord(toks: Token[], a: number, b: number, test: (w: Token) => boolean): boolean {
  for (let k = a; k <= b; k++) if (toks[k]!.kind === 'word' && !test(toks[k]!)) return false;
  return true;
}

/**
 * Whether the words before token a are a title ("Dr.", "Prime Minister"), each word without a final period:
 * the words joined, looked up once per title length (comparing them with every title took a regular
 * expression per title and word).
 */
function hasTitleBefore(toks: Token[], a: number): boolean {
  for (const n of TITLE_LENGTHS) {
    if (a - n < 0) continue;
    let words = withoutFinalPeriod(toks[a - n]!.lower);
    for (let k = a - n + 1; k < a; k++) words += ' ' + withoutFinalPeriod(toks[k]!.lower);
    if (TITLES.has(words)) return true;
  }
  return false;
}

const FOREIGN = TIME.foreignMonths as Record<string, number>;
function foreignMonth(w: string): number {
  return FOREIGN[w.toLowerCase()] ?? 0;
}
