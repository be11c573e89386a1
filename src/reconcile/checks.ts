/**
 * Arithmetic a report states: components that add up to a stated total
 * ("82 … 20 … an additional 21 … eight more … In total, 131"), subgroups
 * that must not exceed their whole ("133 killed, including 117"), and a
 * report that states two different totals of one thing.
 */
import { groupBy } from '../core/collections.js';
import type { StoredClaim } from '../store/types.js';
import type { Check } from './types.js';
import { SUMMED } from '../analyze/claims/types.js';

const fmt = (n: number) => n.toLocaleString('en-US');

/** Components of a total: the claims of its category since the previous total, in the same paragraph run. */
function componentsOf(total: StoredClaim, docClaims: StoredClaim[], text: string): StoredClaim[] {
  const before = docClaims.filter((c) => c.textEnd <= total.textStart && c.category === total.category);
  const prevTotal = [...before].reverse().find((c) => c.relation === 'total');
  const from = prevTotal ? prevTotal.textEnd : paragraphStart(text, total.textStart);
  return before.filter((c) => c.textStart >= from && c.relation !== 'part_of' && c.relation !== 'total');
}

/** A check that components add up to a total (ok when their sum is the total's value). */
function sumCheck(id: string, document: string, total: StoredClaim, components: StoredClaim[], statement: string): Check {
  const sum = components.reduce((n, c) => n + c.value, 0);
  return {
    id,
    document,
    kind: 'sum',
    category: total.category,
    total: total.value,
    components: components.map((c) => c.value),
    ok: sum === total.value,
    difference: total.value - sum,
    claims: [...components.map((c) => c.id), total.id],
    statement,
  };
}

/** Whether claim b follows claim a in one list: in the same sentence, a few words after it. */
function oneList(text: string, a: StoredClaim, b: StoredClaim): boolean {
  const between = text.slice(a.textEnd, b.textStart);
  return b.textStart >= a.textEnd && between.length <= 40 && !/[.!?;]\s/.test(between);
}

function paragraphStart(text: string, pos: number): number {
  const i = text.lastIndexOf('\n\n', pos);
  const j = text.lastIndexOf('\n', pos);
  return Math.max(i, j, 0);
}

export function buildChecks(claims: StoredClaim[], texts: Map<string, string>): Check[] {
  const out: Check[] = [];
  for (const [doc, cs] of groupBy(claims, (c) => c.document)) {
    cs.sort((a, b) => a.textStart - b.textStart);
    const text = texts.get(doc) ?? '';
    for (const t of cs.filter((c) => c.relation === 'total')) {
      const comps = componentsOf(t, cs, text);
      if (comps.length < 2) continue;
      const sum = comps.reduce((s, c) => s + c.value, 0);
      const additive = comps.some((c) => c.relation === 'additional');
      if (sum !== t.value && !additive) continue;
      const statement =
        sum === t.value
          ? `${comps.map((c) => fmt(c.value)).join(' + ')} = ${fmt(sum)}, the total the report states (${fmt(t.value)} ${t.category}).`
          : `${comps.map((c) => fmt(c.value)).join(' + ')} = ${fmt(sum)}, but the report states a total of ${fmt(t.value)} (${t.value > sum ? 'more' : 'fewer'} by ${fmt(Math.abs(t.value - sum))}).`;
      out.push(sumCheck(`sum-${t.id}`, doc, t, comps, statement));
    }
    /**
     * A whole the report states: not one reckon added up from its parts ("22 soldiers and four police officers
     * died": nothing to check), unless the report states that sum elsewhere ("Nine still missing … Four pupils, two
     * teachers and three other passengers are still listed as missing").
     */
    // (the figures the report states, "category|value", made only for a report that has such a sum)
    let statedFigures: Set<string> | null = null;
    const stated = (w: StoredClaim | undefined): w is StoredClaim => {
      if (w === undefined) return false;
      if (!w.rules.includes(SUMMED)) return true;
      statedFigures ??= new Set(cs.filter((x) => x.relation !== 'part_of' && !x.rules.includes(SUMMED)).map((x) => `${x.category}|${x.value}`));
      return statedFigures.has(`${w.category}|${w.value}`);
    };
    for (const c of cs) {
      if (c.relation !== 'part_of' || c.parent === null) continue;
      const whole = cs.find((x) => x.index === c.parent);
      if (!stated(whole)) continue;
      const ok = c.value <= whole.value;
      out.push({
        id: `part-${c.id}`,
        document: doc,
        kind: 'subgroup',
        category: c.category,
        total: whole.value,
        components: [c.value],
        ok,
        difference: whole.value - c.value,
        claims: [c.id, whole.id],
        statement: ok
          ? `${fmt(c.value)}${c.subgroup ? ` ${c.subgroup}` : ''} is part of ${fmt(whole.value)} (${whole.category}), and not larger.`
          : `${fmt(c.value)}${c.subgroup ? ` ${c.subgroup}` : ''} is said to be part of ${fmt(whole.value)} (${whole.category}) but is larger.`,
      });
    }
    // the parts of one whole that add up to it: "50 bodies … Of the dead, 31 were men, 12 women and 7 children".
    // Parts that fall short of their whole say nothing (a list of subgroups is often partial: "including 17 women
    // and 9 children"), nor do parts that exceed it (subgroups may overlap: women and children), beyond the
    // per-part checks above.
    // (one list at a time: parts of one sentence with nothing but a few words between them)
    const runs: StoredClaim[][] = [];
    for (const c of cs) {
      if (c.relation !== 'part_of' || c.parent === null) continue;
      const run = runs.find((r) => r[0]!.parent === c.parent && oneList(text, r[r.length - 1]!, c));
      if (run) run.push(c);
      else runs.push([c]);
    }
    for (const parts of runs) {
      const whole = cs.find((x) => x.index === parts[0]!.parent);
      if (!stated(whole) || parts.length < 2 || parts.some((p) => p.category !== whole.category)) continue;
      const sum = parts.reduce((n, p) => n + p.value, 0);
      if (sum !== whole.value) continue;
      const statement = `${parts.map((p) => `${fmt(p.value)}${p.subgroup ? ` ${p.subgroup}` : ''}`).join(' + ')} = ${fmt(sum)}, the whole the report states (${fmt(whole.value)} ${whole.category}).`;
      out.push(sumCheck(`parts-${whole.id}`, doc, whole, parts, statement));
    }
    // two different stated totals of one category, same subject and place
    const totals = cs.filter((c) => c.relation === 'total');
    for (let a = 0; a < totals.length; a++) {
      for (let b = a + 1; b < totals.length; b++) {
        const x = totals[a]!;
        const y = totals[b]!;
        if (x.category !== y.category || x.value === y.value || (x.subject ?? '') !== (y.subject ?? '') || x.location.join() !== y.location.join()) continue;
        out.push({
          id: `contradiction-${x.id}-${y.index}`,
          document: doc,
          kind: 'contradiction',
          category: x.category,
          total: y.value,
          components: [x.value],
          ok: false,
          difference: y.value - x.value,
          claims: [x.id, y.id],
          statement: `The report states two totals of ${x.category}: ${fmt(x.value)} (“${x.quote}”) and ${fmt(y.value)} (“${y.quote}”).`,
        });
      }
    }
  }
  return out;
}
