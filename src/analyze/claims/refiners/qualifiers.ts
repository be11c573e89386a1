/**
 * What each figure is about: where (places in its clause, else in its
 * sentence, else the report's main place — marked inferred), when (a date in
 * its sentence; else the date "that night" points back to, the last date of
 * its paragraph, or the report's main date — marked inferred), under what
 * condition ("After declaring a state of emergency"), and who says so
 * ("according to official data", "the Health Ministry said").
 */
import SOURCES from '../../lexicon/sources.json' with { type: 'json' };
import type { TimeSpan } from '../../../core/types.js';
import { LETTER, MARK, NUMBER, classOf } from '../../../core/chars.js';
import { firstAtLeast } from '../../../core/collections.js';
import { looksBack, type DateMention } from '../../dates.js';
import type { PlaceMention } from '../../places.js';
import { DATELINE_DASHES, isCapitalised } from '../../text.js';
import { tollParser } from '../parsers/toll.js';
import { WHOLE_OF_PLACES } from '../parsers/perplace.js';
import { PLACE_NOUNS } from '../scan.js';
import { EVENT_AFTER_PLACE } from '../../places.js';

/** a running toll's claims: dated by the day of their telling too (see the refiner) */
const TOLL_RULE = tollParser.id;
/** the subgroup of a part named by where its people were: "from Myagdi district" (parsers/among.ts) */
const PLACE_PART = /^(?:from|in) /;
import type { Draft, DocumentContext, Refiner, SentenceContext } from '../types.js';

/** a phase bounded by a happening: "Before the official declaration of a state of emergency," "After declaring …," */
const CONDITION_FRONT = /^(?:(?:Before|After|Following|Since|Until|Prior to|Upon|By the time)\b[^,;]{3,120}),/;
/** phases that only name the event itself ("after the tragedy") narrow nothing */
const SELF_PHASE = /^(?:before|after|following|since|until|prior to|upon|by the time)\s+(?:the\s+)?(?:(?:first|next|following|last|early|few)\s+)?(?:tragedy|attack|attacks|events?|incident|shooting|massacre|operation|operations|crackdown|explosion|blast|bombing|war|conflict|that|this|it|hours?|days?|minutes?|weeks?|months?|night|morning|evening|dawn|noon|midnight)\b/i;
const CONDITION_AFTER = /\b((?:before|after|following|since|until|prior to) (?:the )?(?:official )?(?:declaration|declaring|imposition|introduction|implementation|end|start|lifting|announcement)[^,;.]{0,80})/i;
/** CONDITION_AFTER searched from a position: one for all sentences, as each search sets lastIndex before it runs */
const CONDITION_AFTER_G = new RegExp(CONDITION_AFTER.source, 'gi');
/** "according to the prosecution", "by the count of the regional government": the source with its article as written */
const ACCORDING = /\b(?:[Aa]ccording to|[Bb]y the (?:count|reckoning|estimates?|tally|figures?) of) ((?:the |a |an )?[^,;.]+?(?:\.[A-Z][^,;.]*)?)\s*(?:[,;]|\.(?:\s|$)|$)/;
/** words that join clauses or belong to the verb, never part of a source's name ("killed and police said") */
const MODIFIER_STOP = '(?:and|or|but|nor|so|that|which|who|whom|as|while|when|where|after|before|since|until|because|if|though|although|the|a|an|of|to|in|on|at|by|for|with|from|into|than|then|were|was|is|are|be|been|being|had|has|have|said|says|also|not|its|their|his|her)';
/**
 * A word of a source's name, for patterns with the u flag: a capital of any script, then letters, marks, digits
 * and _ ' ’ & . - ("Interior", "U.S.", "Société", "Həsənov", "Al-Sisi"). Written [A-Z][\w'’&.-]* before, names
 * with a letter outside ASCII were cut at it and read as no source.
 */
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}\\p{N}_'’&.-]*";
/** NAME_WORD without periods (a title or name before a speaker word: "Kabul police") */
const NAME_WORD_NO_DOT = "\\p{Lu}[\\p{L}\\p{M}\\p{N}_'’-]*";
/** an adverb between a source and its verb: "officials also say", "the authorities later said", "have always maintained" */
const SAID_ADVERB = '(?:also|later|then|now|previously|earlier|always|since|initially|first|repeatedly|officially|separately|still)';
/**
 * "the Interior Ministry said", "rights groups said", "the health ministry had put the number of dead at 276":
 * a name in capitals or a lower-case source ending in a speaker word (lexicon/sources.json), then a verb of
 * saying, or of estimating when a figure follows ("put the crowd at")
 */
export const SAID_BY = new RegExp(
  `(?:^|[,;"“”]\\s*|\\s)((?:the |a |an )?(?:${NAME_WORD}(?:\\s(?:${NAME_WORD}|of|the|for|and|on))*|(?:${NAME_WORD_NO_DOT}\\s){0,2}(?:(?!${MODIFIER_STOP}\\s)[a-z]+(?:['’]s?)?\\s){0,2}(?:${SOURCES.speakers.join('|')})))` +
    `\\s+(?:${SAID_ADVERB}\\s+)?(?:(?:had|has|have)\\s+)?(?:${SAID_ADVERB}\\s+)?(?:(?:${SOURCES.verbs.join('|')})\\b|(?:${SOURCES.estimateVerbs.join('|')})(?=\\s+(?:the|its|their)\\s+(?:[\\w-]+,?\\s+){0,4}?at\\s))`,
  'u',
);
/**
 * What every SAID_BY match holds: the source's last word (a capitalised word, "of", "the", "for", "and", "on" or
 * a speaker word, after a start, a space or [,;"“”]), whitespace, maybe "had", then a verb of saying or
 * estimating. A text without it holds no match, and this test, anchored on a few words, costs much less than
 * SAID_BY's search, which tries its source pattern at every space (SAID_BY was two thirds of attributionIn).
 */
export const SAID_BY_NEEDS = new RegExp(
  `(?:^|[\\s,;"“”])(?:${NAME_WORD}|of|the|for|and|on|${SOURCES.speakers.join('|')})\\s+(?:${SAID_ADVERB}\\s+)?(?:(?:had|has|have)\\s+)?(?:${SAID_ADVERB}\\s+)?(?:${SOURCES.verbs.join('|')}|${SOURCES.estimateVerbs.join('|')})`,
  'u',
);
/**
 * SAID_BY searched from a position (lastIndex): not before the last character before the first SAID_BY_NEEDS
 * match that no SAID_BY match can hold past its first (see saidBy).
 */
const SAID_BY_FROM = new RegExp(SAID_BY.source, 'gu');
const SPACE = /\s/;
/**
 * A code unit SAID_BY may match past its first character: a letter, mark or digit (of names: "Société",
 * "Həsənov"), _ ' ’ & . - or white space (\s). The source's words, the spaces between them and the verb are made
 * of these; the separators that may open a match ([,;"“”]) may stand only first. Surrogates (a letter beyond
 * the first plane is two of them) are taken as letters: a search that starts too early is only slower.
 */
function inSaidBy(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 39 || c === 38 || c === 46 || c === 45 || c === 32 || (c >= 9 && c <= 13);
  if (c === 0x2019 || (c >= 0xd800 && c <= 0xdfff)) return true;
  return (classOf(c) & (LETTER | MARK | NUMBER)) !== 0 || SPACE.test(String.fromCharCode(c));
}

/**
 * SAID_BY.exec(text), searched from where a match can first start. Every SAID_BY match holds a SAID_BY_NEEDS
 * match (its source's last word with the character before it, the spaces, "had", the verb), which starts at or
 * after the first one, at m. A match starting before the last character at or before m that inSaidBy refuses
 * would hold that character past its first, so none does: the search starts there, and the first match it
 * finds is SAID_BY's first. (Tried from every space of the sentence, SAID_BY was a third of attributionIn; the
 * source named last, after a comma, is the common case.)
 */
export function saidBy(text: string): RegExpExecArray | null {
  const n = SAID_BY_NEEDS.exec(text);
  if (!n) return null;
  let from = n.index;
  while (from > 0 && inSaidBy(text.charCodeAt(from))) from--;
  SAID_BY_FROM.lastIndex = from;
  return SAID_BY_FROM.exec(text);
}
const SAID_AFTER = new RegExp(`\\b(?:said|says|told|reported|stated|announced|confirmed)\\s+((?:the |a )?${NAME_WORD}(?:\\s(?:${NAME_WORD}|of|the|for|and))*)`, 'u');
/** right after a figure: "the 63 detentions reported by the Interior Ministry" names its own source */
export const BY_AFTER = new RegExp(
  `^\\s*,?\\s*(?:as\\s+)?(?:reported|given|cited|announced|released|confirmed|counted|recorded|estimated)\\s+by\\s+((?:the\\s+)?${NAME_WORD}(?:\\s(?:${NAME_WORD}|of|the|for|and))*)`,
  'u',
);
/**
 * BY_AFTER's opening, up to "by" and a space, tried in the sentence at the end of a figure: a figure followed by
 * no such opening (most) has no source of its own, and neither slice nor search is made for it. Where BY_AFTER
 * matches the slice, the slice starts with this opening, and so does the text at the slice's start.
 */
export const BY_AFTER_OPENING = /\s*,?\s*(?:as\s+)?(?:reported|given|cited|announced|released|confirmed|counted|recorded|estimated)\s+by\s/y;
const OFFICIAL = /\b((?:official|government|governmental|police|hospital|ministry|state|un|united nations|health ministry|military|army|local)\s+(?:data|figures|statistics|sources|estimates|reports|records|count|tally))\b/i;
const ANAPHORA = /\b(that (?:night|day|morning|evening|afternoon|week)|those (?:days|nights)|then|at the time|at that time|the same (?:day|night))\b/i;
const BAD_ATTRIBUTION = /^(he|she|it|they|we|i|you|this|that|there|which|who|the (?:report|article|statement)|some|many|several|most|other|others|both|all|few|later|earlier)$/i;

const sentenceText = (s: SentenceContext) => s.text.slice(s.sentence.start, s.sentence.end);

export function cleanAttribution(a: string): string | null {
  // a sentence's full stop is not part of the name ("the Interior Ministry."), an initial's is ("U.S.")
  // (an article stays as written, "the Madhya Pradesh government", "a hospital register": the name is the text's;
  // reconcile compares sources without it, see attributionKey)
  const u = a.replace(/\s+/g, ' ').trim();
  // (the pattern, which looks behind every character of the name, can only match a final period)
  const t = u.charCodeAt(u.length - 1) === 46 ? u.replace(/(?<!\b\p{Lu})\.$/u, '') : u;
  const bare = t.replace(/^(?:the|a|an)\s+/i, '');
  if (!bare || t.length > 90 || BAD_ATTRIBUTION.test(bare)) return null;
  return t;
}

const WEEKDAY_OR_MONTH = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)';
/** a day in a source's words ("police on Monday", "the list released late on 3 May"): when it was said, not who said it */
const SAID_WHEN = new RegExp(
  `\\s+(?:(?:late|early)\\s+)?(?:on|last|this)\\s+(?:the\\s+(?:morning|afternoon|evening|night)\\s+of\\s+)?(?:${WEEKDAY_OR_MONTH}|\\d{1,2}\\b)(?:,?\\s+(?:${WEEKDAY_OR_MONTH}|\\d{1,4}\\b))*`,
  'g',
);
/** a verb of putting out left with nothing after it once its day is gone ("a statement issued") */
const PUT_OUT_LAST = /\s+(?:released|published|issued|compiled|provided|updated|posted|announced|given)$/;

/**
 * The source in "according to …" without the day it spoke: "the list released on Monday by the health ministry"
 * is "list released by the health ministry", "a statement issued on Monday" "statement", "police on Monday"
 * "police".
 */
function accordingSource(a: string): string {
  return a.replace(SAID_WHEN, '').replace(PUT_OUT_LAST, '');
}

const ASIDE = /,\s+(?:which|who|whose|citing|quoting)\b[^,;"“”]{0,160},/g;

export function attributionOf(s: SentenceContext): string | null {
  return attributionIn(sentenceText(s));
}

/** Who says so in a stretch of text (a sentence, or one of its parts between semicolons). */
export function attributionIn(text: string): string | null {
  // (an aside between a source and its verb: "Human Rights Watch, which interviewed dozens of witnesses, concluded",
  // "The Interfax news agency, citing a source at the headquarters, said")
  if (text.includes(', which') || text.includes(', who') || text.includes(', citing') || text.includes(', quoting')) text = text.replace(ASIDE, '');
  const a = ACCORDING.exec(text);
  if (a) return cleanAttribution(accordingSource(a[1]!));
  const o = OFFICIAL.exec(text);
  if (o) return cleanAttribution(o[1]!);
  const b = saidBy(text);
  if (b && !/^(?:The|A|An|In|On|At|After|Before|During)$/.test(b[1]!.trim())) return cleanAttribution(withSpeaker(text, b.index + b[0].indexOf(b[1]!), b[1]!));
  const c = SAID_AFTER.exec(text);
  if (c) return cleanAttribution(c[1]!);
  return null;
}

/**
 * The people before an institution that speaks through them: "Doctors at three of", "a spokesman for", "Staff at",
 * "a surgeon at" (then "the city's hospitals", "the State Council"): the speaker words a source may open with, a
 * preposition, maybe a part ("three of", "one of"), read back from where the source starts.
 */
const SPEAKER_HEAD = /(?:^|[\s,;"“”])((?:(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Ss]enior|[Ll]ocal)\s+)?(?:[Dd]octors?|[Ss]urgeons?|[Nn]urses?|[Mm]edics?|[Ss]taff|[Ww]orkers|[Oo]fficials?|[Ss]pokes(?:man|woman|person)|[Rr]epresentatives?|[Ss]ources?|[Dd]irector|[Hh]ead|[Cc]hief|[Mm]embers?)\s+(?:at|for|of|from|in)\s+(?:(?:one|two|three|four|five|several|some|most|all|many)\s+of\s+)?)$/;
/** A source found at `start` in `text`, with the people before it who speak for it (SPEAKER_HEAD). */
function withSpeaker(text: string, start: number, source: string): string {
  const m = SPEAKER_HEAD.exec(text.slice(Math.max(0, start - 60), start));
  return m ? m[1]! + source.trimStart() : source;
}

/**
 * The first clause boundary at or after token i: ";", ", and", ", but", "and in …" (a new clause fronting a place).
 * Worked out once per sentence (suffix tables), so a sentence of many claims stays linear.
 */
function clauseBoundaries(s: SentenceContext): (i: number) => number {
  const t = s.toks;
  const n = t.length;
  // nextStop[k]: first ";" or ", and|but|…" at or after k; nextAndIn[k]: first "and in|at|…" at or after k
  // (plain arrays: making two small typed arrays per sentence was most of this function's time)
  const nextStop: number[] = new Array<number>(n + 1);
  const nextAndIn: number[] = new Array<number>(n + 1);
  nextStop[n] = n;
  nextAndIn[n] = n;
  for (let k = n - 1; k >= 0; k--) {
    const stop = t[k]!.text === ';' || (t[k]!.text === ',' && /^(and|but|while|whereas|yet)$/.test(t[k + 1]?.lower ?? ''));
    nextStop[k] = stop ? k : nextStop[k + 1]!;
    nextAndIn[k] = t[k]!.lower === 'and' && /^(in|at|near|across|outside)$/.test(t[k + 1]?.lower ?? '') ? k : nextAndIn[k + 1]!;
  }
  // "and in" counts only after token i
  return (i: number) => (i >= n ? n : Math.min(nextStop[i]!, nextAndIn[i + 1]!));
}

/** the text before a date that a superlative measures from: "the most lethal use of force … since the end of apartheid in" */
const SINCE_SUPERLATIVE = /\b(?:[a-z]+est|most|first|worst|biggest|largest|highest|lowest)\b[^.;!?]{0,100}\b(?:since|than)\b[^.;,!?]{0,60}$/i;

const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'where']);
const APPOSITIVE_HEADS = new Set(['figure', 'number', 'toll', 'tally', 'count', 'estimate', 'total']);
/**
 * For each token k of the sentence, the first token at or after k that opens a relative or appositive clause
 * after a comma (", which …", ", a figure it cites every year"), or the sentence's length: one pass, backwards
 * (a sentence of thousands of figures asks for each of them).
 */
function asides(s: SentenceContext): (from: number) => number {
  const t = s.toks;
  const n = t.length;
  let next: number[] | null = null;
  return (from: number) => {
    if (!next) {
      next = new Array<number>(n + 1);
      next[n] = n;
      for (let k = n - 1; k >= 0; k--) {
        let open = false;
        if (t[k]!.text === ',' && k + 1 < n) {
          const w = t[k + 1]!.lower;
          open = RELATIVE.has(w) || ((w === 'a' || w === 'an' || w === 'the') && APPOSITIVE_HEADS.has(t[k + 2]?.lower ?? ''));
        }
        next[k] = open ? k : next[k + 1]!;
      }
    }
    return from >= n ? n : next[Math.max(from, 0)]!;
  };
}

/** Places in a token window of the sentence (places come in token order and do not overlap). */
function placesIn(s: SentenceContext, first: number, last: number): PlaceMention[] {
  const ps = s.places;
  const lo = firstAtLeast(ps, (p) => p.first, first);
  const out: PlaceMention[] = [];
  for (let i = lo; i < ps.length && ps[i]!.first <= last; i++) if (ps[i]!.last <= last) out.push(ps[i]!);
  return out;
}
const unique = (xs: string[]) => [...new Set(xs)];

/**
 * The report's main place: the place that names its event most often ("the Sharpeville massacre"), else the most
 * named city (or region), else the most named country.
 */
function mainPlace(doc: DocumentContext): string | null {
  const counts = new Map<string, { n: number; kind: string; text: string; first: number; named: number }>();
  let order = 0;
  for (const s of doc.sentences) {
    for (const p of s.places) {
      const key = p.place.id;
      const c = counts.get(key) ?? { n: 0, kind: p.place.kind, text: p.text, first: order++, named: 0 };
      c.n++;
      // ("the Khojaly tragedy", "the Sharpeville massacre": the place that names the event)
      if (EVENT_AFTER_PLACE.has(s.toks[p.last + 1]?.lower ?? '')) c.named++;
      counts.set(key, c);
    }
  }
  const rank = (k: string) => (k === 'city' ? 0 : k === 'region' ? 1 : 2);
  // the place that names the event, else the first by (rank, most named, first named): no two places share
  // `first`, so this is the head of the sorted list
  let best: { n: number; kind: string; text: string; first: number; named: number } | null = null;
  for (const c of counts.values()) {
    if (!best) best = c;
    else if (c.named !== best.named) {
      if (c.named > best.named) best = c;
    } else if (rank(c.kind) - rank(best.kind) < 0 || (rank(c.kind) === rank(best.kind) && c.n > best.n)) best = c;
  }
  return best ? best.text : null;
}

const dated = (m: DateMention) => m.span !== null && m.kind !== 'recurring' && m.kind !== 'name';

/** The report's main date: its first day-precise date before publication, else its first dated mention. */
function mainDate(doc: DocumentContext, drafts: readonly Draft[]): DateMention | null {
  // (an anniversary's day counts as a date written out: "34 years to the day since the crush", "ten years ago today")
  const all = doc.dates.filter((m) => dated(m) && (m.kind !== 'relative' || isAnniversary(m, doc.published)));
  // (the start of a spell is no day of the event: "for the first time since 2017", "held since Wednesday")
  const before = all.filter((m) => (!doc.published || m.span!.end < doc.published) && !SINCE_BEFORE.test(doc.text.slice(Math.max(0, m.start - 12), m.start)));
  const earlier = before.find((m) => m.span!.precision === 'day') ?? before[0] ?? null;
  const fallback = earlier ?? all[0] ?? null;
  // Breaking news dates its event in the lead, on the day of publication or a few days before ("on Sunday");
  // an earlier date further down is background ("On April 30, police had arrested 14"). The lead is the first
  // full sentence (a title, byline or dateline line is shorter) and the one after it.
  const firstFull = Math.max(0, doc.sentences.findIndex((x) => x.toks.length >= 12));
  const leadEnd = doc.sentences[Math.min(firstFull + 1, doc.sentences.length - 1)]?.sentence.end ?? 0;
  if (earlier && earlier.start < leadEnd) return earlier;
  const lead = leadDate(doc, leadEnd);
  if (!lead) return fallback;
  // a report whose first earlier date lies more than a year back is a retrospective ("Today the city remembers …
  // On 3 March 1992, 40 people were killed"): its lead's date is the commemoration, not the event
  // (unless the lead itself counts the event's dead or hurt: "More than 150 people were killed on Friday" is news,
  // and an earlier date further down, "since … in October 2002", background)
  // (a count in a relative clause is the event's, named by a commemoration: "families of the 97 who died gathered")
  const retrospective = earlier?.span && earlier.span.end < daysBefore(doc.published!, 366) && !drafts.some((d) => d.sentence.sentence.start < leadEnd && d.category !== 'participants' && !inRelativeClause(d));
  return retrospective ? earlier : lead;
}

const SINCE_BEFORE = /\bsince\s*$/i;
/** how far before a count TELLING_BETWEEN may start (its words' length at most) */
const TELLING_REACH = 200;
/** a verb of telling or finding and its "that" between a date and a count: "On 26 April 2016 the jury concluded that" */
const TELLING_BETWEEN = /^[^.;]{0,80}\b(?:said|told|announced|reported|confirmed|stated|concluded|found|ruled|determined|established|decided|revealed|estimated|declared)\s+(?:that\s+)?(?:\S+\s+){0,3}$/i;

/** a relative mention of a day more than a year before publication: an anniversary's day ("ten years ago today") */
const isAnniversary = (m: DateMention, published: string | null): boolean =>
  m.kind === 'relative' && published !== null && m.span!.precision === 'day' && m.span!.end < daysBefore(published, 366);

/** words that end the noun phrase of a count before a relative pronoun could open its clause */
const NOT_IN_NOUN_PHRASE: ReadonlySet<string> = new Set(['in', 'at', 'on', 'near', 'from', 'by', 'during', 'when', 'as', 'after', 'before', 'since', 'and', 'but', 'while']);

/** the words that open a relative clause between a count and its verb: "the 97 supporters who died" */
const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'that', 'which', 'whom']);

/**
 * Whether the claim's verb is in a relative clause on its count ("the 97 Liverpool supporters who died",
 * "those who were killed"): the clause around it (a commemoration, a verdict) tells something else, and its
 * date is not the claim's.
 */
function inRelativeClause(d: Draft): boolean {
  if (d.triggerFirst <= d.first) return false;
  const toks = d.sentence.toks;
  // (right after the count's noun: "the 96 in March 1993 when Tony Bland, who had been left …, died" is no such clause)
  for (let i = d.first + 1; i < d.triggerFirst; i++) {
    const t = toks[i]!;
    if (RELATIVE_PRONOUNS.has(t.lower)) return true;
    if (t.kind !== 'word' && t.kind !== 'number') return false;
    if (NOT_IN_NOUN_PHRASE.has(t.lower)) return false;
  }
  return false;
}

/** the words a relative clause's own date may follow its verb by: "who died at Hillsborough on 15 April 1989" */
const RELATIVE_TAIL_WORDS: ReadonlySet<string> = new Set(['at', 'in', 'on', 'near', 'outside', 'inside', 'during', 'of', 'the', 'there', 'here', 'dead', 'and']);
/** how many words may name who did it, after "by" ("who were shot dead by British paratroopers on …") */
const AGENT_WORDS = 3;

/**
 * The last token of a relative clause on a count: its verb, then only a place ("at Hillsborough"), a date ("on
 * 15 April 1989") or who did it ("by paratroopers"); another verb opens the main clause ("who died at
 * Hillsborough gathered … on Saturday").
 */
function relativeClauseEnd(d: Draft): number {
  const toks = d.sentence.toks;
  let agent = 0;
  let i = d.triggerLast + 1;
  for (; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.lower === 'by') agent = AGENT_WORDS;
    else if (t.kind === 'number' || (t.kind === 'word' && (RELATIVE_TAIL_WORDS.has(t.lower) || isCapitalised(t)))) continue;
    else if (agent > 0 && t.kind === 'word') agent--;
    else break;
  }
  return i - 1;
}

/** The date of a relative clause's own words, which end at token `end` (see relativeClauseEnd), if any. */
function relativeClauseDate(d: Draft, end: number, dates: DateMention[]): DateMention | undefined {
  const toks = d.sentence.toks;
  const m = dates[firstAtLeast(dates, (x) => x.start, toks[d.triggerLast]!.end)];
  return m && m.end <= toks[end]!.end ? m : undefined;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * The ISO day n days before an ISO date ('' when the date cannot be read). A "YYYY-MM-DD" date is counted back
 * in whole days, without Date.parse and toISOString (3.5 µs a call, 1.2% of the analysis); anything else, or a
 * result outside the years 1000–9999, takes the Date path, whose reading of odd strings this keeps.
 */
export function daysBefore(iso: string, n: number): string {
  if (ISO_DAY.test(iso)) {
    const y = +iso.slice(0, 4);
    const m = +iso.slice(5, 7);
    const d = +iso.slice(8, 10);
    // Date.UTC rolls a day past the month's end over ("02-31" is 2 or 3 March) as Date.parse does (it reads years 0–99 as 1900–1999)
    if (y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
      const day = civilDate(Date.UTC(y, m - 1, d) / 86400000 - n);
      if (day) return day;
    }
  }
  const t = Date.parse(iso.slice(0, 10));
  return Number.isFinite(t) ? new Date(t - n * 86400000).toISOString().slice(0, 10) : '';
}

/** "YYYY-MM-DD" of a day counted from 1970-01-01 (the proleptic Gregorian calendar), or null outside the years 1000–9999. */
function civilDate(days: number): string | null {
  // 400-year eras starting 1 March, so the leap day ends each year
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1000 || y > 9999) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** a verb of telling (or of putting out figures: "figures released on 13 June") just before a date: the day of the telling */
const REPORTING_BEFORE =
  /\b(said|says|told(?: [a-z]+){0,2}|announced|reported|confirmed|stated|added|declared|released|published|issued|updated)(?: (?:on|late|early))?(?: the (?:morning|afternoon|evening|night) of)?\s*$/i;

/**
 * The earliest day-precise date in the report's lead (text before `end`) at most a week before its
 * publication: "Tuesday's earthquake" rather than the dateline's "March 14".
 */
function leadDate(doc: DocumentContext, end: number): DateMention | null {
  if (!doc.published) return null;
  const week = daysBefore(doc.published, 7);
  if (!week) return null;
  let best: DateMention | null = null;
  for (const m of doc.dates) {
    if (m.start >= end || !dated(m) || m.span!.precision !== 'day' || m.span!.end > doc.published || m.span!.start < week) continue;
    // "officials said on Monday": the day of the telling, not of what is told; "held captive since Wednesday":
    // the start of a spell, not the day of what the lead tells
    const before = doc.text.slice(Math.max(0, m.start - 40), m.start);
    if (REPORTING_BEFORE.test(before) || /\bsince\s*$/i.test(before)) continue;
    if (!best || m.span!.start < best.span!.start) best = m;
  }
  return best;
}

export const qualifiersRefiner: Refiner = {
  id: 'refine.qualifiers',
  refine(drafts, doc) {
    // the report's place and date and the tables of earlier dates, worked out when a claim first needs them
    // (most claims have a place or a date of their own)
    const docPlace = once(() => mainPlace(doc));
    const docDate = once(() => mainDate(doc, drafts));
    const earlierDate = once(() => earlierDates(doc));
    const bySentence = new Map<SentenceContext, Draft[]>();
    for (const d of drafts) {
      const list = bySentence.get(d.sentence) ?? [];
      list.push(d);
      bySentence.set(d.sentence, list);
    }
    for (const [s, list] of bySentence) {
      list.sort((a, b) => a.first - b.first);
      const attribution = attributionOf(s);
      const semicolons: number[] = [];
      for (let i = 0; i < s.toks.length; i++) if (s.toks[i]!.text === ';') semicolons.push(i);
      const partCache = new Map<number, string | null>();
      /** the attribution of the part of the sentence (between semicolons) that holds token i */
      const partAttribution = (i: number): string | null => {
        let p = 0;
        while (p < semicolons.length && semicolons[p]! < i) p++;
        if (!partCache.has(p)) {
          const from = p > 0 ? s.toks[semicolons[p - 1]!]!.end : s.sentence.start;
          const to = p < semicolons.length ? s.toks[semicolons[p]!]!.start : s.sentence.end;
          partCache.set(p, attributionIn(s.text.slice(from, to)));
        }
        return partCache.get(p)!;
      };
      /** whether the sentence's source is named in a part after d's own, one that holds a figure of its own */
      const laterPartSource = (d: Draft): boolean => {
        if (said < 0) return false;
        const semi = semicolons.find((i) => i > d.last);
        if (semi === undefined || s.toks[semi]!.start > said) return false;
        const next = semicolons.find((i) => s.toks[i]!.start > said) ?? s.toks.length;
        return list.some((o) => o !== d && o.first > semi && o.first < next);
      };
      const clauseBoundary = clauseBoundaries(s);
      const asideAfter = asides(s);
      /** whether the sentence names a source besides its first (worked out at its first figure that asks) */
      let severalSources: boolean | undefined;
      // a place in the name of who says so ("according to the South Kivu governor's office") is not where it happened
      const said = attribution ? s.text.indexOf(attribution, s.sentence.start) : -1;
      const saidEnd = said >= 0 && said < s.sentence.end ? said + attribution!.length : -1;
      const placesOutside = (s: SentenceContext, first: number, last: number) => {
        const ps = placesIn(s, first, last);
        return saidEnd < 0 ? ps : ps.filter((p) => p.start < said || p.end > saidEnd);
      };
      // a dateline's date is the day of filing and "said on Thursday" the day of the telling: neither dates what is told
      // (they still date it when nothing else does). A running toll is the exception: "the death toll has risen to 312,
      // the agency said on Friday" counts as of the day of its telling, which orders a report's successive tolls.
      const told: DateMention[] = [];
      const all = s.dates.filter(dated);
      // a date a superlative measures from dates nothing of the figures before it: "killing 34 … the most lethal …
      // since the end of apartheid in 1994" (it does date what its own clause tells: "since … October 2002, a
      // crisis in which 130 hostages died")
      const since = all.filter((m) => SINCE_SUPERLATIVE.test(s.text.slice(Math.max(s.sentence.start, m.start - 140), m.start)));
      const own = all.filter((m) => {
        if (!inDateline(s, m) && !REPORTING_BEFORE.test(s.text.slice(Math.max(0, m.start - 40), m.start))) return true;
        told.push(m);
        return false;
      });
      const condition = conditionsOf(s);
      let before: { anaphora: DateMention | undefined; paragraph: DateMention | undefined } | null = null;
      for (let k = 0; k < list.length; k++) {
        const d = list[k]!;
        // where: places in this claim's clause (from its count to the next clause), else a place fronted to it
        // ("… and in Neftchala and Lankaran 26 people were shot"), else places before the sentence's first claim,
        // else later in the sentence ("131 killed and 744 injured in Baku")
        const nextStart = k + 1 < list.length ? list[k + 1]!.first : s.toks.length;
        // (a relative or appositive clause after the figure says where something else is: "613 people were
        // killed, a figure … engraved on memorials in Baku", "…, which was announced in Baku")
        const aside = asideAfter(d.last + 1);
        const clauseEnd = Math.min(nextStart, clauseBoundary(d.triggerLast + 1), aside) - 1;
        const prevEnd = k > 0 ? Math.max(list[k - 1]!.last, clauseBoundary(list[k - 1]!.triggerLast + 1) - 1) : -1;
        // (a part that names where its people were from, "21 were from Myagdi", is placed by its own words or not at all)
        const byPlace = PLACE_PART.test(d.subgroup ?? '');
        // (a count whose verb is in a relative clause is placed by that clause alone: "families of the 97 who died
        // at Hillsborough gathered in Liverpool")
        const relativeEnd = inRelativeClause(d) ? relativeClauseEnd(d) : -1;
        const relative = relativeEnd >= 0;
        let mentions = placesOutside(s, d.first, byPlace ? d.last : relative ? relativeEnd : clauseEnd);
        if (!byPlace && !relative) {
          if (!mentions.length && k > 0) mentions = placesOutside(s, prevEnd + 1, d.first - 1);
          if (!mentions.length) mentions = placesOutside(s, 0, list[0]!.first - 1);
          // (not for a whole whose parts are placed after it: "59,000 people: 50,783 in Turkey and 8,476 in Syria")
          if (!mentions.length && !d.rules.includes(WHOLE_OF_PLACES)) mentions = placesOutside(s, d.first, aside - 1);
        }
        // (a short form by the full name it stands for: "the Bagh" is "Jallianwala Bagh")
        const places = mentions.map((p) => (p.short ? p.place.name : p.text));
        // "In Malatya alone, 198 people were killed": a part of a larger count, not a rival of it
        if (!d.relation && mentions.some((p) => s.toks[p.last + 1]?.lower === 'alone' || (PLACE_NOUNS.has(s.toks[p.last + 1]?.lower ?? '') && s.toks[p.last + 2]?.lower === 'alone'))) {
          d.relation = 'part_of';
          d.rules.push(`${this.id}:place-alone`);
        }
        const from = k > 0 ? list[k - 1]!.last + 1 : 0;
        const to = nextStart - 1;
        if (places.length) {
          d.location = unique(places);
          d.rules.push(`${this.id}:place-stated`);
        } else if (docPlace() && !byPlace) {
          d.location = [docPlace()!];
          d.locationInferred = true;
          d.rules.push(`${this.id}:place-inferred`);
        }
        // when: the first date of its clause, else of its sentence
        // (claims that overlap, "1,000 at least 2 were killed", leave no clause between them)
        const running = told.length > 0 && (d.rules[0] === TOLL_RULE || runningCount(s, d));
        let dates = running ? all : own;
        if (since.length) {
          const end = s.toks[d.last]!.end;
          dates = dates.filter((m) => !(m.start > end && since.includes(m)));
        }
        // a date before a verb of telling or finding that opens the claim's clause dates the telling: "On 26 April
        // 2016 the jury concluded that the 96 had been unlawfully killed" (not a running toll: told is its day)
        if (!running && dates.length) {
          const countStart = s.toks[d.first]!.start;
          // (only the dates within TELLING_REACH before the count can be such: found by their place, so that a
          // sentence of thousands of dated claims stays linear)
          let toldHere: DateMention[] | null = null;
          for (let i = firstAtLeast(dates, (m) => m.start, countStart - TELLING_REACH); i < dates.length && dates[i]!.end <= countStart; i++) {
            if (TELLING_BETWEEN.test(s.text.slice(dates[i]!.end, countStart))) (toldHere ??= []).push(dates[i]!);
          }
          if (toldHere) dates = dates.filter((m) => !toldHere!.includes(m));
        }
        // (a date after the count in its own clause first: "gathered on Wednesday to remember the 34 shot dead there
        // on 16 August 2012")
        // (not a running toll's: its day is read as it always was, the day of its telling included)
        // (an anniversary after the count is the gathering's occasion, not its day: "Last night 10,000 walked … to mark
        // the first anniversary")
        const own0 = !running && d.last < to ? firstWithin(dates, s.toks[d.last + 1]!.start, s.toks[to]!.end, notAnniversary) : undefined;
        // (a count whose verb is in a relative clause takes only a date of that clause: "families of the 97 who died
        // gathered on Saturday" dates the gathering)
        const pick = relative && !running ? relativeClauseDate(d, relativeEnd, dates) : (own0 ?? (from <= to ? firstWithin(dates, s.toks[from]!.start, s.toks[to]!.end) : undefined) ?? dates[0]);
        if (pick?.span) {
          d.time = stamped(pick.span, false, pick.text);
          d.rules.push(`${this.id}:time-stated`);
        } else {
          // "that night" points back to the last date before; else the last date of its paragraph (a total
          // sums up the whole report: it takes the report's date, not its last sentence's); else the report's date
          before ??= earlierDate()(s);
          let m = before.anaphora;
          if (!m && d.relation !== 'total') m = before.paragraph;
          if (!m && docDate()) m = docDate()!;
          if (!m) m = told[0];
          if (m?.span) {
            d.time = stamped(m.span, true, m.text);
            d.rules.push(`${this.id}:time-inferred`);
          }
        }
        d.condition = condition(d);
        const end = s.toks[d.last]!.end;
        BY_AFTER_OPENING.lastIndex = end;
        const ownSource = BY_AFTER_OPENING.test(s.text) ? BY_AFTER.exec(s.text.slice(end, Math.min(s.sentence.end, end + 160))) : null;
        const byOwn = ownSource ? cleanAttribution(ownSource[1]!) : null;
        // in a sentence of parts between semicolons ("Organisers said 66,000 took part; police said 23,000"),
        // who says so in the claim's own part, else in the sentence
        const inPart = semicolons.length ? partAttribution(d.first) : null;
        // in a sentence of several figures, who says so in the figure's own stretch, between the figures beside it:
        // after it ("12 were killed, police said, and 40 hurt, doctors said"), else before it ("Organisers said
        // 100,000 took part, while the ministry put the crowd at 45,000")
        const inClause = !byOwn && !inPart && attribution && list.length > 1 && (severalSources ??= hasOtherSource(s, attribution)) ? clauseAttribution(s, list, k) : null;
        // (nor is the source of a later part, which gives a figure of its own, this figure's: "The official toll is
        // 16; the miners' union has always said that at least 19 died")
        const notOurs = !byOwn && !inPart && !inClause && attribution !== null && semicolons.length > 0 && laterPartSource(d);
        if (!notOurs && (byOwn || inPart || attribution)) {
          d.attribution = byOwn ?? inPart ?? inClause ?? attribution;
          d.rules.push(`${this.id}:attribution`);
        }
        // a bare count takes what the claim before it counts ("147 people were killed, 744 were injured")
        if (!d.subject && k > 0 && list[k - 1]!.subject && d.parts.every((p) => p.kind === 'bare')) d.subject = list[k - 1]!.subject;
      }
    }
    return drafts;
  },
};

/** f's value, worked out at the first call */
function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

/**
 * { ...span, inferred, text }, copied field by field (the generic spread was most of the per-claim time):
 * dates.ts makes every span as start, end, precision and, when set, inferred, in that order.
 */
function stamped(span: TimeSpan, inferred: boolean, text: string): TimeSpan {
  if ('text' in span) return { ...span, inferred, text };
  return { start: span.start, end: span.end, precision: span.precision, inferred, text };
}

/** The first date (in text order) lying within [start, end]. */
/**
 * Whether a date opens its sentence as a dateline does: after nothing but a capitalised place and commas, and
 * before a dash, the agency in brackets between ("Kinshasa, March 6, 2025 (Agency) - …", "BAKU, January 20 — …").
 */

/** Words that make a count a running one, as of its telling: "have now detained 52", "so far", "to date". */
const RUNNING = new Set(['has', 'have', "'ve", 'now', 'far', 'date', 'since']);

/**
 * Whether a claim is a running count (a present perfect or "now", "so far", "since …" from a little before its
 * count or trigger to the end of both): "Police have detained 40 people since rioting broke out", "52 people have
 * now been detained". Such a count is as of the day it is told; "38 people drowned" is of the day they drowned.
 */
function runningCount(s: SentenceContext, d: Draft): boolean {
  const from = Math.max(0, Math.min(d.first, d.triggerFirst) - 3);
  const to = Math.min(s.toks.length - 1, Math.max(d.last, d.triggerLast) + 4);
  for (let k = from; k <= to; k++) if (RUNNING.has(s.toks[k]!.lower)) return true;
  return false;
}

/** Whether a sentence names a source other than `first` (its attribution): the text without that name holds one. */
function hasOtherSource(s: SentenceContext, first: string): boolean {
  const text = sentenceText(s);
  const at = text.indexOf(first);
  return at >= 0 && attributionIn(text.slice(0, at) + text.slice(at + first.length)) !== null;
}

/** a date that is no anniversary's year counted back ("the 30th anniversary", "Thirty years on") */
const notAnniversary = (m: DateMention) => !looksBack(m);

/** Who says so in the stretch of a sentence that belongs to its k-th figure (see the refiner), or null. */
function clauseAttribution(s: SentenceContext, list: Draft[], k: number): string | null {
  const d = list[k]!;
  const end = s.toks[d.last]!.end;
  const next = k + 1 < list.length ? s.toks[list[k + 1]!.first]!.start : s.sentence.end;
  const after = end < next ? attributionIn(s.text.slice(end, next)) : null;
  if (after) return after;
  // (up to the figure's end: "put the crowd at 45,000" names its source before the figure's own words), the
  // source nearest the figure first: from the last comma before it, then the one before that
  const prev = k > 0 ? s.toks[list[k - 1]!.last]!.end : s.sentence.start;
  if (prev >= end) return null;
  const before = s.text.slice(prev, end);
  for (let at = before.lastIndexOf(','); at >= 0; at = at > 0 ? before.lastIndexOf(',', at - 1) : -1) {
    const a = attributionIn(before.slice(at + 1));
    if (a) return a;
  }
  return attributionIn(before);
}

function inDateline(s: SentenceContext, m: DateMention): boolean {
  const toks = s.toks;
  let k = 0;
  for (; k < toks.length && toks[k]!.start < m.start; k++) {
    const t = toks[k]!;
    if (!(t.text === ',' || t.text === '.' || (t.kind === 'word' && isCapitalised(t)))) return false;
  }
  if (k === 0 && s.sentence.start !== m.start) return false;
  while (k < toks.length && toks[k]!.start < m.end) k++;
  if (toks[k]?.text === '(') {
    while (k < toks.length && toks[k]!.text !== ')') k++;
    k++;
  }
  return DATELINE_DASHES.has(toks[k]?.text ?? '');
}

function firstWithin(dates: DateMention[], start: number, end: number, accept?: (m: DateMention) => boolean): DateMention | undefined {
  // (the dates are in reading order: the search starts at the first that starts at or after `start`, so that a
  // sentence of thousands of dated claims stays linear)
  for (let i = firstAtLeast(dates, (m) => m.start, start); i < dates.length; i++) {
    const m = dates[i]!;
    if (m.start >= end) return undefined;
    if (m.end <= end && (!accept || accept(m))) return m;
  }
  return undefined;
}

/**
 * For a sentence without a date of its own: the last date before it that
 * "that night" may point back to, and the last date before it in its
 * paragraph. Tables built once per document make each question a few steps,
 * so a long report of alternating dates and claims stays linear.
 */
function earlierDates(doc: DocumentContext): (s: SentenceContext) => { anaphora: DateMention | undefined; paragraph: DateMention | undefined } {
  const pub = doc.published;
  // the dates come in reading order (then the stable sort would keep them as they are): sorted only when not
  const dates = inOrder(doc.dates) ? doc.dates.slice() : [...doc.dates].sort((a, b) => a.start - b.start);
  const n = dates.length;
  // prevA[i] / prevP[i]: the last date at or before i that the anaphora / the paragraph rule may take
  const prevA = new Int32Array(n);
  const prevP = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const m = dates[i]!;
    const ok = dated(m);
    prevA[i] = ok && m.kind !== 'relative' && m.span!.start < (pub ?? '9999') ? i : i > 0 ? prevA[i - 1]! : -1;
    prevP[i] = ok && (m.kind !== 'relative' || !pub || m.span!.start < pub) ? i : i > 0 ? prevP[i - 1]! : -1;
  }
  const sents = doc.sentences.map((x) => x.sentence);
  const paragraphStart = new Map<number, number>();
  for (const x of sents) if (!paragraphStart.has(x.paragraph)) paragraphStart.set(x.paragraph, x.start);
  /** the paragraph of the sentence holding a date, or null when no sentence holds it whole */
  const paragraphOf = (m: DateMention): number | null => {
    let lo = 0;
    let hi = sents.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sents[mid]!.start <= m.start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const x = sents[at];
    return x && m.end <= x.end ? x.paragraph : null;
  };
  return (s) => {
    const start = s.sentence.start;
    // dates starting before the sentence: [0, last]
    const last = firstAtLeast(dates, (m) => m.start, start) - 1;
    let anaphora: DateMention | undefined;
    if (ANAPHORA.test(sentenceText(s))) {
      for (let j = last >= 0 ? prevA[last]! : -1; j >= 0; j = j > 0 ? prevA[j - 1]! : -1) {
        if (dates[j]!.end <= start) {
          anaphora = dates[j];
          break;
        }
      }
    }
    let paragraph: DateMention | undefined;
    const from = paragraphStart.get(s.sentence.paragraph) ?? start;
    for (let j = last >= 0 ? prevP[last]! : -1; j >= 0 && dates[j]!.start >= from; j = j > 0 ? prevP[j - 1]! : -1) {
      const m = dates[j]!;
      if (m.end <= start && paragraphOf(m) === s.sentence.paragraph) {
        paragraph = m;
        break;
      }
    }
    return { anaphora, paragraph };
  };
}

/** dates by their start, each at or after the one before */
function inOrder(dates: readonly DateMention[]): boolean {
  for (let i = 1; i < dates.length; i++) if (dates[i]!.start < dates[i - 1]!.start) return false;
  return true;
}

/**
 * conditionOf for the claims of one sentence: the search for a condition
 * after the trigger remembers where it found the next one, so many claims in
 * one long sentence do not search the same text again and again.
 */
function conditionsOf(s: SentenceContext): (d: Draft) => string | null {
  const text = sentenceText(s);
  const front = CONDITION_FRONT.exec(text);
  const after = CONDITION_AFTER_G;
  let searchedFrom = -1;
  let found: RegExpExecArray | null = null;
  return (d) => {
    // the fronted clause is a condition of what follows it, not of a count inside it
    if (front && !SELF_PHASE.test(front[0]) && s.toks[d.first]!.start >= s.sentence.start + front[0].length) return front[0].slice(0, -1).trim();
    const pos = s.toks[d.triggerLast]!.end - s.sentence.start;
    // the first match at or after pos: the last search answers it when pos lies between where it started and what it found
    if (!(searchedFrom >= 0 && pos >= searchedFrom && (found === null || pos <= found.index))) {
      after.lastIndex = pos;
      found = after.exec(text);
      searchedFrom = pos;
    }
    // ("the deadliest since the end of apartheid": a measure of the count, not a phase it is counted in)
    if (found && SINCE_SUPERLATIVE.test(text.slice(Math.max(0, found.index - 120), found.index + found[1]!.indexOf(' ') + 1))) return null;
    return found ? found[1]!.trim() : null;
  };
}
