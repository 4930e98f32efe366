import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { addMember, fileCase, walk } from './factories.ts';
import { expectInvalidFields, expectNoWrites, expectProblem } from './http.ts';

/*
 * Issue 15 defects 1 and 2 on findings recorded in the app: a finding is recorded only in the
 * stages where it exists, is published only once the case is concluded, and its penalty is
 * dated by the day it was decided for the Personnel Record Review Act (820 ILCS 40/8).
 */

let clock = new Date('2019-05-01T16:00:00Z');
let t: TestApp;
let chief: TestUser;
let investigator: TestUser;
let auditor: TestUser;

const TO_DEPARTMENT_REVIEW = [
  { to: 'preliminary' },
  { to: 'investigation' },
  { to: 'review' },
  { to: 'department_review' },
];

async function caseWithAllegation(
  receivedAt = '2019-05-01T10:00:00-05:00',
  allegations = 1,
): Promise<{ log: string; ids: string[] }> {
  const log = await fileCase(t, chief, { receivedAt });
  const ids: string[] = [];
  for (let i = 0; i < allegations; i++) {
    const member = await addMember(t, chief);
    const res = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/allegations`,
      payload: { memberId: member.id, category: 'excessive_force', summary: 'Pushed.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json<{ id: string }>().id);
  }
  const assigned = await t.as(chief, {
    method: 'POST',
    url: `/api/v1/cases/${log}/assignments`,
    payload: { userId: investigator.id, role: 'lead_investigator' },
  });
  expect(assigned.statusCode, assigned.body).toBe(201);
  return { log, ids };
}

const patch = (who: TestUser, log: string, id: string, payload: object) =>
  t.as(who, { method: 'PATCH', url: `/api/v1/cases/${log}/allegations/${id}`, payload });

interface PublicAllegation {
  recommendedFinding: string | null;
  finalFinding: string | null;
  penalty: string | null;
  penaltyWithheld: string | null;
}

async function publicAllegation(log: string): Promise<PublicAllegation> {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${log}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ allegations: PublicAllegation[] }>().allegations[0]!;
}

async function exportedAllegation(log: string, format: 'csv' | 'json' = 'json') {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/v1/export.${format}` });
  expect(res.statusCode).toBe(200);
  let rows: Array<Record<string, string>>;
  if (format === 'json') {
    rows = res.json<Array<Record<string, string>>>();
  } else {
    const [header, ...lines] = res.body.trimEnd().split('\r\n');
    const names = header!.split(',');
    rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, v])));
  }
  return rows.find((r) => r['record_type'] === 'allegation' && r['log_number'] === log)!;
}

beforeAll(async () => {
  t = await testApp({ now: () => clock });
  chief = await t.user('chief_administrator', 'COPA');
  investigator = await t.user('investigator', 'COPA');
  auditor = await t.user('auditor', 'OIG');
});
afterAll(async () => t.close());

describe('a finding is recorded only in the stages where it exists (issue 15 defect 2)', () => {
  it('refuses a recommended finding before an investigation exists, with 409', async () => {
    const { log, ids } = await caseWithAllegation();
    for (const stage of ['intake', 'preliminary']) {
      await expectNoWrites(t.db, async () => {
        const body = expectProblem(
          await patch(investigator, log, ids[0]!, {
            recommendedFinding: 'sustained',
            recommendedPenalty: '010',
          }),
          409,
          'finding_not_allowed_in_stage',
        );
        expect(
          body.errors?.map((e) => e.field),
          stage,
        ).toEqual(['recommendedFinding']);
      });
      if (stage === 'intake') {
        await walk(t, chief, log, [{ to: 'preliminary' }]);
      }
    }
    const staff = await t.as(auditor, { method: 'GET', url: `/api/v1/cases/${log}` });
    expect(
      staff.json<{ allegations: Array<{ history: unknown[] }> }>().allegations[0]!.history,
    ).toEqual([]);
    await walk(t, chief, log, [{ to: 'investigation' }]);
    const ok = await patch(investigator, log, ids[0]!, { recommendedFinding: 'sustained' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses a final finding before department review, with 409, and records it from there on', async () => {
    const { log, ids } = await caseWithAllegation();
    const steps = [...TO_DEPARTMENT_REVIEW];
    for (const stage of ['intake', 'preliminary', 'investigation', 'review']) {
      await expectNoWrites(t.db, async () => {
        const body = expectProblem(
          await patch(chief, log, ids[0]!, { finalFinding: 'sustained', finalPenalty: '010' }),
          409,
          'finding_not_allowed_in_stage',
        );
        expect(
          body.errors?.map((e) => e.field),
          stage,
        ).toEqual(['finalFinding']);
        expect(body.detail).toContain(stage);
      });
      await walk(t, chief, log, [steps.shift()!]);
    }
    const ok = await patch(chief, log, ids[0]!, {
      recommendedFinding: 'sustained',
      finalFinding: 'sustained',
      finalPenalty: '010',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    await walk(t, chief, log, [{ to: 'final' }]);
    // arbitration or the Police Board may change a final penalty after the case is final
    const amended = await patch(chief, log, ids[0]!, { finalPenalty: '005' });
    expect(amended.statusCode, amended.body).toBe(200);
  });

  it('refuses findings on a case closed without a finding or referred', async () => {
    for (const close of [
      { to: 'closed_no_finding', reason: 'member_not_identified' },
      { to: 'closed_referred', reason: 'referred_to_other_agency' },
    ]) {
      const { log, ids } = await caseWithAllegation();
      await walk(t, chief, log, [{ to: 'preliminary' }, { to: 'investigation' }, close]);
      await expectNoWrites(t.db, async () => {
        expectProblem(
          await patch(chief, log, ids[0]!, { recommendedFinding: 'not_sustained' }),
          409,
          'finding_not_allowed_in_stage',
        );
        expectProblem(
          await patch(chief, log, ids[0]!, { finalFinding: 'not_sustained' }),
          409,
          'finding_not_allowed_in_stage',
        );
      });
    }
  });
});

describe('findings and penalties are public only for concluded cases (issue 15 defect 2)', () => {
  let log = '';
  let id = '';

  beforeAll(async () => {
    clock = new Date('2023-03-01T16:00:00Z');
    const c = await caseWithAllegation('2023-03-01T09:00:00-06:00');
    log = c.log;
    id = c.ids[0]!;
    await walk(t, chief, log, [{ to: 'preliminary' }, { to: 'investigation' }]);
    const res = await patch(investigator, log, id, {
      recommendedFinding: 'sustained',
      recommendedPenalty: '010',
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  const hidden = {
    recommendedFinding: null,
    finalFinding: null,
    penalty: null,
    penaltyLabel: null,
    penaltyLabelEs: null,
    penaltyWithheld: null,
    penaltyWithheldEs: null,
  };

  it('shows no recommended finding or penalty of an open investigation, on the page or in the export', async () => {
    expect(await publicAllegation(log)).toEqual({ category: 'excessive_force', ...hidden });
    for (const format of ['json', 'csv'] as const) {
      expect(await exportedAllegation(log, format)).toMatchObject({
        allegation_category: 'excessive_force',
        recommended_finding: '',
        final_finding: '',
        penalty: '',
        penalty_withheld: '',
      });
    }
  });

  it('keeps them hidden in review and department review, shows them once final, and hides them again on reopening', async () => {
    await walk(t, chief, log, [{ to: 'review' }, { to: 'department_review' }]);
    const final = await patch(chief, log, id, { finalFinding: 'sustained', finalPenalty: '010' });
    expect(final.statusCode, final.body).toBe(200);
    expect(await publicAllegation(log)).toMatchObject(hidden);
    expect(await exportedAllegation(log)).toMatchObject({ final_finding: '', penalty: '' });
    await walk(t, chief, log, [{ to: 'final' }]);
    expect(await publicAllegation(log)).toMatchObject({
      recommendedFinding: 'sustained',
      finalFinding: 'sustained',
      penalty: '010',
      // the code with its words (issue 23 item 12)
      penaltyLabel: '10-day suspension',
      penaltyLabelEs: 'Suspensión de 10 días',
      penaltyWithheld: null,
    });
    expect(await exportedAllegation(log)).toMatchObject({
      recommended_finding: 'sustained',
      final_finding: 'sustained',
      penalty: '010',
    });
    await walk(t, chief, log, [{ to: 'investigation', reason: 'new_material_evidence' }]);
    expect(await publicAllegation(log)).toMatchObject(hidden);
    expect(await exportedAllegation(log)).toMatchObject({
      recommended_finding: '',
      final_finding: '',
      penalty: '',
    });
  });

  it('counts no finding of an open case in the public statistics', async () => {
    clock = new Date('2018-04-02T16:00:00Z');
    const open = await caseWithAllegation('2018-04-02T09:00:00-05:00', 5);
    await walk(t, chief, open.log, [{ to: 'preliminary' }, { to: 'investigation' }]);
    for (const a of open.ids) {
      const res = await patch(investigator, open.log, a, { recommendedFinding: 'sustained' });
      expect(res.statusCode, res.body).toBe(200);
    }
    clock = new Date('2023-09-20T15:00:00Z');
    const stats = (
      await t.app.inject({ method: 'GET', url: '/api/public/v1/stats?yearFrom=2018&yearTo=2018' })
    ).json<{
      allegationsByFinding: Array<{ key: string; count: number | null }>;
      sustainedRate: { overall: { sustained: number; decided: number } };
    }>();
    expect(stats.allegationsByFinding.find((c) => c.key === 'sustained')?.count ?? 0).toBe(0);
    expect(stats.sustainedRate.overall).toMatchObject({ sustained: 0, decided: 0 });
  });
});

describe('a penalty is dated by the day it was decided (issue 15 defect 1)', () => {
  it('dates an app-recorded final penalty by the recording day in Chicago: released on the fourth anniversary, withheld the day after', async () => {
    clock = new Date('2019-06-01T16:00:00Z');
    const { log, ids } = await caseWithAllegation();
    await walk(t, chief, log, TO_DEPARTMENT_REVIEW);
    // 2019-12-10 21:00 in Chicago, already the 11th in UTC
    clock = new Date('2019-12-11T03:00:00Z');
    const res = await patch(chief, log, ids[0]!, {
      finalFinding: 'sustained',
      finalPenalty: '010',
    });
    expect(res.statusCode, res.body).toBe(200);
    const history = res.json<{ allegations: Array<{ history: Array<{ decidedOn: string }> }> }>()
      .allegations[0]!.history;
    expect(history.map((h) => h.decidedOn)).toEqual(['2019-12-10']);
    clock = new Date('2020-01-15T16:00:00Z');
    await walk(t, chief, log, [{ to: 'final' }]);
    // 2023-12-10 23:30 in Chicago: exactly four years
    clock = new Date('2023-12-11T05:30:00Z');
    expect(await publicAllegation(log)).toMatchObject({ penalty: '010', penaltyWithheld: null });
    expect(await exportedAllegation(log, 'csv')).toMatchObject({
      penalty: '010',
      penalty_withheld: '',
    });
    // 2023-12-11 00:30 in Chicago: one day more
    clock = new Date('2023-12-11T06:30:00Z');
    const old = await publicAllegation(log);
    expect(old).toMatchObject({ finalFinding: 'sustained', penalty: null });
    expect(old.penaltyWithheld).toContain('820 ILCS 40/8');
    expect(await exportedAllegation(log, 'csv')).toMatchObject({
      penalty: '',
      penalty_withheld: 'personnel_record_review_act',
    });
  });

  it('takes an explicit decidedOn (the Superintendent’s or the Police Board’s day), never in the future or before receipt', async () => {
    clock = new Date('2019-06-01T16:00:00Z');
    const { log, ids } = await caseWithAllegation();
    await walk(t, chief, log, TO_DEPARTMENT_REVIEW);
    clock = new Date('2019-12-20T16:00:00Z');
    await expectNoWrites(t.db, async () => {
      const cases: Array<[string, string]> = [
        ['2019-12-21', 'decided_on_in_future'],
        ['2019-04-30', 'decided_on_before_receipt'],
      ];
      for (const [decidedOn, code] of cases) {
        const body = expectProblem(
          await patch(chief, log, ids[0]!, {
            finalFinding: 'sustained',
            finalPenalty: '010',
            decidedOn,
          }),
          422,
          code,
        );
        expect(body.errors?.map((e) => e.field)).toEqual(['decidedOn']);
      }
      expectInvalidFields(
        await patch(chief, log, ids[0]!, { finalFinding: 'sustained', decidedOn: '2019-13-01' }),
        ['decidedOn'],
      );
      // a date alone records nothing
      expectInvalidFields(await patch(chief, log, ids[0]!, { decidedOn: '2019-11-15' }), [
        'recommendedFinding',
      ]);
    });
    const res = await patch(chief, log, ids[0]!, {
      finalFinding: 'sustained',
      finalPenalty: '010',
      decidedOn: '2019-11-15',
    });
    expect(res.statusCode, res.body).toBe(200);
    await walk(t, chief, log, [{ to: 'final' }]);
    clock = new Date('2023-11-15T18:00:00Z');
    expect(await publicAllegation(log)).toMatchObject({ penalty: '010' });
    clock = new Date('2023-11-16T18:00:00Z');
    expect(await publicAllegation(log)).toMatchObject({ penalty: null });
  });
});
