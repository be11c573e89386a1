/**
 * Bytes → text. Detects the character encoding (BOM, a declared HTML/XML
 * charset, valid UTF-8, UTF-16 without BOM, legacy single-byte and CJK
 * encodings through chardet) and refuses binary data with a clear reason.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ReckonError } from '../core/errors.js';

export interface Decoded {
  text: string;
  encoding: string;
  /** set when the bytes were not entirely valid in the chosen encoding */
  warning?: string;
}

const SNIFF_BYTES = 64 * 1024;
const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)["']/i;

/** WHATWG maps these labels to a superset that browsers actually use. */
const SUPERSETS: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'latin1': 'windows-1252',
  'us-ascii': 'windows-1252',
  'ascii': 'utf-8',
  'iso-8859-9': 'windows-1254',
  'gb2312': 'gbk',
};

function normaliseLabel(label: string): string {
  const l = label.trim().toLowerCase().replace(/^x-/, '');
  return SUPERSETS[l] ?? l;
}

/** Share of bytes that are control characters other than tab, newline, CR, FF, ESC. */
function controlRatio(bytes: Uint8Array, limit: number): number {
  let ctl = 0;
  const n = Math.min(bytes.length, limit);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) ctl++;
  }
  return n ? ctl / n : 0;
}

/**
 * UTF-16 without a BOM shows as NUL bytes at every other position of ASCII
 * text. Returns the byte order, or null.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), SNIFF_BYTES);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.4 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.4 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM of a non-Latin alphabet (Cyrillic, Greek, Hebrew,
 * Arabic, …) has few NUL bytes, but one byte of each pair takes only a handful
 * of values (the script's block, and 0x00 for spaces and digits) while the
 * other varies, and the decoded text is free of control characters. Only
 * asked when the bytes would otherwise be taken for binary data.
 */
function sniffUtf16Script(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), SNIFF_BYTES);
  const pairs = n / 2;
  if (pairs < 8) return null;
  for (const [order, hi] of [['utf-16le', 1], ['utf-16be', 0]] as const) {
    const hiCounts = new Array<number>(256).fill(0);
    const loCounts = new Array<number>(256).fill(0);
    for (let i = 0; i < n; i += 2) {
      hiCounts[bytes[i + hi]!]!++;
      loCounts[bytes[i + 1 - hi]!]!++;
    }
    const top3 = [...hiCounts].sort((a, b) => b - a).slice(0, 3).reduce((a, b) => a + b, 0);
    const distinctHi = hiCounts.filter((c) => c > 0).length;
    const distinctLo = loCounts.filter((c) => c > 0).length;
    if (top3 / pairs < 0.9 || distinctLo < 2 * distinctHi) continue;
    if (implausibleUnits(bytes, n, hi) / pairs < 0.01) return order;
  }
  return null;
}

/** UTF-16 code units that text does not hold: controls, C1 controls, lone surrogates, non-characters. */
function implausibleUnits(bytes: Uint8Array, n: number, hi: 0 | 1): number {
  let bad = 0;
  for (let i = 0; i < n; i += 2) {
    const u = (bytes[i + hi]! << 8) | bytes[i + 1 - hi]!;
    if ((u < 0x20 && u !== 0x09 && u !== 0x0a && u !== 0x0d && u !== 0x0c) || (u >= 0x7f && u <= 0x9f) || u === 0xfffe || u === 0xffff) bad++;
    else if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 2 < n ? (bytes[i + 2 + hi]! << 8) | bytes[i + 3 - hi]! : -1;
      if (next >= 0xdc00 && next <= 0xdfff) i += 2;
      else if (next !== -1) bad++;
    } else if (u >= 0xdc00 && u <= 0xdfff) bad++;
  }
  return bad;
}

/** Counts valid multi-byte UTF-8 sequences and invalid bytes. */
function utf8Stats(bytes: Uint8Array): { multi: number; invalid: number } {
  let multi = 0;
  let invalid = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      invalid++;
      i++;
      continue;
    }
    let cp = b & (0x3f >> need);
    let ok = true;
    for (let k = 1; k <= need && ok; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      multi++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multi, invalid };
}

export interface DecodeOptions {
  /** a charset declared outside the bytes (HTTP Content-Type) */
  declared?: string | null;
  /** look for <meta charset> / <?xml encoding?> in the first bytes */
  markup?: boolean;
  /** for messages */
  subject?: string;
}

export function decode(input: Uint8Array, options: DecodeOptions = {}): Decoded {
  const bytes = input;
  const subject = options.subject;
  const fail = (code: 'EMPTY' | 'BAD_INPUT', msg: string) =>
    new ReckonError(code, msg, subject === undefined ? {} : { subject });
  if (bytes.length === 0) throw fail('EMPTY', 'empty file');

  // 1. byte order marks
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return finish(iconv.decode(Buffer.from(bytes.subarray(3)), 'utf-8'), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), 'utf-16be');

  // 2. UTF-16 without BOM
  const u16 = sniffUtf16(bytes);
  if (u16) return finish(iconv.decode(Buffer.from(bytes), u16), u16);

  // 3. binary
  const ctl = controlRatio(bytes, SNIFF_BYTES);
  if (ctl > 0.01) {
    const script16 = sniffUtf16Script(bytes);
    if (script16) return finish(iconv.decode(Buffer.from(bytes), script16), script16);
    throw fail('BAD_INPUT', `binary data, not text (${(ctl * 100).toFixed(0)}% control bytes)`);
  }

  // 4. valid UTF-8 (the common case), or nearly valid
  const stats = utf8Stats(bytes);
  if (stats.invalid === 0) return finish(Buffer.from(bytes).toString('utf8'), 'utf-8');

  // 5. a declared charset
  const declared = options.declared ?? (options.markup ? sniffDeclared(bytes) : null);
  if (declared) {
    const label = normaliseLabel(declared);
    if (label !== 'utf-8' && label !== 'utf8' && iconv.encodingExists(label)) return finish(iconv.decode(Buffer.from(bytes), label), label);
  }
  // UTF-8 with a few broken bytes. Legacy text (single-byte or CJK) has far more
  // invalid bytes than byte runs that happen to be valid UTF-8 (none in
  // single-byte text, about 1 per 3 invalid bytes in CJK), so 4 valid
  // sequences per invalid byte is safely UTF-8.
  if (stats.multi > 0 && stats.invalid <= Math.max(2, stats.multi / 4)) {
    return finish(Buffer.from(bytes).toString('utf8'), 'utf-8', `${stats.invalid} invalid UTF-8 byte(s) replaced`);
  }

  // 6. a legacy encoding
  const guesses = chardet.analyse(Buffer.from(bytes.subarray(0, SNIFF_BYTES)));
  for (const g of guesses) {
    const label = normaliseLabel(g.name);
    if (label === 'utf-8' || label.startsWith('utf-16') || label.startsWith('utf-32')) continue;
    if (iconv.encodingExists(label)) return finish(iconv.decode(Buffer.from(bytes), label), label);
  }
  return finish(Buffer.from(bytes).toString('utf8'), 'utf-8', `${stats.invalid} invalid UTF-8 byte(s) replaced; encoding not recognised`);

  function finish(text: string, encoding: string, warning?: string): Decoded {
    if (!/\S/.test(text)) throw fail('EMPTY', 'no text (only whitespace)');
    if (text.includes('\u0000')) {
      // stray NULs in otherwise decodable text: drop them but keep offsets stable by replacing
      text = text.replace(/\u0000/g, '\uFFFD');
    }
    return warning ? { text, encoding, warning } : { text, encoding };
  }
}

function sniffDeclared(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = DECLARED_CHARSET.exec(head);
  return m ? (m[1] ?? m[2] ?? null) : null;
}
