import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { addMember, buildIntake, walk } from './factories.ts';
import { auditRows, expectInvalidFields, expectNoWrites, expectProblem } from './http.ts';

/**
 * Issue 23 items 1, 2 and 7: the officers a complainant names are kept on the case as reported
 * officers (docs/domain.md "Reported officers"), from staff intake and from the public form; the
 * public form's witnesses are parties with encrypted identities; none of it is ever public.
 */
let t: TestApp;
let intake: TestUser;
let publicInformation: TestUser;
let supervisor: TestUser;
let member: { id: string; star: string };

interface ReportedOfficer {
  id: string;
  member: { id: string; lastName: string; rank: string | null; unit: string | null } | null;
  name: string | null;
  star: string | null;
  description: string | null;
  source: string;
  status: string;
  allegationId: string | null;
  resolutionNote: string | null;
}
interface CaseBody {
  reportedOfficers?: ReportedOfficer[];
  allegations?: Array<{ id: string; member: { id: string } | null; category: string }>;
  parties?: Array<{ role: string; identity: Record<string, string> | null }>;
  leadAgency: string;
}

beforeAll(async () => {
  t = await testApp();
  intake = await t.user('intake');
  publicInformation = await t.user('public_information');
  supervisor = await t.user('supervisor');
  member = await addMember(t, supervisor, {
    firstName: 'Pat',
    lastName: 'Smith',
    rank: 'Sergeant',
    unit: '010',
    appointedDate: '2004-06-28',
  });
});
afterAll(async () => {
  await t.close();
});

async function readCase(as: TestUser, log: string): Promise<CaseBody> {
  const res = await t.as(as, { method: 'GET', url: `/api/v1/cases/${log}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseBody>();
}

/** Everything the public door serves about the case, as one string. */
async function publicText(log: string): Promise<string> {
  const urls = [
    `/api/public/v1/cases/${log}`,
    `/api/public/v1/cases?logNumber=${log}`,
    '/api/public/v1/export.csv',
    '/api/public/v1/export.json',
    '/api/public/v1/stats',
  ];
  const bodies: string[] = [];
  for (const url of urls) {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    bodies.push(res.body);
  }
  return bodies.join('\n');
}

async function fileWithOfficers(): Promise<string> {
  const res = await t.as(intake, {
    method: 'POST',
    url: '/api/v1/cases',
    payload: buildIntake({
      reportedOfficers: [
        { memberId: member.id, name: 'Sergeant Smith' },
        {
          name: 'Officer Kowalczyk',
          star: '4521',
          description: 'Tall, grey moustache, drove car 1012',
        },
      ],
    }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ logNumber: string }>().logNumber;
}

describe('staff intake records the officers the complainant names', () => {
  it('an intake officer records a roster officer and one not in the roster; both are on the case', async () => {
    const log = await fileWithOfficers();
    const c = await readCase(intake, log);
    expect(c.reportedOfficers).toHaveLength(2);
    const [fromRoster, asGiven] = c.reportedOfficers!;
    expect(fromRoster).toMatchObject({
      member: { id: member.id, lastName: 'Smith', rank: 'Sergeant', unit: '010' },
      name: 'Sergeant Smith',
      source: 'staff_intake',
      status: 'reported',
    });
    expect(asGiven).toMatchObject({
      member: null,
      name: 'Officer Kowalczyk',
      star: '4521',
      description: 'Tall, grey moustache, drove car 1012',
      status: 'reported',
    });
    // not allegations: nobody is accused until an investigator confirms it
    expect(c.allegations).toEqual([]);
    const [audit] = await auditRows(t.db, 'case.filed', log);
    expect(audit!.changes.reportedOfficers).toEqual([
      { memberId: member.id, givenFields: ['name'] },
      { memberId: null, givenFields: ['name', 'star', 'description'] },
    ]);
    // the officers' names and descriptions never reach the public door of an open case
    const text = await publicText(log);
    expect(text).toContain(log);
    for (const s of ['Smith', 'Kowalczyk', '4521', 'moustache', member.id]) {
      expect(text).not.toContain(s);
    }
  });

  it('refuses an unknown roster id and an officer with nothing given, writing nothing', async () => {
    await expectNoWrites(t.db, async () => {
      const res = await t.as(intake, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: buildIntake({
          reportedOfficers: [{ memberId: '00000000-0000-4000-8000-000000000000' }],
        }),
      });
      const body = expectProblem(res, 422, 'unknown_member');
      expect(body.errors?.[0]?.field).toBe('reportedOfficers.0.memberId');
    });
    const res = await t.as(intake, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: buildIntake({ reportedOfficers: [{}] }),
    });
    expectInvalidFields(res, ['reportedOfficers.0.name']);
  });
});

describe('an investigator confirms or dismisses a reported officer', () => {
  it('confirms the roster officer into an allegation and dismisses the other with a reason', async () => {
    const log = await fileWithOfficers();
    await walk(t, supervisor, log, [{ to: 'preliminary' }, { to: 'investigation' }]);
    const [fromRoster, asGiven] = (await readCase(supervisor, log)).reportedOfficers!;
    // intake may record them but not confirm them: allegations are the investigation's
    const denied = await t.as(intake, {
      method: 'POST',
      url: `/api/v1/cases/${log}/reported-officers/${fromRoster!.id}/resolution`,
      payload: { outcome: 'confirmed', category: 'excessive_force', summary: 'Pushed him.' },
    });
    expect(denied.statusCode).toBe(403);
    const confirmed = await t.as(supervisor, {
      method: 'POST',
      url: `/api/v1/cases/${log}/reported-officers/${fromRoster!.id}/resolution`,
      payload: { outcome: 'confirmed', category: 'excessive_force', summary: 'Pushed him.' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const after = confirmed.json<CaseBody>();
    expect(after.allegations).toHaveLength(1);
    expect(after.allegations![0]).toMatchObject({
      member: { id: member.id },
      category: 'excessive_force',
    });
    expect(after.reportedOfficers![0]).toMatchObject({
      status: 'confirmed',
      allegationId: after.allegations![0]!.id,
    });
    const again = await t.as(supervisor, {
      method: 'POST',
      url: `/api/v1/cases/${log}/reported-officers/${fromRoster!.id}/resolution`,
      payload: { outcome: 'dismissed', reason: 'Changed my mind.' },
    });
    expectProblem(again, 409, 'reported_officer_resolved');
    const dismissed = await t.as(supervisor, {
      method: 'POST',
      url: `/api/v1/cases/${log}/reported-officers/${asGiven!.id}/resolution`,
      payload: { outcome: 'dismissed', reason: 'A security guard, not a department member.' },
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json<CaseBody>().reportedOfficers![1]).toMatchObject({
      status: 'dismissed',
      allegationId: null,
      resolutionNote: 'A security guard, not a department member.',
    });
    expect(await auditRows(t.db, 'reported_officer.resolved')).toHaveLength(2);
    // public information sees the public fields only: no reported officer
    const pio = await readCase(publicInformation, log);
    expect(pio.reportedOfficers).toBeUndefined();
  });
});

describe('the public complaint form takes the officer and witnesses', () => {
  it('stores the officer as a reported officer and witnesses as encrypted parties, never public', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/v1/complaints',
      payload: {
        language: 'es',
        narrative: 'Un oficial me empujó al suelo en la parada del autobús.',
        categories: ['excessive_force'],
        anonymous: false,
        contact: { name: 'Lucía Demandante', phone: '312-555-0177' },
        officers: [
          { name: 'Oficial Zabrowski', star: '7788', description: 'Bigote, gorra azul' },
          { description: 'Su compañera, pelo rubio' },
        ],
        witnesses: [{ name: 'Marisol Testigo', phone: '312-555-0199' }, { email: 'w@example.org' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const log = res.json<{ logNumber: string }>().logNumber;
    const c = await readCase(supervisor, log);
    expect(c.reportedOfficers).toMatchObject([
      {
        member: null,
        name: 'Oficial Zabrowski',
        star: '7788',
        description: 'Bigote, gorra azul',
        source: 'public_form',
        status: 'reported',
      },
      { name: null, star: null, description: 'Su compañera, pelo rubio', source: 'public_form' },
    ]);
    const witnesses = (c.parties ?? []).filter((p) => p.role === 'witness');
    expect(witnesses.map((w) => w.identity)).toEqual(
      expect.arrayContaining([
        { name: 'Marisol Testigo', phone: '312-555-0199' },
        { email: 'w@example.org' },
      ]),
    );
    expect(witnesses).toHaveLength(2);
    const stored = await t.db.query<{ identity_enc: string }>(
      `SELECT p.identity_enc FROM parties p JOIN cases c ON c.id = p.case_id
        WHERE c.log_number = $1 AND p.role = 'witness'`,
      [log],
    );
    expect(stored).toHaveLength(2);
    for (const s of stored) {
      expect(s.identity_enc).not.toContain('Marisol');
      expect(s.identity_enc).not.toContain('example.org');
    }
    const text = await publicText(log);
    expect(text).toContain(log);
    for (const s of ['Zabrowski', '7788', 'Bigote', 'rubio', 'Marisol', '555-0199', 'w@example']) {
      expect(text).not.toContain(s);
    }
  });

  it('refuses an officer or a witness with nothing given, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/v1/complaints',
      payload: {
        language: 'en',
        narrative: 'An officer pushed me.',
        anonymous: true,
        officers: [{}],
        witnesses: [{}],
      },
    });
    expectInvalidFields(res, ['officers.0.name', 'witnesses.0.name']);
  });
});
