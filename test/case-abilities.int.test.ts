import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src/shared/enums.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { fileCase, walk } from './factories.ts';

interface CaseBody {
  deadlines: Array<{ id: string; kind: string }>;
  abilities: { actions: string[] };
}

/**
 * The staff case page shows an action exactly when the case's `abilities` announce it (issue 15:
 * "the page shows exactly what the server allows"). So, for every kind of caller, an ability is
 * announced if and only if the request it stands for succeeds. Each caller gets a fresh case: a
 * COPA case in investigation with a BIA parallel track, a COPA investigator and a BIA
 * investigator assigned.
 */
describe('case abilities announce exactly what the server allows', () => {
  let t: TestApp;
  let chief: TestUser;
  let biaSupervisor: TestUser;
  const callers: Array<{ label: string; user: TestUser; assign?: 'COPA' | 'BIA' }> = [];

  beforeAll(async () => {
    t = await testApp();
    chief = await t.user('chief_administrator');
    biaSupervisor = await t.user('supervisor', 'BIA');
    for (const role of ROLES) {
      callers.push({ label: `COPA ${role}`, user: await t.user(role) });
    }
    callers.push(
      {
        label: 'COPA investigator, assigned',
        user: await t.user('investigator'),
        assign: 'COPA',
      },
      { label: 'COPA supervisor, assigned', user: await t.user('supervisor'), assign: 'COPA' },
      { label: 'BIA supervisor, parallel track', user: biaSupervisor },
      {
        label: 'BIA chief administrator, parallel track',
        user: await t.user('chief_administrator', 'BIA'),
      },
      {
        label: 'BIA investigator, assigned to the parallel track',
        user: await t.user('investigator', 'BIA'),
        assign: 'BIA',
      },
    );
  });
  afterAll(async () => t.close());

  async function caseFor(caller: (typeof callers)[number]): Promise<string> {
    const log = await fileCase(t, chief);
    await walk(t, chief, log, [{ to: 'preliminary' }, { to: 'investigation' }]);
    const track = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/agencies`,
      payload: { agency: 'BIA', track: 'criminal', role: 'parallel' },
    });
    expect(track.statusCode, track.body).toBe(201);
    if (caller.assign) {
      const res = await t.as(caller.assign === 'COPA' ? chief : biaSupervisor, {
        method: 'POST',
        url: `/api/v1/cases/${log}/assignments`,
        payload: { userId: caller.user.id, role: 'investigator' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    return log;
  }

  it('completing and extending a deadline: announced iff the request succeeds, for every caller', async () => {
    const outcomes: string[] = [];
    for (const caller of callers) {
      const log = await caseFor(caller);
      const deadlines = (
        await t.as(chief, { method: 'GET', url: `/api/v1/cases/${log}` })
      ).json<CaseBody>().deadlines;
      const ack = deadlines.find((d) => d.kind === 'acknowledgement_letter')!;
      const benchmark = deadlines.find((d) => d.kind === 'completion_benchmark')!;
      const page = await t.as(caller.user, { method: 'GET', url: `/api/v1/cases/${log}` });
      const announced = page.statusCode === 200 ? page.json<CaseBody>().abilities.actions : [];

      const extend = await t.as(caller.user, {
        method: 'POST',
        url: `/api/v1/cases/${log}/deadlines/${benchmark.id}/extensions`,
        payload: { days: 10, reason: 'Witness unavailable until next month.' },
      });
      const complete = await t.as(caller.user, {
        method: 'POST',
        url: `/api/v1/cases/${log}/deadlines/${ack.id}/complete`,
        payload: {},
      });
      for (const [ability, res] of [
        ['case.extend_deadline', extend],
        ['case.complete_deadline', complete],
      ] as const) {
        const succeeded = res.statusCode < 300;
        // refused callers are refused by policy (403) or do not see the case (404), nothing else
        if (!succeeded) {
          expect([403, 404], `${caller.label} ${ability}: ${res.body}`).toContain(res.statusCode);
        }
        outcomes.push(
          `${caller.label}: ${ability} announced=${announced.includes(ability)} succeeded=${succeeded}`,
        );
      }
    }
    const disagreements = outcomes.filter((o) => {
      const m = /announced=(\w+) succeeded=(\w+)/.exec(o)!;
      return m[1] !== m[2];
    });
    expect(disagreements).toEqual([]);
    // the rule itself (ADR 0007: the statutory clocks are the lead agency's): the lead's managers
    // and its assigned team complete a deadline; the parallel agency and everyone else do not
    expect(outcomes.filter((o) => o.includes('complete_deadline announced=true'))).toEqual([
      'COPA supervisor: case.complete_deadline announced=true succeeded=true',
      'COPA chief_administrator: case.complete_deadline announced=true succeeded=true',
      'COPA investigator, assigned: case.complete_deadline announced=true succeeded=true',
      'COPA supervisor, assigned: case.complete_deadline announced=true succeeded=true',
    ]);
  });

  it('recording a finding: announced iff the request succeeds, in every stage', async () => {
    const log = await fileCase(t, chief);
    const allegation = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/allegations`,
      payload: { unknownMember: true, category: 'excessive_force', summary: 'Pushed.' },
    });
    expect(allegation.statusCode, allegation.body).toBe(201);
    const url = `/api/v1/cases/${log}/allegations/${allegation.json<{ id: string }>().id}`;
    const outcomes: string[] = [];
    for (const stage of [
      'intake',
      'preliminary',
      'investigation',
      'review',
      'department_review',
      'final',
    ]) {
      if (stage !== 'intake') {
        await walk(t, chief, log, [{ to: stage }]);
      }
      const announced = (
        await t.as(chief, { method: 'GET', url: `/api/v1/cases/${log}` })
      ).json<CaseBody>().abilities.actions;
      for (const [ability, payload] of [
        ['case.record_recommended_finding', { recommendedFinding: 'not_sustained' }],
        ['case.record_final_finding', { finalFinding: 'not_sustained' }],
      ] as const) {
        const res = await t.as(chief, { method: 'PATCH', url, payload });
        if (res.statusCode >= 300) {
          expect(res.statusCode, `${stage} ${ability}: ${res.body}`).toBe(409);
        }
        outcomes.push(
          `${stage}: ${ability} announced=${announced.includes(ability)} succeeded=${res.statusCode < 300}`,
        );
      }
    }
    expect(
      outcomes.filter((o) => {
        const m = /announced=(\w+) succeeded=(\w+)/.exec(o)!;
        return m[1] !== m[2];
      }),
    ).toEqual([]);
    expect(outcomes.filter((o) => o.includes('announced=true'))).toEqual([
      'investigation: case.record_recommended_finding announced=true succeeded=true',
      'review: case.record_recommended_finding announced=true succeeded=true',
      'department_review: case.record_recommended_finding announced=true succeeded=true',
      'department_review: case.record_final_finding announced=true succeeded=true',
      'final: case.record_recommended_finding announced=true succeeded=true',
      'final: case.record_final_finding announced=true succeeded=true',
    ]);
  });
});
