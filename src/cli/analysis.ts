/** Analysis commands: claims, events, facts. */
import type { Command } from 'commander';
import { ReckonError } from '../core/errors.js';
import { eachEvent, eventOf, groupsOf } from '../pipeline/events.js';
import { factSheetMarkdown } from '../export/markdown.js';
import { POLICIES } from '../reconcile/facts.js';
import type { Event, PolicyName } from '../reconcile/types.js';
import { openStore } from '../store/open.js';
import { fmtValue } from './archive.js';
import { ProgressLine } from './progress.js';
import { action, bold, cut, dim, invalid, json, out, status, table } from './output.js';

const DB_HELP = 'archive: SQLite file or postgres:// URL (default: $RECKON_DB or ./reckon.db)';
const CATEGORIES_HELP = 'killed, injured, missing, arrested, imprisoned, displaced, participants, damaged';

function policyOf(p: string | undefined): PolicyName {
  if (!p) return 'median';
  if (!(POLICIES as string[]).includes(p)) throw invalid(`--policy must be one of ${POLICIES.join(', ')}, got "${p}"`);
  return p as PolicyName;
}

/** The event an argument names (id, id prefix or a word of its name), or the largest. */
export function pickEvent<E extends { id: string; name: string; aliases: string[] }>(events: E[], ref?: string): E {
  if (!events.length) throw new ReckonError('NOT_FOUND', 'the archive holds no events yet (run reckon ingest first)');
  if (!ref) return events[0]!;
  const r = ref.toLowerCase();
  const e =
    events.find((x) => x.id === ref) ??
    events.find((x) => x.id.startsWith(r) || x.id.startsWith(`ev-${r}`)) ??
    events.find((x) => x.name.toLowerCase() === r || x.aliases.some((a) => a.toLowerCase() === r)) ??
    events.find((x) => x.name.toLowerCase().includes(r));
  if (!e) throw new ReckonError('NOT_FOUND', `no event "${ref}" (see reckon events)`);
  return e;
}

export function registerAnalysis(p: Command): void {
  p.command('claims')
    .description('every figure found, with its words; --explain shows qualifiers and the rules that made it')
    .option('--db <db>', DB_HELP)
    .option('--doc <id>', 'only this document (id, id prefix or source)')
    .option('--category <c>', `only this category (${CATEGORIES_HELP})`)
    .option('--event <id>', 'only the documents of this event')
    .option('--explain', 'show qualifiers (approx, subject, subgroup, relation, place, time, condition, attribution) and rule ids')
    .option('--json', 'as JSON')
    .action(
      action(async (o: { db?: string; doc?: string; category?: string; event?: string; explain?: boolean; json?: boolean }) => {
        const store = await openStore(o.db);
        try {
          let documents: string[] | undefined;
          if (o.doc) {
            const d = await store.getDocument(o.doc);
            if (!d) throw new ReckonError('NOT_FOUND', `no document "${o.doc}"`);
            documents = [d.id];
          }
          if (o.event) documents = pickEvent(await groupsOf(store), o.event).documents.map((d) => d.id);
          const claims = await store.claims({ ...(documents ? { documents } : {}), ...(o.category ? { category: o.category } : {}) });
          if (o.json) {
            json(claims);
            return;
          }
          if (!claims.length) {
            status('no claims match');
            return;
          }
          if (!o.explain) {
            out(table(claims.map((c) => [c.id.slice(0, 10) + c.id.slice(16), c.category, fmtValue(c), c.location.join(', '), cut(c.quote, 60)]), ['claim', 'category', 'value', 'where', 'words']));
            return;
          }
          for (const c of claims) {
            out(`${bold(`${c.category} ${fmtValue(c)}`)}  ${dim(c.id)}`);
            out(`  “${c.quote}”  ${dim(`[${c.start}, ${c.end})`)}`);
            const q: Array<[string, string | null]> = [
              ['range', `${c.low.toLocaleString('en-US')}–${c.high.toLocaleString('en-US')} (${c.approx})`],
              ['subject', c.subject], ['subgroup', c.subgroup],
              ['relation', c.relation ? `${c.relation}${c.parent !== null ? ` of ${c.document}:${c.parent}` : ''}` : null],
              ['where', c.location.length ? `${c.location.join(', ')}${c.locationInferred ? ' (inferred from the report)' : ''}` : null],
              ['when', c.time ? `${c.time.start === c.time.end ? c.time.start : `${c.time.start} – ${c.time.end}`}${c.time.inferred ? ' (inferred)' : ''}${c.time.text ? ` from “${c.time.text}”` : ''}` : null],
              ['condition', c.condition], ['according to', c.attribution], ['note', c.note ?? null], ['rules', c.rules.join(', ')],
            ];
            for (const [k, v] of q) if (v) out(`  ${dim(k.padEnd(13))}${v}`);
            out('');
          }
        } finally {
          await store.close();
        }
      }),
    );

  p.command('events')
    .description('the events the archive holds: reports grouped by event names, dates and places')
    .option('--db <db>', DB_HELP)
    .option('--json', 'as JSON (names, aliases, dates, places, documents)')
    .action(
      action(async (o: { db?: string; json?: boolean }) => {
        const store = await openStore(o.db);
        try {
          const progress = new ProgressLine(Boolean(process.stderr.isTTY));
          // one event at a time: only what is printed stays in memory
          const events: Array<{ id: string; name: string; aliases: string[]; start: string | null; end: string | null; places: string[]; documents: string[]; facts: number }> = [];
          const each = eachEvent(store, {
            onProgress: (p) => progress.say(`${p.step === 'signatures' ? 'reading reports' : 'reconciling events'} ${p.done}/${p.total}`),
          });
          for await (const e of each) events.push({ id: e.id, name: e.name, aliases: e.aliases, start: e.start, end: e.end, places: e.places, documents: e.documents, facts: e.facts.length });
          progress.clear();
          if (o.json) {
            json(events);
            return;
          }
          if (!events.length) {
            status('no events (run reckon ingest first)');
            return;
          }
          out(table(events.map((e) => [e.id, cut(e.name, 40), String(e.documents.length), e.start ?? '', cut(e.places.slice(0, 2).join(', '), 30), String(e.facts)]), ['event', 'name', 'reports', 'date', 'places', 'facts']));
        } finally {
          await store.close();
        }
      }),
    );

  p.command('facts')
    .description('the fact sheet of an event: low/best/high per category and scope, who says what, checks, timeline')
    .argument('[event]', 'event id, id prefix or name (default: the event with the most reports)')
    .option('--db <db>', DB_HELP)
    .option('--policy <p>', `how "best" is chosen: ${POLICIES.join(' | ')}`, 'median')
    .option('-f, --format <f>', 'table | json | md', 'table')
    .addHelpText('after', `\nPolicies: median of independent sources (default); conservative = the lowest (ACLED);\nmost_cited; latest published; official = attributed to an official source.`)
    .action(
      action(async (ref: string | undefined, o: { db?: string; policy?: string; format: string }) => {
        if (!['table', 'json', 'md'].includes(o.format)) throw invalid(`--format must be table, json or md, got "${o.format}"`);
        const policy = policyOf(o.policy);
        const store = await openStore(o.db);
        try {
          const event = await eventOf(store, pickEvent(await groupsOf(store), ref), { policy });
          if (o.format === 'json') return void json(event);
          if (o.format === 'md') return void out(factSheetMarkdown(event));
          const num = new Map(event.sources.map((s, i) => [s.document, i + 1]));
          out(`${bold(event.name)}  ${dim(event.id)}${event.aliases.length ? `\n${dim(`also: ${event.aliases.join(', ')}`)}` : ''}`);
          out(dim(`${event.sources.length} report(s); best by ${policy}`));
          out('');
          out(
            table(
              event.facts.map((f) => {
                const byValue = new Map<number, Set<number>>();
                for (const c of f.claims) if (c.role === 'value' || c.role === 'summand') byValue.set(c.value, (byValue.get(c.value) ?? new Set()).add(num.get(c.document) ?? 0));
                // a rival figure a report attributes to another source: its own entry, the report citing that source
                const cited = f.claims.filter((c) => c.role === 'attributed').map((c) => `${c.value.toLocaleString('en-US')} [${num.get(c.document) ?? 0}] citing ${c.attribution}`);
                return [
                  `${f.category}${f.scope.label ? ` · ${f.scope.label}` : ''}${f.derived ? ' †' : ''}`,
                  f.low === f.high ? f.low.toLocaleString('en-US') : `${f.low.toLocaleString('en-US')}–${f.high.toLocaleString('en-US')}`,
                  f.best.toLocaleString('en-US'),
                  f.status,
                  [...[...byValue].map(([v, ds]) => `${v.toLocaleString('en-US')} ${[...ds].map((d) => `[${d}]`).join('')}`), ...cited].join('; '),
                ];
              }),
              ['figure', 'range', 'best', 'status', 'who says what'],
            ),
          );
          for (const c of event.checks) out(`${c.ok ? '✓' : '✗'} [${num.get(c.document)}] ${c.statement}`);
          out('');
          event.sources.forEach((s, i) => out(dim(`[${i + 1}] ${[s.outlet, s.title, s.published].filter(Boolean).join(', ') || s.source}`)));
        } finally {
          await store.close();
        }
      }),
    );
}
