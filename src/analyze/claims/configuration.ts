/**
 * The order of parsers and refiners, and why.
 *
 * Parsers run per sentence, in this order; each count is used by the first
 * parser that claims it:
 *  1. toll — "the death toll rose to 40" is the most specific reading of 40;
 *  2. category nouns that name no person ("seven fatalities", "841 arrests"):
 *     the noun says it all, so no predicate later in the sentence may take them;
 *  3. of-them-fatally — "four of them fatally", before a verb can list it;
 *     among-the — "among the dead were three children": a subgroup, before
 *     "were" can read the count as the subject of what follows;
 *  4. count-then-predicate — "147 people were killed"; it runs before the
 *     verb-first parser so that "82 people were killed and 20 …" reads 20 as
 *     the subject of what follows, not as the object of "killed";
 *  5. verb-then-count — "killing sixteen people and wounding thirty-two",
 *     "cost 147 people their lives";
 *  6. toll again — "bringing the total to 41" takes the category of the
 *     claims the predicate parsers found before it;
 *  7. per-place — "killed 43 people in Kerala and 12 in Karnataka", "…: 50,783 in Turkey and
 *     8,476 in Syria": counts with a place and no predicate after a claim found above;
 *     including — a subgroup of a claim found above;
 *  8. category nouns that name people ("2,000 protesters"), only for counts no
 *     verb claimed (so "five protesters were shot" is a shooting, not a rally);
 *  9. multiple-noun — "a triple homicide" (no number to share with others).
 *
 * Refiners run over the whole report, in this order:
 *  1. relations — total / additional / part of, from the words around each count;
 *  2. shot — people shot become injured (minus those said to have died), once
 *     the relations are known;
 *  3. others — "three others" adds to an earlier count only of the same
 *     category, known once shots have become injured or killed;
 *  4. qualifiers — place, time, condition, attribution, subject (last, so that
 *     it sees the final set of claims in each sentence).
 */
import { afterParser } from './parsers/after.js';
import { amongParser } from './parsers/among.js';
import { beforeParser } from './parsers/before.js';
import { fatallyParser } from './parsers/fatally.js';
import { includingParser } from './parsers/including.js';
import { multiplesParser } from './parsers/multiples.js';
import { nounParser, strictNounParser } from './parsers/noun.js';
import { perPlaceParser } from './parsers/perplace.js';
import { tollParser } from './parsers/toll.js';
import { upFromParser } from './parsers/upfrom.js';
import { fateParser } from './parsers/fate.js';
import { qualifiersRefiner } from './refiners/qualifiers.js';
import { othersRefiner, relationsRefiner } from './refiners/relations.js';
import { shotRefiner } from './refiners/shot.js';
import type { Parser, Refiner } from './types.js';

export const PARSERS: Parser[] = [tollParser, strictNounParser, fatallyParser, amongParser, afterParser, beforeParser, tollParser, perPlaceParser, includingParser, nounParser, multiplesParser, upFromParser, fateParser];
export const REFINERS: Refiner[] = [relationsRefiner, shotRefiner, othersRefiner, qualifiersRefiner];
