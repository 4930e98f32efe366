import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chicagoProfile } from '../src/server/domain/profiles/chicago.ts';
import { testApp, type TestApp } from './test-app.ts';
import {
  castShelterStory,
  investigate,
  openParallelTrack,
  post,
  shelterIntake,
  type Story,
} from './shelter-story.ts';

/**
 * Issue 22 item 1: a decided duty-status action reaches the public answer of a case — restricted
 * cases too — as the action, how many members, the date and the deciding office, and nothing
 * that narrows who (docs/domain.md "Duty status on the public record").
 */

interface PublicDuty {
  action: string;
  members: number;
  effectiveDate: string;
  decidedBy: string;
  decidedByEs: string;
}

/** The shelter case through step 5: restricted, two members of unit 010 with allegations. */
async function shelterCase(t: TestApp): Promise<Story> {
  const staff = await castShelterStory(t);
  const res = await post(t, staff.intake, '/api/v1/cases', shelterIntake());
  expect(res.statusCode, res.body).toBe(201);
  const story: Story = { t, staff, log: res.json<{ logNumber: string }>().logNumber, members: {} };
  await openParallelTrack(story);
  await investigate(story);
  return story;
}

async function duty(
  s: Story,
  star: string,
  stage: 'recommended' | 'decided',
  effectiveAt: string,
  action = 'relieved_of_police_powers',
): Promise<void> {
  const res = await post(
    s.t,
    stage === 'recommended' ? s.staff.chief : s.staff.biaSup,
    `/api/v1/members/${s.members[star]}/duty-status`,
    {
      action,
      stage,
      logNumber: s.log,
      reason: 'Seriousness of the allegation',
      effectiveAt,
      ...(stage === 'decided' ? { decidedBy: 'Superintendent Larry Snelling' } : {}),
    },
  );
  expect(res.statusCode, res.body).toBe(201);
}

async function publicAnswer(s: Story): Promise<{ body: string; json: Record<string, unknown> }> {
  const res = await s.t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${s.log}` });
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.body, json: res.json() };
}

/** Every name, star, unit and rank of the case's people, and the civilians' details. */
const LEAKS: Array<string | RegExp> = [
  'Kowalczyk',
  'Whitfield',
  'Roster',
  'Demo',
  '10231',
  '11872',
  '12990',
  /"0[12]0"/,
  'Police Officer',
  'Sergeant',
  'Larry',
  'Snelling',
  'Volunteer Vee',
  '312-555-0142',
  'Lobby Volunteers',
  'Seriousness',
];

function expectNoLeak(body: string): void {
  for (const leak of LEAKS) {
    if (typeof leak === 'string') {
      expect(body, String(leak)).not.toContain(leak);
    } else {
      expect(body, String(leak)).not.toMatch(leak);
    }
  }
}

describe('public duty status (Chicago profile)', () => {
  let t: TestApp;
  let s: Story;
  /** Adds a roster member (not on the case) to a unit: the unit's size is the roster's. */
  async function rosterMember(star: string, unit: string): Promise<string> {
    const m = await post(t, s.staff.copaSup, '/api/v1/members', {
      star,
      firstName: 'Demo',
      lastName: `Roster${star}`,
      rank: 'Police Officer',
      unit,
    });
    expect(m.statusCode, m.body).toBe(201);
    return m.json<{ id: string }>().id;
  }

  beforeAll(async () => {
    t = await testApp();
    s = await shelterCase(t);
    // unit 010 as large as N on the roster: the two accused and three more
    for (const star of ['20001', '20002', '20003']) {
      await rosterMember(star, '010');
    }
    // a third accused member, in unit 020, which has N−1 members on the roster
    s.members['12990'] = await rosterMember('12990', '020');
    for (const star of ['20011', '20012', '20013']) {
      await rosterMember(star, '020');
    }
    const a = await post(t, s.staff.copaInv, `/api/v1/cases/${s.log}/allegations`, {
      star: '12990',
      category: 'sexual_misconduct',
      summary: 'Alleged failure to intervene',
    });
    expect(a.statusCode, a.body).toBe(201);
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
