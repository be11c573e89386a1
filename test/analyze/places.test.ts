import { describe, expect, it } from 'vitest';
import { olderKoreanRomanisation } from '../../src/analyze/gazetteer.js';
import { analyzeText } from '../../src/analyze/index.js';

/** The places analyzeText finds in `text`, as "text=name". */
const places = (text: string): string[] =>
  analyzeText(text, { published: '2024-06-01', title: null, language: 'en' })
    .mentions.filter((m) => m.kind === 'place')
    .map((m) => `${m.text}=${m.value}`);

describe('names of several words', () => {
  it('are found whatever spaces lie between the words, but not across a line break', () => {
    expect(places('Floods hit New York on Monday.')).toEqual(['New York=New York']);
    expect(places('Floods hit New  York on Monday.')).toEqual(['New  York=New York']);
    expect(places('Floods hit New\u00a0York on Monday.')).toEqual(['New\u00a0York=New York']);
    expect(places('Floods hit New\nYork on Monday.')).toEqual(['York=York']);
  });
  it('are found with connectors, letters with diacritics and either apostrophe', () => {
    expect(places('Floods hit Rio de Janeiro on Monday.')).toEqual(['Rio de Janeiro=Rio de Janeiro']);
    expect(places('Floods hit San José on Monday.')).toEqual(['San José=San José']);
    expect(places('Talks in the People’s Republic of China ended.')).toEqual(['People’s Republic of China=China']);
    expect(places("Talks in the People's Republic of China ended.")).toEqual(["People's Republic of China=China"]);
    expect(places('Talks in the PEOPLE’S REPUBLIC OF CHINA ended.')).toEqual(['PEOPLE’S REPUBLIC OF CHINA=China']);
  });
  it('a two-letter code counts only after a comma, as the state it qualifies the place with', () => {
    expect(places('Floods hit Sherman, TX on Monday.')).toEqual(['Sherman=Sherman', 'TX=Texas']);
    expect(places('Floods hit TX on Monday.')).toEqual([]);
    expect(places('Floods hit Austin, Texas on Monday.')).toEqual(['Austin=Austin', 'Texas=Texas']);
  });
});

describe('a place inside a longer capitalised name', () => {
  it('joins the run through a connector only between capitalised words', () => {
    expect(places('Students of the University of Ankara protested.')).toEqual(['Ankara=Ankara']);
    expect(places('Fighting in Ankara of late.')).toEqual(['Ankara=Ankara']);
    expect(places('the Ankara of')).toEqual(['Ankara=Ankara']);
    // (Ankara is cut off by "of"; the place after the connector counts, as in "University of Ankara")
    expect(places('He left Ankara of Turkey.')).toEqual(['Turkey=Türkiye']);
    expect(places('Rally of Baku ended.')).toEqual(['Baku=Baku']);
    expect(places('He studied at Baku State University of Oil.')).toEqual([]);
    expect(places('The Bank of Ankara High School closed.')).toEqual(['Ankara=Ankara']);
  });
});

describe('the capital that starts a place name', () => {
  it('is read from the text: ASCII, other Latin capitals, the Kelvin sign; at the text start and after a no-break space', () => {
    expect(places('İzmir')).toEqual(['İzmir=İzmir']);
    expect(places('Floods hit İzmir.')).toEqual(['İzmir=İzmir']);
    expect(places('Floods hit izmir.')).toEqual([]);
    expect(places('Floods hit Ümraniye.').map((p) => p.split('=')[0])).toEqual(['Ümraniye']);
    expect(places('Floods hit ümraniye.')).toEqual([]);
    expect(places('Floods hit \u00a0Ankara.')).toEqual(['Ankara=Ankara']);
    expect(places('Ankara\u00a0was hit.')).toEqual(['Ankara=Ankara']);
    expect(places('Floods hit \u212Aabul.').map((p) => p.split('=')[0])).toEqual(['\u212Aabul']);
  });
});

describe('natural features', () => {
  it('are read from their names, before or after the feature word', () => {
    expect(places('A ferry sank on Lake Merrow near the shore.')).toEqual(['Lake Merrow=Lake Merrow']);
    expect(places('Floods along the Ostra River cut the road.')).toEqual(['Ostra River=Ostra River']);
    expect(places('Pirates in the Gulf of Tessel seized a ship.')).toEqual(['Gulf of Tessel=Gulf of Tessel']);
    expect(places('Ash fell after Mt. Kalvar erupted.')).toEqual(['Mt. Kalvar=Mt. Kalvar']);
  });
  it('do not start with the preposition that opens a sentence', () => {
    expect(places('In Ostra River, villages are cut off.')).toEqual(['Ostra River=Ostra River']);
    expect(places('Along Tessel Bay, roads were shut.')).toEqual(['Tessel Bay=Tessel Bay']);
  });
  it('are not the start or end of a longer name, nor an organisation, nor a headline verb', () => {
    expect(places('He was treated at Lake Merrow Hospital.')).toEqual([]);
    expect(places('He lived in Salt Lake City, Utah.')).toEqual(['Salt Lake City=Salt Lake City', 'Utah=Utah']);
    expect(places('A train in the San Francisco Bay Area stopped.')).toEqual([]);
    expect(places('MARKET FALLS AGAIN')).toEqual([]);
  });
  it('are no people', () => {
    const mentions = analyzeText('Boats searched the Ostra River and the Tessel Bay Area.', { published: '2024-06-01', title: null, language: 'en' }).mentions;
    expect(mentions.filter((m) => m.kind === 'person')).toEqual([]);
  });
});

describe('names that hold a place but name none', () => {
  it('a month\'s abbreviation is no town, nor is a news organisation named after a city', () => {
    expect(places('He fell ill on Nov. 5, according to the Herat News Agency.')).toEqual([]);
    expect(places('The Kabul Times reported the attack.')).toEqual([]);
  });
  it('a school or a post office stands where its place is', () => {
    expect(places('A gunman entered the Herat Post Office on Monday.')).toEqual(['Herat=Herat']);
    expect(places('Students at Santa Fe High School fled.')).toEqual(['Santa Fe=Santa Fe']);
  });
});

describe('places in the possessive', () => {
  it('are read without the "\'s", which the mention leaves out', () => {
    expect(places("Four days that left Kabul's suburbs in mourning")).toEqual(['Kabul=Kabul']);
    expect(places('Protests spread to New York’s streets.')).toEqual(['New York=New York']);
  });
  it('but a shop named after a person is no small town ("a McDonald\'s restaurant")', () => {
    expect(places("A gunman entered a McDonald's restaurant.")).toEqual([]);
    expect(places("Talks in the People's Republic of China ended.")).toEqual(["People's Republic of China=China"]);
  });
});

describe('countries as news writes them', () => {
  it('reads Turkey, Britain and the short forms of the US and the UK', () => {
    expect(places('Protests spread across the US and Turkey.')).toEqual(['US=United States', 'Turkey=Türkiye']);
    expect(places('Troops from the U.S. and the UK arrived in Britain.')).toEqual(['U.S.=United States', 'UK=United Kingdom', 'Britain=United Kingdom']);
  });
  it('but not the bird, nor "us"', () => {
    expect(places('A turkey was roasted for the guests.')).toEqual([]);
    expect(places('Let us go to the market.')).toEqual([]);
  });
});

describe('places the gazetteer lacks, read from the report', () => {
  it('takes a name that stands after "in", "at", "the town of" or before "massacre", and is named twice', () => {
    const text = 'Police fired on the crowd at Dunmorrow on Monday. Residents of Dunmorrow buried the dead. The Dunmorrow shooting was the worst in years.';
    expect(places(text)).toEqual(['Dunmorrow=Dunmorrow', 'Dunmorrow=Dunmorrow', 'Dunmorrow=Dunmorrow']);
    expect(places('The army entered the town of Velkaro. Velkaro was quiet.')).toEqual(['Velkaro=Velkaro', 'Velkaro=Velkaro']);
    expect(places('The Velkaro survivors met. The Velkaro memorial was opened.')).toEqual(['Velkaro=Velkaro', 'Velkaro=Velkaro']);
    // a square's or a township's name keeps its kind of place
    expect(places('Troops fired on Grevin Square. Witnesses in Grevin Square counted the dead.')).toEqual(['Grevin Square=Grevin Square', 'Grevin Square=Grevin Square']);
  });
  it('takes a name that ends in its kind of place (a street, a square) at its first use', () => {
    expect(places('Troops fired on the crowd on Vardan Avenue before dawn.')).toEqual(['Vardan Avenue=Vardan Avenue']);
    expect(places('About 5,000 people gathered in Orlek Square on Friday.')).toEqual(['Orlek Square=Orlek Square']);
  });
  it('not a name named once, nor one used before a noun, a month, a company\'s name or an organisation', () => {
    expect(places('Police fired on the crowd at Dunmorrow on Monday.')).toEqual([]);
    expect(places('Fifteen men stayed in Varkish custody. Varkish officials refused to comment.')).toEqual([]);
    expect(places('The talks in March failed. March was cold.')).toEqual([]);
    expect(places('Workers at Tolmex shafts struck. Tolmex said it would talk.')).toEqual([]);
  });
  it('makes the place that names the event the report\'s main place for figures that name none', () => {
    const text = 'A ceremony was held in Baku on Monday to remember the Dunmorrow massacre.\n\nOfficials in Baku laid wreaths.\n\nThe attack on Dunmorrow killed 61 people.\n\nIn all, 40 people were wounded.';
    const c = analyzeText(text, { published: '2024-06-01', title: null, language: 'en' }).claims;
    expect(c.find((x) => x.category === 'injured')?.location).toEqual(['Dunmorrow']);
  });
});

describe('a site named after a town', () => {
  it('is the site, not the town ("Hamilton Tower"); the town alone stays the town', () => {
    const a = analyzeText('At least nine people were killed in a fire at Hamilton Tower on Wednesday.', { published: '2021-03-03', title: null, language: 'en' });
    expect(a.mentions.filter((m) => m.kind === 'place').map((m) => m.text)).not.toContain('Hamilton');
    expect(a.claims[0]!.location).toEqual(['Hamilton Tower']);
    const b = analyzeText('Twelve people were injured in Hamilton on Friday.', { published: '2021-03-03', title: null, language: 'en' });
    expect(b.claims[0]!.location).toEqual(['Hamilton']);
  });
});

describe('a site named in full, then by its last word', () => {
  it('is the site both times, though the gazetteer holds the short form as a town elsewhere', () => {
    const a = analyzeText('Crowds returned to Khairpur Bagh on Sunday. A crowd of 9,000 had assembled in the Bagh when the shooting began.', { published: '2021-03-03', title: null, language: 'en' });
    expect(a.mentions.filter((m) => m.kind === 'place').map((m) => m.value)).toEqual(['Khairpur Bagh', 'Khairpur Bagh']);
    expect(a.claims.find((c) => c.category === 'participants')!.location).toEqual(['Khairpur Bagh']);
    // (a short form with no full name before it stays what the gazetteer says)
    const b = analyzeText('A crowd of 9,000 had assembled in Bagh when the shooting began.', { published: '2021-03-03', title: null, language: 'en' });
    expect(b.claims[0]!.location).toEqual(['Bagh']);
  });
});

describe('a name the report gives a person', () => {
  it('is no place anywhere in the report, though the gazetteer holds a town of that name', () => {
    expect(places('Lim spoke in Busan on Monday.')).toEqual(['Lim=Lim', 'Busan=Busan']);
    // a surname before a hyphened given name, or after a title, and every bare use of it in the same report
    expect(places('Colonel Lim Ho-sung ordered the arrests in Busan. Lim\'s men detained 40 students.')).toEqual(['Busan=Busan']);
    expect(places('President Kang met the families. Kang spoke in Busan.')).toEqual(['Busan=Busan']);
  });
});

describe('South Korean towns in the older romanisation', () => {
  it('are the towns the gazetteer names in the present one', () => {
    expect(places('Troops moved from Pusan and Taegu to Kwangju.')).toEqual(['Pusan=Busan', 'Taegu=Daegu', 'Kwangju=Gwangju']);
    expect(places('Troops moved from Busan to Gwangju.')).toEqual(['Busan=Busan', 'Gwangju=Gwangju']);
  });
  it('unless the older form is an English word ("Seoul" is not also "Soul")', () => {
    expect(olderKoreanRomanisation('Seoul')).toBeNull();
    expect(olderKoreanRomanisation('Incheon')).toBe('inchon');
    expect(olderKoreanRomanisation('Jeonju')).toBe('chonju');
    expect(olderKoreanRomanisation('Mokpo')).toBeNull();
  });
});
