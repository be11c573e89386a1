/** Runs the real CLI (src/cli/run.ts) as a child process through tsx. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../helpers.js';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const ENTRY = path.join(ROOT, 'src/cli/run.ts');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `env` adds to the environment (NODE_OPTIONS, say); after `timeoutMs` the
 * command is killed (SIGKILL, with tsx's node child) and `timedOut` is set.
 */
export function reckon(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<Run & { timedOut?: boolean }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.RECKON_DB;
  delete env.RECKON_DEBUG;
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [ENTRY, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.timeoutMs !== undefined });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            try {
              process.kill(-child.pid!, 'SIGKILL');
            } catch {
              // already gone
            }
          }, options.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(timedOut ? { code, stdout, stderr, timedOut } : { code, stdout, stderr });
    });
  });
}

/** The summary line of `reckon ingest`: inputs, new, versions, already stored, failed, claims, archive, documents, claims. */
export const SUMMARY = /^ingested (\d+) input\(s\) in [\d.]+ s: (\d+) new, (\d+) new version\(s\), (\d+) already stored, (\d+) failed, (\d+) claim\(s\) · archive (.+): (\d+) document\(s\), (\d+) claim\(s\)$/;
