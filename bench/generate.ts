/**
 * Synthetic news reports with known figures, for the benchmarks.
 *
 * Every document is made from (seed, index) alone, so a corpus of any size is
 * reproducible and any single document can be made again without the ones
 * before it. The templates are written for this file: varied phrasing,
 * numbers in words and digits, hedges ("at least", "about", "more than"),
 * coordination ("killed 12 and injured 30"), dates, real places, quotes,
 * distractor numbers (ages, times, distances, money, magnitudes, earlier
 * disasters) and page furniture ("Share:", "3 min read", "Related News").
 *
 * `truth` holds the figures of the reported event: killed and injured (null
 * when the report does not speak of them; 0 when it says there were none),
 * and, where the report states them, missing, arrested and displaced.
 *
 *   tsx bench/generate.ts --count 1000 --out .bench/corpus        # files, 1000 per folder, truth in .truth.jsonl
 *   tsx bench/generate.ts --count 1000 --jsonl .bench/corpus.jsonl  # one JSON line per report
 *   tsx bench/generate.ts --count 3                                # print three reports
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Truth {
  killed: number | null;
  injured: number | null;
  missing: number | null;
  arrested: number | null;
  displaced: number | null;
  event: string;
  city: string;
  country: string;
  /** day of the event, ISO */
  date: string;
  /** publication date, ISO */
  published: string;
}

export interface GeneratedDoc {
  index: number;
  /** a file name for it: "000/000123.txt" */
  name: string;
  text: string;
  truth: Truth;
}

export interface GenerateOptions {
  seed?: number;
  count: number;
  /** index of the first document (default 0) */
  start?: number;
}

/** Reports one after another; nothing is kept, so any count fits in memory. */
export function* generate(options: GenerateOptions): Generator<GeneratedDoc> {
  const seed = options.seed ?? 1;
  const start = options.start ?? 0;
  for (let i = start; i < start + options.count; i++) yield makeDocument(seed, i);
}

// ---------------------------------------------------------------- randomness

/** sfc32, seeded from (seed, index) through splitmix32. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number, index: number) {
    let s = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(index | 0, 0x85ebca6b)) >>> 0;
    const mix = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let k = 0; k < 12; k++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  /** a figure with a long tail: mostly small, sometimes large */
  figure(lo: number, hi: number): number {
    const u = this.next();
    return Math.max(lo, Math.min(hi, Math.round(lo + (hi - lo) * u * u * u)));
  }
}

// ---------------------------------------------------------------- numbers

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

export function inWords(n: number): string {
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? `-${ONES[n % 10]}` : '');
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} hundred${n % 100 ? ` and ${inWords(n % 100)}` : ''}`;
  return String(n);
}

const digits = (n: number) => (n >= 1000 ? n.toLocaleString('en-US') : String(n));

/** How a figure is written: words for small ones most of the time, digits otherwise. */
function num(r: Rng, n: number, capital = false): string {
  let s: string;
  if (n <= 10) s = r.chance(0.75) ? inWords(n) : String(n);
  else if (n < 100 && (n % 10 === 0 || n < 20)) s = r.chance(0.35) ? inWords(n) : String(n);
  else if (n < 100) s = r.chance(0.12) ? inWords(n) : String(n);
  else s = digits(n);
  // a sentence does not start with digits in most style guides
  if (capital && /^\d/.test(s)) s = n < 100 ? inWords(n) : s;
  return capital ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** A hedge before a figure; the stated figure stays the figure. */
function hedge(r: Rng, n: number): string {
  if (n <= 2 || r.chance(0.55)) return '';
  // "about 214" is rare: approximations go with round figures, bounds with any
  if (n > 20 && n % 10 !== 0) return r.pick(['at least ', 'at least ', 'more than ', '']);
  return r.pick(['at least ', 'at least ', 'about ', 'more than ', 'nearly ', 'around ', 'some ', 'an estimated ', 'almost ']);
}

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

// ---------------------------------------------------------------- places and dates

const CITIES: ReadonlyArray<readonly [string, string]> = [
  ['Izmir', 'Turkey'], ['Malatya', 'Turkey'], ['Gaziantep', 'Turkey'], ['Kathmandu', 'Nepal'], ['Pokhara', 'Nepal'],
  ['Dhaka', 'Bangladesh'], ['Chittagong', 'Bangladesh'], ['Karachi', 'Pakistan'], ['Peshawar', 'Pakistan'], ['Quetta', 'Pakistan'],
  ['Lagos', 'Nigeria'], ['Kano', 'Nigeria'], ['Maiduguri', 'Nigeria'], ['Nairobi', 'Kenya'], ['Mombasa', 'Kenya'],
  ['Kinshasa', 'Democratic Republic of the Congo'], ['Goma', 'Democratic Republic of the Congo'], ['Addis Ababa', 'Ethiopia'],
  ['Khartoum', 'Sudan'], ['Cairo', 'Egypt'], ['Alexandria', 'Egypt'], ['Tripoli', 'Libya'], ['Benghazi', 'Libya'],
  ['Baghdad', 'Iraq'], ['Mosul', 'Iraq'], ['Kabul', 'Afghanistan'], ['Herat', 'Afghanistan'], ['Tehran', 'Iran'],
  ['Mashhad', 'Iran'], ['Manila', 'Philippines'], ['Davao', 'Philippines'], ['Jakarta', 'Indonesia'], ['Surabaya', 'Indonesia'],
  ['Medan', 'Indonesia'], ['Mumbai', 'India'], ['Kolkata', 'India'], ['Chennai', 'India'], ['Lucknow', 'India'],
  ['Patna', 'India'], ['Colombo', 'Sri Lanka'], ['Yangon', 'Myanmar'], ['Mandalay', 'Myanmar'], ['Hanoi', 'Vietnam'],
  ['Bangkok', 'Thailand'], ['Chiang Mai', 'Thailand'], ['Lima', 'Peru'], ['Arequipa', 'Peru'], ['Bogota', 'Colombia'],
  ['Medellin', 'Colombia'], ['Quito', 'Ecuador'], ['Guayaquil', 'Ecuador'], ['Caracas', 'Venezuela'], ['Mexico City', 'Mexico'],
  ['Guadalajara', 'Mexico'], ['Monterrey', 'Mexico'], ['Port-au-Prince', 'Haiti'], ['Sao Paulo', 'Brazil'], ['Recife', 'Brazil'],
  ['Porto Alegre', 'Brazil'], ['Santiago', 'Chile'], ['Valparaiso', 'Chile'], ['Houston', 'United States'], ['Chicago', 'United States'],
  ['Memphis', 'United States'], ['Marseille', 'France'], ['Lyon', 'France'], ['Naples', 'Italy'], ['Palermo', 'Italy'],
  ['Athens', 'Greece'], ['Thessaloniki', 'Greece'], ['Bucharest', 'Romania'], ['Kharkiv', 'Ukraine'], ['Odesa', 'Ukraine'],
  ['Tbilisi', 'Georgia'], ['Baku', 'Azerbaijan'], ['Almaty', 'Kazakhstan'], ['Tashkent', 'Uzbekistan'], ['Beirut', 'Lebanon'],
  ['Aleppo', 'Syria'], ['Sanaa', 'Yemen'], ['Aden', 'Yemen'], ['Casablanca', 'Morocco'], ['Marrakesh', 'Morocco'],
  ['Algiers', 'Algeria'], ['Tunis', 'Tunisia'], ['Dakar', 'Senegal'], ['Accra', 'Ghana'], ['Kampala', 'Uganda'],
  ['Dar es Salaam', 'Tanzania'], ['Lusaka', 'Zambia'], ['Harare', 'Zimbabwe'], ['Maputo', 'Mozambique'], ['Durban', 'South Africa'],
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Day {
  date: Date;
  iso: string;
  weekday: string;
  long: string; // March 3
  longYear: string; // March 3, 2021
  european: string; // 3 March 2021
}

function day(d: Date): Day {
  const iso = d.toISOString().slice(0, 10);
  const m = MONTHS[d.getUTCMonth()]!;
  return {
    date: d, iso, weekday: WEEKDAYS[d.getUTCDay()]!, long: `${m} ${d.getUTCDate()}`, longYear: `${m} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
    european: `${d.getUTCDate()} ${m} ${d.getUTCFullYear()}`,
  };
}

// ---------------------------------------------------------------- events

interface EventKind {
  id: string;
  /** what acts, as the subject of `hit`: "a bus carrying 45 passengers" (figures in it are distractors) */
  agent: (r: Rng) => string;
  /** the event as a noun phrase: "a bus crash", "a magnitude 6.1 earthquake" */
  event: (r: Rng) => string;
  /** short name for later references: "the quake" */
  short: string[];
  /** what happened, as a clause after "when": "a bus plunged into a gorge" */
  when: (r: Rng) => string;
  /** what the agent did, before the place: "plunged into a ravine near" */
  hit: string[];
  killedRange: [number, number];
  injuredRange: [number, number];
  /** the share of reports with an injured figure */
  injuredShare: number;
  extra: Array<(r: Rng, t: Truth, city: string) => string>;
  /** headlines that state the killed figure */
  headline: Array<(r: Rng, k: number, i: number | null, city: string) => string>;
  /** headlines without figures */
  neutral: Array<(r: Rng, city: string) => string>;
  missing?: [number, number];
  arrested?: [number, number];
  displaced?: [number, number];
}

const EVENTS: EventKind[] = [
  {
    id: 'earthquake',
    agent: (r) => `a magnitude ${r.int(50, 78) / 10} earthquake`,
    event: (r) => r.pick([`a magnitude ${r.int(50, 78) / 10} earthquake`, 'a powerful earthquake', 'an earthquake']),
    short: ['the quake', 'the earthquake', 'the tremor'],
    when: (r) => `a ${r.pick(['powerful', 'strong', 'shallow'])} earthquake struck`,
    hit: ['struck', 'hit', 'jolted', 'shook'],
    killedRange: [1, 2400],
    injuredRange: [3, 9000],
    injuredShare: 0.85,
    displaced: [200, 40000],
    extra: [
      (r) => `The quake struck at a depth of ${r.int(5, 40)} km (${r.int(3, 25)} miles), according to the US Geological Survey.`,
      (r) => `More than ${r.int(20, 200)} aftershocks were recorded in the following ${r.pick(['hours', 'two days', '24 hours'])}.`,
      (r, _t, city) => `At least ${r.int(12, 600)} buildings collapsed in ${city} and surrounding villages, the disaster agency said.`,
      (r) => `Rescue teams from ${r.int(3, 14)} countries joined the search.`,
    ],
    headline: [
      (r, k, _i, city) => `Earthquake near ${city} kills ${num(r, k)}`,
      (_r, k, i, city) => `${city} quake: ${digits(k)} dead${i ? `, ${digits(i)} injured` : ''}`,
    ],
    neutral: [(r, city) => `Strong quake rocks ${city}, ${r.pick(['rescuers search rubble', 'buildings collapse', 'residents sleep outdoors'])}`],
  },
  {
    id: 'flood',
    agent: (r) => r.pick(['flash floods', 'heavy flooding', 'floods triggered by monsoon rains', 'torrential rains']),
    event: (r) => r.pick(['flash floods', 'flooding', 'floods triggered by monsoon rains']),
    short: ['the floods', 'the flooding', 'the rains'],
    when: (r) => r.pick(['a river burst its banks', 'flash floods swept through low-lying districts', 'heavy rains flooded the area']),
    hit: ['swept through', 'hit', 'inundated', 'battered'],
    killedRange: [1, 600],
    injuredRange: [2, 900],
    injuredShare: 0.5,
    missing: [1, 120],
    displaced: [100, 250000],
    extra: [
      (r) => `Some areas received ${r.int(80, 400)} mm of rain in ${r.pick(['24 hours', 'two days', 'a single night'])}, the weather service said.`,
      (r) => `The river rose ${r.int(2, 9)} metres above its normal level.`,
      (r) => `About ${digits(r.int(2, 90) * 100)} hectares of farmland were under water.`,
      (r) => `Authorities deployed ${r.int(4, 60)} boats and ${r.int(2, 12)} helicopters.`,
    ],
    headline: [
      (r, k, _i, city) => `Floods kill ${num(r, k)} around ${city}`,
      (r, k) => `Death toll from floods rises to ${num(r, k)}`,
    ],
    neutral: [(_r, city) => `${city} floods: thousands flee rising waters`],
  },
  {
    id: 'bus crash',
    agent: (r) => `a bus carrying ${r.int(20, 70)} passengers`,
    event: (r) => r.pick(['a bus crash', 'a bus accident', 'a collision between a bus and a lorry']),
    short: ['the crash', 'the accident', 'the collision'],
    when: (r) => r.pick(['a crowded bus plunged into a gorge', 'a bus collided with a fuel tanker', 'a bus overturned on a mountain road', 'a minibus and a lorry collided head-on']),
    hit: ['plunged into a ravine near', 'overturned near', 'crashed near', 'veered off the road near'],
    killedRange: [1, 60],
    injuredRange: [1, 70],
    injuredShare: 0.9,
    arrested: [1, 1],
    extra: [
      (r) => `The ${r.int(28, 61)}-year-old driver survived and was questioned by police.`,
      (r) => `The bus was travelling on Highway ${r.int(1, 99)} at the time.`,
      (r) => `The vehicle had been inspected ${r.int(2, 11)} months earlier, the operator said.`,
      (r) => `It was the ${r.pick(['second', 'third', 'fourth'])} serious crash on the road this year.`,
    ],
    headline: [
      (r, k, _i, city) => `Bus plunges into gorge near ${city}, killing ${num(r, k)}`,
      (_r, k, i) => `${digits(k)} dead${i ? `, ${digits(i)} hurt` : ''} in bus crash`,
    ],
    neutral: [(_r, city) => `Bus accident near ${city}: what we know`],
  },
  {
    id: 'building collapse',
    agent: (r) => `a ${inWords(r.int(3, 14))}-storey ${r.pick(['residential building', 'garment factory', 'apartment block', 'hotel'])}`,
    event: (r) => `the collapse of a ${inWords(r.int(3, 14))}-storey ${r.pick(['residential building', 'garment factory', 'apartment block', 'hotel'])}`,
    short: ['the collapse', 'the disaster'],
    when: (r) => `a ${inWords(r.int(3, 14))}-storey ${r.pick(['residential building', 'garment factory', 'apartment block'])} collapsed`,
    hit: ['collapsed in', 'came down in'],
    killedRange: [1, 300],
    injuredRange: [1, 400],
    injuredShare: 0.85,
    missing: [1, 60],
    arrested: [1, 6],
    extra: [
      (r) => `The building had been completed in ${r.int(1975, 2011)}, and ${r.int(2, 4)} floors had been added without a permit.`,
      (r) => `Rescuers used ${r.int(3, 25)} excavators and sniffer dogs to reach people trapped under the rubble.`,
      (r) => `The owner faces charges that carry up to ${r.int(5, 20)} years in prison.`,
    ],
    headline: [(r, k, _i, city) => `Building collapse in ${city} kills ${num(r, k)}`],
    neutral: [(_r, city) => `${city}: rescuers race to reach survivors after building collapse`],
  },
  {
    id: 'fire',
    agent: (r) => r.pick(['a fire', 'a blaze', 'a fire']),
    event: (r) => r.pick(['a fire', 'a blaze', 'a fire at a crowded market', 'a fire at a nightclub', 'a fire at a hospital']),
    short: ['the fire', 'the blaze'],
    when: (r) => r.pick(['a fire broke out in a crowded market', 'a blaze tore through a nightclub', 'fire swept through a hospital ward', 'a fire engulfed a textile factory']),
    hit: ['tore through a crowded market in', 'swept through a nightclub in', 'engulfed a textile factory in', 'broke out in a hospital in'],
    killedRange: [1, 120],
    injuredRange: [1, 250],
    injuredShare: 0.8,
    extra: [
      (r) => `It took ${r.int(20, 200)} firefighters and ${r.int(5, 40)} fire engines ${r.int(2, 11)} hours to bring the fire under control.`,
      (r) => `The first call reached the fire service at ${r.int(1, 11)}:${String(r.int(0, 59)).padStart(2, '0')} ${r.pick(['a.m.', 'p.m.', 'pm', 'am'])}.`,
      (r) => `Damage was estimated at $${r.int(2, 90)} million.`,
      (r) => `The building had only ${r.pick(['one', 'two'])} working exits, an inspector said.`,
    ],
    headline: [(r, k, _i, city) => `${r.pick(['Fire', 'Blaze'])} in ${city} kills ${num(r, k)}`],
    neutral: [(_r, city) => `Inquiry ordered after deadly fire in ${city}`],
  },
  {
    id: 'explosion',
    agent: (r) => r.pick(['a gas explosion', 'a powerful explosion', 'a blast']),
    event: (r) => r.pick(['a gas explosion', 'a powerful explosion', 'a blast at a fuel depot', 'an explosion at a chemical plant']),
    short: ['the explosion', 'the blast'],
    when: (r) => r.pick(['a gas cylinder exploded', 'a fuel tanker exploded', 'an explosion ripped through a chemical plant', 'a blast hit a fuel depot']),
    hit: ['ripped through a residential block in', 'rocked a chemical plant near', 'tore through a fuel depot in', 'rocked'],
    killedRange: [1, 220],
    injuredRange: [2, 6000],
    injuredShare: 0.9,
    extra: [
      (r) => `Windows were shattered up to ${r.int(2, 10)} km away.`,
      (r) => `The plant employed about ${digits(r.int(2, 30) * 100)} people and stored ${r.int(10, 2800)} tonnes of ${r.pick(['ammonium nitrate', 'fuel', 'chemicals'])}.`,
      (r) => `Witnesses said they heard ${r.pick(['two', 'three', 'several'])} blasts in quick succession.`,
    ],
    headline: [(r, k, i, city) => `Blast in ${city} kills ${num(r, k)}${i ? `, injures ${digits(i)}` : ''}`],
    neutral: [(_r, city) => `Huge explosion rocks ${city}`],
  },
  {
    id: 'storm',
    agent: (r) => r.pick([`Typhoon ${r.pick(['Haima', 'Rai', 'Noru', 'Doksuri', 'Saola'])}`, `Cyclone ${r.pick(['Mocha', 'Idai', 'Freddy', 'Amphan'])}`, 'a powerful storm', 'a tornado']),
    event: (r) => r.pick(['a powerful storm', 'a tornado', 'a cyclone', 'a typhoon']),
    short: ['the storm', 'the cyclone', 'the typhoon'],
    when: (r) => r.pick(['a powerful storm made landfall', 'a tornado tore through the area', 'a cyclone hit the coast']),
    hit: ['battered', 'slammed into', 'lashed', 'swept across'],
    killedRange: [1, 900],
    injuredRange: [2, 3000],
    injuredShare: 0.6,
    missing: [1, 200],
    displaced: [500, 500000],
    extra: [
      (r) => `Winds reached ${r.int(120, 260)} km/h (${r.int(75, 160)} mph) at landfall.`,
      (r) => `Power was cut to about ${digits(r.int(20, 900) * 1000)} homes.`,
      (r) => `It was the ${r.pick(['fourth', 'ninth', 'eleventh', '15th'])} storm to hit the country this year.`,
    ],
    headline: [(r, k, _i, city) => `Storm kills ${num(r, k)} as it batters ${city}`],
    neutral: [(_r, city) => `${city} cleans up after storm`],
  },
  {
    id: 'shooting',
    agent: (r) => r.pick(['a gunman', 'gunmen', 'an attacker']),
    event: (r) => r.pick(['a mass shooting', 'a shooting', 'an armed attack']),
    short: ['the shooting', 'the attack'],
    when: (r) => r.pick(['a gunman opened fire at a shopping centre', 'gunmen attacked a wedding party', 'a man opened fire outside a school']),
    hit: ['opened fire at a shopping centre in', 'attacked a wedding party in', 'opened fire outside a school in'],
    killedRange: [1, 40],
    injuredRange: [1, 60],
    injuredShare: 0.85,
    arrested: [1, 5],
    extra: [
      (r) => `Police said the suspect, ${r.int(18, 64)}, had fired about ${r.int(20, 120)} rounds.`,
      (r) => `Officers reached the scene ${r.int(2, 40)} minutes after the first call, on Route ${r.int(1, 60)}.`,
      (r) => `Officers found ${r.pick(['two', 'three', 'four'])} weapons in a car nearby.`,
    ],
    headline: [(r, k, _i, city) => `Shooting in ${city} leaves ${num(r, k)} dead`],
    neutral: [(_r, city) => `${city} shooting: suspect in custody`],
  },
  {
    id: 'landslide',
    agent: (r) => r.pick(['a landslide', 'a mudslide']),
    event: (r) => r.pick(['a landslide', 'a mudslide', 'landslides triggered by heavy rain']),
    short: ['the landslide', 'the mudslide'],
    when: (r) => r.pick(['a hillside gave way after days of rain', 'a landslide buried a village', 'mud and rocks swept down a mountainside']),
    hit: ['buried homes near', 'swept through a village near', 'hit'],
    killedRange: [1, 300],
    injuredRange: [1, 120],
    injuredShare: 0.55,
    missing: [1, 150],
    displaced: [50, 8000],
    extra: [
      (r) => `About ${r.int(10, 200)} homes were buried under mud up to ${r.int(2, 8)} metres deep.`,
      (r) => `The area received ${r.int(150, 600)} mm of rain in ${r.pick(['three days', 'a week', '48 hours'])}.`,
    ],
    headline: [(r, k, _i, city) => `Landslide near ${city} kills ${num(r, k)}`],
    neutral: [(_r, city) => `Search for survivors after landslide near ${city}`],
  },
  {
    id: 'train derailment',
    agent: (r) => `a ${r.pick(['passenger train', 'commuter train', 'night train'])} with ${r.int(8, 22)} carriages`,
    event: (r) => r.pick(['a train derailment', 'a rail crash', 'a collision between two trains']),
    short: ['the derailment', 'the crash', 'the accident'],
    when: (r) => r.pick(['a passenger train derailed', 'two trains collided', 'a commuter train hit a goods train']),
    hit: ['derailed near', 'collided with a goods train near', 'left the tracks near'],
    killedRange: [1, 290],
    injuredRange: [2, 1100],
    injuredShare: 0.9,
    extra: [
      (r) => `The train was travelling at about ${r.int(60, 160)} km/h when ${r.int(3, 12)} carriages left the track.`,
      (r) => `Train ${r.int(1000, 19999)} had left the capital ${r.int(2, 9)} hours earlier.`,
      (r) => `The line is expected to stay closed for ${r.int(2, 10)} days.`,
    ],
    headline: [(r, k, _i, city) => `Train derails near ${city}, ${num(r, k)} killed`],
    neutral: [(_r, city) => `Rail crash near ${city}: investigators at the scene`],
  },
  {
    id: 'clashes',
    agent: (r) => r.pick(['clashes between protesters and police', 'violent clashes', 'fighting between rival groups']),
    event: (r) => r.pick(['clashes between protesters and police', 'street protests', 'violent clashes']),
    short: ['the clashes', 'the unrest', 'the protests'],
    when: (r) => r.pick(['police fired tear gas at protesters', 'protesters clashed with security forces', 'a march turned violent']),
    hit: ['erupted in', 'broke out in', 'spread through'],
    killedRange: [1, 80],
    injuredRange: [2, 700],
    injuredShare: 0.95,
    arrested: [3, 900],
    extra: [
      (r) => `Organisers said ${digits(r.int(2, 90) * 1000)} people took part; police put the number at ${digits(r.int(1, 40) * 1000)}.`,
      (r) => `The protests began ${r.int(2, 20)} days ago over a ${r.int(10, 300)} percent rise in fuel prices.`,
      (r) => `A curfew from ${r.int(6, 11)} p.m. to ${r.int(4, 7)} a.m. was declared.`,
    ],
    headline: [(r, k, _i, city) => `${num(r, k, true)} killed as protests turn violent in ${city}`],
    neutral: [(_r, city) => `Tensions high in ${city} after deadly protests`],
  },
  {
    id: 'stampede',
    agent: (r) => r.pick(['a stampede at a religious festival', 'a crush at a stadium', 'a stampede at a food distribution']),
    event: (r) => r.pick(['a stampede at a religious festival', 'a crush at a stadium', 'a stampede']),
    short: ['the stampede', 'the crush'],
    when: (r) => r.pick(['a crowd surged towards the gates', 'panic broke out among worshippers', 'fans rushed an exit']),
    hit: ['broke out in', 'happened in'],
    killedRange: [2, 150],
    injuredRange: [5, 500],
    injuredShare: 0.9,
    extra: [
      (r) => `About ${digits(r.int(5, 400) * 100)} people had gathered for the event, twice the venue's capacity of ${digits(r.int(2, 90) * 100)}.`,
      (r) => `Gate ${r.int(1, 20)} had been locked, witnesses said.`,
    ],
    headline: [(r, k, _i, city) => `Stampede in ${city} kills ${num(r, k)}`],
    neutral: [(_r, city) => `${city} stampede: questions over crowd control`],
  },
];

/** Paragraphs of context without casualty figures: what makes a report a few kilobytes long. */
const CONTEXT: Array<(r: Rng, c: { city: string; country: string; short: string; weekday: string }) => string> = [
  (r, c) => `Aid agencies said they were sending food, drinking water and tents to the worst-hit districts. The World Food Programme said it had flown in ${r.int(10, 400)} tonnes of supplies, and more would arrive by road ${r.pick(['within days', 'this week', 'once the roads reopen'])}.`,
  (_r, c) => `The opposition accused the government of ignoring repeated warnings about the risks in ${c.city}. A parliamentary committee is expected to question ministers about the response next week.`,
  (r, c) => `${c.country} is among the countries most exposed to natural hazards in the region, according to a ${r.int(2015, 2022)} World Bank report, and rapid urban growth has pushed many families into areas that are hard to reach.`,
  (r) => `Insurers said it was too early to estimate losses, but a local business association put the cost to traders at ${r.pick(['tens of millions of dollars', 'several million dollars', 'more than $' + r.int(5, 80) + ' million'])}.`,
  (r) => `Forecasters warned of more ${r.pick(['rain', 'strong winds', 'unsettled weather'])} over the ${r.pick(['weekend', 'coming days', 'next 48 hours'])}, which could hamper relief work.`,
  (_r, c) => `Outside the main hospital in ${c.city}, relatives waited for news, scanning lists of names pinned to a board by the entrance. Volunteers handed out bread and tea.`,
  (_r, c) => `Investigators were examining whether safety rules had been followed. "We will find out what happened and those responsible will be held to account," a government spokesman said on ${c.weekday}.`,
  (r) => `Electricity and mobile phone networks were down in ${r.pick(['several districts', 'much of the area', 'parts of the city'])}, making it difficult to reach survivors and to assess the damage.`,
  (_r, c) => `Schools in ${c.city} were closed and some classrooms were being used as temporary shelters. The education ministry said lessons would resume once buildings had been inspected.`,
  (r, c) => `Engineers began inspecting bridges and roads leading to ${c.city}. The transport ministry said ${r.pick(['two', 'three', 'several'])} main routes remained closed.`,
  (_r, c) => `Messages of condolence came from neighbouring governments and the United Nations. The European Union said it stood ready to help if ${c.country} asked for assistance.`,
  (r, c) => `Residents complained that help had been slow to arrive. "We waited for hours and nobody came," said a woman who lives near the centre of ${c.city}. Officials said crews had worked through the night.`,
  (r) => `The government promised to rebuild damaged homes within ${r.pick(['a year', 'six months', 'two years'])} and to review building and safety standards.`,
  (_r, c) => `Local television showed long queues at petrol stations and shops as people stocked up on supplies. Prices of basic goods rose sharply in ${c.city}, traders said.`,
  (_r, c) => `Religious leaders called for calm and urged people to donate blood. Mosques, churches and community centres in ${c.city} opened their doors to those who had nowhere to go.`,
  (r, c) => `Satellite images released by a private company on ${c.weekday} showed the extent of the damage across an area of about ${r.int(2, 60)} square kilometres.`,
];

// ---------------------------------------------------------------- furniture

const OUTLETS = ['Daily Courier', 'The Morning Herald', 'Global News Network', 'Regional Times', 'Capital Post', 'World Report', 'The Evening Star', 'Asia Pacific Wire', 'Africa News Today', 'Metro Tribune'];
const AGENCIES = ['Reuters', 'AP', 'AFP', 'Xinhua', 'Anadolu'];
const REPORTERS = ['Maria Lopez', 'James Okoro', 'Anna Petrova', 'Rahul Mehta', 'Leila Haddad', 'Tom Becker', 'Nguyen Thi Lan', 'Samuel Mensah'];

const ATTRIBUTIONS = [
  'the interior ministry', 'the health ministry', 'local officials', 'the provincial governor', 'police', 'the national disaster management agency',
  'the civil defence', 'the fire service', 'a hospital spokesman', 'state media', 'the Red Cross', 'the mayor',
];
const ATTRIB_CAP = (a: string) => (/^(a|the|local|state|police)\b/.test(a) ? cap(a) : a);

const RELATED = [
  (r: Rng) => `${r.pick(['Flooding', 'Storm', 'Landslide', 'Heatwave'])} kills ${r.int(3, 90)} in ${r.pick(CITIES)[1]}`,
  (r: Rng) => `${r.int(2, 40)} injured as ${r.pick(['bus', 'truck', 'train'])} overturns near ${r.pick(CITIES)[0]}`,
  (r: Rng) => `Government announces ${r.pick(['aid package', 'inquiry', 'new building code'])} after ${r.pick(['disaster', 'tragedy', 'crash'])}`,
  (r: Rng) => `Opinion: why ${r.pick(['warnings', 'inspections', 'evacuations'])} keep failing`,
  (r: Rng) => `${r.pick(CITIES)[0]} marks ${r.int(2, 40)} years since ${r.pick(['the great fire', 'the earthquake', 'the flood'])}`,
];

// ---------------------------------------------------------------- the document

/** One report, from (seed, index) alone. */
export function makeDocument(seed: number, index: number): GeneratedDoc {
  const r = new Rng(seed, index);
  const ev = r.pick(EVENTS);
  const [city, country] = r.pick(CITIES);
  const published = new Date(Date.UTC(2012 + r.int(0, 12), r.int(0, 11), r.int(1, 28), r.int(5, 22), r.int(0, 59)));
  const lag = r.pick([0, 0, 1, 1, 1, 2, 3]);
  const evDay = day(new Date(published.getTime() - lag * 86400000));
  const pub = day(published);

  const killedStated = r.chance(0.94);
  const killed = killedStated ? r.figure(ev.killedRange[0], ev.killedRange[1]) : 0;
  const injuredStated = r.chance(ev.injuredShare);
  const injured = injuredStated ? r.figure(ev.injuredRange[0], ev.injuredRange[1]) : null;
  const truth: Truth = {
    killed: killedStated ? killed : null, injured, missing: null, arrested: null, displaced: null,
    event: ev.id, city, country, date: evDay.iso, published: pub.iso,
  };
  // "no one was killed": the report says so, the figure is 0
  const noneKilled = !killedStated && injured !== null && r.chance(0.7);
  if (noneKilled) truth.killed = 0;

  const when = lag === 0 ? r.pick(['on ' + evDay.weekday, 'earlier today', 'on ' + evDay.weekday + ' morning', 'late on ' + evDay.weekday])
    : lag === 1 ? r.pick(['on ' + evDay.weekday, 'yesterday', 'late on ' + evDay.weekday, 'on ' + evDay.weekday + ' night', 'on ' + evDay.long])
      : r.pick(['on ' + evDay.weekday, 'on ' + evDay.long, 'on ' + evDay.weekday + ', ' + evDay.long]);
  const attrib = r.pick(ATTRIBUTIONS);
  const attrib2 = r.pick(ATTRIBUTIONS.filter((a) => a !== attrib));
  const where = r.chance(0.5) ? city : `${city}, ${country}`;

  const lines: string[] = [];
  // header furniture
  const outlet = r.pick(OUTLETS);
  if (r.chance(0.5)) lines.push(outlet);
  if (r.chance(0.3)) lines.push(`Home > ${r.pick(['World', 'News', 'Region'])} > ${r.pick(['Asia', 'Africa', 'Americas', 'Europe', 'Middle East'])}`);
  const headline = truth.killed ? r.pick(ev.headline)(r, truth.killed, injured, city) : r.pick(ev.neutral)(r, city);
  lines.push(headline);
  const dateStyle = r.int(0, 3);
  if (dateStyle === 0) lines.push(pub.longYear);
  else if (dateStyle === 1) lines.push(`date ${pub.iso}`);
  else if (dateStyle === 2) lines.push(`Published: ${pub.european}, ${String(published.getUTCHours()).padStart(2, '0')}:${String(published.getUTCMinutes()).padStart(2, '0')} GMT`);
  if (r.chance(0.35)) lines.push(`By ${r.pick(REPORTERS)}`);
  if (r.chance(0.4)) lines.push(`${r.int(2, 7)} min read`);
  if (r.chance(0.3)) lines.push('Share:');
  lines.push('');

  // lede: the figures
  const dateline = r.chance(0.4) ? `${city.toUpperCase()}, ${evDay.long}${r.chance(0.5) ? ` (${r.pick(AGENCIES)})` : ''} — ` : '';
  const paras: string[][] = [];
  const lede: string[] = [];
  lede.push(dateline + ledeSentence(r, ev, { killed: truth.killed, injured, noneKilled }, where, when, attrib));
  // missing / displaced / arrested, when this kind of event has them
  if (ev.missing && r.chance(0.5)) {
    truth.missing = r.figure(ev.missing[0], ev.missing[1]);
    lede.push(r.pick([
      `${num(r, truth.missing, true)} ${truth.missing === 1 ? 'person was' : 'people were'} still missing, ${attrib2} said.`,
      `Another ${num(r, truth.missing)} ${truth.missing === 1 ? 'person is' : 'people are'} missing.`,
      `Rescuers were searching for ${num(r, truth.missing)} missing ${truth.missing === 1 ? 'person' : 'people'}.`,
    ]));
  }
  if (ev.displaced && r.chance(0.5)) {
    truth.displaced = roundish(r.figure(ev.displaced[0], ev.displaced[1]));
    lede.push(r.pick([
      `More than ${digits(truth.displaced)} people were evacuated from their homes.`,
      `${cap(ATTRIB_CAP(attrib2))} said ${digits(truth.displaced)} residents had been evacuated.`,
      `The ${r.pick(ev.short).replace(/^the /, '')} displaced about ${digits(truth.displaced)} people.`,
    ]));
  }
  paras.push(lede);

  // details and distractors
  const body: string[] = [];
  const extras = [...ev.extra];
  for (let k = r.int(1, Math.min(3, extras.length)); k > 0; k--) {
    const e = extras.splice(r.int(0, extras.length - 1), 1)[0]!;
    body.push(e(r, truth, city));
  }
  if (r.chance(0.35) && truth.killed && truth.killed >= 4) {
    const part = r.int(1, Math.max(1, Math.floor(truth.killed / 3)));
    body.push(r.pick([
      `Among the dead were ${num(r, part)} ${part === 1 ? 'child' : 'children'}.`,
      `${cap(num(r, part))} of the victims ${part === 1 ? 'was a foreign national' : 'were foreign nationals'}, ${attrib} said.`,
      `The dead included ${num(r, part)} ${part === 1 ? 'police officer' : 'police officers'}.`,
    ]));
  }
  if (r.chance(0.45) && injured && injured > 0) {
    body.push(r.pick([
      `The injured were taken to ${num(r, r.int(2, 9))} hospitals in ${city} and nearby towns.`,
      `Some ${r.int(10, 120)} ambulances were sent to the scene to carry the wounded.`,
      `${ATTRIB_CAP(attrib2)} said ${r.pick(['several', 'a few', 'some'])} of the injured were in critical condition.`,
      `${r.pick(['Hospitals', 'Doctors'])} appealed for blood donations for the injured.`,
    ]));
  }
  if (ev.arrested && r.chance(0.4)) {
    truth.arrested = r.int(ev.arrested[0], ev.arrested[1]);
    body.push(r.pick([
      `Police arrested ${num(r, truth.arrested)} ${truth.arrested === 1 ? 'person' : 'people'} in connection with the ${r.pick(ev.short).replace(/^the /, '')}.`,
      `${cap(num(r, truth.arrested, true))} ${truth.arrested === 1 ? 'suspect has' : 'suspects have'} been detained, ${attrib} said.`,
    ]));
  }
  paras.push(body);

  // quotes and reactions
  const talk: string[] = [];
  talk.push(r.pick([
    `"We heard a huge noise and then everything went dark," said ${r.pick(['a resident', 'a shopkeeper', 'a witness', 'one survivor'])}, who gave his name as ${r.pick(['Ahmed', 'Carlos', 'Ivan', 'Joseph', 'Ravi', 'Ali'])}.`,
    `"The priority now is to find anyone still alive," ${attrib2} told reporters.`,
    `"I have never seen anything like this in my ${r.int(12, 40)} years in the service," said a rescue worker.`,
    `The ${r.pick(['president', 'prime minister', 'governor'])} declared ${r.pick(['three', 'two', 'seven'])} days of national mourning.`,
    `The ${r.pick(['president', 'prime minister'])} said on ${pub.weekday} that the government would pay compensation to the families of the victims.`,
  ]));
  if (r.chance(0.5)) talk.push(r.pick([
    `Television footage showed residents digging through debris with their bare hands.`,
    `The cause of the ${r.pick(ev.short).replace(/^the /, '')} was not immediately known, and an investigation has been opened.`,
    `Roads into the area were blocked for several hours.`,
    `Neighbouring countries offered help on ${evDay.weekday}.`,
  ]));
  paras.push(talk);
  // context without figures
  const pool = [...CONTEXT];
  const ctx = { city, country, short: r.pick(ev.short), weekday: pub.weekday };
  for (let k = r.int(3, 10); k > 0; k--) paras.push([pool.splice(r.int(0, pool.length - 1), 1)[0]!(r, ctx)]);

  // background: an earlier disaster's figures (another event, another time)
  if (r.chance(0.2)) {
    const year = pub.date.getUTCFullYear() - r.int(3, 40);
    paras.push([r.pick([
      `In ${year}, ${r.pick(ev.short).replace(/^the /, 'a similar ')} in the region killed ${num(r, r.int(5, 900))} people.`,
      `The area was hit by ${ev.event(r)} in ${year} that left ${digits(r.int(5, 900))} people dead.`,
    ])]);
  }
  // an update line
  if (r.chance(0.25) && truth.killed) {
    paras.push([r.pick([
      `This story has been updated with the latest figures from ${attrib}.`,
      `Updated at ${r.int(10, 23)}:${String(r.int(0, 59)).padStart(2, '0')} local time.`,
    ])]);
  }

  for (const p of paras) {
    if (!p.length) continue;
    lines.push(p.join(' '));
    lines.push('');
    if (r.chance(0.08)) {
      lines.push('Advertisement');
      lines.push('');
    }
  }
  // tail furniture
  if (r.chance(0.25)) lines.push(`Photo: ${r.pick(AGENCIES)}`);
  if (r.chance(0.3)) lines.push(`Tags: ${ev.id}, ${country}, ${city}`);
  if (r.chance(0.4)) {
    lines.push(r.pick(['Related News', 'Read more', 'More stories']));
    for (let k = r.int(2, 4); k > 0; k--) lines.push(r.pick(RELATED)(r));
  }
  if (r.chance(0.3)) lines.push(`© ${pub.date.getUTCFullYear()} ${outlet}. All rights reserved.`);
  return { index, name: `${String(Math.floor(index / 1000)).padStart(3, '0')}/${String(index).padStart(6, '0')}.txt`, text: lines.join('\n') + '\n', truth };
}

const roundish = (n: number) => (n >= 1000 ? Math.round(n / 100) * 100 : n >= 100 ? Math.round(n / 10) * 10 : n);

/** The sentence that states killed and injured, in one of many shapes. */
function ledeSentence(r: Rng, ev: EventKind, f: { killed: number | null; injured: number | null; noneKilled: boolean }, where: string, when: string, attrib: string): string {
  const k = f.killed;
  const i = f.injured;
  const agent = ev.agent(r);
  const event = ev.event(r);
  const said = r.chance(0.6) ? `, ${attrib} said` : r.chance(0.5) ? `, according to ${attrib}` : '';
  const people = (n: number) => (n === 1 ? r.pick(['person', 'man', 'woman']) : r.pick(['people', 'people', 'people', 'residents', 'civilians']));
  const others = (n: number) => (n === 1 ? r.pick(['person', 'other person']) : r.pick(['others', 'people', 'more', 'others']));
  const hurtVerb = () => r.pick(['injured', 'injured', 'wounded', 'hurt']);
  const killVerb = () => r.pick(['killed', 'killed', 'died', 'were killed', 'lost their lives']);
  const kPast = (n: number, h: string) => {
    const v = killVerb();
    const w = num(r, n);
    if (v === 'killed') return `${h}${w} ${people(n)} ${n === 1 ? 'was' : 'were'} killed`;
    if (v === 'were killed') return `${h}${w} ${people(n)} ${n === 1 ? 'was' : 'were'} killed`;
    if (v === 'died') return `${h}${w} ${people(n)} died`;
    return `${h}${w} ${people(n)} lost ${n === 1 ? 'their life' : 'their lives'}`;
  };

  if (f.noneKilled && i !== null) {
    return r.pick([
      () => `No one was killed, but ${hedge(r, i)}${num(r, i)} ${people(i)} ${i === 1 ? 'was' : 'were'} ${hurtVerb()} when ${ev.when(r)} in ${where} ${when}${said}.`,
      () => `${cap(agent)} ${r.pick(ev.hit)} ${where} ${when}, injuring ${hedge(r, i)}${num(r, i)} ${people(i)}${said}. There were no reports of deaths.`,
      () => `${cap(hedge(r, i))}${num(r, i)} ${people(i)} ${i === 1 ? 'was' : 'were'} ${hurtVerb()} in ${where} ${when} when ${ev.when(r)}${said}. No deaths were reported.`,
    ])();
  }
  if (k === null && i !== null) {
    return `${cap(hedge(r, i))}${num(r, i)} ${people(i)} ${i === 1 ? 'was' : 'were'} ${hurtVerb()} when ${ev.when(r)} in ${where} ${when}${said}.`;
  }
  if (k === null) return `${cap(agent)} ${r.pick(ev.hit)} ${where} ${when}, causing widespread damage${said}.`;

  const h1 = hedge(r, k);
  const h2 = i === null ? '' : hedge(r, i);
  const forms: Array<() => string> = [
    // active, coordinated
    () => `${cap(agent)} ${r.pick(ev.hit)} ${where} ${when}, killing ${h1}${num(r, k)} ${people(k)}${i !== null ? ` and injuring ${h2}${num(r, i)} ${others(i)}` : ''}${said}.`,
    // passive, coordinated
    () => `${cap(kPast(k, h1))}${i !== null ? ` and ${h2}${num(r, i)} ${i === 1 ? 'was' : 'were'} ${hurtVerb()}` : ''} when ${ev.when(r)} in ${where} ${when}${said}.`,
    // "left N dead"
    () => `${cap(event)} in ${where} ${when} left ${h1}${num(r, k)} ${r.pick(['dead', 'people dead'])}${i !== null ? ` and ${h2}${num(r, i)} ${r.pick(['injured', 'wounded'])}` : ''}${said}.`,
    // attribution first, two sentences
    () => `${ATTRIB_CAP(attrib)} said ${h1}${num(r, k)} ${people(k)} had died after ${ev.when(r)} in ${where} ${when}.${i !== null ? ` ${cap(h2)}${num(r, i)} ${i === 1 ? 'person was' : 'people were'} being treated for injuries.` : ''}`,
    // death toll
    () => `The death toll from ${event} in ${where} ${when} rose to ${h1}${num(r, k)}${said}.${i !== null ? ` ${cap(h2)}${num(r, i)} ${i === 1 ? 'person was' : 'people were'} ${hurtVerb()}.` : ''}`,
    // two sentences, short
    () => `${cap(agent)} ${r.pick(ev.hit)} ${where} ${when}. ${cap(kPast(k, h1))}${said}${i !== null ? `, and ${h2}${num(r, i)} ${r.pick(['others', 'more'])} ${i === 1 ? 'was' : 'were'} ${hurtVerb()}` : ''}.`,
    // killed N, injured N
    () => `${cap(event)} killed ${h1}${num(r, k)} ${people(k)}${i !== null ? ` and ${r.pick(['injured', 'wounded'])} ${h2}${num(r, i)}` : ''} in ${where} ${when}${said}.`,
  ];
  return r.pick(forms)();
}

// ---------------------------------------------------------------- CLI

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (!a.startsWith('--')) continue;
    const [key, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) out[key] = inline;
    else if (argv[k + 1] && !argv[k + 1]!.startsWith('--')) out[key] = argv[++k]!;
    else out[key] = 'true';
  }
  return out;
}

/**
 * Writes `count` reports as files under `dir` (1000 per folder, so a million
 * stays browsable), with their truth in `dir/.truth.jsonl` (a dot file,
 * which ingest skips). Streams: memory does not grow with the count.
 */
export async function writeCorpus(dir: string, options: GenerateOptions, onProgress?: (n: number) => void): Promise<{ files: number; bytes: number }> {
  fs.mkdirSync(dir, { recursive: true });
  const truth = fs.createWriteStream(path.join(dir, '.truth.jsonl'));
  let files = 0;
  let bytes = 0;
  let lastDir = '';
  for (const d of generate(options)) {
    const file = path.join(dir, d.name);
    const sub = path.dirname(file);
    if (sub !== lastDir) {
      fs.mkdirSync(sub, { recursive: true });
      lastDir = sub;
    }
    fs.writeFileSync(file, d.text);
    bytes += Buffer.byteLength(d.text);
    files++;
    if (!truth.write(`${JSON.stringify({ name: d.name, ...d.truth })}\n`)) await new Promise<void>((res) => truth.once('drain', () => res()));
    if (onProgress && files % 10000 === 0) onProgress(files);
  }
  await new Promise<void>((res, rej) => truth.end((e?: Error | null) => (e ? rej(e) : res())));
  return { files, bytes };
}

/** Writes reports as JSON Lines: {"title", "date", "text", "truth"} per line. */
export async function writeJsonl(file: string, options: GenerateOptions): Promise<{ docs: number; bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const out = fs.createWriteStream(file);
  let docs = 0;
  let bytes = 0;
  for (const d of generate(options)) {
    const line = `${JSON.stringify({ id: d.name, date: d.truth.published, text: d.text, truth: d.truth })}\n`;
    bytes += Buffer.byteLength(line);
    docs++;
    if (!out.write(line)) await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  return { docs, bytes };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const options: GenerateOptions = { seed: Number(args.seed ?? 1), count: Number(args.count ?? 3), start: Number(args.start ?? 0) };
  if (args.out) {
    const t = Date.now();
    const res = await writeCorpus(args.out, options, (n) => process.stderr.write(`\r${n} files`));
    process.stderr.write(`\rwrote ${res.files} files (${(res.bytes / 1048576).toFixed(1)} MB) to ${args.out} in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  } else if (args.jsonl) {
    const res = await writeJsonl(args.jsonl, options);
    process.stderr.write(`wrote ${res.docs} reports (${(res.bytes / 1048576).toFixed(1)} MB) to ${args.jsonl}\n`);
  } else {
    for (const d of generate(options)) {
      process.stdout.write(`=== ${d.name} ${JSON.stringify(d.truth)}\n${d.text}\n`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
}
