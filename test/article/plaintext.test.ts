/**
 * Plain-text cleaning: page furniture goes, every sentence of the report
 * stays, and the header (outlet, title, date label, dateline, "X reports.")
 * becomes metadata. The texts are made up for these tests.
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/article/lines.js';
import { cleanPlainLines, isBody, type PlainOptions } from '../../src/article/plaintext.js';
import FURNITURE from '../../src/article/furniture.json' with { type: 'json' };
import { offsetProblems, seededRandom } from '../helpers.js';

function clean(original: string, options: PlainOptions = {}) {
  const r = cleanPlainLines(splitLines(original), options);
  expect(offsetProblems({ source: 'test', original, text: r.text, segments: r.segments })).toEqual([]);
  return r;
}

const BODY = [
  'Heavy rain caused the Vardar to burst its banks early on Tuesday, flooding the lower districts of the town, the civil protection office said.',
  'Rescue teams evacuated 312 residents by boat; 9 people were treated for hypothermia and one fisherman is still missing.',
  '"We have not seen water this high since 1979," said Elena Markova, who runs a bakery near the old bridge.',
  'The regional government has asked the army for two more helicopters and promised to pay for temporary housing.',
];

describe('furniture', () => {
  const original = [
    'Share:',
    '3 min',
    '',
    BODY[0],
    '',
    'Photo: Ivan Petrov',
    'Rescuers carry an elderly woman to a boat. Photo: Civil Protection Office',
    '',
    BODY[1],
    'Advertisement',
    BODY[2],
    '',
    'Tags: floods, Vardar, weather',
    'Share this article',
    BODY[3],
    '',
    'Related News',
    'River levels fall across the north',
    'Mayor thanks volunteers after storm',
    'Search in archive',
    '© 2024 Valley Press. All rights reserved.',
  ].join('\n');

  it('removes share buttons, reading times, captions, ads, tags, related links and search boxes', () => {
    const r = clean(original);
    for (const f of ['Share:', '3 min', 'Photo:', 'Rescuers carry an elderly woman', 'Advertisement', 'Tags:', 'Share this article', 'Related News', 'River levels fall', 'Mayor thanks volunteers', 'Search in archive', '©']) {
      expect(r.text, f).not.toContain(f);
    }
  });

  it('holds a credit word in every credit pattern (lines without one are not tried against them)', () => {
    const words = new RegExp(FURNITURE.creditWords.join('|'), 'i');
    // each alternative of a pattern's leading group names the credit: every one must hold a credit word
    for (const p of FURNITURE.credit) {
      const alts: string[] = [];
      let depth = 0;
      let cur = '';
      for (let i = 1; i < p.length; i++) {
        const c = p[i]!;
        if (c === '(' ) depth++;
        if (c === ')' && depth-- === 0) break;
        if (c === '|' && depth === 0) {
          alts.push(cur);
          cur = '';
        } else cur += c;
      }
      alts.push(cur);
      expect(alts.length, p).toBeGreaterThan(1);
      for (const alt of alts) expect(alt, p).toMatch(words);
    }
  });

  it('loses no sentence of the report', () => {
    const r = clean(original);
    for (const s of BODY) expect(r.text).toContain(s);
    // nothing but the report is left, paragraph by paragraph
    expect(r.text.split(/\n+/)).toEqual(BODY);
  });

  it('keeps report lines that merely start like furniture', () => {
    const lines = [
      'Share prices of the insurer fell 3 percent after the flood damage estimate was published on Monday.',
      'More than 40 roads were closed, the police said in a statement late on Sunday evening.',
      'Related news from the upstream villages was scarce because the phone network was down for hours.',
      'Photo agencies were not allowed into the evacuation centre, according to the local council spokesman.',
    ];
    const r = clean(lines.join('\n\n'));
    for (const l of lines) expect(r.text).toContain(l);
  });

  it('keeps the report after a marker that is followed by more report', () => {
    const r = clean([BODY[0], 'Read more:', BODY[1], BODY[2]].join('\n\n'));
    for (const s of BODY.slice(0, 3)) expect(r.text).toContain(s);
    expect(r.text).not.toContain('Read more');
  });

  it('drops a trailing list of links after a tail marker, however the links read', () => {
    const r = clean([BODY[0], BODY[1], 'You may also like', 'Storm damage in the capital: what we know', 'Five things to pack before a flood', 'Opinion: the dams need money'].join('\n\n'));
    expect(r.text).toBe(`${BODY[0]}\n\n${BODY[1]}`);
  });
});

describe('header metadata', () => {
  it('reads an outlet line and a title line, and removes them from the text', () => {
    const r = clean(['Valley Press', 'Floods force hundreds from homes along the Vardar', '', ...BODY].join('\n'));
    expect(r.outlet).toBe('Valley Press');
    expect(r.title).toBe('Floods force hundreds from homes along the Vardar');
    expect(r.published).toBeNull();
    expect(r.text.startsWith(BODY[0]!)).toBe(true);
  });

  it('reads a "date YYYY-MM-DD" label opening the first line, with the title after it', () => {
    const r = clean(` date 2024-02-06 Floods force hundreds from homes\n\n${BODY.join('\n\n')}`);
    expect(r.published).toBe('2024-02-06');
    expect(r.title).toBe('Floods force hundreds from homes');
    expect(r.text).not.toContain('2024-02-06');
  });

  it.each([
    ['date 2024-02-06', '2024-02-06'],
    ['Published: 6 February 2024', '2024-02-06'],
    ['Posted on February 6, 2024', '2024-02-06'],
    ['Updated: 06.02.2024', '2024-02-06'],
    ['February 6, 2024', '2024-02-06'],
    ['Tuesday, 6 February 2024 14:05', '2024-02-06'],
  ])('reads a date line in the header under the title: %s', (line, date) => {
    const r = clean(`Floods force hundreds from homes\n${line}\n\n${BODY.join('\n\n')}`);
    expect(r.published).toBe(date);
    expect(r.title).toBe('Floods force hundreds from homes');
    expect(r.text).not.toContain(line);
    expect(r.text.startsWith(BODY[0]!)).toBe(true);
  });

  it.each([
    ['By Staff Reporter | Coast Wire | March 14, 2025', '2025-03-14'],
    ['By Jane Doe, 6 February 2024', '2024-02-06'],
    ['By Jane Doe and John Roe', null],
  ])('reads a byline in the header and keeps it out of the main text: %s', (line, date) => {
    const r = clean(`Floods force hundreds from homes\n\n${line}\n\n${BODY.join('\n\n')}`);
    expect(r.published).toBe(date);
    expect(r.title).toBe('Floods force hundreds from homes');
    expect(r.text).not.toContain(line);
    expect(r.text.startsWith(BODY[0]!)).toBe(true);
  });

  it('finds the dateline in the lede below a byline, with the year from the byline', () => {
    const r = clean(`Floods force hundreds from homes\n\nBy Jane Doe | March 14, 2025\n\nSKOPJE, March 13 (Coast Wire) - ${BODY[0]}\n\n${BODY[1]}`);
    expect(r.dateline).toBe('SKOPJE');
    expect(r.outlet).toBe('Coast Wire');
    expect(r.published).toBe('2025-03-14');
  });

  it('reads a dateline "CITY, Country, Month Day." with the year of a date label', () => {
    const r = clean(`date 2024-02-07\nSKOPJE, North Macedonia, February 6. ${BODY[0]}\n\n${BODY[1]}`);
    expect(r.dateline).toBe('SKOPJE');
    // the label gives the date; the dateline's day does not override it
    expect(r.published).toBe('2024-02-07');
    expect(r.text.startsWith('SKOPJE, North Macedonia, February 6.')).toBe(true);
  });

  it('dates a dateline by the year the text gives: a stated year, or an anniversary of a dated event', () => {
    expect(clean(`SKOPJE, North Macedonia, February 6, 2024 - ${BODY[0]}`).published).toBe('2024-02-06');
    const anniversary = clean(
      `KYIV, Ukraine, March 8. Ukraine marks the 10th anniversary of the floods of March 8, 2014 today, Dnipro News reports.\n\n${BODY[1]}`,
    );
    expect(anniversary.published).toBe('2024-03-08');
    expect(anniversary.outlet).toBe('Dnipro News');
    expect(clean(`ZÜRICH, Switzerland, March 3. ${BODY[0]}`, { published: '2023-01-01' }).published).toBe('2023-03-03');
    expect(clean(`ZÜRICH, Switzerland, March 3. ${BODY[0]}`).dateline).toBe('ZÜRICH');
  });

  it('reads a dateline written in title case only with its year and dash', () => {
    const r = clean(`Skopje, February 6, 2024 (Vardar Wire) - ${BODY[0]}\n\n${BODY[1]}`);
    expect(r).toMatchObject({ dateline: 'Skopje', published: '2024-02-06', outlet: 'Vardar Wire' });
    // a weekday before the date, or no dash, is no dateline
    expect(clean(`Tuesday, February 6, 2024 - ${BODY[0]}`).dateline).toBeNull();
    expect(clean(`Markova, February 6, 2024 was the day the water rose over the old bridge and the bakery.\n\n${BODY[1]}`).dateline).toBeNull();
  });

  it('leaves the date null when the text does not give the year', () => {
    const r = clean(`SKOPJE, North Macedonia, February 6. ${BODY[0]}\n\n${BODY[1]}`);
    expect(r.dateline).toBe('SKOPJE');
    expect(r.published).toBeNull();
  });

  it('does not take a date in the body for the publication date', () => {
    const r = clean(`Floods return to the Vardar valley\n\n${BODY[0]} The last great flood, on March 3, 2019, killed 4 people.\n\n${BODY[1]}\n\nFebruary 6, 2024`);
    expect(r.published).toBeNull();
  });

  it.each([
    ['Heavy rain flooded the town on Tuesday, Valley Press reports.', 'Valley Press'],
    ['Heavy rain flooded the town on Tuesday, the Balkan News Agency reported.', 'Balkan News Agency'],
    ['SKOPJE, Feb. 6 (Reuters) - Heavy rain flooded the town on Tuesday, officials said.', 'Reuters'],
    ['SKOPJE (AP) — Heavy rain flooded the town on Tuesday, officials said.', 'AP'],
  ])('reads the outlet named in the lede: %s', (lede, outlet) => {
    expect(clean(`${lede}\n\n${BODY[1]}`).outlet).toBe(outlet);
  });

  it.each(['Heavy rain flooded the town on Tuesday, officials reported.', 'Heavy rain flooded the town on Tuesday, the media reported.', 'Heavy rain flooded the town, as it reported.'])(
    'does not take a pronoun or a generic word for an outlet: %s',
    (lede) => {
      expect(clean(`${lede}\n\n${BODY[1]}`).outlet).toBeNull();
    },
  );

  it('finds no title, outlet or date in a text that has none', () => {
    const r = clean(BODY.join('\n\n'));
    expect(r).toMatchObject({ title: null, outlet: null, published: null, dateline: null });
    expect(r.text).toBe(BODY.join('\n\n'));
  });

  it('does not repeat a title given by the container at the top of the text', () => {
    const r = clean(`Floods force hundreds from homes\n\n${BODY.join('\n\n')}`, { title: 'Floods  force hundreds from homes' });
    expect(r.title).toBeNull();
    expect(r.text).toBe(BODY.join('\n\n'));
  });
});

describe('generated texts', () => {
  const FURNITURE = ['Share:', '3 min', '5 min read', 'Related News', 'Photo: AP', 'Advertisement', 'Search in archive', 'Print', 'Read more', 'Tags: flood, rain', '© 2024 Example Media', 'You may also like', 'A short link headline'];
  const SEPARATORS = ['\n', '\n\n', '\r\n', '\r\n\r\n', '\n \n', '\n\t\n', '\u2028', '\n\u00a0\n'];
  const PADDING = ['', ' ', '  ', '\t', '\u00a0', '\u3000'];

  it('keep every body sentence and the offset invariant, whatever the furniture, line ends and padding', () => {
    const rnd = seededRandom(1990);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    for (let k = 0; k < 300; k++) {
      const parts: string[] = [];
      const body: string[] = [];
      const n = 2 + Math.floor(rnd() * 8);
      for (let i = 0; i < n; i++) {
        if (rnd() < 0.4) parts.push(pick(FURNITURE));
        else {
          const s = `${pick(BODY)!.slice(0, -1)} (${k}.${i}).`;
          body.push(s);
          parts.push(`${pick(PADDING)}${s}${pick(PADDING)}`);
        }
      }
      if (!body.length) continue;
      let original = '';
      parts.forEach((p, i) => (original += (i ? pick(SEPARATORS) : '') + p));
      const r = cleanPlainLines(splitLines(original));
      const problems = offsetProblems({ source: JSON.stringify(original), original, text: r.text, segments: r.segments }, 40, k + 1);
      expect(problems).toEqual([]);
      for (const s of body) expect(r.text, JSON.stringify(original)).toContain(s);
    }
  });
});

describe('pre-tests before the header patterns', () => {
  it('rely on no character outside ASCII matching d, p, u (i flag) or b, y (i and u flags)', () => {
    const label = /^[dpu]$/i;
    for (let c = 0; c <= 0xffff; c++) expect(label.test(String.fromCharCode(c)), c.toString(16)).toBe('dpuDPU'.includes(String.fromCharCode(c)));
    const by = /^[by]$/iu;
    for (let c = 0; c <= 0x10ffff; c++) if (by.test(String.fromCodePoint(c))) expect('byBY', c.toString(16)).toContain(String.fromCodePoint(c));
  });

  it('still read labels, bylines and datelines in capitals, and a dateline of astral capitals', () => {
    const head = (line: string) => clean(`Floods force hundreds from homes\n${line}\n\n${BODY.join('\n\n')}`);
    expect(head('DATE 2024-02-06').published).toBe('2024-02-06');
    expect(head('PUBLISHED: 6 February 2024').published).toBe('2024-02-06');
    expect(head('uPdAtEd: 06.02.2024').published).toBe('2024-02-06');
    const byline = head('BY JANE DOE | March 14, 2025');
    expect(byline.published).toBe('2025-03-14');
    expect(byline.text).not.toContain('JANE');
    expect(clean(`𝐁𝐀𝐊𝐔, Azerbaijan, March 3, 2024. ${BODY[0]}`).dateline).toBe('𝐁𝐀𝐊𝐔');
    expect(clean(`O'HARE, Illinois, March 3, 2024. ${BODY[0]}`).published).toBe('2024-03-03');
    // a place in title case is read only with the year and the dash (DATELINE_TITLE)
    expect(clean(`Skopje, North Macedonia, February 6, 2024 - ${BODY[0]}`).dateline).toBe('Skopje');
    expect(clean(`Skopje, North Macedonia, February 6. ${BODY[0]}`).dateline).toBeNull();
    expect(clean(`S, North Macedonia, February 6, 2024 - ${BODY[0]}`).dateline).toBeNull();
  });

  it('reads a wire credit whose "(" is among the first 81 characters of the lede, and none after', () => {
    const lede = (pad: number) => `${'S'.repeat(pad)} (AP) — Heavy rain flooded the town on Tuesday, officials said.`;
    // the "(" at index pad + 1
    expect(clean(`${lede(79)}\n\n${BODY[1]}`).outlet).toBe('AP');
    expect(clean(`${lede(80)}\n\n${BODY[1]}`).outlet).toBeNull();
    expect(clean(`SKOPJE (AP) — (Reuters) Heavy rain flooded the town on Tuesday, officials said.\n\n${BODY[1]}`).outlet).toBe('AP');
    expect(clean(`SKOPJE — Heavy rain flooded the town on Tuesday, officials said.\n\n${BODY[1]}`).outlet).toBeNull();
  });

  it('dates a dateline by an anniversary split over two lines or written in capitals', () => {
    const split = clean(`KYIV, Ukraine, March 8. Ukraine marks the 10th\nanniversary of the floods of March 8, 2014 today.\n\n${BODY[1]}`);
    expect(split.published).toBe('2024-03-08');
    const capitals = clean(`KYIV, Ukraine, March 8. UKRAINE MARKS THE 10TH ANNIVERSARY OF THE FLOODS OF MARCH 8, 2014 TODAY.\n\n${BODY[1]}`);
    expect(capitals.published).toBe('2024-03-08');
    expect(clean(`KYIV, Ukraine, March 8. Ukraine marks ten years since the floods of March 8, 2014.\n\n${BODY[1]}`).published).toBeNull();
  });

  it('isBody counts words in stages as the one count to 40 did', () => {
    const reference = (s: string) => {
      const n = Math.min(s.split(/\s+/).filter(Boolean).length, 40);
      // (one question of fewer than 20 words is a heading)
      if (n >= 8 && s.endsWith('?') && n < 20 && !/[.!?]\s/.test(s)) return false;
      return (n >= 12 && /[.!?…]["'”’»)]?$/.test(s)) || n >= 40 || (n >= 8 && /[.!?]\s+[A-Z]/.test(s));
    };
    const rnd = seededRandom(31);
    const tokens = ['word', 'Word', 'a', '.', '!', '?', '…', '"', '”', ')', ' ', '  ', '\u00a0', '\u2009', '\t', 'Zürich', 'İ', 'x.', 'Y.'];
    for (let k = 0; k < 5000; k++) {
      let s = '';
      const words = Math.floor(rnd() * 50);
      for (let i = 0; i < words; i++) s += tokens[Math.floor(rnd() * tokens.length)]! + (rnd() < 0.8 ? ' ' : '');
      if (rnd() < 0.5) s += tokens[Math.floor(rnd() * 10)]!;
      expect(isBody(s), JSON.stringify(s)).toBe(reference(s));
    }
    expect(isBody('One two three four five six seven eight. Nine')).toBe(true);
    expect(isBody('One two three four five six. Seven')).toBe(false);
    expect(isBody(Array.from({ length: 40 }, () => 'w').join(' '))).toBe(true);
    expect(isBody(Array.from({ length: 39 }, () => 'w').join(' '))).toBe(false);
    expect(isBody('Why did the river burst its banks twice in one year, and who was warned?')).toBe(false);
    expect(isBody('The mayor asked why the river had burst its banks twice in one year. Who was warned?')).toBe(true);
  });
});

describe('page headers and footers as sites write them', () => {
  it('drops menus, paths and rows of buttons, and finds the outlet above a section and the title', () => {
    const r = clean([
      'Vardar Valley Herald',
      'Home | News | Region | Business | Sport | Opinion',
      '',
      'Region',
      '',
      'Floodwaters recede in the lower town as rescuers count the cost',
      '',
      'Staff Reporter | Published at 9:05 am May 14th, 2024 | Last updated at 11:40 am May 14th, 2024',
      'Share   Tweet   WhatsApp   Email',
      'Home / Region / Weather',
      '',
      BODY[0],
      '',
      BODY[1],
      '',
      'Read more:',
      'Bridge reopens after repairs',
      'Farmers count losses after the storm',
      '',
      'Top Stories | Most Read | Latest',
      'Vardar Valley Herald © 2019–2024. Use of materials requires a hyperlink.',
    ].join('\n'));
    expect(r.outlet).toBe('Vardar Valley Herald');
    expect(r.title).toBe('Floodwaters recede in the lower town as rescuers count the cost');
    expect(r.published).toBe('2024-05-14');
    for (const f of ['Home |', 'Region\n', 'Staff Reporter', 'Share', 'Home /', 'Read more', 'Bridge reopens', 'Farmers count', 'Top Stories', '©']) {
      expect(r.text, f).not.toContain(f);
    }
    expect(r.text).toContain(BODY[0]);
    expect(r.text).toContain(BODY[1]);
  });

  it('reads "Published …" and "Updated …" lines with their times, and keeps the published day', () => {
    const r = clean(['Valley Wire', 'World | Europe', '', 'Two hurt as storm fells trees', '', 'Published 3 June 2024 | 19:40 GMT', 'Updated 4 June 2024 | 08:05 GMT', '', BODY[0]].join('\n'));
    expect(r.published).toBe('2024-06-03');
    expect(r.title).toBe('Two hurt as storm fells trees');
    expect(r.text).toBe(BODY[0]);
    // only an update's date: the page's date all the same
    expect(clean(['Updated: 04.06.2024 | 14:05', '', BODY[0]].join('\n')).published).toBe('2024-06-04');
  });

  it('takes the outlet named under the title over a wire credit\'s initials', () => {
    const r = clean(['River bursts its banks in the lower town', 'Valley Press Wire', '', `SKOPJE, June 3, 2024 (VPW) - ${BODY[0]}`].join('\n'));
    expect(r.outlet).toBe('Valley Press Wire');
    expect(r.title).toBe('River bursts its banks in the lower town');
  });

  it('reads a dateline with the day before the month', () => {
    const r = clean(`VELES, North Macedonia, 3 June 2024 - ${BODY[0]}`);
    expect(r.published).toBe('2024-06-03');
    expect(r.dateline).toBe('VELES');
  });

  it('takes a masthead over the site\'s menu for the outlet, and drops paths with a year or › and rows with a reading time', () => {
    const r = clean([
      'LA VOZ DEL VALLE',
      'Inicio | Internacional | Europa | Opinión',
      '',
      'Archive > 2024 > June',
      'Home › Reports › Europe',
      'Region | 4 min read',
      '',
      'Floodwaters recede in the lower town as rescuers count the cost',
      '',
      'Press release and summary | 14 June 2024',
      '',
      BODY[0],
      '',
      BODY[1],
      '',
      'Related from the archive:',
      '- Bridge reopens after repairs',
      '1. Farmers count losses after the storm, and the mayor promises help',
      'Follow us on WhatsApp | Google News',
      'Media contact: press@valley.example | +389 2 555 0100',
    ].join('\n'));
    expect(r.outlet).toBe('LA VOZ DEL VALLE');
    expect(r.title).toBe('Floodwaters recede in the lower town as rescuers count the cost');
    expect(r.published).toBe('2024-06-14');
    expect(r.text).toBe([BODY[0], BODY[1]].join('\n\n'));
    // (an edition's name after the site's is no part of it; a masthead needs the menu under it)
    expect(clean(['Valley Herald - English Edition', 'Politik | Wirtschaft | Ausland', '', 'Two hurt as storm fells trees', '', BODY[0]].join('\n')).outlet).toBe('Valley Herald');
    expect(clean(['Storm Fells Trees In The Lower Town', '', 'Two hurt as storm fells trees', '', BODY[0]].join('\n')).outlet).toBeNull();
  });

  it('reads a date label above which a line of furniture stands, and labels in German, Spanish and French', () => {
    const r = clean(['This article was translated from German. Read the original', '', 'Two hurt as storm fells trees', '', 'Stand: 24.03.2017, 11:47 Uhr', '', BODY[0]].join('\n'));
    expect(r.published).toBe('2017-03-24');
    expect(r.text).toBe(BODY[0]);
    expect(clean(['Publié le 12/03/2019', '', BODY[0]].join('\n')).published).toBe('2019-03-12');
  });

  it('drops an archive\'s and a charity\'s furniture and translation notes, and reads "Published in the issue of …"', () => {
    const r = clean([
      'THE VALLEY MAIL',
      'Archive  >  1920  >  May',
      'Subscribers: sign in to download the full page image',
      '',
      'FLOODS IN THE LOWER TOWN',
      '',
      'Published in the issue of Thursday, 27 May 1920',
      '[Translated from the German]',
      '',
      BODY[0],
      '',
      'This page was digitised from the microfilm collection. Text has been produced by optical character recognition and may contain errors.',
      'Cite this page | Report an OCR error',
      'Previous article: Bridge reopens after repairs',
      'Support our work - donate today',
      'Registered charity no. 1187342',
      'Valley Mail archive. Reproduction prohibited without permission.',
    ].join('\n'));
    expect(r.title).toBe('FLOODS IN THE LOWER TOWN');
    expect(r.outlet).toBe('THE VALLEY MAIL');
    expect(r.published).toBe('1920-05-27');
    expect(r.text).toBe(BODY[0]);
  });

  it('drops a numbered list of headlines after a tail marker: a list number is no sentence end', () => {
    expect(isBody('1. Opposition sweeps the vote as turnout rises in the north')).toBe(false);
    expect(isBody('Turnout rose in 1993. The opposition swept the north')).toBe(true);
    const r = clean([BODY[0], '', 'Most Read', '1. Opposition sweeps the vote as turnout rises in the north', '2. Doctors strike for a ninth week'].join('\n'));
    expect(r.text).toBe(BODY[0]);
  });

  it('keeps report lines that hold a bar or a slash', () => {
    const line = 'The river rose 3.2 metres in 24 hours | the highest since 1979 | and the dam held, the office said.';
    expect(clean([BODY[0], line].join('\n')).text).toContain(line);
    const table = ['Veles | 12 | 40', 'Stip | 3 | 11'];
    expect(clean([BODY[0], ...table].join('\n')).text).toContain(table[0]);
  });

  it('reads a masthead with an acronym or a joining word, a date label in Italian or Dutch under a standfirst, and a reporter\'s byline', () => {
    const r = clean([
      'ORB - Ohrid River Bulletin',
      'News | Region | Archive | About',
      '',
      'Lake towns count the damage after the storm',
      '',
      'The flood reached the old bridge. Families in the lower streets were moved to the school.',
      '',
      'dal nostro corrispondente Ana Petrova, Ohrid',
      'Pubblicato il 14/06/2024 alle 09:12 - Aggiornato alle 11:40',
      '',
      BODY[0],
      '',
      BODY[1],
    ].join('\n'));
    expect(r.outlet).toBe('Ohrid River Bulletin');
    expect(r.title).toBe('Lake towns count the damage after the storm');
    expect(r.published).toBe('2024-06-14');
    expect(r.text).not.toContain('corrispondente');
    expect(clean(['Gepubliceerd: 23-12-2005, 15:12 | Gewijzigd: 23-12-2005, 18:40', '', BODY[0]].join('\n')).published).toBe('2005-12-23');
    expect(clean(['Updated 22:47 BST, 14 June 2017', '', BODY[0]].join('\n')).published).toBe('2017-06-14');
    expect(clean(['Door onze verslaggever Eva de Boer', '', BODY[0]].join('\n')).text).toBe(BODY[0]);
    // a name of seven words with its acronym in brackets, and "to" in a name, over a menu
    expect(clean(['Alliance for the Rights of Flood Victims (ARFV)', 'Home > News > Statements', '', 'Two hurt as storm fells trees', '', BODY[0]].join('\n')).outlet).toBe('Alliance for the Rights of Flood Victims (ARFV)');
    expect(clean(['Right to Water Coalition', 'About us | Campaigns | Donate', '', 'Two hurt as storm fells trees', '', BODY[0]].join('\n')).outlet).toBe('Right to Water Coalition');
    // (the acronym goes only when it is the name's initials)
    expect(clean(['ABC - Valley News Service', 'News | Region | Archive', '', 'Two hurt as storm fells trees', '', BODY[0]].join('\n')).outlet).toBe('ABC - Valley News Service');
  });

  it('drops a press release\'s furniture, cookie and newsletter lines, calls to support, and lists after "More …" headings', () => {
    const r = clean([
      'Valley Flood Network',
      'About us | Campaigns | Publications | Donate',
      '',
      'PRESS STATEMENT | For immediate release | 17.01.2024',
      'Ref: VFN/MK/003/2024',
      '',
      'Flood victims still wait for homes a year on',
      '',
      BODY[0],
      '',
      BODY[1],
      '',
      'ENDS',
      'Notes to editors',
      'Download this statement as PDF (2 pages)',
      'Donate | Become a member | Follow us on Facebook and Twitter',
      '[Share on Facebook] [Share on Twitter] [Email this article]',
      'More explainers',
      '- What is a flood plain?',
      'Further reading: The 1979 flood | How dams are built | A short history of the valley',
      'Get the Network\'s weekly briefing in your inbox every Monday. Sign up',
      'Valley Flood Network is independent and free to read. Support us',
      'Tempo di lettura: 5 minuti',
      'Condividi: Facebook | X | Email',
      'Iscriviti alla newsletter del Bollettino',
      'Leggi anche',
      '- The bridge reopens',
      'Foto: the old bridge after the flood (ANP)',
      'Cookies: We and our partners use cookies on this site. Find out more',
    ].join('\n'));
    expect(r.outlet).toBe('Valley Flood Network');
    expect(r.title).toBe('Flood victims still wait for homes a year on');
    expect(r.published).toBe('2024-01-17');
    expect(r.text).toBe([BODY[0], BODY[1]].join('\n\n'));
    // a report's sentence that asks for support is no call to action at a page's end
    const plea = 'The mayor asked the government for help. "Support us," she said, as the water rose again on Friday.';
    expect(clean([BODY[0], '', plea].join('\n')).text).toContain(plea);
  });

  it('reads a Japanese date label, a date line with a four-digit time, and drops a record\'s field row, "Also in …" lists and Japanese buttons', () => {
    const jp = clean([
      '北海新報 HOKKAI SHIMPO — English Edition',
      'ホーム | 国際 | 政治 | 経済 | 社会',
      '掲載日：2003年4月9日（水）夕刊',
      '',
      'Ferry fire off the coast leaves passengers missing',
      '',
      BODY[0],
      '',
      BODY[1],
      '',
      '関連記事',
      '- 漁業交渉、来週再開へ',
      'この記事を印刷する | 友人にメールで送る',
    ].join('\n'));
    expect(jp.published).toBe('2003-04-09');
    expect(jp.title).toBe('Ferry fire off the coast leaves passengers missing');
    expect(jp.text).toBe([BODY[0], BODY[1]].join('\n\n'));

    const wire = clean(['NORTHERN WIRE SERVICE', 'World | Europe | Markets', '', 'Dam breaks above the valley; 12 dead', '', 'By Ana Lind', 'March 3, 1979 - 0915 GMT', '', BODY[0]].join('\n'));
    expect(wire.published).toBe('1979-03-03');
    expect(wire.title).toBe('Dam breaks above the valley; 12 dead');

    const record = clean([
      'FLOOD RELIEF ALLIANCE',
      'Home > Documents > Europe',
      'Public statement | Index: FRA 12/004/79',
      '',
      'ONE MONTH AFTER THE DAM BROKE, FAMILIES STILL WAIT',
      '',
      BODY[0],
      '',
      'Also in Europe this week:',
      '- Strike closes the port for a day',
      'Subscribe to the Alliance bulletin: 2 pounds a copy',
      'For more information please call the press office or write to the secretariat.',
      'The Alliance accepts no funds from governments.',
    ].join('\n'));
    expect(record.outlet).toBe('FLOOD RELIEF ALLIANCE');
    expect(record.title).toBe('ONE MONTH AFTER THE DAM BROKE, FAMILIES STILL WAIT');
    expect(record.text).toBe(BODY[0]);
    // a table's row of figures is no record field
    expect(clean([BODY[0], '', 'Killed: 12 | Injured: 40 | Missing: 3'].join('\n')).text).toContain('Killed: 12');
  });

  it('takes a question for the title, and drops "Read next" lists and a French cookie notice after a tail marker', () => {
    const r = clean([
      'ClearGuide',
      'Explainers | World | History | Search',
      '',
      'What happened at the dam in 1979, and how many people were never found?',
      '',
      'By the ClearGuide team',
      '',
      BODY[0],
      '',
      'Read next',
      '- What is a spillway?',
      'À lire aussi',
      '- Inondations : les digues tiennent',
      'Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation. OK',
    ].join('\n'));
    expect(r.outlet).toBe('ClearGuide');
    expect(r.title).toBe('What happened at the dam in 1979, and how many people were never found?');
    expect(r.text).toBe(BODY[0]);
  });
});
