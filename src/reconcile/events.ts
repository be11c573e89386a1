/**
 * Documents → events. Reports of one event share an event name or alias
 * ("Black January", "the January 20 tragedy", "20 Yanvar" all share one key
 * when one report uses several of them), or, without names, the same main
 * day and the same main place. Unrelated incidents stay apart.
 */
import { createHash } from 'node:crypto';
import { DisjointSets, addTo, maxOf } from '../core/collections.js';
import { addDays } from '../core/dates.js';
import { tollParser } from '../analyze/claims/parsers/toll.js';
import type { Claim, DocumentRef, Mention } from '../core/types.js';
import { BUILDING_TAILS, findPlaces, isSiteName } from '../analyze/places.js';
import { tokenize } from '../analyze/text.js';

export type { DocumentRef } from '../core/types.js';

export interface EventGroup<D extends DocumentRef = DocumentRef> {
  id: string;
  name: string;
  aliases: string[];
  documents: D[];
  start: string | null;
  end: string | null;
  places: string[];
  /** the main place of each of its reports, lower case: where the event is, as opposed to places some figures are given for */
  home?: string[];
  /**
   * the event covers an area: its reports have different main places and name several between them (a flood told
   * town by town); a figure given for one of its towns is then a part of it, not the whole
   */
  spread?: boolean;
}

/**
 * What grouping reads of one document, computed from its claims and mentions alone (so an archive can keep it
 * beside the document and group a million reports without reading their claims again). Plain JSON; the lists
 * keep the order in which the document names things, which breaks ties between equally used names and places.
 */
export interface DocSignature {
  /** event-name keys: [key, uses, [[words, uses], …]] */
  keys: Array<[string, number, Array<[string, number]>]>;
  day: { start: string; end: string } | null;
  /** the most weighted place */
  place: string | null;
  /** cities and regions with their weights */
  places: Array<[string, number]>;
  /** how many claims the document has */
  claims: number;
  /** names of sites the document mentions (organisations' and buildings' names of two words or more, lower case): "harlow tower" */
  sites?: string[];
  /**
   * days a later report looks back to (see recallsOf): a day it names with its year, a month or more before it was
   * published ("on 13 April 1919" in a 1920 report), and the day an anniversary's report marks ("the 30th
   * anniversary" in a report of 4 June 2019: around 4 June 1989)
   */
  recalls?: Array<{ start: string; end: string }>;
  /** for a report without a main day: the years its dates name ("since 2005", "in May 1980"), at most MAX_YEARS */
  years?: number[];
}

/** A document and its signature, as grouping reads them (the signature's lists as they are: no maps per document). */
interface DocFacts {
  doc: DocumentRef;
  sig: DocSignature;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function displayOfKey(key: string, texts: Map<string, number>): string {
  const best = [...texts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0];
  if (best) return best.replace(/^(the|a)\s+/i, '').replace(/\s+/g, ' ').trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  const m = /^date:(\d\d)-(\d\d)$/.exec(key);
  return m ? `${MONTH_NAMES[+m[1]! - 1]} ${+m[2]!}` : key.replace(/^(?:name|at):/, '');
}

/** the rule of the running-toll parser */
const TOLL_RULE = tollParser.id;

/** at most this many site names a document */
const MAX_SITES = 20;
/** how many days apart a report naming a site and a report naming an event at that site may be ("the Harlow Tower fire") */
const SITE_DAYS = 7;

const DATELINE_CAPS = /^[\p{Lu}][\p{Lu} '.-]{2,}$/u;

/** The kinds of places grouping reads (a country is too wide to tell events apart) */
const GROUPING_PLACES: ReadonlySet<string> = new Set(['city', 'region', 'feature']);

/** The cities, regions and features a title names ("Four days that left Conakry's suburbs in mourning"). */
function titlePlaces(title: string): string[] {
  return findPlaces(tokenize(title), title)
    .filter((p) => GROUPING_PLACES.has(p.place.kind))
    .map((p) => p.place.name);
}

/**
 * The grouping signature of a document published on `published`, from its claims and mentions, and the places its
 * title names (a report's title often names the city its body calls "the capital").
 */
export function signatureOf(
  published: string | null,
  claims: ReadonlyArray<Pick<Claim, 'time'> & Partial<Pick<Claim, 'rules' | 'category' | 'relation'>>>,
  mentions: readonly Mention[],
  title?: string | null,
): DocSignature {
  const keys = new Map<string, { n: number; texts: Map<string, number> }>();
  const places = new Map<string, number>();
  if (title) for (const p of titlePlaces(title)) places.set(p, (places.get(p) ?? 0) + 1);
  const sites = new Set<string>();
  for (const m of mentions) {
    if (m.kind === 'org' && sites.size < MAX_SITES && m.text.includes(' ')) sites.add(m.text.toLowerCase().replace(/\s+/g, ' '));
    if (m.kind === 'event') {
      const k = keys.get(m.value) ?? { n: 0, texts: new Map() };
      k.n++;
      k.texts.set(m.text, (k.texts.get(m.text) ?? 0) + 1);
      keys.set(m.value, k);
    } else if (m.kind === 'place' && GROUPING_PLACES.has(String(m.data?.kind))) {
      // a dateline's capitals ("ANKARA, March 14 -") say where the report was filed, which is often but not
      // always where the event was: they weigh less than a place the report's sentences name
      places.set(m.value, (places.get(m.value) ?? 0) + (DATELINE_CAPS.test(m.text) ? 0.5 : 1));
    }
  }
  // the main day: the time most claims are about, else the first dated mention before publication. A running
  // toll is dated by the day it was told ("has risen to 52, the ministry said on Thursday"), so its day counts only
  // when no other claim has one.
  const days = new Map<string, number>();
  const counted = (c: Pick<Claim, 'time'>) => c.time && c.time.precision === 'day';
  // Crowds count last: an anniversary's report counts the people at its commemoration, dated on its own day.
  // (a part votes with its whole already: "ten died: two police officers, two guards and six miners" is one day's count)
  const told = claims.filter((c) => counted(c) && !c.rules?.includes(TOLL_RULE) && c.relation !== 'part_of');
  const event = told.filter((c) => c.category !== 'participants');
  for (const c of event.length ? event : told.length ? told : claims) if (counted(c)) days.set(`${c.time!.start}/${c.time!.end}`, (days.get(`${c.time!.start}/${c.time!.end}`) ?? 0) + (c.time!.inferred ? 1 : 2));
  let day: DocSignature['day'] = null;
  const top = [...days].sort((a, b) => b[1] - a[1])[0];
  // a report without a date (an explainer) tells its event first: its first day, when earlier than its figures' day
  // ("On the morning of 16 April 2014 the ferry capsized … By the time the search ended on 11 November, 295 bodies …")
  const firstDay = published ? undefined : mentions.find((m) => m.kind === 'date' && m.data?.precision === 'day' && m.data?.kind !== 'relative');
  if (top && firstDay && String(firstDay.data!.end) < top[0].split('/')[0]!) {
    day = { start: String(firstDay.data!.start), end: String(firstDay.data!.end) };
  } else if (top) {
    const [start, end] = top[0].split('/') as [string, string];
    day = { start, end };
  } else {
    const d = mentions.find((m) => m.kind === 'date' && m.data?.precision === 'day' && (!published || String(m.data?.start) < published));
    if (d) day = { start: String(d.data!.start), end: String(d.data!.end) };
  }
  const place = [...places].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const sig: DocSignature = { keys: [...keys].map(([k, v]) => [k, v.n, [...v.texts]]), day, place, places: [...places], claims: claims.length };
  if (sites.size) sig.sites = [...sites];
  const recalls = recallsOf(published, mentions);
  if (recalls.length) sig.recalls = recalls;
  if (!day) {
    const years = new Set<number>();
    for (const m of mentions) if (m.kind === 'date' && m.data?.start && m.data.kind !== 'relative' && years.size < MAX_YEARS) years.add(+String(m.data.start).slice(0, 4));
    if (years.size) sig.years = [...years];
  }
  return sig;
}

/** at most this many years of a report without a main day */
const MAX_YEARS = 8;

/** at most this many days a report looks back to */
const MAX_RECALLS = 8;
/** how long before publication a named day must lie for the report to look back to it (a follow-up names last week's days) */
const RECALL_AFTER_DAYS = 30;
/** how far an anniversary's report may be published from the anniversary's day */
const ANNIVERSARY_DAYS = 7;

/**
 * The days a report looks back to (DocSignature.recalls), from its date mentions: a day named with its year
 * RECALL_AFTER_DAYS or more before publication (any such day in a report without a date), ± 1 day; and, for a year
 * counted back from publication two years or more ("the 30th anniversary", "Thirty years on", "ten years ago"), the
 * publication's day in that year ± ANNIVERSARY_DAYS.
 */
function recallsOf(published: string | null, mentions: readonly Mention[]): Array<{ start: string; end: string }> {
  const out: Array<{ start: string; end: string }> = [];
  const seen = new Set<string>();
  const push = (start: string, end: string) => {
    const k = `${start}/${end}`;
    if (seen.has(k) || out.length >= MAX_RECALLS) return;
    seen.add(k);
    out.push({ start, end });
  };
  const pubYear = published ? +published.slice(0, 4) : null;
  for (const m of mentions) {
    if (m.kind !== 'date' || !m.data) continue;
    const start = String(m.data.start);
    const end = String(m.data.end);
    if (m.data.kind === 'explicit' && m.data.precision === 'day' && !m.data.inferred) {
      if (!published || end <= addDays(published, -RECALL_AFTER_DAYS)) push(addDays(start, -1), addDays(end, 1));
    } else if (m.data.kind === 'relative' && m.data.precision === 'year' && published && pubYear !== null && +start.slice(0, 4) <= pubYear - 2) {
      const y = start.slice(0, 4);
      // (29 February in a year without one: the 28th)
      const md = published.slice(5) === '02-29' ? '02-28' : published.slice(5);
      push(addDays(`${y}-${md}`, -ANNIVERSARY_DAYS), addDays(`${y}-${md}`, ANNIVERSARY_DAYS));
    }
  }
  return out;
}

const NO_SIGNATURE: DocSignature = { keys: [], day: null, place: null, places: [], claims: 0 };

/**
 * Days that overlap, or touch within a day (one report dates a night "9 to 10", another "the 10th"):
 * addDays(a.start, -1) <= b.end && addDays(b.start, -1) <= a.end, which is the overlap of [start − 1, end]
 * of each (the sweep in groupEvents reads it so).
 */

/**
 * A key names the report's event when it is among its most used names; a
 * name mentioned once in passing ("the 44-day war") does not join reports.
 */
function primaryKeys(f: DocFacts): string[] {
  let max = 0;
  for (const [, n] of f.sig.keys) if (n > max) max = n;
  return f.sig.keys.filter(([, n]) => n >= Math.max(1, max / 2)).map(([key]) => key);
}

const isDateKey = (key: string) => key.startsWith('date:');

/** At most this many main places a report: the most named ones. */
const MAIN_PLACES = 3;

/** The places a report names at least half as often as its most named one (its main place first), at most MAIN_PLACES. */
function mainPlaces(sig: DocSignature): string[] {
  if (!sig.place) return [];
  let max = 0;
  for (const [, n] of sig.places) if (n > max) max = n;
  const out = [sig.place];
  for (const [p, n] of sig.places) if (n >= max / 2 && p !== sig.place && out.length < MAIN_PLACES) out.push(p);
  return out;
}

/**
 * Joins the reports `list` (each with a main day) whose days overlap or touch, and so, through them, every run
 * of such days: [start − 1 day, end] of each, swept in order of start (not every pair).
 */
function joinAgreeingDays(facts: readonly DocFacts[], list: readonly number[], sets: DisjointSets): void {
  const spans = list.map((i) => ({ i, from: addDays(facts[i]!.sig.day!.start, -1), to: facts[i]!.sig.day!.end }));
  spans.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let reach = spans[0]!.to;
  let head = spans[0]!.i;
  for (let k = 1; k < spans.length; k++) {
    const x = spans[k]!;
    if (x.from <= reach) {
      sets.union(head, x.i);
      if (x.to > reach) reach = x.to;
    } else {
      head = x.i;
      reach = x.to;
    }
  }
}

/**
 * A report that names a site ("the Harlow Tower building") joins the reports that name an event at that site
 * ("the Harlow Tower fire": the event's name without its event word) when their days lie within SITE_DAYS: the
 * first reports of a fire rarely have its name yet, the later ones do.
 */
function joinSites(facts: readonly DocFacts[], sets: DisjointSets): void {
  const named = new Map<string, number[]>();
  facts.forEach((f, i) => {
    if (!f.sig.day) return;
    for (const k of primaryKeys(f)) {
      if (!k.startsWith('name:')) continue;
      const words = k.slice(5).split(' ');
      if (words.length < 3) continue;
      const site = words.slice(0, -1).join(' ');
      addTo(named, site, i);
    }
  });
  if (!named.size) return;
  facts.forEach((f, i) => {
    const day = f.sig.day;
    if (!day || !f.sig.sites) return;
    for (const site of f.sig.sites) {
      for (const n of named.get(site) ?? []) {
        const other = facts[n]!.sig.day!;
        if (addDays(day.start, -SITE_DAYS) <= other.end && addDays(other.start, -SITE_DAYS) <= day.end) sets.union(i, n);
      }
    }
  });
}

/** Reports that name at least this many of the same places (cities, regions, features) … */
const SHARED_PLACES = 3;
/** … and whose main days lie within this many days of each other tell of one event (a flood across a country) */
const SHARED_PLACE_DAYS = 7;
/** the places of a report compared (its most named), and the earlier reports of a place each report is compared with */
const SHARED_PLACES_READ = 8;
const SHARED_NEIGHBOURS = 24;

/**
 * Joins reports that name SHARED_PLACES or more of the same places within SHARED_PLACE_DAYS of each other. A flood,
 * a heatwave or a storm is told region by region: each report has its own main place ("Nairobi", "Garissa", "Tana
 * River") and its own main day, but they name the same handful of places. Two incidents a week apart in one city
 * share its name, seldom three. Each report is compared with the SHARED_NEIGHBOURS reports before it (by day) in
 * the list of each of its places, so the work stays linear in the reports however often a place is named.
 */
function joinSharedPlaces(facts: readonly DocFacts[], sets: DisjointSets): void {
  // each report's most named places, once each, and the list of the reports of each place
  const placesOf: string[][] = facts.map((f) => {
    if (!f.sig.day || !f.sig.claims || f.sig.places.length < SHARED_PLACES) return [];
    const ranked = [...f.sig.places].sort((a, b) => b[1] - a[1]).map(([p]) => p.toLowerCase());
    return [...new Set(ranked)].slice(0, SHARED_PLACES_READ);
  });
  const byPlace = new Map<string, number[]>();
  placesOf.forEach((ps, i) => {
    if (ps.length >= SHARED_PLACES) for (const p of ps) addTo(byPlace, p, i);
  });
  // (in order of day; each report's position in the list of each of its places)
  const startOf = (i: number) => facts[i]!.sig.day!.start;
  const positions = placesOf.map((ps) => new Int32Array(ps.length));
  for (const [p, list] of byPlace) {
    list.sort((a, b) => (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : a - b));
    list.forEach((i, k) => (positions[i]![placesOf[i]!.indexOf(p)] = k));
  }
  const shared = new Map<number, number>();
  placesOf.forEach((ps, i) => {
    if (ps.length < SHARED_PLACES) return;
    shared.clear();
    const from = addDays(startOf(i), -SHARED_PLACE_DAYS);
    ps.forEach((p, q) => {
      const list = byPlace.get(p)!;
      const at = positions[i]![q]!;
      for (let k = at - 1; k >= 0 && k >= at - SHARED_NEIGHBOURS; k--) {
        const j = list[k]!;
        if (facts[j]!.sig.day!.end < from) continue;
        const n = (shared.get(j) ?? 0) + 1;
        shared.set(j, n);
        if (n === SHARED_PLACES) sets.union(i, j);
      }
    });
  });
}

/**
 * Joins a report without a main day (no date of publication, and no day it tells of: an explainer, a memoir, a
 * scraped page) to the one event at one of its main places in a year it names ("since 2005"): when exactly one group
 * of dated reports has that place among its main places and its main day in that year. A report that names no year
 * ("shot dead on Thursday in Chattanooga") or a place and year of several events stays alone: it cannot be told
 * which one it is about. Run after every other join, so that the groups are whole; linear in the reports (each
 * place and year keeps its first group and whether it has a second).
 */
function joinUndated(facts: readonly DocFacts[], sets: DisjointSets): void {
  if (!facts.some((f) => !f.sig.day && f.sig.years && f.sig.claims)) return;
  /** place and year → the group (root) of its dated reports, or -1 when it has more than one */
  const groupOf = new Map<string, number>();
  facts.forEach((f, i) => {
    const day = f.sig.day;
    if (!day || !f.sig.claims) return;
    const root = sets.find(i);
    for (const p of mainPlaces(f.sig)) {
      for (let y = +day.start.slice(0, 4); y <= +day.end.slice(0, 4); y++) {
        const key = `${p.toLowerCase()}\u0000${y}`;
        const had = groupOf.get(key);
        if (had === undefined) groupOf.set(key, root);
        else if (had !== root) groupOf.set(key, -1);
      }
    }
  });
  const joins: Array<[number, number]> = [];
  facts.forEach((f, i) => {
    if (f.sig.day || !f.sig.years || !f.sig.claims) return;
    let target: number | null = null;
    for (const p of mainPlaces(f.sig)) {
      for (const y of f.sig.years!) {
        const g = groupOf.get(`${p.toLowerCase()}\u0000${y}`);
        if (g === undefined) continue;
        if (g === -1 || (target !== null && target !== g)) return;
        target = g;
      }
    }
    if (target !== null) joins.push([i, target]);
  });
  // (joined after the look-ups: a report joined first does not change the groups the others are matched with)
  for (const [i, g] of joins) sets.union(i, g);
}

/** The last words of the name of a building or a site where something happens ("Rana Plaza", "Harlow Tower", "School No. 1") */
const BUILDING_WORDS = /\b(?:plaza|tower|towers|building|mall|centre|center|factory|mill|mine|colliery|school|no|hospital|hotel|stadium|market|bazaar|bridge|station|temple|mosque|church|cathedral|synagogue|camp|prison|barracks|theatre|theater|club|nightclub|arena|complex|warehouse|plant|refinery|port|harbour|harbor|airport|terminal)$/;
/** how far apart the main days of reports of one building may lie (a collapse's toll is told for weeks) */
const BUILDING_DAYS = 60;

/**
 * Joins reports that name the same building or site ("Rana Plaza") and share a main place, when their main days
 * lie within BUILDING_DAYS of each other or one of them has none (a background piece): a collapse, a siege or a
 * fire at one building is told over weeks, as the toll rises. The reports of each (building, place) are read in
 * order of day, each joined to the one before it when close enough.
 */
function joinBuildings(facts: readonly DocFacts[], sets: DisjointSets): void {
  const byKey = new Map<string, number[]>();
  facts.forEach((f, i) => {
    if (!f.sig.sites || !f.sig.claims) return;
    const places = mainPlaces(f.sig).map((p) => p.toLowerCase());
    if (!places.length) return;
    for (const site of f.sig.sites) if (BUILDING_WORDS.test(site)) for (const p of places) addTo(byKey, `${site}\u0000${p}`, i);
  });
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const undated = list.filter((i) => !facts[i]!.sig.day);
    const dated = list.filter((i) => facts[i]!.sig.day).sort((a, b) => (facts[a]!.sig.day!.start < facts[b]!.sig.day!.start ? -1 : 1));
    for (let k = 1; k < dated.length; k++) {
      const a = facts[dated[k - 1]!]!.sig.day!;
      const b = facts[dated[k]!]!.sig.day!;
      if (b.start <= addDays(a.end, BUILDING_DAYS)) sets.union(dated[k - 1]!, dated[k]!);
    }
    // (a report without a day joins the first dated one, or the other undated ones)
    const head = dated[0] ?? undated[0]!;
    for (const i of undated) sets.union(head, i);
  }
}

/** at most this many days of a report's main day are looked up by the reports that look back to it */
const RECALLED_DAYS = 7;

/**
 * Joins a report that looks back to a day (DocSignature.recalls: an inquiry's report naming "13 April 1919", a
 * trial's, an anniversary's) to the reports whose main day is that day and that share one of its main places:
 * such reports are written weeks or years after their event, so their own main day (the day of a verdict, of a
 * vigil) seldom agrees with its. A report of a new incident names last week's only as a follow-up, within
 * RECALL_AFTER_DAYS, and joins nothing by it. Each recalled day is looked up by (place, day): linear (the reports
 * of one place and day are joined with each other the first time it is recalled).
 */
function joinRecalls(facts: readonly DocFacts[], sets: DisjointSets): void {
  if (!facts.some((f) => f.sig.recalls)) return;
  const byPlaceDay = new Map<string, number[]>();
  facts.forEach((f, i) => {
    const { day, claims } = f.sig;
    if (!day || !claims) return;
    for (const p of mainPlaces(f.sig)) {
      for (let d = day.start, k = 0; d <= day.end && k < RECALLED_DAYS; d = addDays(d, 1), k++) addTo(byPlaceDay, `${p.toLowerCase()}\u0000${d}`, i);
    }
  });
  const joined = new Set<number[]>();
  facts.forEach((f, i) => {
    if (!f.sig.recalls) return;
    const places = mainPlaces(f.sig).map((p) => p.toLowerCase());
    for (const r of f.sig.recalls) {
      for (let d = r.start; d <= r.end; d = addDays(d, 1)) {
        for (const p of places) {
          const list = byPlaceDay.get(`${p}\u0000${d}`);
          if (!list) continue;
          // (the reports of one place and day are joined with each other once, then each report that recalls the day
          // with the first of them)
          if (!joined.has(list)) {
            for (const j of list) sets.union(list[0]!, j);
            joined.add(list);
          }
          sets.union(i, list[0]!);
        }
      }
    }
  });
}

/** An event whose reports name this many places or more between them, and not all the same one first, covers an area. */
const SPREAD_PLACES = 4;

/**
 * Whether an event covers an area (see EventGroup.spread): no one place is the most named of more than two thirds of
 * its reports, and they name SPREAD_PLACES places or more between them (a flood in Beira, Chimoio and Quelimane; not
 * a fire told as in Leeds by one report and at its tower by another, nor a massacre in Andijan that one of six
 * reports tells from the refugee camps across the border).
 */
function isSpread(fs: readonly DocFacts[]): boolean {
  const tops = new Map<string, number>();
  const all = new Set<string>();
  let placed = 0;
  for (const f of fs) {
    // (a site within a town, "Jallianwala Bagh", "Babur Square", is where the event was, not another place of it)
    if (f.sig.place && !isSiteName(f.sig.place)) {
      const p = f.sig.place.toLowerCase();
      tops.set(p, (tops.get(p) ?? 0) + 1);
      placed++;
    }
    for (const [p] of f.sig.places) all.add(p.toLowerCase());
  }
  return tops.size >= 2 && all.size >= SPREAD_PLACES && maxOf([...tops.values()], (n) => n) * 3 <= placed * 2;
}

/**
 * The place an event is named after ("at:hillsborough disaster" → "hillsborough"), when two of its reports or more
 * (or its only one) use that name; else null.
 */
function placeOfName(fs: readonly DocFacts[]): string | null {
  const reports = new Map<string, number>();
  for (const f of fs) for (const [k] of f.sig.keys) if (k.startsWith('at:') || isBuildingEvent(k)) reports.set(k, (reports.get(k) ?? 0) + 1);
  const top = [...reports].sort((a, b) => b[1] - a[1])[0];
  if (!top || top[1] < Math.min(2, fs.length)) return null;
  const words = top[0].slice(top[0].indexOf(':') + 1).split(' ');
  return words.length > 1 ? words.slice(0, -1).join(' ') : null;
}

/** a name of an event at a building ("name:grenfell tower fire"): its place is the building */
function isBuildingEvent(key: string): boolean {
  if (!key.startsWith('name:')) return false;
  const words = key.slice(5).split(' ');
  return words.length >= 3 && BUILDING_TAILS.has(words[words.length - 2]!);
}

/** Groups documents into events by their signatures (see signatureOf; a document without one has none of it). */
export function groupEvents<D extends DocumentRef>(documents: readonly D[], signatures: ReadonlyMap<string, DocSignature>): Array<EventGroup<D>> {
  const facts: DocFacts[] = documents.map((d) => ({ doc: d, sig: signatures.get(d.id) ?? NO_SIGNATURE }));
  const sets = new DisjointSets(facts.length);
  // shared primary names; a name of a place and an event word ("at:kabul bombing") only between reports whose
  // main days agree, as below: a city's bombings are many
  const byKey = new Map<string, number>();
  const byPlacedName = new Map<string, number[]>();
  facts.forEach((f, i) => {
    for (const k of primaryKeys(f)) {
      if (k.startsWith('at:')) {
        if (!f.sig.day) continue;
        addTo(byPlacedName, k, i);
        continue;
      }
      const first = byKey.get(k);
      if (first === undefined) byKey.set(k, i);
      else sets.union(first, i);
    }
  });
  for (const list of byPlacedName.values()) joinAgreeingDays(facts, list, sets);
  joinSites(facts, sets);
  joinSharedPlaces(facts, sets);
  joinBuildings(facts, sets);
  joinRecalls(facts, sets);
  // same main day and a main place in common: within a month and a place, days that overlap (or touch) join.
  // A report's main places are those named at least half as often as its most named one ("on Lake Kivu … in
  // South Kivu" and "on Lake Kivu … in Goma" share the lake): one report's top place is often another's second.
  const byDay = new Map<string, number[]>();
  facts.forEach((f, i) => {
    const { day, claims } = f.sig;
    if (!day || !claims) return;
    for (const place of mainPlaces(f.sig)) {
      const key = `${day.start.slice(0, 7)}\u0000${place}`;
      addTo(byDay, key, i);
    }
  });
  for (const list of byDay.values()) joinAgreeingDays(facts, list, sets);
  joinUndated(facts, sets);
  const groups = new Map<number, number[]>();
  facts.forEach((_, i) => {
    const root = sets.find(i);
    addTo(groups, root, i);
  });
  const out: Array<EventGroup<D>> = [];
  for (const members of groups.values()) {
    const fs = members.map((i) => facts[i]!);
    const keyCounts = new Map<string, { n: number; texts: Map<string, number> }>();
    for (const f of fs) {
      for (const [k, n0, texts] of f.sig.keys) {
        const c = keyCounts.get(k) ?? { n: 0, texts: new Map() };
        c.n += n0;
        for (const [t, n] of texts) c.texts.set(t, (c.texts.get(t) ?? 0) + n);
        keyCounts.set(k, c);
      }
    }
    // a capitalised name reads better than a date-built one; the most used first
    const reports = new Map<string, number>();
    for (const f of fs) for (const [k] of f.sig.keys) reports.set(k, (reports.get(k) ?? 0) + 1);
    const ranked = [...keyCounts]
      .filter(([k]) => reports.get(k)! >= Math.min(2, fs.length) || fs.length === 1)
      .sort((a, b) => (isDateKey(a[0]) === isDateKey(b[0]) ? 0 : isDateKey(a[0]) ? 1 : -1) || b[1].n - a[1].n);
    const names = ranked.map(([k, v]) => displayOfKey(k, v.texts));
    const aliasSet = new Set<string>();
    for (const [k, v] of ranked) for (const t of v.texts.keys()) aliasSet.add(t.replace(/^(the|a)\s+/i, '').trim());
    const placeCounts = new Map<string, number>();
    for (const f of fs) for (const [p, n] of f.sig.places) placeCounts.set(p, (placeCounts.get(p) ?? 0) + n);
    const places = [...placeCounts].sort((a, b) => b[1] - a[1]).map(([p]) => p).slice(0, 6);
    const days = fs.map((f) => f.sig.day).filter(Boolean) as Array<{ start: string; end: string }>;
    const dayCounts = new Map<string, number>();
    for (const d of days) dayCounts.set(`${d.start}/${d.end}`, (dayCounts.get(`${d.start}/${d.end}`) ?? 0) + 1);
    const mainDay = [...dayCounts].sort((a, b) => b[1] - a[1])[0]?.[0]?.split('/') ?? null;
    const first = fs.map((f) => f.doc).sort((a, b) => a.id.localeCompare(b.id))[0]!;
    let name = names[0] ?? null;
    if (!name) {
      const where = places[0];
      const when = mainDay ? mainDay[0] : null;
      name = [where, when].filter(Boolean).join(', ') || first.title || first.source.split('/').pop() || first.id;
    }
    const id = createHash('sha256').update(fs.map((f) => f.doc.id).sort()[0]!).digest('hex').slice(0, 12);
    // (an event named after its place, "the Hillsborough disaster" in two reports or more, is at that place, however
    // many towns its reports are written from)
    const namedPlace = placeOfName(fs);
    const spread = !namedPlace && isSpread(fs);
    out.push({
      id: `ev-${id}`,
      name,
      aliases: [...aliasSet].filter((a) => a.toLowerCase() !== name!.toLowerCase()).slice(0, 12),
      documents: fs.map((f) => f.doc as D),
      start: mainDay?.[0] ?? null,
      end: mainDay?.[1] ?? null,
      places,
      home: spread ? [] : [...new Set([namedPlace, ...fs.map((f) => f.sig.place?.toLowerCase())].filter((p): p is string => Boolean(p)))],
      ...(spread ? { spread } : {}),
    });
  }
  out.sort((a, b) => b.documents.length - a.documents.length || (a.start ?? '').localeCompare(b.start ?? '') || a.id.localeCompare(b.id));
  return out;
}
