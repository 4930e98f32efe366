import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicCaseListResponse } from '../src/shared/schemas/public.ts';
import type { Queryable } from '../src/server/db/client.ts';
import { listPublicCases } from '../src/server/repositories/portal-cases.repository.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION, engineName } from './test-db.ts';
import { fileCase } from './factories.ts';
import { importForTest } from './test-import.ts';

/*
 * Issue 23 item 11: the portal list in the log number's own sequence, newest first by default.
 * Log numbers come in two shapes: CLEAR's legacy integers (6–7 digits, before 2019) and COPA's
 * YYYY-NNNNNNN. As text, `315296` sorted above `1087654` and both above `2019-…`.
 */

let clock = new Date('2019-03-01T15:00:00Z');
let t: TestApp;
let chief: TestUser;
let biaIntake: TestUser;
let tmp: string;
const copa: string[] = [];
let restricted = '';
let biaOnly = '';

const get = (url: string) => t.app.inject({ method: 'GET', url });
const logsOf = async (query: string): Promise<string[]> => {
  const res = await get(`/api/public/v1/cases?pageSize=100${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<z.infer<typeof PublicCaseListResponse>>().items.map((i) => i.logNumber);
};

/** Legacy CLEAR cases, imported by the real importer from a minimal complaints file. */
const CLEAR = [
  'row_id,cr_id,complaint_date,closed_date,case_type,investigating_agency,current_status',
  // received in an order unlike their numbers: the list must follow the numbers
  '1,315296,2006-06-01,2007-01-10,Complaint,IPRA,CLOSED/FINAL',
  '2,1087654,2017-12-01,2018-06-01,Complaint,IPRA,CLOSED/FINAL',
  '3,266784,2003-01-02,2003-09-01,Complaint,OPS,CLOSED/FINAL',
  '4,999999,2009-05-05,2010-01-01,Complaint,IPRA,CLOSED/FINAL',
  '5,1000001,2008-01-01,2008-12-01,Complaint,IPRA,CLOSED/FINAL',
].join('\n');

beforeAll(async () => {
  t = await testApp({ now: () => clock });
  chief = await t.user('chief_administrator', 'COPA');
  biaIntake = await t.user(['intake', 'chief_administrator'], 'BIA');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ovs-case-order-'));
  const file = path.join(tmp, 'complaints-complaints-clear_2000-2022_2022-09.csv');
  fs.writeFileSync(file, `${CLEAR}\n`);
  const imported = await importForTest(t.db, [file], tmp);
  expect(imported.files.reduce((n, f) => n + f.inserted, 0)).toBe(5);
  copa.push(await fileCase(t, chief, { receivedAt: '2019-02-27T10:00:00-06:00' }));
  clock = new Date('2020-05-01T15:00:00Z');
  copa.push(await fileCase(t, chief, { receivedAt: '2020-04-30T10:00:00-05:00' }));
  restricted = await fileCase(t, chief, {
    receivedAt: '2020-04-30T11:00:00-05:00',
    categories: ['sexual_misconduct'],
  });
  biaOnly = await fileCase(t, biaIntake, {
    receivedAt: '2020-04-30T12:00:00-05:00',
    categories: ['operational_violation'],
  });
  clock = new Date('2021-02-01T15:00:00Z');
  copa.push(await fileCase(t, chief, { receivedAt: '2021-01-31T10:00:00-06:00' }));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Every case, oldest log number first, as the rule in docs/public-portal.md orders them. */
const oldestFirst = () => [
  '266784',
  '315296',
  '999999',
  '1000001',
  '1087654',
  copa[0]!,
  copa[1]!,
  restricted,
  biaOnly,
  copa[2]!,
];

describe(`the portal list's order (${engineName})`, () => {
  it('numbers the cases of this test as expected (legacy integers, then YYYY-NNNNNNN)', () => {
    expect(copa).toEqual(['2019-0000001', '2020-0000001', '2021-0000001']);
    expect([restricted, biaOnly]).toEqual(['2020-0000002', '2020-0000003']);
  });

  it('lists the newest log number first by default, across both shapes', async () => {
    expect(await logsOf('')).toEqual(oldestFirst().reverse());
    expect(await logsOf('&sort=newest')).toEqual(oldestFirst().reverse());
  });

  it('lists the oldest log number first when asked', async () => {
    expect(await logsOf('&sort=oldest')).toEqual(oldestFirst());
    const res = await get('/api/public/v1/cases?sort=received_desc');
    expect(res.statusCode).toBe(400);
  });

  it('cuts the same pages from the index as from the matches sorted in memory', async () => {
    for (const sort of ['newest', 'oldest'] as const) {
      const pages: string[] = [];
      for (const page of [1, 2, 3, 4]) {
        const q = { sort, page, pageSize: 3, timeZone: 'America/Chicago', oversightAgency: 'COPA' };
        const inMemory = await listPublicCases(t.db, TEST_JURISDICTION, q);
        const fromIndex = await listPublicCases(t.db, TEST_JURISDICTION, {
          ...q,
          sortInMemoryUpTo: 0,
        });
        expect(fromIndex).toEqual(inMemory);
        pages.push(...fromIndex.rows.map((r) => r.log_number));
      }
      expect(pages).toEqual(sort === 'oldest' ? oldestFirst() : oldestFirst().reverse());
    }
  });

  it('reveals nothing hidden: a restricted or BIA-only case keeps its place whatever its received date', async () => {
    // the received dates of these two are not public; move them far into the past and the
    // future: their places (and every other case's) follow from the log numbers alone
    const before = await logsOf('');
    for (const at of ['2001-01-01T12:00:00Z', '2030-01-01T12:00:00Z']) {
      await t.db.query(
        `UPDATE cases SET received_at = $1 WHERE jurisdiction = $2 AND log_number = ANY($3)`,
        [at, TEST_JURISDICTION, [restricted, biaOnly]],
      );
      expect(await logsOf('')).toEqual(before);
      expect(await logsOf('&sort=oldest')).toEqual([...before].reverse());
    }
  });
});

describe(`the default page reads the order index, not a sort of every case (${engineName})`, () => {
  it('plans newest and oldest first as a read of cases_log_order_idx, with no Sort', async () => {
    // enough cases that a sort would be the planner's choice if the index did not serve the order
    await t.db.query(
      `INSERT INTO cases (id, jurisdiction, log_number, case_type, channel, received_at, narrative,
                          categories, flags, officers_unknown, lead_agency, restricted,
                          restriction_reasons, status, status_changed_at, created_at)
       SELECT gen_random_uuid(), $1, CASE WHEN g % 2 = 0 THEN (200000 + g)::text
                                          ELSE (2000 + g % 20)::text || '-' || lpad(g::text, 7, '0') END,
              'complaint', 'phone', now(), '', '{}', '{}', false, 'COPA', false, '{}', 'final', now(), now()
         FROM generate_series(1, 40000) g`,
      [TEST_JURISDICTION],
    );
    await t.db.query('ANALYZE cases');
    for (const sort of ['newest', 'oldest'] as const) {
      const sql = await pageQuery(t.db, sort);
      const plan = (await t.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql.text}`, sql.params))
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      expect(plan, plan).toMatch(/Index Scan(?: Backward)? using cases_log_order_idx/);
      expect(plan, plan).not.toMatch(/\bSort\b/);
      if (sort === 'newest') {
        expect(plan, plan).toMatch(/Index Scan Backward/);
      }
    }
  });
});

/** The page query listPublicCases sends for the unfiltered list, captured on the real database. */
async function pageQuery(
  db: Queryable,
  sort: 'newest' | 'oldest',
): Promise<{ text: string; params: unknown[] }> {
  const seen: Array<{ text: string; params: unknown[] }> = [];
  const recording: Queryable = {
    query<T>(text: string, params?: readonly unknown[]) {
      seen.push({ text, params: [...(params ?? [])] });
      return db.query<T>(text, params);
    },
    copyFrom: (table, columns, data) => db.copyFrom(table, columns, data),
  };
  await listPublicCases(recording, TEST_JURISDICTION, {
    sort,
    page: 1,
    pageSize: 25,
    timeZone: 'America/Chicago',
    oversightAgency: 'COPA',
  });
  const page = seen.find((q) => /\bLIMIT\b/.test(q.text));
  expect(page, 'the page query').toBeDefined();
  return page!;
}
