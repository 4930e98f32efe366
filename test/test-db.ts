import crypto from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { ensureAuditHead } from '../src/server/audit/audit.ts';

export const TEST_JURISDICTION = 'chicago';

/** Which engine this run uses: PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set. */
export const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
export const engineName = serverUrl ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server (dropped on close).
 */
export async function testDb(): Promise<{ db: Db; close: () => Promise<void>; url?: string }> {
  if (!serverUrl) {
    const db = await openPglite(undefined);
    await migrate(db);
    await ensureAuditHead(db, TEST_JURISDICTION);
    return { db, close: () => db.close() };
  }
  const fresh = await freshServerDatabase(serverUrl);
  const db = openPostgres(fresh.url, 20);
  await migrate(db);
  await ensureAuditHead(db, TEST_JURISDICTION);
  return {
    db,
    url: fresh.url,
    close: async () => {
      await db.close();
      await fresh.drop();
    },
  };
}

/** A new, empty database on the server at `serverUrl`: its URL, and how to drop it. */
export async function freshServerDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `oversight_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
