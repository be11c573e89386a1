/**
 * The data that flows between reckon's stages. Everything here is plain data
 * (JSON-serialisable), so stages can run in worker threads or other machines.
 */

/** Claim categories reckon knows; more may be added through the lexicon. */
export const CATEGORIES = [
  'killed',
  'injured',
  'missing',
  'arrested',
  'imprisoned',
  'displaced',
  'participants',
  'damaged',
] as const;
export type Category = (typeof CATEGORIES)[number] | (string & {});

/**
 * How a figure is hedged. `exact`: "147"; `about`: "about 150";
 * `at_least`/`more_than`: "at least 20", "more than 20"; `at_most`/`up_to`/`less_than`:
 * "up to 30", "fewer than 30"; `range`: "300-600"; `vague`: "dozens", "hundreds of thousands".
 */
export type Approx = 'exact' | 'about' | 'at_least' | 'more_than' | 'at_most' | 'up_to' | 'less_than' | 'range' | 'vague';

/** How a figure relates to others in the same report. */
export type Relation = 'total' | 'additional' | 'part_of';

export type Precision = 'day' | 'month' | 'year' | 'decade' | 'interval';

/** A date or interval; `end` is inclusive. ISO dates (YYYY-MM-DD). */
export interface TimeSpan {
  start: string;
  end: string;
  precision: Precision;
  /** true when the time comes from context rather than the claim's own words */
  inferred?: boolean;
  /** the words that gave it */
  text?: string;
}

export interface Claim {
  category: Category;
  /** the figure as stated; for vague amounts, the conventional point value (see numbers.ts) */
  value: number;
  low: number;
  high: number;
  approx: Approx;
  /** who or what is counted: "people", "civilians", "houses" */
  subject: string | null;
  /** a subgroup of the counted: "Azerbaijanis", "women and children" */
  subgroup: string | null;
  relation: Relation | null;
  /** index (in the document's claim list) of the claim this one is part of or adds to */
  parent: number | null;
  location: string[];
  locationInferred: boolean;
  time: TimeSpan | null;
  /** a phase or condition the figure is about: "after the state of emergency" */
  condition: string | null;
  attribution: string | null;
  attributionInferred: boolean;
  /** offsets into the ORIGINAL text (before cleaning); quote === original.slice(start, end) */
  start: number;
  end: number;
  quote: string;
  /** offsets into the cleaned text */
  textStart: number;
  textEnd: number;
  /** ids of the parsers and refiners that made this claim */
  rules: string[];
  /** how the figure was worked out when the words do not state it ("11 shot − 4 killed") */
  note?: string | null;
}

export type MentionKind = 'date' | 'place' | 'person' | 'org' | 'event';

export interface Mention {
  kind: MentionKind;
  text: string;
  /** offsets into the cleaned text */
  textStart: number;
  textEnd: number;
  /** offsets into the original text */
  start: number;
  end: number;
  /** canonical form: a place's gazetteer name, an event's canonical name, a date's ISO span */
  value: string;
  /** kind-specific detail: {country, lat, lon, id} for places; TimeSpan for dates */
  data?: Record<string, unknown>;
}

export interface Analysis {
  claims: Claim[];
  mentions: Mention[];
}

/** Where a document came from and what it is, before analysis. */
export interface DocumentInput {
  /** the path or URL as given at ingest, plus "#n" for items of a feed or JSON file */
  source: string;
  format: 'text' | 'markdown' | 'html' | 'json' | 'feed';
  /** the decoded original text (offsets point into this) */
  original: string;
  encoding: string;
  /** metadata given by the container (JSON fields, feed items, HTTP headers) */
  given: {
    title?: string | null;
    url?: string | null;
    date?: string | null;
    outlet?: string | null;
    language?: string | null;
  };
}

/** A document after cleaning and metadata extraction. */
export interface Article {
  text: string;
  /** segments mapping `text` back to `original` */
  segments: import('./offsets.js').Segment[];
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  url: string | null;
  author: string | null;
}

/** A document's identity and metadata, without its text: what lists, grouping and reconciliation read. */
export interface DocumentRef {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  url: string | null;
}

export interface DocumentRecord extends DocumentRef {
  version: number;
  format: DocumentInput['format'];
  encoding: string;
  contentHash: string;
  ingestedAt: string;
  author: string | null;
  original: string;
  text: string;
  segments: import('./offsets.js').Segment[];
  /** later version of the same source, if any */
  supersededBy: string | null;
}
