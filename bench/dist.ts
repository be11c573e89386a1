/**
 * The benchmarks measure reckon as users run it: from its build in dist/
 * (`tsc -p tsconfig.build.json`), not from the sources through tsx, whose
 * transform adds a helper call to every function created (about 1.5× slower
 * analysis). Types come from the sources.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds dist/ from the sources (the server's and library's code; not the web page). */
export function buildDist(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
}

/** A module of dist/, typed as its source. */
export async function fromDist<T>(rel: string): Promise<T> {
  const file = path.join(ROOT, 'dist', rel);
  if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: build first (npx tsc -p tsconfig.build.json) or drop --no-build`);
  return (await import(pathToFileURL(file).href)) as T;
}
