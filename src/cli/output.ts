/** Output helpers for the CLI: data on stdout, status on stderr. */
import { maxOf } from '../core/collections.js';
import { EXIT_CODES, ReckonError, asReckonError } from '../core/errors.js';

export const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
export const status = (s: string) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
export const json = (v: unknown) => out(JSON.stringify(v, null, 2));

const useColor = () => process.stdout.isTTY && !process.env.NO_COLOR;
export const bold = (s: string) => (useColor() ? `\u001b[1m${s}\u001b[22m` : s);
export const dim = (s: string) => (useColor() ? `\u001b[2m${s}\u001b[22m` : s);

/** Runs a command body, turning errors into one line on stderr and an exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<number | void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await fn(...args);
      if (typeof code === 'number') process.exitCode = code;
    } catch (e) {
      const err = asReckonError(e);
      status(`reckon: ${err.oneLine()}`);
      if (process.env.RECKON_DEBUG && e instanceof Error) status(e.stack ?? '');
      process.exitCode = EXIT_CODES[err.code];
    }
  };
}

export function invalid(message: string, subject?: string): ReckonError {
  return new ReckonError('INVALID_ARGUMENT', message, subject ? { subject } : {});
}

export function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw invalid(`${name} must be a whole number ≥ 0, got "${v}"`);
    return n;
  };
}

/** Truncates to a width, on a character boundary. */
export function cut(s: string, width: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= width ? t : `${t.slice(0, Math.max(0, width - 1))}…`;
}

export function table(rows: string[][], header: string[]): string {
  const widths = header.map((h, i) => Math.max(h.length, maxOf(rows, (r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [bold(line(header)), ...rows.map(line)].join('\n');
}
