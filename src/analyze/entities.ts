/**
 * People, organisations and event names. Organisations are capitalised names
 * ending in an organisation word ("Foreign Ministry", "Milli Majlis") or
 * acronyms; people are capitalised names after a title or before "said", or
 * two or three capitalised words that are no place or organisation; event
 * names are "Black January", "the January 20 tragedy", "20 Yanvar", "the
 * Khojaly genocide". Each event name has a key shared by its aliases: names
 * built on the same day of the year share "date:MM-DD".
 */
import ENTITIES from './lexicon/entities.json' with { type: 'json' };
import TIME from './lexicon/time.json' with { type: 'json' };
import { MONTHS } from '../core/dates.js';
import { gazetteer } from './gazetteer.js';
import type { DateMention } from './dates.js';
import type { PlaceMention } from './places.js';
import { DATELINE_DASHES, type Token } from './text.js';

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
const TITLES = ENTITIES.personTitles.map((t) => t.split(' ')).sort((a, b) => b.length - a.length);
const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'de', 'al', 'on']);
const MONTH_NAMES = new Set(Object.keys(MONTHS));
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const SPEECH = new Set(['said', 'says', 'told', 'stated', 'added', 'noted', 'wrote', 'announced', 'declared', 'explained', 'insisted']);
const NOT_NAMES = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'his', 'her', 'their', 'our', 'in', 'on', 'at', 'after', 'before', 'during', 'as', 'when', 'while', 'but', 'and', 'or', 'if', 'because', 'although', 'despite', 'since', 'until', 'today', 'yesterday', 'there', 'here', 'photo', 'photos', 'according']);
const TITLE_WORDS = new Set(ENTITIES.personTitles.flatMap((t) => t.split(' ')));

const UPPER_START = /^\p{Lu}/u;
/** a word starting with a capital (ASCII decides without a regular expression) */
const isCap = (t: Token | undefined): boolean => {
  if (!t || t.kind !== 'word') return false;
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(t.text);
};
const isAcronym = (t: Token | undefined) => Boolean(t && t.kind === 'word' && /^[A-Z]{2,6}$/.test(t.text));

export function findEntities(toks: Token[], text: string, places: PlaceMention[], dates: DateMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  const placeTok = new Set<number>();
  for (const p of places) for (let k = p.first; k <= p.last; k++) placeTok.add(k);
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
    // "Black January", "Bloody January"
    if (isCap(t) && EVENT_COLORS.has(t.lower) && MONTH_NAMES.has(toks[i + 1]?.lower ?? '') && isCap(toks[i + 1])) {
      out.push({ kind: 'event', start: t.start, end: toks[i + 1]!.end, text: slice(i, i + 1), value: `name:${t.lower} ${toks[i + 1]!.lower}` });
      i++;
      continue;
    }
    if (!isCap(t) && !isAcronym(t)) continue;
    // a capitalised run
    let j = i;
    while (j + 1 < toks.length && (isCap(toks[j + 1]) || isAcronym(toks[j + 1]) || (CONNECTORS.has(toks[j + 1]!.lower) && isCap(toks[j + 2])) || (toks[j + 1]!.text === '-' && !toks[j + 1]!.spaceBefore && isCap(toks[j + 2])))) j++;
    let a = i;
    // a sentence-initial function word is not part of a name
    while (a <= j && (NOT_NAMES.has(toks[a]!.lower) || (a === 0 && g.english.has(toks[a]!.lower) && !isAcronym(toks[a])))) a++;
    if (a > j) {
      i = j;
      continue;
    }
    const words = toks.slice(a, j + 1).filter((x) => x.kind === 'word');
    const last = toks[j]!;
    const lowerWords = words.map((w) => w.lower);
    const next = toks[j + 1];
    // one common word capitalised only because it opens the text after a dateline ("LAGOS, May 3 — Flash floods
    // hit …", "Street protests spread …") names no event: as a key it would join every report of such floods,
    // whatever their day and place (a sentence's first word is already left out above)
    const sentenceStart = a === 0 || toks[a]!.breakBefore || DATELINE_DASHES.has(toks[a - 1]!.text);
    const commonOpening = words.length === 1 && sentenceStart && g.english.has(lowerWords[0]!) && !isAcronym(toks[a]);
    if (EVENT_HEADS.has(next?.lower ?? '') && !placeTok.has(a) && words.length <= 4 && !MONTH_NAMES.has(lowerWords[0]!) && !commonOpening) {
      // "Khojaly genocide", "Second Karabakh War" (head inside the run is handled below)
      out.push({ kind: 'event', start: toks[a]!.start, end: next!.end, text: slice(a, j + 1), value: `name:${lowerWords.join(' ')} ${next!.lower}` });
    } else if (EVENT_HEADS.has(last.lower) && words.length >= 2 && words.length <= 5) {
      out.push({ kind: 'event', start: toks[a]!.start, end: last.end, text: slice(a, j), value: `name:${lowerWords.join(' ')}` });
    } else if (ORG_HEADS.has(last.lower) || (words.length === 1 && isAcronym(last) && !placeTok.has(a)) || lowerWords.some((w) => ORG_HEADS.has(w) && w !== 'of')) {
      if (!(words.length === 1 && placeTok.has(a))) out.push({ kind: 'org', start: toks[a]!.start, end: last.end, text: slice(a, j), value: slice(a, j) });
    } else if (words.length >= 2 && words.length <= 4 && !toks.slice(a, j + 1).some((_, k) => placeTok.has(a + k)) && !lowerWords.some((w) => MONTH_NAMES.has(w) || WEEKDAYS.has(w) || g.demonyms.has(w) || CONNECTORS.has(w))) {
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
      if (titled || speaks || words.every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(w.text))) {
        out.push({ kind: 'person', start: toks[a]!.start, end: last.end, text: slice(a, j), value: slice(a, j) });
      }
    }
    i = j;
  }
  return out;
}

function hasTitleBefore(toks: Token[], a: number): boolean {
  return TITLES.some((seq) => {
    const s = a - seq.length;
    return s >= 0 && seq.every((w, k) => toks[s + k]!.lower.replace(/\.$/, '') === w);
  });
}

const FOREIGN = TIME.foreignMonths as Record<string, number>;
function foreignMonth(w: string): number {
  return FOREIGN[w.toLowerCase()] ?? 0;
}
