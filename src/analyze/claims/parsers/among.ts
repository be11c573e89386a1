/**
 * "Among the dead were three children", "the injured included two
 * officers", "the dead include 12 foreigners", "Nine children were among
 * those killed", "Eight of the dead were children", "Of the dead, 31 were men,
 * 12 women and 7 children" (or "21 were from Myagdi district"): a subgroup of
 * a category's people named by the group it belongs to, not a total of its own.
 */
import { GROUP_CATEGORY, personNounAt } from '../lexicon.js';
import type { Quantity } from '../quantities.js';
import { isAdverb, isTrigger, placeNameAt } from '../scan.js';
import { newDraft, type Draft, type Parser, type SentenceContext } from '../types.js';

/** how many words a breakdown's group may have after its group word, before the comma */
const GROUP_TAIL = 9;
/** "the remaining 43", "the other 13": the last part of a breakdown */
const REST_WORDS = new Set(['remaining', 'other', 'rest']);
/** words a part's noun may follow: "were their teachers", "were other passengers" */
const PART_DETERMINERS = new Set(['their', 'the', 'other', 'its', 'his', 'her']);
const COPULAS = new Set(['were', 'was', 'are', 'is', 'included', 'include', 'includes', 'including']);
const BE = new Set(['were', 'was', 'are', 'is']);

/** The person noun after a copula at token k ("were children", "were women"): [noun, last token], or null. */
function subgroupAt(toks: SentenceContext['toks'], k: number): [string, number] | null {
  if (!BE.has(toks[k]?.lower ?? '')) return null;
  // (after one or two capitalised words: "were Nepali nationals", "were South Korean tourists"; after a determiner:
  // "were their teachers", "were other passengers")
  const from = PART_DETERMINERS.has(toks[k + 1]?.lower ?? '') ? k + 2 : k + 1;
  for (let a = from; a <= from + 2; a++) {
    const n = personNounAt(toks, a);
    if (n) return n.plural ? [a === from ? n.noun : `${toks.slice(from, a).map((t) => t.text).join(' ')} ${n.noun}`, n.last] : null;
    // (or one word that says which: "were garment workers")
    if (!/^\p{Lu}\p{Ll}/u.test(toks[a]?.text ?? '') && !(a === from && toks[a]?.kind === 'word' && personNounAt(toks, a + 1)?.plural)) return null;
  }
  return null;
}

/**
 * A place after "were from", "from", "were in" or "in" at token k: the words from the preposition, as written (a
 * part's subgroup: "from Myagdi district"), and its last token; or null.
 */
function placeAfter(ctx: SentenceContext, k: number): [string, number] | null {
  const toks = ctx.toks;
  if (BE.has(toks[k]?.lower ?? '')) k++;
  if (toks[k]?.lower !== 'from' && toks[k]?.lower !== 'in') return null;
  const last = placeNameAt(ctx, k + 1);
  return last < 0 ? null : [ctx.text.slice(toks[k]!.start, toks[last]!.end), last];
}

/** Where the next part of a breakdown may start after token `from`: past a few words that end the part before
 * ("… below the age of 12") and the comma or "and" between them; `from` when there is no comma or "and". */
function nextPartAt(toks: SentenceContext['toks'], from: number): number {
  let j = from;
  while (j < toks.length && j <= from + 8 && toks[j]!.text !== ',' && toks[j]!.lower !== 'and' && !/^[.;:!?]$/.test(toks[j]!.text)) j++;
  if (toks[j]?.text !== ',' && toks[j]?.lower !== 'and') return from;
  while (toks[j]?.text === ',' || toks[j]?.lower === 'and') j++;
  return j;
}

/**
 * "Of the dead, 31 were men, 12 women and 7 children", "Of the 50 dead, 31 were men": a breakdown of the
 * category named up front, each count a part of it. The whole ("50") is left to the parsers after this one.
 */
function breakdown(ctx: SentenceContext, byFirst: Map<number, Quantity>, id: string): Draft[] {
  const { toks } = ctx;
  if ((toks[0]?.lower !== 'of' && toks[0]?.lower !== 'among') || !/^(the|those)$/.test(toks[1]?.lower ?? '')) return [];
  let g = 2;
  const whole = byFirst.get(g);
  if (whole) g = whole.last + 1;
  // ("Among the 148 confirmed dead, 97 were women")
  while (/^(confirmed|reported|known|identified)$/.test(toks[g]?.lower ?? '')) g++;
  let category = GROUP_CATEGORY.get(toks[g]?.lower ?? '');
  // "Of the 310 bodies brought to the hospital, …": the dead, counted as bodies
  if (!category && toks[g]?.lower === 'bodies') category = 'killed';
  if (!category) return [];
  // (the group's words may go on to the comma: "Of the 304 people killed in the sinking, 250 were students")
  let comma = g + 1;
  while (comma < toks.length && comma <= g + GROUP_TAIL && toks[comma]!.text !== ',' && !/^[.;:!?]$/.test(toks[comma]!.text)) comma++;
  if (toks[comma]?.text !== ',') return [];
  const out: Draft[] = [];
  let k = comma + 1;
  while (k < toks.length) {
    // ("… and the remaining 43 were other passengers")
    if (toks[k]?.lower === 'the' && REST_WORDS.has(toks[k + 1]?.lower ?? '')) k += 2;
    const q = byFirst.get(k);
    if (!q || ctx.used.has(q) || q.partitive || q.singular) break;
    let noun = q.kind === 'person' ? q.noun : null;
    let last = q.last;
    if (q.kind === 'bare') {
      const sub = subgroupAt(toks, q.last + 1);
      if (sub) [noun, last] = sub;
    }
    // "21 were from Myagdi district and 13 from Baglung": a breakdown by place
    const where = noun ? null : placeAfter(ctx, q.last + 1);
    if (!noun && !where) break;
    // (the place is the part's subgroup, as written: "from Myagdi district")
    if (where) [noun, last] = where;
    const d = newDraft(ctx, category, [q], [0, g], id);
    d.first = q.first;
    d.last = last;
    d.relation = 'part_of';
    d.subgroup = noun;
    out.push(d);
    k = last + 1;
    // (past the words that end a part, "six are children below the age of 12, …", to the next)
    k = nextPartAt(toks, k);
  }
  if (out.length < 2 && !(out.length === 1 && byFirst.has(2))) return [];
  for (const d of out) ctx.used.add(d.parts[0]!);
  return out;
}

export const amongParser: Parser = {
  id: 'parse.among-the',
  parse(ctx) {
    const { toks } = ctx;
    const out: Draft[] = [];
    // built at the first group word: most sentences hold none (making it for every sentence was a third of this parser's time)
    let byFirst: Map<number, (typeof ctx.quantities)[number]> | null = null;
    if ((toks[0]?.lower === 'of' || toks[0]?.lower === 'among') && ctx.quantities.length) {
      byFirst = new Map(ctx.quantities.map((q) => [q.first, q]));
      out.push(...breakdown(ctx, byFirst, this.id));
    }
    // "Nine children were among those killed", "two police officers are among the injured": people of the group
    for (const q of ctx.quantities) {
      // (any plural noun: the group says they are people, "three foreigners were among the dead")
      // (one person too: "a 12-year-old girl was among those killed")
      if (ctx.used.has(q) || (q.singular && (q.noun === null || q.perpetrator)) || (q.kind !== 'person' && q.kind !== 'other') || q.partitive) continue;
      let k = q.last + 1;
      if (!BE.has(toks[k]?.lower ?? '')) continue;
      k++;
      while (isAdverb(toks[k]) || toks[k]?.lower === 'also') k++;
      if (toks[k]?.lower !== 'among' || !/^(the|those)$/.test(toks[k + 1]?.lower ?? '')) continue;
      const category = GROUP_CATEGORY.get(toks[k + 2]?.lower ?? '');
      if (!category) continue;
      // "nine women and three children were among the dead": each of a list is a part
      const list = [q];
      for (let b = q.first - 1; toks[b]?.lower === 'and' || toks[b]?.text === ','; ) {
        const prev = ctx.quantities.find((x) => x.last === b - 1 || (toks[b - 1]?.lower === 'and' && x.last === b - 2));
        if (!prev || ctx.used.has(prev) || prev.partitive || (prev.kind !== 'person' && prev.kind !== 'other') || (prev.singular && prev.noun === null)) break;
        list.unshift(prev);
        b = prev.first - 1;
      }
      for (const x of list) {
        const d = newDraft(ctx, category, [x], [k, k + 2], this.id);
        if (x !== q) [d.first, d.last] = [x.first, x.last];
        d.relation = 'part_of';
        d.subgroup = x.noun;
        out.push(d);
        ctx.used.add(x);
      }
    }
    // "Eight of the dead were children", "two of those detained are minors": a part of the group, with the
    // people it names (a predicate after the group, "three of the injured died", is left to the count's parsers)
    for (const q of ctx.quantities) {
      if (ctx.used.has(q) || q.singular) continue;
      // (the group may be the count's own noun: "Eighteen of the victims were children")
      const ownGroup = q.partitive && !q.vague && q.kind !== 'bare' && toks[q.last - 2]?.lower === 'of' && /^(the|those)$/.test(toks[q.last - 1]?.lower ?? '') && q.last - 2 === q.numLast + 1;
      if (q.kind !== 'bare' && !ownGroup) continue;
      const g = ownGroup ? q.last : q.last + 3;
      if (!ownGroup && (toks[q.last + 1]?.lower !== 'of' || !/^(the|those)$/.test(toks[q.last + 2]?.lower ?? ''))) continue;
      const category = GROUP_CATEGORY.get(toks[g]?.lower ?? '');
      if (!category) continue;
      let sub = subgroupAt(toks, g + 1);
      // "Nine of the dead were in Beira": a part by place
      if (!sub && BE.has(toks[g + 1]?.lower ?? '')) sub = placeAfter(ctx, g + 1);
      if (!sub) continue;
      let k = g + 2;
      while (isAdverb(toks[k])) k++;
      if (isTrigger(toks, k)) continue;
      const d = newDraft(ctx, category, [q], [q.numLast + 1, g], this.id);
      d.last = sub[1];
      d.relation = 'part_of';
      d.subgroup = sub[0];
      out.push(d);
      ctx.used.add(q);
      // "14 of the dead are women, six are children below the age of 12 and three are men": the breakdown goes on
      let end = sub[1];
      for (;;) {
        const at = nextPartAt(toks, end + 1);
        if (at === end + 1) break;
        const next = ctx.quantities.find((x) => x.first === at);
        if (!next || ctx.used.has(next) || next.kind !== 'bare' || next.singular) break;
        const more = subgroupAt(toks, next.last + 1);
        if (!more) break;
        const e = newDraft(ctx, category, [next], [q.last + 1, g], this.id);
        [e.first, e.last] = [next.first, more[1]];
        e.relation = 'part_of';
        e.subgroup = more[0];
        out.push(e);
        ctx.used.add(next);
        end = more[1];
      }
    }
    for (let i = 0; i + 3 < toks.length; i++) {
      // "among the dead were N …", "among those detained were N …" or "the dead included N …"
      const among = toks[i]!.lower === 'among' && (toks[i + 1]!.lower === 'the' || toks[i + 1]!.lower === 'those');
      const head = among ? i + 2 : toks[i]!.lower === 'the' && /^(included|include|includes)$/.test(toks[i + 2]?.lower ?? '') ? i + 1 : -1;
      if (head < 0) continue;
      // the group named after "among the" / before "included" says which category its members belong to
      const category = GROUP_CATEGORY.get(toks[head]!.lower);
      if (!category) continue;
      let j = head + 1;
      if (!COPULAS.has(toks[j]?.lower ?? '')) continue;
      j++;
      // "among the dead were at least three children": the count may open with a hedge, which the quantity includes
      byFirst ??= new Map(ctx.quantities.map((q) => [q.first, q]));
      const q = byFirst.get(j) ?? [...byFirst.values()].find((x) => x.first <= j + 2 && x.numFirst >= j && x.numFirst <= j + 2);
      if (!q || ctx.used.has(q) || q.kind === 'bare' || q.partitive) continue;
      const d = newDraft(ctx, category, [q], [i, head], this.id);
      d.first = i;
      d.relation = 'part_of';
      d.subgroup = q.noun;
      out.push(d);
      ctx.used.add(q);
      i = q.last;
    }
    return out;
  },
};
