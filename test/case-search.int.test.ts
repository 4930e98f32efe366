/**
 * The staff search's narrow copy of each case (issue 24, migration 0035, ADR 0060): written by
 * triggers on `cases` whatever writes the case, and searched by the staff list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCases } from '../src/server/repositories/case-list.repository.ts';
import { fileCase } from './factories.ts';
import { searchCopyMismatches } from './search-copy.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';

describe('case_search, the search copy of each case', () => {
  let t: TestApp;
  let intake: TestUser;
  let supervisor: TestUser;
  let auditor: TestUser;
  let id: string;
  let logNumber: string;

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
    supervisor = await t.user('supervisor');
    auditor = await t.user('auditor', 'OIG');
    logNumber = await fileCase(t, intake, {
      narrative: 'An officer took the complainant’s bicycle during a traffic stop.',
    });
    await fileCase(t, intake, { categories: ['verbal_abuse'] });
    const [row] = await t.db.query<{ id: string }>(
      `SELECT id FROM cases WHERE jurisdiction = $1 AND log_number = $2`,
      [TEST_JURISDICTION, logNumber],
    );
    id = row!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const search = async (q: string): Promise<string[]> => {
    const r = await listCases(
      t.db,
      TEST_JURISDICTION,
      { kind: 'all', userId: auditor.id },
      { q, page: 1, pageSize: 50, timeZone: 'America/Chicago' },
    );
    return r.rows.map((row) => row.log_number);
  };
  const copyVersion = async (): Promise<string> =>
    (
      await t.db.query<{ v: string }>(`SELECT xmin::text AS v FROM case_search WHERE id = $1`, [id])
    )[0]!.v;

  it('copies every case filed through intake', async () => {
    expect(await searchCopyMismatches(t.db)).toEqual([]);
    const [n] = await t.db.query<{ cases: number; copies: number }>(
      `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_search)::int AS copies`,
    );
    expect(n!.copies).toBe(n!.cases);
    expect(n!.cases).toBeGreaterThanOrEqual(2);
  });

  it('follows a parallel agency added through the API', async () => {
    const res = await t.as(supervisor, {
      method: 'POST',
      url: `/api/v1/cases/${logNumber}/agencies`,
      payload: { agency: 'BIA', track: 'criminal', role: 'parallel' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [s] = await t.db.query<{ agencies: string[] }>(
      `SELECT agencies FROM case_search WHERE id = $1`,
      [id],
    );
    expect(s!.agencies).toEqual(['BIA', 'COPA']);
    expect(await searchCopyMismatches(t.db)).toEqual([]);
  });

  it.each([
    ['status', `status = 'investigation'`],
    ['categories', `categories = '{excessive_force,verbal_abuse}'`],
    ['restriction', `restricted = true`],
    ['lead agency', `lead_agency = 'BIA'`],
    ['received time', `received_at = received_at - interval '1 day'`],
    ['case type', `case_type = 'notification'`],
    ['several at once', `status = 'intake', restricted = false, lead_agency = 'COPA'`],
  ])('follows a change of %s, whatever writes it', async (_what, set) => {
    const before = await copyVersion();
    await t.db.query(`UPDATE cases SET ${set} WHERE id = $1`, [id]);
    expect(await searchCopyMismatches(t.db)).toEqual([]);
    expect(await copyVersion()).not.toBe(before);
  });

  it('writes nothing when an update changes no copied column', async () => {
    const before = await copyVersion();
    await t.db.query(`UPDATE cases SET status = status, narrative = narrative WHERE id = $1`, [id]);
    await t.db.query(`UPDATE cases SET flags = flags || '{benchmark}' WHERE id = $1`, [id]);
    expect(await copyVersion()).toBe(before);
    expect(await searchCopyMismatches(t.db)).toEqual([]);
  });

  it('indexes the narrative again when it changes, in English and Spanish', async () => {
    expect(await search('bicycle')).toEqual([logNumber]);
    await t.db.query(
      `UPDATE cases SET narrative = 'El agente se llevó las zanahorias del denunciante.' WHERE id = $1`,
      [id],
    );
    expect(await search('bicycle')).toEqual([]);
    expect(await search('zanahorias')).toEqual([logNumber]);
    expect(await searchCopyMismatches(t.db)).toEqual([]);
  });

  it('goes with its case', async () => {
    const [copy] = await t.db.query<{ id: string }>(
      `INSERT INTO cases
       SELECT (jsonb_populate_record(NULL::cases,
                 to_jsonb(c) || jsonb_build_object('id', gen_random_uuid(), 'log_number', 'SEARCH-COPY-1'))).*
         FROM cases c WHERE c.id = $1
       RETURNING id`,
      [id],
    );
    expect(await search('zanahorias')).toEqual(expect.arrayContaining(['SEARCH-COPY-1']));
    await t.db.query(`DELETE FROM cases WHERE id = $1`, [copy!.id]);
    expect(await search('zanahorias')).toEqual([logNumber]);
    expect(await searchCopyMismatches(t.db)).toEqual([]);
  });
});
