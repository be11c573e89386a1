/**
 * The reckon command line. One file per noun; each command validates its
 * options, calls the library, prints data on stdout and status on stderr.
 */
import { Command, CommanderError } from 'commander';
import { registerAnalysis } from './analysis.js';
import { registerArchive } from './archive.js';
import { registerServe } from './serve.js';
import { registerWorker } from './worker.js';
import { VERSION } from '../version.js';

export function program(): Command {
  const p = new Command('reckon')
    .description(
      'Reads many reports of one event, extracts every figure with the exact words behind it,\n' +
        'and shows who says what and how the figures relate. It never decides the truth.',
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      `
Archive: --db FILE (SQLite, default ./reckon.db) or --db postgres://… (also RECKON_DB).

Examples:
  reckon ingest examples/black-january         store and analyse a folder of reports
  reckon search Neftchala                      full-text search with snippets
  reckon claims --category killed --explain    every figure and the rules that read it
  reckon facts --format md                     the fact sheet with numbered citations
  reckon serve                                 the web page and HTTP API

Exit codes: 0 ok; 1 some inputs failed (the rest were stored); 64 bad usage;
65 bad input; 66 not found; 70 internal error; 74 archive error.`,
    );
  p.exitOverride();
  registerArchive(p);
  registerAnalysis(p);
  registerServe(p);
  registerWorker(p);
  return p;
}

export async function main(argv: string[]): Promise<void> {
  const p = program();
  try {
    await p.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 64;
      return;
    }
    throw e;
  }
}
