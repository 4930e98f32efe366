/**
 * The staff list at full-history speed (issue 24, ADR 0058): the capped total, the agency filter
 * folded into the visibility rule, and the lead agency always in `cases.agencies`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listCases,
  refreshCaseListStatistics,
} from '../src/server/repositories/case-list.repository.ts';
import { fileCase } from './factories.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';

describe('staff case list', () => {
  let t: TestApp;
  const u = {} as Record<
    | 'intake'
    | 'supervisor'
    | 'investigator'
    | 'assigned'
    | 'chief'
    | 'auditor'
    | 'biaInvestigator'
    | 'biaSupervisor',
    TestUser
  >;
  /** copa: COPA alone; bia: BIA alone; joint: COPA with BIA parallel; jointRestricted: restricted. */
  const c = {} as Record<'copa' | 'bia' | 'joint' | 'jointRestricted' | 'copaRestricted', string>;

  beforeAll(async () => {
    t = await testApp();
    u.intake = await t.user('intake');
    u.supervisor = await t.user('supervisor');
    u.investigator = await t.user('investigator');
    u.assigned = await t.user('investigator');
    u.chief = await t.user('chief_administrator');
    u.auditor = await t.user('auditor', 'OIG');
    u.biaInvestigator = await t.user('investigator', 'BIA');
    u.biaSupervisor = await t.user('supervisor', 'BIA');
    c.copa = await fileCase(t, u.intake);
    c.bia = await fileCase(t, u.intake, { categories: ['operational_violation'] });
    c.joint = await fileCase(t, u.intake);
    c.jointRestricted = await fileCase(t, u.intake, {
      categories: ['sexual_misconduct'],
      officersUnknown: true,
    });
    c.copaRestricted = await fileCase(t, u.intake, {
      categories: ['sexual_misconduct'],
      officersUnknown: true,
    });
    for (const n of [c.joint, c.jointRestricted]) {
      const res = await t.as(u.supervisor, {
        method: 'POST',
        url: `/api/v1/cases/${n}/agencies`,
        payload: { agency: 'BIA', track: 'criminal', role: 'parallel' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const assigned = await t.as(u.supervisor, {
      method: 'POST',
      url: `/api/v1/cases/${c.copaRestricted}/assignments`,
      payload: { userId: u.assigned.id, role: 'investigator' },
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The agencies on a case, lead included, as the auditor (who reads every case) sees them. */
  async function agenciesOf(n: string): Promise<string[]> {
    const res = await t.as(u.auditor, { method: 'GET', url: `/api/v1/cases/${n}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ leadAgency: string; agencies: Array<{ agency: string }> }>();
    return [body.leadAgency, ...body.agencies.map((a) => a.agency)];
  }

  async function listed(user: TestUser, query: string): Promise<string[]> {
    const res = await t.as(user, { method: 'GET', url: `/api/v1/cases?pageSize=200&${query}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: Array<{ logNumber: string }>; total: number }>();
    expect(body.total).toBe(body.items.length);
    return body.items.map((i) => i.logNumber).sort();
  }

  it.each([
    'supervisor',
    'investigator',
    'assigned',
    'chief',
    'auditor',
    'biaInvestigator',
    'biaSupervisor',
  ] as const)(
    '%s: the agency filter lists exactly the visible cases that agency takes part in',
    async (who) => {
      const readable: string[] = [];
      for (const n of Object.values(c)) {
        const res = await t.as(u[who], { method: 'GET', url: `/api/v1/cases/${n}` });
        if (res.statusCode === 200) {
          readable.push(n);
        }
      }
      expect(await listed(u[who], '')).toEqual([...readable].sort());
      for (const agency of ['COPA', 'BIA', 'OIG']) {
        const expected: string[] = [];
        for (const n of readable) {
          if ((await agenciesOf(n)).includes(agency)) {
            expected.push(n);
          }
        }
        expect(await listed(u[who], `agency=${agency}`), agency).toEqual(expected.sort());
      }
    },
  );

  it('a COPA reader filtering by BIA sees the joint cases, restricted ones by role', async () => {
    expect(await listed(u.investigator, 'agency=BIA')).toEqual([c.joint]);
    expect(await listed(u.chief, 'agency=BIA')).toEqual([c.joint, c.jointRestricted].sort());
    expect(await listed(u.biaSupervisor, 'agency=COPA')).toEqual(
      [c.joint, c.jointRestricted].sort(),
    );
    // an assignment shows the case whatever its agencies, and the filter still applies to it
    expect(await listed(u.assigned, 'agency=COPA')).toContain(c.copaRestricted);
    expect(await listed(u.assigned, 'agency=BIA')).not.toContain(c.copaRestricted);
  });

  it('keeps the lead agency in cases.agencies whatever writes the row', async () => {
    const [row] = await t.db.query<{ id: string }>(
      `SELECT id FROM cases WHERE jurisdiction = $1 AND log_number = $2`,
      [TEST_JURISDICTION, c.copa],
    );
    await t.db.query(`UPDATE cases SET lead_agency = 'OIG' WHERE id = $1`, [row!.id]);
    await t.db.query(`UPDATE cases SET agencies = '{}' WHERE id = $1`, [row!.id]);
    const [after] = await t.db.query<{ agencies: string[] }>(
      `SELECT agencies FROM cases WHERE id = $1`,
      [row!.id],
    );
    expect(after!.agencies).toEqual(['OIG']);
    await t.db.query(`UPDATE cases SET lead_agency = 'COPA', agencies = '{COPA}' WHERE id = $1`, [
      row!.id,
    ]);
  });

  it('the embedded upkeep refreshes the statistics the agency condition is estimated from', async () => {
    await refreshCaseListStatistics(t.db);
    const stats = await t.db.query<{ vals: string }>(
      `SELECT most_common_vals::text AS vals FROM pg_stats
        WHERE tablename = 'cases' AND attname = 'agencies'`,
    );
    expect(stats.map((s) => s.vals)).toEqual([expect.stringContaining('{COPA}')]);
  });

  it('bounds the pending list of every GIN index the list reads, which every search reads (migrations 0033, 0035)', async () => {
    const gin = await t.db.query<{ name: string; options: string[] | null }>(
      `SELECT i.relname AS name, i.reloptions AS options
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
        WHERE x.indrelid IN ('cases'::regclass, 'case_search'::regclass) AND am.amname = 'gin'
        ORDER BY i.relname`,
    );
    expect(gin.map((g) => g.name)).toEqual(['case_search_idx', 'cases_categories_idx']);
    for (const g of gin) {
      expect(g.options).toContain('gin_pending_list_limit=64');
    }
  });

  describe('total', () => {
    const all = () => ({ kind: 'all' as const, userId: u.auditor.id });
    const page = { page: 1, pageSize: 2, timeZone: 'America/Chicago' };

    it('is exact up to the cap and the cap, marked inexact, past it', async () => {
      const n = Object.keys(c).length;
      const at = await listCases(t.db, TEST_JURISDICTION, all(), page, n);
      expect([at.total, at.totalExact, at.rows.length]).toEqual([n, true, 2]);
      const below = await listCases(t.db, TEST_JURISDICTION, all(), page, n - 1);
      expect([below.total, below.totalExact, below.rows.length]).toEqual([n - 1, false, 2]);
      const past = await listCases(t.db, TEST_JURISDICTION, all(), { ...page, page: 9 }, n - 1);
      expect([past.total, past.totalExact, past.rows]).toEqual([n - 1, false, []]);
    });

    it('is exact with a search, which ranks every match anyway', async () => {
      const r = await listCases(t.db, TEST_JURISDICTION, all(), { ...page, q: 'officer' }, 1);
      expect(r.totalExact).toBe(true);
      expect(r.total).toBeGreaterThan(1);
    });

    it('the API says whether it is exact', async () => {
      const res = await t.as(u.auditor, { method: 'GET', url: '/api/v1/cases?pageSize=1' });
      expect(res.json()).toMatchObject({ total: Object.keys(c).length, totalExact: true });
    });
  });
});
