import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { fileCase } from './factories.ts';
import { facilityDetails } from '../src/server/repositories/facilities.repository.ts';
import type { Queryable } from '../src/server/db/client.ts';
import {
  auditRows,
  expectAudit,
  expectBodyParsingRejected,
  expectInvalidFields,
  expectNoWrites,
  expectProblem,
  expectUnauthenticated,
} from './http.ts';

interface FacilityBody {
  id: string;
  code: string;
  name: string;
  kind: string;
  district: string | null;
  address: string | null;
  shelterPeriods: Array<{ startsOn: string; endsOn: string | null; note: string | null }>;
  dailyCounts: Array<{ day: string; residents: number }>;
  caseCount: number;
}

describe('facilities, shelter periods and daily counts', () => {
  let t: TestApp;
  let intake: TestUser;
  let supervisor: TestUser;
  let chief: TestUser;
  let investigator: TestUser;
  let analyst: TestUser;
  let admin: TestUser;
  let pio: TestUser;
  let auditor: TestUser;
  let station: FacilityBody;

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
    supervisor = await t.user('supervisor');
    chief = await t.user('chief_administrator');
    investigator = await t.user('investigator');
    analyst = await t.user('analyst');
    admin = await t.user('admin');
    pio = await t.user('public_information');
    auditor = await t.user('auditor', 'OIG');
    const res = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/facilities',
      payload: {
        code: 'D010',
        name: '10th District station',
        kind: 'district_station',
        district: '010',
        address: '3315 W Ogden Ave',
      },
    });
    expect(res.statusCode).toBe(201);
    station = res.json<FacilityBody>();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/v1/facilities', () => {
    const body = { code: 'HQ', name: 'Public Safety Headquarters', kind: 'headquarters' };

    it('answers 401 without a valid token', async () => {
      await expectNoWrites(t.db, () =>
        expectUnauthenticated(t, 'POST', '/api/v1/facilities', body),
      );
    });

    it('answers 403 to roles that do not maintain facilities', async () => {
      await expectNoWrites(t.db, async () => {
        for (const who of [intake, investigator, analyst, pio, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: '/api/v1/facilities', payload: body }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('registers a facility and audits it', async () => {
      const res = await t.as(supervisor, {
        method: 'POST',
        url: '/api/v1/facilities',
        payload: body,
      });
      expect(res.statusCode).toBe(201);
      const f = res.json<FacilityBody>();
      expect(f).toMatchObject({
        code: 'HQ',
        name: 'Public Safety Headquarters',
        kind: 'headquarters',
        district: null,
        address: null,
        shelterPeriods: [],
        dailyCounts: [],
        caseCount: 0,
      });
      const audit = await expectAudit(t.db, 'facility.added', f.id, supervisor);
      expect(audit.entity_type).toBe('facility');
      expect(audit.changes).toEqual({ code: 'HQ' });
    });

    it('answers 409 for a code already registered', async () => {
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(chief, {
            method: 'POST',
            url: '/api/v1/facilities',
            payload: { code: 'D010', name: 'Duplicate', kind: 'other' },
          }),
          409,
          'facility_exists',
        );
      });
    });

    it('rejects bad bodies and wrong types with per-field errors, writing nothing', async () => {
      await expectBodyParsingRejected(t, supervisor, 'POST', '/api/v1/facilities', body);
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'POST',
            url: '/api/v1/facilities',
            payload: { code: 'd 010', name: '', kind: 'jail', district: '10' },
          }),
          ['code', 'name', 'kind', 'district'],
        );
      });
    });
  });

  describe('GET /api/v1/facilities and GET /api/v1/facilities/{code}', () => {
    it('answers 401 without a valid token', async () => {
      await expectUnauthenticated(t, 'GET', '/api/v1/facilities');
      await expectUnauthenticated(t, 'GET', '/api/v1/facilities/D010');
    });

    it('answers 403 to an analyst', async () => {
      expectProblem(
        await t.as(analyst, { method: 'GET', url: '/api/v1/facilities' }),
        403,
        'forbidden',
      );
      expectProblem(
        await t.as(analyst, { method: 'GET', url: '/api/v1/facilities/D010' }),
        403,
        'forbidden',
      );
    });

    it('lists and reads facilities for staff who read the roster, writing nothing', async () => {
      await expectNoWrites(t.db, async () => {
        const list = await t.as(intake, { method: 'GET', url: '/api/v1/facilities' });
        expect(list.statusCode).toBe(200);
        const items = list.json<{ items: FacilityBody[] }>().items;
        expect(items.map((f) => f.code)).toContain('D010');
        const one = await t.as(pio, { method: 'GET', url: '/api/v1/facilities/D010' });
        expect(one.statusCode).toBe(200);
        expect(one.json<FacilityBody>()).toMatchObject({
          id: station.id,
          code: 'D010',
          district: '010',
          address: '3315 W Ogden Ave',
        });
      });
    });

    it('answers 404 for an unknown code and 400 for an overlong one', async () => {
      expectProblem(
        await t.as(intake, { method: 'GET', url: '/api/v1/facilities/D999' }),
        404,
        'facility_not_found',
      );
      expectInvalidFields(
        await t.as(intake, { method: 'GET', url: `/api/v1/facilities/${'X'.repeat(41)}` }),
        ['params.code'],
      );
    });
  });

  describe('POST /api/v1/facilities/{code}/shelter-periods', () => {
    const url = (code: string) => `/api/v1/facilities/${code}/shelter-periods`;
    const body = { startsOn: '2023-05-01', endsOn: '2023-10-31', note: 'Temporary shelter site' };

    it('answers 401 without a valid token', async () => {
      await expectNoWrites(t.db, () => expectUnauthenticated(t, 'POST', url('D010'), body));
    });

    it('answers 403 to roles that do not maintain facilities', async () => {
      await expectNoWrites(t.db, async () => {
        for (const who of [intake, investigator, analyst, pio, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url('D010'), payload: body }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('records a shelter-site period, audits it, and marks cases at the site on those dates', async () => {
      const res = await t.as(supervisor, { method: 'POST', url: url('D010'), payload: body });
      expect(res.statusCode).toBe(201);
      expect(res.json<FacilityBody>().shelterPeriods).toEqual([
        { startsOn: '2023-05-01', endsOn: '2023-10-31', note: 'Temporary shelter site' },
      ]);
      const [audit] = await auditRows(t.db, 'facility.shelter_period_added', station.id);
      expect(audit).toMatchObject({
        actor_id: supervisor.id,
        entity_type: 'facility',
        changes: { startsOn: '2023-05-01', endsOn: '2023-10-31' },
      });
      const n = await fileCase(t, intake, {
        incident: { occurredAt: '2023-09-10T02:00:00-05:00', facilityCode: 'D010' },
      });
      const read = await t.as(supervisor, { method: 'GET', url: `/api/v1/cases/${n}` });
      expect(read.json<{ facility: unknown }>().facility).toEqual({
        code: 'D010',
        name: '10th District station',
        shelterSiteOnIncidentDate: true,
      });
      const f = await t.as(supervisor, { method: 'GET', url: '/api/v1/facilities/D010' });
      expect(f.json<FacilityBody>().caseCount).toBe(1);
    });

    it('answers 404 for an unknown facility', async () => {
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(supervisor, { method: 'POST', url: url('D999'), payload: body }),
          404,
          'facility_not_found',
        );
      });
    });

    it('rejects bad bodies, reversed periods and bad dates without writing', async () => {
      await expectBodyParsingRejected(t, supervisor, 'POST', url('D010'), body);
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'POST',
            url: url('D010'),
            payload: { startsOn: '2023-10-31', endsOn: '2023-05-01' },
          }),
          ['endsOn'],
        );
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'POST',
            url: url('D010'),
            payload: { startsOn: 'spring 2023', note: 5 },
          }),
          ['startsOn', 'note'],
        );
      });
    });
  });

  describe('POST /api/v1/facilities/{code}/daily-counts', () => {
    const url = (code: string) => `/api/v1/facilities/${code}/daily-counts`;

    it('answers 401 without a valid token', async () => {
      await expectNoWrites(t.db, () =>
        expectUnauthenticated(t, 'POST', url('D010'), { day: '2023-09-10', residents: 40 }),
      );
    });

    it('answers 403 to roles that do not maintain facilities', async () => {
      await expectNoWrites(t.db, async () => {
        for (const who of [intake, investigator, analyst, pio, auditor]) {
          expectProblem(
            await t.as(who, {
              method: 'POST',
              url: url('D010'),
              payload: { day: '2023-09-10', residents: 40 },
            }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('records an aggregate count, replaces it on a second report, and audits both', async () => {
      const first = await t.as(chief, {
        method: 'POST',
        url: url('D010'),
        payload: { day: '2023-09-10', residents: 40 },
      });
      expect(first.statusCode).toBe(201);
      expect(first.json<FacilityBody>().dailyCounts).toEqual([
        { day: '2023-09-10', residents: 40 },
      ]);
      const second = await t.as(chief, {
        method: 'POST',
        url: url('D010'),
        payload: { day: '2023-09-10', residents: 43 },
      });
      expect(second.statusCode).toBe(201);
      expect(second.json<FacilityBody>().dailyCounts).toEqual([
        { day: '2023-09-10', residents: 43 },
      ]);
      const rows = await auditRows(t.db, 'facility.daily_count_recorded', station.id);
      expect(rows.map((r) => [r.actor_id, r.changes])).toEqual([
        [chief.id, { day: '2023-09-10', residents: 40 }],
        [chief.id, { day: '2023-09-10', residents: 43 }],
      ]);
    });

    it('answers 404 for an unknown facility', async () => {
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(chief, {
            method: 'POST',
            url: url('D999'),
            payload: { day: '2023-09-10', residents: 1 },
          }),
          404,
          'facility_not_found',
        );
      });
    });

    it('rejects bad bodies, negative or fractional counts and lists of people, writing nothing', async () => {
      await expectBodyParsingRejected(t, chief, 'POST', url('D010'), {
        day: '2023-09-11',
        residents: 1,
      });
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(chief, {
            method: 'POST',
            url: url('D010'),
            payload: { day: '2023-09-31', residents: -1 },
          }),
          ['day', 'residents'],
        );
        expectInvalidFields(
          await t.as(chief, {
            method: 'POST',
            url: url('D010'),
            payload: { day: '2023-09-11', residents: 2.5 },
          }),
          ['residents'],
        );
        const people = expectProblem(
          await t.as(chief, {
            method: 'POST',
            url: url('D010'),
            payload: { day: '2023-09-11', residents: 1, names: ['Someone'] },
          }),
          400,
          'validation_failed',
        );
        expect(JSON.stringify(people.errors)).toContain('names');
      });
    });
  });

  it('the facilities page reads its details in three statements whatever the number of facilities', async () => {
    const codes = ['D011', 'D012', 'D013'];
    for (const code of codes) {
      const res = await t.as(admin, {
        method: 'POST',
        url: '/api/v1/facilities',
        payload: { code, name: `Station ${code}`, kind: 'district_station' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await t.as(supervisor, {
      method: 'POST',
      url: '/api/v1/facilities/D012/daily-counts',
      payload: { day: '2023-09-01', residents: 41 },
    });
    await fileCase(t, intake, { incident: { facilityCode: 'D013' } });
    const listed = (await t.as(chief, { method: 'GET', url: '/api/v1/facilities' })).json<{
      items: FacilityBody[];
    }>().items;
    let sent = 0;
    const counting: Queryable = {
      query: (text, params) => {
        sent += 1;
        return t.db.query(text, params);
      },
      copyFrom: (table, columns, data) => t.db.copyFrom(table, columns, data),
    };
    const details = await facilityDetails(
      counting,
      listed.map((f) => f.id),
    );
    expect(sent).toBe(3);
    // each facility gets its own details, as the page and the one-facility read show them
    for (const f of listed) {
      const d = details.get(f.id)!;
      expect([d.periods.length, d.counts.length, d.caseCount]).toEqual([
        f.shelterPeriods.length,
        f.dailyCounts.length,
        f.caseCount,
      ]);
      const one = (
        await t.as(chief, { method: 'GET', url: `/api/v1/facilities/${f.code}` })
      ).json<FacilityBody>();
      expect(one).toEqual(f);
    }
    const byCode = new Map(listed.map((f) => [f.code, f]));
    expect(byCode.get('D012')!.dailyCounts).toEqual([{ day: '2023-09-01', residents: 41 }]);
    expect(byCode.get('D013')!.caseCount).toBe(1);
    expect(byCode.get('D011')!.caseCount).toBe(0);
  });
});
