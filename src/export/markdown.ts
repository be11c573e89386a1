/**
 * The Markdown fact sheet of an event: every figure with its low/best/high,
 * status and sources as numbered citations (outlet, title, date) that an
 * editor can paste; why disputed figures differ; the arithmetic checks; the
 * timeline; the sources. Neutral wording: it reports who says what.
 */
import { POLICY_TEXT } from '../reconcile/facts.js';
import type { Event, Fact } from '../reconcile/types.js';

const n = (x: number) => x.toLocaleString('en-US');
const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function range(f: Fact): string {
  return f.low === f.high ? n(f.low) : `${n(f.low)}–${n(f.high)}`;
}

function label(f: Fact): string {
  const cat = f.category.charAt(0).toUpperCase() + f.category.slice(1);
  return f.scope.label ? `${cat} (${f.scope.label})` : cat;
}

export function factSheetMarkdown(event: Event): string {
  const num = new Map(event.sources.map((s, i) => [s.document, i + 1]));
  const cite = (doc: string) => `[${num.get(doc) ?? '?'}]`;
  const lines: string[] = [];
  const when = event.start ? (event.start === event.end || !event.end ? event.start : `${event.start} – ${event.end}`) : null;
  lines.push(`# ${event.name}`, '');
  const meta = [when, event.places.slice(0, 3).join(', ')].filter(Boolean).join('; ');
  if (meta) lines.push(`*${meta}*`, '');
  if (event.aliases.length) lines.push(`Also called: ${event.aliases.join(', ')}.`, '');
  lines.push(
    `${event.sources.length} source${event.sources.length === 1 ? '' : 's'}. Best values: ${POLICY_TEXT[event.policy]} (policy \`${event.policy}\`); the other policies are shown where they differ. reckon does not decide which figure is true.`,
    '',
  );

  const stated = event.facts.filter((f) => !f.derived || !f.scope.label.startsWith('all '));
  if (stated.length) {
    lines.push('## Figures', '', '| Figure | Low | Best | High | Status | Who says what |', '|---|---:|---:|---:|---|---|');
    for (const f of stated) {
      // per value: the reports whose own figure it is ("[1][3]"), then reports citing it from another source ("[2] citing GYLA")
      const own = new Map<number, Set<number>>();
      const cited = new Map<number, string[]>();
      for (const c of f.claims) {
        if (c.role === 'value' || c.role === 'summand') own.set(c.value, (own.get(c.value) ?? new Set()).add(num.get(c.document) ?? 0));
        else if (c.role === 'attributed') cited.set(c.value, [...(cited.get(c.value) ?? []), `${cite(c.document)} citing ${c.attribution}`]);
      }
      const values = [...new Set([...own.keys(), ...cited.keys()])].sort((a, b) => b - a);
      const who = values
        .map((v) => `${n(v)} ${[[...(own.get(v) ?? [])].sort((a, b) => a - b).map((i) => `[${i || '?'}]`).join(''), ...(cited.get(v) ?? [])].filter(Boolean).join(', ')}`)
        .join('; ');
      lines.push(`| ${esc(label(f))}${f.derived ? ' †' : ''} | ${n(f.low)} | ${n(f.best)} | ${n(f.high)} | ${f.status} | ${esc(who)} |`);
    }
    if (stated.some((f) => f.derived)) lines.push('', '† includes a sum reckon computed from one report\'s figures (see below).');
    lines.push('');
  }

  const disputed = event.facts.filter((f) => f.status === 'disputed');
  for (const f of disputed) {
    lines.push(`### ${label(f)}: ${range(f)}, disputed`, '');
    const seen = new Set<string>();
    for (const c of [...f.claims].filter((x) => x.role === 'value' || x.role === 'summand' || x.role === 'attributed').sort((a, b) => b.value - a.value)) {
      const key = `${c.document}|${c.value}|${c.role === 'attributed' ? c.attribution : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`- ${n(c.value)} ${cite(c.document)}: “${esc(c.quote)}”${c.attribution ? ` (according to ${esc(c.attribution)})` : ''}`);
    }
    if (f.why.length) {
      lines.push('', 'What differs:');
      for (const w of f.why) lines.push(`- ${w}`);
    }
    if (f.alternatives.length) lines.push('', `Other policies: ${f.alternatives.map((a) => `${a.policy.replace('_', ' ')} ${n(a.best)}`).join(', ')}.`);
    lines.push('');
  }

  const derived = event.facts.filter((f) => f.derived);
  if (derived.length) {
    lines.push('## Sums computed from single reports', '');
    for (const f of derived) lines.push(`- ${esc(label(f))}: ${n(f.best)}. ${f.derived!.how}.`);
    lines.push('');
  }

  if (event.checks.length) {
    lines.push('## Checks', '');
    for (const c of event.checks) lines.push(`- ${c.ok ? '✓' : '✗'} ${cite(c.document)} ${c.statement}`);
    lines.push('');
  }

  if (event.copies.length) {
    lines.push('## Sources that are not independent', '');
    for (const g of event.copies) lines.push(`- ${g.documents.map(cite).join(', ')}: ${g.reason} (${g.detail}); counted as one confirmation.`);
    lines.push('');
  }

  if (event.timeline.length) {
    lines.push('## Timeline', '');
    for (const t of event.timeline) {
      const d = t.start === t.end ? t.start : `${t.start} – ${t.end}`;
      lines.push(`- **${d}**: ${esc(t.label)} ${t.documents.map(cite).join('')}`);
    }
    lines.push('');
  }

  lines.push('## Sources', '');
  event.sources.forEach((s, i) => {
    const parts = [s.outlet, s.title ? `“${esc(s.title)}”` : null, s.published].filter(Boolean);
    const where = s.url ?? s.source;
    lines.push(`${i + 1}. ${parts.length ? parts.join(', ') : '(no outlet, title or date given)'}. ${where}`);
  });
  lines.push('');
  return lines.join('\n');
}
