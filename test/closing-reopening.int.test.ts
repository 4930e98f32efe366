import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/server/importers/csv-parse.ts';
import { caseStats } from '../src/server/repositories/stats.repository.ts';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';
import { buildIntake, walk } from './factories.ts';
import { auditRows } from './http.ts';

/*
 * Issue 15 defects 3 and 4: closing a case in the app sets its closing date (Chicago-local),
 * reopening clears it and starts the investigation clocks afresh from the reopening date, and
 * closing again sets the date again and stops the new clocks. Every step shows in the audit.
 */

interface Deadline {
  id: string;
  kind: string;
  sequence: number;
  dueDate: string;
  anchor: { kind: string; date: string };
  basis: string;
  metAt: string | null;
}

let clock = new Date('2023-06-01T15:00:00Z');
let t: TestApp;
let chief: TestUser;
let biaChief: TestUser;

beforeAll(async () => {
  t = await testApp({ now: () => clock, publicPortal: { suppressionThreshold: 1 } });
  chief = await t.user(['intake', 'chief_administrator'], 'COPA');
  biaChief = await t.user(['intake', 'chief_administrator'], 'BIA');
});
afterAll(async () => t.close());

async function file(who: TestUser, overrides: Parameters<typeof buildIntake>[0] = {}) {
  const res = await t.as(who, {
    method: 'POST',
    url: '/api/v1/cases',
    payload: buildIntake(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ logNumber: string }>().logNumber;
}

const staffCase = async (who: TestUser, log: string) => {
  const res = await t.as(who, { method: 'GET', url: `/api/v1/cases/${log}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ status: string; closedOn: string | null; deadlines: Deadline[] }>();
};
const publicCase = async (log: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${log}` })).json<{
    closedOn?: string | null;
  }>();
const csvClosedOn = async (log: string) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/public/v1/export.csv' });
  expect(res.statusCode).toBe(200);
  const [header, ...rows] = parseCsv(res.body).map((r) => r.fields);
  const col = header!.indexOf('closed_on');
  const row = rows.find((r) => r[0] === 'case' && r.includes(log));
  expect(row, `export row of ${log}`).toBeDefined();
  return row![col];
};
const publicDaysToClose = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/public/v1/stats' })).json<{
    daysToClose: Array<{ key: string; count: number | null }>;
  }>().daysToClose;
const transitionAudit = async (log: string) =>
  (await auditRows(t.db, 'case.transitioned', log)).map((a) => a.changes);

describe('closing and reopening a case (issue 15 defects 3 and 4)', () => {
  it('sets closed_on at each closing in Chicago time, clears it on reopening, and restarts the investigation clocks', async () => {
    const log = await file(chief, { receivedAt: '2023-05-30T10:00:00-05:00' });
    await walk(t, chief, log, [{ to: 'preliminary' }, { to: 'investigation' }]);
    expect((await staffCase(chief, log)).closedOn).toBeNull();

    // 23:30 on New Year's Eve in Chicago is already 05:30 on Jan 1 in UTC: the closing date is
    // the Chicago date, Dec 31
    clock = new Date('2023-12-31T23:30:00-06:00');
    await walk(t, chief, log, [
      { to: 'closed_no_finding', reason: 'no_victim_or_witness_identified' },
    ]);
    const closed = await staffCase(chief, log);
    expect(closed.closedOn).toBe('2023-12-31');
    expect(closed.deadlines.filter((d) => !d.metAt).map((d) => d.kind)).not.toContain(
      'completion_benchmark',
    );
    expect((await publicCase(log)).closedOn).toBe('2023-12-31');
    expect(await csvClosedOn(log)).toBe('2023-12-31');
    // `oversight stats` (caseStats) counts the days from receipt (May 30) to closing (Dec 31)
    const stats = await caseStats(t.db, TEST_JURISDICTION, clock, 'America/Chicago');
    expect(stats.daysToClosure).toEqual({ cases: 1, median: 215, p90: 215 });
    expect(await publicDaysToClose()).toContainEqual(
      expect.objectContaining({ key: '181-365', count: 1 }),
    );

    // reopened on new material evidence: no closing date, fresh clocks from the reopening
    clock = new Date('2024-02-10T16:00:00Z');
    await walk(t, chief, log, [{ to: 'investigation', reason: 'new_material_evidence' }]);
    const reopened = await staffCase(chief, log);
    expect(reopened.status).toBe('investigation');
    expect(reopened.closedOn).toBeNull();
    const open = reopened.deadlines.filter((d) => !d.metAt);
    const benchmark = open.find((d) => d.kind === 'completion_benchmark');
    expect(benchmark).toMatchObject({
      dueDate: '2024-08-08', // 180 calendar days from 2024-02-10
      anchor: { kind: 'reopened', date: '2024-02-10' },
    });
    expect(benchmark!.basis).toContain('from the reopening on 2024-02-10');
    const notice = open.find((d) => d.kind === 'six_month_notice');
    expect(notice).toMatchObject({
      dueDate: '2024-08-15', // 6-month mark 2024-08-10 + 5 days (MCC 2-78-135)
      anchor: { kind: 'reopened', date: '2024-02-10' },
    });
    expect(notice!.basis).toContain('counted from the reopening on 2024-02-10');
    // the acknowledgement letter and the video release do not start again
    expect(
      reopened.deadlines
        .filter((d) => d.anchor.kind === 'reopened')
        .map((d) => d.kind)
        .sort(),
    ).toEqual(['completion_benchmark', 'six_month_notice']);
    expect((await publicCase(log)).closedOn).toBeNull();
    expect(await csvClosedOn(log)).toBe('');
    expect(
      (await caseStats(t.db, TEST_JURISDICTION, clock, 'America/Chicago')).daysToClosure,
    ).toEqual({ cases: 0, median: null, p90: null });

    // the reopened notice repeats six months after the reopening, not after receipt
    clock = new Date('2024-08-12T15:00:00Z');
    const done = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/deadlines/${notice!.id}/complete`,
      payload: {},
    });
    expect(done.statusCode, done.body).toBe(200);
    const next = (await staffCase(chief, log)).deadlines.find(
      (d) => d.kind === 'six_month_notice' && !d.metAt,
    );
    expect(next).toMatchObject({
      dueDate: '2025-02-15', // 12-month mark 2025-02-10 + 5 days
      anchor: { kind: 'reopened', date: '2024-02-10' },
    });
    expect(next!.basis).toContain('1st update');

    // closed again, this time with a final decision
    clock = new Date('2024-09-03T14:00:00Z');
    await walk(t, chief, log, [{ to: 'review' }, { to: 'department_review' }, { to: 'final' }]);
    const final = await staffCase(chief, log);
    expect(final.closedOn).toBe('2024-09-03');
    for (const d of final.deadlines.filter((x) =>
      ['completion_benchmark', 'six_month_notice'].includes(x.kind),
    )) {
      expect(d.metAt, `${d.kind} #${d.sequence}`).not.toBeNull();
    }
    expect((await publicCase(log)).closedOn).toBe('2024-09-03');
    expect(await csvClosedOn(log)).toBe('2024-09-03');

    const audit = await transitionAudit(log);
    expect(audit).toEqual([
      { status: { from: 'intake', to: 'preliminary' } },
      { status: { from: 'preliminary', to: 'investigation' } },
      {
        status: { from: 'investigation', to: 'closed_no_finding' },
        closedOn: { from: null, to: '2023-12-31' },
      },
      {
        status: { from: 'closed_no_finding', to: 'investigation' },
        closedOn: { from: '2023-12-31', to: null },
      },
      { status: { from: 'investigation', to: 'review' } },
      { status: { from: 'review', to: 'department_review' } },
      {
        status: { from: 'department_review', to: 'final' },
        closedOn: { from: null, to: '2024-09-03' },
      },
    ]);
  });

  it('counts a notice run from the latest reopening, even after a second reopening the same day', async () => {
    clock = new Date('2024-05-06T14:00:00Z');
    const log = await file(chief, { receivedAt: '2024-05-01T10:00:00-05:00' });
    for (const step of [
      { to: 'preliminary' },
      { to: 'investigation' },
      { to: 'closed_no_finding', reason: 'withdrawn' },
      { to: 'investigation', reason: 'new_material_evidence' },
      { to: 'closed_no_finding', reason: 'duplicate' },
      { to: 'investigation', reason: 'new_material_evidence' },
    ]) {
      clock = new Date(clock.getTime() + 60_000);
      await walk(t, chief, log, [step]);
    }
    const notices = (await staffCase(chief, log)).deadlines.filter(
      (d) => d.kind === 'six_month_notice',
    );
    expect(notices.map((d) => [d.sequence, d.anchor.kind, d.dueDate, d.metAt !== null])).toEqual([
      [1, 'received', '2024-11-06', true],
      [2, 'reopened', '2024-11-11', true],
      [3, 'reopened', '2024-11-11', false],
    ]);
    clock = new Date('2024-11-08T15:00:00Z');
    const done = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/deadlines/${notices[2]!.id}/complete`,
      payload: {},
    });
    expect(done.statusCode, done.body).toBe(200);
    const next = (await staffCase(chief, log)).deadlines.find(
      (d) => d.kind === 'six_month_notice' && !d.metAt,
    );
    // the 12-month mark of the second run, not the 18-month mark
    expect(next).toMatchObject({ sequence: 4, dueDate: '2025-05-11' });
  });

  it('gives a reopened BIA case the completion benchmark but not the six-month notice (MCC 2-78-135 is COPA’s)', async () => {
    clock = new Date('2024-03-01T15:00:00Z');
    const log = await file(biaChief, {
      receivedAt: '2024-02-20T10:00:00-06:00',
      categories: ['operational_violation'],
    });
    await walk(t, biaChief, log, [
      { to: 'preliminary' },
      { to: 'investigation' },
      { to: 'closed_referred', reason: 'referred_to_other_agency' },
    ]);
    expect((await staffCase(biaChief, log)).closedOn).toBe('2024-03-01');
    clock = new Date('2024-04-02T15:00:00Z');
    await walk(t, biaChief, log, [{ to: 'investigation', reason: 'new_material_evidence' }]);
    const reopened = await staffCase(biaChief, log);
    expect(reopened.closedOn).toBeNull();
    expect(
      reopened.deadlines
        .filter((d) => !d.metAt && d.anchor.kind === 'reopened')
        .map((d) => [d.kind, d.dueDate]),
    ).toEqual([['completion_benchmark', '2024-09-29']]);
  });
});
