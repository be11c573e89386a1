import { beforeEach, describe, expect, it, vi } from 'vitest';

// the detector, watched: a text recognised as English by its words must not reach it
const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('tinyld', async (importOriginal) => {
  const real = await importOriginal<typeof import('tinyld')>();
  return { ...real, detect: (...args: Parameters<typeof real.detect>) => (calls.n++, real.detect(...args)) };
});
const { guessLanguage } = await import('../../src/article/language.js');

describe('guessLanguage on short texts with few function words', () => {
  beforeEach(() => {
    calls.n = 0;
  });

  it('reads a dense English report as English, without the detector', () => {
    // none of its 16 words is a common function word, all are English words
    expect(guessLanguage('Gunmen killed eight villagers, wounded eleven others during overnight raids near Kano, police officials confirmed Sunday.')).toBe('en');
    expect(calls.n).toBe(0);
  });

  it('leaves other languages to the detector', () => {
    expect(guessLanguage('Hombres armados mataron a ocho aldeanos e hirieron a otros once en un ataque nocturno cerca de la frontera, dijo la policía local.')).toBe('es');
    expect(guessLanguage('Bewaffnete haben bei einem nächtlichen Überfall nahe der Grenze acht Dorfbewohner getötet und elf weitere verletzt, sagte die Polizei.')).toBe('de');
    expect(calls.n).toBe(2);
  });

  it('asks the detector about a text of names with a few English words', () => {
    // proper names are no dictionary words: under three quarters of the words are English
    guessLanguage('Abdulkadir Mahamat Yusufoğlu Kırıkkale Şanlıurfa Diyarbakır Gaziantep Kahramanmaraş Adıyaman Malatya Elazığ Tunceli police said');
    expect(calls.n).toBe(1);
  });

  it('asks nothing of a text too short to tell', () => {
    expect(guessLanguage('Police said')).toBe(null);
    expect(calls.n).toBe(0);
  });
});
