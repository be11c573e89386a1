/**
 * Facts: per event, category and scope, what each report says (one value per
 * report: its stated total, its single figure, or — marked derived — the sum
 * of figures it gives in different clauses), the low/best/high range, and
 * whether the reports agree. `best` is chosen by a stated policy; the other
 * policies are shown beside it where they differ.
 *
 * A report can give more than its own figure for a count:
 * - a rival figure it attributes to another source ("312, AFAD said" … the
 *   opposition says "at least 400") is an entry of its own in who says what
 *   (role `attributed`: the report, citing that source). It counts in low and
 *   high and in the status, but not in `best`: every policy takes one value
 *   per report, its own figure, so that a report that cites a rival is not
 *   counted twice among the independent sources;
 * - a figure for another day than its own figure's ("On April 30, police had
 *   arrested 14" in a report that puts the arrests at 40 on May 2) goes to a
 *   fact of its own, scoped to a time window ending that day ("as of
 *   2024-04-30"), where other reports' figures for that day join it.
 */
import { groupBy, maxOf, minOf, pushAll } from '../core/collections.js';
import type { StoredClaim } from '../store/types.js';
import type { DocumentMeta } from './index.js';
import { attributionKey } from './independence.js';
import { EARLIER_READING } from '../analyze/claims/parsers/toll.js';
import { canonicalCondition, countedGroup, isForces, relabel, scopeOf, type ScopeContext } from './scope.js';
import type { Fact, FactClaim, FactStatus, PolicyName, Scope } from './types.js';

export const POLICIES: PolicyName[] = ['median', 'conservative', 'most_cited', 'latest', 'official'];
export const DEFAULT_POLICY: PolicyName = 'median';
export const POLICY_TEXT: Record<PolicyName, string> = {
  median: 'the median of the values of independent sources (copies and one repeated source count once)',
  conservative: 'the lowest value any source gives (the conservative rule ACLED applies)',
  most_cited: 'the value most independent sources give (ties: the lower)',
  latest: 'the value of the most recently published source',
  official: 'the value attributed to an official source (government, ministry, police, official data), else the median',
};
const CATEGORY_ORDER = ['killed', 'injured', 'missing', 'arrested', 'imprisoned', 'displaced', 'participants', 'damaged'];
const OFFICIAL = /\b(official|government|ministry|police|authorit|prosecutor|health|state|agency|office|committee|commission|department|un\b|united nations)/i;

/** What one report says in one scope. */
interface DocValue {
  document: string;
  value: number;
  low: number;
  high: number;
  claims: StoredClaim[];
  /** the claims that give the value (the total, the single figure, or the summed parts) */
  used: StoredClaim[];
  derived: string | null;
  group: number;
  published: string | null;
  official: boolean;
  /** rival figures the report attributes to other sources than its own figure's: one claim per source */
  cited: Array<{ claim: StoredClaim; group: number }>;
}

const NUMBER_WORDS = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|several|few)\b/i;

/** Two claims of one report with the same figure say the same thing again, unless they are two different counts. */
function restates(a: StoredClaim, b: StoredClaim, text: string): boolean {
  if (a.value !== b.value || a.relation === 'additional' || b.relation === 'additional') return false;
  const [x, y] = a.textStart <= b.textStart ? [a, b] : [b, a];
  // coordinated in one sentence: two counts ("One person died on the scene, and one died later")
  if (!/[.!?]["'”’)]?\s/.test(text.slice(x.textEnd, y.textStart))) return false;
  if (NUMBER_WORDS.test(a.quote) && NUMBER_WORDS.test(b.quote)) return true;
  // people counted by their article: the same one only when named alike ("his brother" … "his brother")
  return Boolean(a.subject && b.subject && a.subject.toLowerCase() === b.subject.toLowerCase());
}

const stated = (c: StoredClaim) => (c.time && !c.time.inferred ? c.time.start : null);

/** Two counts of one report that are readings of the same group, not parts of a whole. */
function rivals(a: StoredClaim, b: StoredClaim): boolean {
  if (countedGroup(a.subject) !== countedGroup(b.subject)) return false;
  if (a.approx !== 'exact' || b.approx !== 'exact') return true;
  if (a.attribution && b.attribution && attributionKey(a.attribution) !== attributionKey(b.attribution)) return true;
  // a date stated for one of them, and a different day for the other: about different days
  if (!stated(a) && !stated(b)) return false;
  return Boolean(a.time && b.time && a.time.start !== b.time.start);
}

export function docValue(document: string, all: StoredClaim[], text = ''): Omit<DocValue, 'group' | 'published' | 'official' | 'cited'> {
  // a figure the count rose from ("up from 38") is not the report's figure while it gives the one it rose to
  const current = all.filter((c) => !c.rules.includes(EARLIER_READING));
  const claims = current.length ? current : all;
  const totals = claims.filter((c) => c.relation === 'total');
  if (totals.length) {
    // the report's figure is its latest total: by the date it is about ("on Wednesday the ministry had put the
    // number of dead at 276" is older than "has risen to 312" on Friday), else the last one stated
    const day = (c: StoredClaim) => c.time?.end ?? '';
    const t = totals.reduce((m, c) => (day(c) > day(m) || (day(c) === day(m) && c.textStart > m.textStart) ? c : m));
    return { document, value: t.value, low: t.low, high: t.high, claims: all, used: [t], derived: null };
  }
  const sorted = [...claims].sort((a, b) => a.textStart - b.textStart);
  const parts: StoredClaim[] = [];
  for (const c of sorted) if (!parts.some((p) => restates(p, c, text))) parts.push(c);
  if (parts.length === 1) {
    const c = parts[0]!;
    return { document, value: c.value, low: minOf(claims, (x) => x.low), high: maxOf(claims, (x) => x.high), claims: all, used: [c], derived: null };
  }
  // Counts of different groups in different clauses add up ("killed his wife … then killed two neighbours",
  // "six officers were hurt … at least 20 protesters injured"). Two counts of the same group do not when
  // either is an estimate ("more than 2,400 people injured" … "about 1,000 people"), when different sources
  // give them ("63, the ministry said" … "70, the rights group said") or when they are about different days:
  // they are rival or separate readings, and the largest stands for the report, unless it says it adds ("21 more").
  if (!parts.some((c) => c.relation === 'additional') && parts.some((a, i) => parts.some((b, k) => k > i && rivals(a, b)))) {
    const c = parts.reduce((m, x) => (x.value > m.value ? x : m));
    return { document, value: c.value, low: c.low, high: c.high, claims: all, used: [c], derived: null };
  }
  // different counts in different clauses of one report add up
  const value = parts.reduce((s, c) => s + c.value, 0);
  return {
    document, value, low: parts.reduce((s, c) => s + c.low, 0), high: parts.reduce((s, c) => s + c.high, 0), claims: all, used: parts,
    derived: `${parts.map((c) => c.value.toLocaleString('en-US')).join(' + ')} (counts the report gives in different clauses, added up)`,
  };
}

/** The day a figure is about: the date stated or inferred for it, else the report's date. */
const dayOf = (c: StoredClaim, published: string | null) => c.time?.end ?? published;

/**
 * A report's figures for other days than its own figure's: rivals of the figure that counts for the report
 * whose date the text states ("On April 30, police had arrested 14" beside "have now arrested 40"), for another
 * day and with another value. A part of a sum the report states is not a reading of the total on another day.
 */
function otherDays(used: StoredClaim[], claims: StoredClaim[], published: string | null, summed: ReadonlySet<string>): StoredClaim[] {
  return claims.filter((c) => {
    if (used.includes(c) || !stated(c) || summed.has(c.id) || !used.some((u) => rivals(c, u))) return false;
    return used.every((u) => {
      const day = dayOf(u, published);
      return day !== null && day !== c.time!.end && u.value !== c.value;
    });
  });
}

/** Two names of one source: the same, or one the other's last words ("the health service", "the regional health service"). */
const sameSource = (a: string, b: string) => a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);

/**
 * Rival figures a report attributes to other named sources than its own figure's ("63, the ministry said" …
 * "70, the rights group said"): one per source, the largest it gives. The report's own figure is the one
 * docValue chose; its source is the first one named for the claims that give it (none: the report's own words).
 * An unattributed figure is not a rival source (the report restating or estimating), nor is a part of a sum
 * the report states.
 */
function citedRivals(used: StoredClaim[], claims: StoredClaim[], summed: ReadonlySet<string>): StoredClaim[] {
  const own = attributionKey(used.map((c) => c.attribution).find(Boolean) ?? null);
  const bySource = new Map<string, StoredClaim>();
  for (const c of claims) {
    const key = attributionKey(c.attribution);
    if (!key || (own && sameSource(key, own)) || used.includes(c) || summed.has(c.id) || !used.some((u) => rivals(c, u))) continue;
    // the same figure from another name is no rival reading
    if (used.some((u) => u.value === c.value)) continue;
    const prev = bySource.get(key);
    if (!prev || c.value > prev.value) bySource.set(key, c);
  }
  return [...bySource.values()];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
}

/**
 * One value per independent source. A source's reports that agree give their common value; when they differ
 * and are dated differently, the latest stands (a source that counted 40 on Wednesday and 52 on Thursday now
 * says 52); otherwise the most common value, the smaller on a tie.
 */
function independentValues(dvs: DocValue[]): number[] {
  return [...groupBy(dvs, (d) => d.group).values()].map((ds) => latestOf(ds) ?? mostCommon(ds.map((d) => d.value)));
}

/** The day a report's value is about: its figure's own day, else the day it was published. */
const asOf = (d: DocValue): string | null => d.used.reduce<string | null>((m, c) => (c.time && (!m || c.time.end > m) ? c.time.end : m), null) ?? d.published?.slice(0, 10) ?? null;

/** The value of the one latest-dated report among reports that differ, or null (undated, or a tie on the day). */
function latestOf(ds: DocValue[]): number | null {
  if (ds.length < 2 || ds.every((d) => d.value === ds[0]!.value)) return null;
  const dated = ds.map((d) => ({ d, day: asOf(d) }));
  if (dated.some((x) => !x.day)) return null;
  dated.sort((a, b) => (a.day! < b.day! ? 1 : a.day! > b.day! ? -1 : 0));
  if (dated[0]!.day === dated[1]!.day && dated[0]!.d.value !== dated[1]!.d.value) return null;
  return dated[0]!.d.value;
}

function mostCommon(vs: number[]): number {
  const counts = new Map<number, number>();
  for (const v of vs) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}

export function applyPolicy(policy: PolicyName, dvs: DocValue[]): number {
  const ind = independentValues(dvs);
  switch (policy) {
    case 'conservative':
      return minOf(dvs, (d) => d.value);
    case 'most_cited':
      return mostCommon(ind);
    case 'latest': {
      const dated = dvs.filter((d) => d.published).sort((a, b) => (b.published! < a.published! ? -1 : 1));
      return dated[0]?.value ?? median(ind);
    }
    case 'official': {
      const off = dvs.filter((d) => d.official);
      return off.length ? median(off.map((d) => d.value)) : median(ind);
    }
    default:
      return median(ind);
  }
}

/** One entry of who says what: a report's own figure, or a rival figure it attributes to another source. */
interface Voice {
  document: string;
  value: number;
  low: number;
  high: number;
  /** the claims behind it (for a report's own figure: its claims but the rivals it cites) */
  claims: StoredClaim[];
  /** the claim that states the value (null for a sum reckon made) */
  figure: StoredClaim | null;
  attribution: string | null;
  cited: boolean;
  derived: string | null;
}

function voicesOf(dvs: DocValue[]): Voice[] {
  return dvs.flatMap((d) => [
    {
      document: d.document, value: d.value, low: d.low, high: d.high, claims: d.claims, figure: d.derived ? null : (d.used[0] ?? null),
      attribution: d.claims.map((c) => c.attribution).find(Boolean) ?? null, cited: false, derived: d.derived,
    },
    ...d.cited.map(({ claim: c }) => ({ document: d.document, value: c.value, low: c.low, high: c.high, claims: [c], figure: c, attribution: c.attribution, cited: true, derived: null })),
  ]);
}

/** Single: one voice (a report, or a report citing one other source); consensus: the values agree (hedged ones sharing a point do). */
function statusOf(voices: Voice[]): FactStatus {
  const who = new Set(voices.map((v) => `${v.document}|${v.cited ? attributionKey(v.attribution) : ''}`));
  if (who.size < 2) return 'single';
  const values = new Set(voices.map((v) => v.value));
  if (values.size === 1) return 'consensus';
  // hedged figures that share a point agree ("about 150" and "150")
  const lo = maxOf(voices, (v) => v.low);
  const hi = minOf(voices, (v) => v.high);
  const hedged = voices.some((v) => v.claims.some((c) => c.approx !== 'exact'));
  return hedged && lo <= hi ? 'consensus' : 'disputed';
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Plain statements of what differs between the sources of a disputed fact. */
function whyTheyDiffer(voices: Voice[], docs: Map<string, DocumentMeta>, cite: (doc: string) => string): string[] {
  const attribution: string[] = [];
  const others: string[] = [];
  // attribution
  const attributed = voices.filter((v) => v.attribution);
  if (attributed.length && attributed.length < voices.length) {
    attribution.push(
      `Attribution: ${attributed.map((v) => `${fmt(v.value)} is attributed to ${sourceName(v.attribution!)} (${cite(v.document)})`).join('; ')}; ` +
        `${voices.filter((v) => !v.attribution).map((v) => `${fmt(v.value)} (${cite(v.document)})`).join(', ')} name no source.`,
    );
  } else if (attributed.length > 1 && new Set(attributed.map((v) => attributionKey(v.attribution))).size > 1) {
    attribution.push(`Attribution: ${attributed.map((v) => `${fmt(v.value)} according to ${sourceName(v.attribution!)} (${cite(v.document)})`).join('; ')}.`);
  }
  // time: when the reports were published, and the days the texts give for their figures
  const time: Array<[string, string]> = [];
  const published = (v: Voice) => docs.get(v.document)?.published ?? null;
  const dated = voices.filter((v) => !v.cited && published(v));
  if (dated.length >= 2 && new Set(dated.map(published)).size > 1) {
    const sorted = [...dated].sort((a, b) => published(a)!.localeCompare(published(b)!));
    time.push(['Time of reporting', sorted.map((v) => `${fmt(v.value)} published ${published(v)}`).join(', ')]);
  }
  const onDays = voices.filter((v) => v.figure && stated(v.figure));
  if (onDays.length >= 2 && new Set(onDays.map((v) => v.figure!.time!.end)).size > 1) {
    const sorted = [...onDays].sort((a, b) => a.figure!.time!.end.localeCompare(b.figure!.time!.end));
    time.push(['Days the texts give for the figures', sorted.map((v) => `${fmt(v.value)} as of ${v.figure!.time!.end} (${cite(v.document)})`).join(', ')]);
  }
  // hedges
  const hedged = voices.filter((v) => v.claims.some((c) => c.approx !== 'exact'));
  if (hedged.length) others.push(`Hedged: ${hedged.map((v) => `“${v.claims.find((c) => c.approx !== 'exact')!.quote}” (${cite(v.document)})`).join('; ')}.`);
  // stated places
  const placed = voices.filter((v) => v.claims.some((c) => c.location.length && !c.locationInferred));
  if (placed.length && placed.length < voices.length) {
    others.push(`Place: ${placed.map((v) => `${fmt(v.value)} is stated for ${v.claims.find((c) => !c.locationInferred && c.location.length)!.location.join(' and ')} (${cite(v.document)})`).join('; ')}; the others name no place.`);
  }
  // what is counted
  const subjects = new Set(voices.map((v) => v.claims[0]?.subject?.toLowerCase() ?? ''));
  if (subjects.size > 1) others.push(`What is counted: ${voices.map((v) => `${fmt(v.value)} ${v.claims[0]?.subject ?? '(unspecified)'} (${cite(v.document)})`).join(', ')}.`);
  // derived sums
  for (const v of voices) if (v.derived) others.push(`${cite(v.document)} gives no total: ${v.derived}.`);
  // nothing but time: say so, as the one difference
  if (!attribution.length && !others.length && time.length) return [`Only the time differs: ${time.map(([, body]) => body).join('; ')}.`];
  const out = [...attribution, ...time.map(([label, body]) => `${label}: ${body}.`), ...others];
  if (!out.length) out.push('The sources give different figures without saying why.');
  return out;
}

/** A source's name inside a sentence: its article, as the text writes it, in lower case ("according to the Energy Ministry"). */
const sourceName = (a: string) => a.replace(/^(The|A|An)\s/, (m) => m.toLowerCase());

export interface FactsInput {
  claims: StoredClaim[];
  docs: Map<string, DocumentMeta>;
  groupOf: Map<string, number>;
  scope: ScopeContext;
  policy: PolicyName;
  cite: (doc: string) => string;
  /** ids of claims that are parts of a sum a report states (see checks.ts): neither rivals nor other days' figures */
  summed?: ReadonlySet<string>;
}

interface FactGroup {
  scope: Scope;
  category: string;
  claims: StoredClaim[];
  /** for a fact of another day: the key of the fact it is another day's reading of */
  base?: string;
}

export function buildFacts(input: FactsInput): Fact[] {
  const { claims, docs, groupOf, policy, cite } = input;
  const summed = input.summed ?? new Set<string>();
  const byKey = new Map<string, FactGroup>();
  for (const c of claims) {
    const { scope, key } = scopeOf(c, input.scope);
    const e = byKey.get(key) ?? { scope, category: c.category, claims: [] };
    e.claims.push(c);
    byKey.set(key, e);
  }
  // a report's figures for other days than its own figure's: facts of their own, as of their day
  for (const [key, e] of [...byKey]) {
    for (const [doc, cs] of byDocument(e.claims)) {
      const published = docs.get(doc)?.published ?? null;
      const moved = otherDays(docValue(doc, cs, docs.get(doc)?.text ?? '').used, cs, published, summed);
      for (const c of moved) {
        const k = `${key}|as of ${c.time!.end}`;
        const start = input.scope.start && input.scope.start < c.time!.start ? input.scope.start : c.time!.start;
        const g = byKey.get(k) ?? { scope: relabel({ ...e.scope, time: { start, end: c.time!.end } }), category: e.category, claims: [], base: key };
        g.claims.push(c);
        byKey.set(k, g);
      }
      if (moved.length) e.claims = e.claims.filter((c) => !moved.includes(c));
    }
  }
  const facts: Fact[] = [];
  const factOfKey = new Map<string, Fact>();
  const usedIds = new Set<string>();
  for (const [key, e] of byKey) {
    const dvs: DocValue[] = [...byDocument(e.claims)].map(([doc, cs]) => {
      const dv = docValue(doc, cs, docs.get(doc)?.text ?? '');
      const cited = citedRivals(dv.used, cs, summed);
      const sources = new Set(cited.map((c) => attributionKey(c.attribution)));
      // the report's own claims: all but those of the sources it cites as rivals
      const own = cs.filter((c) => dv.used.includes(c) || !sources.has(attributionKey(c.attribution)));
      const attrKey = attributionKey(own.find((c) => c.attribution)?.attribution ?? null);
      return {
        ...dv,
        claims: own,
        // claims that repeat one attributed source count once, as do copies
        group: attrKey && OFFICIAL.test(attrKey) ? hashGroup(attrKey) : (groupOf.get(doc) ?? hashGroup(doc)),
        published: docs.get(doc)?.published ?? null,
        official: own.some((c) => c.attribution && OFFICIAL.test(c.attribution)),
        cited: cited.map((c) => ({ claim: c, group: hashGroup(attributionKey(c.attribution)!) })),
      };
    });
    const voices = voicesOf(dvs);
    // best and the other policies: one value per report, its own figure
    const best = applyPolicy(policy, dvs);
    const alternatives = POLICIES.filter((p) => p !== policy).map((p) => ({ policy: p, best: applyPolicy(p, dvs) })).filter((a) => a.best !== best);
    const status = statusOf(voices);
    const dvOf = new Map(dvs.map((d) => [d.document, d]));
    const factClaims: FactClaim[] = e.claims.map((c) => {
      const dv = dvOf.get(c.document)!;
      const cited = dv.cited.find((x) => attributionKey(x.claim.attribution) === attributionKey(c.attribution));
      const role: FactClaim['role'] = dv.used.includes(c)
        ? (dv.derived ? 'summand' : 'value')
        : cited?.claim === c
          ? 'attributed'
          : !cited && c.relation !== 'total' && dv.used[0]?.relation === 'total' ? 'component' : 'restated';
      return {
        claim: c.id, document: c.document, value: c.value, low: c.low, high: c.high, approx: c.approx, quote: c.quote,
        outlet: docs.get(c.document)?.outlet ?? null, published: docs.get(c.document)?.published ?? null, attribution: c.attribution,
        group: cited?.group ?? dv.group, role,
      };
    });
    // an addition whose reports differ on the phase names none
    if (e.scope.relation === 'additional' && e.scope.condition && !e.claims.every((c) => canonicalCondition(c.condition) === e.scope.condition)) {
      e.scope = relabel({ ...e.scope, condition: null });
    }
    const base = `${e.category}${e.scope.label ? `/${slug(e.scope.label)}` : ''}`;
    let id = base;
    for (let k = 2; usedIds.has(id); k++) id = `${base}-${k}`;
    usedIds.add(id);
    const fact: Fact = {
      id,
      category: e.category,
      scope: e.scope,
      low: minOf(voices, (v) => v.value),
      best,
      high: maxOf(voices, (v) => v.value),
      status,
      policy,
      alternatives,
      claims: factClaims,
      sources: dvs.length,
      independent: new Set(dvs.map((d) => d.group)).size,
      why: status === 'disputed' ? whyTheyDiffer(voices, docs, cite) : [],
    };
    const derived = dvs.filter((d) => d.derived);
    if (derived.length) fact.derived = { from: derived.flatMap((d) => d.claims.map((c) => c.id)), how: derived.map((d) => `${cite(d.document)}: ${d.derived}`).join('; ') };
    facts.push(fact);
    factOfKey.set(key, fact);
  }
  relate(facts);
  const claimOfId = new Map(claims.map((c) => [c.id, c]));
  for (const [key, e] of byKey) if (e.base) otherDayOf(factOfKey.get(key)!, factOfKey.get(e.base)!, claimOfId, input);
  pushAll(facts, reportTotals(claims, facts, input));
  facts.sort((a, b) => catRank(a.category) - catRank(b.category) || Number(Boolean(a.derived && a.scope.label)) - Number(Boolean(b.derived && b.scope.label)) || (a.scope.label === '' ? -1 : b.scope.label === '' ? 1 : 0) || b.sources - a.sources || a.id.localeCompare(b.id));
  return facts;
}

const byDocument = (claims: StoredClaim[]) => groupBy(claims, (c) => c.document);

/**
 * A fact of another day and the fact it is another day's reading of: related, and told apart by time in
 * both: the other day's fact says what each of its reports gives for its own figure's day; the base fact,
 * when disputed, names the figures its reports give for other days.
 */
function otherDayOf(f: Fact, base: Fact, byId: ReadonlyMap<string, StoredClaim>, input: FactsInput): void {
  const { cite, docs } = input;
  f.relates = { fact: base.id, how: 'as_of' };
  const baseName = `${f.category}, ${base.scope.label || 'overall'}`;
  const lines: string[] = [];
  const byCitation = (a: FactClaim, b: FactClaim) => cite(a.document).localeCompare(cite(b.document), 'en', { numeric: true });
  for (const c of f.claims.filter((x) => x.role === 'value' || x.role === 'summand').sort(byCitation)) {
    const own = base.claims.find((x) => x.document === c.document && (x.role === 'value' || x.role === 'summand'));
    if (!own) continue;
    const stored = byId.get(own.claim);
    const day = (stored && dayOf(stored, docs.get(c.document)?.published ?? null)) ?? null;
    const ownValue = own.role === 'summand' ? base.claims.filter((x) => x.document === c.document && x.role === 'summand').reduce((s, x) => s + x.value, 0) : own.value;
    lines.push(`${cite(c.document)} gives ${fmt(c.value)} as of ${f.scope.time!.end} and ${fmt(ownValue)} ${day ? `as of ${day}` : 'as its own figure'} (${baseName})`);
  }
  if (lines.length) f.why.push(`Time: ${lines.join('; ')}: figures for different days.`);
  if (base.status === 'disputed') {
    const given = f.claims.filter((x) => x.role === 'value' || x.role === 'summand').sort(byCitation).map((x) => `${fmt(x.value)} (${cite(x.document)})`);
    base.why.push(`Other days: ${given.join(', ')} as of ${f.scope.time!.end}, a fact of its own (${f.category}, ${f.scope.label}).`);
  }
}

const catRank = (c: string) => {
  const i = CATEGORY_ORDER.indexOf(c);
  return i < 0 ? CATEGORY_ORDER.length : i;
};

function hashGroup(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return 100000 + Math.abs(h % 1e9);
}

const slug = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60);

/** How facts of a category relate to the overall fact of that category. */
function relate(facts: Fact[]): void {
  for (const f of facts) {
    // another day's reading is related to its own fact (otherDayOf)
    if (!f.scope.label || f.scope.time) continue;
    const whole = facts.find((g) => g.category === f.category && !g.scope.label);
    if (!whole) continue;
    const how = f.scope.relation === 'additional' ? 'additional' : f.scope.subgroup ? 'subgroup' : f.scope.relation === 'part_of' || f.scope.condition || f.scope.location.length ? 'part_of' : 'different_count';
    f.relates = { fact: whole.id, how };
  }
}

/**
 * A report that gives a base figure and additions ("killing two … killing two
 * more") without a total: its figures added up, as a derived fact of that
 * report alone.
 */
function reportTotals(claims: StoredClaim[], facts: Fact[], input: FactsInput): Fact[] {
  const out: Fact[] = [];
  // each report's claims per category, and the facts that may add to a whole per category and report, indexed
  // once (looking them up by filtering every claim and fact for each report grew with the square of the reports)
  const ownOf = new Map([...groupBy(claims, (c) => c.category)].map(([category, cs]) => [category, byDocument(cs)]));
  // the report's counts in each scope that adds to a whole: the event as a whole, additions, other places and phases
  // (not its figures for other days: they are earlier or later readings, not parts); in the order of `facts`
  const scopesOf = new Map<string, Fact[]>();
  for (const f of facts) {
    // (the forces' own count adds: "shot the security guard … wounding two others" hurt three)
    if (f.derived?.how.includes('=') || f.scope.time || f.scope.earlier || f.scope.later || f.scope.relation === 'part_of' || f.scope.subgroup || (f.scope.subject && !isForces(f.scope.subject.toLowerCase()))) continue;
    for (const d of new Set(f.claims.map((c) => c.document))) {
      const key = `${f.category}\u0000${d}`;
      const list = scopesOf.get(key);
      if (list) list.push(f);
      else scopesOf.set(key, [f]);
    }
  }
  for (const [category, byDoc] of ownOf) {
    for (const [doc, own] of byDoc) {
      if (own.some((c) => c.relation === 'total')) continue;
      const scopes = scopesOf.get(`${category}\u0000${doc}`) ?? [];
      if (scopes.length < 2) continue;
      const text = input.docs.get(doc)?.text ?? '';
      const parts = scopes.map((f) => {
        const cs = own.filter((c) => f.claims.some((x) => x.claim === c.id));
        return { fact: f, value: docValue(doc, cs, text).value, claims: f.claims.filter((c) => c.document === doc) };
      });
      const value = parts.reduce((s, p) => s + p.value, 0);
      const main = scopes.find((f) => !f.scope.label);
      // (in an event that covers an area, a figure for the whole as large as its places' together may hold them:
      // "at least 38 dead" and "14 in Nairobi", "nine in Tana River"; the report does not say they add up)
      const whole = parts.find((p) => p.fact === main);
      if (input.scope.spread && whole && parts.every((p) => p === whole || (p.fact.scope.location.length && p.fact.scope.relation !== 'additional')) && whole.value >= value - whole.value) continue;
      out.push({
        id: `${category}/all-reported-${doc.slice(0, 8)}`,
        category,
        scope: { location: [], time: null, condition: null, subject: null, subgroup: null, relation: 'total', label: `everything ${input.cite(doc)} counts, added up` },
        low: value,
        best: value,
        high: value,
        status: 'single',
        policy: input.policy,
        alternatives: [],
        claims: parts.flatMap((p) => p.claims.map((c) => ({ ...c, role: 'summand' as const }))),
        sources: 1,
        independent: 1,
        why: [],
        derived: {
          from: parts.flatMap((p) => p.claims.map((c) => c.claim)),
          how: `${parts.map((p) => p.value.toLocaleString('en-US')).join(' + ')} = ${value.toLocaleString('en-US')}: the report's counts ${parts.map((p) => (p.fact.scope.label ? `(${p.fact.scope.label})` : '(overall)')).join(', ')} added up; the report states no total`,
        },
        ...(main ? { relates: { fact: main.id, how: 'different_count' as const } } : {}),
      });
    }
  }
  return out;
}
