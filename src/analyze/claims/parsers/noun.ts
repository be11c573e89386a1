/**
 * "seven fatalities and four injuries", "841 arrests", "2,000 protesters",
 * "one death", "five injured victims": a count of a noun that names the
 * category itself.
 */
import { AFTER, BEFORE, NOUN_TRIGGERS, isPersonNoun, matchAt, phraseAt } from '../lexicon.js';
import { newDraft, type Draft, type Parser, type SentenceContext } from '../types.js';

const MAX_MODIFIERS = 2;
/** (a body of police or troops is no crowd that takes part: "a crowd of 200 police officers was deployed") */
const FORCES = /\b(?:police|policemen|officers|soldiers|troops|guards|paratroopers|marines|militia|riot)\b/i;
/**
 * Gatherings counted by the people in them: "a march of around 10,000 people", "a crowd of 5,000" (after.ts has its
 * own list, with plurals, for "joined the rallies": a noun before "of" here is singular)
 */
const GATHERINGS = new Set(['march', 'rally', 'crowd', 'gathering', 'demonstration', 'protest', 'procession', 'vigil', 'assembly', 'congregation', 'turnout', 'sit-in']);
const FOUND = /\b(found|recovered|discovered|retrieved|pulled|unearthed|identified|exhumed|buried|counted|brought (?:in|out|to|there|here)|taken (?:out|to|there)|carried (?:out|to)|lay|lying|laid out|seen|handled|cremated|collected|morgues?|mortuar(?:y|ies))\b/i;
const FUNCTION_WORDS = new Set(['of', 'and', 'or', 'were', 'was', 'are', 'is', 'be', 'been', 'being', 'in', 'at', 'on', 'from', 'to', 'before', 'after', 'while', 'when', 'as', 'by', 'with', 'for', 'that', 'who', 'which', 'had', 'have', 'has', 'the', 'a', 'an', 'then', 'than']);

function make(id: string, personNouns: boolean): Parser {
  return {
    id,
    parse(ctx: SentenceContext): Draft[] {
      return parseNouns(ctx, id, personNouns);
    },
  };
}

/** Nouns that name no person ("deaths", "fatalities", "arrests"): before any verb reading. */
export const strictNounParser = make('parse.count-of-category-noun', false);
/** Nouns that name people ("protesters", "mourners"): only for counts no verb took. */
export const nounParser = make('parse.count-of-category-noun', true);

function parseNouns(ctx: SentenceContext, id: string, personNouns: boolean): Draft[] {
  const { toks } = ctx;
    const out: Draft[] = [];
    for (const q of ctx.quantities) {
      if (ctx.used.has(q) || q.singular) continue;
      for (let j = q.numLast + 1, mods = 0; j < toks.length && mods <= MAX_MODIFIERS; j++, mods++) {
        const p = phraseAt(NOUN_TRIGGERS, toks, j);
        if (p && isPersonNoun(p.words[p.words.length - 1]!) !== personNouns) break;
        // "three bodies" are dead only when found ("police found four bodies", "4 bodies were recovered"), not "three bodies: the ministries of …"
        if (p && p.words[0] === 'bodies' && !FOUND.test(ctx.text.slice(Math.max(ctx.sentence.start, toks[q.first]!.start - 30), Math.min(ctx.sentence.end, toks[p.last]!.end + 30)))) break;
        if (p) {
          const d = newDraft(ctx, p.category, [q], [j, p.last], id);
          d.first = Math.min(d.first, q.first);
          d.last = Math.max(p.last, q.numLast);
          out.push(d);
          ctx.used.add(q);
          break;
        }
        const t = toks[j]!;
        // "744 suffered severe injuries": a verb between the count and the noun makes it a predicate, read elsewhere
        if (t.kind !== 'word' || !/^[a-z]/.test(t.text) || FUNCTION_WORDS.has(t.lower) || matchAt(AFTER, toks, j) || matchAt(BEFORE, toks, j)) break;
      }
      // "a march of around 10,000 people", "a crowd of 5,000": those who took part in a gathering
      if (personNouns && !ctx.used.has(q) && q.kind !== 'thing' && q.kind !== 'other' && toks[q.first - 1]?.lower === 'of' && GATHERINGS.has(toks[q.first - 2]?.lower ?? '') && !FORCES.test(q.noun ?? '')) {
        const d = newDraft(ctx, 'participants', [q], [q.first - 2, q.first - 2], id);
        out.push(d);
        ctx.used.add(q);
        continue;
      }
      // "the bodies of two miners were recovered": the count after the noun, found as above
      if (!personNouns && !ctx.used.has(q) && toks[q.first - 1]?.lower === 'of' && toks[q.first - 2]?.lower === 'bodies' && q.kind !== 'thing') {
        const b = q.first - 2;
        if (!FOUND.test(ctx.text.slice(Math.max(ctx.sentence.start, toks[b]!.start - 40), Math.min(ctx.sentence.end, toks[q.last]!.end + 40)))) continue;
        const d = newDraft(ctx, 'killed', [q], [b, b], id);
        d.subject = 'bodies';
        out.push(d);
        ctx.used.add(q);
      }
    }
  return out;
}
