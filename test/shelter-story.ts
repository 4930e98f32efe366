import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp, TestUser } from './test-app.ts';

/**
 * The driver of PRODUCT.md §1 (the 2023 shelter case) through the real app: the cast and the
 * main path of each step, each asserting only that the app accepted it. `story.int.test.ts`
 * checks every step's content and refusals around these calls; `logs.int.test.ts` drives the
 * same steps and scans the log.
 */
export type Staff = Record<
  'intake' | 'copaInv' | 'copaSup' | 'chief' | 'pio' | 'biaSup' | 'biaInv' | 'auditor' | 'admin',
  TestUser
>;

/** One run of the story: the app, the staff, the case and the members it identified. */
export interface Story {
  t: TestApp;
  staff: Staff;
  log: string;
  /** Member ids by star. */
  members: Record<string, string>;
}

export const post = (
  t: TestApp,
  who: TestUser,
  url: string,
  payload: unknown,
): Promise<LightMyRequestResponse> =>
  t.as(who, { method: 'POST', url, payload: payload as object });

export const get = (t: TestApp, who: TestUser, url: string): Promise<LightMyRequestResponse> =>
  t.as(who, { method: 'GET', url });

function accepted(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

/** The staff of both agencies and the auditor, and the 10th District station as a shelter site. */
export async function castShelterStory(t: TestApp): Promise<Staff> {
  const staff: Staff = {
    intake: await t.user('intake', 'COPA'),
    copaInv: await t.user('investigator', 'COPA'),
    copaSup: await t.user('supervisor', 'COPA'),
    chief: await t.user('chief_administrator', 'COPA'),
    pio: await t.user('public_information', 'COPA'),
    biaSup: await t.user('supervisor', 'BIA'),
    biaInv: await t.user('investigator', 'BIA'),
    auditor: await t.user('auditor', 'OIG'),
    admin: await t.user('admin', 'COPA'),
  };
  accepted(
    await post(t, staff.admin, '/api/v1/facilities', {
      code: 'D010',
      name: '10th District (Ogden)',
      kind: 'district_station',
      district: '010',
      address: '3315 W Ogden Ave',
    }),
    201,
  );
  accepted(
    await post(t, staff.copaSup, '/api/v1/facilities/D010/shelter-periods', {
      startsOn: '2023-05-01',
      endsOn: '2023-11-15',
      note: 'Lobby used as a temporary shelter site',
    }),
    201,
  );
  return staff;
}

/**
 * 1. What intake registers: third-party information from a shelter volunteer about a Spanish-
 * speaking woman sheltering in the 10th District lobby (anonymous, maybe a minor, no letters to
 * the shelter). `volunteer` adds an email and a postal address for the volunteer (the letters
 * tests write to her on the woman's behalf, as her consent allows).
 */
export function shelterIntake(volunteer: { email?: string; address?: string } = {}): object {
  return {
    caseType: 'miscellaneous',
    channel: 'intermediary',
    receivedAt: '2023-09-18T10:12:00-05:00',
    narrative:
      'A shelter volunteer reports that officers had sexual contact with a woman living in the 10th District station lobby. She may be a minor and speaks Spanish.',
    incident: { district: '010', facilityCode: 'D010' },
    categories: ['sexual_misconduct'],
    officersUnknown: true,
    parties: [
      {
        role: 'victim',
        anonymous: true,
        language: 'es',
        vulnerabilities: ['shelter_resident', 'minor'],
        contactSafety: { lettersToShelter: false },
      },
      {
        role: 'intermediary',
        name: 'Volunteer Vee',
        phone: '312-555-0142',
        organization: 'Lobby Volunteers',
        consentScope: 'report and relay contact',
        ...volunteer,
      },
    ],
  };
}

/** 4. BIA opens a parallel criminal track; each agency assigns its investigator. */
export async function openParallelTrack(s: Story): Promise<LightMyRequestResponse> {
  const res = accepted(
    await post(s.t, s.staff.copaSup, `/api/v1/cases/${s.log}/agencies`, {
      agency: 'BIA',
      track: 'criminal',
      role: 'parallel',
    }),
    201,
  );
  accepted(
    await post(s.t, s.staff.biaSup, `/api/v1/cases/${s.log}/assignments`, {
      email: s.staff.biaInv.email,
      role: 'investigator',
    }),
    201,
  );
  accepted(
    await post(s.t, s.staff.copaSup, `/api/v1/cases/${s.log}/assignments`, {
      email: s.staff.copaInv.email,
      role: 'lead_investigator',
    }),
    201,
  );
  return res;
}

/** 5. Into investigation; two shelter canvasses; two officers identified, one allegation each. */
export async function investigate(s: Story): Promise<void> {
  for (const to of ['preliminary', 'investigation']) {
    accepted(await post(s.t, s.staff.copaSup, `/api/v1/cases/${s.log}/transitions`, { to }), 200);
  }
  for (const [occurredAt, place] of [
    ['2023-09-20T14:00:00-05:00', '10th District station lobby'],
    ['2023-09-22T11:00:00-05:00', 'Near West Side shelter'],
  ]) {
    accepted(
      await post(s.t, s.staff.copaInv, `/api/v1/cases/${s.log}/activities`, {
        kind: 'canvass',
        occurredAt,
        place,
        outcome: 'No one identified the woman',
        summary: 'Shelter canvass',
      }),
      201,
    );
  }
  for (const [star, lastName] of [
    ['10231', 'Kowalczyk'],
    ['11872', 'Whitfield'],
  ] as const) {
    const m = accepted(
      await post(s.t, s.staff.copaSup, '/api/v1/members', {
        star,
        firstName: 'Demo',
        lastName,
        rank: 'Police Officer',
        unit: '010',
      }),
      201,
    );
    s.members[star] = m.json<{ id: string }>().id;
    accepted(
      await post(s.t, s.staff.copaInv, `/api/v1/cases/${s.log}/allegations`, {
        star,
        category: 'sexual_misconduct',
        summary: 'Alleged sexual contact with a person sheltering in the lobby',
      }),
      201,
    );
  }
}

/** 6. The chief recommends relief of police powers; a BIA supervisor records the decision. */
export async function relieveOfPowers(
  s: Story,
  star = '10231',
): Promise<{ recommendation: LightMyRequestResponse; decision: LightMyRequestResponse }> {
  const id = s.members[star]!;
  const recommendation = accepted(
    await post(s.t, s.staff.chief, `/api/v1/members/${id}/duty-status`, {
      action: 'relieved_of_police_powers',
      stage: 'recommended',
      logNumber: s.log,
      reason: 'Seriousness of the allegation',
      effectiveAt: '2023-09-27T12:00:00-05:00',
    }),
    201,
  );
  const decision = accepted(
    await post(s.t, s.staff.biaSup, `/api/v1/members/${id}/duty-status`, {
      action: 'relieved_of_police_powers',
      stage: 'decided',
      logNumber: s.log,
      recommendationId: recommendation.json<{ id: string }>().id,
      decidedBy: 'Superintendent of Police',
      reason: 'Relieved pending the investigations',
      effectiveAt: '2023-09-28T09:00:00-05:00',
      badgeSurrendered: true,
      weaponSurrendered: true,
    }),
    201,
  );
  return { recommendation, decision };
}

/** 7a. Public information drafts the statement in English and Spanish and logs the inquiry. */
export async function draftStatements(
  s: Story,
): Promise<{ en: string; es: string; inquiry: string }> {
  const en = accepted(
    await post(s.t, s.staff.pio, `/api/v1/cases/${s.log}/statements`, {
      language: 'en',
      text: 'The allegations are under investigation by BIA and COPA.',
    }),
    201,
  );
  const es = accepted(
    await post(s.t, s.staff.pio, `/api/v1/cases/${s.log}/statements`, {
      language: 'es',
      text: 'Las denuncias están siendo investigadas por BIA y COPA.',
      translationOf: en.json<{ id: string }>().id,
    }),
    201,
  );
  const inquiry = accepted(
    await post(s.t, s.staff.pio, `/api/v1/cases/${s.log}/press-inquiries`, {
      outlet: 'Example Tribune',
      question: 'Were any officers’ powers revoked?',
      receivedAt: '2023-09-29T10:00:00-05:00',
    }),
    201,
  );
  return {
    en: en.json<{ id: string }>().id,
    es: es.json<{ id: string }>().id,
    inquiry: inquiry.json<{ id: string }>().id,
  };
}

/**
 * 7b. The chief reviews both versions (a second person, not their author); public information
 * publishes the pair together; the inquiry is answered with the English one.
 */
export async function publishAndAnswer(
  s: Story,
  ids: { en: string; es: string; inquiry: string },
): Promise<LightMyRequestResponse> {
  for (const id of [ids.en, ids.es]) {
    accepted(await post(s.t, s.staff.chief, `/api/v1/statements/${id}/review`, {}), 200);
  }
  const published = accepted(
    await post(s.t, s.staff.pio, `/api/v1/statements/${ids.en}/publish`, {}),
    200,
  );
  accepted(
    await post(s.t, s.staff.pio, `/api/v1/press-inquiries/${ids.inquiry}/answer`, {
      statementId: ids.en,
    }),
    200,
  );
  return published;
}

/** 9a. COPA closes with no finding: no victim or witness came forward. */
export async function closeNoFinding(s: Story): Promise<LightMyRequestResponse> {
  return accepted(
    await post(s.t, s.staff.chief, `/api/v1/cases/${s.log}/transitions`, {
      to: 'closed_no_finding',
      reason: 'no_victim_or_witness_identified',
    }),
    200,
  );
}

/** 9b. New material evidence: the chief administrator reopens the case. */
export async function reopen(s: Story): Promise<LightMyRequestResponse> {
  return accepted(
    await post(s.t, s.staff.chief, `/api/v1/cases/${s.log}/transitions`, {
      to: 'investigation',
      reason: 'new_material_evidence',
      note: 'A witness came forward',
    }),
    200,
  );
}
