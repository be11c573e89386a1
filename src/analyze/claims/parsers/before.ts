/**
 * "killed sixteen people and wounded thirty-two others", "killing four women
 * and a child" (5), "killed the principal and wounded three others",
 * "shot and killed them both": a verb, then what it counts. A list of people
 * is added up when every item can be counted ("a teacher" is one, "his
 * parents" two); a list with an item that cannot be counted ("his sisters")
 * gives no sum.
 */
import { AFTER, BEFORE, DISCONTINUOUS, PERPETRATORS, SELF, personNounAt, matchAt, phraseAt } from '../lexicon.js';
import { mayCountPeople, onePerson, singularAt, type Quantity } from '../quantities.js';
import { PASSIVE_MARKERS, RELATIVES, SPEECH_VERBS, isAdverb, isTrigger, parenthetical, unrealised } from '../scan.js';
import { isJusticeOfOne, newDraft, type Draft, type Parser, type SentenceContext } from '../types.js';
import type { Token } from '../../text.js';

const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'the']);
const SKIP_BEFORE_OBJECT = new Set(['all', 'then', 'also']);

const AUTHORITIES = new Set(['police', 'officer', 'officers', 'deputy', 'deputies', 'swat', 'trooper', 'troopers', 'cops', 'cop', 'authorities', 'agents', 'sniper']);
const PREPOSITIONS_IN_LIST = new Set(['in', 'at', 'on', 'inside', 'from', 'of', 'near', 'outside']);

/** The item counted at token j: a numeric quantity, "his two children", "a teacher", "them both". */
function itemAt(ctx: SentenceContext, byFirst: Map<number, Quantity>, j: number, inList: boolean, prior: Quantity | null): Quantity | null {
  const { toks } = ctx;
  const q = byFirst.get(j);
  if (q) return q;
  const t = toks[j];
  if (!t) return null;
  if (POSSESSIVES.has(t.lower)) {
    const inner = byFirst.get(j + 1);
    if (inner) return { ...inner, first: j };
  }
  // ("them" is never one person: "a man walked up and shot them" counts no one it can name)
  if (t.lower === 'them' && prior && prior.value > 1 && (toks[j + 1]?.lower === 'all' || !personNounAt(toks, j + 1))) {
    // "killing them all", "killing them": as many as were just counted
    const last = toks[j + 1]?.lower === 'all' ? j + 1 : j;
    return { ...prior, first: j, last, numFirst: j, numLast: last, noun: null, more: false, others: false, partitive: false, singular: true, expr: null };
  }
  if ((t.lower === 'him' || t.lower === 'her') && !personNounAt(toks, j + 1) && !(toks[j + 1] && /^[a-z]/.test(toks[j + 1]!.text) && toks[j + 1]!.kind === 'word' && !/^(and|in|at|on|before|after|as|with|while|then|to)$/.test(toks[j + 1]!.lower))) {
    return onePerson(j, j, null);
  }
  if (t.kind === 'number' && /-year-old$/i.test(t.text)) {
    const p = personNounAt(toks, j + 1);
    if (p && !p.plural) return onePerson(j, p.last, toks[j + 1]!.text);
  }
  const s = singularAt(toks, j);
  if (s) return s;
  // a bare singular person noun inside a list ("his brother-in-law, sister-in-law, and …") or in headline style ("murders wife")
  if (inList || (t.kind === 'word' && /^[a-z]/.test(t.text))) {
    const p = personNounAt(toks, j);
    if (p && !p.plural) return onePerson(j, p.last, toks[j]!.text);
  }
  return null;
}

/**
 * Whether a predicate follows token k within a few words, before any comma: "…, around 500 residents and
 * supporters marched to …" is a new clause's subject, not one more of those killed.
 */
function opensClause(toks: Token[], k: number): boolean {
  for (let j = k; j < toks.length && j <= k + 4; j++) {
    const t = toks[j]!;
    // ("one who had bullied him": a relative clause; "two customers and wounded another": the same subject's next verb)
    if (t.kind === 'punct' || RELATIVES.has(t.lower)) return false;
    if ((t.lower === 'and' || t.lower === 'or') && (isTrigger(toks, j + 1) || toks[j + 1]?.lower === 'then' || isAdverb(toks[j + 1]))) return false;
    if (matchAt(AFTER, toks, j) || FINITE_AFTER.has(t.lower)) return true;
  }
  return false;
}
/** Auxiliaries that make the words before them a subject ("…, 500 residents were …") */
const FINITE_AFTER = new Set(['were', 'was', 'are', 'is', 'have', 'has', 'had']);
/** Nouns of people in general, a count of which the counts after it may break down */
const WHOLE_NOUNS = new Set(['people', 'persons', 'individuals', 'victims', 'civilians']);

/** A verb of saying at token k or a few words on, before any punctuation ("…, the national police said") */
function speaks(toks: Token[], k: number): boolean {
  for (let j = k; j < toks.length && j <= k + 3; j++) {
    if (SPEECH_VERBS.has(toks[j]!.lower)) return true;
    if (toks[j]!.kind === 'punct') return false;
  }
  return false;
}

export const beforeParser: Parser = {
  id: 'parse.verb-then-count',
  parse(ctx) {
    const { toks } = ctx;
    const byFirst = new Map<number, Quantity>();
    for (const q of ctx.quantities) if (!ctx.used.has(q)) byFirst.set(q.first, q);
    // a count another parser already claimed ("one person dead" read by the predicate parser) is not read again
    const taken = (item: Quantity) => {
      for (const u of ctx.used) if (u !== item && item.numFirst <= u.numLast && u.numFirst <= item.numLast) return true;
      return false;
    };
    const out: Draft[] = [];
    for (let i = 0; i < toks.length; i++) {
      // "cost 147 people their lives", "left two dead": the phrase ends after the counted
      const gapped = DISCONTINUOUS.get(toks[i]!.lower);
      let p = phraseAt(BEFORE, toks, i);
      let suffixNeeded: string[] | null = null;
      if (!p && gapped) {
        p = { words: [toks[i]!.lower], category: gapped[0]!.category, last: i };
        suffixNeeded = [];
      }
      if (!p) continue;
      // "Tk 50,000 to each injured worker": a participle before a noun after "each" counts no one
      if (/^(each|every|per|any)$/.test(toks[i - 1]?.lower ?? '')) continue;
      // "were killed" is the passive reading, handled by the count-then-predicate parser
      let b = i - 1;
      while (b >= 0 && isAdverb(toks[b])) b--;
      // and "threatened to kill", "could kill" tell of no deed
      if ((b >= 0 && PASSIVE_MARKERS.has(toks[b]!.lower)) || unrealised(toks, i)) {
        i = p.last;
        continue;
      }
      let j = p.last + 1;
      // skip adverbs and "all", but not a hedge that opens the count ("killing at least 12", "killed nearly 40")
      while (j < toks.length && !byFirst.has(j) && (isAdverb(toks[j]) || (SKIP_BEFORE_OBJECT.has(toks[j]!.lower) && toks[j]!.lower !== 'and'))) j++;
      // an aside between the verb and its count: "killing, by the government's own count, 187 people"
      if (toks[j]?.text === ',' && !byFirst.has(j)) {
        let k = j + 1;
        while (k < toks.length && k <= j + 10 && toks[k]!.text !== ',' && !byFirst.has(k)) k++;
        if (k > j + 1 && toks[k]?.text === ',' && byFirst.has(k + 1)) j = k + 1;
      }
      if (SELF.has(toks[j]?.lower ?? '')) {
        i = p.last;
        continue;
      }
      let prior: Quantity | null = null;
      for (let n = ctx.quantities.length - 1; n >= 0; n--) {
        const q = ctx.quantities[n]!;
        if (q.last < i && q.kind === 'person') {
          prior = q;
          break;
        }
      }
      const items: Quantity[] = [];
      let countable = true;
      while (j < toks.length) {
        const item = itemAt(ctx, byFirst, j, items.length > 0, prior);
        if (!item) {
          if (items.length && (toks[j]?.kind === 'word' && !matchAt(BEFORE, toks, j))) countable = countable && !looksLikeUncountedItem(ctx, j);
          break;
        }
        if (ctx.used.has(item) || taken(item)) break;
        if (items.length && item.partitive && !item.noun) break;
        const pronoun = item.noun === null && item.singular && (toks[j]?.lower === 'him' || toks[j]?.lower === 'her' || toks[j]?.lower === 'them');
        if (pronoun && byAuthorities(ctx, i, toks[j]?.lower === 'them')) break;
        items.push(item);
        j = item.last + 1;
        if (toks[j]?.text === '(') {
          const par = parenthetical(toks, j, 12);
          if (par > 0) j = par + 1;
        }
        // "three professors on his dissertation committee, an academic affairs officer, …"
        if (PREPOSITIONS_IN_LIST.has(toks[j]?.lower ?? '')) {
          let k = j + 1;
          while (k < toks.length && k <= j + 5 && toks[k]!.kind === 'word' && !matchAt(BEFORE, toks, k) && toks[k]!.lower !== 'and') k++;
          const nk = toks[k + 1]?.lower === 'and' ? k + 2 : k + 1;
          const nextItem = toks[k]?.text === ',' ? itemAt(ctx, byFirst, nk, true, prior) : null;
          // only when the list goes on after it ("…, an academic affairs officer, and …"), not when a new clause starts
          if (nextItem && /^(,|and|\.|;|before|then|as|while)$/.test(toks[nextItem.last + 1]?.lower ?? '.')) j = k;
        }
        const sep = toks[j]?.text;
        if (sep === ',' || sep === 'and') {
          let k = j + 1;
          if (sep === ',' && toks[k]?.lower === 'and') k++;
          if (toks[k] && matchAt(BEFORE, toks, k)) break;
          const next = itemAt(ctx, byFirst, k, true, prior);
          // "…, injuring 7 others, the mayor said": a source after a comma, not one more person
          if (next && !ctx.used.has(next) && !(sep === ',' && (speaks(toks, next.last + 1) || opensClause(toks, next.last + 1)))) {
            j = k;
            continue;
          }
          if (sep === 'and' && toks[k] && toks[k]!.kind === 'word' && looksLikeUncountedItem(ctx, k)) countable = false;
        }
        break;
      }
      if (!items.length) continue;
      let category = p.category;
      if (suffixNeeded) {
        let fit = gapped!.find((g) => g.suffix.every((w, k) => toks[j + k]?.lower === w));
        // "taken 11 members of the crew into custody": a few words of whom they are, then the phrase's end
        if (!fit && toks[j]?.lower === 'of') {
          for (let k = j + 2; k <= j + 4 && !fit; k++) {
            fit = gapped!.find((g) => g.suffix.every((w, m) => toks[k + m]?.lower === w));
            if (fit) j = k;
          }
        }
        if (!fit) {
          // "left 10,000 homeless": the quantity read the closing word as its noun; it is the phrase's end
          const lastItem = items[items.length - 1]!;
          fit = gapped!.find((g) => lastItem.numLast < j - g.suffix.length && g.suffix.every((w, k) => toks[j - g.suffix.length + k]?.lower === w));
          if (!fit) continue;
          j -= fit.suffix.length;
          items[items.length - 1] = { ...lastItem, last: j - 1, noun: lastItem.numLast < j - 1 ? lastItem.noun : null };
        }
        category = fit.category;
        j += fit.suffix.length - 1;
        const d = newDraft(ctx, category, items.filter((q) => mayCountPeople(q) && !q.perpetrator), [i, j], this.id);
        if (!d.parts.length) continue;
        d.last = Math.max(d.last, j);
        d.rules.push(`${this.id}:gapped`);
        out.push(d);
        for (const q of d.parts) ctx.used.add(q);
        i = j;
        continue;
      }
      // "shot them both dead", "shot his girlfriend … to death"
      const after = toks[j]?.lower === 'dead' ? j : toks[j]?.lower === 'to' && toks[j + 1]?.lower === 'death' ? j + 1 : -1;
      if (after > 0 && (category === 'shot' || category === 'injured')) category = 'killed';
      // damage is done to things: "opened fire on 200 houses" counts houses, not the people fired on
      const people = category === 'damaged' ? [] : items.filter((q) => mayCountPeople(q) && !q.perpetrator);
      const things = items.filter((q) => q.kind === 'thing');
      // "killed 11 people, 4 soldiers and 7 civilians": the first count is the whole, the others add up to it
      // (the whole counts people in general, the parts are counts of their own: not "his two daughters, wife, and mother-in-law")
      const whole =
        people.length >= 3 && !people[0]!.singular && WHOLE_NOUNS.has(people[0]!.noun?.toLowerCase() ?? '') && people.slice(1).every((q) => !q.singular) &&
        people.slice(1).reduce((n, q) => n + q.value, 0) === people[0]!.value ? people[0]! : null;
      if (whole && countable) {
        const d = newDraft(ctx, category, [whole], [i, p.last], this.id);
        out.push(d);
        for (const q of people.slice(1)) {
          const part = newDraft(ctx, category, [q], [i, p.last], this.id);
          part.first = q.first;
          part.relation = 'part_of';
          part.parent = d;
          part.subgroup = q.noun;
          out.push(part);
        }
      } else if (people.length && countable && !(people.length === 1 && isJusticeOfOne(category, people[0]!, toks))) {
        // a list counted only by articles needs at least one count or two items ("killed a teacher" is still one)
        const d = newDraft(ctx, category, people, [i, p.last], this.id);
        if (after > 0) {
          d.last = Math.max(d.last, after);
          d.rules.push(`${this.id}:to-death`);
        }
        out.push(d);
      }
      // (things shot at or hit are damaged: "the train hit several tank wagons", "shells hit 12 houses")
      for (const th of things) out.push(newDraft(ctx, category === 'shot' ? 'damaged' : category, [th], [i, p.last], this.id));
      // an attacker counted by a number is a claim about attackers; "killing the gunman" alone is not a count of victims
      const perps = items.filter((q) => q.perpetrator && !q.singular);
      if (perps.length && !people.length) {
        const d = newDraft(ctx, category, perps, [i, p.last], this.id);
        d.subgroup = 'attackers';
        out.push(d);
      }
      for (const d of out) for (const q of d.parts) ctx.used.add(q);
      i = Math.max(i, j - 1);
    }
    return out;
  },
};

/**
 * A pronoun object counts no victim when the sentence before the verb names
 * the police or soldiers ("police shot and killed him") or the attacker
 * ("opened fire on the shooter, wounding him"). A plural "them" cannot stand
 * for one attacker: "the shooter … shot and wounded them both" counts two.
 */
function byAuthorities(ctx: SentenceContext, i: number, plural: boolean): boolean {
  for (let k = 0; k < i; k++) {
    const w = ctx.toks[k]!.lower;
    if (AUTHORITIES.has(w)) return true;
    if (PERPETRATORS.has(w) && !(plural && !w.endsWith('s'))) return true;
  }
  return false;
}

/** "his sisters", "members of the victims' families": a plural person noun without a count. */
function looksLikeUncountedItem(ctx: SentenceContext, j: number): boolean {
  const { toks } = ctx;
  for (let k = j; k < toks.length && k <= j + 4; k++) {
    const p = personNounAt(toks, k);
    if (p) return p.plural;
    if (toks[k]!.kind !== 'word') return false;
  }
  return false;
}
