/**
 * Opens the store a --db value names: a postgres:// URL → PostgreSQL,
 * anything else → an SQLite file. RECKON_DB is the default, then ./reckon.db.
 */
import { ReckonError } from '../core/errors.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export const DEFAULT_DB = 'reckon.db';

export function resolveDb(db?: string | null): string {
  return db || process.env.RECKON_DB || DEFAULT_DB;
}

export const isPostgresUrl = (db: string) => /^postgres(ql)?:\/\//i.test(db);

export async function openStore(db?: string | null, options: { readonly?: boolean; migrate?: boolean } = {}): Promise<Store> {
  const target = resolveDb(db);
  let store: Store;
  if (isPostgresUrl(target)) {
    const { PostgresStore } = await import('./postgres.js').catch((e: unknown) => {
      throw new ReckonError('STORE', `PostgreSQL support is not available (${(e as Error).message})`, { subject: redact(target) });
    });
    store = new PostgresStore(target);
  } else {
    store = new SqliteStore(target, options.readonly ? { readonly: true } : {});
  }
  if (options.migrate !== false && !options.readonly) await store.migrate();
  return store;
}

/** A connection string without its password (in the authority or as a ?password= parameter). */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@').replace(/([?&]password=)[^&#]*/gi, '$1***');
}
