/**
 * "147 people were killed", "744 were seriously wounded", "4 were declared
 * missing", "eight more people lost their lives", "two dead and two injured",
 * "200 houses and 80 vehicles, including ambulances, were fired upon":
 * a count, then (past auxiliaries, adverbs, places and asides) its predicate.
 * Counts joined by "and" share the predicate: people are added up, things
 * stay separate claims.
 */
import { AFTER, BEFORE, GROUP_CATEGORY, matchAt, phraseAt } from '../lexicon.js';
import { AUX, NEGATIONS, PASSIVE_MARKERS, RELATIVES, SPEECH_VERBS, isAdverb, ofThem, parenthetical, prepositionalPhrase } from '../scan.js';
import { isJusticeOfOne, newDraft, partDraft, type Draft, type Parser, type SentenceContext } from '../types.js';
import { mayCountPeople, type Quantity } from '../quantities.js';

const MAX_STEPS = 24;
/** The verbs that end an aside after "including" (the predicate's auxiliary). */
const FINITE = new Set(['were', 'was', 'are', 'is', 'have', 'has', 'had', 'got', 'get', 'gets']);
/** Prepositions of place before a count of places or things on the way to the predicate ("80 protesters in 14 cities were …"). */
const WHERE = new Set(['in', 'across', 'from', 'at', 'on', 'inside', 'near', 'throughout', 'aboard']);
/** Damage done to people by fire is an injury ("a woman was set on fire"); being fired upon is not one. */
const BURNS = /^(burned|burnt|set on fire)$/;
/** Verbs that open the predicate of a part after its group ("… the 12 people hospitalized have since been released") */
const PART_VERBS = new Set(['have', 'has', 'had', 'were', 'was', 'are', 'is', 'remain', 'remained', 'remains', 'included', 'include', 'died', 'later', 'still']);
/** Predicates that are also nouns of a blow or a try ("a shot", "a hit"). */
const NOUN_TOO = new Set(['shot', 'hit']);

/**
 * "Three more people injured in Sunday's crush died", "six injured die overnight": a predicate of dying after the
 * injured's participle (and a place or time) — those counted died; the token range of that predicate, or null.
 */
function diedAfter(toks: SentenceContext['toks'], from: number): { first: number; last: number } | null {
  for (let k = from; k < toks.length && k <= from + 16; k++) {
    const t = toks[k]!;
    if (t.lower === 'die' || t.lower === 'dies') return { first: k, last: k };
    const p = phraseAt(AFTER, toks, k);
    if (p) return p.category === 'killed' ? { first: k, last: p.last } : null;
    // (the place and time of the injury, "in Saturday's shooting at Lakeview Commons", up to a clause of its own)
    if ((t.kind === 'punct' && t.text !== "'" && t.text !== '’' && t.text !== '-') || RELATIVES.has(t.lower) || t.lower === 'and' || t.lower === 'but') return null;
  }
  return null;
}

const ARTICLES = new Set(['the', 'a', 'an', 'those']);

/** Words on the way to a predicate that make it a state at the time of telling ("19 remain in hospital"). */
const STILL = new Set(['remain', 'remained', 'remains', 'still']);
/** First words of the injured's predicates that tell a state, not the injury: "in hospital", "in critical condition", "discharged". */
const STATES_OF_INJURED = new Set(['in', 'discharged', 'released']);
/** Last words of predicates that only say more follows: "treated and", "treated for", "discharged after". */
const TRAILING = new Set(['and', 'for', 'at', 'on', 'after', 'between', 'to']);

/** Verbs that take people to care, and where: "taken to local hospitals", "admitted to the district hospital". */
const TAKEN = new Set(['taken', 'admitted', 'rushed', 'airlifted', 'transferred', 'brought', 'sent', 'referred', 'flown']);
const CARE = new Set(['hospital', 'hospitals', 'clinic', 'clinics', 'infirmary']);

/** Verbs of care given where the injured are: "treated in six London hospitals", "cared for at two clinics". */
const TREATED = new Set(['treated', 'cared', 'recovering', 'hospitalised', 'hospitalized']);
/** What people are exposed to when exposure harms them: "exposed to mustard gas", "exposed to the toxic fumes". */
const HARMS = new Set(['gas', 'gases', 'chemical', 'chemicals', 'radiation', 'fumes', 'toxins', 'poison', 'smoke', 'nerve']);

/**
 * "taken to nearby hospitals", "admitted to the district hospital in …", "being treated in six London hospitals":
 * the injured (the lexicon lists "taken to hospital"); "exposed to mustard gas": the injured too.
 */
function takenToCare(toks: SentenceContext['toks'], j: number): { category: string; last: number } | null {
  const w = toks[j]!.lower;
  if (w === 'exposed' && toks[j + 1]?.lower === 'to') {
    for (let k = j + 2; k <= j + 5 && k < toks.length; k++) {
      if (HARMS.has(toks[k]!.lower)) return { category: 'injured', last: k };
      if (toks[k]!.kind === 'punct') return null;
    }
    return null;
  }
  const into = toks[j + 1]?.lower;
  const treated = TREATED.has(w) && (into === 'in' || into === 'at' || (w === 'cared' && into === 'for' && /^(in|at)$/.test(toks[j + 2]?.lower ?? '')));
  if (!treated && (!TAKEN.has(w) || into !== 'to')) return null;
  for (let k = j + 2; k <= j + 6 && k < toks.length; k++) {
    if (CARE.has(toks[k]!.lower) || (toks[k]!.lower === 'centre' || toks[k]!.lower === 'center') && /^(trauma|medical|health|burns)$/.test(toks[k - 1]!.lower)) return { category: 'injured', last: k };
    if (toks[k]!.kind === 'punct' && toks[k]!.text !== "'" && toks[k]!.text !== '’') return null;
  }
  return null;
}

/** What people gather for: "joined Saturday's rally", "joined a march on the capital". */
const GATHERINGS = new Set(['rally', 'rallies', 'protest', 'protests', 'march', 'marches', 'demonstration', 'demonstrations', 'vigil', 'strike', 'sit-in', 'procession']);

/**
 * "joined Saturday's rally", "joined a protest", "joined the week's marches": "joined" and a gathering within
 * three words (the lexicon's phrases name only "joined the protest" and the like), as participants.
 */
function joinedGathering(toks: SentenceContext['toks'], j: number): { category: string; last: number } | null {
  const w = toks[j]!.lower;
  if (w !== 'joined' && w !== 'join' && w !== 'joining') return null;
  for (let k = j + 1; k <= j + 4 && k < toks.length; k++) {
    if (GATHERINGS.has(toks[k]!.lower)) return { category: 'participants', last: k };
    if (toks[k]!.kind === 'punct' && toks[k]!.text !== "'" && toks[k]!.text !== '’') return null;
  }
  return null;
}

/** After a count, the list goes on to an "and" before any predicate: ", 80 cars and 3 buses were …". */
function listEndsInAnd(toks: SentenceContext['toks'], from: number, byFirst: Map<number, Quantity>): boolean {
  for (let k = from; k < toks.length && k <= from + 12; k++) {
    const t = toks[k]!;
    if (t.lower === 'and' && (byFirst.has(k + 1) || (toks[k + 1]?.kind === 'word' && !matchAt(AFTER, toks, k + 1)))) return true;
    if (matchAt(AFTER, toks, k) || /^[.;:!?]$/.test(t.text)) return false;
  }
  return false;
}

/** Start index of a verb-first trigger ending at token b ("shot and killed" ending at "killed"), or null. */
function phraseAtEnd(toks: SentenceContext['toks'], b: number): number | null {
  for (let a = Math.max(0, b - 3); a <= b; a++) {
    const p = phraseAt(BEFORE, toks, a);
    if (p && p.last === b) return a;
  }
  return null;
}
const LIST_WORDS = /^[a-z][a-z'-]*$/;
/** words that open a clause, not name more people: "… and then died", "… and later died" */
const CLAUSE_WORDS = new Set(['then', 'later', 'before', 'after', 'while', 'when', 'also', 'both', 'all', 'soon', 'eventually', 'subsequently']);

/** "houses, and personal and state property" up to an auxiliary: index before the auxiliary, or -1. */
function listTail(ctx: SentenceContext, j: number, isCount: (k: number) => boolean): number {
  const toks = ctx.toks;
  // a list has a noun: "… by a teacher and was arrested" has none, its verb is another subject's
  let noun = false;
  for (let k = j; k < toks.length && k <= j + 10; k++) {
    const t = toks[k]!;
    if (PASSIVE_MARKERS.has(t.lower) && k > j) return noun ? k - 1 : -1;
    // "around 500 residents and supporters marched": a predicate of its own right after the list
    if (noun && k > j && toks[j]!.lower === 'and' && k - j <= 3 && matchAt(AFTER, toks, k) && !matchAt(BEFORE, toks, k) && !CLAUSE_WORDS.has(toks[k - 1]!.lower)) return k - 1;
    if (t.lower !== 'and' && t.lower !== 'or' && t.text !== ',') noun = true;
    if (isCount(k) || matchAt(AFTER, toks, k) || matchAt(BEFORE, toks, k)) return -1;
    if (!(t.text === ',' || t.lower === 'and' || t.lower === 'or' || LIST_WORDS.test(t.text))) return -1;
  }
  return -1;
}

export const afterParser: Parser = {
  id: 'parse.count-then-predicate',
  parse(ctx) {
    const { toks } = ctx;
    const byFirst = new Map<number, Quantity>();
    for (const q of ctx.quantities) byFirst.set(q.first, q);
    const isCount = (k: number) => byFirst.has(k);
    /** the count at token k of a list, or after a possessive there ("My brother and his two sons") */
    const countAfterAnd = (k: number) => byFirst.get(k) ?? (/^(his|her|their|my|our)$/.test(toks[k]?.lower ?? '') ? byFirst.get(k + 1) : undefined);
    const out: Draft[] = [];
    const grouped = new Set<Quantity>();
    // counts inside an aside another count's predicate reached across ("Eleven people, including four children, were killed"):
    // a subgroup for the including parser, not a subject of their own
    const aside = new Set<Quantity>();
    const skipAside = (from: number, to: number) => {
      for (const x of ctx.quantities) if (x.first > from && x.first <= to) aside.add(x);
    };
    for (const q of ctx.quantities) {
      if (ctx.used.has(q) || grouped.has(q) || aside.has(q)) continue;
      if (q.singular && !q.named && (q.perpetrator || !/^(a|an|one|another|the|his|her|their|both|my|our)$/.test(toks[q.first]!.lower) || (q.noun === null && !/^(a|an|both|another)$/.test(toks[q.first]!.lower)))) {
        // "the principal" alone is not counted as subject; in a list it is ("The principal and a custodian were killed")
        const next = toks[q.last + 1];
        if (!(next && next.lower === 'and' && countAfterAnd(q.last + 2))) continue;
      }
      // "the mayor said, and 5,006 more were injured", "The mayor said at least five people had died": a person
      // before a verb of saying is the source, not a count
      if (q.singular && SPEECH_VERBS.has(toks[q.last + 1]?.lower ?? '')) continue;
      // "according to the mayor, and at least 658 more were wounded": the source again
      if (q.singular && toks[q.first - 1]?.lower === 'to' && toks[q.first - 2]?.lower === 'according') continue;
      // "…, including 117 Azerbaijanis, and 744 were injured": a part named in an aside opens no subject (the
      // including parser reads it as a part of the count before it)
      if (toks[q.first - 1]?.lower === 'including' || (toks[q.first - 1]?.lower === 'them' && toks[q.first - 2]?.lower === 'among')) continue;
      // "shot and killed thirteen people …": the count is the object of a verb before it
      let b = q.first - 1;
      while (b >= 0 && isAdverb(toks[b])) b--;
      const verbBefore = b >= 0 ? phraseAtEnd(toks, b) : null;
      if (verbBefore !== null && !(verbBefore > 0 && PASSIVE_MARKERS.has(toks[verbBefore - 1]!.lower))) continue;
      const group: Quantity[] = [q];
      let j = q.last + 1;
      let negated = false;
      let passive = false;
      /** a relative pronoun on the way ("a farmer who killed …"): an active verb after it has the count as its agent */
      let relative = false;
      let trigger: { category: string; last: number; first: number } | null = null;
      /** "remain", "still" on the way: a state at the time of telling ("19 remain in hospital") */
      let still = false;
      /** the category of the group a bare count is drawn from ("six of the injured") */
      let drawnFrom: string | null = null;
      for (let steps = 0; j < toks.length && steps < MAX_STEPS; steps++) {
        const p = phraseAt(AFTER, toks, j) ?? joinedGathering(toks, j) ?? takenToCare(toks, j);
        if (p) {
          trigger = { category: p.category, first: j, last: p.last };
          break;
        }
        const t = toks[j]!;
        if (NEGATIONS.has(t.lower)) {
          negated = true;
          j++;
          continue;
        }
        // "… that were killed" (a relative clause on the count), not "… a bus that was shot"
        if (t.lower === 'that' && /^(were|had|have)$/.test(toks[j + 1]?.lower ?? '')) {
          relative = true;
          j++;
          continue;
        }
        // "were handcuffed and fatally shot": another participle on the way to the predicate
        if (passive && /^[a-z]+ed$/.test(t.lower) && toks[j + 1]?.lower === 'and') {
          j += 2;
          continue;
        }
        // "claiming that \"at least 400\" had died": a quotation mark around the figure; and a word in quotation
        // marks after it, "418 \"rioters\" had been arrested"
        if (/^["“”«»]$/.test(t.text)) {
          if (j === q.last + 1 && toks[j + 1]?.kind === 'word' && /^["“”«»]$/.test(toks[j + 2]?.text ?? '')) j += 3;
          else j++;
          continue;
        }
        if (AUX.has(t.lower) || isAdverb(t)) {
          if (PASSIVE_MARKERS.has(t.lower)) passive = true;
          if (STILL.has(t.lower)) still = true;
          if (t.lower === 'who') relative = true;
          j++;
          continue;
        }
        if (t.text === ',' || t.lower === 'and') {
          let k = j + 1;
          if (toks[k]?.lower === 'and') k++;
          const q2 = countAfterAnd(k);
          // "A, B and C were …" is a list; "744 people, four went missing" are two clauses: a comma joins only a list that ends in "and"
          // ("Ten people, two of them police officers, …": an aside of its parts, no list)
          if (q2 && !ctx.used.has(q2) && !(t.text === ',' && ofThem(toks, q2.numLast)) && (t.lower === 'and' || toks[j + 1]?.lower === 'and' || listEndsInAnd(toks, q2.last + 1, byFirst))) {
            group.push(q2);
            j = q2.last + 1;
            continue;
          }
          const par = parenthetical(toks, j, 16, isCount);
          if (par > 0) {
            skipAside(j, par);
            j = par + 1;
            continue;
          }
          const tail = listTail(ctx, j, isCount);
          if (tail > 0) {
            j = tail + 1;
            continue;
          }
          break;
        }
        if (t.text === '(' || t.text === '-' || t.text === '–' || t.text === '—') {
          const par = parenthetical(toks, j, 16);
          if (par > 0) {
            skipAside(j, par);
            j = par + 1;
            continue;
          }
          break;
        }
        // "12 people including the gunman were killed / are dead / died": an aside of a few words without commas,
        // up to the verb (words such as "the" and "all", which AUX also holds, are part of the aside)
        if (t.lower === 'including') {
          let k = j + 1;
          // (an aside with a clause of its own, "including one who was shot", is not skipped)
          while (k < toks.length && k <= j + 5 && toks[k]!.kind === 'word' && !FINITE.has(toks[k]!.lower) && !RELATIVES.has(toks[k]!.lower) && !matchAt(AFTER, toks, k)) k++;
          if (k > j + 1 && (FINITE.has(toks[k]?.lower ?? '') || matchAt(AFTER, toks, k))) {
            // a count in the aside ("including two children") is a part of this one, not a subject of its own
            skipAside(j, k - 1);
            j = k;
            continue;
          }
          break;
        }
        // "six (more) of the injured died": the group the count is drawn from, then the predicate of its own
        if (t.lower === 'of' && j === q.last + 1 && q.kind === 'bare' && /^(the|those)$/.test(toks[j + 1]?.lower ?? '') && GROUP_CATEGORY.has(toks[j + 2]?.lower ?? '')) {
          drawnFrom = GROUP_CATEGORY.get(toks[j + 2]!.lower)!;
          j += 3;
          continue;
        }
        if (t.lower === 'of' && j === q.last + 1 && q.kind !== 'bare') {
          let k = j + 1;
          // ("22 members of the security forces had been …": an article is no auxiliary here)
          while (k < toks.length && k <= j + 5 && toks[k]!.kind === 'word' && (!AUX.has(toks[k]!.lower) || ARTICLES.has(toks[k]!.lower)) && !matchAt(AFTER, toks, k) && toks[k]!.lower !== 'and') k++;
          if (k > j + 1) {
            j = k;
            continue;
          }
        }
        // "80 protesters in 14 cities were killed": a count of places or things where the people were is not a subject
        if (q.kind === 'person' && WHERE.has(t.lower)) {
          const inner = byFirst.get(j + 1);
          if (inner && (inner.kind === 'other' || inner.kind === 'thing') && !ctx.used.has(inner)) {
            skipAside(j, inner.last);
            j = inner.last + 1;
            continue;
          }
        }
        // "30 other passengers with cuts and bruises were treated": what they had, up to the auxiliary
        // (not "by a principal with a handgun and was arrested": one person, and a clause of its own after "and")
        if (t.lower === 'with' && q.kind === 'person' && !q.singular) {
          let k = j + 1;
          while (k <= j + 6 && toks[k]?.kind === 'word' && !(/^(and|or)$/.test(toks[k]!.lower) && AUX.has(toks[k + 1]?.lower ?? '')) && !AUX.has(toks[k]!.lower) && !matchAt(AFTER, toks, k)) k++;
          if (k > j + 1 && PASSIVE_MARKERS.has(toks[k]?.lower ?? '')) {
            j = k;
            continue;
          }
        }
        const pp = prepositionalPhrase(toks, j, isCount);
        if (pp > 0) {
          j = pp + 1;
          continue;
        }
        break;
      }
      if (!trigger || negated) continue;
      // ("treated and sent home", "discharged after first aid": the phrase's last word only says that more follows)
      while (trigger.last > trigger.first && TRAILING.has(toks[trigger.last]!.lower)) trigger = { ...trigger, last: trigger.last - 1 };
      // "Eleven of the injured were in serious condition", "14 of the injured were being treated at the regional
      // hospital": a part of the group, in the state the predicate tells
      const partOfGroup = drawnFrom === trigger.category;
      // "Three more people injured in Sunday's crush died": the injured who died are counted among the dead
      if (trigger.category === 'injured' && !passive && !q.partitive && trigger.first === q.last + 1) {
        const died = diedAfter(toks, trigger.last + 1);
        if (died) trigger = { category: 'killed', ...died };
      }
      // "a farmer who killed and ate a hare": the count did the deed (a verb that takes an object, not "who died")
      if (relative && !passive && matchAt(BEFORE, toks, trigger.first)) continue;
      // "25, killed 16 people": an active verb with its own object is not this count's predicate
      const objectNext = byFirst.get(trigger.last + 1);
      // "the son shot him": an active verb with an object of its own
      // (a gathering's verb takes the gathering as its object, "1,000 people attended a vigil", not a person: "attended them")
      const objectWord = toks[trigger.last + 1]?.lower ?? '';
      // (a predicate that ends in a preposition has its own object: "fled into the forest", "crossed into the Suzak district")
      const endsInPreposition = /^(to|into|across|from|towards?)$/.test(toks[trigger.last]!.lower);
      if (!passive && !endsInPreposition && (trigger.category === 'participants' ? /^(him|them|it|me|us|you)$/ : /^(him|her|them|it|his|their|a|an|the|its|me|us|you|my|our|your)$/).test(objectWord)) continue;
      // "another shot to play them", "one shot to the head": the noun (a chance, a blow), not people shot ("shot to death" is the verb)
      // "killing them in one hit", "with a single shot": after "in" or "with" the count and the noun are the blow
      if (!passive && trigger.first === trigger.last && NOUN_TOO.has(toks[trigger.last]!.lower)) {
        const after = toks[trigger.last + 1]?.lower;
        if (after === 'to' && toks[trigger.last + 2]?.lower !== 'death') continue;
        // "another shot at the title": a try
        if (after === 'at' && q.noun === null && trigger.first === q.last + 1 && /^(a|an|another)$/.test(toks[q.first]!.lower)) continue;
        if (trigger.first === q.last + 1 && /^(in|with)$/.test(toks[q.first - 1]?.lower ?? '') && after !== 'dead') continue;
      }
      const adjective = trigger.first === q.last + 1 && /^(dead|missing|injured|wounded|hurt)$/.test(toks[trigger.last]!.lower);
      if (!passive && objectNext && objectNext.kind !== 'bare' && !adjective) continue;
      for (const g of group) grouped.add(g);
      // "Seven of the 12 people hospitalized have since been released": a predicate right after a part's group is
      // the group's ("the 12 people hospitalized"), not the part's
      // (a verb of the part follows the group's participle: "Four of the 20 passengers died." is four)
      // (and a relative clause after a part's group is the group's: "one of the 69 people who died" tells of 69 dead)
      if (q.partitive && group.length === 1 && /^(who|that)$/.test(toks[q.last + 1]?.lower ?? '') && trigger.first >= q.last + 2 && trigger.first <= q.last + 4 && toks.slice(q.last + 2, trigger.first).every((t) => /^(were|was|had|have|has|been|are|is)$/.test(t.lower))) {
        const inner = ctx.numbers.find((n) => n.first > q.numLast && n.last <= q.last && !n.notCount);
        if (inner) group[0] = { ...q, first: inner.first, numFirst: inner.coreFirst, numLast: inner.coreLast, value: inner.value, low: inner.low, high: inner.high, approx: inner.approx, partitive: false, vague: inner.vague, expr: inner };
      }
      if (q.partitive && !passive && group.length === 1 && trigger.first === q.last + 1 && PART_VERBS.has(toks[trigger.last + 1]?.lower ?? '')) {
        const inner = ctx.numbers.find((n) => n.first > q.numLast && n.last <= q.last && !n.notCount);
        if (inner) {
          group[0] = { ...q, first: inner.first, numFirst: inner.coreFirst, numLast: inner.coreLast, value: inner.value, low: inner.low, high: inner.high, approx: inner.approx, partitive: false, vague: inner.vague, expr: inner };
          // "Two of the 12 people injured died": the part's own predicate is a claim of its own (its relation to the
          // group is the relations refiner's)
          const own = phraseAt(AFTER, toks, trigger.last + 1);
          if (own && mayCountPeople(q)) out.push(newDraft(ctx, own.category, [q], [trigger.last + 1, own.last], this.id));
        }
      }
      let people = group.filter(mayCountPeople);
      const things = group.filter((g) => g.kind === 'thing');
      let category = trigger.category;
      // "17 bodies had been taken to the town's hospital": the dead
      if (category === 'injured' && group.length === 1 && q.noun === 'bodies') category = 'killed';
      if (category === 'damaged' && people.some((g) => g.kind === 'person')) {
        // people set on fire are hurt; people fired upon are not counted as damage (nor as hurt: "shot at" is not "hit")
        const phrase = toks.slice(trigger.first, trigger.last + 1).map((t) => t.lower).join(' ');
        if (BURNS.test(phrase)) category = 'injured';
        else people = people.filter((g) => g.kind !== 'person');
      }
      // "The chief engineer was also convicted", "his crew were jailed": one person or a crew named by an article
      // is no count of arrests or sentences (reports count those: "one was detained", "11 crew members")
      if (people.length === 1 && isJusticeOfOne(category, people[0]!, toks)) people = [];
      if (people.length) {
        const d = newDraft(ctx, category, people, [trigger.first, trigger.last], this.id);
        // "150 individuals recognized as martyrs": what is counted is the status the predicate names
        const asAt = toks.slice(trigger.first, trigger.last + 1).findIndex((t) => t.lower === 'as');
        // ("listed as missing" names the category itself: nothing else is counted)
        if (asAt > 0 && !/^(missing|dead|killed|injured|wounded|arrested|detained|displaced)$/.test(toks[trigger.first + asAt + 1]?.lower ?? '')) {
          d.subject = ctx.text.slice(toks[trigger.first]!.start, toks[trigger.last]!.end);
        }
        // "19 remain in hospital", "three are in critical condition", "17 were discharged": how many of the injured
        // are in a state when told, a count of its own beside the injured's
        if (STILL.has(toks[trigger.first]!.lower)) still = true;
        if (partOfGroup) {
          d.relation = 'part_of';
          d.subgroup = ctx.text.slice(toks[trigger.first]!.start, toks[trigger.last]!.end);
        } else if ((category === 'injured' && (still || STATES_OF_INJURED.has(toks[trigger.first]!.lower))) || (category === 'arrested' && still)) {
          const state = ctx.text.slice(toks[trigger.first]!.start, toks[trigger.last]!.end);
          d.subject = d.subject ? `${d.subject} ${state}` : state;
        }
        out.push(d);
        // "Twenty-two soldiers and four police officers also died": each count the text states is a claim of its own,
        // a part of the sum (which the text does not state), as the parts after "including" are (one person named by
        // an article is no count: "The teacher and two pupils were wounded" stays three)
        if (people.length > 1 && people.every((g) => g.noun && !g.singular)) for (const g of people) out.push(partDraft(ctx, d, g, [g.first, g.first], this.id));
      }
      for (const th of things) {
        const d = newDraft(ctx, trigger.category, [th], [trigger.first, trigger.last], this.id);
        // in "200 houses and 80 vehicles were fired upon" each claim quotes its own count
        if (things.length > 1) {
          d.first = th.first;
          d.last = th.last;
        }
        out.push(d);
      }
    }
    for (const d of out) for (const q of d.parts) ctx.used.add(q);
    return out;
  },
};
