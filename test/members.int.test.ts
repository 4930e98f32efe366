import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { addMember, fileCase } from './factories.ts';
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

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

interface MemberBody {
  id: string;
  star: string | null;
  firstName: string;
  lastName: string;
  rank: string | null;
  unit: string | null;
  appointedDate: string | null;
  birthYear: number | null;
}

interface MemberDetail extends MemberBody {
  allegations: Array<{ logNumber: string; category: string }>;
  dutyStatus: Array<{ id: string; stage: string; action: string; logNumber: string }>;
  currentDutyStatus: string | null;
}

describe('members: roster and duty-status ledger', () => {
  let t: TestApp;
  let intake: TestUser;
  let supervisor: TestUser;
  let chief: TestUser;
  let investigator: TestUser;
  let analyst: TestUser;
  let admin: TestUser;
  let pio: TestUser;
  let auditor: TestUser;
  let biaChief: TestUser;
  let biaSupervisor: TestUser;

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
    biaChief = await t.user('chief_administrator', 'BIA');
    biaSupervisor = await t.user('supervisor', 'BIA');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/v1/members', () => {
    const body = {
      star: '12345',
      firstName: 'Dana',
      lastName: 'Patrol',
      rank: 'Sergeant',
      unit: '010',
      appointedDate: '2004-06-28',
      birthYear: 1979,
    };

    it('answers 401 without a valid token', async () => {
      await expectNoWrites(t.db, () => expectUnauthenticated(t, 'POST', '/api/v1/members', body));
    });

    it.each([
      ['intake', () => intake],
      ['analyst', () => analyst],
      ['public_information', () => pio],
      ['auditor', () => auditor],
    ])('answers 403 to %s, who does not maintain the roster', async (_name, who) => {
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(who(), { method: 'POST', url: '/api/v1/members', payload: body }),
          403,
          'forbidden',
        );
      });
    });

    it('adds a member and audits it', async () => {
      const res = await t.as(supervisor, { method: 'POST', url: '/api/v1/members', payload: body });
      expect(res.statusCode).toBe(201);
      const m = res.json<MemberBody>();
      expect(m).toMatchObject({
        star: '12345',
        firstName: 'Dana',
        lastName: 'Patrol',
        rank: 'Sergeant',
        unit: '010',
        appointedDate: '2004-06-28',
        birthYear: 1979,
      });
      expect(m.id).toMatch(/^[0-9a-f-]{36}$/);
      const audit = await expectAudit(t.db, 'member.added', m.id, supervisor);
      expect(audit.entity_type).toBe('member');
      expect(audit.case_id).toBeNull();
      expect(audit.changes).toEqual({ star: '12345', lastName: 'Patrol', rank: 'Sergeant' });
    });

    it('lets an admin add a member too', async () => {
      const res = await t.as(admin, {
        method: 'POST',
        url: '/api/v1/members',
        payload: { star: '777', firstName: 'New', lastName: 'Hire' },
      });
      expect(res.statusCode).toBe(201);
      await expectAudit(t.db, 'member.added', res.json<MemberBody>().id, admin);
    });

    it('rejects bad bodies and wrong types with per-field errors, writing nothing', async () => {
      await expectBodyParsingRejected(t, supervisor, 'POST', '/api/v1/members', body);
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'POST',
            url: '/api/v1/members',
            payload: {
              star: 'A-12',
              firstName: '',
              lastName: 7,
              appointedDate: '2004-02-30',
              birthYear: 1800,
            },
          }),
          ['star', 'firstName', 'lastName', 'appointedDate', 'birthYear'],
        );
        expectInvalidFields(
          await t.as(supervisor, { method: 'POST', url: '/api/v1/members', payload: {} }),
          ['star', 'firstName', 'lastName'],
        );
      });
    });
  });

  describe('GET /api/v1/members', () => {
    beforeAll(async () => {
      await addMember(t, supervisor, { star: '20001', firstName: 'John', lastName: 'Smithson' });
      await addMember(t, supervisor, { star: '20002', firstName: 'Joan', lastName: 'Smith' });
      await addMember(t, supervisor, { star: '30003', firstName: 'Ana', lastName: 'Lopez_Perez' });
    });

    it('answers 401 without a valid token', async () => {
      await expectUnauthenticated(t, 'GET', '/api/v1/members?q=smith');
    });

    it('answers 403 to an analyst', async () => {
      expectProblem(
        await t.as(analyst, { method: 'GET', url: '/api/v1/members?q=smith' }),
        403,
        'forbidden',
      );
    });

    it('searches by star prefix and by name, pages, and writes nothing', async () => {
      await expectNoWrites(t.db, async () => {
        const byStar = await t.as(intake, { method: 'GET', url: '/api/v1/members?q=2000' });
        expect(byStar.statusCode).toBe(200);
        expect(
          byStar
            .json<{ items: MemberBody[] }>()
            .items.map((m) => m.star)
            .sort(),
        ).toEqual(['20001', '20002']);

        const byName = await t.as(pio, { method: 'GET', url: '/api/v1/members?q=smith%2C%20jo' });
        const names = byName.json<{ items: MemberBody[]; total: number }>();
        expect(names.items.map((m) => m.lastName)).toEqual(['Smith', 'Smithson']);
        expect(names.total).toBe(2);

        const both = await t.as(auditor, { method: 'GET', url: '/api/v1/members?q=john%20smith' });
        expect(both.json<{ items: MemberBody[] }>().items.map((m) => m.star)).toEqual(['20001']);

        // LIKE wildcards in the query are literal
        const wildcard = await t.as(admin, { method: 'GET', url: '/api/v1/members?q=lopez_' });
        expect(wildcard.json<{ items: MemberBody[] }>().items.map((m) => m.star)).toEqual([
          '30003',
        ]);
        const percent = await t.as(admin, { method: 'GET', url: '/api/v1/members?q=%25' });
        expect(percent.json()).toEqual({ items: [], total: 0 });

        const page = await t.as(intake, {
          method: 'GET',
          url: '/api/v1/members?q=smith&pageSize=1&page=2',
        });
        expect(page.json()).toMatchObject({ total: 2, items: [{ lastName: 'Smithson' }] });
      });
    });

    it('rejects bad query parameters with per-field errors', async () => {
      expectInvalidFields(
        await t.as(intake, { method: 'GET', url: '/api/v1/members?page=0&pageSize=500' }),
        ['querystring.page', 'querystring.pageSize'],
      );
      expectProblem(
        await t.as(intake, { method: 'GET', url: '/api/v1/members?rank=Sergeant' }),
        400,
        'validation_failed',
      );
    });
  });

  describe('GET /api/v1/members/{id} and POST /api/v1/members/{id}/duty-status', () => {
    let member: { id: string; star: string };
    let open: string;
    let restricted: string;
    let recommendationId: string;
    const dutyUrl = (id: string) => `/api/v1/members/${id}/duty-status`;
    const recommend = () => ({
      action: 'relieved_of_police_powers',
      stage: 'recommended',
      logNumber: restricted,
      reason: 'Credible allegation of sexual misconduct with a shelter resident.',
      effectiveAt: '2023-09-25T12:00:00-05:00',
    });

    beforeAll(async () => {
      member = await addMember(t, supervisor, { star: '40004', lastName: 'Accused' });
      open = await fileCase(t, intake);
      restricted = await fileCase(t, intake, {
        categories: ['sexual_misconduct'],
        officersUnknown: true,
      });
      for (const [n, category] of [
        [open, 'excessive_force'],
        [restricted, 'sexual_misconduct'],
      ] as const) {
        const res = await t.as(chief, {
          method: 'POST',
          url: `/api/v1/cases/${n}/allegations`,
          payload: { memberId: member.id, category, summary: 'Allegation.' },
        });
        expect(res.statusCode).toBe(201);
      }
    });

    it('answers 401 without a valid token', async () => {
      await expectUnauthenticated(t, 'GET', `/api/v1/members/${member.id}`);
      await expectNoWrites(t.db, () =>
        expectUnauthenticated(t, 'POST', dutyUrl(member.id), recommend()),
      );
    });

    it('answers 403 to an analyst reading the roster, 404 for an unknown member, 400 for a bad id', async () => {
      expectProblem(
        await t.as(analyst, { method: 'GET', url: `/api/v1/members/${member.id}` }),
        403,
        'forbidden',
      );
      expectProblem(
        await t.as(intake, { method: 'GET', url: `/api/v1/members/${NO_SUCH_ID}` }),
        404,
        'member_not_found',
      );
      expectInvalidFields(await t.as(intake, { method: 'GET', url: '/api/v1/members/40004' }), [
        'params.id',
      ]);
    });

    it('shows allegation history only on the cases the caller may see', async () => {
      const asChief = await t.as(chief, { method: 'GET', url: `/api/v1/members/${member.id}` });
      expect(asChief.statusCode).toBe(200);
      expect(
        asChief
          .json<MemberDetail>()
          .allegations.map((a) => a.logNumber)
          .sort(),
      ).toEqual([open, restricted].sort());
      const asIntake = await t.as(intake, { method: 'GET', url: `/api/v1/members/${member.id}` });
      expect(asIntake.json<MemberDetail>().allegations.map((a) => a.logNumber)).toEqual([open]);
      const asBia = await t.as(biaSupervisor, {
        method: 'GET',
        url: `/api/v1/members/${member.id}`,
      });
      expect(asBia.json<MemberDetail>()).toMatchObject({ star: '40004', allegations: [] });
      // the public-information officer sees the restricted case as public fields only: none of
      // its content, so not the allegation it holds either
      const asPio = await t.as(pio, { method: 'GET', url: `/api/v1/members/${member.id}` });
      expect(asPio.statusCode).toBe(200);
      expect(asPio.json<MemberDetail>().allegations.map((a) => a.logNumber)).toEqual([open]);
    });

    it('answers 404 to callers who may not see the case and 403 to those who may not recommend', async () => {
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaChief, intake, investigator]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: dutyUrl(member.id), payload: recommend() }),
            404,
            'case_not_found',
          );
        }
        for (const who of [supervisor, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: dutyUrl(member.id), payload: recommend() }),
            403,
            'forbidden',
          );
        }
        // intake sees the unrestricted case, but a recommendation is the chief administrator's
        expectProblem(
          await t.as(intake, {
            method: 'POST',
            url: dutyUrl(member.id),
            payload: { ...recommend(), logNumber: open },
          }),
          403,
          'forbidden',
        );
      });
    });

    it('records the chief administrator recommendation, then the Superintendent decision, and audits both', async () => {
      const rec = await t.as(chief, {
        method: 'POST',
        url: dutyUrl(member.id),
        payload: { ...recommend(), badgeSurrendered: true },
      });
      expect(rec.statusCode).toBe(201);
      const r = rec.json<{
        id: string;
        stage: string;
        decidedBy: string | null;
        recordedBy: string;
      }>();
      recommendationId = r.id;
      expect(r).toMatchObject({
        memberId: member.id,
        logNumber: restricted,
        action: 'relieved_of_police_powers',
        stage: 'recommended',
        decidedBy: null,
        badgeSurrendered: true,
        weaponSurrendered: null,
        agency: 'COPA',
        recordedBy: chief.email,
        effectiveAt: '2023-09-25T17:00:00.000Z',
      });
      const recAudit = await expectAudit(t.db, 'duty_status.recorded', r.id, chief);
      expect(recAudit.case_id).toBe(await caseId(t.db, restricted));
      expect(recAudit.reason).toBe(recommend().reason);
      expect(recAudit.changes).toEqual({
        memberId: member.id,
        action: 'relieved_of_police_powers',
        stage: 'recommended',
        decidedBy: null,
      });

      const dec = await t.as(chief, {
        method: 'POST',
        url: dutyUrl(member.id),
        payload: {
          ...recommend(),
          stage: 'decided',
          decidedBy: 'Superintendent Larry Snelling',
          recommendationId,
          effectiveAt: '2023-09-26T09:00:00-05:00',
        },
      });
      expect(dec.statusCode).toBe(201);
      const d = dec.json<{ id: string }>();
      expect(dec.json()).toMatchObject({
        stage: 'decided',
        decidedBy: 'Superintendent Larry Snelling',
        recommendationId,
      });
      const decAudit = await expectAudit(t.db, 'duty_status.recorded', d.id, chief);
      expect(decAudit.changes).toMatchObject({
        stage: 'decided',
        decidedBy: 'Superintendent Larry Snelling',
      });

      const detail = await t.as(chief, { method: 'GET', url: `/api/v1/members/${member.id}` });
      const body = detail.json<MemberDetail>();
      expect(body.currentDutyStatus).toBe('relieved_of_police_powers');
      expect(body.dutyStatus.map((x) => x.stage)).toEqual(['recommended', 'decided']);
      // the ledger of a restricted case stays with those who may see it
      for (const who of [intake, pio]) {
        const res = await t.as(who, { method: 'GET', url: `/api/v1/members/${member.id}` });
        expect(res.json<MemberDetail>(), who.email).toMatchObject({
          dutyStatus: [],
          currentDutyStatus: null,
        });
      }
    });

    it('lets a BIA supervisor record a decision once BIA works the case, but not recommend', async () => {
      const n = await fileCase(t, intake);
      const added = await t.as(supervisor, {
        method: 'POST',
        url: `/api/v1/cases/${n}/agencies`,
        payload: { agency: 'BIA', track: 'criminal', role: 'parallel' },
      });
      expect(added.statusCode).toBe(201);
      const decided = await t.as(biaSupervisor, {
        method: 'POST',
        url: dutyUrl(member.id),
        payload: {
          action: 'administrative_duty',
          stage: 'decided',
          logNumber: n,
          decidedBy: 'Superintendent Larry Snelling',
          reason: 'Pending the criminal investigation.',
          effectiveAt: '2023-10-01T09:00:00-05:00',
        },
      });
      expect(decided.statusCode).toBe(201);
      await expectAudit(
        t.db,
        'duty_status.recorded',
        decided.json<{ id: string }>().id,
        biaSupervisor,
      );
      await expectNoWrites(t.db, async () => {
        // a recommendation is COPA's chief administrator's, not BIA's
        expectProblem(
          await t.as(biaChief, {
            method: 'POST',
            url: dutyUrl(member.id),
            payload: { ...recommend(), logNumber: n },
          }),
          403,
          'forbidden',
        );
      });
    });

    it('answers 404 for an unknown member and 422 for inconsistent entries', async () => {
      const before = (await auditRows(t.db, 'duty_status.recorded')).length;
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(chief, { method: 'POST', url: dutyUrl(NO_SUCH_ID), payload: recommend() }),
          404,
          'member_not_found',
        );
        const named = expectProblem(
          await t.as(chief, {
            method: 'POST',
            url: dutyUrl(member.id),
            payload: { ...recommend(), decidedBy: 'Superintendent' },
          }),
          422,
          'decided_by_not_allowed',
        );
        expect(named.errors?.[0]?.field).toBe('decidedBy');
        const rec = expectProblem(
          await t.as(chief, {
            method: 'POST',
            url: dutyUrl(member.id),
            payload: {
              ...recommend(),
              stage: 'decided',
              decidedBy: 'Superintendent',
              recommendationId: NO_SUCH_ID,
            },
          }),
          422,
          'unknown_recommendation',
        );
        expect(rec.errors?.[0]?.field).toBe('recommendationId');
      });
      expect(await auditRows(t.db, 'duty_status.recorded')).toHaveLength(before);
    });

    it('rejects bad bodies, unknown codes and invalid ids without writing', async () => {
      await expectBodyParsingRejected(t, chief, 'POST', dutyUrl(member.id), recommend());
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(chief, {
            method: 'POST',
            url: dutyUrl(member.id),
            payload: {
              action: 'fired',
              stage: 'proposed',
              logNumber: 'CR-1',
              reason: '',
              effectiveAt: 'now',
              badgeSurrendered: 'yes',
            },
          }),
          ['action', 'stage', 'logNumber', 'reason', 'effectiveAt', 'badgeSurrendered'],
        );
        expectInvalidFields(
          await t.as(chief, {
            method: 'POST',
            url: dutyUrl(member.id),
            payload: { ...recommend(), stage: 'decided' },
          }),
          ['decidedBy'],
        );
        expectInvalidFields(
          await t.as(chief, { method: 'POST', url: dutyUrl('40004'), payload: recommend() }),
          ['params.id'],
        );
        expectProblem(
          await t.as(chief, {
            method: 'POST',
            url: dutyUrl(member.id),
            payload: { ...recommend(), logNumber: '2023-9999999' },
          }),
          404,
          'case_not_found',
        );
      });
    });
  });
});
