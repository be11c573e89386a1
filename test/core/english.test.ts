import { describe, expect, it } from 'vitest';
import { englishCover, englishWords } from '../../src/core/english.js';

/** the plain reading the scanner must agree with */
function reference(text: string, dictionary: ReadonlySet<string>): { words: number; known: number } {
  const ws = text.match(/[\p{L}'’]+/gu) ?? [];
  return { words: ws.length, known: ws.filter((w) => { const stem = w.split(/['’]/)[0]!; return stem !== '' && dictionary.has(stem.toLowerCase()); }).length };
}

const share = (t: string) => {
  const c = englishCover(t);
  return c.known / c.words;
};

describe('englishCover', () => {
  it('knows common English words, in any case', () => {
    const d = englishWords();
    for (const w of ['the', 'killed', 'people', 'police', 'wounded']) expect(d.has(w)).toBe(true);
    expect(englishCover('THE Police Killed')).toEqual({ words: 3, known: 3 });
  });

  it('reads a word with an apostrophe by its part before it, either apostrophe', () => {
    expect(englishCover("it's the gunman’s car")).toEqual({ words: 4, known: 4 });
    expect(englishCover("'tis")).toEqual({ words: 1, known: 0 });
  });

  it('counts words as runs of letters: digits, hyphens and punctuation end them', () => {
    expect(englishCover('12 people, 3-year-old; wounded.')).toEqual({ words: 4, known: 4 }); // people year old wounded: no digit is a word
    expect(englishCover('')).toEqual({ words: 0, known: 0 });
    expect(englishCover('Düsseldorf İstanbul 𝒜bc')).toEqual(reference('Düsseldorf İstanbul 𝒜bc', englishWords()));
  });

  it('agrees with the regular-expression reading on mixed texts', () => {
    const d = englishWords();
    const parts = ['the', 'Police', "don't", 'Straße', 'İzmir', 'KELVIN', 'K', '’s', ' ', '\u00a0', '\n', '-', '7', 'é', '😀', 'naïve', "o'clock", 'x'];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 2000; k++) {
      let t = '';
      const n = Math.floor(rnd() * 12);
      for (let j = 0; j < n; j++) t += parts[Math.floor(rnd() * parts.length)];
      expect(englishCover(t, d), JSON.stringify(t)).toEqual(reference(t, d));
    }
  });

  it('covers most of a dense English report and little of other languages', () => {
    expect(share('Gunmen killed eight villagers and wounded eleven others in an overnight raid near the border, police said on Sunday.')).toBeGreaterThan(0.9);
    const others = [
      'Hombres armados mataron a ocho aldeanos e hirieron a otros once en un ataque nocturno cerca de la frontera, dijo la policía.',
      'Homens armados mataram oito moradores e feriram outros onze num ataque noturno perto da fronteira, disse a polícia.',
      'Uomini armati hanno ucciso otto abitanti e ferito altri undici in un attacco notturno vicino al confine, ha detto la polizia.',
      'Gewapende mannen hebben acht dorpelingen gedood en elf anderen verwond bij een nachtelijke aanval bij de grens, zei de politie.',
      'Bewaffnete haben bei einem nächtlichen Überfall nahe der Grenze acht Dorfbewohner getötet und elf weitere verletzt, sagte die Polizei.',
      'Bevæbnede mænd dræbte otte landsbyboere og sårede elleve andre i et natligt angreb nær grænsen, sagde politiet.',
      'Orang bersenjata menewaskan delapan warga desa dan melukai sebelas lainnya dalam serangan malam di dekat perbatasan, kata polisi.',
      'Silahlı şəxslər sərhəd yaxınlığında gecə hücumunda səkkiz kəndlini öldürüb, on bir nəfəri yaralayıblar, polis bildirib.',
    ];
    for (const t of others) expect(share(t), t).toBeLessThan(0.5);
  });
});
