import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { addMember, fileCase, walk } from './factories.ts';
import { expectAudit, expectNoWrites, expectProblem } from './http.ts';

interface CaseBody {
  status: string;
  leadAgency: string;
  deadlines: Array<{ id: string; kind: string }>;
  allegations: Array<{ id: string }>;
  abilities: { actions: string[]; transitions: Array<{ to: string }> };
}

/**
 * PRODUCT.md §1 step 4 and §3: BIA opens a *parallel* criminal track on a COPA case. Both agencies
 * work the case, but the lead agency runs it: stage changes, the clocks (recording one met,
 * extending one), new agencies and final findings are the lead's. The parallel agency's managers
 * read, staff their own track (with their own people only), log activities, add allegations,
 * recommend findings and record duty-status decisions.
 */
describe('agency tracks: the lead runs the case, a parallel agency works its track', () => {
  let t: TestApp;
  let intake: TestUser;
  let copaSupervisor: TestUser;
  let copaChief: TestUser;
  let copaInvestigator: TestUser;
  let biaSupervisor: TestUser;
  let biaChief: TestUser;
  let biaInvestigator: TestUser;
  let member: { id: string; star: string };
  let n: string;

  const url = (path = '') => `/api/v1/cases/${n}${path}`;
  const read = async (who: TestUser): Promise<CaseBody> => {
    const res = await t.as(who, { method: 'GET', url: url() });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CaseBody>();
  };

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
    copaSupervisor = await t.user('supervisor');
    copaChief = await t.user('chief_administrator');
    copaInvestigator = await t.user('investigator');
    biaSupervisor = await t.user('supervisor', 'BIA');
    biaChief = await t.user('chief_administrator', 'BIA');
    biaInvestigator = await t.user('investigator', 'BIA');
    member = await addMember(t, copaSupervisor);
    n = await fileCase(t, intake);
    await walk(t, copaSupervisor, n, [{ to: 'preliminary' }, { to: 'investigation' }]);
    const added = await t.as(copaSupervisor, {
      method: 'POST',
      url: url('/agencies'),
      payload: { agency: 'BIA', track: 'criminal', role: 'parallel' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const allegation = await t.as(copaSupervisor, {
      method: 'POST',
      url: url('/allegations'),
      payload: {
        memberId: member.id,
        category: 'excessive_force',
        summary: 'Pushed to the ground.',
      },
    });
    expect(allegation.statusCode, allegation.body).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('the parallel agency reads the case but its abilities hold none of the lead-only actions', async () => {
    for (const who of [biaSupervisor, biaChief]) {
      const body = await read(who);
      expect(body.leadAgency).toBe('COPA');
      expect(body.abilities.transitions).toEqual([]);
      for (const action of [
        'case.transition',
        'case.complete_deadline',
        'case.extend_deadline',
        'case.add_agency',
        'case.record_final_finding',
      ]) {
        expect(body.abilities.actions, `${who.email} ${action}`).not.toContain(action);
      }
      expect(body.abilities.actions).toEqual(
        expect.arrayContaining([
          'case.read',
          'case.assign',
          'case.log_activity',
          'case.add_allegation',
          'case.record_recommended_finding',
          'case.decide_duty_status',
        ]),
      );
    }
    // the lead agency's managers keep them
    const lead = await read(copaChief);
    expect(lead.abilities.actions).toEqual(
      expect.arrayContaining([
        'case.transition',
        'case.complete_deadline',
        'case.extend_deadline',
        'case.add_agency',
        'case.record_final_finding',
      ]),
    );
    expect(lead.abilities.transitions.map((x) => x.to)).toContain('review');
  });

  it('answers 403 to the parallel agency for stage changes, deadlines, agencies and final findings', async () => {
    const { deadlines, allegations } = await read(copaSupervisor);
    const ack = deadlines.find((d) => d.kind === 'acknowledgement_letter')!;
    const allegation = allegations[0]!;
    await expectNoWrites(t.db, async () => {
      for (const who of [biaSupervisor, biaChief]) {
        const attempts: Array<{ method: 'POST' | 'PATCH'; url: string; payload: object }> = [
          { method: 'POST', url: url('/transitions'), payload: { to: 'review' } },
          {
            method: 'POST',
            url: url('/transitions'),
            payload: { to: 'closed_no_finding', reason: 'duplicate' },
          },
          {
            method: 'POST',
            url: url(`/deadlines/${ack.id}/extensions`),
            payload: { days: 10, reason: 'Criminal track interviews pending.' },
          },
          { method: 'POST', url: url(`/deadlines/${ack.id}/complete`), payload: {} },
          {
            method: 'POST',
            url: url('/agencies'),
            payload: { agency: 'BIA', track: 'administrative', role: 'parallel' },
          },
          {
            method: 'PATCH',
            url: url(`/allegations/${allegation.id}`),
            payload: { finalFinding: 'sustained' },
          },
        ];
        for (const a of attempts) {
          const res = await t.as(who, a);
          expectProblem(res, 403, 'forbidden');
        }
      }
    });
    // an investigator of the parallel agency, assigned to its track, does not move the case either
    const assigned = await t.as(biaSupervisor, {
      method: 'POST',
      url: url('/assignments'),
      payload: { userId: biaInvestigator.id, role: 'investigator' },
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    await expectNoWrites(t.db, async () => {
      expectProblem(
        await t.as(biaInvestigator, {
          method: 'POST',
          url: url('/transitions'),
          payload: { to: 'review' },
        }),
        403,
        'forbidden',
      );
      expectProblem(
        await t.as(biaInvestigator, {
          method: 'POST',
          url: url(`/deadlines/${ack.id}/complete`),
          payload: {},
        }),
        403,
        'forbidden',
      );
    });
    expect((await read(biaInvestigator)).abilities.actions).not.toContain('case.transition');
    expect((await read(biaInvestigator)).abilities.actions).not.toContain('case.complete_deadline');
  });

  it('lets the parallel agency assign its own staff, and only its own', async () => {
    const res = await t.as(biaChief, {
      method: 'POST',
      url: url('/assignments'),
      payload: { email: biaSupervisor.email, role: 'supervisor' },
    });
    expect(res.statusCode, res.body).toBe(201);
    await expectNoWrites(t.db, async () => {
      for (const who of [biaSupervisor, biaChief]) {
        const body = expectProblem(
          await t.as(who, {
            method: 'POST',
            url: url('/assignments'),
            payload: { userId: copaInvestigator.id, role: 'investigator' },
          }),
          422,
          'assignee_agency',
        );
        expect(body.errors?.map((e) => e.field)).toEqual(['userId']);
      }
    });
    // the lead agency staffs the case with either agency's people
    const lead = await t.as(copaSupervisor, {
      method: 'POST',
      url: url('/assignments'),
      payload: { userId: biaInvestigator.id, role: 'investigator' },
    });
    expect(lead.statusCode, lead.body).toBe(201);
  });

  it('lets the parallel agency log activities, add allegations and recommend findings', async () => {
    const activity = await t.as(biaSupervisor, {
      method: 'POST',
      url: url('/activities'),
      payload: {
        kind: 'canvass',
        occurredAt: '2023-09-20T14:00:00-05:00',
        place: '10th District',
        summary: 'Criminal-track canvass',
      },
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const allegation = await t.as(biaChief, {
      method: 'POST',
      url: url('/allegations'),
      payload: { memberId: member.id, category: 'coercion', summary: 'Threatened arrest.' },
    });
    expect(allegation.statusCode, allegation.body).toBe(201);
    const id = allegation.json<{ id: string }>().id;
    await expectAudit(t.db, 'allegation.added', id, biaChief);
    const finding = await t.as(biaSupervisor, {
      method: 'PATCH',
      url: url(`/allegations/${id}`),
      payload: { recommendedFinding: 'sustained' },
    });
    expect(finding.statusCode, finding.body).toBe(200);
  });

  it('lets a BIA supervisor record the duty-status decision on the parallel case', async () => {
    const res = await t.as(biaSupervisor, {
      method: 'POST',
      url: `/api/v1/members/${member.id}/duty-status`,
      payload: {
        action: 'administrative_duty',
        stage: 'decided',
        logNumber: n,
        decidedBy: 'Superintendent of Police',
        reason: 'Pending the criminal investigation.',
        effectiveAt: '2023-10-01T09:00:00-05:00',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    await expectAudit(t.db, 'duty_status.recorded', res.json<{ id: string }>().id, biaSupervisor);
  });

  it('the lead agency still runs the case', async () => {
    await walk(t, copaSupervisor, n, [{ to: 'review' }]);
    expect((await read(biaSupervisor)).status).toBe('review');
  });
});
