/**
 * The staff list at full-history speed (issue 24, ADR 0058): the capped total, the agency filter
 * folded into the visibility rule, and the lead agency always in `cases.agencies`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaseListFilters,
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

    it('the API says whether it is exact', async () => {
      const res = await t.as(u.auditor, { method: 'GET', url: '/api/v1/cases?pageSize=1' });
      expect(res.json()).toMatchObject({
        total: Object.keys(c).length,
        totalExact: true,
        order: 'received_desc',
      });
    });

    describe('of a search (ADR 0060)', () => {
      const word = `canoe${Date.now().toString(36)}`;
      const filed: string[] = [];
      const search = (f: Partial<CaseListFilters>, cap: number) =>
        listCases(t.db, TEST_JURISDICTION, all(), { ...page, q: word, ...f }, cap);
      /** Every page of a search, in the order the pages give them. */
      async function allPages(f: Partial<CaseListFilters>, cap: number) {
        const seen: string[] = [];
        const orders = new Set<string>();
        for (let p = 1; p <= 10; p++) {
          const r = await search({ ...f, page: p }, cap);
          orders.add(r.order);
          seen.push(...r.rows.map((row) => row.log_number));
          if (r.rows.length < page.pageSize) {
            return { seen, orders: [...orders] };
          }
        }
        throw new Error('more pages than filed cases');
      }

      beforeAll(async () => {
        // five matches on five days; the third says the word three times, so it ranks first
        for (const day of ['01', '02', '03', '04', '05']) {
          const times = day === '03' ? 3 : 1;
          filed.push(
            await fileCase(t, u.intake, {
              receivedAt: `2022-03-${day}T12:00:00-06:00`,
              narrative: `The officer ${Array(times).fill(`seized the ${word}`).join(' and ')}.`,
            }),
          );
        }
      });
      const newestFirst = () => [...filed].reverse();

      it('up to the cap: exact, best match first, every page', async () => {
        const first = await search({}, 5);
        expect([first.total, first.totalExact, first.order]).toEqual([5, true, 'relevance']);
        const { seen, orders } = await allPages({}, 5);
        // the three-times match first, the rest (equal ranks) newest first
        expect(seen).toEqual([filed[2], ...newestFirst().filter((n) => n !== filed[2])]);
        expect(orders).toEqual(['relevance']);
        // a page past the last match still has the exact total
        const past = await search({ page: 9 }, 5);
        expect([past.total, past.totalExact, past.rows]).toEqual([5, true, []]);
      });

      it('past the cap: "more than", in list order, and no match lost over the pages', async () => {
        const first = await search({}, 4);
        expect([first.total, first.totalExact, first.order]).toEqual([4, false, 'received_desc']);
        expect((await allPages({}, 4)).seen).toEqual(newestFirst());
        expect((await allPages({}, 1)).seen).toEqual(newestFirst());
        // also a page whose offset is past the ranked matches
        const third = await search({ page: 3 }, 1);
        expect(third.rows.map((r) => r.log_number)).toEqual([filed[0]]);
        expect([third.total, third.totalExact]).toEqual([1, false]);
      });

      it.each(['received_asc', 'log_number', 'received_desc'] as const)(
        'in the sort asked for (%s), below and past the cap alike',
        async (sort) => {
          const expected = sort === 'received_desc' ? newestFirst() : [...filed];
          for (const cap of [10, 2]) {
            const { seen, orders } = await allPages({ sort }, cap);
            expect(seen, `cap ${cap}`).toEqual(expected);
            expect(orders).toEqual([sort]);
          }
        },
      );

      it('past the cap, the other filters still apply', async () => {
        const r = await search({ from: '2022-03-02', to: '2022-03-04', pageSize: 10 }, 2);
        expect(r.rows.map((row) => row.log_number)).toEqual([filed[3], filed[2], filed[1]]);
        expect(r.totalExact).toBe(false);
      });
    });
  });
});
