/**
 * Correcting intake facts after intake (issue 15, "Also"): incident date and place, categories and
 * channel, by the roles that register cases, with the old value kept in the audit and the clocks
 * counted from a corrected date recomputed (the video clock runs from the incident date).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { caseStats } from '../src/server/repositories/stats.repository.ts';
import { fileCase } from './factories.ts';
import { TEST_JURISDICTION } from './test-db.ts';
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

interface DeadlineBody {
  id: string;
  kind: string;
  sequence: number;
  dueDate: string;
  anchor: { kind: string; date: string };
  basis: string;
  metAt: string | null;
  supersededAt: string | null;
  supersededBy: string | null;
}
interface CaseBody {
  channel: string | null;
  categories: string[];
  flags: string[];
  restricted: boolean;
  restrictionReasons: string[];
  leadAgency: string;
  incident: {
    occurredAt: string | null;
    address: string | null;
    beat: string | null;
    district: string | null;
  };
  facility: { code: string } | null;
  deadlines: DeadlineBody[];
  abilities: { actions: string[] };
}

let t: TestApp;
let intake: TestUser;
let supervisor: TestUser;
let chief: TestUser;
let investigator: TestUser;
let publicInformation: TestUser;
let analyst: TestUser;
let biaIntake: TestUser;

beforeAll(async () => {
  t = await testApp();
  intake = await t.user('intake');
  supervisor = await t.user('supervisor');
  chief = await t.user('chief_administrator');
  investigator = await t.user('investigator');
  publicInformation = await t.user('public_information');
  analyst = await t.user('analyst');
  biaIntake = await t.user('intake', 'BIA');
  const station = await t.as(chief, {
    method: 'POST',
    url: '/api/v1/facilities',
    payload: { code: 'D010', name: '10th District station', kind: 'district_station' },
  });
  expect(station.statusCode, station.body).toBe(201);
});
afterAll(async () => t.close());

/** A CPD notification of a shooting: COPA's under MCC 2-78-120(c), with a video-release clock. */
const SHOOTING = {
  caseType: 'notification' as const,
  channel: 'department_notification' as const,
  notificationType: 'firearm_discharge_injury' as const,
  receivedAt: '2024-03-12T02:05:00-05:00',
  narrative: 'Officer-involved shooting, one person struck.',
  categories: ['firearm_discharge' as const],
  seriousInjuryOrDeath: true,
  parties: [],
};

const read = async (log: string, as: TestUser = chief) => {
  const res = await t.as(as, { method: 'GET', url: `/api/v1/cases/${log}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseBody>();
};
const video = (c: CaseBody) => c.deadlines.filter((d) => d.kind === 'video_release');
const correct = (as: TestUser, log: string, payload: Record<string, unknown>) =>
  t.as(as, { method: 'PATCH', url: `/api/v1/cases/${log}`, payload });

describe('PATCH /api/v1/cases/{logNumber}: correcting intake facts', () => {
  it('intake corrects the incident date: the audit keeps both values, the video clock runs 60 days from the new date', async () => {
    const log = await fileCase(t, intake, {
      ...SHOOTING,
      // keyed in wrong: the shooting was on the 10th, not the 1st
      incident: { occurredAt: '2024-03-01T21:00:00-06:00' },
    });
    const [before] = video(await read(log));
    expect(before).toMatchObject({
      sequence: 1,
      dueDate: '2024-04-30',
      anchor: { kind: 'incident', date: '2024-03-01' },
    });

    const openBefore = (await caseStats(t.db, TEST_JURISDICTION, new Date(), 'America/Chicago'))
      .deadlines.open;
    // 23:30 in Chicago is already 04:30 on the 11th in UTC: the clock counts from the local date
    const res = await correct(intake, log, {
      incident: { occurredAt: '2024-03-10T23:30:00-05:00' },
      reason: 'Incident date keyed in wrong at intake; CPD notification says March 10.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<{
      logNumber: string;
      corrected: string[];
      restricted: boolean;
      deadlines: DeadlineBody[];
    }>();
    expect(answer).toMatchObject({
      logNumber: log,
      corrected: ['incident.occurredAt'],
      restricted: false,
    });
    const after = await read(log);
    expect(after.incident.occurredAt).toBe('2024-03-11T04:30:00.000Z');

    // the open clock is superseded (kept as history) and the recomputed one takes over
    const clocks = video(after);
    expect(clocks).toHaveLength(2);
    const old = clocks.find((d) => d.id === before!.id)!;
    const next = clocks.find((d) => d.id !== before!.id)!;
    expect(old).toMatchObject({ sequence: 1, dueDate: '2024-04-30', metAt: null });
    expect(old.supersededAt).not.toBeNull();
    expect(old.supersededBy).toBe(next.id);
    expect(answer.deadlines).toEqual([next]);
    // Video Release Policy: 60 calendar days from the incident — the 60th day, not the 59th or 61st
    expect(next).toMatchObject({
      sequence: 2,
      dueDate: '2024-05-09',
      anchor: { kind: 'incident', date: '2024-03-10' },
      metAt: null,
      supersededAt: null,
      supersededBy: null,
    });
    expect(next.basis).toContain('2024-03-10');

    const row = await expectAudit(t.db, 'case.facts_corrected', log, intake);
    expect(row.case_id).toBe(await caseId(t.db, log));
    expect(row.reason).toBe(
      'Incident date keyed in wrong at intake; CPD notification says March 10.',
    );
    expect(row.changes).toEqual({
      'incident.occurredAt': {
        from: '2024-03-02T03:00:00.000Z',
        to: '2024-03-11T04:30:00.000Z',
      },
      deadlines: [
        {
          kind: 'video_release',
          from: { id: before!.id, sequence: 1, dueDate: '2024-04-30' },
          to: { id: next.id, sequence: 2, dueDate: '2024-05-09' },
        },
      ],
    });

    // superseded clocks are history: the statistics count the one that runs, the dashboard
    // lists only that one
    expect(
      (await caseStats(t.db, TEST_JURISDICTION, new Date(), 'America/Chicago')).deadlines.open,
    ).toBe(openBefore);
    const dash = await t.as(chief, { method: 'GET', url: '/api/v1/dashboard' });
    expect(dash.statusCode, dash.body).toBe(200);
    const due = (dash.json().deadlines as Array<{ logNumber: string; kind: string }>).filter(
      (d) => d.logNumber === log && d.kind === 'video_release',
    );
    expect(due).toHaveLength(1);
    // completing or extending a superseded clock is refused
    expectProblem(
      await t.as(chief, {
        method: 'POST',
        url: `/api/v1/cases/${log}/deadlines/${old.id}/complete`,
        payload: {},
      }),
      409,
      'deadline_superseded',
    );
    expectProblem(
      await t.as(chief, {
        method: 'POST',
        url: `/api/v1/cases/${log}/deadlines/${old.id}/extensions`,
        payload: { days: 5, reason: 'Family asked for time.' },
      }),
      409,
      'deadline_superseded',
    );
  });

  it('a video clock counted from receipt moves to the incident once its date is recorded', async () => {
    const log = await fileCase(t, intake, SHOOTING);
    const [before] = video(await read(log));
    expect(before).toMatchObject({ anchor: { kind: 'received', date: '2024-03-12' } });
    const res = await correct(supervisor, log, {
      incident: { occurredAt: '2024-03-10T23:30:00-05:00' },
      reason: 'Incident date now known from the CPD report.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const open = video(await read(log)).filter((d) => !d.supersededAt);
    expect(open).toEqual([
      expect.objectContaining({
        sequence: 2,
        dueDate: '2024-05-09',
        anchor: { kind: 'incident', date: '2024-03-10' },
      }),
    ]);
  });

  it('a video clock already met is left alone', async () => {
    const log = await fileCase(t, intake, {
      ...SHOOTING,
      incident: { occurredAt: '2024-03-01T21:00:00-06:00' },
    });
    const [clock] = video(await read(log));
    const done = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/deadlines/${clock!.id}/complete`,
      payload: { metAt: '2024-04-20T10:00:00-05:00' },
    });
    expect(done.statusCode, done.body).toBe(200);
    const res = await correct(intake, log, {
      incident: { occurredAt: '2024-03-10T23:30:00-05:00' },
      reason: 'Incident date keyed in wrong at intake.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().deadlines).toEqual([]);
    expect(video(await read(log))).toEqual([
      expect.objectContaining({
        id: clock!.id,
        sequence: 1,
        dueDate: '2024-04-30',
        metAt: '2024-04-20T15:00:00.000Z',
        supersededAt: null,
      }),
    ]);
    const row = await expectAudit(t.db, 'case.facts_corrected', log, intake);
    expect(row.changes).toEqual({
      'incident.occurredAt': {
        from: '2024-03-02T03:00:00.000Z',
        to: '2024-03-11T04:30:00.000Z',
      },
    });
  });

  it('corrects place and channel; the audit keeps an address at block level only', async () => {
    const log = await fileCase(t, intake, {
      channel: 'phone',
      incident: {
        occurredAt: '2023-09-12T18:00:00-05:00',
        address: '1234 W Main St',
        beat: '1011',
        district: '010',
      },
    });
    const res = await correct(intake, log, {
      incident: { address: '3315 W Ogden Ave', beat: '1012', district: null, facilityCode: 'D010' },
      channel: 'walk_in',
      reason: 'The complainant came to the station; the address was the previous case’s.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().corrected).toEqual([
      'incident.address',
      'incident.beat',
      'incident.district',
      'incident.facilityCode',
      'channel',
    ]);
    const c = await read(log);
    expect(c.channel).toBe('walk_in');
    expect(c.incident).toEqual({
      occurredAt: '2023-09-12T23:00:00.000Z',
      address: '3315 W Ogden Ave',
      beat: '1012',
      district: null,
    });
    expect(c.facility?.code).toBe('D010');
    const row = await expectAudit(t.db, 'case.facts_corrected', log, intake);
    expect(row.changes).toEqual({
      // the audit is append-only and never purged: an exact address never goes in (docs/security.md)
      'incident.address': {
        from: '1200 block of W Main St',
        to: '3300 block of W Ogden Ave',
        blockLevel: true,
      },
      'incident.beat': { from: '1011', to: '1012' },
      'incident.district': { from: '010', to: null },
      'incident.facilityCode': { from: null, to: 'D010' },
      channel: { from: 'phone', to: 'walk_in' },
    });
    expect(JSON.stringify(row)).not.toMatch(/1234|3315/);
  });

  it('corrected categories re-apply restriction (never lifted) and start a clock that now applies', async () => {
    const log = await fileCase(t, intake, { categories: ['excessive_force'] });
    expect(video(await read(log))).toEqual([]);
    const res = await correct(intake, log, {
      categories: ['excessive_force', 'domestic_violence', 'taser_discharge'],
      reason: 'The intake call described a domestic incident and a Taser.',
    });
    expect(res.statusCode, res.body).toBe(200);
    // restricted now, the case is out of intake's sight: the answer says so, the case is not in it
    expect(res.json()).toMatchObject({ corrected: ['categories'], restricted: true });
    expectProblem(await t.as(intake, { method: 'GET', url: `/api/v1/cases/${log}` }), 404);
    const c = await read(log);
    expect(c.categories).toEqual(['excessive_force', 'domestic_violence', 'taser_discharge']);
    expect(c.restricted).toBe(true);
    expect(c.restrictionReasons).toEqual(['domestic_violence']);
    expect(c.flags).toContain('domestic_violence');
    expect(c.leadAgency).toBe('COPA');
    // the Video Release Policy now applies; the incident date is unknown, so counted from receipt
    expect(video(c)).toEqual([
      expect.objectContaining({ sequence: 1, anchor: { kind: 'received', date: '2023-09-14' } }),
    ]);
    const row = await expectAudit(t.db, 'case.facts_corrected', log, intake);
    expect(row.changes).toMatchObject({
      categories: {
        from: ['excessive_force'],
        to: ['excessive_force', 'domestic_violence', 'taser_discharge'],
      },
      restricted: { from: false, to: true },
      deadlines: [{ kind: 'video_release', from: null, to: { sequence: 1 } }],
    });
    // a manager takes the category back out
    expectProblem(
      await correct(intake, log, { categories: ['excessive_force'], reason: 'Mistake.' }),
      404,
      'case_not_found',
    );
    const back = await correct(chief, log, {
      categories: ['excessive_force'],
      reason: 'Not a domestic incident after all.',
    });
    expect(back.statusCode, back.body).toBe(200);
    const b = await read(log);
    expect(b.categories).toEqual(['excessive_force']);
    // lifting restriction is a human decision, not a side effect of a correction
    expect(b.restricted).toBe(true);
    expect(b.restrictionReasons).toEqual(['domestic_violence']);
    // nor is a clock withdrawn: it stays until someone marks it done
    expect(video(b).filter((d) => !d.metAt && !d.supersededAt)).toHaveLength(1);
  });

  it('the roles that register cases, in the lead agency, may correct; others 403; unseen cases 404', async () => {
    const log = await fileCase(t, intake);
    const body = { channel: 'email', reason: 'Came by email.' };
    expect((await read(log, intake)).abilities.actions).toContain('case.correct_facts');
    expect((await read(log, investigator)).abilities.actions).not.toContain('case.correct_facts');
    const restricted = await fileCase(t, chief, { categories: ['sexual_misconduct'] });
    await expectNoWrites(t.db, async () => {
      // an investigator (not a registering role) sees the case but may not correct it
      expectProblem(await correct(investigator, log, body), 403, 'forbidden');
      expectProblem(await correct(publicInformation, log, body), 403, 'forbidden');
      // who cannot see the case cannot tell it exists
      expectProblem(await correct(analyst, log, body), 404, 'case_not_found');
      expectProblem(await correct(biaIntake, log, body), 404, 'case_not_found');
      expectProblem(await correct(intake, restricted, body), 404, 'case_not_found');
      // a case that does not exist answers the same
      expectProblem(await correct(intake, '2023-9999999', body), 404, 'case_not_found');
    });
    for (const who of [supervisor, chief]) {
      const res = await correct(who, log, {
        channel: who === chief ? 'mail' : 'email',
        reason: 'Channel.',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    await expectUnauthenticated(t, 'PATCH', `/api/v1/cases/${log}`, body);
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const log = await fileCase(t, intake, {
      incident: { occurredAt: '2023-09-10T12:00:00-05:00', address: '1234 W Main St' },
    });
    const url = `/api/v1/cases/${log}`;
    await expectNoWrites(t.db, async () => {
      // the intake rule: an incident cannot happen after the office received it
      const late = expectProblem(
        await correct(intake, log, {
          incident: { occurredAt: '2023-09-15T12:00:00-05:00' },
          reason: 'Wrong date.',
        }),
        422,
        'incident_after_receipt',
      );
      expect(late.errors?.map((e) => e.field)).toEqual(['incident.occurredAt']);
      const facility = expectProblem(
        await correct(intake, log, {
          incident: { facilityCode: 'NOPE' },
          reason: 'Facility.',
        }),
        422,
        'unknown_facility',
      );
      expect(facility.errors?.map((e) => e.field)).toEqual(['incident.facilityCode']);
      // a correction that changes nothing is not recorded as one
      expectProblem(
        await correct(intake, log, { incident: { address: '1234 W Main St' }, reason: 'Same.' }),
        422,
        'nothing_to_correct',
      );
      expectInvalidFields(await correct(intake, log, { channel: 'email' }), ['reason']);
      expectInvalidFields(await correct(intake, log, { reason: 'Nothing given.' }), ['body']);
      expectInvalidFields(await correct(intake, log, { incident: {}, reason: 'Nothing given.' }), [
        'incident',
      ]);
      expectInvalidFields(
        await correct(intake, log, {
          incident: { beat: 'ten', occurredAt: 'yesterday' },
          categories: ['not_a_category'],
          channel: 'pigeon',
          reason: 'x',
        }),
        ['incident.beat', 'incident.occurredAt', 'categories.0', 'channel'],
      );
    });
    await expectBodyParsingRejected(t, intake, 'PATCH', url, {
      channel: 'email',
      reason: 'Came by email.',
    });
    expect(await auditRows(t.db, 'case.facts_corrected', log)).toEqual([]);
  });
});
