/**
 * Plain text (and Markdown, once turned into lines): removes page furniture
 * that scrapers leave behind ("Share:", "3 min", "Related News", photo
 * credits), reads the header (outlet line, title, a "date …" label, a
 * dateline) and builds the main text with a map back to the original.
 */
import FURNITURE from './furniture.json' with { type: 'json' };
import { minOf } from '../core/collections.js';
import { TextBuilder, type Segment } from '../core/offsets.js';
import { MONTHS, MONTH_PATTERN, isoDate, parseDateString, validDate } from '../core/dates.js';
import { dropPrefix, type Line } from './lines.js';
import { wholeLineTest } from './firstchar.js';

// each list is one alternation, so that a line is read once per list, not once per pattern (the patterns hold
// no back-references, so an alternation matches exactly where one of them does); a whole-line list is tried
// only with the patterns the line's first two characters can open (see wholeLineTest: the furniture list
// 87–146 ns → 29–61 ns a line on "The …", "Religious …" and "Advertisement")
const anyOf = (ps: string[]) => ps.map((p) => `(?:${p})`).join('|');
const FURNITURE_LINE = wholeLineTest(FURNITURE.line, 'i');
const TAIL_MARKER = wholeLineTest(FURNITURE.tailMarkers, 'i');
const CREDIT_END = new RegExp(`(?:^|[.!?]\\s+|\\s[-–—|/]\\s*|\\s)\\(?(?:${anyOf(FURNITURE.credit)})\\)?$`, 'i');

const LABEL_DATE = /^(?:date|published|posted|updated|published on|posted on|dated?)\s*:?\s*(\d{4}-\d{2}-\d{2}(?:[T ][\d:.+Z-]+)?|\d{1,2}[./]\d{1,2}[./]\d{4}|(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}))\b[\s,|:–—-]*/i;
const DATE_LINE = new RegExp(
  `^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?(?:\\d{4}-\\d{2}-\\d{2}|(?:${MONTH_PATTERN})\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+(?:${MONTH_PATTERN})\\.?,?\\s+\\d{4}|\\d{1,2}([./-])\\d{1,2}\\1\\d{4})(?:[,\\s|–—-]+(?:\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?|[0-2]\\d[0-5]\\d\\s*(?:GMT|UTC|Z)))?$`,
  'i',
);
/** "BAKU, Azerbaijan, January 20." / "LONDON, Jan. 5 (Reuters) -" / "ZÜRICH, March 3 -" (capitals of any script) */
const DATELINE = new RegExp(
  `^(\\p{Lu}[\\p{Lu}'.-]+(?:[ -]\\p{Lu}[\\p{Lu}'.-]+){0,3})\\s*,\\s*(?:(\\p{Lu}[\\p{L}'.-]+(?:\\s\\p{Lu}[\\p{L}'.-]+){0,2})\\s*,\\s*)?(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\s*(?:\\(([^)]{2,40})\\))?\\s*[.:—–-]+\\s*`,
  'u',
);
/**
 * A dateline whose place is written in title case, "Kinshasa, March 6, 2025 (Agency) -": only with the year
 * and the dash, which a sentence that opens with a name and a date ("Smith, March 6 was …") does not have.
 * The groups are DATELINE's.
 */
const DATELINE_TITLE = new RegExp(
  `^(\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){0,2})\\s*,\\s*(?:(\\p{Lu}[\\p{L}'.-]+(?:\\s\\p{Lu}[\\p{L}'.-]+){0,2})\\s*,\\s*)?(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\s*(?:\\(([^)]{2,40})\\))?\\s*[—–-]+\\s*`,
  'u',
);
/**
 * DATELINE.exec(s), or DATELINE_TITLE's when the second character is an ASCII small letter ("Clashes between…",
 * most ledes, which it turns away at their first word without a comma): a DATELINE match starts with \p{Lu} and a
 * second code point of [\p{Lu}'.-], or with an astral capital whose second half sits there, neither of them a-z
 * (the exec was 1.6% of prepareRecord).
 */
function datelineOf(s: string): RegExpExecArray | null {
  const c = s.charCodeAt(1);
  if (c >= 97 && c <= 122) {
    const m = DATELINE_TITLE.exec(s);
    // (not a weekday or a month before the date: "Monday, March 6, 2025 -" is a date line)
    return m && !WEEKDAY_OR_MONTH.test(m[1]!) ? m : null;
  }
  const m = DATELINE.exec(s);
  if (m || !DATELINE_DAY_FIRST_NEEDS.test(s)) return m;
  // "GA-RANKUWA, South Africa, 20 August 2012 -": read into DATELINE's groups (place, region, month, day, year, agency)
  const d = DATELINE_DAY_FIRST.exec(s);
  if (!d) return null;
  const r = [d[0], d[1], d[2], d[4], d[3], d[5], d[6]] as unknown as RegExpExecArray;
  r.index = d.index;
  r.input = s;
  return r;
}
/** a dateline with the day before the month and the year, in capitals: "GA-RANKUWA, South Africa, 20 August 2012 -" */
const DATELINE_DAY_FIRST = new RegExp(
  `^(\\p{Lu}[\\p{Lu}'.-]+(?:[ -]\\p{Lu}[\\p{Lu}'.-]+){0,3})\\s*,\\s*(?:(\\p{Lu}[\\p{L}'.-]+(?:\\s\\p{Lu}[\\p{L}'.-]+){0,2})\\s*,\\s*)?(\\d{1,2})\\s+(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})\\s*(?:\\(([^)]{2,40})\\))?\\s*[.:—–-]+\\s*`,
  'u',
);
/** what every DATELINE_DAY_FIRST match holds: a comma, a day and a space before the month */
const DATELINE_DAY_FIRST_NEEDS = /,\s*\d{1,2}\s+\p{Lu}/u;
const WEEKDAY_OR_MONTH = new RegExp(`^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|${MONTH_PATTERN})$`, 'i');
/** ", Trend reports." / "…, the agency reported." at the end of a sentence of the lede */
const REPORTS = /(?:^|[,.;]\s+|\s[—–-]\s+)((?:[A-Z][\w&'.-]*|of|the|for|and)(?:\s+(?:[A-Z][\w&'.-]*|of|the|for|and)){0,4})\s+(?:news agency\s+)?(?:reports|reported|informs|writes|wrote)\s*[.:]/;
/** the end of every REPORTS match: a lede without it is not searched for the name before it (2× faster on ledes) */
const REPORTS_VERB = /(?:reports|reported|informs|writes|wrote)\s*[.:]/;
/** "(AP) —" or "(Reuters) -" near the start */
const WIRE = /^[^()\n]{0,80}\(([A-Z][\w&. -]{1,30})\)\s*[—–-]/;
const ORG_HEAD = /\b(center|centre|agency|news|press|times|post|service|network|tv|radio|herald|journal|gazette|daily|tribune|media|report|review|magazine|observer|telegraph|guardian|information|online|portal|bureau|office|ministry|broadcasting|channel|today|world|wire|weekly|chronicle|inquirer|independent|express|mail|star|sun)\b/i;
const ANNIVERSARY = /\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\b/i;
const ANNIVERSARY_WORD = /anniversary/i;
const YEAR = /\b(1[5-9]\d\d|20\d\d)\b/g;
/** "By Jane Doe", "By Staff Reporter | Global Wire | March 14, 2025", "By Jane Doe and John Roe, Reuters" */
const BYLINE = /^by\s+\p{Lu}[\p{L}'.-]*(?:\s+[\p{L}'.-]+){0,4}(?:\s*(?:[|·•,—–-]|\band\b)\s*[^.!?]{0,80})?$/iu;
/**
 * A line LABEL_DATE may open: one starting with d, p or u. Without the u flag the i flag lets an ASCII letter
 * match only itself and its other case (no character outside ASCII folds onto one), so this is exact.
 */
const mayBeLabel = (s: string) => {
  const c = s.charCodeAt(0) | 32;
  return c === 100 || c === 112 || c === 117;
};
/** a byline that names the paper's own reporter, in English or a translated page's language: "Door onze verslaggever Maartje de Wolff", "dal nostro corrispondente Matteo Zanin, Londra", "From our correspondent in Delhi" */
const CORRESPONDENT = /^(?:by|from|door|von|par|por|de|di|dal|da)\s+(?:(?:our|onze|unserem|unserer|notre|nuestro|nuestra|nostro|nostra|il nostro|la nostra)\s+)?(?:own\s+|eigen\s+|special\s+)?(?:verslaggever|correspondent|correspondente|korrespondent(?:in|en)?|correspondant|corresponsal|corrispondente|reporter|redacteur|redakteur|envoyé spécial|enviado especial|inviato)\b[^.!?]{0,80}$/iu;
/**
 * A line BYLINE may match: one starting with "by" in either case. Under the u and i flags a letter matches
 * the characters of its case folding: for b and y only B and Y (ſ and the Kelvin sign fold onto s and k).
 */
const mayBeByline = (s: string) => (s.charCodeAt(0) | 32) === 98 && (s.charCodeAt(1) | 32) === 121;
/** how many lines at the top may hold header metadata (date labels, date lines) */
const HEADER_LINES = 10;
/** a label of a page's own dates, anywhere in a short header line: "Staff Reporter | Published at 10:15 am April 24th, 2023" */
const DATE_LABEL = /\b(?:(first )?published|posted|filed|(?:last )?updated|(?:last )?modified|publicado|publié|veröffentlicht|stand|actualizado|aktualisiert|mis à jour|pubblicato|aggiornato|gepubliceerd|bijgewerkt)(?![A-Za-z])|掲載日|公開日|配信日|発行日|更新日|发布时间|發佈時間|发布日期|更新时间|입력|수정|발행/i;
const PUBLISHED_LABEL = /^(?:(?:first )?(?:published|posted|filed|publicado|publié|veröffentlicht|stand|pubblicato|gepubliceerd)|掲載日|公開日|配信日|発行日|发布时间|發佈時間|发布日期|입력|발행)$/i;
/** a date with its year, as header lines write it ("April 24th, 2023", "24 April 2013", "2013-05-14", "14.05.2013") */
const DATE_IN = new RegExp(
  `\\b(?:\\d{4}-\\d{2}-\\d{2}|(?:${MONTH_PATTERN})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_PATTERN})\\.?,?\\s+\\d{4}|\\d{1,2}([./-])\\d{1,2}\\1\\d{4})\\b|\\b\\d{4}\\s*[年년]\\s*\\d{1,2}\\s*[月월]\\s*\\d{1,2}\\s*[日일]`,
  'i',
);

/**
 * A header line that holds a page's date after its label, and little else: "Published 24 April 2013 | 19:40
 * GMT", "Updated: 01.09.2024 | 14:05", "Staff Reporter | Published at 10:15 am April 24th, 2023 | Last updated at
 * 01:40 pm April 24th, 2023". The date is the first after a label; `published` says whether that label was one
 * of publishing (not of an update).
 */
export function headerDate(s: string): { date: string; published: boolean } | null {
  const label = DATE_LABEL.exec(s);
  if (!label || s.length > 200 || /[.!?]["'”’»)]?$/.test(s) && !/\b(?:am|pm|a\.m\.|p\.m\.)$/i.test(s)) return null;
  const d = DATE_IN.exec(s.slice(label.index));
  if (!d) return null;
  // (every word between the label and its date is a time or a joining word: "at 10:15 am", "on")
  const between = s.slice(label.index + label[0].length, label.index + d.index);
  if (!/^[\s:：,|–—-]*(?:(?:at|on|el|le|il|op|em|am|in (?:the|this) (?:issue|edition) of)\s+)?(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:gmt|utc|bst|cet|cest|eet|est|edt|cst|cdt|pst|pdt|ist|msk|jst|kst|hkt|aest|sast)\b)?[\s,|]*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*)?$/i.test(between)) return null;
  const date = parseDateString(d[0].replace(/(\d)(?:st|nd|rd|th)\b/i, '$1'));
  return date ? { date, published: PUBLISHED_LABEL.test(label[0]) } : null;
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
const words = (s: string) => s.split(/\s+/).filter(Boolean);
/** words(s).length, without making the words; counting stops at `max` (the callers ask "at least N?") */
function wordCount(s: string, max = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord && ++n >= max) return n;
    inWord = !space;
  }
  return n;
}
/** \s of a regular expression */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const endsSentence = (s: string) => /[.!?…"'”’»)]$/.test(s);
const isFurniture = (s: string) => FURNITURE_LINE(s) || DATE_LINE.test(s) || isMenu(s) || isRights(s) || isNotice(s) || isFieldRow(s);

/** the phrases of furniture.json's contains, any of them (a pattern of words: no wildcard to try at every character) */
const NOTICE = new RegExp(FURNITURE.contains.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
/**
 * A short line of the site's notices, wherever its words stand: "Text has been produced by optical character
 * recognition and may contain errors.", "GlobalBrief is funded by its readers. Support our journalism".
 */
const isNotice = (s: string) => s.length <= 240 && NOTICE.test(s);

const RIGHTS = /©|\ball rights reserved\b|\bhyperlink\b[^.]{0,80}\bmaterials?\b|\bmaterials?\b[^.]{0,80}\bhyperlink\b|\breproduction (?:is )?prohibited\b/i;
/**
 * A short line of the site's rights, wherever its words stand: "Caravan News © 2016–2023. Use of materials
 * requires a hyperlink.", "All rights reserved. When using materials, a hyperlink to … is required."
 */
const isRights = (s: string) => s.length <= 300 && RIGHTS.test(s);

/** what separates the items of a menu or a row of buttons: "Home | World | Asia", "Home / Labour", "Share   Tweet" */
const MENU_SEPARATOR = /\s*[|>»›→·•]\s*|\s+\/\s+|\s{2,}/;
const MENU_SEPARATOR_CHAR = /[|>»›→·•/]|\s\s/;
/** an item of a menu: one to four words, no sentence's end, no bare figure but a year (a table's row is no menu; "Archive > 1984 > December" is one) */
const MENU_ITEM = /^(?!\d[\d,.]*$)[^.!?;,]{1,32}$|^(?:1[89]|20)\d\d$/;

/**
 * A line of three or more short items between separators: a site's menu ("Home | World | Africa | Business"),
 * a path ("Home / Bangladesh / Labour"), a row of buttons ("Share   Tweet   WhatsApp   Email").
 */
function isMenu(s: string): boolean {
  if (s.length > 160 || !MENU_SEPARATOR_CHAR.test(s)) return false;
  const items = s.split(MENU_SEPARATOR).filter((x) => x.length > 0);
  // (an item may be a longer button of its own: "Donate | Become a member | Follow us on Facebook and Twitter")
  if (items.length < 2 || !items.every((x) => (MENU_ITEM.test(x) && wordCount(x, 5) <= 4) || (x.length <= 60 && FURNITURE_LINE(x)))) return false;
  // (a row of counts is a table's, no menu: "Killed: 12 | Injured: 40 | Missing: 3")
  if (items.filter((x) => COUNT_CELL.test(x)).length >= 2) return false;
  // (two items are a menu when one of them is furniture: "Bhopal | 4 min read", "Print | Share")
  return items.length >= 3 || items.some((x) => FURNITURE_LINE(x));
}
/** a table's cell of a label and a count: "Killed: 12", "Injured: 1,040" */
const COUNT_CELL = /^[\p{L} ]{1,30}:\s*\d[\d,.]*$/u;
/** a numbered list's number opening a line ("1. Opposition sweeps …"): no sentence's end */
const LIST_NUMBER = /^\d{1,2}[.)]\s+/;
/** every credit pattern holds one of these words (furniture.json says so): most lines are ruled out by this test alone */
const CREDIT_WORD = new RegExp(FURNITURE.creditWords.join('|'), 'i');
const isCredit = (s: string) => CREDIT_WORD.test(s) && wordCount(s, 31) <= 30 && CREDIT_END.test(s);
/** (a marker may end with a colon: "Read more:", "Read also:") */
const isTailMarker = (s: string) => TAIL_MARKER(s.endsWith(':') ? s.slice(0, -1).trimEnd() : s);

/** A body line: a real sentence or more (exported for its test). */
export function isBody(s: string): boolean {
  // (n >= 12 && ends a sentence) || n >= 40 || (n >= 8 && holds a sentence break), n = the words up to 40:
  // counted to 12 first, as most lines are decided there (a lede ends a sentence), and on to 40 only when needed
  const n = wordCount(s, 12);
  if (n < 8) return false;
  // (one question of fewer than 20 words is a title or a heading, not a paragraph of the report: "What happened at
  // the square in 1989, and how many people died?")
  if (s.charCodeAt(s.length - 1) === 63 && wordCount(s, 20) < 20 && !/[.!?]\s/.test(s)) return false;
  if (n >= 12 && (/[.!?…]["'”’»)]?$/.test(s) || wordCount(s, 40) >= 40)) return true;
  return /[.!?]\s+[A-Z]/.test(LIST_NUMBER.test(s) ? s.replace(LIST_NUMBER, '') : s);
}

/** A short line written like a name: "Operative Information Center". */
function isNameLike(s: string): boolean {
  const w = words(s);
  // (a number may end a name: "France 24", "Bangla Wire 24", "News24"; elsewhere it is a date or a count)
  if (w.length === 0 || w.length > 6 || /\d/.test(s.replace(/\d{1,3}$/, '')) || /[.!?:;,]$/.test(s)) return false;
  const capitalised = w.filter((x) => /^[A-Z\u00C0-\u024F]/.test(x)).length;
  if (capitalised < Math.ceil(w.length * 0.6)) return false;
  return w.length <= 3 || ORG_HEAD.test(s);
}

/**
 * A line that may be a site's masthead: up to eight words, each capitalised (or of a script without capitals, "北海新報")
 * but for a joining word, no figure.
 */
function isMasthead(s: string): boolean {
  // (an acronym in brackets after the name counts as no word: "Network for the Rights of Chemical Weapons Victims (NRCWV)")
  const w = words(mastheadName(s).replace(/\s*\([\p{Lu}\p{N}&.-]{2,10}\)$/u, ''));
  return w.length > 0 && w.length <= 8 && !/\d/.test(s) && !/[.!?:;,]$/.test(s) && w.every((x) => /^[\p{Lu}\p{N}\p{Lo}]/u.test(x) || MASTHEAD_JOINS.has(x));
}
/**
 * The outlet's name in a masthead: without an edition's name ("Hanseatische Allgemeine - English Edition") and
 * without the acronym before it ("GLPA - Gulf & Levant Press Agency" → "Gulf & Levant Press Agency").
 */
function mastheadName(s: string): string {
  const name = s.replace(EDITION, '');
  const m = /^([\p{Lu}&]{2,8})\s+[-–—|]\s+(.+)$/u.exec(name);
  return m && initialsOf(m[2]!).startsWith(m[1]!.replace(/&/g, '')) ? m[2]! : name;
}
/** the capitals of a name's capitalised words: "Gulf & Levant Press Agency" → "GLPA" */
const initialsOf = (s: string) => words(s).filter((x) => /^\p{Lu}/u.test(x)).map((x) => x[0]).join('');
const MASTHEAD_JOINS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', 'to', 'on', 'in', 'at', 'a', 'de', 'del', 'della', 'delle', 'dei', 'di', 'la', 'le', 'il', 'lo', 'el', 'los', 'las', 'du', 'des', 'et', 'y', 'e', 'der', 'die', 'das', 'und', 'van', 'von', 'het', 'en', '&', '-', '–', '—', '|']);
/** an edition's name after a site's: "Hanseatische Allgemeine - English Edition" */
const EDITION = /\s+[-–—|]\s+(?:english|international|online|digital|global|web|us|uk|asia|europe)(?:\s+edition)?$/i;

/**
 * The day of a header line of short items one of which is a date: "Press release and report summary | 1 December
 * 2014", "World · 3 March 2021 · 4 min read".
 */
function itemDate(s: string): string | null {
  if (s.length > 120 || !/[|·•]/.test(s)) return null;
  const items = s.split(/\s*[|·•]\s*/).filter((x) => x.length > 0);
  const day = items.find((x) => DATE_LINE.test(x));
  if (!day || !items.every((x) => x === day || (wordCount(x, 7) <= 6 && !endsSentence(x)))) return null;
  return parseDateString(day);
}

/** a section's name above a title: "Society", "REGION", "World | Europe" */
function isSection(s: string): boolean {
  if (wordCount(s, 3) <= 2) return !/[.!?:]$/.test(s) && !/\d/.test(s);
  const items = s.split(MENU_SEPARATOR);
  return items.length === 2 && s.length <= 60 && items.every((x) => MENU_ITEM.test(x) && wordCount(x, 3) <= 2);
}

function isTitleLike(s: string): boolean {
  const n = wordCount(s, 26);
  return n >= 2 && n <= 25 && !/[.;,:]$/.test(s) && !datelineOf(s) && !isFieldRow(s);
}

/** a field of a document's record: "Index: ADW 25/011/81", "Ref. no: 44/2019" (a label, and a code) */
const FIELD = /^[\p{L} .]{1,24}:\s*[\p{L}\d][\p{L}\d ./-]{0,30}$/u;
/** a code: letters and digits together, or digits joined by a slash or a dot ("ADW 25/011/81"; not a count, "Killed: 41") */
const CODE = /\d[./]\d|\p{Lu}\s?\d|\d\p{Lu}/u;
/**
 * A row of a document's record fields, between separators: "External document | Index: ADW 25/011/81". No title,
 * and furniture: a table's row of figures ("Killed: 41 | Injured: 400") holds no code.
 */
function isFieldRow(s: string): boolean {
  if (!s.includes('|') || s.length > 120) return false;
  return s.split(MENU_SEPARATOR).some((x) => FIELD.test(x) && CODE.test(x));
}

export interface PlainArticle {
  text: string;
  segments: Segment[];
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** a place named in a dateline ("BAKU") */
  dateline: string | null;
}

export interface PlainOptions {
  /** the text the lines' offsets point into, when there is one */
  source?: string;
  /** metadata known from elsewhere; a given title is not looked for in the text */
  title?: string | null;
  published?: string | null;
}

/** Cleans lines of plain text into the main text and header metadata. */
export function cleanPlainLines(input: Line[], options: PlainOptions = {}): PlainArticle {
  const lines = input.filter((l) => l.text.length > 0);
  let published: string | null = null;
  let labelYear: number | null = null;
  // isBody of lines[i], worked out once (0 not yet, 1 no, 2 yes): the header loops below all stop at the first
  // body line, so without it the header lines and the lede were counted two or three times each.
  // Step 1 replaces or removes lines[i] only for the label line, which it never asks about, and it stops
  // there, before any later line: every slot it has filled keeps pointing at the same line.
  const bodyMemo = new Int8Array(lines.length);
  const bodyAt = (i: number): boolean => {
    let b = bodyMemo[i]!;
    if (b === 0) bodyMemo[i] = b = isBody(lines[i]!.text) ? 2 : 1;
    return b === 2;
  };

  // 1. a "date 2024-01-20" / "Published: 12 March 2021" label in the header (the first
  //    lines, before any body line), opening a line or standing on its own
  for (let i = 0; i < Math.min(lines.length, HEADER_LINES); i++) {
    const line = lines[i]!;
    // (a line that is only a page's dates is read, and dropped, with the header's other date lines below)
    if (headerDate(line.text)) continue;
    const m = mayBeLabel(line.text) ? LABEL_DATE.exec(line.text) : null;
    // a label may open a body line (" date 2026-01-20 BAKU, Azerbaijan, January 20. …"); past the first body line, none
    if (!m) {
      if (bodyAt(i)) break;
      continue;
    }
    const date = parseDateString(m[1]);
    if (!date) continue;
    published = date;
    labelYear = +date.slice(0, 4);
    const rest = dropPrefix(line, m[0].length);
    // (lines is this function's own copy: the filter above made it)
    if (rest.text) lines[i] = rest;
    else lines.splice(i, 1);
    break;
  }

  // 2. furniture and captions anywhere; a tail of furniture after a marker
  const keep = lines.map((l) => !isFurniture(l.text) && !isCredit(l.text));
  for (let i = 0; i < lines.length; i++) {
    if (!isTailMarker(lines[i]!.text)) continue;
    // what follows a marker is furniture when it holds no body line (copyright lines and the like are furniture already)
    // (keep[] still says which lines are no furniture or caption: it changes only when this loop ends)
    let restIsTail = true;
    for (let k = i + 1; k < lines.length && restIsTail; k++) restIsTail = !keep[k] || (!bodyAt(k) && wordCount(lines[k]!.text, 21) <= 20);
    if (restIsTail) {
      for (let j = i; j < lines.length; j++) keep[j] = false;
      break;
    }
  }
  // a standalone date line in the header (before the first body line) is metadata; so is a byline
  // ("By Staff Reporter | Global Wire | March 14, 2025"), which is no sentence of the report
  /** the date of an "Updated …" line, for a page that gives no other */
  let updated: string | null = null;
  let itemDay: string | null = null;
  /** body lines met in the header: a standfirst under the title ("Among the victims were two young architects …") */
  let bodyLines = 0;
  for (let i = 0; i < Math.min(lines.length, HEADER_LINES); i++) {
    const t = lines[i]!.text;
    // (a line of furniture above the title is no body line: "This article was translated from German. Read the original")
    // the labelled date under a standfirst still dates the page; the body proper begins at a second body line
    if (keep[i] && bodyAt(i)) {
      if (++bodyLines > 1) break;
      continue;
    }
    const h = headerDate(t);
    if (h) {
      keep[i] = false;
      if (h.published) published ??= h.date;
      else updated ??= h.date;
    } else if (!published && DATE_LINE.test(t)) published = parseDateString(t);
    else if (!published && (itemDay = itemDate(t))) {
      keep[i] = false;
      published = itemDay;
    }
    else if ((mayBeByline(t) && BYLINE.test(t)) || (t.length <= 120 && CORRESPONDENT.test(t))) {
      keep[i] = false;
      published ??= parseDateString(t);
    }
  }

  published ??= updated;
  if (published && labelYear === null) labelYear = +published.slice(0, 4);

  // 3. the header: lines before the first body line
  const kept: Line[] = [];
  /** the index in lines of each kept line */
  const keptAt: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!keep[i]) continue;
    kept.push(lines[i]!);
    keptAt.push(i);
  }
  const header: number[] = [];
  for (let i = 0; i < kept.length && header.length < 8; i++) {
    if (bodyAt(keptAt[i]!)) break;
    header.push(i);
  }
  let outlet: string | null = null;
  let title: string | null = null;
  const drop = new Set<number>();
  /** the first header line from position k on that is no section's name, if it is title-like; else -1 */
  const titleFrom = (k: number): number => {
    while (k < header.length && isSection(kept[header[k]!]!.text)) k++;
    return k < header.length && isTitleLike(kept[header[k]!]!.text) ? k : -1;
  };
  // the outlet's name on the first line, then maybe a section's ("Society", "World | Europe"), then the title;
  // a name over the site's menu is its masthead ("EL HERALDO DEL SUR" over "Inicio | Internacional | Asia")
  if (header.length >= 2 && titleFrom(1) > 0) {
    const h0 = kept[header[0]!]!.text;
    const at = keptAt[header[0]!]!;
    const overMenu = at + 1 < lines.length && !keep[at + 1] && isMenu(lines[at + 1]!.text) && isMasthead(h0);
    if (overMenu || isNameLike(h0)) {
      outlet = overMenu ? mastheadName(h0) : h0;
      drop.add(header[0]!);
    }
  }
  if (!options.title) {
    const first = header.findIndex((i) => !drop.has(i));
    const k = first >= 0 ? titleFrom(first) : -1;
    if (k >= 0) {
      title = kept[header[k]!]!.text;
      // (the sections' names above it go with it)
      for (let j = first; j <= k; j++) drop.add(header[j]!);
      // the outlet's name right under the title ("Commonwealth Press Wire"), fuller than a wire's credit ("(CPW)")
      const next = header[k + 1];
      if (!outlet && next !== undefined && isNameLike(kept[next]!.text) && ORG_HEAD.test(kept[next]!.text)) {
        outlet = kept[next]!.text;
        drop.add(next);
      }
    }
  }
  // a title given by the container (front matter, JSON, feed) repeated as the first line
  if (options.title) {
    const first = header.find((i) => !drop.has(i));
    if (first !== undefined && sameText(kept[first]!.text, options.title)) drop.add(first);
  }
  let body = kept.filter((_, i) => !drop.has(i));
  if (!body.length && kept.length) {
    // a text that is only a header line is its own body
    body = kept;
    title = null;
    outlet = null;
  }

  // 4. a dateline and an outlet named in the lede
  let dateline: string | null = null;
  // the lede: the first body line (a short line left above it, such as a subtitle, does not hide it)
  let dl: RegExpExecArray | null = null;
  for (let i = 0; i < Math.min(body.length, 3) && !dl; i++) dl = datelineOf(body[i]!.text);
  if (dl) {
    dateline = dl[1]!;
    const month = MONTHS[dl[3]!.toLowerCase()]!;
    const day = +dl[4]!;
    const year = dl[5] ? +dl[5] : labelYear ?? (options.published ? +options.published.slice(0, 4) : yearFromAnniversary(input, month, day));
    if (!published && year && validDate(year, month, day)) published = isoDate(year, month, day);
    if (dl[6] && !outlet) outlet = dl[6].trim();
  }
  if (!outlet) {
    const lede = body.slice(0, 2).map((l) => l.text).join(' ');
    // a WIRE match opens with the lede's first "(" at index 80 at most ([^()\n]{0,80} before it)
    const paren = lede.indexOf('(');
    const w = paren >= 0 && paren <= 80 ? WIRE.exec(lede) : null;
    // the costlier "…, the agency reported" reading only when no wire credit names the outlet
    const r = w || !REPORTS_VERB.test(lede) ? null : REPORTS.exec(lede);
    if (w) outlet = w[1]!.trim();
    else if (r && !/^(the|it|he|she|they|we|media|sources?|officials?)$/i.test(r[1]!)) outlet = r[1]!.replace(/^(?:the)\s+/i, '').trim();
  }

  // 5. the main text: lines joined by newlines, blocks by blank lines
  const b = new TextBuilder();
  let prevEnd = -1;
  for (const l of body) {
    if (b.length) {
      const sep = l.blankBefore ? '\n\n' : '\n';
      const first = l.pieces[0];
      // a separator that is the original's own text keeps one segment running (long texts of short lines stay small)
      if (options.source !== undefined && first && first.start - prevEnd === sep.length && options.source.startsWith(sep, prevEnd)) b.append(sep, prevEnd, first.start);
      else b.appendSynthetic(sep);
    }
    for (const p of l.pieces) b.append(p.text, p.start, p.end);
    prevEnd = l.pieces[l.pieces.length - 1]?.end ?? prevEnd;
  }
  const { text, map } = b.build();
  return { text, segments: [...map.segments], title, outlet, published, dateline };
}

/**
 * "the 36th anniversary of …" with the event's year named in the text gives
 * the year of writing (event year + N), when the date line's day is the
 * anniversary's day.
 */
function yearFromAnniversary(lines: Line[], month: number, day: number): number | null {
  // a match holds "anniversary" (the same i flag), which holds no line break: with no line holding it there
  // is none, and the lines are not joined (a test a line took 0.5× the time of the join and ANNIVERSARY)
  if (!lines.some((l) => ANNIVERSARY_WORD.test(l.text))) return null;
  const all = lines.map((l) => l.text).join('\n');
  const a = ANNIVERSARY.exec(all);
  if (!a) return null;
  const eventYear = minOf(all.matchAll(YEAR), (m) => +m[1]!);
  if (eventYear === Infinity) return null;
  const monthDay = new RegExp(`\\b(${Object.keys(MONTHS).filter((k) => MONTHS[k] === month).join('|')})\\.?\\s+${day}\\b|\\b${day}\\s+(${Object.keys(MONTHS).filter((k) => MONTHS[k] === month).join('|')})\\b`, 'i');
  return monthDay.test(all) ? eventYear + +a[1]! : null;
}
