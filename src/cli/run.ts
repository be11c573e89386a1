/**
 * The executable entry: runs the CLI on this process's arguments. bin/reckon.js
 * (through dist/) and the tests (through tsx) start here. An error that escapes
 * a command still ends as one line on stderr and a sysexits-like code.
 */
import { EXIT_CODES, asReckonError } from '../core/errors.js';
import { main } from './main.js';

// a closed pipe ("reckon export | head") ends the command quietly
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv).catch((e: unknown) => {
  const err = asReckonError(e);
  process.stderr.write(`reckon: ${err.oneLine()}\n`);
  if (process.env.RECKON_DEBUG && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
  process.exitCode = EXIT_CODES[err.code];
});
