/** A progress line on a terminal (stderr); silent when stderr is not a TTY. */
import type { IngestProgress } from '../pipeline/ingest.js';

export class ProgressLine {
  private last = 0;
  private shown = false;
  constructor(private readonly enabled: boolean) {}

  update(p: IngestProgress): void {
    this.say((now, width) => {
      const rate = p.elapsedMs > 0 ? (p.documents / (p.elapsedMs / 1000)).toFixed(p.documents < 100 ? 1 : 0) : '0';
      const spin = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'[Math.floor(now / 100) % 10];
      let line = `${spin} files ${p.files} · documents ${p.documents} (${rate}/s) · new ${p.added + p.versions} · duplicates ${p.duplicates} · failures ${p.failures}`;
      const rest = width - line.length - 4;
      if (rest > 10 && p.current) line += ` · ${p.current.length > rest ? `…${p.current.slice(-rest + 1)}` : p.current}`;
      return line;
    });
  }

  /** Shows a line (or what `make` builds, given the time and the terminal's width), at most every 100 ms. */
  say(make: string | ((now: number, width: number) => string)): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const width = process.stderr.columns || 100;
    const line = typeof make === 'string' ? make : make(now, width);
    process.stderr.write(`\r\u001b[2K${line.slice(0, width - 1)}`);
    this.shown = true;
  }

  /** Clears the line (before printing something else, or at the end). */
  clear(): void {
    if (this.enabled && this.shown) process.stderr.write('\r\u001b[2K');
    this.shown = false;
  }
}
