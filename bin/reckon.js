#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli/run.js, built by `npm run build` (which `npm ci` runs).
import('../dist/cli/run.js').catch((err) => {
  process.stderr.write(`reckon: ${err && err.message ? err.message : String(err)} (was the package built? run npm run build)\n`);
  process.exitCode = 70;
});
