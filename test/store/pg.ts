/**
 * A real PostgreSQL for the tests: a fresh database per test file
 * (reckon_test_<random>), dropped when the file is done, so test files that
 * run in parallel never meet. CI always has PostgreSQL at 127.0.0.1:5432; when
 * it is not reachable the suites FAIL with a clear message, unless
 * RECKON_SKIP_PG=1 says to skip them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_SERVER = process.env.RECKON_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432';
export const SKIP_PG = process.env.RECKON_SKIP_PG === '1';

export interface TestDatabase {
  name: string;
  url: string;
  /** runs SQL on the test database (its own connection each time) */
  sql(text: string, args?: unknown[]): Promise<Array<Record<string, unknown>>>;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>, db = 'postgres'): Promise<T> {
  const c = new pg.Client({ connectionString: `${PG_SERVER}/${db}`, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_SERVER} (${(e as Error).message}).\n` +
        `  Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n` +
        `  or skip the PostgreSQL suites explicitly with RECKON_SKIP_PG=1.`,
    );
  }
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `reckon_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = `${PG_SERVER}/${name}`;
  return {
    name,
    url,
    sql: (text, args = []) => admin(async (c) => (await c.query(text, args)).rows as Array<Record<string, unknown>>, name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
