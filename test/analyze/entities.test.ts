import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';

/** The people and organisations analyzeText finds in `text`, as "kind:text". */
const entities = (text: string): string[] =>
  analyzeText(text, { published: '2024-06-01', title: null, language: 'en' })
    .mentions.filter((m) => m.kind === 'person' || m.kind === 'org')
    .map((m) => `${m.kind}:${m.text}`);

describe('people and organisations', () => {
  it('an acronym alone is an organisation: two to six ASCII capitals', () => {
    expect(entities('They said NASA had left.')).toEqual(['org:NASA']);
    expect(entities('They said NASAA had left.')).toEqual(['org:NASAA']);
    expect(entities('They said ABCDEFG had left.')).toEqual([]);
    expect(entities('They said ÉU had left.')).toEqual([]);
    expect(entities('They said Nasa had left.')).toEqual([]);
  });
  it('a title of one or two words before a name makes it a person\'s', () => {
    expect(entities('He met sheriff Ali McKay there.')).toEqual(['person:Ali McKay']);
    expect(entities('He met deputy sheriff Ali McKay there.')).toEqual(['person:Ali McKay']);
    expect(entities('He met McKay Ali there.')).toEqual([]);
  });
});

describe("a sentence's first word alone", () => {
  /** Every mention but dates, as "kind:text". */
  const names = (text: string): string[] =>
    analyzeText(text, { published: '2024-06-01', title: null, language: 'en' })
      .mentions.filter((m) => m.kind !== 'date')
      .map((m) => `${m.kind}:${m.text}`);

  it('names an organisation when it is an acronym or an organisation word that is no English word', () => {
    expect(names('UNICEF said so.')).toEqual(['org:UNICEF']);
    expect(names('Then NATO spoke. UN said so. Hurricane Katrina hit.')).toEqual(['org:NATO', 'org:UN']);
    expect(names('Majlis said so.')).toEqual(['org:Majlis']);
    expect(names('Ministry said so.')).toEqual([]);
    expect(names('Hospital said so.')).toEqual([]);
  });

  it('names an event before an event word unless it is an English word; a place there is the place and an event of it', () => {
    expect(names('Zzyzx attack ended.')).toEqual(['event:Zzyzx attack']);
    expect(names('Ünal attack ended.')).toEqual(['event:Ünal attack']);
    expect(names('Kelvin attack ended.')).toEqual(['event:Kelvin attack']);
    expect(names('Sumgait pogroms began.')).toEqual(['event:Sumgait pogroms']);
    expect(names('Flood attack ended.')).toEqual([]);
    expect(names('Tragedy struck. Genocide followed. Zzyzx attack ended.')).toEqual(['event:Zzyzx attack']);
    expect(names('İzmir attack ended.')).toEqual(['place:İzmir', 'event:İzmir attack']);
  });

  it('names nothing otherwise, English word or not', () => {
    for (const text of ['Police said five were killed.', 'Aliyev said five were killed.', 'Zzyzx said so.', 'The massacre was remembered.', 'Hospital staff said five were hurt.', 'Zzyzx']) {
      expect(names(text), text).toEqual([]);
    }
    expect(names('Aliyev Ministry said so.')).toEqual(['org:Aliyev Ministry']);
    expect(names('Black January was remembered.')).toEqual(['event:Black January']);
  });
});

describe('the capital that starts a name', () => {
  it('is read from the text, ASCII or not', () => {
    expect(entities('They met Ünal Yilmaz there.')).toEqual(['person:Ünal Yilmaz']);
    expect(entities('They met ünal yilmaz there.')).toEqual([]);
    expect(entities('They said ÉTA had left. Then Ünal Yilmaz said so.')).toEqual(['person:Ünal Yilmaz']);
    expect(entities('Ünal Yilmaz said so.')).toEqual(['person:Ünal Yilmaz']);
  });
});

describe('a place before an event word', () => {
  const events = (text: string) =>
    analyzeText(text, { published: '2024-06-01', title: null, language: 'en' })
      .mentions.filter((m) => m.kind === 'event')
      .map((m) => `${m.text}=${m.value}`);

  it('is an event of that place, with a key of its own kind ("at:"), and the place stays a place', () => {
    expect(events('Survivors of the Srebrenica massacre gathered.')).toEqual(['Srebrenica massacre=at:srebrenica massacre']);
    expect(events('Victims of Khojaly genocide were remembered.')).toEqual(['Khojaly genocide=at:khojaly genocide']);
    expect(events('He spoke after the Kabul bombing on Monday.')).toEqual(['Kabul bombing=at:kabul bombing']);
    const m = analyzeText('Survivors of the Srebrenica massacre gathered.', { published: '2024-06-01', title: null, language: 'en' }).mentions;
    expect(m.filter((x) => x.kind === 'place').map((x) => x.text)).toEqual(['Srebrenica']);
  });

  it('is no event after a preposition of place, where the event word starts what happened there', () => {
    expect(events('In Baku tragedy struck again.')).toEqual([]);
    expect(events('Crowds in Paris protests were large.')).toEqual([]);
  });

  it('a name that is no place keeps its own key, and a connector left at a name\'s head is not part of it', () => {
    expect(events('Survivors of Sumgait pogrom spoke.')).toEqual(['Sumgait pogrom=name:sumgait pogrom']);
  });
});

describe('names beside places and days', () => {
  const ents = (text: string) =>
    analyzeText(text, { published: '2025-06-10', title: null, language: 'en' }).mentions.filter((m) => m.kind !== 'date' && m.kind !== 'place').map((m) => `${m.kind}:${m.text}`);
  it('reads a place\'s building before an event word as the event\'s name', () =>
    expect(ents('A week after the Harlow Tower fire, residents marched.')).toContain('event:Harlow Tower fire'));
  it('does not join a day or a month to a name through "on"', () => {
    expect(ents('Residents marched to Leeds Civic Hall on Monday.')).toContain('org:Leeds Civic Hall');
    expect(ents('The concert at Blossom Music Center on July 4 was cancelled.')).toContain('org:Blossom Music Center');
  });
});
