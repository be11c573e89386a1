/** Bytes → text: encodings, byte order marks, and the inputs that are not text. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ReckonError } from '../../src/core/errors.js';
import { decode } from '../../src/ingest/decode.js';
import { seededRandom } from '../helpers.js';

const RU = 'Паводок в Сосновке: эвакуированы 230 жителей. По данным МЧС, погибли два человека, ещё 17 получили травмы.\n';
const EL = 'Σεισμός στην Κρήτη: 12 νεκροί και 40 τραυματίες, σύμφωνα με την πυροσβεστική.\n';
const EN = 'Flood waters rose overnight and 14 people were rescued from rooftops, the fire service said.\n';

function failure(bytes: Uint8Array): ReckonError {
  try {
    decode(bytes, { subject: 'input.txt' });
  } catch (e) {
    expect(e).toBeInstanceOf(ReckonError);
    return e as ReckonError;
  }
  throw new Error('decode accepted the bytes');
}

describe('decode', () => {
  it('reads plain UTF-8 and drops a UTF-8 byte order mark', () => {
    expect(decode(Buffer.from('Café “Luna” — 5 €', 'utf8'))).toEqual({ text: 'Café “Luna” — 5 €', encoding: 'utf-8' });
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('bom text')]))).toEqual({ text: 'bom text', encoding: 'utf-8' });
  });

  it.each([
    ['utf-16le', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])],
    ['utf-16be', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()])],
  ])('reads %s with a byte order mark, in any script', (encoding, encode) => {
    for (const t of [EN, RU, EL, '北京发生地震，造成12人死亡。\n']) expect(decode(encode(t))).toEqual({ text: t, encoding });
  });

  it.each([
    ['utf-16le', (t: string) => Buffer.from(t, 'utf16le')],
    ['utf-16be', (t: string) => Buffer.from(t, 'utf16le').swap16()],
  ])('reads %s without a byte order mark (Latin, Cyrillic and Greek text)', (encoding, encode) => {
    for (const t of [EN, RU, EL]) expect(decode(encode(t))).toEqual({ text: t, encoding });
  });

  it.each([
    ['windows-1251', RU, ['windows-1251']],
    ['windows-1252', 'Selon la préfecture, la tempête a fait douze blessés légers ; une femme âgée de 83 ans a été hospitalisée. « Nous n’avons jamais vu ça », a déclaré un pêcheur.', ['windows-1252']],
    // Greek letters sit at the same bytes in both; either name reads the text right
    ['windows-1253', EL.repeat(3), ['windows-1253', 'iso-8859-7']],
  ])('recognises legacy %s text', (encoding, text, names) => {
    const d = decode(iconv.encode(text, encoding));
    expect(d.text).toBe(text);
    expect(names).toContain(d.encoding);
    expect(d.warning).toBeUndefined();
  });

  it('uses a declared charset for bytes that are not UTF-8, with WHATWG supersets', () => {
    const bytes = iconv.encode('Café au lait, déjà vu', 'windows-1252');
    expect(decode(bytes, { declared: 'ISO-8859-1' })).toEqual({ text: 'Café au lait, déjà vu', encoding: 'windows-1252' });
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'), iconv.encode('Сегодня в Москве прошёл дождь.', 'windows-1251'), Buffer.from('</p></body></html>')]);
    const d = decode(page, { markup: true });
    expect(d.encoding).toBe('windows-1251');
    expect(d.text).toContain('Сегодня в Москве прошёл дождь.');
  });

  it('prefers valid UTF-8 over a wrong declared charset', () => {
    expect(decode(Buffer.from('Кафе «Ромашка» закрыто', 'utf8'), { declared: 'windows-1251' })).toEqual({ text: 'Кафе «Ромашка» закрыто', encoding: 'utf-8' });
  });

  it('keeps nearly valid UTF-8 as UTF-8 with a warning, broken bytes replaced', () => {
    const text = 'Gəncə şəhərində yaşayış binasında baş verən yanğın nəticəsində 5 nəfər xəsarət alıb.';
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0x20, 0x80, 0xe2, 0x82, 0x20]), Buffer.from('Son.', 'utf8')]);
    const d = decode(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.warning).toMatch(/^3 invalid UTF-8 byte\(s\) replaced/);
    expect(d.text.startsWith(text)).toBe(true);
    expect(d.text).toContain('\uFFFD');
    expect(d.text.endsWith('Son.')).toBe(true);
  });

  it('replaces a stray NUL inside text, keeping the length', () => {
    const t = 'A long enough line of text with one stray NUL byte here:\u0000 and then more text so that it stays under one percent of the bytes.';
    const d = decode(Buffer.from(t, 'utf8'));
    expect(d.text).toHaveLength(t.length);
    expect(d.text).not.toContain('\u0000');
  });

  it('refuses empty input and whitespace, in any encoding', () => {
    expect(failure(Buffer.alloc(0))).toMatchObject({ code: 'EMPTY', message: 'empty file', subject: 'input.txt' });
    for (const b of [Buffer.from(' \n\t\r\n '), Buffer.from('\u00a0\u2003\n', 'utf8'), Buffer.from('\ufeff  \n', 'utf16le'), Buffer.from([0xef, 0xbb, 0xbf])]) {
      expect(failure(b)).toMatchObject({ code: 'EMPTY', message: 'no text (only whitespace)' });
    }
  });

  it('refuses binary data with the share of control bytes as the reason', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(64, 0), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8])]);
    expect(failure(png)).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/^binary data, not text \(\d+% control bytes\)$/) });
    expect(failure(Buffer.alloc(4096, 0))).toMatchObject({ code: 'BAD_INPUT' });
    const rnd = seededRandom(7);
    for (let k = 0; k < 20; k++) {
      const bytes = Buffer.alloc(512 + k * 97);
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rnd() * 256);
      expect(failure(bytes).code).toBe('BAD_INPUT');
    }
  });

  it('one-line error messages name the input', () => {
    const e = failure(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 1]));
    expect(e.oneLine()).toMatch(/^input\.txt: binary data, not text/);
  });
});
