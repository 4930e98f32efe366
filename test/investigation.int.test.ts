import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { addMember, fileCase, walk } from './factories.ts';
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

interface CaseBody {
  officersUnknown: boolean;
  allegations: Array<{
    id: string;
    member: { id: string; star: string | null } | null;
    category: string;
    recommendedFinding: string | null;
    recommendedPenalty: string | null;
    finalFinding: string | null;
    finalPenalty: string | null;
    history: Array<{
      stage: string;
      finding: string | null;
      penalty: string | null;
      agency: string;
      recordedBy: string | null;
    }>;
  }>;
  activities: Array<{
    id: string;
    kind: string;
    place: string | null;
    outcome: string | null;
    summary: string;
    agency: string;
  }>;
  deadlines: Array<{
    id: string;
    kind: string;
    dueDate: string;
    extensions: Array<{
      days: number;
      dayKind: string;
      newDueDate: string;
      reason: string;
      grantedBy: string;
    }>;
  }>;
}

describe('investigation: allegations, findings, activities, deadline extensions', () => {
  let t: TestApp;
  let intake: TestUser;
  let supervisor: TestUser;
  let chief: TestUser;
  let investigator: TestUser;
  let otherInvestigator: TestUser;
  let analyst: TestUser;
  let pio: TestUser;
  let auditor: TestUser;
  let biaSupervisor: TestUser;
  let member: { id: string; star: string };

  /** A COPA case with `investigator` assigned as lead. */
  async function assignedCase(overrides: Parameters<typeof fileCase>[2] = {}): Promise<string> {
    const n = await fileCase(t, intake, overrides);
    const res = await t.as(supervisor, {
      method: 'POST',
      url: `/api/v1/cases/${n}/assignments`,
      payload: { userId: investigator.id, role: 'lead_investigator' },
    });
    expect(res.statusCode).toBe(201);
    return n;
  }

  async function readCase(n: string, as: TestUser = supervisor): Promise<CaseBody> {
    const res = await t.as(as, { method: 'GET', url: `/api/v1/cases/${n}` });
    expect(res.statusCode).toBe(200);
    return res.json<CaseBody>();
  }

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
    supervisor = await t.user('supervisor');
    chief = await t.user('chief_administrator');
    investigator = await t.user('investigator');
    otherInvestigator = await t.user('investigator');
    analyst = await t.user('analyst');
    pio = await t.user('public_information');
    auditor = await t.user('auditor', 'OIG');
    biaSupervisor = await t.user('supervisor', 'BIA');
    member = await addMember(t, supervisor, { star: '4411', lastName: 'Roster' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/v1/cases/{logNumber}/allegations', () => {
    const url = (n: string) => `/api/v1/cases/${n}/allegations`;
    const payload = () => ({
      memberId: member.id,
      category: 'excessive_force',
      summary: 'Pushed the complainant to the ground.',
    });

    it('answers 401 without a valid token', async () => {
      const n = await assignedCase();
      await expectNoWrites(t.db, () => expectUnauthenticated(t, 'POST', url(n), payload()));
    });

    it('answers 404 to callers who may not see the case and 403 to those not on the team', async () => {
      const n = await assignedCase();
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaSupervisor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: payload() }),
            404,
            'case_not_found',
          );
        }
        for (const who of [intake, otherInvestigator, pio, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: payload() }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('adds an allegation by member id, marks the officers identified, and audits it', async () => {
      const n = await assignedCase({ officersUnknown: true });
      expect((await readCase(n)).officersUnknown).toBe(true);
      const res = await t.as(investigator, { method: 'POST', url: url(n), payload: payload() });
      expect(res.statusCode).toBe(201);
      const body = res.json<{ id: string; memberId: string | null }>();
      expect(body.memberId).toBe(member.id);
      const audit = await expectAudit(t.db, 'allegation.added', body.id, investigator);
      expect(audit.entity_type).toBe('allegation');
      expect(audit.case_id).toBe(await caseId(t.db, n));
      expect(audit.changes).toEqual({ memberId: member.id, category: 'excessive_force' });
      const c = await readCase(n);
      expect(c.officersUnknown).toBe(false);
      expect(c.allegations).toEqual([
        expect.objectContaining({
          id: body.id,
          category: 'excessive_force',
          member: expect.objectContaining({ id: member.id, star: '4411' }) as unknown,
          recommendedFinding: null,
        }),
      ]);
    });

    it('adds allegations by star and against a not-yet-identified officer', async () => {
      const n = await assignedCase();
      const byStar = await t.as(supervisor, {
        method: 'POST',
        url: url(n),
        payload: { star: member.star, category: 'verbal_abuse', summary: 'Insults.' },
      });
      expect(byStar.statusCode).toBe(201);
      expect(byStar.json<{ memberId: string }>().memberId).toBe(member.id);
      const unknown = await t.as(investigator, {
        method: 'POST',
        url: url(n),
        payload: {
          unknownMember: true,
          category: 'sexual_misconduct',
          summary: 'Unknown officer.',
        },
      });
      expect(unknown.statusCode).toBe(201);
      const body = unknown.json<{ id: string; memberId: string | null }>();
      expect(body.memberId).toBeNull();
      const audit = await expectAudit(t.db, 'allegation.added', body.id, investigator);
      // the case gains the category and, sexual misconduct being need-to-know, is restricted
      // from now on (issue 15 defect 5: the allegation re-evaluates the classification)
      expect(audit.changes).toEqual({
        memberId: null,
        category: 'sexual_misconduct',
        categories: {
          from: ['excessive_force', 'verbal_abuse'],
          to: ['excessive_force', 'verbal_abuse', 'sexual_misconduct'],
        },
        restricted: { from: false, to: true },
        restrictionReasons: { from: [], to: ['sexual_misconduct'] },
      });
    });

    it('answers 422 unknown_member for a member not on the roster, and ambiguous_star for a reissued star', async () => {
      const n = await assignedCase();
      await addMember(t, supervisor, {
        star: '5150',
        lastName: 'Elder',
        appointedDate: '1990-01-01',
      });
      await addMember(t, supervisor, {
        star: '5150',
        lastName: 'Younger',
        appointedDate: '2015-01-01',
      });
      await expectNoWrites(t.db, async () => {
        const byId = expectProblem(
          await t.as(investigator, {
            method: 'POST',
            url: url(n),
            payload: { ...payload(), memberId: NO_SUCH_ID },
          }),
          422,
          'unknown_member',
        );
        expect(byId.errors?.[0]?.field).toBe('memberId');
        const byStar = expectProblem(
          await t.as(investigator, {
            method: 'POST',
            url: url(n),
            payload: { star: '999999', category: 'excessive_force', summary: 'x' },
          }),
          422,
          'unknown_member',
        );
        expect(byStar.errors?.[0]?.field).toBe('star');
        expectProblem(
          await t.as(investigator, {
            method: 'POST',
            url: url(n),
            payload: { star: '5150', category: 'excessive_force', summary: 'x' },
          }),
          422,
          'ambiguous_star',
        );
      });
    });

    it('rejects bad bodies, unknown codes and invalid log numbers without writing', async () => {
      const n = await assignedCase();
      await expectBodyParsingRejected(t, investigator, 'POST', url(n), payload());
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(investigator, {
            method: 'POST',
            url: url(n),
            payload: { memberId: 'officer-7', category: 'rudeness', summary: '' },
          }),
          ['memberId', 'category', 'summary'],
        );
        expectInvalidFields(
          await t.as(investigator, {
            method: 'POST',
            url: url(n),
            payload: { category: 'excessive_force', summary: 'Nobody named.' },
          }),
          ['memberId'],
        );
        expectInvalidFields(
          await t.as(investigator, {
            method: 'POST',
            url: url(n),
            payload: { ...payload(), star: '4411' },
          }),
          ['memberId'],
        );
        expectInvalidFields(
          await t.as(investigator, {
            method: 'POST',
            url: url(n),
            payload: { star: 'A-12', category: 'excessive_force', summary: 'x' },
          }),
          ['star'],
        );
        expectInvalidFields(
          await t.as(investigator, { method: 'POST', url: url('2023-'), payload: payload() }),
          ['params.logNumber'],
        );
        expectProblem(
          await t.as(investigator, {
            method: 'POST',
            url: url('2023-9999999'),
            payload: payload(),
          }),
          404,
          'case_not_found',
        );
      });
    });
  });

  describe('PATCH /api/v1/cases/{logNumber}/allegations/{id}', () => {
    let n: string;
    let allegationId: string;
    const url = (log: string, id: string) => `/api/v1/cases/${log}/allegations/${id}`;

    beforeAll(async () => {
      n = await assignedCase();
      const res = await t.as(investigator, {
        method: 'POST',
        url: `/api/v1/cases/${n}/allegations`,
        payload: { memberId: member.id, category: 'excessive_force', summary: 'Force.' },
      });
      allegationId = res.json<{ id: string }>().id;
      // a recommended finding exists once the case is investigated (issue 15 defect 2)
      await walk(t, supervisor, n, [{ to: 'preliminary' }, { to: 'investigation' }]);
    });

    it('answers 401 without a valid token', async () => {
      await expectNoWrites(t.db, () =>
        expectUnauthenticated(t, 'PATCH', url(n, allegationId), {
          recommendedFinding: 'sustained',
        }),
      );
    });

    it('answers 404 to callers who may not see the case and 403 to those who may not record findings', async () => {
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaSupervisor]) {
          expectProblem(
            await t.as(who, {
              method: 'PATCH',
              url: url(n, allegationId),
              payload: { recommendedFinding: 'sustained' },
            }),
            404,
            'case_not_found',
          );
        }
        for (const who of [intake, otherInvestigator, pio, auditor]) {
          expectProblem(
            await t.as(who, {
              method: 'PATCH',
              url: url(n, allegationId),
              payload: { recommendedFinding: 'sustained' },
            }),
            403,
            'forbidden',
          );
        }
        // final findings are the chief administrator's alone
        for (const who of [investigator, supervisor]) {
          expectProblem(
            await t.as(who, {
              method: 'PATCH',
              url: url(n, allegationId),
              payload: { finalFinding: 'sustained' },
            }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('records a recommended finding and penalty as history, and audits it', async () => {
      const res = await t.as(investigator, {
        method: 'PATCH',
        url: url(n, allegationId),
        payload: { recommendedFinding: 'sustained', recommendedPenalty: '010' },
      });
      expect(res.statusCode).toBe(200);
      const a = res.json<CaseBody>().allegations.find((x) => x.id === allegationId);
      expect(a).toMatchObject({
        recommendedFinding: 'sustained',
        recommendedPenalty: '010',
        finalFinding: null,
      });
      expect(a?.history).toEqual([
        expect.objectContaining({
          stage: 'recommended',
          finding: 'sustained',
          penalty: '010',
          agency: 'COPA',
          recordedBy: investigator.email,
        }),
      ]);
      const [audit] = await auditRows(t.db, 'allegation.finding_recorded', allegationId);
      expect(audit).toMatchObject({
        actor_id: investigator.id,
        entity_type: 'allegation',
        case_id: await caseId(t.db, n),
        changes: { stage: 'recommended', finding: 'sustained', penalty: '010' },
      });
    });

    it('lets the chief administrator record the final finding', async () => {
      // a final finding exists from department review on (MCC 2-78-130)
      await walk(t, supervisor, n, [{ to: 'review' }, { to: 'department_review' }]);
      const res = await t.as(chief, {
        method: 'PATCH',
        url: url(n, allegationId),
        payload: { finalFinding: 'sustained', finalPenalty: '100' },
      });
      expect(res.statusCode).toBe(200);
      const a = res.json<CaseBody>().allegations.find((x) => x.id === allegationId);
      expect(a).toMatchObject({ finalFinding: 'sustained', finalPenalty: '100' });
      const rows = await auditRows(t.db, 'allegation.finding_recorded', allegationId);
      expect(rows.at(-1)).toMatchObject({
        actor_id: chief.id,
        changes: { stage: 'final', finding: 'sustained', penalty: '100' },
      });
    });

    it('answers 422 for legacy findings, unknown penalty codes and discipline without a sustained finding', async () => {
      await expectNoWrites(t.db, async () => {
        const legacy = expectProblem(
          await t.as(investigator, {
            method: 'PATCH',
            url: url(n, allegationId),
            payload: { recommendedFinding: 'no_affidavit', recommendedPenalty: '555' },
          }),
          422,
          'invalid_finding',
        );
        expect(legacy.errors?.map((e) => e.field).sort()).toEqual([
          'recommendedFinding',
          'recommendedPenalty',
        ]);
        const penalty = expectProblem(
          await t.as(investigator, {
            method: 'PATCH',
            url: url(n, allegationId),
            payload: { recommendedFinding: 'unfounded', recommendedPenalty: '400' },
          }),
          422,
          'penalty_requires_sustained',
        );
        expect(penalty.errors?.[0]?.field).toBe('recommendedPenalty');
      });
    });

    it('answers 404 for an allegation that is not on this case', async () => {
      const other = await assignedCase();
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(investigator, {
            method: 'PATCH',
            url: url(other, allegationId),
            payload: { recommendedFinding: 'unfounded' },
          }),
          404,
          'allegation_not_found',
        );
        expectProblem(
          await t.as(investigator, {
            method: 'PATCH',
            url: url(n, NO_SUCH_ID),
            payload: { recommendedFinding: 'unfounded' },
          }),
          404,
          'allegation_not_found',
        );
      });
    });

    it('rejects bad bodies, unknown codes, invalid ids and log numbers without writing', async () => {
      await expectBodyParsingRejected(t, investigator, 'PATCH', url(n, allegationId), {
        recommendedFinding: 'unfounded',
      });
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(investigator, {
            method: 'PATCH',
            url: url(n, allegationId),
            payload: { recommendedFinding: 'guilty', recommendedPenalty: 10, finalPenalty: '10' },
          }),
          ['recommendedFinding', 'recommendedPenalty', 'finalPenalty'],
        );
        expectInvalidFields(
          await t.as(investigator, { method: 'PATCH', url: url(n, allegationId), payload: {} }),
          ['recommendedFinding'],
        );
        expectInvalidFields(
          await t.as(investigator, {
            method: 'PATCH',
            url: url(n, 'allegation-1'),
            payload: { recommendedFinding: 'unfounded' },
          }),
          ['params.id'],
        );
        expectInvalidFields(
          await t.as(investigator, {
            method: 'PATCH',
            url: url('23-1', allegationId),
            payload: { recommendedFinding: 'unfounded' },
          }),
          ['params.logNumber'],
        );
      });
    });
  });

  describe('POST /api/v1/cases/{logNumber}/activities', () => {
    const url = (n: string) => `/api/v1/cases/${n}/activities`;
    const canvass = {
      kind: 'canvass',
      occurredAt: '2023-09-20T14:00:00-05:00',
      place: 'Shelters near 3315 W Ogden Ave',
      outcome: 'No witnesses found',
      summary: 'Canvassed three shelters.',
    };

    it('answers 401 without a valid token', async () => {
      const n = await assignedCase();
      await expectNoWrites(t.db, () => expectUnauthenticated(t, 'POST', url(n), canvass));
    });

    it('answers 404 to callers who may not see the case and 403 to those not on the team', async () => {
      const n = await assignedCase();
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaSupervisor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: canvass }),
            404,
            'case_not_found',
          );
        }
        for (const who of [intake, otherInvestigator, pio, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: canvass }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('logs a canvass with place and outcome, and audits it', async () => {
      const n = await assignedCase();
      const res = await t.as(investigator, { method: 'POST', url: url(n), payload: canvass });
      expect(res.statusCode).toBe(201);
      const { id } = res.json<{ id: string }>();
      const audit = await expectAudit(t.db, 'activity.logged', id, investigator);
      expect(audit.entity_type).toBe('activity');
      expect(audit.case_id).toBe(await caseId(t.db, n));
      expect(audit.changes).toEqual({ kind: 'canvass', occurredAt: '2023-09-20T19:00:00.000Z' });
      expect((await readCase(n)).activities).toEqual([
        expect.objectContaining({
          id,
          kind: 'canvass',
          place: canvass.place,
          outcome: 'No witnesses found',
          agency: 'COPA',
        }),
      ]);
    });

    it('logs a member interview', async () => {
      const n = await assignedCase();
      const res = await t.as(supervisor, {
        method: 'POST',
        url: url(n),
        payload: {
          kind: 'interview',
          occurredAt: '2023-10-02T10:00:00Z',
          summary: 'Accused member interviewed.',
          memberId: member.id,
        },
      });
      expect(res.statusCode).toBe(201);
      await expectAudit(t.db, 'activity.logged', res.json<{ id: string }>().id, supervisor);
    });

    it('answers 422 for an unknown member and for an activity in the future', async () => {
      const n = await assignedCase();
      await expectNoWrites(t.db, async () => {
        const unknown = expectProblem(
          await t.as(investigator, {
            method: 'POST',
            url: url(n),
            payload: { ...canvass, kind: 'interview', memberId: NO_SUCH_ID },
          }),
          422,
          'unknown_member',
        );
        expect(unknown.errors?.[0]?.field).toBe('memberId');
        const future = expectProblem(
          await t.as(investigator, {
            method: 'POST',
            url: url(n),
            payload: { ...canvass, occurredAt: new Date(Date.now() + 86_400_000).toISOString() },
          }),
          422,
          'activity_in_future',
        );
        expect(future.errors?.[0]?.field).toBe('occurredAt');
      });
    });

    it('rejects bad bodies, unknown codes and invalid log numbers without writing', async () => {
      const n = await assignedCase();
      await expectBodyParsingRejected(t, investigator, 'POST', url(n), canvass);
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(investigator, {
            method: 'POST',
            url: url(n),
            payload: { kind: 'stakeout', occurredAt: '2023-09-20', summary: '', memberId: 3 },
          }),
          ['kind', 'occurredAt', 'summary', 'memberId'],
        );
        expectInvalidFields(
          await t.as(investigator, { method: 'POST', url: url('2023-ABCDEFG'), payload: canvass }),
          ['params.logNumber'],
        );
      });
    });
  });

  describe('POST /api/v1/cases/{logNumber}/deadlines/{id}/extensions', () => {
    const url = (n: string, id: string) => `/api/v1/cases/${n}/deadlines/${id}/extensions`;
    const ext = { days: 5, dayKind: 'business', reason: 'Complainant asked for a Spanish letter.' };

    async function deadlineOf(n: string, kind: string) {
      const d = (await readCase(n)).deadlines.find((x) => x.kind === kind);
      expect(d, kind).toBeDefined();
      return d!;
    }

    it('answers 401 without a valid token', async () => {
      const n = await assignedCase();
      const d = await deadlineOf(n, 'acknowledgement_letter');
      await expectNoWrites(t.db, () => expectUnauthenticated(t, 'POST', url(n, d.id), ext));
    });

    it('answers 404 to callers who may not see the case and 403 to non-managers', async () => {
      const n = await assignedCase();
      const d = await deadlineOf(n, 'acknowledgement_letter');
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaSupervisor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n, d.id), payload: ext }),
            404,
            'case_not_found',
          );
        }
        for (const who of [intake, investigator, pio, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n, d.id), payload: ext }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('extends a deadline in business days, keeps the history and audits who and why', async () => {
      const n = await assignedCase();
      const d = await deadlineOf(n, 'acknowledgement_letter');
      expect(d.dueDate).toBe('2023-09-21');
      const res = await t.as(supervisor, { method: 'POST', url: url(n, d.id), payload: ext });
      expect(res.statusCode).toBe(201);
      const body = res.json<{ dueDate: string; dueAt: string }>();
      // Thursday 2023-09-21 + 5 business days = Thursday 2023-09-28
      expect(body.dueDate).toBe('2023-09-28');
      expect(new Date(body.dueAt).toISOString()).toBe(body.dueAt);
      const after = await deadlineOf(n, 'acknowledgement_letter');
      expect(after.dueDate).toBe('2023-09-28');
      expect(after.extensions).toEqual([
        expect.objectContaining({
          days: 5,
          dayKind: 'business',
          newDueDate: '2023-09-28',
          reason: ext.reason,
          grantedBy: supervisor.email,
        }),
      ]);
      const audit = await expectAudit(t.db, 'deadline.extended', d.id, supervisor);
      expect(audit.reason).toBe(ext.reason);
      expect(audit.case_id).toBe(await caseId(t.db, n));
      expect(audit.changes).toEqual({
        kind: 'acknowledgement_letter',
        dueDate: { from: '2023-09-21', to: '2023-09-28' },
      });
    });

    it('answers 404 for a deadline of another case or none, and 409 for a deadline already met', async () => {
      const n = await assignedCase();
      const other = await assignedCase();
      const foreign = await deadlineOf(other, 'acknowledgement_letter');
      await walk(t, supervisor, n, [
        { to: 'closed_no_finding', reason: 'no_victim_or_witness_identified' },
      ]);
      const met = await deadlineOf(n, 'completion_benchmark');
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(supervisor, { method: 'POST', url: url(n, foreign.id), payload: ext }),
          404,
          'deadline_not_found',
        );
        expectProblem(
          await t.as(supervisor, { method: 'POST', url: url(n, NO_SUCH_ID), payload: ext }),
          404,
          'deadline_not_found',
        );
        expectProblem(
          await t.as(supervisor, { method: 'POST', url: url(n, met.id), payload: ext }),
          409,
          'deadline_met',
        );
      });
    });

    it('rejects bad bodies, unknown codes, invalid ids and log numbers without writing', async () => {
      const n = await assignedCase();
      const d = await deadlineOf(n, 'acknowledgement_letter');
      await expectBodyParsingRejected(t, supervisor, 'POST', url(n, d.id), ext);
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n, d.id),
            payload: { days: 0, dayKind: 'fortnight', reason: '' },
          }),
          ['days', 'dayKind', 'reason'],
        );
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n, d.id),
            payload: { days: 2.5, reason: 'x' },
          }),
          ['days'],
        );
        expectInvalidFields(
          await t.as(supervisor, { method: 'POST', url: url(n, 'ack'), payload: ext }),
          ['params.id'],
        );
        expectInvalidFields(
          await t.as(supervisor, { method: 'POST', url: url('n', d.id), payload: ext }),
          ['params.logNumber'],
        );
      });
    });
  });
  describe('POST /api/v1/cases/{logNumber}/deadlines/{id}/complete', () => {
    const url = (n: string, id: string) => `/api/v1/cases/${n}/deadlines/${id}/complete`;
    const done = { metAt: '2023-09-19T16:00:00-05:00' };

    async function deadlineOf(n: string, kind: string) {
      const d = (await readCase(n)).deadlines.find((x) => x.kind === kind);
      expect(d, kind).toBeDefined();
      return d!;
    }

    it('answers 401 without a valid token', async () => {
      const n = await assignedCase();
      const d = await deadlineOf(n, 'acknowledgement_letter');
      await expectNoWrites(t.db, () => expectUnauthenticated(t, 'POST', url(n, d.id), done));
    });

    it('answers 404 to callers who may not see the case and 403 to those not on the team', async () => {
      const n = await assignedCase();
      const d = await deadlineOf(n, 'acknowledgement_letter');
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaSupervisor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n, d.id), payload: done }),
            404,
            'case_not_found',
          );
        }
        for (const who of [intake, otherInvestigator, pio, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n, d.id), payload: done }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('records the deadline as met and audits it', async () => {
      const n = await assignedCase();
      const d = await deadlineOf(n, 'acknowledgement_letter');
      const res = await t.as(investigator, { method: 'POST', url: url(n, d.id), payload: done });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ nextDeadlineId: null });
      const [row] = await t.db.query<{ met_at: Date }>(
        `SELECT met_at FROM deadlines WHERE id = $1`,
        [d.id],
      );
      expect(new Date(row!.met_at).toISOString()).toBe('2023-09-19T21:00:00.000Z');
      const audit = await expectAudit(t.db, 'deadline.met', d.id, investigator);
      expect(audit.case_id).toBe(await caseId(t.db, n));
      expect(audit.changes).toEqual({
        kind: 'acknowledgement_letter',
        sequence: 1,
        metAt: '2023-09-19T21:00:00.000Z',
        next: null,
      });
    });

    it('answers 409 for a deadline already met, 404 for one not on the case, 422 for a future date', async () => {
      const n = await assignedCase();
      const other = await assignedCase();
      const d = await deadlineOf(n, 'acknowledgement_letter');
      const foreign = await deadlineOf(other, 'acknowledgement_letter');
      expect(
        (await t.as(investigator, { method: 'POST', url: url(n, d.id), payload: done })).statusCode,
      ).toBe(200);
      const open = await deadlineOf(n, 'completion_benchmark');
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(investigator, { method: 'POST', url: url(n, d.id), payload: done }),
          409,
          'deadline_met',
        );
        expectProblem(
          await t.as(investigator, { method: 'POST', url: url(n, foreign.id), payload: done }),
          404,
          'deadline_not_found',
        );
        expectProblem(
          await t.as(investigator, { method: 'POST', url: url(n, NO_SUCH_ID), payload: done }),
          404,
          'deadline_not_found',
        );
        const future = expectProblem(
          await t.as(investigator, {
            method: 'POST',
            url: url(n, open.id),
            payload: { metAt: new Date(Date.now() + 86_400_000).toISOString() },
          }),
          422,
          'met_in_future',
        );
        expect(future.errors?.[0]?.field).toBe('metAt');
      });
    });

    it('rejects bad bodies, wrong types, invalid ids and log numbers without writing', async () => {
      const n = await assignedCase();
      const d = await deadlineOf(n, 'acknowledgement_letter');
      await expectBodyParsingRejected(t, investigator, 'POST', url(n, d.id), done);
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(investigator, {
            method: 'POST',
            url: url(n, d.id),
            payload: { metAt: 'yesterday' },
          }),
          ['metAt'],
        );
        expectInvalidFields(
          await t.as(investigator, { method: 'POST', url: url(n, 'ack'), payload: done }),
          ['params.id'],
        );
        expectInvalidFields(
          await t.as(investigator, { method: 'POST', url: url('2023', d.id), payload: done }),
          ['params.logNumber'],
        );
      });
    });
  });
});
