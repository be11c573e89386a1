/**
 * The scope of a claim within an event: what it counts beyond its category —
 * a place other than the event's own, a phase ("after the state of
 * emergency"), a subgroup, a different thing counted ("recognised as
 * martyrs"), or an addition ("21 more"). Claims of one category and one scope
 * are rivals; claims of different scopes are not.
 */
import { isPersonNoun } from '../analyze/claims/lexicon.js';
import { isSiteName } from '../analyze/places.js';
import { addDays } from '../core/dates.js';
import type { StoredClaim } from '../store/types.js';
import type { Scope } from './types.js';

/**
 * Subjects that say only "people" or only "buildings", not who or what in particular. One list, two uses:
 * - scope (isGenericSubject): such a subject does not narrow a fact; neither does any other person noun
 *   ("students", "officers"): the event's facts count people, whoever they are;
 * - rivals (countedGroup): within one report, figures for such subjects count the same group, while any other
 *   noun is a group of its own ("six officers were hurt" and "20 protesters were injured" are two counts).
 */
export const GENERIC_SUBJECTS = new Set([
  'people', 'persons', 'person', 'individuals', 'individual', 'civilians', 'civilian', 'victims', 'victim', 'others', 'residents', 'citizens', 'inhabitants', 'men and women',
  'houses', 'homes', 'buildings', 'residential buildings',
  // the category's own nouns: "41 deaths" counts the killed as "41 people were killed" does (not "50 bodies", recovered)
  'deaths', 'death', 'fatalities', 'fatality', 'homicides', 'murders', 'injuries', 'injury', 'arrests', 'arrest', 'detentions', 'detainees',
]);
/** who serve on one side of the violence: police, soldiers, guards (a subject ending so narrows a fact) */
const FORCES = /\b(?:police(?:m[ae]n|wom[ae]n)?|(?:police |security |army |special forces |military |prison )?(?:officers?|guards?)|cops?|troopers?|soldiers?|troops|servicem[ae]n|marines|paratroopers|gendarmes|militiam[ae]n|security forces|special forces|commandos?)$/;
/** Whether a subject names forces (lower case): their dead and hurt are a count of their own, and part of the event's. */
export const isForces = (subject: string): boolean => FORCES.test(subject);
const PHASE = /\b(before|after|following|prior to|since|until|during|upon|within|by the time)\b/i;
const PHASE_CANON: Record<string, string> = { following: 'after', 'prior to': 'before', upon: 'after', since: 'after', until: 'before', within: 'during', 'by the time': 'before' };
const NOMINAL = /\b(?:the |a |an )?(?:official |formal )?(?:declaration|declaring|declared|imposition|imposing|introduction|introducing|implementation|implementing|announcement|announcing|start|beginning|proclamation|proclaiming|entry into force) of (?:a |the )?/gi;
const LEADING = /^(?:(?:the|a|an|official|formal)\s+)+/i;
const VERBING = /^(?:declaring|imposing|introducing|implementing|announcing|proclaiming)\s+(?:a |the )?/i;

/** "Following the implementation of the state of emergency" → "after state of emergency". */
export function canonicalCondition(condition: string | null): string | null {
  if (!condition) return null;
  const m = PHASE.exec(condition);
  if (!m) return condition.toLowerCase().replace(/\s+/g, ' ').trim();
  const phase = PHASE_CANON[m[1]!.toLowerCase()] ?? m[1]!.toLowerCase();
  let rest = condition.slice(m.index + m[0].length).trim();
  rest = rest.replace(NOMINAL, '').replace(VERBING, '').replace(LEADING, '');
  rest = rest.replace(/\s+(?:was|had been|has been|were)\s+(?:(?:officially|formally)\s+)?(?:declared|imposed|introduced|announced|lifted).*$/i, '');
  rest = rest.replace(/[^\p{L}\p{N} ]/gu, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  return rest ? `${phase} ${rest}` : phase;
}

/** The group a report's figure counts, for telling rival readings from different counts: "" for people in general. */
export function countedGroup(subject: string | null): string {
  const s = (subject ?? '').toLowerCase();
  return !s || GENERIC_SUBJECTS.has(s) ? '' : s;
}

/** A subject narrows the scope when it is a thing ("vehicles") or a status ("recognised as martyrs"), not when it names people ("wife", "students"). */
export function isGenericSubject(subject: string | null): boolean {
  if (!subject) return true;
  const s = subject.toLowerCase();
  if (/\bas\b/.test(s)) return false;
  // (the forces on one side are a count of their own: "ten special forces officers died", "two police officers")
  if (isForces(s)) return false;
  return GENERIC_SUBJECTS.has(s) || isPersonNoun(s) || isPersonNoun(s.split(' ').pop()!);
}

export interface ScopeContext {
  /** the event's own places (lower case): a claim there is not narrowed by place */
  places: Set<string>;
  /** the event's first day: where the time window of a figure "as of" a day starts */
  start?: string | null;
  /** the event's last day */
  end?: string | null;
  /** the event covers an area (EventGroup.spread): its places' figures are parts of it */
  spread?: boolean;
}

/** A figure whose stated time ends this many days or more before the event's first day is about another time. */
const EARLIER_DAYS = 31;

/**
 * The earlier time a figure is stated for, before the event ("In April and May of last year, floods killed more
 * than 200"): "in 2024", "in March 2024", "on 2024-03-02", "from … to …"; null for a figure of the event's time.
 */
export function earlierTime(c: StoredClaim, start: string | null | undefined): string | null {
  if (!c.time || c.time.inferred || !start || c.time.end >= addDays(start, -EARLIER_DAYS)) return null;
  return timeLabel(c.time);
}

/** A figure's time as a scope names it: "in 2024", "in 2024-03", "on 2024-03-02", "from … to …". */
function timeLabel({ start: a, end: b, precision }: NonNullable<StoredClaim['time']>): string {
  if (precision === 'year') return `in ${a.slice(0, 4)}`;
  if (precision === 'month') return `in ${a.slice(0, 7)}`;
  return a === b ? `on ${a}` : `from ${a} to ${b}`;
}

/** A crowd or an arrest counted this many days or more after the event's last day is one of another gathering. */
const LATER_DAYS = 31;
/** the categories of figures that a later gathering has of its own (a toll told months later is still the event's) */
const LATER_CATEGORIES: ReadonlySet<string> = new Set(['participants', 'arrested']);

/**
 * The later time a crowd or an arrest is counted for, well after the event (a march on the event's anniversary, the
 * arrests at a vigil): "in 2015", "on 2015-04-18"; null for a figure of the event's time, and for other categories.
 * As with earlierTime, only a time the figure's own sentence states: a time read from the sentences around it is
 * often the report's day, not the crowd's ("15,000 marched" in a report of a trial fifty years on).
 */
export function laterTime(c: StoredClaim, start: string | null | undefined, end: string | null | undefined): string | null {
  const last = end ?? start;
  if (!c.time || c.time.inferred || !last || !LATER_CATEGORIES.has(c.category) || c.time.start < addDays(last, LATER_DAYS)) return null;
  return timeLabel(c.time);
}

/** The scope of a claim, and a key that is equal for claims of the same scope. */
export function scopeOf(c: StoredClaim, ctx: ScopeContext): { scope: Scope; key: string } {
  const statedPlaces = c.locationInferred ? [] : c.location;
  // (a site in a town, "Rustaveli Avenue", "Babur Square", is where the event was, not another place of it)
  const own = statedPlaces.length === 0 || statedPlaces.some((p) => ctx.places.has(p.toLowerCase())) || (!ctx.spread && statedPlaces.every(isSiteName));
  const location = own ? [] : [...statedPlaces].sort();
  const condition = canonicalCondition(c.condition);
  // (a figure of an earlier time is kept apart, as a figure under a condition is)
  const earlier = earlierTime(c, ctx.start);
  const later = earlier ? null : laterTime(c, ctx.start, ctx.end);
  const subject = isGenericSubject(c.subject) ? null : c.subject!.toLowerCase();
  const subgroup = c.relation === 'part_of' && c.subgroup ? c.subgroup.toLowerCase() : null;
  const relation = c.relation === 'additional' ? 'additional' : c.relation === 'part_of' ? 'part_of' : null;
  // additions and parts keep their stated place even in the event's own place ("21 more in Baku")
  const placeKey = relation && statedPlaces.length ? [...statedPlaces].sort() : location;
  const scope = relabel({ location: placeKey, time: null, condition, subject: subject ? c.subject : null, subgroup: subgroup ? c.subgroup : null, relation, label: '', ...(earlier ? { earlier } : {}), ...(later ? { later } : {}) });
  // an addition is keyed by where it happened: one report's "after the state of emergency" and another's
  // "once it was in force" are the same 21 more; the phase is named in the label when the reports share it
  const key = [c.category, relation ?? '', subgroup ?? '', subject ?? '', placeKey.map((p) => p.toLowerCase()).join('+'), relation === 'additional' ? '' : (condition ?? ''), earlier ?? later ?? ''].join('|');
  return { scope, key };
}

/** The human label of a scope: "additional, in Baku, after the state of emergency", "as of 2024-04-30". */
export function relabel(scope: Scope): Scope {
  const parts: string[] = [];
  if (scope.relation === 'additional') parts.push('additional');
  if (scope.subgroup) parts.push(`of whom ${scope.subgroup}`);
  else if (scope.relation === 'part_of') parts.push('part of another count');
  if (scope.subject) parts.push(scope.subject);
  // (a part by place names its place as its subgroup already: "of whom in Beira")
  if (scope.location.length && !(scope.subgroup && /^(in|from) /i.test(scope.subgroup))) parts.push(`in ${scope.location.join(' and ')}`);
  if (scope.condition) parts.push(scope.condition.replace(/^(before|after|during) /, '$1 the '));
  if (scope.earlier) parts.push(scope.earlier);
  if (scope.later) parts.push(scope.later);
  if (scope.time) parts.push(`as of ${scope.time.end}`);
  return { ...scope, label: parts.join(', ') };
}
