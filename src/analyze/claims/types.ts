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

/** A draft made by a constructor: one hidden class for every draft, whichever parser makes it. */
class DraftObject implements Draft {
  relation: Relation | null = null;
  parent: Draft | null = null;
  location: string[] = [];
  locationInferred = false;
  time: TimeSpan | null = null;
  condition: string | null = null;
  attribution: string | null = null;
  attributionInferred = false;
  rules: string[];
  note: string | null = null;
  declare dropped?: string;
  constructor(
    public category: string,
    public value: number,
    public low: number,
    public high: number,
    public approx: Approx,
    public parts: Quantity[],
    public sentence: SentenceContext,
    public first: number,
    public last: number,
    public triggerFirst: number,
    public triggerLast: number,
    public subject: string | null,
    public subgroup: string | null,
    rule: string,
  ) {
    this.rules = [rule];
  }
}

/** categories of arrest and sentence */
const JUSTICE: ReadonlySet<string> = new Set(['arrested', 'imprisoned']);

/**
 * An arrest or a sentence of one person named by an article ("The chief engineer was also convicted", "detaining a
 * 66-year-old former paratrooper", "his crew were jailed"): no count (reports count those: "one was detained").
 */
export function isJusticeOfOne(category: string, q: Quantity, toks: SentenceContext['toks']): boolean {
  return JUSTICE.has(category) && q.singular && !q.named && toks[q.numFirst]!.lower !== 'one';
}

/**
 * A part of `whole` that the count q makes ("including 117 Azerbaijanis", "68 women … among them"): the whole's
 * category and subject, q's noun as its subgroup, quoted from `first` to the end of q.
 */
export function partDraft(ctx: SentenceContext, whole: Draft, q: Quantity, trigger: [number, number], rule: string, first = q.first): Draft {
  const d = newDraft(ctx, whole.category, [q], trigger, rule);
  d.first = first;
  d.last = q.last;
  d.subgroup = q.noun;
  d.subject = whole.subject;
  d.parent = whole;
  d.relation = 'part_of';
  return d;
}

export function newDraft(ctx: SentenceContext, category: string, parts: Quantity[], trigger: [number, number], rule: string): Draft {
  const persons = parts.length > 1;
  let value = 0;
  let low = 0;
  let high = 0;
  let first = trigger[0];
  let last = trigger[1];
  let inexact = false;
  let noun: string | null = null;
  let nouns = 0;
  for (let k = 0; k < parts.length; k++) {
    const q = parts[k]!;
    value += q.value;
    low += q.low;
    high += q.high;
    if (q.approx !== 'exact') inexact = true;
    if (q.first < first) first = q.first;
    if (q.last > last) last = q.last;
    if (q.noun) {
      if (!nouns) noun = q.noun;
      nouns++;
    }
  }
  const approx: Approx = parts.length === 1 ? parts[0]!.approx : inexact ? 'range' : 'exact';
  const subgroup = persons && nouns ? ctx.text.slice(ctx.toks[parts[0]!.first]!.start, ctx.toks[parts[parts.length - 1]!.last]!.end) : null;
  const d = new DraftObject(category, value, low, high, approx, parts, ctx, first, last, trigger[0], trigger[1], persons ? 'people' : noun, subgroup, rule);
  // (a count the text states only in parts, "22 soldiers and four police officers died": reckon's sum, said so)
  if (persons) d.rules.push(SUMMED);
  return d;
}

/** The rule of a claim whose value reckon added up from several counts the text states (none of them the sum). */
export const SUMMED = 'summed';
