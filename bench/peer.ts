/**
 * The peer pipeline: what a TypeScript developer would assemble instead of
 * reckon, from popular packages. chrono-node finds dates; wink-nlp with its
 * English model (wink-eng-lite-web-model, loaded from the npm package, no
 * download) splits sentences and finds entities, numbers among them.
 *
 * The casualty heuristic, kept simple and honest:
 *  - candidates are wink's CARDINAL entities ("12", "1,200", "twelve",
 *    "twenty-three"), turned into values; a cardinal inside a date chrono
 *    found ("June 2") or followed by "-year-old" is not a count;
 *  - casualty words, by wink's lemma: kill, die, dead, death, fatality,
 *    life ("lost their lives") for killed; injure, injury, wound, hurt for
 *    injured;
 *  - each candidate goes to the nearest casualty word in the same sentence,
 *    at most 6 tokens away (ties: the one after it);
 *  - a document's figure for a category is the largest candidate of the
 *    first sentence that has one (the lede states the total; later sentences
 *    tend to hold parts, background and related headlines).
 * It sees the raw text: it has no page-furniture removal.
 */
import * as chrono from 'chrono-node';
import winkNLP, { type ItemEntity, type ItemSentence, type ItemToken, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface PeerResult {
  killed: number | null;
  injured: number | null;
  /** what the pipeline found, for the record */
  dates: number;
  sentences: number;
  entities: number;
}

const nlp = winkNLP(model);
const its = nlp.its;

const KILLED = new Set(['kill', 'die', 'dead', 'death', 'fatality', 'life']);
const INJURED = new Set(['injure', 'injury', 'wound', 'hurt']);
const WINDOW = 6;

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

/** "1,200" → 1200, "twenty-three" → 23, "one hundred and twelve" → 112; null when not a number. */
export function numberValue(s: string): number | null {
  const t = s.toLowerCase().replace(/,/g, '').trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of t.split(/[\s-]+/)) {
    if (w === 'and' || w === '') continue;
    if (w in SMALL) {
      current += SMALL[w]!;
      any = true;
    } else if (w in SCALE) {
      current = (current || 1) * SCALE[w]!;
      if (SCALE[w]! >= 1000) {
        total += current;
        current = 0;
      }
      any = true;
    } else if (/^\d+$/.test(w)) {
      current += Number(w);
      any = true;
    } else return null;
  }
  return any ? total + current : null;
}

export function peerAnalyze(text: string, published: Date | null): PeerResult {
  const dates = chrono.parse(text, published ?? undefined);
  const doc = nlp.readDoc(text);
  // character offsets of tokens (wink keeps the spaces before each token)
  const starts: number[] = [];
  const normals: string[] = [];
  const lemmas: string[] = [];
  let pos = 0;
  doc.tokens().each((t: ItemToken) => {
    pos += (t.out(its.precedingSpaces) as string).length;
    starts.push(pos);
    const v = t.out() as string;
    normals.push(v.toLowerCase());
    lemmas.push(t.out(its.lemma as unknown as ItsFunction<string>) as string); // its.lemma is mistyped in wink-nlp 2.4
    pos += v.length;
  });
  const inDate = (offset: number) => dates.some((d) => offset >= d.index && offset < d.index + d.text.length);

  const result: PeerResult = { killed: null, injured: null, dates: dates.length, sentences: 0, entities: 0 };
  const found: Record<'killed' | 'injured', number | null> = { killed: null, injured: null };
  doc.sentences().each((s: ItemSentence) => {
    result.sentences++;
    const [first, last] = s.out(its.span) as unknown as [number, number];
    const cues: Array<{ at: number; cat: 'killed' | 'injured' }> = [];
    for (let k = first; k <= last; k++) {
      const w = lemmas[k]!;
      if (KILLED.has(w)) cues.push({ at: k, cat: 'killed' });
      else if (INJURED.has(w)) cues.push({ at: k, cat: 'injured' });
    }
    const here: Record<'killed' | 'injured', number | null> = { killed: null, injured: null };
    s.entities().each((e: ItemEntity) => {
      result.entities++;
      if (e.out(its.type) !== 'CARDINAL' || !cues.length) return;
      const [a, b] = e.out(its.span) as unknown as [number, number];
      if (inDate(starts[a]!)) return;
      if (normals[b + 1] === '-' && normals[b + 2] === 'year') return;
      const value = numberValue(e.out() as string);
      if (value === null) return;
      let best: { d: number; cat: 'killed' | 'injured' } | null = null;
      for (const c of cues) {
        const d = c.at > b ? c.at - b : a - c.at;
        if (d > WINDOW) continue;
        if (!best || d < best.d || (d === best.d && c.at > b)) best = { d, cat: c.cat };
      }
      if (best) here[best.cat] = Math.max(here[best.cat] ?? -1, value);
    });
    for (const cat of ['killed', 'injured'] as const) if (found[cat] === null && here[cat] !== null) found[cat] = here[cat];
  });
  result.killed = found.killed;
  result.injured = found.injured;
  return result;
}
