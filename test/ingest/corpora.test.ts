/**
 * Whole corpora: the sample corpus in examples/black-january, and the seed
 * reports with their gold annotations in ../shared (skipped, with a notice,
 * where that folder is absent).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline/ingest.js';
import { EXAMPLES, GOLD_SEEDS, SEEDS, allDocuments, offsetProblems, openTestStore, tempDir } from '../helpers.js';

describe('the sample corpus examples/black-january', () => {
  it('ingests cleanly: five reports with their titles, outlets and dates', async () => {
    const store = await openTestStore(tempDir());
    const r = await ingest(store, [EXAMPLES]);
    expect(r.failures).toEqual([]);
    expect(r.skipped).toBe(0);
    expect(r.added).toBe(5);
    const docs = await allDocuments(store);
    const meta = docs.map((d) => [path.basename(d.source), d.format, d.title, d.outlet, d.published, d.language]);
    expect(meta).toEqual([
      ['01-the-night-of-january-19-20.txt', 'text', 'The night Baku woke to tanks', null, null, 'en'],
      ['02-34th-anniversary.txt', 'text', "Azerbaijan remembers the victims of January 20 on the tragedy's 34th anniversary", null, '2024-01-20', 'en'],
      ['03-trend-36th-anniversary.md', 'markdown', 'Azerbaijan marks 36 years since the January 20 tragedy', 'Trend', '2026-01-20', 'en'],
      ['04-day-of-honour.txt', 'text', 'January 20: a day of honour for the Azerbaijani people', null, null, 'en'],
      ['05-operative-information-center.html', 'html', 'Azerbaijan remembers Black January, 36 years on', 'Operative Information Center', null, 'en'],
    ]);
    expect(docs.flatMap((d, i) => offsetProblems(d, 300, i + 1))).toEqual([]);
  });

  it('keeps every figure of the reports and drops their page furniture', async () => {
    const store = await openTestStore(tempDir());
    await ingest(store, [EXAMPLES]);
    const text = Object.fromEntries((await allDocuments(store)).map((d) => [path.basename(d.source).slice(0, 2), d.text]));
    const figures: Record<string, string[]> = {
      '01': ['150 civilians', '744 people', '4 had been declared missing', 'January 19, 1990'],
      '02': ['Official data', '150 civilians killed, 744 people seriously wounded and 4 missing', 'In 1994'],
      '03': ['cost 147 people their lives', 'Another 744 suffered severe injuries', '841 people were arrested', '200 residential buildings', 'On January 21, 1990', 'Moscow'],
      '04': ['133 people dead, among them 117 Azerbaijanis', 'as many as 744 people, four went missing and 400 were arrested', 'a further 21 people were killed in Baku', 'in Neftchala and Lankaran 26 people were shot'],
      '05': [
        '82 people had lost their lives and 20 had received mortal wounds',
        'a further 21 people were killed in Baku',
        'eight more people died there on January 25–26',
        '131 people killed and 744 injured',
        'detained 841 people',
        '112 of them ended up in prisons',
        '200 houses and 80 vehicles',
        '150 individuals',
        'Approximately 2 million people',
        'on January 22, 1990',
        'March 29, 1994',
      ],
    };
    const furniture: Record<string, string[]> = {
      '02': ['Photo: AzərTAc', 'date 2024-01-20'],
      '03': ['January 20, 2026', '**', '# '],
      '04': ['Search in archive'],
      '05': ['3 min', 'Share:', 'Share this news', 'Related News', 'On the same topic', 'More: Domestic Policy', 'View all', 'Photo: OMM archive', 'All rights reserved', 'Home'],
    };
    for (const [k, words] of Object.entries(figures)) for (const w of words) expect(text[k], `${k} lost ${w}`).toContain(w);
    for (const [k, words] of Object.entries(furniture)) for (const w of words) expect(text[k], `${k} kept ${w}`).not.toContain(w);
  });
});

interface GoldDocument {
  file: string;
  language: string;
  published: string | null;
  published_optional?: string;
  title: string | null;
  outlet: string | null;
  boilerplate: string[];
  keep: string[];
}

const hasShared = fs.existsSync(SEEDS) && fs.existsSync(GOLD_SEEDS);
if (!hasShared) console.warn(`[reckon tests] ${SEEDS} or ${GOLD_SEEDS} is absent: the seed corpus tests are skipped`);

describe.skipIf(!hasShared)('the seed reports (../shared/corpus/seeds)', () => {
  it('ingested twice: 5 documents, each with the title, outlet, date and language of the gold', async () => {
    const gold = JSON.parse(fs.readFileSync(GOLD_SEEDS, 'utf8')) as { documents: GoldDocument[] };
    const store = await openTestStore(tempDir());
    const first = await ingest(store, [SEEDS]);
    const second = await ingest(store, [SEEDS]);
    expect(first).toMatchObject({ added: 5, failures: [] });
    expect(second).toMatchObject({ added: 0, versions: 0, duplicates: 5, failures: [] });
    expect(await store.stats()).toMatchObject({ documents: 5, versions: 5 });

    const docs = await allDocuments(store);
    expect(docs.map((d) => path.basename(d.source)).sort()).toEqual(gold.documents.map((g) => g.file).sort());
    for (const g of gold.documents) {
      const d = docs.find((x) => path.basename(x.source) === g.file)!;
      expect(d.title, `${g.file} title`).toBe(g.title);
      expect(d.outlet, `${g.file} outlet`).toBe(g.outlet);
      expect([g.published, g.published_optional ?? g.published], `${g.file} published`).toContain(d.published);
      expect(d.language, `${g.file} language`).toBe(g.language);
      for (const s of g.boilerplate) expect(d.text, `${g.file} kept "${s}"`).not.toContain(s);
      for (const s of g.keep) expect(d.text, `${g.file} lost "${s}"`).toContain(s);
    }
    expect(docs.flatMap((d, i) => offsetProblems(d, 300, i + 1))).toEqual([]);
  });

  it('search Neftchala finds exactly the two reports that name it', async () => {
    const store = await openTestStore(tempDir());
    await ingest(store, [SEEDS]);
    const r = await store.search('Neftchala');
    const files = fs.readdirSync(SEEDS).filter((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8').includes('Neftchala'));
    expect(files.map((f) => f.slice(0, 3)).sort()).toEqual(['003', '004']);
    expect(r.total).toBe(2);
    expect(r.hits.map((h) => path.basename(h.source)).sort()).toEqual(files.sort());
    for (const h of r.hits) expect(h.snippet).toMatch(/\u0002Neftchala\u0003/);
  });
});
