/**
 * Reconciliation: documents and their claims → events with facts, checks and
 * a timeline. Pure: data in, data out.
 */
import type { Mention } from '../core/types.js';
import type { StoredClaim } from '../store/types.js';

export interface DocumentMeta {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
  url: string | null;
  text: string;
}

export interface ReconcileInput {
  documents: DocumentMeta[];
  claims: StoredClaim[];
  mentions: Array<Mention & { document: string }>;
}

import type { Event, PolicyName } from './types.js';
export type { Event } from './types.js';

export interface ReconcileOptions {
  policy?: PolicyName;
}

export function reconcile(input: ReconcileInput, options: ReconcileOptions = {}): Event[] {
  void input;
  void options;
  return [];
}
