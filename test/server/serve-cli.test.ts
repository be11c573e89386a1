/**
 * `reckon serve` as a real child process: it prints its address, answers on
 * it, takes its token from --token or RECKON_TOKEN, answers to the names
 * given with --allowed-host, stops cleanly on SIGTERM, refuses bad options
 * with exit code 64, and explains its options in --help.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';
import { rawRequest } from './helpers.js';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const ENTRY = path.join(ROOT, 'src/cli/run.ts');

interface Ended {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], env: Record<string, string> = {}): { child: ChildProcess; address: Promise<string>; done: Promise<Ended> } {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  delete e.RECKON_DB;
  if (!('RECKON_TOKEN' in env)) delete e.RECKON_TOKEN;
  const child = spawn(TSX, [ENTRY, ...args], { cwd: ROOT, env: e, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  let found: (a: string) => void;
  const address = new Promise<string>((r) => (found = r));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    const m = /reckon: serving (http:\/\/\S+)/.exec(stderr);
    if (m) found(m[1]!);
  });
  const done = new Promise<Ended>((r) => child.on('close', (code) => r({ code, stdout, stderr })));
  return { child, address, done };
}

describe('reckon serve', () => {
  it('serves the API on the address it prints, with ingest behind the token, and stops on SIGTERM', async () => {
    const db = path.join(tempDir(), 'serve.db');
    const s = start(['serve', '--db', db, '--port', '0', '--allowed-host', 'reckon.test'], { RECKON_TOKEN: 'a-long-enough-token' });
    try {
      const url = await Promise.race([s.address, s.done.then((d) => Promise.reject(new Error(d.stderr)))]);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const stats = (await (await fetch(`${url}/api/stats`)).json()) as { documents: number; ingest: boolean };
      expect(stats).toMatchObject({ documents: 0, ingest: true });
      const body = JSON.stringify({ documents: [{ text: 'Three people were killed in Northfield on June 1, 2024.' }] });
      const denied = await fetch(`${url}/api/ingest`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
      expect(denied.status).toBe(401);
      const ok = await fetch(`${url}/api/ingest`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Authorization: 'Bearer a-long-enough-token' } });
      expect(ok.status).toBe(201);
      // the names it answers to: its own, and the one given with --allowed-host
      const port = Number(new URL(url).port);
      expect((await rawRequest(port, '/api/stats', { headers: { Host: `reckon.test:${port}` } })).status).toBe(200);
      expect((await rawRequest(port, '/api/stats', { headers: { Host: `evil.example:${port}` } })).status).toBe(421);
    } finally {
      s.child.kill('SIGTERM');
    }
    const end = await s.done;
    expect(end.stderr).toMatch(/reckon: stopping/);
    expect(end.stderr).not.toMatch(/clear text/);
    expect(end.code).toBe(0);
  });

  it('warns that a token crosses the network in clear text when it serves beyond this machine', async () => {
    const db = path.join(tempDir(), 'open.db');
    const s = start(['serve', '--db', db, '--host', '0.0.0.0', '--port', '0'], { RECKON_TOKEN: 'a-long-enough-token' });
    try {
      await Promise.race([s.address, s.done.then((d) => Promise.reject(new Error(d.stderr)))]);
    } finally {
      s.child.kill('SIGTERM');
    }
    const end = await s.done;
    expect(end.stderr).toMatch(/warning: --host 0\.0\.0\.0 serves plain HTTP, so the ingest token is sent in clear text/);
  });

  it('refuses a bad port or a short token with exit code 64', async () => {
    const db = path.join(tempDir(), 'serve.db');
    const port = await start(['serve', '--db', db, '--port', 'eighty']).done;
    expect(port.code).toBe(64);
    expect(port.stderr).toMatch(/--port must be a port number/);
    const token = await start(['serve', '--db', db, '--port', '0', '--token', 'short']).done;
    expect(token.code).toBe(64);
    expect(token.stderr).toMatch(/--token must be at least 8 characters/);
    const host = await start(['serve', '--db', db, '--port', '0', '--allowed-host', 'http://reckon.test/']).done;
    expect(host.code).toBe(64);
    expect(host.stderr).toMatch(/--allowed-host takes a host name/);
  });

  it('describes its options, the host names it answers to and the rate limit in --help', async () => {
    const help = await start(['serve', '--help']).done;
    expect(help.code).toBe(0);
    for (const option of ['--host', '--port', '--token', '--allowed-host', '--trust-proxy']) expect(help.stdout).toContain(option);
    expect(help.stdout).toMatch(/DNS rebinding/);
    expect(help.stdout).toMatch(/get 421/);
    // what --trust-proxy trusts, and when not to give it
    expect(help.stdout).toMatch(/X-Forwarded-For is ignored unless --trust-proxy/);
    expect(help.stdout).toMatch(/429 with Retry-After/);
    expect(help.stdout).toMatch(/request bodies up to 5 MB \(413\)/);
  });
});
