import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { fileCase, walk } from './factories.ts';

let t: TestApp;
let intake: TestUser;
let chief: TestUser;

beforeAll(async () => {
  t = await testApp();
  intake = await t.user('intake');
  chief = await t.user('chief_administrator');
});
afterAll(async () => t.close());

const deadlines = async (log: string) =>
  (await t.as(chief, { method: 'GET', url: `/api/v1/cases/${log}` })).json().deadlines as Array<{
    id: string;
    kind: string;
    sequence: number;
    dueDate: string;
    metAt: string | null;
  }>;

describe('clocks on a case', () => {
  it('repeats the §2-78-135 notice every six months while the investigation is open', async () => {
    const log = await fileCase(t, intake, { receivedAt: '2023-08-31T12:00:00-05:00' });
    const first = (await deadlines(log)).find((d) => d.kind === 'six_month_notice')!;
    expect(first.sequence).toBe(1);
    expect(first.dueDate).toBe('2024-03-05'); // 6-month mark 2024-02-29 (leap year, month-end clamp) + 5 days
    const res = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/deadlines/${first.id}/complete`,
      payload: { metAt: '2024-03-04T10:00:00-06:00' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().nextDeadlineId).not.toBeNull();
    const notices = (await deadlines(log)).filter((d) => d.kind === 'six_month_notice');
    expect(notices.map((n) => [n.sequence, n.dueDate, n.metAt !== null])).toEqual([
      [1, '2024-03-05', true],
      [2, '2024-09-05', false], // 12-month mark 2024-08-31 + 5
    ]);
    const again = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/deadlines/${first.id}/complete`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it("starts the Superintendent's 60-day clock at department review; +30 at most (MCC 2-78-130)", async () => {
    const log = await fileCase(t, intake);
    await walk(t, chief, log, [
      { to: 'preliminary' },
      { to: 'investigation' },
      { to: 'review' },
      { to: 'department_review' },
    ]);
    const sup = (await deadlines(log)).find((d) => d.kind === 'superintendent_response')!;
    expect(sup).toBeDefined();
    const url = `/api/v1/cases/${log}/deadlines/${sup.id}/extensions`;
    const ok = await t.as(chief, {
      method: 'POST',
      url,
      payload: { days: 30, reason: 'Superintendent requested an extension' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const over = await t.as(chief, {
      method: 'POST',
      url,
      payload: { days: 1, reason: 'One more day' },
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('extension_over_limit');
    const after = (await deadlines(log)).find(
      (d) => d.kind === 'superintendent_response',
    )! as unknown as { extensions: unknown[] };
    expect(after.extensions).toHaveLength(1);
  });

  it('stops the completion clock when the case closes', async () => {
    const log = await fileCase(t, intake);
    await walk(t, chief, log, [{ to: 'closed_no_finding', reason: 'withdrawn' }]);
    const completion = (await deadlines(log)).find((d) => d.kind === 'completion_benchmark')!;
    expect(completion.metAt).not.toBeNull();
  });
});
