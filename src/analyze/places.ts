/**
 * Place mentions: capitalised word sequences found in the gazetteer. A name
 * that is also a common English word ("Mobile", "Police", "Reading") counts
 * only with a place-like context: a preposition of place before it or a
 * region or country after it ("Mesa, Arizona").
 */
import ENTITIES from './lexicon/entities.json' with { type: 'json' };
import { gazetteer, normaliseName, type Gazetteer, type Place } from './gazetteer.js';
import { DATELINE_DASHES, capitalisedIn, isCapitalised, tokenize, withoutFinalPeriod, type Token } from './text.js';

export interface PlaceMention {
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  place: Place;
  /** the text is a short form of the place's full name, said before ("the Bagh" after "Jallianwala Bagh") */
  short?: boolean;
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'from', 'into', 'across', 'to', 'toward', 'towards', 'around', 'throughout', 'of', 'via', 'within', 'inside']);
const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'le', 'el', 'al', 'du', 'des', 'da', 'do', 'dos', 'das']);
const NEVER = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'god', 'allah', 'president', 'minister', 'general',
  'leader', 'national', 'state', 'soviet', 'republic', 'university', 'police', 'army', 'martyrs', 'alley', 'day', 'the', 'city',
  // month abbreviations ("on Nov. 5")
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'president', 'minister', 'general', 'gen', 'leader', 'sen', 'senator', 'rep', 'gov', 'governor', 'mayor', 'prof', 'sheikh', 'king', 'queen', 'prince', 'pope', 'saint', 'st', 'officer', 'sergeant', 'captain', 'judge', 'secretary', 'chief']);
const MIN_COMMON_WORD_POPULATION = 50_000;
/**
 * A word of three to five capitals that names only towns smaller than this is read as the acronym it also is
 * ("NATO said": Nato, Philippines, 5,583 people; "a BART train", "the SARS outbreak"), unless a comma or dash
 * follows it as in a dateline ("OLEAN, N.Y. —"). (Two-letter codes have their own rule: only after a comma.)
 */
const MIN_ACRONYM_POPULATION = 10_000;
const ACRONYM = /^[A-Z]{3,5}$/;
const ORG_HEADS = new Set(ENTITIES.orgHeads);

/**
 * The capitalised run around token i: maximal sequence of capitalised tokens
 * (and connectors between them). A sentence-initial common word is not part of it.
 */
function capitalisedRun(toks: Token[], i: number): [number, number] {
  const english = gazetteer().english;
  // (a connector counts only next to a capitalised word, tested first: the word beside a place, mostly lower-case,
  // is then not looked up)
  let a = i;
  while (a > 0 && (isCapitalised(toks[a - 1]) || (isCapitalised(toks[a - 2]) && CONNECTORS.has(toks[a - 1]!.lower)))) a--;
  if (a === 0 && a < i && english.has(toks[0]!.lower)) a = 1;
  while (a < i && !isCapitalised(toks[a])) a++;
  let b = i;
  while (b + 1 < toks.length && (isCapitalised(toks[b + 1]) || (isCapitalised(toks[b + 2]) && CONNECTORS.has(toks[b + 1]!.lower)))) b++;
  return [a, b];
}

/**
 * A match inside a longer capitalised name counts only as "University of
 * <Place>" or as "<Place> High School" (the rest of the run all organisation
 * words); "Howard Johnson Hotel" or "Operative Information Center" name no place.
 */
function standsAlone(toks: Token[], i: number, j: number): boolean {
  const [a, b] = capitalisedRun(toks, i);
  if (a === i && b === j) return true;
  if (a < i) {
    if (toks[i - 1] && CONNECTORS.has(toks[i - 1]!.lower)) return b === j || rest(toks, j + 1, b);
    return false;
  }
  return rest(toks, j + 1, b);
}

function rest(toks: Token[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const w = toks[k]!.lower;
    // ("the Atlanta Post Office" is where it stands)
    const media = MEDIA_HEADS.has(w) && !(w === 'post' && toks[k + 1]?.lower === 'office');
    if ((!ORG_HEADS.has(w) || media) && !CONNECTORS.has(w)) return false;
  }
  return true;
}
/** Organisation words of the media, which are not where they stand: "Xinhua News Agency", "Kathmandu Post" names no place */
const MEDIA_HEADS = new Set(['news', 'agency', 'times', 'post', 'press', 'daily', 'tribune', 'herald', 'gazette', 'journal', 'wire', 'ledger', 'observer', 'chronicle', 'telegraph', 'courier', 'dispatch', 'broadcasting', 'network', 'service']);

/** /^[A-Z]{2}$/.test(s), a two-letter code such as "TX", without a regular expression */
function isCode(s: string): boolean {
  if (s.length !== 2) return false;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(1);
  return a >= 65 && a <= 90 && b >= 65 && b <= 90;
}


/** The place named by tokens [i, j], or null. */
function lookup(toks: Token[], i: number, j: number, text: string): Place[] | null {
  const key = nameKey(toks, i, j, text);
  return key === null ? null : placesOf(gazetteer(), key);
}

const NOT_IN_NAMES = /[\n,;:()]/;

/**
 * normaliseName of the text of tokens [i, j], or null when that text holds a line break, a comma, a semicolon,
 * a colon or a bracket (it names no place). Words one space apart, the usual case, are joined without cutting
 * the text and running regular expressions over it: each word's normalised form, a space between.
 */
function nameKey(toks: Token[], i: number, j: number, text: string, owner = false): string | null {
  let key = toks[i]!.kind === 'word' ? tokenKey(toks[i]!, owner && i === j) : null;
  for (let k = i + 1; k <= j && key !== null; k++) {
    const t = toks[k]!;
    const gap = toks[k - 1]!.end;
    key = t.kind === 'word' && t.start === gap + 1 && text.charCodeAt(gap) === 32 ? key + ' ' + tokenKey(t, owner && k === j) : null;
  }
  if (key !== null) return key;
  const name = text.slice(toks[i]!.start, owner ? toks[j]!.end - 2 : toks[j]!.end);
  return NOT_IN_NAMES.test(name) ? null : normaliseName(name);
}

const nonEmpty = (hits: Place[] | undefined): Place[] | null => (hits?.length ? hits : null);

/** A town named in the possessive is a town when this many people live there or more (else a shop: "Luby's"). */
const MIN_POSSESSIVE_POPULATION = 100_000;

/** Whether a word token ends in a possessive "'s" ("Kabul's", "Turkey’s"). */
const possessive = (t: Token): boolean => t.lower.length > 3 && (t.lower.endsWith("'s") || t.lower.endsWith('’s'));

/**
 * normaliseName of one word token: its lower case with one apostrophe (a word token holds no space, comma or
 * bracket); with `owner`, a possessive without its "'s" ("Kabul's mayor" names Kabul).
 */
const tokenKey = (t: Token, owner = false): string => {
  const lower = owner ? t.lower.slice(0, -2) : t.lower;
  return lower.includes('’') ? normaliseName(owner ? t.text.slice(0, -2) : t.text) : lower;
};

/**
 * The most words of a gazetteer name starting with token t (0: none). A name
 * found in the text starts with its first token followed by a space (word
 * tokens never touch), so a token that starts no name needs no lookup, and a
 * name of n words spans at most n word tokens when a space separates each
 * from the next.
 */
const mostWords = (g: Gazetteer, t: Token): number => g.firstWords.get(tokenKey(t)) || (possessive(t) ? g.firstWords.get(tokenKey(t, true)) : 0);

/** The places of a normalised name, or null (g.names holds byName's lists: one look-up). */
const placesOf = (g: Gazetteer, key: string): Place[] | null => nonEmpty(g.names.get(key));

const SPACE = /\s/;
/** Whether text[from, to) holds a space (what normaliseName turns into a word break). */
function holdsSpace(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(text[k]!))) return true;
  }
  return false;
}

/** Characters from the start of its line within which a bracketed name before a dash is a dateline's agency. */
const DATELINE_SPAN = 60;
/** What a dateline holds before its agency: capitalised words (place, month), commas, a day, a year. */
const DATELINE_HEAD = /^(?:(?:\p{Lu}[\p{L}'’.-]*|\d{1,4}(?:st|nd|rd|th)?)(?:[\s,]+|$))*$/u;

/**
 * Whether the name from token i to j is in the brackets of a dateline, before its dash: "YANGON, July 22
 * (Xinhua) — …", "KABUL (Reuters) - …" (at the start of a line, after nothing but the dateline's place and date).
 */
function isDatelineAgency(toks: Token[], i: number, j: number, text: string): boolean {
  if (toks[i - 1]?.text !== '(' || toks[j + 1]?.text !== ')' || !DATELINE_DASHES.has(toks[j + 2]?.text ?? '')) return false;
  const open = toks[i - 1]!.start;
  const line = text.lastIndexOf('\n', open - 1) + 1;
  return open - line <= DATELINE_SPAN && DATELINE_HEAD.test(text.slice(line, open));
}

const NAME_OWNERS = new Set(['his', 'her', 'their', 'my', 'our']);
const NAME_KINDS = new Set(['first', 'last', 'full', 'given', 'family']);
const SELVES = new Set(['himself', 'herself', 'themselves', 'myself']);

/**
 * Whether token i is where words that present a person's name leave off: "who gave his name as Joseph",
 * "her first name is Florence", "the man identified himself as Jackson". Such a name is no place.
 */
function isPresentedName(toks: Token[], i: number): boolean {
  const w = (k: number) => toks[i - k]?.lower ?? '';
  const verb = w(1);
  if (verb !== 'as' && verb !== 'is' && verb !== 'was' && verb !== 'were') return false;
  if (w(2) === 'name' || w(2) === 'names') return NAME_OWNERS.has(w(3)) || (NAME_KINDS.has(w(3)) && NAME_OWNERS.has(w(4)));
  return verb === 'as' && SELVES.has(w(2)) && (w(3) === 'identified' || w(3) === 'introduced');
}

/** A country written as capital letters with periods and no spaces ("U.S.", "U.K.", "U.A.E.") at token i, or null. */
function dottedCountryAt(g: Gazetteer, toks: Token[], i: number, text: string): PlaceMention | null {
  const t = toks[i]!;
  if (t.text.length !== 1 || toks[i + 1]?.text !== '.' || toks[i + 1]!.start !== t.end) return null;
  let j = i;
  let key = '';
  while (toks[j]?.text.length === 1 && /[A-Z]/.test(toks[j]!.text) && toks[j + 1]?.text === '.' && toks[j + 1]!.start === toks[j]!.end && (j === i || toks[j]!.start === toks[j - 1]!.end)) {
    key += `${toks[j]!.lower}.`;
    j += 2;
  }
  if (key.length < 4) return null;
  const country = g.byName.get(key)?.find((p) => p.kind === 'country');
  if (!country) return null;
  const last = j - 1;
  return { first: i, last, start: t.start, end: toks[last]!.end, text: text.slice(t.start, toks[last]!.end), place: country };
}

/** Words that open the name of a natural feature: "Lake Kivu", "Mount Merapi", "Gulf of Aden". */
const FEATURE_HEADS = new Set(['lake', 'mount', 'mt', 'gulf', 'bay', 'strait', 'straits', 'cape', 'isle', 'river', 'sea']);
/** Words that end one: "Yangtze River", "Black Sea", "Andes Mountains". */
const FEATURE_TAILS = new Set([
  'river', 'lake', 'sea', 'ocean', 'bay', 'gulf', 'mountains', 'mountain', 'valley', 'island', 'islands', 'desert', 'canal', 'strait',
  'peninsula', 'falls', 'dam', 'reservoir', 'volcano', 'glacier', 'delta', 'basin', 'lagoon', 'archipelago',
]);
/** Words that cannot start such a name ("The River", "This Lake"; prepositions too, see PLACE_PREPOSITIONS). */
const NOT_FEATURE_STARTS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'every', 'no', 'one', 'on', 'along', 'by', 'beside', 'over', 'past', 'up', 'down']);
const FEATURE_CONNECTORS = new Set(['of', 'the']);
const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;

/**
 * A named natural feature starting at token i: a feature word before one to three capitalised words ("Lake
 * Kivu", "Gulf of Aden", "Mt. Merapi"), or one to three capitalised words before it ("Yangtze River", "Black
 * Sea"). Not when the name goes on into an organisation's ("Mount Sinai Hospital", "Lake Forest College"), nor
 * when the gazetteer knows the whole name as a town ("Lake Forest"), which the look-up after this reads.
 */
function featureAt(toks: Token[], i: number, text: string): PlaceMention | null {
  const t = toks[i]!;
  // every feature name goes on from its first word to a capitalised word, "of"/"the", or the period of "Mt."
  // (most capitalised words are followed by none: they are turned away before any look-up)
  const next = toks[i + 1];
  if (!next || !(isCapitalised(next) || next.lower === 'of' || next.lower === 'the' || next.text === '.')) return null;
  const lower = withoutFinalPeriod(t.lower);
  let j = -1;
  // (a feature word inside a longer name opens nothing: "San Francisco Bay Area")
  if (FEATURE_HEADS.has(lower) && !(i > 0 && isCapitalised(toks[i - 1]) && !toks[i]!.breakBefore)) {
    // ("Mt. Merapi": the abbreviation's period may be a token of its own)
    const from = lower === 'mt' && toks[i + 1]?.text === '.' ? i + 1 : i;
    const nameAt = (k: number) => isCapitalised(toks[k]) || (FEATURE_CONNECTORS.has(toks[k]?.lower ?? '') && isCapitalised(toks[k + 1]));
    if (nameAt(from + 1) && !NEVER.has(toks[from + 1]!.lower)) {
      j = from;
      while (j - i < 5 && nameAt(j + 1)) j += isCapitalised(toks[j + 1]) ? 1 : 2;
    }
  } else if (!NOT_FEATURE_STARTS.has(t.lower) && !PLACE_PREPOSITIONS.has(t.lower) && !NEVER.has(t.lower)) {
    // (nor can a preposition opening a sentence: "In Tana River, villages …" names Tana River)
    for (let k = i + 1; k <= i + 3 && isCapitalised(toks[k]); k++) {
      // (in title case: "US FALLS" in a headline of capitals is a verb)
      if (FEATURE_TAILS.has(toks[k]!.lower) && TITLE_CASE.test(toks[k]!.text)) j = k;
      else if (j > 0) break;
    }
  }
  if (j < 0) return null;
  // the name goes on ("Radisson Bay Harbor Inn", "Salt Lake City", "San Francisco Bay Area": a longer name of
  // something else), holds an organisation's word, or the gazetteer names it whole
  if (isCapitalised(toks[j + 1]) && holdsSpace(text, toks[j]!.end, toks[j + 1]!.start)) return null;
  for (let k = i + 1; k <= j; k++) if (ORG_HEADS.has(toks[k]!.lower)) return null;
  if (lookup(toks, i, j, text)) return null;
  for (let k = i + 1; k <= j; k++) {
    if (toks[k]!.text === '.' && k === i + 1) continue;
    if ((toks[k - 1]!.text !== '.' && !holdsSpace(text, toks[k - 1]!.end, toks[k]!.start)) || text.slice(toks[k - 1]!.end, toks[k]!.start).includes('\n')) return null;
  }
  const name = text.slice(t.start, toks[j]!.end).replace(/\s+/g, ' ');
  const place: Place = { id: `feature:${name.toLowerCase()}`, name, kind: 'feature', country: '', region: null, population: 0, lat: null, lon: null };
  return { first: i, last: j, start: t.start, end: toks[j]!.end, text: text.slice(t.start, toks[j]!.end), place };
}

export function findPlaces(toks: Token[], text: string): PlaceMention[] {
  const g = gazetteer();
  const out: PlaceMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // (a two-letter code such as "TX" is capitalised too)
    if (!capitalisedIn(text, t)) continue;
    // after a comma, the code of a US state is the state ("Smalltown, MO"), whether or not a place before it was
    // found, and not a place whose name folds to it (Mo, Norway)
    if (isCode(t.text) && toks[i - 1]?.text === ',') {
      const state = g.regions.get(`US.${t.text}`);
      if (state) {
        out.push({ first: i, last: i, start: t.start, end: t.end, text: t.text, place: state });
        continue;
      }
    }
    // "U.S.", "U.K.": letters and periods, one word
    const dotted = dottedCountryAt(g, toks, i, text);
    if (dotted) {
      out.push(dotted);
      i = dotted.last;
      continue;
    }
    const feature = featureAt(toks, i, text);
    if (feature) {
      out.push(feature);
      i = feature.last;
      continue;
    }
    const most = mostWords(g, t);
    if (!most) continue;
    const top = Math.min(toks.length - 1, i + 4);
    // no name starting with this word has more words than `most`: longer runs need no lookup (unless a gap
    // without a space, such as a digit of another script, joins two tokens into one word of the name)
    let last = Math.min(top, i + most - 1);
    for (let k = i + 1; k <= top && last < top; k++) if (!holdsSpace(text, toks[k - 1]!.end, toks[k]!.start)) last = top;
    // the longest name from token i: its last token j, its normalised text and its places
    let j = last;
    let key: string | null = null;
    let found: Place[] | null = null;
    /** the name was found without its last word's possessive "'s" */
    let owned = false;
    for (; j >= i; j--) {
      // every token of a multi-word name is capitalised or a connector, and the last is capitalised
      let ok = isCapitalised(toks[j]);
      for (let k = i + 1; k < j && ok; k++) ok = isCapitalised(toks[k]) || CONNECTORS.has(toks[k]!.lower);
      if (!ok) continue;
      key = nameKey(toks, i, j, text);
      found = key === null ? null : placesOf(g, key);
      if (found) break;
      // ("Kabul's mayor": the name without the possessive's "'s"; "St. John's" is found whole, above)
      if (possessive(toks[j]!)) {
        key = nameKey(toks, i, j, text, true);
        found = key === null ? null : placesOf(g, key);
        if (found) {
          owned = true;
          break;
        }
      }
    }
    if (!found || key === null) continue;
    // a site named after a place is no mention of that place: "Grenfell Tower", "Sharpeville Stadium", "Moscow
    // Street" (addLocalPlaces reads the whole name as a place of its own)
    if (isSiteTail(toks[j + 1])) {
      i = j;
      continue;
    }
    // nor is a site word the gazetteer holds as a town, after a name: "Jallianwala Bagh" (Bagh is a town in Pakistan)
    if (i === j && isSiteTail(toks[i]) && i > 0 && isCapitalised(toks[i - 1]) && !CONNECTORS.has(toks[i - 1]!.lower) && text.charCodeAt(toks[i - 1]!.end) === 32) continue;
    let hits = found;
    if (!standsAlone(toks, i, j)) {
      i = j;
      continue;
    }
    if (NEVER.has(key)) continue;
    const prev = toks[i - 1];
    if (prev && TITLES.has(withoutFinalPeriod(prev.lower))) continue;
    if (isPresentedName(toks, i)) continue;
    // the wire agency of a dateline is no place, whatever it is named: "YANGON, July 22 (Xinhua) — …"
    if (isDatelineAgency(toks, i, j, text)) continue;
    // a name that speaks is a source: "the press agency Tass said", "The Tass report said", "Moscow said" (not "officials
    // in Moscow said", where the name is where they are)
    if (speaks(toks, j) && !SPEAKER_PLACE_BEFORE.has(prev?.lower ?? '')) continue;
    // two-letter codes only after a comma ("Sherman, TX")
    // (a country's own two letters stand anywhere: "US troops", "the UK")
    if (j === i && isCode(t.text) && prev?.text !== ',' && !hits.some((h) => h.kind === 'country')) continue;
    // a region or country after a comma picks the candidate: "Austin, Texas", "Mesa, Arizona"
    let qualifier: Place | null = null;
    /** the token of a two-letter code that picked the candidate ("Montgomery, AL"): a mention of its region */
    let codeAt = -1;
    if (toks[j + 1]?.text === ',') {
      for (let k = Math.min(toks.length - 1, j + 4); k >= j + 2; k--) {
        const q = isCapitalised(toks[j + 2]) || isCode(toks[j + 2]?.text ?? '') ? lookup(toks, j + 2, k, text) : null;
        const region = q?.find((p) => p.kind === 'region' || p.kind === 'country');
        const code = !q && k === j + 2 && isCode(toks[k]!.text) ? toks[k]!.text : null;
        const byCode = code ? [...g.regions.values()].find((r) => r.region === code && hits.some((h) => h.country === r.country && h.region === code)) : undefined;
        if (region || byCode) {
          qualifier = (region ?? byCode)!;
          if (byCode) codeAt = k;
          break;
        }
      }
    }
    if (qualifier) {
      const q = qualifier;
      const within = hits.filter((h) => h !== q && (q.kind === 'country' ? h.country === q.country : h.country === q.country && h.region === q.region));
      if (within.length) hits = within;
    }
    const best = hits[0]!;
    const after = toks[j + 1]?.text ?? '';
    if (j === i && !qualifier && ACRONYM.test(t.text) && after !== ',' && !DATELINE_DASHES.has(after) && hits.every((h) => h.kind === 'city' && h.population < MIN_ACRONYM_POPULATION)) continue;
    // (a country's name, capitalised inside a sentence, is the country: "across the US and Turkey")
    const common = j === i && g.commonWords.has(key) && !(i > 0 && best.kind === 'country' && !toks[i]!.breakBefore);
    if (common && !qualifier) {
      const prepositional = prev && PLACE_PREPOSITIONS.has(prev.lower);
      if (!prepositional || (best.kind === 'city' && best.population < MIN_COMMON_WORD_POPULATION)) continue;
    }
    // a sentence-initial single word that is not clearly a place name is skipped when lowercase use is common
    if (i === 0 && common) continue;
    // a possessive names a known place ("Kabul's mayor"), not a shop named after a person ("a McDonald's", "Macy's")
    if (owned && best.kind === 'city' && best.population < MIN_POSSESSIVE_POPULATION) continue;
    // (without the possessive's "'s")
    const end = owned ? toks[j]!.end - 2 : toks[j]!.end;
    out.push({ first: i, last: j, start: t.start, end, text: text.slice(t.start, end), place: best });
    i = j;
    if (codeAt >= 0 && qualifier) {
      // the code names the region that qualified the place (Alabama), whatever else it may spell (Ål, Norway)
      const c = toks[codeAt]!;
      out.push({ first: codeAt, last: codeAt, start: c.start, end: c.end, text: c.text, place: qualifier });
      i = codeAt;
    }
  }
  return out;
}

const SPEECH_AFTER = new Set(['said', 'says', 'reported', 'reports', 'announced', 'quoted', 'claimed', 'stated', 'called', 'accused', 'denied', 'blamed', 'insisted', 'admitted', 'acknowledged',
  // (a city's broadcaster speaks for its government: "Tehran radio carried an interview", "a communique read on Baghdad radio")
  'radio', 'television', 'tv']);
/** words before a name that make it a place even before a verb of saying: "officials in Moscow said" */
const SPEAKER_PLACE_BEFORE = new Set(['in', 'at', 'from', 'near', 'of', 'outside', 'inside']);
/** whether the name ending at token j is the subject of a verb of saying ("Tass said", "the Tass report said") */
function speaks(toks: Token[], j: number): boolean {
  const next = toks[j + 1]?.lower ?? '';
  return SPEECH_AFTER.has(next) || (next === 'report' && SPEECH_AFTER.has(toks[j + 2]?.lower ?? ''));
}

/** prepositions that put a name where something happened: "in Marikana", "at Sharpeville", "near Savar" */
const LOCAL_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside', 'around']);
/** words before "of" and a place's name: "the town of Marikana", "the outskirts of Andijan" */
const LOCAL_OF = new Set(['city', 'town', 'village', 'township', 'centre', 'center', 'outskirts', 'streets', 'suburb', 'suburbs', 'district', 'people', 'residents', 'heart']);
/** words of a place's part before its name: "central Andijan", "northern Marikana" */
const LOCAL_PARTS = new Set(['central', 'northern', 'southern', 'eastern', 'western', 'downtown', 'north-western', 'north-eastern', 'south-western', 'south-eastern']);
/** what happened there, after the name: "the Sharpeville massacre", "the Andijan events" (not a strike or a war: a company's, a country's) */
export const EVENT_AFTER_PLACE = new Set(['tragedy', 'massacre', 'genocide', 'pogrom', 'pogroms', 'bombing', 'bombings', 'shooting', 'shootings', 'crackdown', 'uprising', 'riot', 'riots', 'events', 'earthquake', 'flood', 'floods', 'fire', 'explosion', 'blast', 'crash', 'disaster', 'siege', 'killings', 'stampede', 'collapse', 'attack', 'attacks']);

/** lower-case words that may follow a place's name that heads its phrase ("in Andijan on Friday", "at Marikana, where …") */
const AFTER_PLACE = new Set([
  'on', 'in', 'at', 'and', 'or', 'but', 'nor', 'was', 'were', 'is', 'are', 'had', 'has', 'have', 'will', 'would', 'could', 'that', 'which',
  'who', 'where', 'when', 'after', 'before', 'during', 'to', 'for', 'with', 'by', 'from', 'of', 'as', 'since', 'until', 'while', 'last', 'this',
  'yesterday', 'today', 'itself', 'alone', 'then', 'than', 'near', 'outside', 'into', 'over', 'under', 'between', 'against', 'about', 'remains',
  'still', 'also', 'became', 'saw', 'lies', 'stood', 'did', 'does', 'earlier', 'later', 'again', 'says', 'said',
]);

/** nouns of what belongs to a town, after its name: "the Sharpeville survivors", "Khojaly residents", "the Sharpeville toll" */
const OF_A_PLACE = new Set(['residents', 'survivors', 'victims', 'memorial', 'toll', 'cemetery', 'townspeople', 'villagers', 'township', 'municipality']);

/** "in the Bagh", "into the Tower": a site's short form after a preposition and "the" */
const theSiteAt = (toks: Token[], i: number) => toks[i - 1]?.lower === 'the' && (LOCAL_PREPOSITIONS.has(toks[i - 2]?.lower ?? '') || /^(into|to|from|inside)$/.test(toks[i - 2]?.lower ?? ''));

/** whether the name at toks[i..j] stands where a place's does: after "in", "at", "the town of", "central", or before "massacre" */
function placedAt(toks: Token[], i: number, j: number): boolean {
  const prev = toks[i - 1]?.lower;
  const next = toks[j + 1];
  if (next && (EVENT_AFTER_PLACE.has(next.lower) || OF_A_PLACE.has(next.lower))) return true;
  if (prev === 'of' && LOCAL_OF.has(toks[i - 2]?.lower ?? '')) return true;
  // (a possessive modifies what follows it: "near Lonmin's Marikana mine", "at Lonmin's shafts")
  if (possessive(toks[j]!)) return false;
  // (a name that ends in its kind of place, "Grevin Square", heads its phrase, and may stand "on" it; any other
  // must head its phrase: "in Kyrgyz custody", "at Lonmin shafts" use it as a word before a noun)
  const kind = LOCAL_TAILS.has(toks[j]!.lower);
  if (!kind && next && next.kind === 'word' && next.text === next.lower && !AFTER_PLACE.has(next.lower)) return false;
  return prev !== undefined && (LOCAL_PREPOSITIONS.has(prev) || LOCAL_PARTS.has(prev) || (kind && prev === 'on'));
}

/** a place the report names and the gazetteer lacks: a city of no known country */
const localPlace = (key: string, name: string): Place => ({ id: `local:${key}`, name, kind: 'city', country: '', region: null, population: 0, lat: null, lon: null });

/** how often a report must name a place the gazetteer lacks before it is read as one */
const LOCAL_MIN_USES = 2;
/** the last words of a building's name ("Grenfell Tower", "Lakanal House", "Caxton Hall"): one building has one fire */
export const BUILDING_TAILS: ReadonlySet<string> = new Set(['tower', 'house', 'hall', 'building', 'mine', 'factory', 'mill', 'school', 'church', 'mosque', 'temple', 'cathedral', 'station', 'airport', 'prison', 'barracks', 'arena', 'theatre', 'hotel', 'mall', 'stadium']);
/** words of a site within a town that may end its name: "Rustaveli Avenue", "Babur Square", a building's (reconcile/scope.ts reads them too) */
export const SITE_TAILS: ReadonlySet<string> = new Set(['square', 'plaza', 'market', 'bazaar', 'avenue', 'street', 'road', 'lane', 'boulevard', 'park', 'bridge', 'cemetery', 'graveyard', 'gardens', 'bagh', 'maidan', ...BUILDING_TAILS]);
/** Whether a place's name has two words or more, the last naming a site within a town: "Babur Square", "Jallianwala Bagh". */
export function isSiteName(place: string): boolean {
  const sp = place.lastIndexOf(' ');
  return sp > 0 && SITE_TAILS.has(place.slice(sp + 1).toLowerCase());
}
/** a capitalised word of a site's kind after a name: "Tower" in "Grenfell Tower" */
const isSiteTail = (t: Token | undefined) => t !== undefined && t.kind === 'word' && t.text !== t.lower && SITE_TAILS.has(t.lower);
/** words of a kind of place that may end such a name: a site's, or a part of a town's or a district's ("Langa township") */
const LOCAL_TAILS = new Set(['township', 'village', 'district', 'camp', 'settlement', 'quarter', 'neighbourhood', 'neighborhood', 'location', 'estate', 'compound', ...SITE_TAILS]);
const CALENDAR_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'christmas', 'easter', 'ramadan',
]);

/** "Doo-hwan", "Tae-woo", "Dae-jung": a given name of two syllables joined by a hyphen, the second in lower case */
const HYPHENED_GIVEN = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u;

/**
 * Drops, in place, the place mentions of names the report gives a person: a name before a hyphened given name
 * ("Chun Doo-hwan", "Roh Tae-woo") or after a title ("General Chun", "President Roh") is a surname, and so is every
 * bare use of it in the same report ("Chun's coup", "sentenced Chun"), though the gazetteer holds a town of that name.
 */
export function dropPersonNames(sentences: ReadonlyArray<{ tokens: Token[] }>, places: PlaceMention[][], text: string): void {
  let names: Set<string> | null = null;
  for (const s of sentences) {
    const toks = s.tokens;
    for (let i = 0; i + 1 < toks.length; i++) {
      const t = toks[i]!;
      if (!capitalisedIn(text, t)) continue;
      const given = toks[i + 1]!;
      const hyphened = HYPHENED_GIVEN.test(given.text) && holdsSpace(text, t.end, given.start);
      const before = i > 0 ? withoutFinalPeriod(toks[i - 1]!.lower) : '';
      // (not a saint's: "St Petersburg" names a place)
      const titled = TITLES.has(before) && before !== 'st' && before !== 'saint' && /^\p{Lu}\p{Ll}+$/u.test(t.text) && !capitalisedIn(text, given);
      if (hyphened || titled) (names ??= new Set()).add(t.lower);
    }
  }
  if (!names) return;
  for (let k = 0; k < places.length; k++) {
    const ps = places[k]!;
    if (ps.some((p) => p.first === p.last && names!.has(p.text.toLowerCase()))) places[k] = ps.filter((p) => !(p.first === p.last && names!.has(p.text.toLowerCase())));
  }
}

/**
 * Places the gazetteer does not know (a township, a village, a square, most of the small towns where things
 * happen: "Sharpeville", "Marikana"), read from the report itself: a capitalised name of one to three words that
 * stands after "in", "at", "near" … at least once and is named at least LOCAL_MIN_USES times, none of its words
 * a common English word, a month or a weekday, a demonym or an organisation's word. Every use of such a name in
 * the report becomes a place mention (a city of no known country), added to `places` (one list per sentence, in
 * reading order, as findPlaces gives them).
 */
export function addLocalPlaces(sentences: ReadonlyArray<{ tokens: Token[] }>, places: PlaceMention[][], text: string, title?: string | null): void {
  const g = gazetteer();
  const uses = new Map<string, { uses: number; placed: number; name: string }>();
  /** the run of capitalised words opening at token i of toks (at most three) in src, or -1 when none may name a place */
  const runAt = (toks: Token[], i: number, covered: Uint8Array, src: string): number => {
    let j = i;
    // (a possessive ends a name: "Lonmin's Marikana mine")
    while (j < i + 3 && j + 1 < toks.length && !possessive(toks[j]!) && capitalisedIn(src, toks[j + 1]!) && !covered[j + 1] && holdsSpace(src, toks[j]!.end, toks[j + 1]!.start)) j++;
    for (let k = i; k <= j; k++) {
      const w = withoutFinalPeriod(toks[k]!.lower).replace(/['’]s$/, '');
      const plain = w.length >= 3 && /^\p{Lu}[\p{Ll}'’-]+$/u.test(toks[k]!.text);
      if (plain && !g.english.has(w) && !CALENDAR_WORDS.has(w) && !g.demonyms.has(w) && !ORG_HEADS.has(w) && !MEDIA_HEADS.has(w) && !TITLES.has(w) && !NEVER.has(w)) continue;
      // a word of the kind of place ends the name ("Babur Square", "Rana Plaza"); any other ends it before itself
      if (k === i) return -1;
      return plain && LOCAL_TAILS.has(w) ? k : k - 1;
    }
    return j;
  };
  const coveredOf = (toks: Token[], ps: readonly PlaceMention[]) => {
    const c = new Uint8Array(toks.length);
    for (const p of ps) for (let k = p.first; k <= p.last; k++) c[k] = 1;
    return c;
  };
  /** counts the names of one list of tokens of src; calls back with each run */
  const scan = (toks: Token[], ps: readonly PlaceMention[], src: string, each: (i: number, j: number, key: string) => void) => {
    const covered = coveredOf(toks, ps);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      // (a name's first word: after a lower-case word, or after a capitalised common word, "In Marikana", "The …")
      if (covered[i] || !capitalisedIn(src, t)) continue;
      const prev = toks[i - 1];
      if (prev && capitalisedIn(src, prev) && !g.english.has(prev.lower) && !possessive(prev) && !covered[i - 1]) continue;
      const j = runAt(toks, i, covered, src);
      if (j < 0) continue;
      const name = src.slice(t.start, toks[j]!.end).replace(/['’]s$/, '');
      const key = normaliseName(name);
      const u = uses.get(key) ?? { uses: 0, placed: 0, name };
      u.uses++;
      if (placedAt(toks, i, j)) u.placed++;
      uses.set(key, u);
      each(i, j, key);
      i = j;
    }
  };
  // the title counts (a report's headline often names the place its body names once: "Marikana widows mark 11 years")
  if (title) {
    const toks = tokenize(title);
    scan(toks, findPlaces(toks, title), title, () => {});
  }
  const runs: Array<{ s: number; i: number; j: number; key: string }> = [];
  sentences.forEach((s, si) => scan(s.tokens, places[si]!, text, (i, j, key) => runs.push({ s: si, i, j, key })));
  // a site's last word alone is the site named in full before ("Jallianwala Bagh" … "the Bagh", "Grenfell Tower" …
  // "the Tower"): the key of the full name, by its last word
  const fullName = new Map<string, string>();
  for (const [key, u] of uses) {
    const space = key.lastIndexOf(' ');
    if (space < 0 || !LOCAL_TAILS.has(key.slice(space + 1))) continue;
    const tail = key.slice(space + 1);
    // (where the short form stands, the site does: "into the Bagh" places "Jallianwala Bagh", whether the gazetteer
    // holds a Bagh elsewhere or not)
    u.placed += uses.get(tail)?.placed ?? 0;
    for (const r of runs) if (r.key === tail && theSiteAt(sentences[r.s]!.tokens, r.i)) u.placed++;
    sentences.forEach((s, si) => {
      for (const p of places[si]!) if (p.first === p.last && normaliseName(p.text) === tail && (placedAt(s.tokens, p.first, p.last) || theSiteAt(s.tokens, p.first))) u.placed++;
    });
    if (u.placed) fullName.set(tail, key);
  }
  const touched = new Set<number>();
  for (const r0 of runs) {
    const full = r0.key.includes(' ') ? undefined : fullName.get(r0.key);
    const r = full ? { ...r0, key: full } : r0;
    const u = uses.get(r.key)!;
    // (a name that ends in its kind of place, "Rustaveli Avenue", "Babur Square", says it is one: once is enough)
    if ((u.uses < LOCAL_MIN_USES && !LOCAL_TAILS.has(r.key.slice(r.key.lastIndexOf(' ') + 1))) || !u.placed) continue;
    const toks = sentences[r.s]!.tokens;
    const start = toks[r.i]!.start;
    const end = start + text.slice(start, toks[r.j]!.end).replace(/['’]s$/, '').length;
    const m: PlaceMention = { first: r.i, last: r.j, start, end, text: text.slice(start, end), place: localPlace(r.key, u.name) };
    if (full) m.short = true;
    places[r.s]!.push(m);
    touched.add(r.s);
  }
  // (a short form the gazetteer holds as a town elsewhere is the site too: "the Bagh" is no Bagh in Pakistan)
  if (fullName.size) {
    for (const ps of places) {
      for (let k = 0; k < ps.length; k++) {
        const p = ps[k]!;
        const full = p.first === p.last && !p.place.id.startsWith('local:') ? fullName.get(normaliseName(p.text)) : undefined;
        const u = full ? uses.get(full) : undefined;
        if (!full || !u) continue;
        ps[k] = { ...p, place: localPlace(full, u.name), short: true };
      }
    }
  }
  for (const s of touched) places[s]!.sort((a, b) => a.first - b.first);
}
