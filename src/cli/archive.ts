/** Archive commands: ingest, search, show, export, stats, check. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { ReckonError } from '../core/errors.js';
import { ingest } from '../pipeline/ingest.js';
import { PreparePool, defaultWorkers } from '../pipeline/pool.js';
import { openStore, redact } from '../store/open.js';
import { unmark } from '../store/fts.js';
import { exportCsv, exportJson, exportJsonl } from '../export/stream.js';
import { exportDocument } from '../export/documents.js';
import { ProgressLine } from './progress.js';
import { action, bold, cut, dim, invalid, json, out, positiveInt, status, table } from './output.js';

const DB_HELP = 'archive: SQLite file or postgres:// URL (default: $RECKON_DB or ./reckon.db)';

export function registerArchive(p: Command): void {
  p.command('ingest')
    .description('store reports from files, folders (recursive) and http(s) URLs, and analyse them')
    .argument('<inputs...>', 'files, folders or URLs: .txt .md .html .htm (.gz), .json .jsonl, RSS/Atom feeds')
    .option('--db <db>', DB_HELP)
    .option('--json', 'print the report as JSON')
    .option('-q, --quiet', 'no progress line and no per-input errors (the summary is still printed)')
    .option('--max-size <MB>', 'largest input accepted, after decompression', positiveInt('--max-size'), 64)
    .option('--timeout <seconds>', 'time limit for each URL', positiveInt('--timeout'), 20)
    .option('--no-analyze', 'store without analysing; `reckon worker` processes analyse them later')
    .option('--workers <n>', `threads that clean and analyse documents (0: this thread; default: one per core, ${defaultWorkers()} here)`, positiveInt('--workers'))
    .option('--analysis-timeout <seconds>', 'time limit for cleaning and analysing one document in a worker thread (0: none)', positiveInt('--analysis-timeout'), 120)
    .addHelpText('after', '\nRe-ingesting the same content adds nothing; new content at a known source becomes its next version\n(the old one is kept). Each bad input gets one line on stderr and the rest go on; the exit code is 1\nif any input failed. In SQLite, search finds the new reports once the ingest ends (and, during a long\none, each time 20,000 more are stored).')
    .action(
      action(async (inputs: string[], o: { db?: string; json?: boolean; quiet?: boolean; maxSize: number; timeout: number; analyze: boolean; workers?: number; analysisTimeout: number }) => {
        const store = await openStore(o.db);
        const bar = new ProgressLine(Boolean(process.stderr.isTTY) && !o.quiet && !o.json);
        const threads = o.workers ?? defaultWorkers();
        const pool = threads > 0 ? new PreparePool(threads, { documentMs: o.analysisTimeout * 1000 }) : null;
        try {
          const report = await ingest(store, inputs, {
            maxBytes: o.maxSize * 1048576,
            timeoutMs: o.timeout * 1000,
            analyze: o.analyze,
            keepIds: Boolean(o.json),
            ...(pool ? { prepare: pool.prepare, concurrency: pool.size } : {}),
            onProgress: (pr) => bar.update(pr),
            onFailure: (f) => {
              if (o.quiet || o.json) return;
              bar.clear();
              status(`${printable(f.source)}: ${printable(f.message)}`);
            },
            onWarning: (w) => {
              if (o.quiet || o.json) return;
              bar.clear();
              status(`${printable(w.source)}: warning: ${printable(w.message)}`);
            },
          });
          bar.clear();
          const stats = await store.stats();
          if (o.json) json({ ...report, archive: { location: redact(store.location), ...stats } });
          else {
            const secs = (report.elapsedMs / 1000).toFixed(1);
            out(
              `ingested ${report.files} input(s) in ${secs} s: ${report.added} new, ${report.versions} new version(s), ` +
                `${report.duplicates} already stored, ${report.failures.length} failed, ${report.claims} claim(s) · ` +
                `archive ${redact(store.location)}: ${stats.documents} document(s), ${stats.claims} claim(s)`,
            );
          }
          return report.failures.length ? 1 : 0;
        } finally {
          await pool?.close();
          await store.close();
        }
      }),
    );

  p.command('search')
    .description('full-text search of the archive, with snippets')
    .argument('<query...>', 'words (all must match), "a phrase", word* for a prefix, OR between terms')
    .option('--db <db>', DB_HELP)
    .option('--limit <n>', 'hits to show', positiveInt('--limit'), 20)
    .option('--offset <n>', 'hits to skip', positiveInt('--offset'), 0)
    .option('--outlet <name>', 'only this outlet')
    .option('--language <code>', 'only this language (e.g. en)')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option('--json', 'print hits and facets as JSON')
    .action(
      action(async (words: string[], o: { db?: string; limit: number; offset: number; outlet?: string; language?: string; from?: string; to?: string; json?: boolean }) => {
        for (const k of ['from', 'to'] as const) if (o[k] && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(o[k]!)) throw invalid(`--${k} must be a date (YYYY-MM-DD)`);
        const store = await openStore(o.db, { migrate: true });
        try {
          const r = await store.search(words.join(' '), { limit: o.limit, offset: o.offset, outlet: o.outlet, language: o.language, from: o.from, to: o.to });
          if (o.json) {
            json({ ...r, hits: r.hits.map((h) => ({ ...h, ...(({ text, highlights }) => ({ snippet: text, highlights }))(unmark(h.snippet)) })) });
            return;
          }
          if (!r.total) {
            status('no documents match');
            return;
          }
          for (const h of r.hits) {
            out(`${bold(h.id)}  ${h.title ?? dim('(no title)')}  ${dim([h.outlet, h.published].filter(Boolean).join(', '))}`);
            out(`  ${dim(h.source)}`);
            const { text, highlights } = unmark(h.snippet);
            let shown = '';
            let pos = 0;
            for (const [s, e] of highlights) {
              shown += text.slice(pos, s) + bold(text.slice(s, e));
              pos = e;
            }
            out(`  ${(shown + text.slice(pos)).replace(/\s+/g, ' ')}\n`);
          }
          status(`${r.capped ? 'more than ' : ''}${r.total} document(s) match${r.total > r.hits.length ? `, showing ${o.offset + 1}–${o.offset + r.hits.length}` : ''}`);
        } finally {
          await store.close();
        }
      }),
    );

  p.command('show')
    .description('one document: metadata, cleaned text and its claims')
    .argument('<doc>', 'document id (or a unique prefix of it), or its source as given at ingest')
    .option('--db <db>', DB_HELP)
    .option('--original', 'print the original text instead of the cleaned text')
    .option('--json', 'print the document as JSON (with claims and mentions)')
    .action(
      action(async (ref: string, o: { db?: string; original?: boolean; json?: boolean }) => {
        const store = await openStore(o.db);
        try {
          const d = await store.getDocument(ref);
          if (!d) throw new ReckonError('NOT_FOUND', `no document "${ref}" (try reckon search or reckon export)`);
          const claims = await store.claims({ documents: [d.id], latestOnly: false });
          if (o.json) {
            json(exportDocument(d, claims, await store.mentions(d.id)));
            return;
          }
          const meta: Array<[string, string | null | number]> = [
            ['id', d.id], ['source', d.source], ['version', d.supersededBy ? `${d.version} (superseded by ${d.supersededBy})` : d.version],
            ['title', d.title], ['outlet', d.outlet], ['published', d.published], ['language', d.language], ['url', d.url],
            ['format', `${d.format}, ${d.encoding}`],
          ];
          for (const [k, v] of meta) if (v !== null && v !== '') out(`${bold(k.padEnd(10))}${v}`);
          out('');
          out(o.original ? d.original : d.text);
          if (claims.length) {
            out('');
            out(table(claims.map((c) => [c.category, fmtValue(c), cut(c.quote, 70)]), ['category', 'value', 'words']));
          }
        } finally {
          await store.close();
        }
      }),
    );

  p.command('export')
    .description('the whole archive: documents, claims and events')
    .option('--db <db>', DB_HELP)
    .option('-f, --format <format>', 'json | jsonl | csv (one row per claim)', 'json')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(
      action(async (o: { db?: string; format: string; out?: string }) => {
        const gens = { json: exportJson, jsonl: exportJsonl, csv: exportCsv } as const;
        if (!(o.format in gens)) throw invalid(`--format must be json, jsonl or csv, got "${o.format}"`);
        const store = await openStore(o.db);
        try {
          const sink: NodeJS.WritableStream = o.out ? fs.createWriteStream(o.out) : process.stdout;
          for await (const chunk of gens[o.format as keyof typeof gens](store)) {
            if (!sink.write(chunk)) await new Promise<void>((r) => sink.once('drain', () => r()));
          }
          if (o.out) await new Promise<void>((r, j) => (sink as fs.WriteStream).end((e?: Error | null) => (e ? j(e) : r())));
        } finally {
          await store.close();
        }
      }),
    );

  p.command('stats')
    .description('what the archive holds')
    .option('--db <db>', DB_HELP)
    .option('--json', 'as JSON')
    .action(
      action(async (o: { db?: string; json?: boolean }) => {
        const store = await openStore(o.db);
        try {
          const s = await store.stats();
          if (o.json) json({ location: redact(store.location), ...s });
          else out(`${redact(store.location)}: ${s.documents} document(s) (${s.versions} version(s)), ${s.claims} claim(s), ${s.mentions} mention(s)`);
        } finally {
          await store.close();
        }
      }),
    );

  p.command('check')
    .description('integrity check of the archive (SQLite integrity_check, full-text index, versions)')
    .option('--db <db>', DB_HELP)
    .action(
      action(async (o: { db?: string }) => {
        const store = await openStore(o.db);
        try {
          const problems = await store.check();
          if (!problems.length) {
            out(`${redact(store.location)}: ok`);
            return 0;
          }
          for (const pr of problems) status(pr);
          return 74;
        } finally {
          await store.close();
        }
      }),
    );
}

/**
 * A file name or message as one safe line for the terminal: line breaks,
 * control characters (escape sequences could rewrite the screen) and
 * bidirectional overrides (which could disguise a name) are shown escaped.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16)}`;
  });
}

export function fmtValue(c: { value: number; low: number; high: number; approx: string }): string {
  const n = (x: number) => x.toLocaleString('en-US');
  switch (c.approx) {
    case 'exact':
      return n(c.value);
    case 'range':
      return `${n(c.low)}–${n(c.high)}`;
    case 'vague':
      return `${n(c.low)}–${n(c.high)} (vague)`;
    case 'about':
      return `~${n(c.value)}`;
    case 'at_least':
      return `≥${n(c.value)}`;
    case 'more_than':
      return `>${n(c.value)}`;
    case 'at_most':
    case 'up_to':
      return `≤${n(c.value)}`;
    case 'less_than':
      return `<${n(c.value)}`;
    default:
      return n(c.value);
  }
}
