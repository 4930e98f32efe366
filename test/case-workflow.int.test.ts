import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { fileCase, walk } from './factories.ts';
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

interface CaseBody {
  logNumber: string;
  status: string;
  restricted: boolean;
  leadAgency: string;
  agencies: Array<{ agency: string; track: string; role: string }>;
  routing: { agency: string; clause: string };
  routingHistory: Array<{ agency: string; jointReason: string | null }>;
  statusHistory: Array<{
    from: string | null;
    to: string;
    reason: string | null;
    note: string | null;
  }>;
  deadlines: Array<{ kind: string; metAt: string | null }>;
  assignments: Array<{ userId: string; role: string }>;
  abilities: { actions: string[]; transitions: Array<{ to: string }> };
}

describe('case workflow: transitions, parties, assignments, agencies', () => {
  let t: TestApp;
  let intake: TestUser;
  let supervisor: TestUser;
  let chief: TestUser;
  let investigator: TestUser;
  let analyst: TestUser;
  let pio: TestUser;
  let auditor: TestUser;
  let biaSupervisor: TestUser;
  let biaInvestigator: TestUser;

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
    supervisor = await t.user('supervisor');
    chief = await t.user('chief_administrator');
    investigator = await t.user('investigator');
    analyst = await t.user('analyst');
    pio = await t.user('public_information');
    auditor = await t.user('auditor', 'OIG');
    biaSupervisor = await t.user('supervisor', 'BIA');
    biaInvestigator = await t.user('investigator', 'BIA');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/v1/cases/{logNumber}/transitions', () => {
    const url = (n: string) => `/api/v1/cases/${n}/transitions`;

    it('answers 401 without a valid token', async () => {
      const n = await fileCase(t, intake);
      await expectNoWrites(t.db, () =>
        expectUnauthenticated(t, 'POST', url(n), { to: 'preliminary' }),
      );
    });

    it('answers 404 to callers who may not see the case and 403 to those who may not move it', async () => {
      const n = await fileCase(t, intake);
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaSupervisor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: { to: 'preliminary' } }),
            404,
            'case_not_found',
          );
        }
        // unassigned investigator, public information officer and auditor see it but may not move it
        for (const who of [investigator, pio, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: { to: 'preliminary' } }),
            403,
            'forbidden',
          );
        }
        // intake may hand over to preliminary, but closing is a supervisor's decision
        expectProblem(
          await t.as(intake, {
            method: 'POST',
            url: url(n),
            payload: { to: 'closed_no_finding', reason: 'withdrawn' },
          }),
          403,
          'transition_forbidden',
        );
      });
    });

    it('moves the case, records history and audits the change', async () => {
      const n = await fileCase(t, intake);
      const res = await t.as(intake, {
        method: 'POST',
        url: url(n),
        payload: { to: 'preliminary', note: 'Complete intake packet', expectedStatus: 'intake' },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json<CaseBody>();
      expect(body.logNumber).toBe(n);
      expect(body.status).toBe('preliminary');
      expect(body.statusHistory.map((h) => [h.from, h.to, h.note])).toEqual([
        [null, 'intake', null],
        ['intake', 'preliminary', 'Complete intake packet'],
      ]);
      const [row] = await t.db.query<{ status: string }>(
        `SELECT status FROM cases WHERE log_number = $1`,
        [n],
      );
      expect(row?.status).toBe('preliminary');
      const audit = await expectAudit(t.db, 'case.transitioned', n, intake);
      expect(audit.case_id).toBe(await caseId(t.db, n));
      expect(audit.reason).toBeNull();
      expect(audit.changes).toEqual({ status: { from: 'intake', to: 'preliminary' } });
    });

    it('closes with a reason, stops the investigation clocks, and lets only the chief reopen', async () => {
      const n = await fileCase(t, intake);
      await walk(t, supervisor, n, [{ to: 'preliminary' }, { to: 'investigation' }]);
      const closed = await t.as(supervisor, {
        method: 'POST',
        url: url(n),
        payload: { to: 'closed_no_finding', reason: 'no_victim_or_witness_identified' },
      });
      expect(closed.statusCode).toBe(200);
      const body = closed.json<CaseBody>();
      expect(body.status).toBe('closed_no_finding');
      for (const d of body.deadlines.filter((x) =>
        ['completion_benchmark', 'six_month_notice'].includes(x.kind),
      )) {
        expect(d.metAt, d.kind).not.toBeNull();
      }
      expect(body.deadlines.find((d) => d.kind === 'acknowledgement_letter')?.metAt).toBeNull();
      const closing = (await auditRows(t.db, 'case.transitioned', n)).at(-1);
      expect(closing?.reason).toBe('no_victim_or_witness_identified');

      await expectNoWrites(t.db, async () => {
        const refused = expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { to: 'investigation', reason: 'new_material_evidence' },
          }),
          403,
        );
        expect(refused.code).toMatch(/forbidden/);
      });
      const reopened = await t.as(chief, {
        method: 'POST',
        url: url(n),
        payload: { to: 'investigation', reason: 'new_material_evidence' },
      });
      expect(reopened.statusCode).toBe(200);
      expect(reopened.json<CaseBody>().status).toBe('investigation');
      const last = (await auditRows(t.db, 'case.transitioned', n)).at(-1);
      expect(last).toMatchObject({
        actor_id: chief.id,
        reason: 'new_material_evidence',
        changes: { status: { from: 'closed_no_finding', to: 'investigation' } },
      });
    });

    it('answers 409 transition_not_allowed for a change the stage machine does not have', async () => {
      const n = await fileCase(t, intake);
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(chief, { method: 'POST', url: url(n), payload: { to: 'final' } }),
          409,
          'transition_not_allowed',
        );
        expectProblem(
          await t.as(chief, { method: 'POST', url: url(n), payload: { to: 'intake' } }),
          409,
          'transition_not_allowed',
        );
      });
    });

    it('answers 409 stale_status when the caller saw another stage', async () => {
      const n = await fileCase(t, intake);
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { to: 'preliminary', expectedStatus: 'investigation' },
          }),
          409,
          'stale_status',
        );
      });
    });

    // BUG (src/server/policies/case.policy.ts canOnCase, CaseAction.transition): the optimistic
    // check documented on TransitionRequest.expectedStatus ("a different current stage answers
    // 409") is never reached when the caller may make no transition from the new stage: the
    // policy answers 403 "Your role does not allow case.transition" first.
    it('answers 409 stale_status even when the caller can make no transition from the new stage', async () => {
      const n = await fileCase(t, intake);
      await walk(t, supervisor, n, [{ to: 'closed_no_finding', reason: 'duplicate' }]);
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { to: 'preliminary', expectedStatus: 'intake' },
          }),
          409,
          'stale_status',
        );
      });
    });

    it('answers 422 when a closure has no reason or the wrong one', async () => {
      const n = await fileCase(t, intake);
      await expectNoWrites(t.db, async () => {
        const missing = expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { to: 'closed_no_finding' },
          }),
          422,
          'reason_required',
        );
        expect(missing.errors?.[0]?.field).toBe('reason');
        expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { to: 'closed_no_finding', reason: 'new_material_evidence' },
          }),
          422,
          'reason_not_allowed',
        );
      });
    });

    it('rejects bad bodies, unknown codes and invalid log numbers without writing', async () => {
      const n = await fileCase(t, intake);
      await expectBodyParsingRejected(t, supervisor, 'POST', url(n), { to: 'preliminary' });
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { to: 'closed', reason: 'tired', note: 7, expectedStatus: 'open' },
          }),
          ['to', 'reason', 'note', 'expectedStatus'],
        );
        expectInvalidFields(await t.as(supervisor, { method: 'POST', url: url(n), payload: {} }), [
          'to',
        ]);
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'POST',
            url: url('2023-12'),
            payload: { to: 'preliminary' },
          }),
          ['params.logNumber'],
        );
        expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: url('2023-9999999'),
            payload: { to: 'preliminary' },
          }),
          404,
          'case_not_found',
        );
      });
    });
  });

  describe('POST /api/v1/cases/{logNumber}/parties', () => {
    const url = (n: string) => `/api/v1/cases/${n}/parties`;
    const witness = {
      role: 'witness',
      name: 'Casey Witness',
      phone: '773-555-0142',
      language: 'es',
    };

    it('answers 401 without a valid token', async () => {
      const n = await fileCase(t, intake);
      await expectNoWrites(t.db, () => expectUnauthenticated(t, 'POST', url(n), witness));
    });

    it('answers 404 to callers who may not see the case and 403 to those who may not add people', async () => {
      const n = await fileCase(t, intake);
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaInvestigator]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: witness }),
            404,
            'case_not_found',
          );
        }
        for (const who of [investigator, pio, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: witness }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('adds a party with encrypted identity and audits which fields were given', async () => {
      const n = await fileCase(t, intake);
      const res = await t.as(intake, { method: 'POST', url: url(n), payload: witness });
      expect(res.statusCode).toBe(201);
      const body = res.json<{ id: string; restricted: boolean }>();
      expect(body.restricted).toBe(false);
      const [row] = await t.db.query<{ role: string; language: string; identity_enc: string }>(
        `SELECT role, language, identity_enc FROM parties WHERE id = $1`,
        [body.id],
      );
      expect(row).toMatchObject({ role: 'witness', language: 'es' });
      expect(row?.identity_enc).toMatch(/^v1\./);
      expect(row?.identity_enc).not.toContain('Casey');
      const audit = await expectAudit(t.db, 'party.added', body.id, intake);
      expect(audit.entity_type).toBe('party');
      expect(audit.case_id).toBe(await caseId(t.db, n));
      expect(audit.changes).toEqual({
        role: 'witness',
        anonymous: false,
        vulnerabilities: [],
        identityEncrypted: true,
      });
      expect(JSON.stringify(audit.changes)).not.toMatch(/Casey|0142/);
    });

    it('restricts the case when a minor is added, and says so in the audit row', async () => {
      const n = await fileCase(t, intake);
      const res = await t.as(intake, {
        method: 'POST',
        url: url(n),
        payload: { role: 'victim', anonymous: true, vulnerabilities: ['minor'] },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json<{ id: string; restricted: boolean }>();
      expect(body.restricted).toBe(true);
      const [c] = await t.db.query<{ restricted: boolean; restriction_reasons: string[] }>(
        `SELECT restricted, restriction_reasons FROM cases WHERE log_number = $1`,
        [n],
      );
      expect(c).toEqual({ restricted: true, restriction_reasons: ['minor_party'] });
      const audit = await expectAudit(t.db, 'party.added', body.id, intake);
      expect(audit.changes).toMatchObject({
        identityEncrypted: false,
        restricted: { from: false, to: true },
      });
      // intake is not on the need-to-know team of a restricted case
      expectProblem(
        await t.as(intake, { method: 'GET', url: `/api/v1/cases/${n}` }),
        404,
        'case_not_found',
      );
    });

    it('rejects bad bodies, unknown codes and invalid log numbers without writing', async () => {
      const n = await fileCase(t, intake);
      await expectBodyParsingRejected(t, intake, 'POST', url(n), witness);
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(intake, {
            method: 'POST',
            url: url(n),
            payload: {
              role: 'suspect',
              anonymous: 'yes',
              email: 'not-an-email',
              language: 'spanish',
              vulnerabilities: ['undocumented'],
              contactSafety: { lettersToShelter: 'no' },
            },
          }),
          [
            'role',
            'anonymous',
            'email',
            'language',
            'vulnerabilities.0',
            'contactSafety.lettersToShelter',
          ],
        );
        expectInvalidFields(
          await t.as(intake, { method: 'POST', url: url('1234'), payload: witness }),
          ['params.logNumber'],
        );
        expectProblem(
          await t.as(intake, { method: 'POST', url: url('2023-9999999'), payload: witness }),
          404,
          'case_not_found',
        );
      });
    });
  });

  describe('POST /api/v1/cases/{logNumber}/assignments', () => {
    const url = (n: string) => `/api/v1/cases/${n}/assignments`;

    it('answers 401 without a valid token', async () => {
      const n = await fileCase(t, intake);
      await expectNoWrites(t.db, () =>
        expectUnauthenticated(t, 'POST', url(n), {
          email: investigator.email,
          role: 'investigator',
        }),
      );
    });

    it('answers 404 to callers who may not see the case and 403 to non-managers', async () => {
      const n = await fileCase(t, intake);
      const payload = { email: investigator.email, role: 'investigator' };
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaSupervisor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload }),
            404,
            'case_not_found',
          );
        }
        for (const who of [intake, investigator, pio, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('assigns by email or id, is idempotent, and audits only the first assignment', async () => {
      const n = await fileCase(t, intake);
      const res = await t.as(supervisor, {
        method: 'POST',
        url: url(n),
        payload: { email: investigator.email.toUpperCase(), role: 'lead_investigator' },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json<{ id: string; userId: string; created: boolean }>();
      expect(body).toMatchObject({ userId: investigator.id, created: true });
      const audit = await expectAudit(t.db, 'assignment.added', body.id, supervisor);
      expect(audit.case_id).toBe(await caseId(t.db, n));
      expect(audit.changes).toEqual({ userId: investigator.id, role: 'lead_investigator' });

      await expectNoWrites(t.db, async () => {
        const again = await t.as(supervisor, {
          method: 'POST',
          url: url(n),
          payload: { userId: investigator.id, role: 'lead_investigator' },
        });
        expect(again.statusCode).toBe(201);
        expect(again.json<{ created: boolean }>().created).toBe(false);
      });

      const read = await t.as(investigator, { method: 'GET', url: `/api/v1/cases/${n}` });
      expect(read.json<CaseBody>().assignments).toEqual([
        expect.objectContaining({ userId: investigator.id, role: 'lead_investigator' }),
      ]);
      expect(read.json<CaseBody>().abilities.actions).toContain('case.add_allegation');
    });

    it('answers 422 for an unknown user, a user without an investigative role, or one of an agency not on the case', async () => {
      const n = await fileCase(t, intake);
      await expectNoWrites(t.db, async () => {
        const unknown = expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { email: 'nobody@example.gov', role: 'investigator' },
          }),
          422,
          'unknown_user',
        );
        expect(unknown.errors?.[0]?.field).toBe('email');
        const unknownId = expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { userId: '00000000-0000-4000-8000-000000000000', role: 'investigator' },
          }),
          422,
          'unknown_user',
        );
        expect(unknownId.errors?.[0]?.field).toBe('userId');
        expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { email: intake.email, role: 'investigator' },
          }),
          422,
          'assignee_role',
        );
        expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { email: investigator.email, role: 'supervisor' },
          }),
          422,
          'assignee_role',
        );
        expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { email: biaInvestigator.email, role: 'investigator' },
          }),
          422,
          'assignee_agency',
        );
      });
    });

    it('rejects bad bodies, unknown codes and invalid log numbers without writing', async () => {
      const n = await fileCase(t, intake);
      await expectBodyParsingRejected(t, supervisor, 'POST', url(n), {
        email: investigator.email,
        role: 'investigator',
      });
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { userId: 'not-a-uuid', role: 'detective' },
          }),
          ['userId', 'role'],
        );
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { userId: investigator.id, email: investigator.email, role: 'investigator' },
          }),
          ['userId'],
        );
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { email: 'not an email', role: 'investigator' },
          }),
          ['email'],
        );
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'POST',
            url: url('x'),
            payload: { email: investigator.email, role: 'investigator' },
          }),
          ['params.logNumber'],
        );
      });
    });
  });

  describe('POST /api/v1/cases/{logNumber}/agencies', () => {
    const url = (n: string) => `/api/v1/cases/${n}/agencies`;
    const parallel = { agency: 'BIA', track: 'criminal', role: 'parallel' };

    it('answers 401 without a valid token', async () => {
      const n = await fileCase(t, intake);
      await expectNoWrites(t.db, () => expectUnauthenticated(t, 'POST', url(n), parallel));
    });

    it('answers 404 to callers who may not see the case and 403 to non-managers', async () => {
      const n = await fileCase(t, intake);
      await expectNoWrites(t.db, async () => {
        for (const who of [analyst, biaSupervisor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: parallel }),
            404,
            'case_not_found',
          );
        }
        for (const who of [intake, investigator, pio, auditor]) {
          expectProblem(
            await t.as(who, { method: 'POST', url: url(n), payload: parallel }),
            403,
            'forbidden',
          );
        }
      });
    });

    it('adds a parallel BIA criminal track, audits it, and opens the case to BIA', async () => {
      const n = await fileCase(t, intake);
      const res = await t.as(supervisor, { method: 'POST', url: url(n), payload: parallel });
      expect(res.statusCode).toBe(201);
      const body = res.json<CaseBody>();
      expect(body.leadAgency).toBe('COPA');
      expect(body.agencies.map((a) => [a.agency, a.track, a.role])).toEqual([
        ['COPA', 'administrative', 'lead'],
        ['BIA', 'criminal', 'parallel'],
      ]);
      const id = await caseId(t.db, n);
      const rows = (await auditRows(t.db, 'agency.added')).filter((r) => r.case_id === id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actor_id: supervisor.id,
        actor_name: supervisor.email,
        entity_type: 'case_agency',
        changes: { agency: 'BIA', track: 'criminal', role: 'parallel' },
      });
      const bia = await t.as(biaInvestigator, { method: 'GET', url: `/api/v1/cases/${n}` });
      expect(bia.statusCode).toBe(200);
    });

    it('answers 409 for a track the agency already has and for the current lead', async () => {
      const n = await fileCase(t, intake);
      expect(
        (await t.as(supervisor, { method: 'POST', url: url(n), payload: parallel })).statusCode,
      ).toBe(201);
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(supervisor, { method: 'POST', url: url(n), payload: parallel }),
          409,
          'track_exists',
        );
        expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { agency: 'COPA', track: 'administrative', role: 'lead' },
          }),
          409,
          'already_lead',
        );
      });
    });

    it('answers 422 when the lead would move without a joint determination', async () => {
      const n = await fileCase(t, intake);
      await expectNoWrites(t.db, async () => {
        const res = expectProblem(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: {
              agency: 'BIA',
              track: 'administrative',
              role: 'lead',
              jointDetermination: { reason: 'Agreed' },
            },
          }),
          422,
          'lead_change_not_allowed',
        );
        expect(res.errors?.[0]?.field).toBe('role');
      });
    });

    it('moves a sexual-misconduct case to BIA on a joint determination, recorded as a routing decision', async () => {
      const n = await fileCase(t, intake, { categories: ['sexual_misconduct'] });
      const res = await t.as(chief, {
        method: 'POST',
        url: url(n),
        payload: {
          agency: 'BIA',
          track: 'administrative',
          role: 'lead',
          jointDetermination: { reason: 'Joint COPA and BIA determination of 2023-10-02' },
        },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json<CaseBody>();
      expect(body.leadAgency).toBe('BIA');
      expect(body.routingHistory.map((r) => [r.agency, r.jointReason])).toEqual([
        ['COPA', null],
        ['BIA', 'Joint COPA and BIA determination of 2023-10-02'],
      ]);
      const rerouted = await expectAudit(t.db, 'case.rerouted', n, chief);
      expect(rerouted.changes).toMatchObject({ leadAgency: { from: 'COPA', to: 'BIA' } });
      expect(rerouted.reason).toBe('Joint COPA and BIA determination of 2023-10-02');
    });

    it('rejects bad bodies, unknown codes and invalid log numbers without writing', async () => {
      const n = await fileCase(t, intake);
      await expectBodyParsingRejected(t, supervisor, 'POST', url(n), parallel);
      await expectNoWrites(t.db, async () => {
        expectInvalidFields(
          await t.as(supervisor, {
            method: 'POST',
            url: url(n),
            payload: { agency: 'FBI', track: 'civil', role: 'observer', jointDetermination: {} },
          }),
          ['agency', 'track', 'role', 'jointDetermination.reason'],
        );
        expectInvalidFields(
          await t.as(supervisor, { method: 'POST', url: url('2023_0000001'), payload: parallel }),
          ['params.logNumber'],
        );
        expectProblem(
          await t.as(supervisor, { method: 'POST', url: url('2023-9999999'), payload: parallel }),
          404,
          'case_not_found',
        );
      });
    });
  });
});
