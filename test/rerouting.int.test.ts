import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/*
 * Issue 15 defect 5: adding an allegation re-evaluates routing with the rule intake uses
 * (MCC §2-78-120). A change that gives COPA a clause over a BIA case re-routes it, citing the
 * clause; both agencies keep seeing it; the routing history keeps both decisions. A case that
 * sits with BIA under a recorded joint determination (b-5) is offered the move, not moved.
 */

interface CaseBody {
  logNumber: string;
  leadAgency: string;
  categories: string[];
  restricted: boolean;
  restrictionReasons: string[];
  agencies: Array<{ agency: string; track: string; role: string }>;
  routing: { agency: string; clause: string; rule: string; explanation: string };
  routingHistory: Array<{
    agency: string;
    clause: string;
    rule: string;
    jointReason: string | null;
  }>;
  routingReview?: {
    agency: string;
    clause: string;
    rule: string;
    explanation: string;
    explanationEs: string;
    reason: string;
  } | null;
  deadlines: Array<{ kind: string }>;
  abilities: { actions: string[] };
}

let t: TestApp;
let intake: TestUser;
let copaSupervisor: TestUser;
let copaChief: TestUser;
let copaInvestigator: TestUser;
let biaSupervisor: TestUser;
let biaInvestigator: TestUser;

beforeAll(async () => {
  t = await testApp();
  intake = await t.user('intake');
  copaSupervisor = await t.user('supervisor');
  copaChief = await t.user('chief_administrator');
  copaInvestigator = await t.user('investigator');
  biaSupervisor = await t.user('supervisor', 'BIA');
  biaInvestigator = await t.user('investigator', 'BIA');
});
afterAll(async () => t.close());

const caseUrl = (log: string) => `/api/v1/cases/${log}`;

async function read(user: TestUser, log: string): Promise<CaseBody> {
  const res = await t.as(user, { method: 'GET', url: caseUrl(log) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseBody>();
}

async function listed(user: TestUser, agency: string): Promise<string[]> {
  const res = await t.as(user, {
    method: 'GET',
    url: `/api/v1/cases?agency=${agency}&pageSize=200`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Array<{ logNumber: string }> }>().items.map((i) => i.logNumber);
}

async function allege(
  user: TestUser,
  log: string,
  category: string,
  memberId?: string,
): Promise<{ id: string }> {
  const res = await t.as(user, {
    method: 'POST',
    url: `${caseUrl(log)}/allegations`,
    payload: {
      ...(memberId ? { memberId } : { unknownMember: true }),
      category,
      summary: `Alleged ${category}`,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** An operational-violation complaint: BIA's under MCC 2-78-120(a). */
async function biaCase(): Promise<string> {
  const log = await fileCase(t, intake, {
    categories: ['operational_violation'],
    narrative: 'The officer did not file the required report.',
  });
  expect((await read(biaSupervisor, log)).leadAgency).toBe('BIA');
  return log;
}

const routes = (c: CaseBody) => c.routingHistory.map((r) => [r.agency, r.clause, r.rule]);
const tracks = (c: CaseBody) => c.agencies.map((a) => [a.agency, a.track, a.role]);

describe('re-routing when an allegation is added', () => {
  it('moves a BIA operational-violation case to COPA on an excessive-force allegation, MCC 2-78-120(b)', async () => {
    const log = await biaCase();
    // before: COPA's supervisor neither lists nor reads it (ADR 0006)
    expect(await listed(copaSupervisor, 'COPA')).not.toContain(log);
    expectProblem(await t.as(copaSupervisor, { method: 'GET', url: caseUrl(log) }), 404);
    const member = await addMember(t, biaSupervisor);

    await allege(biaSupervisor, log, 'excessive_force', member.id);

    const c = await read(copaSupervisor, log);
    expect(c.leadAgency).toBe('COPA');
    expect(c.categories).toEqual(['operational_violation', 'excessive_force']);
    expect(c.routing).toMatchObject({
      agency: 'COPA',
      clause: 'MCC 2-78-120(b)',
      rule: 'copa_excessive_force',
    });
    expect(c.routing.explanation).toContain('MCC 2-78-120(b)');
    // both decisions stay in the history
    expect(routes(c)).toEqual([
      ['BIA', 'MCC 2-78-120(a)', 'bia_residual'],
      ['COPA', 'MCC 2-78-120(b)', 'copa_excessive_force'],
    ]);
    // the new lead runs the case; the old lead keeps its track beside it (ADR 0007)
    expect(tracks(c)).toEqual([
      ['BIA', 'administrative', 'parallel'],
      ['COPA', 'administrative', 'lead'],
    ]);
    expect(c.abilities.actions).toContain('case.transition');
    expect(c.routingReview ?? null).toBeNull();
    // §2-78-135 notices are COPA's duty: the case now carries the clock
    expect(c.deadlines.map((d) => d.kind)).toContain('six_month_notice');

    // both agencies' supervisors see it in their queues
    expect(await listed(copaSupervisor, 'COPA')).toContain(log);
    expect(await listed(biaSupervisor, 'BIA')).toContain(log);
    const bia = await read(biaSupervisor, log);
    expect(bia.leadAgency).toBe('COPA');
    expect(bia.abilities.actions).not.toContain('case.transition');

    const audit = await expectAudit(t.db, 'case.rerouted', log, biaSupervisor);
    expect(audit.case_id).toBe(await caseId(t.db, log));
    expect(audit.reason).toBe('MCC 2-78-120(b)');
    expect(audit.changes).toMatchObject({
      leadAgency: { from: 'BIA', to: 'COPA' },
      clause: 'MCC 2-78-120(b)',
      rule: 'copa_excessive_force',
      trigger: 'allegation_added',
    });
    const added = (await auditRows(t.db, 'allegation.added')).at(-1)!;
    expect(added.changes).toMatchObject({
      category: 'excessive_force',
      categories: {
        from: ['operational_violation'],
        to: ['operational_violation', 'excessive_force'],
      },
    });
  });

  it('keeps a COPA case at COPA when an operational-violation allegation is added', async () => {
    const log = await fileCase(t, intake);
    const before = await read(copaSupervisor, log);
    expect(before.leadAgency).toBe('COPA');

    await allege(copaSupervisor, log, 'operational_violation');

    const c = await read(copaSupervisor, log);
    expect(c.leadAgency).toBe('COPA');
    expect(c.categories).toEqual(['excessive_force', 'operational_violation']);
    expect(routes(c)).toEqual([['COPA', 'MCC 2-78-120(b)', 'copa_excessive_force']]);
    expect(tracks(c)).toEqual([['COPA', 'administrative', 'lead']]);
    expect(await auditRows(t.db, 'case.rerouted', log)).toEqual([]);
  });

  it('keeps a lieutenant’s BIA case at BIA headquarters, and a COPA clause still takes it to COPA', async () => {
    const log = await biaCase();
    const lieutenant = await addMember(t, biaSupervisor, { rank: 'Lieutenant' });

    await allege(biaSupervisor, log, 'operational_violation', lieutenant.id);
    const kept = await read(biaSupervisor, log);
    expect(kept.leadAgency).toBe('BIA');
    expect(kept.routingHistory).toHaveLength(2);
    expect(kept.routing.agency).toBe('BIA');
    expect(kept.routing.explanation).toMatch(/lieutenant/i);
    expect(kept.routing.explanation).toContain('G08-01');

    // a second lieutenant allegation adds nothing new to say
    await allege(biaSupervisor, log, 'operational_violation', lieutenant.id);
    expect((await read(biaSupervisor, log)).routingHistory).toHaveLength(2);

    await allege(biaSupervisor, log, 'verbal_abuse', lieutenant.id);
    const moved = await read(biaSupervisor, log);
    expect(moved.leadAgency).toBe('COPA');
    expect(routes(moved).at(-1)).toEqual(['COPA', 'MCC 2-78-120(b)', 'copa_verbal_abuse']);
    expect(moved.routingHistory).toHaveLength(3);
  });

  it('moves a BIA case to COPA under (b-5) on a sexual-misconduct allegation and restricts it', async () => {
    const log = await biaCase();
    expect((await read(biaInvestigator, log)).restricted).toBe(false);

    await allege(biaSupervisor, log, 'sexual_misconduct');

    const c = await read(copaChief, log);
    expect(c.leadAgency).toBe('COPA');
    expect(c.routing).toMatchObject({
      clause: 'MCC 2-78-120(b-5)',
      rule: 'copa_sexual_misconduct',
    });
    expect(c.restricted).toBe(true);
    expect(c.restrictionReasons).toEqual(['sexual_misconduct']);
    // need-to-know from now on: the BIA supervisor still sees it, an unassigned investigator not
    expect((await read(biaSupervisor, log)).leadAgency).toBe('COPA');
    expectProblem(await t.as(biaInvestigator, { method: 'GET', url: caseUrl(log) }), 404);
    const audit = await expectAudit(t.db, 'case.rerouted', log, biaSupervisor);
    expect(audit.changes).toMatchObject({
      leadAgency: { from: 'BIA', to: 'COPA' },
      clause: 'MCC 2-78-120(b-5)',
      restricted: { from: false, to: true },
    });
  });
});

describe('a case at BIA under a joint determination (MCC 2-78-120(b-5))', () => {
  const reason = 'Joint COPA and BIA determination of 2023-10-02';

  async function jointCase(): Promise<string> {
    const log = await fileCase(t, intake, {
      categories: ['sexual_misconduct'],
      narrative: 'Allegation of sexual misconduct during a stop.',
    });
    const moved = await t.as(copaChief, {
      method: 'POST',
      url: `${caseUrl(log)}/agencies`,
      payload: {
        agency: 'BIA',
        track: 'administrative',
        role: 'lead',
        jointDetermination: { reason },
      },
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const c = moved.json<CaseBody>();
    expect(c.leadAgency).toBe('BIA');
    // one lead: COPA keeps its track beside BIA's
    expect(tracks(c)).toEqual([
      ['COPA', 'administrative', 'parallel'],
      ['BIA', 'administrative', 'lead'],
    ]);
    return log;
  }

  const review = (log: string) => `${caseUrl(log)}/routing-review`;

  it('offers the move back to COPA when a COPA clause appears, and moves only on acceptance', async () => {
    const log = await jointCase();
    await allege(biaSupervisor, log, 'excessive_force');

    const offered = await read(biaSupervisor, log);
    expect(offered.leadAgency).toBe('BIA');
    expect(offered.categories).toEqual(['sexual_misconduct', 'excessive_force']);
    expect(offered.routingReview).toMatchObject({
      agency: 'COPA',
      clause: 'MCC 2-78-120(b)',
      rule: 'copa_excessive_force',
      reason: 'joint_determination',
    });
    expect(offered.routingReview!.explanation).toContain('joint COPA-BIA determination');
    expect(offered.routingReview!.explanationEs.length).toBeGreaterThan(40);
    expect(offered.abilities.actions).toContain('case.accept_rerouting');
    expect((await read(copaChief, log)).abilities.actions).toContain('case.accept_rerouting');
    expect(offered.routingHistory.map((r) => [r.agency, r.jointReason])).toEqual([
      ['COPA', null],
      ['BIA', reason],
    ]);
    expect(await auditRows(t.db, 'case.rerouted', log)).toHaveLength(1);
    const added = (await auditRows(t.db, 'allegation.added')).at(-1)!;
    expect(added.changes).toMatchObject({
      routingReview: { agency: 'COPA', clause: 'MCC 2-78-120(b)' },
    });

    // a stale view of the offer is refused without writing
    await expectNoWrites(t.db, async () => {
      expectProblem(
        await t.as(copaChief, { method: 'POST', url: review(log), payload: { agency: 'BIA' } }),
        409,
        'routing_review_changed',
      );
    });

    const accepted = await t.as(copaChief, {
      method: 'POST',
      url: review(log),
      payload: { agency: 'COPA', note: 'Force allegation is COPA’s under (b)' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const c = accepted.json<CaseBody>();
    expect(c.leadAgency).toBe('COPA');
    expect(c.routingReview ?? null).toBeNull();
    expect(c.abilities.actions).not.toContain('case.accept_rerouting');
    expect(routes(c)).toEqual([
      ['COPA', 'MCC 2-78-120(b-5)', 'copa_sexual_misconduct'],
      ['BIA', 'MCC 2-78-120(b-5)', 'bia_joint_determination'],
      ['COPA', 'MCC 2-78-120(b)', 'copa_excessive_force'],
    ]);
    expect(tracks(c)).toEqual([
      ['COPA', 'administrative', 'lead'],
      ['BIA', 'administrative', 'parallel'],
    ]);
    const rows = await auditRows(t.db, 'case.rerouted', log);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      actor_id: copaChief.id,
      reason: 'Force allegation is COPA’s under (b)',
      changes: {
        leadAgency: { from: 'BIA', to: 'COPA' },
        clause: 'MCC 2-78-120(b)',
        trigger: 'routing_review_accepted',
      },
    });

    // nothing is offered any more
    await expectNoWrites(t.db, async () => {
      expectProblem(
        await t.as(copaChief, { method: 'POST', url: review(log), payload: { agency: 'COPA' } }),
        409,
        'no_routing_review',
      );
    });
  });

  it('keeps the joint determination when another sexual-misconduct allegation is added', async () => {
    const log = await jointCase();
    await allege(biaSupervisor, log, 'sexual_misconduct');
    const c = await read(biaSupervisor, log);
    expect(c.leadAgency).toBe('BIA');
    expect(c.routingReview ?? null).toBeNull();
    expect(c.abilities.actions).not.toContain('case.accept_rerouting');
    expect(c.routingHistory).toHaveLength(2);
  });

  it('refuses the accept route to callers without the right, bad bodies and unknown cases', async () => {
    const log = await jointCase();
    await allege(biaSupervisor, log, 'coercion');
    await expectUnauthenticated(t, 'POST', review(log), { agency: 'COPA' });
    await expectBodyParsingRejected(t, copaChief, 'POST', review(log), { agency: 'COPA' });
    await expectNoWrites(t.db, async () => {
      // a restricted case an unassigned investigator cannot see: 404, as if it did not exist
      expectProblem(
        await t.as(copaInvestigator, {
          method: 'POST',
          url: review(log),
          payload: { agency: 'COPA' },
        }),
        404,
        'case_not_found',
      );
      expectInvalidFields(
        await t.as(copaChief, { method: 'POST', url: review(log), payload: { agency: 'FBI' } }),
        ['agency'],
      );
      expectProblem(
        await t.as(copaChief, {
          method: 'POST',
          url: review('2023-9999999'),
          payload: { agency: 'COPA' },
        }),
        404,
        'case_not_found',
      );
    });
    // a visible case the caller may not change: 403 (intake of COPA sees unrestricted cases only,
    // so use an unrestricted joint-determination-free case)
    const open = await fileCase(t, intake);
    await expectNoWrites(t.db, async () => {
      expectProblem(
        await t.as(intake, { method: 'POST', url: review(open), payload: { agency: 'COPA' } }),
        403,
      );
    });
  });

  it('refuses a joint determination while another COPA clause applies', async () => {
    const force = await fileCase(t, intake, {
      categories: ['sexual_misconduct', 'excessive_force'],
    });
    const custody = await fileCase(t, intake, {
      categories: ['sexual_misconduct'],
      seriousInjuryOrDeath: true,
      inCustody: true,
    });
    for (const log of [force, custody]) {
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await t.as(copaChief, {
            method: 'POST',
            url: `${caseUrl(log)}/agencies`,
            payload: {
              agency: 'BIA',
              track: 'administrative',
              role: 'lead',
              jointDetermination: { reason },
            },
          }),
          422,
          'lead_change_not_allowed',
        );
      });
    }
  });
});

describe('re-routing when intake categories are corrected', () => {
  it('moves a BIA case to COPA when the corrected categories give COPA a clause, keeping the allegations’ categories', async () => {
    const log = await biaCase();
    await allege(biaSupervisor, log, 'operational_violation');
    const res = await t.as(biaSupervisor, {
      method: 'PATCH',
      url: caseUrl(log),
      payload: { categories: ['excessive_force'], reason: 'Intake mistyped the category.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await read(copaSupervisor, log);
    expect(after.leadAgency).toBe('COPA');
    expect(after.routing).toMatchObject({ agency: 'COPA', clause: 'MCC 2-78-120(b)' });
    expect(routes(after)).toEqual([
      ['BIA', 'MCC 2-78-120(a)', expect.any(String)],
      ['COPA', 'MCC 2-78-120(b)', expect.any(String)],
    ]);
    expect([...after.categories].sort()).toEqual(['excessive_force', 'operational_violation']);
    // the agency it left keeps a parallel track and still reads it (ADR 0006, 0007)
    expect(tracks(after)).toContainEqual(['BIA', 'administrative', 'parallel']);
    expect((await read(biaSupervisor, log)).leadAgency).toBe('COPA');
    const rerouted = await auditRows(t.db, 'case.rerouted', log);
    expect(rerouted.at(-1)?.changes).toMatchObject({
      leadAgency: { from: 'BIA', to: 'COPA' },
      trigger: 'facts_corrected',
    });
  });
});
