/**
 * A whole-line alternation of many patterns, tried only with the patterns
 * a line's first two characters can open. V8 tries the alternatives of
 * /^(?:a|b|…)$/ one after the other even when the line's start rules them
 * all out: the 25 furniture patterns cost 90–150 ns a line, most of it
 * lost on report lines ("The …", "In …") that none of them can start.
 */

/**
 * The first two characters of a pattern's matches, each a string of up to two characters (fewer: the match
 * ends there). ANY stands for a character this reader does not pin down (a class, a wildcard).
 */
type Starts = Set<string>;
const ANY = '\u0000';
/** a construct this reader does not know: it may match anything (nothing, one character, more) */
const ANYTHING: Starts = new Set(['', ANY, ANY + ANY]);

const trunc2 = (s: string) => (s.length > 2 ? s.slice(0, 2) : s);

/** the starts of a match of a followed by one of b */
function concat(a: Starts, b: Starts): Starts {
  const out: Starts = new Set();
  for (const x of a) {
    if (x.length >= 2) out.add(x);
    else for (const y of b) out.add(trunc2(x + y));
  }
  return out;
}

/**
 * What the matches of `pattern` (a regular expression's source, read without the u flag) can start with:
 * every string of two characters that opens a match of two or more, and every match of fewer. Constructs it
 * does not know count as matching anything, so the answer is never too small (a literal NUL reads as ANY).
 */
export function matchStarts(pattern: string): Starts {
  const r = readAlternation(pattern, 0);
  return r.end === pattern.length ? r.starts : ANYTHING;
}

interface Reading {
  starts: Starts;
  end: number;
}

function readAlternation(p: string, pos: number): Reading {
  const starts: Starts = new Set();
  for (;;) {
    const seq = readSequence(p, pos);
    for (const s of seq.starts) starts.add(s);
    pos = seq.end;
    if (p[pos] !== '|') return { starts, end: pos };
    pos++;
  }
}

function readSequence(p: string, pos: number): Reading {
  let starts: Starts = new Set(['']);
  while (pos < p.length && p[pos] !== '|' && p[pos] !== ')') {
    const atom = readAtom(p, pos);
    pos = atom.end;
    // a quantifier (and the ? that makes it lazy): the atom min to max times
    let min = 1;
    let max = 1;
    const q = p[pos];
    if (q === '?' || q === '*' || q === '+') {
      min = q === '+' ? 1 : 0;
      max = q === '?' ? 1 : Infinity;
      pos++;
    } else if (q === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(p.slice(pos));
      if (m) {
        min = +m[1]!;
        max = m[2] === undefined ? min : m[3] ? +m[3] : Infinity;
        pos += m[0].length;
      } else return { starts: ANYTHING, end: p.length };
    }
    if (pos > atom.end && p[pos] === '?') pos++;
    // the starts of k repetitions: with two characters kept, k beyond min + 2 adds nothing new
    let power: Starts = new Set(['']);
    const repeated: Starts = new Set();
    for (let k = 0; k <= Math.min(max, min + 3); k++) {
      if (k >= min) for (const s of power) repeated.add(s);
      power = concat(power, atom.starts);
    }
    starts = concat(starts, repeated);
  }
  return { starts, end: pos };
}

function readAtom(p: string, pos: number): Reading {
  const c = p[pos]!;
  if (c === '(') {
    if (p[pos + 1] === '?' && p[pos + 2] !== ':') return { starts: ANYTHING, end: skipGroup(p, pos) };
    const r = readAlternation(p, p[pos + 1] === '?' ? pos + 3 : pos + 1);
    if (p[r.end] !== ')') return { starts: ANYTHING, end: p.length };
    return { starts: r.starts, end: r.end + 1 };
  }
  if (c === '^' || c === '$') return { starts: new Set(['']), end: pos + 1 };
  if (c === '\\') {
    const e = p[pos + 1];
    if (e === undefined) return { starts: ANYTHING, end: p.length };
    if (e === 'b' || e === 'B') return { starts: new Set(['']), end: pos + 2 };
    if (e === 'd') return { starts: new Set('0123456789'), end: pos + 2 };
    if ('DsSwW'.includes(e)) return { starts: new Set([ANY]), end: pos + 2 };
    // another letter or digit after "\" is a control character, a code or a back-reference
    if (/[A-Za-z0-9]/.test(e)) return { starts: ANYTHING, end: pos + 2 };
    return { starts: new Set([e]), end: pos + 2 };
  }
  if (c === '[') {
    let i = pos + 1;
    if (p[i] === '^') i++;
    if (p[i] === ']') i++;
    while (i < p.length && p[i] !== ']') i += p[i] === '\\' ? 2 : 1;
    return { starts: new Set([ANY]), end: i + 1 };
  }
  if (c === '.') return { starts: new Set([ANY]), end: pos + 1 };
  if ('*+?{'.includes(c)) return { starts: ANYTHING, end: p.length };
  return { starts: new Set([c === '\u0000' ? ANY : c]), end: pos + 1 };
}

function skipGroup(p: string, pos: number): number {
  let depth = 0;
  for (let i = pos; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '[') {
      i++;
      while (i < p.length && p[i] !== ']') i += p[i] === '\\' ? 2 : 1;
    } else if (p[i] === '(') depth++;
    else if (p[i] === ')' && --depth === 0) return i + 1;
  }
  return p.length;
}

/**
 * Whether a pattern character may match a line character (codes; a line character of 128 or more stands for
 * any outside ASCII): without the u flag the i flag matches an ASCII character only to itself and its other
 * case, and no character outside ASCII to one inside; two outside ASCII are taken as possibly matching.
 */
function mayMatch(pc: string, lc: number, fold: boolean): boolean {
  if (pc === ANY) return true;
  const p = pc.charCodeAt(0);
  if (p >= 128 || lc >= 128) return p >= 128 && lc >= 128;
  if (p === lc) return true;
  return fold && (p | 32) === (lc | 32) && (p | 32) >= 97 && (p | 32) <= 122;
}

/** how a line's first two characters are bucketed: ASCII by code, 128 any other, 129 (second only) none */
const bucket = (c: number) => (c < 128 ? c : 128);
const NONE = 129;

/**
 * A test equal to new RegExp(`^(?:${patterns as alternatives})$`, flags).test: a line is tried only against
 * the patterns that can open a match with its first two characters (worked out once for each pair of
 * buckets met). Exact because the patterns hold no back-references, so that an alternation matches where
 * one of its alternatives does, and a whole-line match of a pattern opens with one of its matchStarts.
 */
export function wholeLineTest(patterns: readonly string[], flags: string): (s: string) => boolean {
  const whole = (ps: readonly string[]) => new RegExp(`^(?:${ps.map((p) => `(?:${p})`).join('|')})$`, flags);
  const all = whole(patterns);
  if (flags.includes('u') || flags.includes('v')) return (s) => all.test(s);
  const fold = flags.includes('i');
  const starts = patterns.map(matchStarts);
  /** the expression for each pair of buckets (null: no pattern can open such a line), built on first use */
  const byPair: (RegExp | null | undefined)[] = new Array(130 * 130).fill(undefined);
  const byList = new Map<string, RegExp | null>();
  const forPair = (b0: number, b1: number): RegExp | null => {
    const ps = patterns.filter((_, k) =>
      [...starts[k]!].some((f) => (b1 === NONE ? f.length === 1 : f.length === 2 && mayMatch(f[1]!, b1, fold)) && mayMatch(f[0]!, b0, fold)),
    );
    const key = ps.join('\u0000');
    if (!byList.has(key)) byList.set(key, ps.length === 0 ? null : ps.length === patterns.length ? all : whole(ps));
    return byList.get(key)!;
  };
  return (s) => {
    if (s.length === 0) return all.test(s);
    const b0 = bucket(s.charCodeAt(0));
    const b1 = s.length > 1 ? bucket(s.charCodeAt(1)) : NONE;
    const key = b0 * 130 + b1;
    let t = byPair[key];
    if (t === undefined) byPair[key] = t = forPair(b0, b1);
    return t !== null && t.test(s);
  };
}
