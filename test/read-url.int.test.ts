import { describe, it, expect, afterAll } from 'vitest';
import crypto from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../src/server/db/client.ts';
import { serverUrl, testDb } from './test-db.ts';

/**
 * DATABASE_READ_URL (issue 21 item 5, ADR 0040): read-only reads may go to a standby through
 * `db.reader`; writes never do. On a server the read URL here names a second database, so where
 * each statement ran shows in `current_database()`.
 */
describe('the read URL', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) {
      await c();
    }
  });

  it('sends reads through the reader to the read URL and every write to the primary', async () => {
    const { db: primaryDb, close, url } = await testDb();
    cleanups.push(close);
    if (!serverUrl || !url) {
      // the embedded database has one owner and no standby: the reader is the database itself
      expect(primaryDb.reader).toBe(primaryDb);
      return;
    }
    const readName = `oversight_read_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${readName}`);
    await admin.end();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${readName} WITH (FORCE)`);
      await c.end();
    });
    const readUrl = new URL(serverUrl);
    readUrl.pathname = `/${readName}`;
    const primaryName = new URL(url).pathname.slice(1);
    const db = openPostgres(url, 2, readUrl.toString());
    cleanups.push(() => db.close());

    const where = async (q: { query: typeof db.query }): Promise<string> =>
      (await q.query<{ d: string }>('SELECT current_database() AS d'))[0]!.d;
    expect(await where(db.reader)).toBe(readName);
    expect(await where(db)).toBe(primaryName);
    expect(await db.transaction((tx) => where(tx))).toBe(primaryName);

    // a write sent to the reader by mistake is refused (a read-only session), not applied
    await expect(db.reader.query('CREATE TABLE stray (n int)')).rejects.toMatchObject({
      code: '25006',
    });
    await expect(db.reader.copyFrom('stray', ['n'], '1\n')).rejects.toThrow(/no writes/);
    // writes land on the primary
    await db.query('CREATE TABLE landed (n int)');
    await db.query('INSERT INTO landed VALUES (1)');
    expect(await db.reader.query(`SELECT to_regclass('landed') IS NOT NULL AS here`)).toEqual([
      { here: false },
    ]);
    expect(await db.query(`SELECT n FROM landed`)).toEqual([{ n: 1 }]);
  });
});
