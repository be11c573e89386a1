/**
 * What reconciliation produces: events, each with facts (per category and
 * scope, low/best/high and the claims behind them), checks (arithmetic a
 * text states), a timeline, and which sources copy one another. This is the
 * shape of `events[]` in the JSON export and of the HTTP API.
 */

export type FactStatus = 'consensus' | 'disputed' | 'single';

/** Policies for choosing `best` among the values of a fact. */
export type PolicyName = 'median' | 'conservative' | 'most_cited' | 'latest' | 'official';

export interface FactClaim {
  /** "<document id>:<index>" */
  claim: string;
  document: string;
  value: number;
  low: number;
  high: number;
  approx: string;
  quote: string;
  outlet: string | null;
  published: string | null;
  attribution: string | null;
  /** claims sharing a group number count as one confirmation (copies, or one attributed source) */
  group: number;
  /**
   * what the claim is to its report's figure: the figure itself, a part of a sum reckon made, a component of a
   * stated total, the figure said again, or a rival figure the report attributes to another source than its own
   * figure's (an entry of its own in who says what: the report citing `attribution`; it counts in low, high and
   * status, not in best, where each report counts once, with its own figure)
   */
  role: 'value' | 'summand' | 'component' | 'restated' | 'attributed';
}

export interface Scope {
  location: string[];
  /**
   * a time window ending on the day a report gives a figure for, when that is another day than its own
   * figure's ("On April 30, police had arrested 14" in a report that puts the count at 40 on May 2): the
   * fact holds the figures as of that day; null: each report's own figure
   */
  time: { start: string; end: string } | null;
  condition: string | null;
  subject: string | null;
  subgroup: string | null;
  relation: 'total' | 'additional' | 'part_of' | null;
  /** a time before the event the figures are stated for ("in 2024": "last year, floods killed more than 200") */
  earlier?: string;
  /**
   * a time well after the event a crowd or an arrest is counted for ("in 2015": a march on its first anniversary, the
   * arrests at a vigil thirty years on): another gathering than the event's
   */
  later?: string;
  /** human-readable, e.g. "in Baku · after the state of emergency" ("" for the event as a whole) */
  label: string;
}

export interface Fact {
  /** unique within the event */
  id: string;
  category: string;
  scope: Scope;
  low: number;
  best: number;
  high: number;
  status: FactStatus;
  /** the policy that chose `best` */
  policy: PolicyName;
  /** what the other policies choose, where they differ */
  alternatives: Array<{ policy: PolicyName; best: number }>;
  claims: FactClaim[];
  /** distinct documents behind the fact */
  sources: number;
  /** independent confirmations (copies and one attributed source count once) */
  independent: number;
  /** plain statements of what differs between the sources (for a fact of another day, also how its figures relate in time to the reports' own) */
  why: string[];
  /** how this fact relates to another fact of the event */
  relates?: { fact: string; how: 'part_of' | 'additional' | 'subgroup' | 'different_count' | 'as_of' };
  /** a figure computed from a report's own figures (a sum), not stated */
  derived?: { from: string[]; how: string };
}

export interface Check {
  id: string;
  document: string;
  kind: 'sum' | 'subgroup' | 'contradiction' | 'difference';
  category: string;
  total: number;
  components: number[];
  ok: boolean;
  /** total minus the sum of components (0 when ok) */
  difference: number;
  claims: string[];
  statement: string;
}

export interface TimelineEntry {
  start: string;
  end: string;
  precision: string;
  /** a short description from the sentences that date it */
  label: string;
  documents: string[];
  mentions: Array<{ document: string; text: string; start: number; end: number; sentence: string }>;
}

export interface CopyGroup {
  documents: string[];
  reason: 'shared wording' | 'same attributed source';
  /** share of 8-word shingles in common (shared wording), or the source named */
  detail: string;
}

export interface EventSource {
  document: string;
  source: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  claims: number;
}

export interface Event {
  id: string;
  name: string;
  aliases: string[];
  start: string | null;
  end: string | null;
  places: string[];
  documents: string[];
  sources: EventSource[];
  facts: Fact[];
  checks: Check[];
  timeline: TimelineEntry[];
  copies: CopyGroup[];
  policy: PolicyName;
}
