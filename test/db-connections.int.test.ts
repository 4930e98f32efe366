import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client.ts';
import { engineName, testDb } from './test-db.ts';

/*
 * The database handle survives the server ending its idle connections (a restart, a failover, an
 * administrator's pg_terminate_backend): before, the pool's 'error' event had no listener, so an
 * idle connection ended by the server was an uncaught exception that killed the process (and
 * failed the PostgreSQL test run with 57P01 "terminating connection due to administrator
 * command"). PGlite has no other connections to end; the same assertions hold there.
 */
describe(`database connections (${engineName})`, () => {
  let db: Db;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const t = await testDb();
    db = t.db;
    close = t.close;
  });
  afterAll(async () => close());

  it('keeps answering after the server ends its idle connections', async () => {
    // open a few pooled connections, then leave them idle
    await Promise.all(
      [1, 2, 3].map(() => db.transaction((tx) => tx.query('SELECT pg_sleep(0.05)'))),
    );
    const ended = await db.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    if (engineName === 'postgres') {
      expect(ended[0]!.n).toBeGreaterThan(0);
    }
    // let the ended connections report their errors to the pool
    await new Promise((resolve) => setTimeout(resolve, 200));
    const rows = await db.query<{ ok: number }>('SELECT 1 AS ok');
    expect(rows[0]!.ok).toBe(1);
    await db.transaction(async (tx) => {
      expect((await tx.query<{ ok: number }>('SELECT 2 AS ok'))[0]!.ok).toBe(2);
    });
  });
});
