/** Acronyms that small towns also bear ("NATO": Nato, Philippines): test/fixtures/analyze/acronyms.txt. */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';
import { notAPlace, places } from './not-a-place.js';

describe('acronyms (test/fixtures/analyze/acronyms.txt)', () => {
  notAPlace('acronyms.txt');

  it('an acronym read as no place is an organisation', () => {
    const m = analyzeText('NATO said 12 soldiers were killed.', { published: '2024-06-01', title: null, language: 'en' }).mentions;
    expect(m.filter((x) => x.kind === 'org').map((x) => x.text)).toEqual(['NATO']);
  });

  it('a dateline in capitals still names its town, and large towns in capitals are places', () => {
    expect(places('OLEAN, N.Y. — Two people were killed.')).toContain('OLEAN');
    expect(places('Protesters gathered in GAZA on Monday.')).toContain('GAZA');
  });
});
