/**
 * Main-text quality on the article-extraction benchmark (181 news pages
 * with hand-checked article text), measured like the benchmark's scorer:
 * 4-word shingle precision and recall per page, averaged over pages, F1
 * from the two means. Skipped when the benchmark is not next to the
 * project (../shared/bench/article-extraction).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/article/html.js';
import { checkOffsetMap } from './html-helpers.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const benchDir = path.resolve(projectRoot, '../shared/bench/article-extraction');
const available = fs.existsSync(path.join(benchDir, 'ground-truth.json')) && fs.existsSync(path.join(benchDir, 'html'));
if (!available) console.warn(`article-extraction benchmark not found at ${benchDir}: skipping the extraction benchmark test`);

const MIN_F1 = 0.95;
const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string): Map<string, number> {
  const t = text.match(TOKEN) ?? [];
  const m = new Map<string, number>();
  for (let i = 0; i < Math.max(1, t.length - 3); i++) {
    const k = t.slice(i, i + 4).join('\u0001');
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** Per-page precision and recall (undefined when the page does not count towards that mean). */
function pageScores(truth: string, predicted: string): { p?: number; r?: number } {
  const a = shingles(truth);
  const b = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k) ?? 0;
    const y = b.get(k) ?? 0;
    tp += Math.min(x, y);
    fp += Math.max(0, y - x);
    fn += Math.max(0, x - y);
  }
  const s = tp + fp + fn || 1;
  [tp, fp, fn] = [tp / s, fp / s, fn / s];
  const p = fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
  const r = fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
  return { p: tp + fp > 0 ? p : undefined, r: tp + fn > 0 ? r : undefined };
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

describe.skipIf(!available)('article-extraction benchmark', () => {
  it(`reaches main-text F1 >= ${MIN_F1} and keeps the offset map exact`, { timeout: 300_000 }, () => {
    const truth = JSON.parse(fs.readFileSync(path.join(benchDir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
    const ps: number[] = [];
    const rs: number[] = [];
    let pages = 0;
    for (const [key, { articleBody }] of Object.entries(truth)) {
      const file = path.join(benchDir, 'html', `${key}.html.gz`);
      expect(fs.existsSync(file), file).toBe(true);
      const html = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
      const article = extractHtml(html);
      checkOffsetMap(html, article, 20, pages);
      const { p, r } = pageScores(articleBody, article.text);
      if (p !== undefined) ps.push(p);
      if (r !== undefined) rs.push(r);
      pages++;
    }
    const P = mean(ps);
    const R = mean(rs);
    const F1 = P + R ? (2 * P * R) / (P + R) : 0;
    console.log(`extraction F1=${F1.toFixed(3)} P=${P.toFixed(3)} R=${R.toFixed(3)} pages=${pages}`);
    expect(pages).toBeGreaterThan(100);
    expect(F1).toBeGreaterThanOrEqual(MIN_F1);
  });
});
