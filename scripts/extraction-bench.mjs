#!/usr/bin/env node
// Main-text extraction benchmark.
//
//   npx tsc -p tsconfig.build.json && node scripts/extraction-bench.mjs [--bench DIR] [--out FILE]
//
// Runs extractHtml (from dist/) on every *.html.gz page of the benchmark,
// writes the predictions as {key: {articleBody}} to --out (default
// /tmp/extraction-pred.json), prints the throughput, then scores the
// predictions with the benchmark's scorer (../shared/tools/score-extraction.mjs
// next to the bench folder).
//
// Options: --bench DIR   folder of *.html.gz pages (default ../shared/bench/article-extraction/html)
//          --out FILE    where to write the predictions
//          --module FILE the compiled module to test (default dist/article/html.js)
//          --scorer FILE the scorer (default ../shared/tools/score-extraction.mjs)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};

const benchDir = path.resolve(root, arg('bench', '../shared/bench/article-extraction/html'));
const out = path.resolve(arg('out', '/tmp/extraction-pred.json'));
const modulePath = path.resolve(root, arg('module', 'dist/article/html.js'));
const scorer = path.resolve(root, arg('scorer', '../shared/tools/score-extraction.mjs'));

if (!fs.existsSync(modulePath)) {
  console.error(`${modulePath} not found: run \`npx tsc -p tsconfig.build.json\` first`);
  process.exit(2);
}
if (!fs.existsSync(benchDir)) {
  console.error(`benchmark folder ${benchDir} not found (use --bench DIR)`);
  process.exit(2);
}

const { extractHtml } = await import(pathToFileURL(modulePath).href);

const files = fs.readdirSync(benchDir).filter((f) => f.endsWith('.html.gz')).sort();
const pages = files.map((f) => ({
  key: f.replace(/\.html\.gz$/, ''),
  html: zlib.gunzipSync(fs.readFileSync(path.join(benchDir, f))).toString('utf8'),
}));

const pred = {};
let bytes = 0;
const t0 = process.hrtime.bigint();
for (const { key, html } of pages) {
  bytes += html.length;
  pred[key] = { articleBody: extractHtml(html).text };
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;

fs.writeFileSync(out, JSON.stringify(pred, null, 1));
console.log(
  `${pages.length} pages in ${seconds.toFixed(2)} s: ${(pages.length / seconds).toFixed(1)} pages/s, ` +
    `${(bytes / 1e6 / seconds).toFixed(1)} MB/s; predictions in ${out}`,
);

if (fs.existsSync(scorer)) {
  const r = spawnSync(process.execPath, [scorer, '--prediction', out], { encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.status ?? 1;
} else {
  console.log(`scorer ${scorer} not found; predictions not scored`);
}
