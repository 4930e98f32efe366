import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import { testApp, type TestApp } from './test-app.ts';
import type { Story } from './shelter-story.ts';
import {
  accuse,
  duty,
  expectNoLeak,
  publicAnswer,
  rosterMember as addRosterMember,
  shelterCase,
  type PublicDuty,
} from './public-duty-kit.ts';

/**
 * Issue 22 item 1: a decided duty-status action reaches the public answer of a case — restricted
 * cases too — as the action, how many members, the date and the deciding office, and nothing
 * that narrows who (docs/domain.md "Duty status on the public record").
 */

describe('public duty status (Chicago profile)', () => {
  let t: TestApp;
  let s: Story;
  /** Adds a roster member (not on the case) to a unit: the unit's size is the roster's. */
  const rosterMember = (star: string, unit: string): Promise<string> =>
    addRosterMember(s, star, unit);

  beforeAll(async () => {
    t = await testApp();
    s = await shelterCase(t);
    // unit 010 as large as N on the roster: the two accused and three more
    for (const star of ['20001', '20002', '20003']) {
      await rosterMember(star, '010');
    }
    // a third accused member, in unit 020, which has N−1 members on the roster
    const third = await rosterMember('12990', '020');
    for (const star of ['20011', '20012', '20013']) {
      await rosterMember(star, '020');
    }
    await accuse(s, '12990', third);
  });
  afterAll(async () => t.close());

  it('shows nothing for a recommended action that is not decided', async () => {
    await duty(s, '10231', 'recommended', '2023-09-27T12:00:00-05:00');
    const { json, body } = await publicAnswer(s);
    expect(json.visibility).toBe('category_and_status');
    expect(json.dutyStatus ?? []).toEqual([]);
    expectNoLeak(body);
  });

  it('shows a decided relief of police powers on the restricted case: action, count, date, office', async () => {
    await duty(s, '10231', 'decided', '2023-09-28T09:00:00-05:00');
    const { json, body } = await publicAnswer(s);
    expect(json.visibility).toBe('category_and_status');
    expect(json.dutyStatus).toEqual([
      {
        action: 'relieved_of_police_powers',
        members: 1,
        effectiveDate: '2023-09-28',
        decidedBy: 'the Superintendent of Police',
        decidedByEs: 'el Superintendente de Policía',
      },
    ] satisfies PublicDuty[]);
    expectNoLeak(body);
  });

  it('counts members decided together on one date as one action', async () => {
    await duty(s, '11872', 'decided', '2023-09-29T09:00:00-05:00', 'administrative_duty');
    await duty(s, '10231', 'decided', '2023-09-29T10:00:00-05:00', 'administrative_duty');
    const { json, body } = await publicAnswer(s);
    expect((json.dutyStatus as PublicDuty[]).map((d) => [d.action, d.members])).toEqual([
      ['relieved_of_police_powers', 1],
      ['administrative_duty', 2],
    ]);
    expectNoLeak(body);
  });

  it('withholds an action on a single member whose unit has fewer than N members on the roster (N−1, N)', async () => {
    expect(chicagoProfile.dutyStatusDisclosure?.minUnitMembers).toBe(5);
    // unit 020 has N−1 members on the roster: the action on its one member is withheld
    await duty(s, '12990', 'decided', '2023-10-02T09:00:00-05:00');
    const before = await publicAnswer(s);
    expect((before.json.dutyStatus as PublicDuty[]).map((d) => d.effectiveDate)).toEqual([
      '2023-09-28',
      '2023-09-29',
    ]);
    expectNoLeak(before.body);
    // an Nth member joins unit 020 on the roster: the action no longer narrows to one person
    await rosterMember('20014', '020');
    const after = await publicAnswer(s);
    expect(
      (after.json.dutyStatus as PublicDuty[]).map((d) => [d.effectiveDate, d.members]),
    ).toEqual([
      ['2023-09-28', 1],
      ['2023-09-29', 2],
      ['2023-10-02', 1],
    ]);
    expectNoLeak(after.body);
  });
});

describe('public duty status (a profile that discloses nothing)', () => {
  let t: TestApp;
  let s: Story;
  beforeAll(async () => {
    t = await testApp({
      profile: {
        ...chicagoProfile,
        dutyStatusDisclosure: { ...chicagoProfile.dutyStatusDisclosure, actions: [] },
      },
    });
    s = await shelterCase(t);
  });
  afterAll(async () => t.close());

  it('shows no duty-status action, even decided', async () => {
    await duty(s, '10231', 'decided', '2023-09-28T09:00:00-05:00');
    await duty(s, '11872', 'decided', '2023-09-28T09:00:00-05:00');
    const { json, body } = await publicAnswer(s);
    expect(json.dutyStatus ?? []).toEqual([]);
    expectNoLeak(body);
  });
});
