import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { buildIntake, fileCase } from './factories.ts';
import {
  auditRows,
  caseId,
  expectAudit,
  expectBodyParsingRejected,
  expectInvalidFields,
  expectNoWrites,
  expectProblem,
  expectUnauthenticated,
} from './http.ts';

interface IntakeBody {
  logNumber: string;
  status: string;
  restricted: boolean;
  restrictionReasons: string[];
  routing: { agency: string; clause: string; rule: string; explanation: string };
  deadlines: Array<{ id: string; kind: string; dueDate: string; dueAt: string; basis: string }>;
}

interface ListBody {
  items: Array<{
    logNumber: string;
    status: string;
    categories: string[];
    leadAgency: string;
    restricted: boolean;
    facilityCode: string | null;
  }>;
  total: number;
}

const LOG_NUMBER = /^\d{4}-\d{7}$/;

describe('cases: intake, list, read', () => {
  let t: TestApp;
  let intake: TestUser;
  let supervisor: TestUser;
  let investigator: TestUser;
  let analyst: TestUser;
  let admin: TestUser;
  let pio: TestUser;
  let auditor: TestUser;
  let biaInvestigator: TestUser;

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
    supervisor = await t.user('supervisor');
    investigator = await t.user('investigator');
    analyst = await t.user('analyst');
    admin = await t.user('admin');
    pio = await t.user('public_information');
    auditor = await t.user('auditor', 'OIG');
    biaInvestigator = await t.user('investigator', 'BIA');
    const facility = await t.as(supervisor, {
      method: 'POST',
      url: '/api/v1/facilities',
      payload: { code: 'D010', name: '10th District station', kind: 'district_station' },
    });
    expect(facility.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/v1/cases', () => {
    it('answers 401 without a valid token', async () => {
      await expectNoWrites(t.db, () =>
        expectUnauthenticated(t, 'POST', '/api/v1/cases', buildIntake()),
      );
    });

    it.each(['investigator', 'analyst', 'public_information', 'auditor', 'admin'] as const)(
      'answers 403 to %s, which does not register cases',
      async (role) => {
        const user = await t.user(role, role === 'auditor' ? 'OIG' : 'COPA');
        await expectNoWrites(t.db, async () => {
          expectProblem(
            await t.as(user, { method: 'POST', url: '/api/v1/cases', payload: buildIntake() }),
            403,
            'forbidden',
          );
        });
      },
    );

    it('registers a complaint: log number, routing with its clause, clocks, rows and audit', async () => {
      const res = await t.as(intake, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: buildIntake({
          parties: [
            { role: 'complainant', name: 'Jordan Example', phone: '312-555-0100', language: 'en' },
            { role: 'witness', anonymous: true },
          ],
        }),
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = res.json<IntakeBody>();
      expect(body.logNumber).toMatch(LOG_NUMBER);
      expect(body.logNumber.startsWith('2023-')).toBe(true);
      expect(body.status).toBe('intake');
      expect(body.restricted).toBe(false);
      expect(body.restrictionReasons).toEqual([]);
      expect(body.routing).toMatchObject({
        agency: 'COPA',
        clause: 'MCC 2-78-120(b)',
        rule: 'copa_excessive_force',
      });
      expect(body.routing.explanation).toContain('MCC 2-78-120(b)');
      // received Thursday 2023-09-14: 5 business days is Thursday 2023-09-21 (Chicago time)
      const ack = body.deadlines.find((d) => d.kind === 'acknowledgement_letter');
      expect(ack).toMatchObject({ dueDate: '2023-09-21' });
      expect(ack?.dueAt).toMatch(/Z$|[+-]\d\d:\d\d$/);
      expect(ack?.basis).toMatch(/5 business days/);
      expect(body.deadlines.map((d) => d.kind)).toContain('six_month_notice');

      const id = await caseId(t.db, body.logNumber);
      const [c] = await t.db.query<Record<string, unknown>>(
        `SELECT status, lead_agency, restricted, channel, created_by FROM cases WHERE id = $1`,
        [id],
      );
      expect(c).toEqual({
        status: 'intake',
        lead_agency: 'COPA',
        restricted: false,
        channel: 'phone',
        created_by: intake.id,
      });
      const counts = await t.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM parties WHERE case_id = $1) AS parties,
                (SELECT count(*)::int FROM case_agencies WHERE case_id = $1 AND role = 'lead') AS lead,
                (SELECT count(*)::int FROM routing_decisions WHERE case_id = $1) AS routing,
                (SELECT count(*)::int FROM case_status_history WHERE case_id = $1) AS history,
                (SELECT count(*)::int FROM deadlines WHERE case_id = $1) AS deadlines`,
        [id],
      );
      expect(counts[0]).toEqual({
        parties: 2,
        lead: 1,
        routing: 1,
        history: 1,
        deadlines: body.deadlines.length,
      });

      const audit = await expectAudit(t.db, 'case.filed', body.logNumber, intake);
      expect(audit.entity_type).toBe('case');
      expect(audit.case_id).toBe(id);
      expect(audit.reason).toBe('MCC 2-78-120(b)');
      expect(audit.changes).toMatchObject({
        caseType: 'complaint',
        channel: 'phone',
        leadAgency: 'COPA',
        restricted: false,
        parties: [
          { role: 'complainant', anonymous: false, identityFields: ['name', 'phone'] },
          { role: 'witness', anonymous: true, identityFields: [] },
        ],
      });
      // the audit row names the fields, never their values
      expect(JSON.stringify(audit.changes)).not.toMatch(/Jordan|555-0100/);
    });

    it('routes sexual misconduct to COPA under (b-5), restricted, at a named facility', async () => {
      const res = await t.as(supervisor, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: buildIntake({
          channel: 'intermediary',
          categories: ['sexual_misconduct'],
          officersUnknown: true,
          incident: { district: '010', facilityCode: 'D010' },
          parties: [
            {
              role: 'reporting_party',
              name: 'Shelter Volunteer',
              language: 'en',
            },
            {
              role: 'victim',
              anonymous: true,
              language: 'es',
              vulnerabilities: ['shelter_resident'],
            },
          ],
        }),
      });
      expect(res.statusCode).toBe(201);
      const body = res.json<IntakeBody>();
      expect(body.routing).toMatchObject({ agency: 'COPA', clause: 'MCC 2-78-120(b-5)' });
      expect(body.restricted).toBe(true);
      expect(body.restrictionReasons).toEqual(['sexual_misconduct', 'shelter_resident_party']);
      const [c] = await t.db.query<{ code: string; restricted: boolean; flags: string[] }>(
        `SELECT f.code, c.restricted, c.flags FROM cases c JOIN facilities f ON f.id = c.facility_id WHERE c.log_number = $1`,
        [body.logNumber],
      );
      expect(c).toEqual({
        code: 'D010',
        restricted: true,
        flags: ['sexual_misconduct', 'vulnerable_party'],
      });
      await expectAudit(t.db, 'case.filed', body.logNumber, supervisor);
    });

    it('routes a matter outside COPA jurisdiction to BIA', async () => {
      const res = await t.as(intake, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: buildIntake({ categories: ['operational_violation'] }),
      });
      expect(res.statusCode).toBe(201);
      const body = res.json<IntakeBody>();
      expect(body.routing).toMatchObject({ agency: 'BIA', rule: 'bia_residual' });
      expect(body.deadlines.map((d) => d.kind)).not.toContain('six_month_notice');
      const [audit] = await auditRows(t.db, 'case.filed', body.logNumber);
      expect(audit?.changes).toMatchObject({ leadAgency: 'BIA' });
    });

    it('registers a CPD notification with its type', async () => {
      const res = await t.as(intake, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: buildIntake({
          caseType: 'notification',
          channel: 'department_notification',
          notificationType: 'taser_discharge',
          categories: [],
          parties: [],
        }),
      });
      expect(res.statusCode).toBe(201);
      expect(res.json<IntakeBody>().routing.agency).toMatch(/^(COPA|BIA)$/);
    });

    it('rejects malformed, oversized, non-object and unknown-field bodies without writing', async () => {
      await expectBodyParsingRejected(t, intake, 'POST', '/api/v1/cases', buildIntake());
    });

    it('rejects wrong types and unknown codes with per-field errors and writes nothing', async () => {
      await expectNoWrites(t.db, async () => {
        const res = await t.as(intake, {
          method: 'POST',
          url: '/api/v1/cases',
          payload: {
            ...buildIntake(),
            caseType: 'lawsuit',
            channel: 42,
            receivedAt: 'last Tuesday',
            categories: ['jaywalking'],
            incident: { district: '10' },
            parties: [{ role: 'complainant', vulnerabilities: ['undocumented'], email: 'nope' }],
          },
        });
        expectInvalidFields(res, [
          'caseType',
          'channel',
          'receivedAt',
          'categories.0',
          'incident.district',
          'parties.0.vulnerabilities.0',
          'parties.0.email',
        ]);
      });
    });

    it('rejects an immigration-status field on a party (there is none, by design)', async () => {
      await expectNoWrites(t.db, async () => {
        const res = await t.as(intake, {
          method: 'POST',
          url: '/api/v1/cases',
          payload: buildIntake({
            parties: [
              { role: 'victim', immigrationStatus: 'undocumented' } as unknown as {
                role: 'victim';
              },
            ],
          }),
        });
        const body = expectProblem(res, 400, 'validation_failed');
        // the unknown key itself is named, at any depth
        expect(body.errors?.map((e) => e.field)).toContain('parties.0.immigrationStatus');
      });
    });

    it('requires notificationType for a notification, and only for one', async () => {
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(intake, {
            method: 'POST',
            url: '/api/v1/cases',
            payload: buildIntake({ caseType: 'notification' }),
          }),
          ['notificationType'],
        );
        expectInvalidFields(
          await t.as(intake, {
            method: 'POST',
            url: '/api/v1/cases',
            payload: buildIntake({ notificationType: 'oc_discharge' }),
          }),
          ['notificationType'],
        );
      });
    });

    it('answers 422 for a receipt in the future, an incident after receipt, an unknown facility', async () => {
      await expectNoWrites(t.db, async () => {
        const future = expectProblem(
          await t.as(intake, {
            method: 'POST',
            url: '/api/v1/cases',
            payload: buildIntake({ receivedAt: new Date(Date.now() + 86_400_000).toISOString() }),
          }),
          422,
          'received_in_future',
        );
        expect(future.errors?.[0]?.field).toBe('receivedAt');
        const after = expectProblem(
          await t.as(intake, {
            method: 'POST',
            url: '/api/v1/cases',
            payload: buildIntake({ incident: { occurredAt: '2023-09-20T10:00:00Z' } }),
          }),
          422,
          'incident_after_receipt',
        );
        expect(after.errors?.[0]?.field).toBe('incident.occurredAt');
        const facility = expectProblem(
          await t.as(intake, {
            method: 'POST',
            url: '/api/v1/cases',
            payload: buildIntake({ incident: { facilityCode: 'NOPE' } }),
          }),
          422,
          'unknown_facility',
        );
        expect(facility.errors?.[0]?.field).toBe('incident.facilityCode');
      });
    });
  });

  describe('GET /api/v1/cases', () => {
    let listed: { force: string; search: string; bia: string; facility: string; later: string };

    beforeAll(async () => {
      listed = {
        force: await fileCase(t, intake, { receivedAt: '2023-03-01T12:00:00-06:00' }),
        search: await fileCase(t, intake, {
          receivedAt: '2023-03-02T12:00:00-06:00',
          narrative: 'The officer confiscated a bicycle without explanation near the lakefront.',
          categories: ['improper_search_seizure'],
        }),
        bia: await fileCase(t, intake, {
          receivedAt: '2023-03-03T12:00:00-06:00',
          categories: ['operational_violation'],
        }),
        facility: await fileCase(t, intake, {
          receivedAt: '2023-03-04T12:00:00-06:00',
          incident: { facilityCode: 'D010' },
        }),
        later: await fileCase(t, intake, { receivedAt: '2023-04-01T23:30:00-05:00' }),
      };
    });

    it('answers 401 without a valid token', async () => {
      await expectUnauthenticated(t, 'GET', '/api/v1/cases');
    });

    it.each([
      ['analyst', () => analyst],
      ['admin', () => admin],
    ])('lists nothing for %s, who sees no case content', async (_name, who) => {
      const res = await t.as(who(), { method: 'GET', url: '/api/v1/cases' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [], total: 0, totalExact: true, order: 'received_desc' });
    });

    it('lists no COPA-only case to a BIA investigator, but lists BIA-led ones', async () => {
      const res = await t.as(biaInvestigator, { method: 'GET', url: '/api/v1/cases?pageSize=200' });
      expect(res.statusCode).toBe(200);
      const body = res.json<ListBody>();
      expect(body.items.map((i) => i.logNumber)).toContain(listed.bia);
      expect(body.items.every((i) => i.leadAgency === 'BIA')).toBe(true);
      expect(body.total).toBe(body.items.length);
    });

    it("lists the agency's cases to a COPA supervisor, not the BIA-only ones", async () => {
      const res = await t.as(supervisor, { method: 'GET', url: '/api/v1/cases?pageSize=200' });
      expect(res.statusCode).toBe(200);
      const body = res.json<ListBody>();
      const numbers = body.items.map((i) => i.logNumber);
      expect(numbers).toEqual(
        expect.arrayContaining([listed.force, listed.search, listed.facility, listed.later]),
      );
      expect(numbers).not.toContain(listed.bia);
      expect(body.items.every((i) => i.leadAgency === 'COPA')).toBe(true);
      expect(body.total).toBe(body.items.length);
    });

    it('lists, filters and pages the cases the caller may see, writing nothing', async () => {
      await expectNoWrites(t.db, async () => {
        const all = await t.as(auditor, { method: 'GET', url: '/api/v1/cases?pageSize=200' });
        expect(all.statusCode).toBe(200);
        const body = all.json<ListBody>();
        expect(body.total).toBe(body.items.length);
        expect(body.items.map((i) => i.logNumber)).toEqual(
          expect.arrayContaining(Object.values(listed)),
        );
        for (const item of body.items) {
          expect(item.logNumber).toMatch(LOG_NUMBER);
        }

        const q = await t.as(auditor, { method: 'GET', url: '/api/v1/cases?q=bicycle' });
        expect(q.json<ListBody>().items.map((i) => i.logNumber)).toEqual([listed.search]);

        const cat = await t.as(auditor, {
          method: 'GET',
          url: '/api/v1/cases?category=improper_search_seizure',
        });
        expect(cat.json<ListBody>().items.map((i) => i.logNumber)).toEqual([listed.search]);

        const agency = await t.as(auditor, { method: 'GET', url: '/api/v1/cases?agency=BIA' });
        expect(agency.json<ListBody>().items.map((i) => i.logNumber)).toContain(listed.bia);
        expect(agency.json<ListBody>().items.every((i) => i.leadAgency === 'BIA')).toBe(true);

        const fac = await t.as(auditor, { method: 'GET', url: '/api/v1/cases?facility=D010' });
        const facItems = fac.json<ListBody>().items;
        expect(facItems.map((i) => i.logNumber)).toContain(listed.facility);
        expect(facItems.every((i) => i.facilityCode === 'D010')).toBe(true);

        // calendar days in Chicago: 2023-04-01 23:30 CDT is 2023-04-02 in UTC, but the 1st here
        const range = await t.as(auditor, {
          method: 'GET',
          url: '/api/v1/cases?from=2023-03-02&to=2023-04-01',
        });
        expect(range.json<ListBody>().items.map((i) => i.logNumber)).toEqual([
          listed.later,
          listed.facility,
          listed.bia,
          listed.search,
        ]);

        const status = await t.as(auditor, {
          method: 'GET',
          url: '/api/v1/cases?status=final',
        });
        expect(status.json()).toEqual({
          items: [],
          total: 0,
          totalExact: true,
          order: 'received_desc',
        });

        const page1 = await t.as(auditor, {
          method: 'GET',
          url: '/api/v1/cases?from=2023-03-01&to=2023-04-01&pageSize=2&page=1',
        });
        const page2 = await t.as(auditor, {
          method: 'GET',
          url: '/api/v1/cases?from=2023-03-01&to=2023-04-01&pageSize=2&page=2',
        });
        expect(page1.json<ListBody>().total).toBe(5);
        expect(page1.json<ListBody>().items).toHaveLength(2);
        expect(page2.json<ListBody>().items).toHaveLength(2);
        expect(page1.json<ListBody>().items.map((i) => i.logNumber)).toEqual([
          listed.later,
          listed.facility,
        ]);
        expect(page2.json<ListBody>().items.map((i) => i.logNumber)).toEqual([
          listed.bia,
          listed.search,
        ]);
      });
    });

    it('gives the exact total of a search on every page, also past the last match', async () => {
      // ranked pages carry their total in the same statement; a page past the end counts apart
      const word = `kayak${Date.now().toString(36)}`;
      const filed = [];
      for (const day of ['05', '06', '07']) {
        filed.push(
          await fileCase(t, intake, {
            receivedAt: `2023-05-${day}T12:00:00-05:00`,
            narrative: `The officer took the ${word} from the complainant at the harbor.`,
          }),
        );
      }
      const page = async (n: number): Promise<ListBody> => {
        const res = await t.as(auditor, {
          method: 'GET',
          url: `/api/v1/cases?q=${word}&pageSize=2&page=${n}`,
        });
        expect(res.statusCode, res.body).toBe(200);
        return res.json<ListBody>();
      };
      const [p1, p2, p3] = [await page(1), await page(2), await page(3)];
      expect([p1.total, p2.total, p3.total]).toEqual([3, 3, 3]);
      expect([p1.items.length, p2.items.length, p3.items.length]).toEqual([2, 1, 0]);
      // equal ranks: newest first
      expect([...p1.items, ...p2.items].map((i) => i.logNumber)).toEqual([...filed].reverse());
      const filtered = await t.as(auditor, {
        method: 'GET',
        url: `/api/v1/cases?q=${word}&from=2023-05-06&to=2023-05-06`,
      });
      expect(filtered.json<ListBody>()).toMatchObject({
        total: 1,
        items: [{ logNumber: filed[1] }],
      });
    });

    it('lists a case to a parallel agency from the moment its track is added', async () => {
      const biaSupervisor = await t.user('supervisor', 'BIA');
      const n = await fileCase(t, intake, {
        receivedAt: '2023-05-10T12:00:00-05:00',
        narrative: 'The officer struck the complainant with a flashlight during the arrest.',
      });
      const listedTo = async (who: TestUser, query: string): Promise<string[]> => {
        const res = await t.as(who, { method: 'GET', url: `/api/v1/cases?${query}&pageSize=200` });
        expect(res.statusCode, res.body).toBe(200);
        return res.json<ListBody>().items.map((i) => i.logNumber);
      };
      expect(await listedTo(biaSupervisor, 'from=2023-05-10&to=2023-05-10')).toEqual([]);
      expect(await listedTo(auditor, 'agency=BIA&from=2023-05-10&to=2023-05-10')).toEqual([]);
      const added = await t.as(supervisor, {
        method: 'POST',
        url: `/api/v1/cases/${n}/agencies`,
        payload: { agency: 'BIA', track: 'criminal', role: 'parallel' },
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(await listedTo(biaSupervisor, 'from=2023-05-10&to=2023-05-10')).toEqual([n]);
      expect(await listedTo(biaSupervisor, 'q=flashlight')).toContain(n);
      expect(await listedTo(auditor, 'agency=BIA&from=2023-05-10&to=2023-05-10')).toEqual([n]);
      // the cache the list reads is kept by the database, and its rows are not edited in place
      const id = await caseId(t.db, n);
      const cached = await t.db.query<{ agencies: string[] }>(
        `SELECT agencies FROM cases WHERE id = $1`,
        [id],
      );
      expect(cached[0]?.agencies).toEqual(['BIA', 'COPA']);
      await expect(
        t.db.query(`UPDATE case_agencies SET agency = 'OIG' WHERE case_id = $1`, [id]),
      ).rejects.toThrow(/not updated/);
    });

    it('rejects bad query parameters with per-field errors', async () => {
      expectInvalidFields(
        await t.as(supervisor, {
          method: 'GET',
          url: '/api/v1/cases?status=open&category=jaywalking&agency=FBI&from=2023-02-30&page=0&pageSize=1000',
        }),
        [
          'querystring.status',
          'querystring.category',
          'querystring.agency',
          'querystring.from',
          'querystring.page',
          'querystring.pageSize',
        ],
      );
      expectProblem(
        await t.as(supervisor, { method: 'GET', url: '/api/v1/cases?sort=narrative' }),
        400,
        'validation_failed',
      );
      expectInvalidFields(
        await t.as(supervisor, { method: 'GET', url: '/api/v1/cases?page=abc' }),
        ['querystring.page'],
      );
    });
  });

  describe('GET /api/v1/cases/{logNumber}', () => {
    let logNumber: string;

    beforeAll(async () => {
      logNumber = await fileCase(t, intake, {
        incident: {
          occurredAt: '2023-09-13T22:00:00-05:00',
          address: '3315 W Ogden Ave',
          beat: '1011',
          district: '010',
        },
      });
    });

    it('answers 401 without a valid token', async () => {
      await expectUnauthenticated(t, 'GET', `/api/v1/cases/${logNumber}`);
    });

    it.each([
      ['analyst', () => analyst],
      ['admin', () => admin],
      ['a BIA investigator on a COPA-only case', () => biaInvestigator],
    ])('answers 404 to %s, as if the case did not exist', async (_name, who) => {
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(who(), { method: 'GET', url: `/api/v1/cases/${logNumber}` }),
          404,
          'case_not_found',
        );
      });
    });

    it('shows the full case to intake, with abilities and decrypted identity, and audits the identity read', async () => {
      const res = await t.as(intake, { method: 'GET', url: `/api/v1/cases/${logNumber}` });
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        logNumber: string;
        view: string;
        status: string;
        narrative: string;
        incident: Record<string, unknown>;
        routing: { clause: string };
        parties: Array<{ id: string; identity: unknown; identityMasked: boolean }>;
        deadlines: unknown[];
        statusHistory: Array<{ from: string | null; to: string }>;
        abilities: { actions: string[]; transitions: Array<{ to: string }> };
      }>();
      expect(body.logNumber).toBe(logNumber);
      expect(body.view).toBe('full');
      expect(body.status).toBe('intake');
      expect(body.narrative).toBe(buildIntake().narrative);
      expect(body.incident).toEqual({
        occurredAt: '2023-09-14T03:00:00.000Z',
        address: '3315 W Ogden Ave',
        beat: '1011',
        district: '010',
      });
      expect(body.routing.clause).toBe('MCC 2-78-120(b)');
      expect(body.parties).toHaveLength(1);
      expect(body.parties[0]).toMatchObject({
        identity: { name: 'Jordan Example', phone: '312-555-0100' },
        identityMasked: false,
      });
      expect(body.deadlines.length).toBeGreaterThan(0);
      expect(body.statusHistory).toEqual([expect.objectContaining({ from: null, to: 'intake' })]);
      expect(body.abilities.actions).toEqual(
        expect.arrayContaining([
          'case.read',
          'case.read_identity',
          'case.add_party',
          'case.transition',
        ]),
      );
      expect(body.abilities.actions).not.toContain('case.assign');
      expect(body.abilities.transitions.map((x) => x.to)).toEqual(['preliminary']);

      const audit = await expectAudit(t.db, 'party.identity_read', logNumber, intake);
      expect(audit.changes).toEqual({ parties: [body.parties[0]!.id] });
      // an unrestricted case is not a restricted read
      expect(await auditRows(t.db, 'case.read_restricted', logNumber)).toEqual([]);
    });

    it('answers 404 for a well-formed log number that does not exist, legacy form included', async () => {
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(supervisor, { method: 'GET', url: '/api/v1/cases/2023-9999999' }),
          404,
          'case_not_found',
        );
        expectProblem(
          await t.as(supervisor, { method: 'GET', url: '/api/v1/cases/1053951' }),
          404,
          'case_not_found',
        );
        // CLEAR's legacy numbers run to 6 digits too (258959): valid, so 404, not 400
        expectProblem(
          await t.as(supervisor, { method: 'GET', url: '/api/v1/cases/258959' }),
          404,
          'case_not_found',
        );
      });
    });

    it.each(['2023-123', 'abc', '2023-00000011', '20230000001', "1' OR '1'='1"])(
      'answers 400 for the invalid log number %s',
      async (bad) => {
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'GET',
            url: `/api/v1/cases/${encodeURIComponent(bad)}`,
          }),
          ['params.logNumber'],
        );
      },
    );

    it('does not let an investigator see a case of another agency by guessing numbers', async () => {
      const res = await t.as(biaInvestigator, {
        method: 'GET',
        url: `/api/v1/cases/${logNumber}`,
      });
      const missing = await t.as(biaInvestigator, {
        method: 'GET',
        url: '/api/v1/cases/2023-9999999',
      });
      expect(res.statusCode).toBe(404);
      expect(res.json<{ code: string; title: string }>().code).toBe(
        missing.json<{ code: string }>().code,
      );
      // same shape and words except for the number itself
      expect(res.body.replace(logNumber, 'N')).toBe(missing.body.replace('2023-9999999', 'N'));
    });

    it('masks identity for the investigator and auditor, and shows public fields only to public information', async () => {
      const inv = await t.as(investigator, { method: 'GET', url: `/api/v1/cases/${logNumber}` });
      expect(inv.statusCode).toBe(200);
      const invParties = inv.json<{
        parties: Array<{ identity: unknown; identityMasked: boolean }>;
      }>().parties;
      expect(invParties[0]).toMatchObject({ identity: null, identityMasked: true });

      const aud = await t.as(auditor, { method: 'GET', url: `/api/v1/cases/${logNumber}` });
      expect(aud.statusCode).toBe(200);
      expect(aud.json<{ view: string; abilities: { actions: string[] } }>()).toMatchObject({
        view: 'full',
        abilities: { actions: ['case.read'] },
      });
      const pub = await t.as(pio, { method: 'GET', url: `/api/v1/cases/${logNumber}` });
      expect(pub.statusCode).toBe(200);
      expect(pub.json<{ view: string }>().view).toBe('public_fields');
      expect(pub.json()).not.toHaveProperty('parties');
      expect(pub.json()).not.toHaveProperty('narrative');
    });
  });
});
