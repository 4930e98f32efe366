import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';
import {
  castShelterStory,
  investigate,
  openParallelTrack,
  post,
  shelterIntake,
  type Story,
} from './shelter-story.ts';

/*
 * The shelter case as the public answers about it (issue 22 items 1 and 4): the case through
 * step 5, duty-status entries on its members, roster members that size their units, and the
 * story's names, numbers and places as a leak list no public answer may contain.
 */

/** One disclosed duty-status action as the public answer gives it. */
export interface PublicDuty {
  action: string;
  members: number;
  effectiveDate: string;
  decidedBy: string;
  decidedByEs: string;
}

/** The shelter case through step 5: restricted, two members of unit 010 with allegations. */
export async function shelterCase(t: TestApp): Promise<Story> {
  const staff = await castShelterStory(t);
  const res = await post(t, staff.intake, '/api/v1/cases', shelterIntake());
  expect(res.statusCode, res.body).toBe(201);
  const story: Story = { t, staff, log: res.json<{ logNumber: string }>().logNumber, members: {} };
  await openParallelTrack(story);
  await investigate(story);
  return story;
}

/** A duty-status entry on the member with `star`: recommended by the chief, decided by BIA. */
export async function duty(
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

/** Adds a roster member to a unit: a unit's size is the roster's. Returns the member's id. */
export async function rosterMember(s: Story, star: string, unit: string): Promise<string> {
  const m = await post(s.t, s.staff.copaSup, '/api/v1/members', {
    star,
    firstName: 'Demo',
    lastName: `Roster${star}`,
    rank: 'Police Officer',
    unit,
  });
  expect(m.statusCode, m.body).toBe(201);
  return m.json<{ id: string }>().id;
}

/** Makes the roster member with `star` an accused on the case (so duty status may concern them). */
export async function accuse(s: Story, star: string, id: string): Promise<void> {
  s.members[star] = id;
  const a = await post(s.t, s.staff.copaInv, `/api/v1/cases/${s.log}/allegations`, {
    star,
    category: 'sexual_misconduct',
    summary: 'Alleged failure to intervene',
  });
  expect(a.statusCode, a.body).toBe(201);
}

/** The public case answer, as text and as JSON. */
export async function publicAnswer(
  s: Story,
): Promise<{ body: string; json: Record<string, unknown> }> {
  const res = await s.t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${s.log}` });
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.body, json: res.json() };
}

export { LEAKS, expectNoLeak } from './story-leaks.ts';
