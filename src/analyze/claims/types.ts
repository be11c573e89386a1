/**
 * The parsers + refiners contract (after chrono-node's): a parser finds
 * draft claims in one sentence; a refiner maps the drafts of a whole
 * document to refined drafts. Each records its id in `rules`.
 */
import type { Approx, Relation, TimeSpan } from '../../core/types.js';
import type { DateMention } from '../dates.js';
import type { NumberExpr } from '../numbers.js';
import type { PlaceMention } from '../places.js';
import type { Sentence, Token } from '../text.js';
import type { Quantity } from './quantities.js';

export interface SentenceContext {
  sentence: Sentence;
  toks: Token[];
  text: string;
  numbers: NumberExpr[];
  /** numeric quantities and counted noun phrases, by first token */
  quantities: Quantity[];
  dates: DateMention[];
  /** token indices covered by date mentions */
  dateTokens: Set<number>;
  places: PlaceMention[];
  /** quantities already counted by a draft (each counts once) */
  used: Set<Quantity>;
}

export interface Draft {
  category: string;
  value: number;
  low: number;
  high: number;
  approx: Approx;
  /** the quantities counted (several when an enumeration is summed) */
  parts: Quantity[];
  sentence: SentenceContext;
  /** token range of the words stating the claim */
  first: number;
  last: number;
  /** token range of the trigger (verb, noun or adjective) */
  triggerFirst: number;
  triggerLast: number;
  subject: string | null;
  subgroup: string | null;
  relation: Relation | null;
  parent: Draft | null;
  location: string[];
  locationInferred: boolean;
  time: TimeSpan | null;
  condition: string | null;
  attribution: string | null;
  attributionInferred: boolean;
  rules: string[];
  note: string | null;
  /** refiners set this to drop the draft */
  dropped?: string;
}

export interface Parser {
  id: string;
  parse(ctx: SentenceContext, drafts: Draft[]): Draft[];
}

export interface DocumentContext {
  text: string;
  published: string | null;
  sentences: SentenceContext[];
  dates: DateMention[];
}

export interface Refiner {
  id: string;
  refine(drafts: Draft[], doc: DocumentContext): Draft[];
}

export function newDraft(ctx: SentenceContext, category: string, parts: Quantity[], trigger: [number, number], rule: string): Draft {
  const persons = parts.length > 1;
  const value = parts.reduce((s, q) => s + q.value, 0);
  const low = parts.reduce((s, q) => s + q.low, 0);
  const high = parts.reduce((s, q) => s + q.high, 0);
  const approx = parts.length === 1 ? parts[0]!.approx : parts.some((q) => q.approx !== 'exact') ? 'range' : 'exact';
  const first = Math.min(trigger[0], ...parts.map((q) => q.first));
  const last = Math.max(trigger[1], ...parts.map((q) => q.last));
  const nouns = parts.map((q) => q.noun).filter(Boolean) as string[];
  return {
    category, value, low, high, approx, parts, sentence: ctx, first, last, triggerFirst: trigger[0], triggerLast: trigger[1],
    subject: persons ? 'people' : (nouns[0] ?? null), subgroup: persons && nouns.length ? ctx.text.slice(ctx.toks[parts[0]!.first]!.start, ctx.toks[parts[parts.length - 1]!.last]!.end) : null,
    relation: null, parent: null, location: [], locationInferred: false, time: null, condition: null, attribution: null, attributionInferred: false,
    rules: [rule], note: null,
  };
}
