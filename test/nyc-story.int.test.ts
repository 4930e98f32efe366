import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nycProfile } from '../src/server/domain/profiles/nyc.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { addMember, fileCase, walk } from './factories.ts';

/*
 * The second city (issue 20 item 6, ADR 0045): New York City's Civilian Complaint Review Board,
 * selected by its profile alone. A complaint is taken in, routed under the Charter clause that
 * gives the Board force, abuse of authority, discourtesy and offensive language ("FADO", NYC
 * Charter §440(c)(1)), investigated and disposed of in the Board's own words ("substantiated"),
 * through the same routes and commands as Chicago's. Runs on both engines like every
 * integration file (PGlite by default, PostgreSQL with TEST_DATABASE_URL).
 */

const CHARTER = 'NYC Charter §440(c)(1)';

let t: TestApp;
let intake: TestUser;
let supervisor: TestUser;
let investigator: TestUser;
let chief: TestUser;

beforeAll(async () => {
  t = await testApp({ profile: nycProfile });
  intake = await t.user('intake', 'CCRB');
  supervisor = await t.user('supervisor', 'CCRB');
  investigator = await t.user('investigator', 'CCRB');
  chief = await t.user('chief_administrator', 'CCRB');
});
afterAll(async () => t.close());

interface CaseBody {
  status: string;
  leadAgency: string;
  categories: string[];
  routing: { agency: string; clause: string; rule: string; explanation: string };
  allegations: Array<{
    id: string;
    category: string;
    recommendedFinding: string | null;
    finalFinding: string | null;
  }>;
  deadlines: Array<{ kind: string }>;
}

const intakeOf = (categories: string[]) => ({
  caseType: 'complaint' as const,
  channel: 'walk_in' as const,
  receivedAt: '2024-05-06T14:00:00-04:00',
  incident: { occurredAt: '2024-05-04T22:15:00-04:00' },
  narrative: 'The complainant says an officer pushed him against a car and cursed at him.',
  categories,
});

async function readCase(n: string): Promise<CaseBody> {
  const res = await t.as(supervisor, { method: 'GET', url: `/api/v1/cases/${n}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseBody>();
}

describe('New York City: a FADO complaint from intake to disposition', () => {
  let n: string;
  let allegationId: string;

  it('routes force and discourtesy to the Board under the Charter clause, with no Chicago clock', async () => {
    const res = await t.as(intake, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: intakeOf(['force', 'discourtesy']),
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ logNumber: string } & Pick<CaseBody, 'routing' | 'deadlines'>>();
    n = body.logNumber;
    expect(body.routing).toMatchObject({ agency: 'CCRB', clause: CHARTER, rule: 'ccrb_force' });
    expect(body.routing.explanation).toContain(
      `CCRB investigates this case because it alleges excessive use of force`,
    );
    expect(body.routing.explanation).toContain(CHARTER);
    // New York law gives none of Chicago's clocks (MCC 2-78-120, -135, the consent decree)
    expect(body.deadlines).toEqual([]);
    expect(await readCase(n)).toMatchObject({ leadAgency: 'CCRB', status: 'intake' });
  });

  it('refers misconduct outside FADO to the Police Department, citing the same clause', async () => {
    const res = await t.as(intake, {
      method: 'POST',
      url: '/api/v1/routing/preview',
      payload: intakeOf(['other_misconduct']),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ routing: CaseBody['routing'] }>().routing).toMatchObject({
      agency: 'NYPD',
      clause: CHARTER,
      rule: 'nypd_outside_fado',
    });
  });

  it('refuses another city’s vocabulary at the door', async () => {
    const res = await t.as(intake, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: intakeOf(['excessive_force']),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toContain(
      'categories.0',
    );
  });

  it('investigates: assignment, the investigation stage, an allegation in FADO terms', async () => {
    const assigned = await t.as(supervisor, {
      method: 'POST',
      url: `/api/v1/cases/${n}/assignments`,
      payload: { userId: investigator.id, role: 'lead_investigator' },
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    await walk(t, supervisor, n, [{ to: 'preliminary' }, { to: 'investigation' }]);
    const member = await addMember(t, supervisor, { rank: 'Police Officer', unit: '075' });
    const res = await t.as(investigator, {
      method: 'POST',
      url: `/api/v1/cases/${n}/allegations`,
      payload: { memberId: member.id, category: 'force', summary: 'Pushed against a car.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    allegationId = res.json<{ id: string }>().id;
    // the Board keeps the case: force is its own under the Charter
    expect(await readCase(n)).toMatchObject({ leadAgency: 'CCRB', status: 'investigation' });
  });

  it('disposes of the allegation in the Board’s words: substantiated', async () => {
    const url = `/api/v1/cases/${n}/allegations/${allegationId}`;
    const chicagoWord = await t.as(investigator, {
      method: 'PATCH',
      url,
      payload: { recommendedFinding: 'sustained' },
    });
    expect(chicagoWord.statusCode).toBe(400);
    const recommended = await t.as(investigator, {
      method: 'PATCH',
      url,
      payload: { recommendedFinding: 'substantiated' },
    });
    expect(recommended.statusCode, recommended.body).toBe(200);

    await walk(t, supervisor, n, [{ to: 'review' }, { to: 'department_review' }]);
    const final = await t.as(chief, {
      method: 'PATCH',
      url,
      payload: { finalFinding: 'substantiated' },
    });
    expect(final.statusCode, final.body).toBe(200);
    await walk(t, chief, n, [{ to: 'final' }]);

    const closed = await readCase(n);
    expect(closed.status).toBe('final');
    expect(closed.allegations.find((a) => a.id === allegationId)).toMatchObject({
      category: 'force',
      recommendedFinding: 'substantiated',
      finalFinding: 'substantiated',
    });
    // no Chicago clock started on the way (the Superintendent's MCC 2-78-130 response)
    expect(closed.deadlines).toEqual([]);
  });

  it('records mediation and truncation as outcomes of the Board’s vocabulary', async () => {
    const other = await fileCase(t, intake, intakeOf(['discourtesy']));
    await t.as(supervisor, {
      method: 'POST',
      url: `/api/v1/cases/${other}/assignments`,
      payload: { userId: investigator.id, role: 'lead_investigator' },
    });
    await walk(t, supervisor, other, [{ to: 'preliminary' }, { to: 'investigation' }]);
    const member = await addMember(t, supervisor);
    const ids: string[] = [];
    for (const category of ['discourtesy', 'offensive_language']) {
      const res = await t.as(investigator, {
        method: 'POST',
        url: `/api/v1/cases/${other}/allegations`,
        payload: { memberId: member.id, category, summary: 'Words at the scene.' },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json<{ id: string }>().id);
    }
    for (const [i, outcome] of ['mediated', 'truncated'].entries()) {
      const res = await t.as(investigator, {
        method: 'PATCH',
        url: `/api/v1/cases/${other}/allegations/${ids[i]}`,
        payload: { recommendedFinding: outcome },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const body = await readCase(other);
    expect(body.allegations.map((a) => a.recommendedFinding).sort()).toEqual([
      'mediated',
      'truncated',
    ]);
  });
});
