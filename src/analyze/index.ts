/**
 * The analysis stage: cleaned text in, claims and mentions out. Pure: no I/O,
 * no clock (the publication date is the reference for relative dates).
 *
 *   sentences → numbers → dates → places → people/orgs/event names → claims
 */
import { pushAll } from '../core/collections.js';
import type { Analysis, Claim, Mention, TimeSpan } from '../core/types.js';
import { PARSERS, REFINERS } from './claims/configuration.js';
import { TRIGGER_WORDS } from './claims/lexicon.js';
import { namedPersonAt, quantitiesFromNumbers, singularAt } from './claims/quantities.js';
import { gazetteer } from './gazetteer.js';
import type { DocumentContext, Draft, SentenceContext } from './claims/types.js';
import { findDates, type DateMention } from './dates.js';
import { findEntities } from './entities.js';
import { findNumbers } from './numbers.js';
import { addLocalPlaces, dropPersonNames, findPlaces } from './places.js';
import { WordShapes } from './shapes.js';
import { sentences, tokenize, type Token } from './text.js';

/** Bumped whenever analysis output changes, so stored documents are re-analysed. */
export const ANALYZER_VERSION = 14;

export interface AnalyzeContext {
  /** publication date, ISO; reference for relative dates */
  published: string | null;
  title: string | null;
  language: string | null;
}

/** Analyses a cleaned text. Offsets in the result are into `text` (start/end are filled by the caller's map). */
export function analyzeText(text: string, context: AnalyzeContext): Analysis {
  // the gazetteer is loaded before this text's first object is made: objects alive while it loads look
  // long-lived to V8, which then allocates every later token, date and draft from the same code in the
  // old generation (pretenuring), and the whole analysis runs slower for the life of the process
  gazetteer();
  const dates = findDates(text, context.published);
  const sents = sentences(text, tokenize(text));
  const ctxs: SentenceContext[] = [];
  /** per sentence: holds a trigger word */
  const triggered: boolean[] = [];
  let di = 0;
  for (const s of sents) {
    while (di < dates.length && dates[di]!.end <= s.start) di++;
    const own: DateMention[] = [];
    for (let k = di; k < dates.length && dates[k]!.start < s.end; k++) own.push(dates[k]!);
    const dateTokens = new Set<number>();
    if (own.length) {
      // tokens and dates both in reading order, the dates apart from each other: one pass over the two
      // (a sentence of thousands of dates and tokens stays linear)
      let p = 0;
      for (let i = 0; i < s.tokens.length; i++) {
        const t = s.tokens[i]!;
        while (p < own.length && own[p]!.end <= t.start) p++;
        if (p === own.length) break;
        if (t.start >= own[p]!.start && t.end <= own[p]!.end) dateTokens.add(i);
      }
    }
    const places = findPlaces(s.tokens, text);
    // a sentence with no trigger word holds no claim: skip the counting
    const hasTrigger = holdsTrigger(s.tokens);
    triggered.push(hasTrigger);
    if (!hasTrigger) {
      ctxs.push({ sentence: s, toks: s.tokens, text, numbers: [], quantities: [], dates: own, dateTokens, places, used: new Set() });
      continue;
    }
    const numbers = findNumbers(s.tokens, dateTokens);
    const quantities = quantitiesFromNumbers(s.tokens, numbers);
    // counted noun phrases without digits ("a teacher", "both") at every place no number covers
    const covered = new Uint8Array(s.tokens.length);
    for (const q of quantities) for (let k = q.first; k <= q.last && k < covered.length; k++) covered[k] = 1;
    for (let i = 0; i < s.tokens.length; i++) {
      if (covered[i]) continue;
      const q = singularAt(s.tokens, i) ?? namedPersonAt(s.tokens, i, isCommonWord);
      if (q) {
        quantities.push(q);
        i = q.last;
      }
    }
    // (most are in order already, and most sentences have none or one: the sort, a builtin call with a
    // comparator, was 7% of this function's own time on short incident texts)
    if (!inOrder(quantities)) quantities.sort((a, b) => a.first - b.first);
    ctxs.push({ sentence: s, toks: s.tokens, text, numbers, quantities, dates: own, dateTokens, places, used: new Set() });
  }
  // names the report gives people are no places in it ("Chun Doo-hwan" … "Chun's coup")
  const placeLists = ctxs.map((c) => c.places);
  dropPersonNames(sents, placeLists, text);
  placeLists.forEach((ps, k) => (ctxs[k]!.places = ps));
  // places the gazetteer lacks, read from how the report names them ("at Sharpeville", and Sharpeville again)
  addLocalPlaces(sents, placeLists, text, context.title);
  const doc: DocumentContext = { text, published: context.published, sentences: ctxs, dates };

  let drafts: Draft[] = [];
  for (let k = 0; k < ctxs.length; k++) {
    const ctx = ctxs[k]!;
    if (!ctx.numbers.length && !ctx.quantities.length && !triggered[k]) continue;
    const here: Draft[] = [];
    for (const p of PARSERS) for (const d of p.parse(ctx, here)) here.push(d);
    pushAll(drafts, here);
  }
  for (const r of REFINERS) drafts = r.refine(drafts, doc);
  const kept = drafts.filter((d) => !d.dropped && CLAIM_CATEGORIES.has(d.category)).sort((a, b) => a.sentence.toks[a.first]!.start - b.sentence.toks[b.first]!.start);
  const index = new Map(kept.map((d, i) => [d, i]));
  const claims: Claim[] = kept.map((d) => toClaim(d, index));

  const mentions: Mention[] = [];
  const mention = (kind: Mention['kind'], start: number, end: number, value: string, data?: Record<string, unknown>) => {
    const m: Mention = { kind, text: text.slice(start, end), textStart: start, textEnd: end, start, end, value };
    if (data) m.data = data;
    mentions.push(m);
  };
  for (const d of dates) {
    if (d.span) mention('date', d.start, d.end, d.span.start === d.span.end ? d.span.start : `${d.span.start}/${d.span.end}`, dateData(d, d.span));
  }
  for (const ctx of ctxs) {
    for (const p of ctx.places) mention('place', p.start, p.end, p.place.name, { id: p.place.id, kind: p.place.kind, country: p.place.country, region: p.place.region, lat: p.place.lat, lon: p.place.lon });
    for (const e of findEntities(ctx.toks, text, ctx.places, ctx.dates)) mention(e.kind === 'person' ? 'person' : e.kind === 'org' ? 'org' : 'event', e.start, e.end, e.value);
  }
  mentions.sort((a, b) => a.textStart - b.textStart || a.textEnd - b.textEnd);
  return { claims, mentions };
}

/**
 * { ...span, kind, night } of a date mention, copied field by field: the generic object spread was a
 * sixth of this function's own time. A span holds start, end, precision and, when set, inferred and text.
 */
function dateData(d: DateMention, span: TimeSpan): Record<string, unknown> {
  const data: Record<string, unknown> = { start: span.start, end: span.end, precision: span.precision };
  if ('inferred' in span) data.inferred = span.inferred;
  if ('text' in span) data.text = span.text;
  data.kind = d.kind;
  data.night = d.night;
  return data;
}

/**
 * The shapes of the trigger words: most words of a sentence are turned away without the set look-up, whose
 * first use of a fresh token string hashes it; one word in eight passes on to it. (The sentences without a
 * trigger, two in three, then mostly never hash their lower-case words: places and names look up capitalised
 * ones.) The check took 3.4% of prepareDocument; analyzeText 4–7% faster.
 */
const TRIGGER_SHAPES = new WordShapes(TRIGGER_WORDS);

/** Whether a token is a trigger word (a function of its own: V8 inlines the shape test here, not in analyzeText). */
function holdsTrigger(toks: Token[]): boolean {
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i]!.lower;
    if (TRIGGER_SHAPES.mayHold(w) && TRIGGER_WORDS.has(w)) return true;
  }
  return false;
}

/** Whether the quantities are in order of their first token. */
function inOrder(qs: ReadonlyArray<{ first: number }>): boolean {
  for (let k = 1; k < qs.length; k++) if (qs[k - 1]!.first > qs[k]!.first) return false;
  return true;
}

const isCommonWord = (w: string) => gazetteer().english.has(w) || gazetteer().byName.has(w);
const CLAIM_CATEGORIES = new Set(['killed', 'injured', 'missing', 'arrested', 'imprisoned', 'displaced', 'participants', 'damaged']);

function toClaim(d: Draft, index: Map<Draft, number>): Claim {
  const toks = d.sentence.toks;
  const textStart = toks[d.first]!.start;
  const textEnd = toks[d.last]!.end;
  return {
    category: d.category,
    value: d.value,
    low: Math.min(d.low, d.value),
    high: Math.max(d.high, d.value),
    approx: d.approx,
    subject: d.subject,
    subgroup: d.subgroup,
    relation: d.relation,
    parent: d.parent && index.has(d.parent) ? index.get(d.parent)! : null,
    location: d.location,
    locationInferred: d.locationInferred,
    time: d.time,
    condition: d.condition,
    attribution: d.attribution,
    attributionInferred: d.attributionInferred,
    start: textStart,
    end: textEnd,
    quote: d.sentence.text.slice(textStart, textEnd),
    textStart,
    textEnd,
    rules: d.rules,
    note: d.note,
  };
}
