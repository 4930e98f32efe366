import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { fileCase, walk } from './factories.ts';

/*
 * Issue 15 defect 6: the public sustained rate is computed from the true counts and then shown or
 * withheld by the small-cell rule; it never shows 0 % while sustained allegations exist.
 *
 * One concluded 2023 COPA case with 12 allegations decided on the merits: 3 sustained excessive
 * force and 3 sustained verbal abuse (two grid cells of 3, both suppressed at the threshold of 5)
 * and 6 not-sustained excessive force (a published cell). True overall rate: 6 / 12 = 50 %.
 */

interface Rate {
  key: string;
  rate: number | null;
  rateBound: 'below' | 'above' | null;
  rateWithheld: 'none_decided' | 'small_count' | null;
  sustained: number | null;
  decided: number | null;
  partial: boolean;
}
interface StatsBody {
  threshold: number;
  sustainedRate: { overall: Rate; byCategory: Rate[] };
}

let t: TestApp;
let chief: TestUser;

beforeAll(async () => {
  t = await testApp({ now: () => new Date('2024-02-01T15:00:00Z') });
  chief = await t.user('chief_administrator', 'COPA');
  const log = await fileCase(t, chief, {
    receivedAt: '2023-05-01T10:00:00-05:00',
    categories: ['excessive_force', 'verbal_abuse'],
  });
  await walk(t, chief, log, [
    { to: 'preliminary' },
    { to: 'investigation' },
    { to: 'review' },
    { to: 'department_review' },
    { to: 'final' },
  ]);
  const decide = async (category: string, finding: string): Promise<void> => {
    const a = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/allegations`,
      payload: { unknownMember: true, category, summary: 'An allegation.' },
    });
    expect(a.statusCode, a.body).toBe(201);
    const f = await t.as(chief, {
      method: 'PATCH',
      url: `/api/v1/cases/${log}/allegations/${a.json<{ id: string }>().id}`,
      payload: { recommendedFinding: finding, finalFinding: finding },
    });
    expect(f.statusCode, f.body).toBe(200);
  };
  for (let i = 0; i < 3; i++) {
    await decide('excessive_force', 'sustained');
    await decide('verbal_abuse', 'sustained');
  }
  for (let i = 0; i < 6; i++) {
    await decide('excessive_force', 'not_sustained');
  }
});
afterAll(async () => t.close());

describe('public sustained rate', () => {
  it('is the true rate, not 0 %, when every sustained cell is suppressed', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/v1/stats' });
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json<StatsBody>();
    expect(stats.threshold).toBe(5);
    expect(stats.sustainedRate.overall).toEqual({
      key: 'all',
      rate: 0.5,
      rateBound: null,
      rateWithheld: null,
      // the counts beside it stay sums of published cells: none of the sustained cells is
      sustained: null,
      decided: 6,
      partial: true,
    });
  });

  it('withholds a category rate that a count under the threshold stands behind', async () => {
    const stats = (
      await t.app.inject({ method: 'GET', url: '/api/public/v1/stats' })
    ).json<StatsBody>();
    const byKey = new Map(stats.sustainedRate.byCategory.map((r) => [r.key, r]));
    // 3 sustained of 9: 33 % would let a reader of "6 not sustained" recompute the hidden 3
    expect(byKey.get('excessive_force')).toMatchObject({
      rate: null,
      rateWithheld: 'small_count',
      sustained: null,
      decided: 6,
    });
    expect(byKey.get('verbal_abuse')).toMatchObject({
      rate: null,
      rateWithheld: 'small_count',
      sustained: null,
      decided: null,
    });
    for (const r of [stats.sustainedRate.overall, ...stats.sustainedRate.byCategory]) {
      expect(r.rate, `${r.key}: a 0 % rate while sustained allegations exist`).not.toBe(0);
    }
  });
});
