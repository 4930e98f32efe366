import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/client.ts';
import { engineName, testDb } from './test-db.ts';

/*
 * `{ reusePlan: true }` (ADR 0059): a server keeps the statement prepared per connection, the
 * embedded engine PREPAREs it once and EXECUTEs it with each call's values written as literals.
 * Either way a call answers what the statement answers when it is planned afresh, for every type
 * a kept statement binds, beyond the five calls after which PostgreSQL may switch to a generic
 * plan, in and out of transactions, and after a rollback.
 */
describe(`statements that keep their plan (${engineName})`, () => {
  let db: Db;
  let close: () => Promise<void>;

  const SQL = `SELECT $1::text AS text, $2::uuid AS id, $3::timestamptz AS at, $4::text[] AS list,
                      $5::jsonb AS doc, $6::int AS n, $7::boolean AS flag, $8::text AS missing,
                      $9::date AS day`;
  const values = (i: number): unknown[] => [
    `it's a "quote" \\ a backslash, ${i} — é, 'twice''`,
    '9abe3ad0-dcb3-46dc-a009-78752773d5ca',
    new Date(Date.UTC(2026, 0, 1 + i, 12, 30, 15, 250)),
    ['a', "b'c", 'd"e', 'f,g', 'h{i}', 'NULL'],
    JSON.stringify({ i, nested: { quote: "it's", list: [1, null] } }),
    i,
    i % 2 === 0,
    null,
    '2026-02-28',
  ];

  beforeAll(async () => {
    const t = await testDb();
    db = t.db;
    close = t.close;
    await db.query(`CREATE TABLE kept_plans (id int PRIMARY KEY, label text NOT NULL)`);
    await db.query(`INSERT INTO kept_plans SELECT g, 'row ' || g FROM generate_series(1, 50) g`);
  });
  afterAll(async () => close());

  it('answers what a statement planned afresh answers, call after call', async () => {
    for (let i = 0; i < 12; i++) {
      const fresh = await db.query(SQL, values(i));
      const kept = await db.query(SQL, values(i), { reusePlan: true });
      expect(kept).toEqual(fresh);
      expect(kept[0]).toMatchObject({ n: i, flag: i % 2 === 0, missing: null, day: '2026-02-28' });
    }
  });

  it('reads rows by key the same in a transaction, and after one rolled back', async () => {
    const read = `SELECT id, label FROM kept_plans WHERE id = $1`;
    await db.transaction(async (tx) => {
      for (let id = 1; id <= 8; id++) {
        expect(await tx.query(read, [id], { reusePlan: true })).toEqual([
          { id, label: `row ${id}` },
        ]);
      }
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`UPDATE kept_plans SET label = 'changed' WHERE id = $1`, [3]);
        expect(await tx.query(read, [3], { reusePlan: true })).toEqual([
          { id: 3, label: 'changed' },
        ]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await db.query(read, [3], { reusePlan: true })).toEqual([{ id: 3, label: 'row 3' }]);
    expect(await db.query(read, [99], { reusePlan: true })).toEqual([]);
  });

  it('answers many first calls of a statement at once, and a first call inside a transaction', async () => {
    const read = `SELECT id, label, $2::text AS asked FROM kept_plans WHERE id = $1`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.query(read, [i + 1, `call ${i}`], { reusePlan: true }),
      ),
    );
    expect(answers).toEqual(
      Array.from({ length: 10 }, (_, i) => [
        { id: i + 1, label: `row ${i + 1}`, asked: `call ${i}` },
      ]),
    );
    const inside = `SELECT label FROM kept_plans WHERE id = $1 AND $2::boolean`;
    await db.transaction(async (tx) => {
      expect(await tx.query(inside, [4, true], { reusePlan: true })).toEqual([{ label: 'row 4' }]);
    });
    expect(await db.query(inside, [4, false], { reusePlan: true })).toEqual([]);
    expect(await db.query(inside, [5, true], { reusePlan: true })).toEqual([{ label: 'row 5' }]);
  });
});
