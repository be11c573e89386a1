/**
 * Table tests of the claim parsers and refiners: one sentence (or two), the
 * claims expected. Sentences are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';
import { daysBefore } from '../../src/analyze/claims/refiners/qualifiers.js';

interface Want {
  category: string;
  value: number;
  low?: number;
  high?: number;
  approx?: string;
  relation?: string | null;
  subgroup?: string | null;
  subject?: string | null;
  location?: string[];
  attribution?: string | null;
  condition?: string | null;
  time?: string;
}

function claimsOf(text: string, published: string | null = null) {
  return analyzeText(text, { published, title: null, language: 'en' }).claims;
}

function check(text: string, want: Want[], published: string | null = null) {
  const got = claimsOf(text, published);
  expect(got.map((c) => `${c.category}:${c.value}`).sort()).toEqual(want.map((w) => `${w.category}:${w.value}`).sort());
  for (const w of want) {
    const c = got.find((x) => x.category === w.category && x.value === w.value)!;
    if (w.low !== undefined) expect(c.low).toBe(w.low);
    if (w.high !== undefined) expect(c.high).toBe(w.high);
    if (w.approx !== undefined) expect(c.approx).toBe(w.approx);
    if (w.relation !== undefined) expect(c.relation).toBe(w.relation);
    if (w.subgroup !== undefined) expect(c.subgroup).toBe(w.subgroup);
    if (w.subject !== undefined) expect(c.subject).toBe(w.subject);
    if (w.location !== undefined) expect(c.location).toEqual(w.location);
    if (w.attribution !== undefined) expect(c.attribution).toBe(w.attribution);
    if (w.condition !== undefined) expect(c.condition).toBe(w.condition);
    if (w.time !== undefined) expect(c.time ? `${c.time.start}/${c.time.end}` : null).toBe(w.time);
    // every claim quotes its own words
    expect(text.slice(c.start, c.end)).toBe(c.quote);
  }
  return got;
}

describe('count then predicate', () => {
  it('reads a count and its passive predicate', () => check('In the storm, 212 residents were killed.', [{ category: 'killed', value: 212, subject: 'residents' }]));
  it('skips adverbs and auxiliaries', () => check('Some 30 miners have reportedly been seriously injured.', [{ category: 'injured', value: 30, approx: 'about' }]));
  it('reads intransitive predicates', () => check('Nineteen passengers died and 4 were declared missing.', [{ category: 'killed', value: 19 }, { category: 'missing', value: 4 }]));
  it('reads coordinated clauses with bare counts', () =>
    check('At least 58 people were killed, 120 were wounded and 37 were detained.', [
      { category: 'killed', value: 58, approx: 'at_least' },
      { category: 'injured', value: 120, subject: 'people' },
      { category: 'arrested', value: 37 },
    ]));
  it('reads "lost their lives"', () => check('Eleven more fishermen lost their lives near the coast.', [{ category: 'killed', value: 11, relation: 'additional' }]));
  it('keeps things apart when they share a predicate', () =>
    check('About 40 shops and 12 cars, including a bus, were set on fire.', [
      { category: 'damaged', value: 40, subject: 'shops' },
      { category: 'damaged', value: 12, subject: 'cars' },
    ]));
  it('adds up people who share a predicate', () => check('The teacher and two pupils were wounded.', [{ category: 'injured', value: 3 }]));
  it('reads a state after a count', () => check('The blast left nine dead and 31 injured.', [{ category: 'killed', value: 9 }, { category: 'injured', value: 31 }]));
  it('reads "recognised as" as a different count', () => check('In all, 64 soldiers were recognised as heroes.', []));
  it('does not read an active verb as a predicate of its subject', () => check('Two gunmen killed a guard.', [{ category: 'killed', value: 1 }]));
});

describe('verb then count', () => {
  it('reads objects', () => check('The attacker killed eight people and wounded thirty others.', [{ category: 'killed', value: 8 }, { category: 'injured', value: 30 }]));
  it('adds up a list of people', () => check('He shot and killed three women and a child.', [{ category: 'killed', value: 4 }]));
  it('counts people named one by one', () => check('She killed her husband, his brother and their neighbour.', [{ category: 'killed', value: 3 }]));
  it('counts "both"', () => check('He shot and killed them both.', [{ category: 'killed', value: 2 }]));
  it('does not sum a list with an item it cannot count', () => check('He killed his wife and his cousins.', []));
  it('reads "to death" after the objects', () => check('He shot two guards to death.', [{ category: 'killed', value: 2 }]));
  it('ignores the attacker himself', () => check('He killed five hostages before killing himself.', [{ category: 'killed', value: 5 }]));
  it('keeps a hedge that opens the count', () => check('The blast killed at least 12 people.', [{ category: 'killed', value: 12, approx: 'at_least' }]));
  it('keeps "nearly" with the count', () => check('Fighting killed nearly 40 civilians.', [{ category: 'killed', value: 40, approx: 'up_to' }]));
  it('reads displacement', () => check('The floods displaced about 40,000 families.', [{ category: 'displaced', value: 40000, approx: 'about' }]));
});

describe('nouns, tolls and multiples', () => {
  it('reads category nouns', () => check('The riot ended with six fatalities and 22 injuries.', [{ category: 'killed', value: 6 }, { category: 'injured', value: 22 }]));
  it('reads arrests and protesters', () => check('Police made 90 arrests as 3,000 protesters marched.', [{ category: 'arrested', value: 90 }, { category: 'participants', value: 3000 }]));
  it('reads a death toll', () => check('The death toll rose to 41 on Sunday.', [{ category: 'killed', value: 41, relation: 'total' }]));
  it('reads a death toll after a long aside', () =>
    check("The death toll from Monday's collapse of the old market building in the city centre rose to 9.", [{ category: 'killed', value: 9, relation: 'total' }]));
  it('reads "a triple homicide"', () => check('Police are investigating a triple homicide.', [{ category: 'killed', value: 3 }]));
});

describe('relations', () => {
  it('marks a total', () => check('In total, 96 people were killed.', [{ category: 'killed', value: 96, relation: 'total' }]));
  it('marks "a total of"', () => check('A total of 210 protesters were detained.', [{ category: 'arrested', value: 210, relation: 'total' }]));
  it('marks additions', () => check('Later, an additional 14 people were killed in the port.', [{ category: 'killed', value: 14, relation: 'additional', location: [] }]));
  it('reads a subgroup with "including"', () =>
    check('The fire killed 70 people, including 12 Kenyans.', [
      { category: 'killed', value: 70 },
      { category: 'killed', value: 12, relation: 'part_of', subgroup: 'Kenyans' },
    ]));
  it('reads a part with "of whom"', () =>
    check('Some 500 people were detained, 60 of whom were sent to prison.', [
      { category: 'arrested', value: 500 },
      { category: 'imprisoned', value: 60, relation: 'part_of' },
    ]));
  it('reads "others" as an addition only after a count of the same kind', () => {
    const c = check('He killed two and wounded three others.', [{ category: 'killed', value: 2 }, { category: 'injured', value: 3 }]);
    expect(c.find((x) => x.category === 'injured')!.relation).toBeNull();
  });
});

describe('shots', () => {
  it('counts people shot as injured when their fate is not given', () => check('Five people were shot outside the club.', [{ category: 'injured', value: 5 }]));
  it('subtracts those said to have died', () => {
    const c = check('He shot nine people, two of them fatally.', [{ category: 'injured', value: 7 }, { category: 'killed', value: 2 }]);
    expect(c.find((x) => x.category === 'injured')!.note).toBe('9 shot − 2 killed');
  });
  it('subtracts those killed right after', () => check('He shot six people, killing one.', [{ category: 'injured', value: 5 }, { category: 'killed', value: 1 }]));
  it('drops the count of those shot when killed and injured are both stated', () =>
    check('He shot six people, killing two and wounding four.', [{ category: 'killed', value: 2 }, { category: 'injured', value: 4 }]));
  it('reads survivors', () => check('Seven people were shot, and only two survived.', [{ category: 'killed', value: 5 }, { category: 'injured', value: 2 }]));
});

describe('qualifiers', () => {
  it('takes places from the clause', () =>
    check('After the curfew, 9 more people were killed in Osh, 4 people were wounded in Jalal-Abad.', [
      { category: 'killed', value: 9, location: ['Osh'], condition: 'After the curfew' },
      { category: 'injured', value: 4, location: ['Jalal-Abad'] },
    ]));
  it('shares a trailing place between coordinated claims', () =>
    check('Altogether, 40 people were killed and 90 were injured in Mosul and nearby villages.', [
      { category: 'killed', value: 40, location: ['Mosul'], relation: 'total' },
      { category: 'injured', value: 90, location: ['Mosul'], relation: 'total' },
    ]));
  it('infers the place from the report', () => {
    const c = claimsOf('Troops entered Kabul at dawn.\n\nBy noon, 17 civilians had been killed.');
    expect(c[0]).toMatchObject({ location: ['Kabul'], locationInferred: true });
  });
  it('reads the time in the sentence', () => check('On 3 March 2021, 12 people were killed.', [{ category: 'killed', value: 12, time: '2021-03-03/2021-03-03' }]));
  it('infers the time from "that night"', () => {
    const c = claimsOf('On the night of May 5, 2019, the dam broke.\n\nOfficials said 23 people were killed that night.');
    expect(c[0]!.time).toMatchObject({ start: '2019-05-05', inferred: true });
  });
  it('dates a claim by what it tells, not by its dateline or the day of the telling', () => {
    // (the dateline's date and "said on Thursday" are the days of filing and telling; "Monday's" dates the accident)
    check('Harbourtown, March 6, 2025 (Wire) - Fifty-two people drowned when the ferry capsized on Monday, the ministry said on Thursday.', [
      { category: 'killed', value: 52, time: '2025-03-03/2025-03-03' },
    ], '2025-03-06');
    // a running count (a toll that rose, "have now detained") is as of its telling
    check('Harbourtown, March 6, 2025 (Wire) - The death toll from Monday\'s ferry accident has risen to 52, the ministry said on Thursday.', [
      { category: 'killed', value: 52, time: '2025-03-06/2025-03-06' },
    ], '2025-03-06');
    check('Police have now detained 40 people, a spokesman said on Wednesday.', [
      { category: 'arrested', value: 40, time: '2025-03-05/2025-03-05' },
    ], '2025-03-06');
    // figures put out on a day ("released on the morning of 13 June") are told that day, not dated by it
    check('The blast at the plant on Tuesday killed 40 workers, according to figures released on the morning of 13 June.', [
      { category: 'killed', value: 40, time: '2025-06-10/2025-06-10' },
    ], '2025-06-14');
    check('In a statement issued on Friday, the union said 40 workers were killed in Tuesday\'s blast.', [
      { category: 'killed', value: 40, time: '2025-06-10/2025-06-10' },
    ], '2025-06-14');
    // a superlative's "since …" dates nothing before it, but dates what its own clause tells
    check('Police shot 34 miners dead near the mine on 16 August 2012, the deadliest use of force since the end of apartheid in 1994.', [
      { category: 'killed', value: 34, time: '2012-08-16/2012-08-16' },
    ], '2012-08-17');
    check('Troops killed 34 miners on Thursday in the deadliest shooting since the end of apartheid in 1994.', [
      { category: 'killed', value: 34, time: '2012-08-16/2012-08-16' },
    ], '2012-08-17');
    check('It was the worst siege since Chechen fighters took a theatre in October 2002, a crisis in which 130 hostages died.', [
      { category: 'killed', value: 130, time: '2002-10-01/2002-10-31' },
    ], '2004-09-03');
    // a lead's "since Monday" starts a spell: the report's day is the day its lead tells of
    const siege = claimsOf('HARBOURTOWN, March 7 (Wire) - Fifty-two people were killed on Thursday when a siege that had gone on since Monday ended, officials said.\n\nTroops said 14 gunmen had been killed.', '2025-03-07');
    expect(siege.map((c) => c.time?.start)).toEqual(['2025-03-06', '2025-03-06']);
    // with no other date, the day of the telling still dates it, as inferred
    const c = claimsOf('Nine people were injured, the agency reported on Wednesday.', '2019-11-21');
    expect(c[0]!.time).toMatchObject({ start: '2019-11-20', inferred: true });
  });
  it('does not take a place in the name of the source for where it happened', () => {
    check('Floods hit Kabul.\n\nRescuers found 23 bodies, according to the Herat governor\'s office.', [
      { category: 'killed', value: 23, location: ['Kabul'], attribution: "the Herat governor's office" },
    ]);
    check('Twelve people were killed in Herat, Herat police said.', [{ category: 'killed', value: 12, location: ['Herat'], attribution: 'Herat police' }]);
  });
  it('reads "according to"', () =>
    check('According to hospital records, 31 people were wounded.', [{ category: 'injured', value: 31, attribution: 'hospital records' }]));
  it('reads "X said"', () => check('At least 8 people died, the Health Ministry said.', [{ category: 'killed', value: 8, attribution: 'the Health Ministry' }]));
  it('reads official figures', () => check('Official figures show 150 houses were destroyed.', [{ category: 'damaged', value: 150, attribution: 'Official figures' }]));
});

describe('phrasings added after reading incident reports', () => {
  it('reads a vague amount that counts the noun after "of"', () => {
    check('Hundreds of protesters were arrested on Sunday.', [{ category: 'arrested', value: 200, low: 200, high: 999, subject: 'protesters' }]);
    check('Dozens of villagers were killed.', [{ category: 'killed', value: 24, subject: 'villagers' }]);
    check('Police detained thousands of people.', [{ category: 'arrested', value: 2000, subject: 'people' }]);
  });
  it('keeps a vague partitive out of the count ("dozens of the victims")', () => check('Dozens of the victims were children.', []));
  it('reads a modifier with a capital outside ASCII as part of the counted phrase', () => {
    const [c] = check('Five Übersee doctors were killed.', [{ category: 'killed', value: 5, subject: 'doctors' }]);
    expect(c!.quote).toBe('Five Übersee doctors were killed');
  });
  it('reads "Of these, …" as parts of the count the sentence before gave', () => {
    check('Doctors said 900 wounded had reached the border. Of these, 600 were being treated in hospitals in the capital.', [
      { category: 'injured', value: 900 },
      { category: 'injured', value: 600, relation: 'part_of' },
    ]);
  });
  it('reads a subgroup named by its group ("among the dead were …")', () => {
    check('Among the dead were three children.', [{ category: 'killed', value: 3, relation: 'part_of', subgroup: 'children' }]);
    check('The injured included two police officers.', [{ category: 'injured', value: 2, relation: 'part_of', subgroup: 'police officers' }]);
    // the group words are one list (lexicon 'groups') for "among the …" and "N of those …"
    check('Among the hurt were four children.', [{ category: 'injured', value: 4, relation: 'part_of', subgroup: 'children' }]);
  });
  it('reads a count once when two parsers could take it ("left one person dead")', () =>
    check('The shooting left one person dead and four others injured.', [{ category: 'killed', value: 1 }, { category: 'injured', value: 4 }]));
  it('reads "left N homeless" as displaced, with or without a noun', () => {
    check('The flood left 10,000 homeless.', [{ category: 'displaced', value: 10000 }]);
    check('The earthquake killed at least 2,000 people and left 3,500 families homeless.', [{ category: 'killed', value: 2000 }, { category: 'displaced', value: 3500 }]);
  });
  it('reads a plural pronoun after a single attacker as the victims ("the shooter … wounded them both")', () =>
    check('After the gunman left the store, he drove home and shot and wounded them both.', [{ category: 'injured', value: 2 }]));
  it('does not count one attacker as "them"', () => check('Police opened fire on the gunman, wounding him.', []));
  it('reads more ways of saying dead and hurt', () => {
    check('Officers found one man dying on the pavement.', [{ category: 'killed', value: 1 }]);
    check('Twelve lives were lost.', [{ category: 'killed', value: 12 }]);
    check('The blast sent 14 people to hospital.', [{ category: 'injured', value: 14 }]);
    check('Nine were treated for gunshot wounds.', [{ category: 'injured', value: 9 }]);
  });
});

describe('subgroups inside an aside, crowds, prison', () => {
  it('reads a count inside an aside as a part of the count around it', () => {
    const got = check('Eleven people, including four children, were killed.', [{ category: 'killed', value: 11 }, { category: 'killed', value: 4, relation: 'part_of' }]);
    expect(got.find((c) => c.value === 4)!.quote).toBe('including four children');
  });
  it('reads the size of a crowd', () => {
    check('A crowd of about 5,000 gathered outside parliament.', [{ category: 'participants', value: 5000, approx: 'about' }]);
    check('Organisers put the crowd at 100,000.', [{ category: 'participants', value: 100000 }]);
  });
  it('reads people behind bars as imprisoned', () => check('At least 14 journalists remain behind bars.', [{ category: 'imprisoned', value: 14, subject: 'journalists' }]));
});

describe('quoted figures', () => {
  it('reads a figure in quotation marks with the predicate after it', () =>
    check('Lawmakers said the real figure was higher, claiming that "at least 400" had died.', [{ category: 'killed', value: 400, low: 400, approx: 'at_least' }]));
});

describe('the date a figure is about, in breaking news', () => {
  it('takes the lead\'s date, not an earlier background date further down', () => {
    const text = 'Tens of thousands marched through the capital on Sunday against the new law.\n\nThe ministry said 63 people were detained overnight.\n\nOn April 30, police had arrested 14 people during a smaller rally.';
    check(text, [{ category: 'participants', value: 20000, time: '2024-05-12/2024-05-12' }, { category: 'arrested', value: 63, time: '2024-05-12/2024-05-12' }, { category: 'arrested', value: 14, time: '2024-04-30/2024-04-30' }], '2024-05-12');
  });
  it('keeps a historical report\'s event date when the lead only names the anniversary', () => {
    const text = 'Today the city remembers the victims of the siege.\n\nOn 3 March 1992, 40 people were killed in the market.\n\nAnother 12 people were wounded.';
    check(text, [{ category: 'killed', value: 40, time: '1992-03-03/1992-03-03' }, { category: 'injured', value: 12, time: '1992-03-03/1992-03-03' }], '2024-03-03');
  });
});

describe('days before a date', () => {
  /** what the counting in whole days replaced: Date.parse, then toISOString */
  const byDate = (iso: string, n: number) => {
    const t = Date.parse(iso.slice(0, 10));
    return Number.isFinite(t) ? new Date(t - n * 86400000).toISOString().slice(0, 10) : '';
  };
  it('counts back across months, years and leap days', () => {
    for (const [iso, n, want] of [['2024-03-07', 7, '2024-02-29'], ['2023-03-07', 7, '2023-02-28'], ['2024-01-03', 366, '2023-01-02'], ['2000-03-01', 1, '2000-02-29'], ['1900-03-01', 1, '1900-02-28']] as const) {
      expect(daysBefore(iso, n)).toBe(want);
    }
  });
  it('reads every day of four centuries as the Date path does', () => {
    for (let t = Date.UTC(1800, 0, 1); t < Date.UTC(2200, 0, 1); t += 86400000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      for (const n of [7, 366]) if (daysBefore(iso, n) !== byDate(iso, n)) expect(daysBefore(iso, n)).toBe(byDate(iso, n));
    }
  });
  it('reads odd dates as the Date path does', () => {
    for (const iso of ['2024-02-31', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-01-32', '0000-01-05', '0050-06-01', '1000-01-03', '9999-12-31', '2024-06-30T10:00:00Z', '2024-1-5', '2024', '2024-03', '', 'soon']) {
      for (const n of [0, 7, 366]) expect(daysBefore(iso, n), `${iso} - ${n}`).toBe(byDate(iso, n));
    }
  });
});

describe('the day of the telling is not the day of the event', () => {
  it('dates undated figures by the event in the lead, not by "officials said on Monday"', () => {
    const text = 'The death toll from the warehouse fire has risen to 44, officials said on Monday.\n\nMore than 100 people were treated for burns.\n\nThe fire began late on February 9, 2023.';
    check(text, [{ category: 'killed', value: 44 }, { category: 'injured', value: 100, time: '2023-02-09/2023-02-09' }], '2023-02-13');
  });
});

describe('"another" standing for one more person', () => {
  it('reads "another was wounded" after a count', () =>
    check('One officer was killed and another was wounded.', [{ category: 'killed', value: 1 }, { category: 'injured', value: 1 }]));
});

describe('who says so, per figure', () => {
  it('gives a figure cited from another source that source ("reported by")', () =>
    check('Police detained 70 people, the rights group said, higher than the 63 detentions reported by the Interior Ministry.', [
      { category: 'arrested', value: 70, attribution: 'the rights group' },
      { category: 'arrested', value: 63, attribution: 'the Interior Ministry' },
    ]));
  it('reads a group of people as a source ("Opposition groups said")', () =>
    check('Opposition groups said at least 20 protesters had been injured.', [{ category: 'injured', value: 20, attribution: 'Opposition groups' }]));
  it('reads "N of those detained" as a part of the detained', () =>
    check('By Monday morning, 11 of those detained had been released.', [{ category: 'arrested', value: 11, relation: 'part_of' }]));
  it('names a source written in lower case, and one that puts a figure at a number', () => {
    check('At least 40 people were killed, the health ministry said.', [{ category: 'killed', value: 40, attribution: 'the health ministry' }]);
    check('The civil defence agency said 12 people were injured.', [{ category: 'injured', value: 12, attribution: 'The civil defence agency' }]);
    check('On Wednesday, the health ministry had put the number of dead at 276.', [{ category: 'killed', value: 276, attribution: 'the health ministry' }]);
    check('Police put the crowd at 20,000.', [{ category: 'participants', value: 20000, attribution: 'Police' }]);
    // words that join clauses are no part of the name; "put out" gives no figure
    check('Twelve people were killed and police said the toll could rise.', [{ category: 'killed', value: 12, attribution: 'police' }]);
    check('Rescuers put out the fire, and 12 people were injured.', [{ category: 'injured', value: 12, attribution: null }]);
  });
  it('names the source of each figure of a sentence from its own stretch, after it or else nearest before it', () => {
    check('Organisers said more than 100,000 people took part, while the interior ministry put the crowd at around 45,000.', [
      { category: 'participants', value: 100000, attribution: 'Organisers' },
      { category: 'participants', value: 45000, attribution: 'the interior ministry' },
    ]);
    check('Some 45,000 people joined Saturday\'s rally, according to police, although opposition leaders claimed attendance reached 120,000.', [
      { category: 'participants', value: 45000, attribution: 'police' },
      { category: 'participants', value: 120000, attribution: 'opposition leaders' },
    ]);
    check('Twelve people were killed, police said, and 40 were injured, doctors said.', [
      { category: 'killed', value: 12, attribution: 'police' },
      { category: 'injured', value: 40, attribution: 'doctors' },
    ]);
    check('Twelve people were killed and 40 injured, police said.', [
      { category: 'killed', value: 12, attribution: 'police' },
      { category: 'injured', value: 40, attribution: 'police' },
    ]);
  });
  it('names the source of each part of a sentence split by semicolons, else the sentence\'s', () => {
    check('Organisers said 66,000 people took part; police said 23,000 people took part.', [
      { category: 'participants', value: 66000, attribution: 'Organisers' },
      { category: 'participants', value: 23000, attribution: 'police' },
    ]);
    check('Organisers said 66,000 people took part; 23,000 were arrested.', [
      { category: 'participants', value: 66000, attribution: 'Organisers' },
      { category: 'arrested', value: 23000, attribution: 'Organisers' },
    ]);
  });
  it('reads "N of those <group>" as a part for the words of every category\'s group', () =>
    check('About 5,000 people were evacuated. By Friday, 300 of those evacuated had returned home.', [
      { category: 'displaced', value: 5000 },
      { category: 'displaced', value: 300, relation: 'part_of' },
    ]));
});

describe('a whole named up front', () => {
  it('reads "Of the 12 injured, four are in critical condition" as four of the twelve', () =>
    check('Of the 12 injured, four are in critical condition.', [{ category: 'injured', value: 12 }, { category: 'injured', value: 4, relation: 'part_of' }]));
});

describe('a breakdown of a group', () => {
  it('reads "Of the dead, 31 were men, 12 women and 7 children" as parts of the killed before it', () => {
    const got = check('Divers recovered 50 bodies on Friday. Of the dead, 31 were men, 12 women and 7 children.', [
      { category: 'killed', value: 50 },
      { category: 'killed', value: 31, relation: 'part_of', subgroup: 'men' },
      { category: 'killed', value: 12, relation: 'part_of', subgroup: 'women' },
      { category: 'killed', value: 7, relation: 'part_of', subgroup: 'children' },
    ]);
    const whole = got.findIndex((c) => c.value === 50);
    expect(got.filter((c) => c.relation === 'part_of').map((c) => c.parent)).toEqual([whole, whole, whole]);
  });
  it('reads the whole when the breakdown names it', () =>
    check('Of the 50 dead, 31 were men and 19 were women.', [
      { category: 'killed', value: 50 },
      { category: 'killed', value: 31, relation: 'part_of', subgroup: 'men' },
      { category: 'killed', value: 19, relation: 'part_of', subgroup: 'women' },
    ]));
  it('reads "Eight of the dead were children", but not a count the group\'s own predicate takes', () => {
    check('Eight of the dead were children.', [{ category: 'killed', value: 8, relation: 'part_of', subgroup: 'children' }]);
    check('Of the dead, many were never found.', []);
  });
});

describe('a list of parts in an aside', () => {
  it('reads every part of "among them 17 women and 9 children"', () =>
    check('Officials confirmed 41 deaths, among them 17 women and 9 children.', [
      { category: 'killed', value: 41 },
      { category: 'killed', value: 17, relation: 'part_of', subgroup: 'women' },
      { category: 'killed', value: 9, relation: 'part_of', subgroup: 'children' },
    ]));
  it('does not make a part named in an aside the subject of the next clause', () =>
    check('133 people were killed, including 117 villagers, and 744 were injured.', [
      { category: 'killed', value: 133 },
      { category: 'killed', value: 117, relation: 'part_of', subgroup: 'villagers' },
      { category: 'injured', value: 744 },
    ]));
});

describe('people among a group, a breakdown by place', () => {
  it('reads "Nine children were among those killed" as a part of the killed', () =>
    check('The quake killed 34 people. Nine children were among those killed.', [
      { category: 'killed', value: 34 },
      { category: 'killed', value: 9, relation: 'part_of', subgroup: 'children' },
    ]));
  it('reads one person among a group as a part of it', () =>
    check('A 12-year-old girl was among those killed.', [{ category: 'killed', value: 1, relation: 'part_of', subgroup: 'girl' }]));
  it('reads "Of the dead, 21 were from Alvora district and 13 from Herat" by place, each placed by its own words', () =>
    check('The quake killed 34 people. Of the dead, 21 were from Alvora district and 13 from Herat.', [
      { category: 'killed', value: 34 },
      { category: 'killed', value: 21, relation: 'part_of', subgroup: 'from Alvora district', location: [] },
      { category: 'killed', value: 13, relation: 'part_of', subgroup: 'from Herat', location: ['Herat'] },
    ]));
});

describe('counts per place after a claim', () => {
  it('reads a count for each place ("killed 43 people in Kerala and 12 in Karnataka")', () =>
    check('The floods killed 43 people in Kerala and 12 in Karnataka.', [
      { category: 'killed', value: 43, location: ['Kerala'] },
      { category: 'killed', value: 12, location: ['Karnataka'] },
    ]));
  it('reads the parts of a whole that names no place, and leaves the whole unplaced by them', () => {
    const got = check('The earthquakes killed more than 59,000 people: 50,783 in Turkey and 8,476 in Syria.', [
      { category: 'killed', value: 59000 },
      { category: 'killed', value: 50783, relation: 'part_of', location: ['Turkey'] },
      { category: 'killed', value: 8476, relation: 'part_of', location: ['Syria'] },
    ]);
    expect(got.find((c) => c.value === 59000)!.locationInferred || got.find((c) => c.value === 59000)!.location.length === 0).toBe(true);
    check('At least 120 people were killed, 80 of them in Aleppo.', [
      { category: 'killed', value: 120 },
      { category: 'killed', value: 80, relation: 'part_of', location: ['Aleppo'] },
    ]);
  });
  it('reads "in Hatay province alone" as a part', () =>
    check('The death toll rose to 140, with 97 confirmed dead in Hatay province alone.', [
      { category: 'killed', value: 140 },
      { category: 'killed', value: 97, relation: 'part_of' },
    ]));
});

describe('the injured in care, and in a state when told', () => {
  it('reads people taken to care as injured ("taken to nearby hospitals", "treated for", "received treatment")', () => {
    check('Five people were taken to nearby hospitals, police said.', [{ category: 'injured', value: 5 }]);
    check('Two rescuers were treated for smoke inhalation.', [{ category: 'injured', value: 2, subject: 'rescuers' }]);
    check('Eleven were admitted to the district hospital in Tarvel.', [{ category: 'injured', value: 11 }]);
  });
  it('reads a state of the injured when told as a count of its own, quoting no dangling word', () => {
    check('Nineteen remain in hospital, five of them on ventilators.', [
      { category: 'injured', value: 19, subject: 'in hospital' },
      { category: 'injured', value: 5, relation: 'part_of', subgroup: 'on ventilators' },
    ]);
    check('Around 260 people remained in custody.', [{ category: 'arrested', value: 260, subject: 'people remained in custody' }]);
    check('Twelve people were hurt. Three are in critical condition.', [
      { category: 'injured', value: 12, subject: 'people' },
      { category: 'injured', value: 3, subject: 'in critical condition' },
    ]);
    check('The other 17 were discharged after first aid.', [{ category: 'injured', value: 17, subject: 'discharged' }]);
    const [c] = check('The other three were treated and sent home.', [{ category: 'injured', value: 3 }]);
    expect(c!.quote.endsWith('treated')).toBe(true);
  });
  it('does not read "treated as" or "admitted to the bar"', () => {
    check('The two suspects were treated as terrorists.', []);
    check('Four lawyers were admitted to the bar in 1990.', []);
  });
});

describe('parts in a state after their whole ("eight of them seriously")', () => {
  it('reads a part of the whole after "of them", with its state as its subgroup', () => {
    check('He said 30 people were wounded, eight of them seriously.', [
      { category: 'injured', value: 30 },
      { category: 'injured', value: 8, relation: 'part_of', subgroup: 'seriously' },
    ]);
    check('Hospitals treated 61 people, 23 of them for gunshot wounds.', [
      { category: 'injured', value: 61 },
      { category: 'injured', value: 23, relation: 'part_of', subgroup: 'for gunshot wounds' },
    ]);
    check('Police arrested 418 people, 58 of them children.', [
      { category: 'arrested', value: 418 },
      { category: 'arrested', value: 58, relation: 'part_of', subgroup: 'children' },
    ]);
  });
  it('reads a breakdown opened by "Among the … dead,"', () =>
    check('Among the 148 confirmed dead, 97 were women and at least six were children.', [
      { category: 'killed', value: 148 },
      { category: 'killed', value: 97, relation: 'part_of', subgroup: 'women' },
      { category: 'killed', value: 6, relation: 'part_of', subgroup: 'children' },
    ]));
});
