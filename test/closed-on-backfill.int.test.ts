import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { fileCase, walk } from './factories.ts';

/*
 * Issue 15 defect 4, for cases closed before the fix: migration 0015 gives each case closed in
 * the app the Chicago-local date it entered its closing stage; and days to closure never count a
 * concluded case that has no closing date from the day it was imported or last touched.
 */

const MIGRATION = fs.readFileSync(
  path.resolve(import.meta.dirname, '../src/server/db/migrations/0015_backfill_closed_on.sql'),
  'utf8',
);

interface Stats {
  daysToClose: Array<{ key: string; count: number | null }>;
}

let clock = new Date('2023-06-01T15:00:00Z');
let t: TestApp;
let chief: TestUser;

beforeAll(async () => {
  t = await testApp({ now: () => clock, publicPortal: { suppressionThreshold: 1 } });
  chief = await t.user(['intake', 'chief_administrator'], 'COPA');
});
afterAll(async () => t.close());

describe('closing dates of cases closed before closing kept them', () => {
  it('backfills the local date of the last entry into the closing stage, app cases only', async () => {
    const closed = await fileCase(t, chief, { receivedAt: '2023-05-30T10:00:00-05:00' });
    const open = await fileCase(t, chief, { receivedAt: '2023-05-30T10:00:00-05:00' });
    // 23:30 in Chicago on 2023-06-10 is already 2023-06-11 in UTC
    clock = new Date('2023-06-11T04:30:00Z');
    await walk(t, chief, closed, [{ to: 'closed_no_finding', reason: 'withdrawn' }]);
    // as the database held it before the fix: no closing date; plus an imported closed case
    // whose release gave none
    await t.db.query(`UPDATE cases SET closed_on = NULL WHERE log_number = $1`, [closed]);
    await t.db.query(
      `UPDATE cases SET closed_on = NULL, source_family = 'cms', status = 'final',
                        status_changed_at = now() WHERE log_number = $1`,
      [open],
    );
    await t.db.query(MIGRATION);
    const rows = await t.db.query<{ log_number: string; closed_on: string | null }>(
      `SELECT log_number, to_char(closed_on, 'YYYY-MM-DD') AS closed_on FROM cases
        WHERE log_number = ANY($1) ORDER BY log_number`,
      [[closed, open]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.log_number, r.closed_on]))).toEqual({
      [closed]: '2023-06-10',
      [open]: null,
    });
  });

  it('counts no undated concluded case in days to closure', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/v1/stats' });
    expect(res.statusCode, res.body).toBe(200);
    const days = res.json<Stats>().daysToClose;
    // the backfilled case took 11 days; the imported one without a date is in no bucket
    expect(days.find((d) => d.key === '0-30')?.count).toBe(1);
    expect(days.reduce((n, d) => n + (d.count ?? 0), 0)).toBe(1);
    expect(days.map((d) => d.key)).not.toContain('undated');
  });
});
