import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { buildIntake, fileCase } from './factories.ts';
import {
  expectInvalidFields,
  expectNoWrites,
  expectProblem,
  expectUnauthenticated,
} from './http.ts';

let t: TestApp;
let intake: TestUser;
let chief: TestUser;
let investigator: TestUser;
let pio: TestUser;
let biaInvestigator: TestUser;
let recent: string;
let old: string;
let restricted: string;

const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString();

beforeAll(async () => {
  t = await testApp();
  intake = await t.user('intake');
  chief = await t.user('chief_administrator');
  investigator = await t.user('investigator');
  pio = await t.user('public_information');
  biaInvestigator = await t.user('investigator', 'BIA');
  recent = await fileCase(t, intake, { receivedAt: daysAgo(1) });
  old = await fileCase(t, intake, { receivedAt: daysAgo(60) });
  restricted = await fileCase(t, intake, {
    receivedAt: daysAgo(2),
    categories: ['sexual_misconduct'],
  });
  const res = await t.as(chief, {
    method: 'POST',
    url: `/api/v1/cases/${recent}/assignments`,
    payload: { email: investigator.email, role: 'lead_investigator' },
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => t.close());

describe('GET /api/v1/dashboard', () => {
  it('needs authentication', async () => {
    await expectUnauthenticated(t, 'GET', '/api/v1/dashboard');
  });

  it("lists the investigator's assigned open cases, and their deadlines", async () => {
    const res = await t.as(investigator, { method: 'GET', url: '/api/v1/dashboard' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.myCases.map((c: { logNumber: string }) => c.logNumber)).toEqual([recent]);
    expect(body.horizonDays).toBe(14);
    const ack = body.deadlines.find(
      (d: { logNumber: string; kind: string }) =>
        d.logNumber === recent && d.kind === 'acknowledgement_letter',
    );
    expect(ack).toBeDefined();
    expect(ack.clause.length).toBeGreaterThan(0);
    expect(ack.overdue).toBe(false);
  });

  it('shows a chief administrator overdue clocks, new intakes and restricted cases', async () => {
    const body = (await t.as(chief, { method: 'GET', url: '/api/v1/dashboard' })).json();
    expect(body.myCases).toEqual([]);
    const overdue = body.deadlines.filter(
      (d: { logNumber: string; overdue: boolean }) => d.logNumber === old && d.overdue,
    );
    expect(overdue.map((d: { kind: string }) => d.kind)).toContain('acknowledgement_letter');
    // soonest due first
    const due = body.deadlines.map((d: { dueAt: string }) => d.dueAt);
    expect([...due].sort()).toEqual(due);
    expect(body.newIntakes.map((c: { logNumber: string }) => c.logNumber)).toEqual([
      recent,
      restricted,
      old,
    ]);
    expect(body.restricted.map((c: { logNumber: string }) => c.logNumber)).toEqual([restricted]);
  });

  it('keeps restricted cases and clocks away from roles that may not read them', async () => {
    const inv = (await t.as(investigator, { method: 'GET', url: '/api/v1/dashboard' })).json();
    expect(inv.restricted).toEqual([]);
    expect(JSON.stringify(inv)).not.toContain(restricted);
    const p = (await t.as(pio, { method: 'GET', url: '/api/v1/dashboard' })).json();
    expect(p.restricted).toEqual([]);
    expect(p.deadlines.some((d: { logNumber: string }) => d.logNumber === restricted)).toBe(false);
    const bia = (await t.as(biaInvestigator, { method: 'GET', url: '/api/v1/dashboard' })).json();
    expect(bia).toEqual({
      myCases: [],
      deadlines: [],
      horizonDays: 14,
      newIntakes: [],
      restricted: [],
      press: null,
    });
  });
});

describe('POST /api/v1/routing/preview', () => {
  it('returns the clause intake would apply, and the restriction, writing nothing', async () => {
    await expectNoWrites(t.db, async () => {
      const res = await t.as(intake, {
        method: 'POST',
        url: '/api/v1/routing/preview',
        payload: buildIntake({
          caseType: 'miscellaneous',
          categories: ['sexual_misconduct'],
          parties: [{ role: 'victim', anonymous: true, vulnerabilities: ['shelter_resident'] }],
        }),
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.routing.agency).toBe('COPA');
      expect(body.routing.clause).toBe('MCC 2-78-120(b-5)');
      expect(body.routing.explanationEs.length).toBeGreaterThan(0);
      expect(body.restricted).toBe(true);
      expect(body.restrictionReasons).toEqual(['sexual_misconduct', 'shelter_resident_party']);
    });
  });

  it('routes what COPA does not take to BIA, unrestricted', async () => {
    const res = await t.as(intake, {
      method: 'POST',
      url: '/api/v1/routing/preview',
      payload: buildIntake({ categories: ['operational_violation'], parties: [] }),
    });
    expect(res.json().routing.agency).toBe('BIA');
    expect(res.json().restricted).toBe(false);
  });

  it('validates like intake, and refuses roles that do not register cases', async () => {
    expectInvalidFields(
      await t.as(intake, {
        method: 'POST',
        url: '/api/v1/routing/preview',
        payload: buildIntake({ caseType: 'notification' }),
      }),
      ['notificationType'],
    );
    expectProblem(
      await t.as(investigator, {
        method: 'POST',
        url: '/api/v1/routing/preview',
        payload: buildIntake(),
      }),
      403,
      'forbidden',
    );
    await expectUnauthenticated(t, 'POST', '/api/v1/routing/preview', buildIntake());
  });
});

describe('GET /api/v1/cases sort', () => {
  it('sorts oldest first, newest first and by log number', async () => {
    const list = async (sort: string) =>
      (await t.as(chief, { method: 'GET', url: `/api/v1/cases?sort=${sort}` }))
        .json()
        .items.map((c: { logNumber: string }) => c.logNumber);
    expect(await list('received_asc')).toEqual([old, restricted, recent]);
    expect(await list('received_desc')).toEqual([recent, restricted, old]);
    const byNumber = await list('log_number');
    expect(byNumber).toEqual([...byNumber].sort());
    expectInvalidFields(
      await t.as(chief, { method: 'GET', url: '/api/v1/cases?sort=drop_table' }),
      ['querystring.sort'],
    );
  });
});
