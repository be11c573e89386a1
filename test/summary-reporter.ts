/**
 * Prints one plain closing line after the run — "N passed, N failed, N skipped" —
 * which any CI log reader understands.
 */
import type { Reporter } from 'vitest/reporters';

interface Task {
  type: string;
  mode?: string;
  result?: { state?: string };
  tasks?: Task[];
}

export default class SummaryReporter implements Reporter {
  onFinished(files: Task[] = [], errors: unknown[] = []): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const walk = (t: Task) => {
      if (t.type === 'test') {
        const state = t.result?.state;
        if (state === 'pass') passed++;
        else if (state === 'fail') failed++;
        else skipped++;
      }
      for (const c of t.tasks ?? []) walk(c);
    };
    for (const f of files) {
      // a file that failed to load has no tests but is a failure
      if (f.result?.state === 'fail' && !(f.tasks ?? []).length) failed++;
      walk(f);
    }
    failed += errors.length;
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
