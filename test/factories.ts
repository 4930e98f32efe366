import type { CaseIntakeRequest } from '../src/shared/schemas/cases.ts';
import type { MemberRequest } from '../src/shared/schemas/members.ts';
import type { z } from 'zod';
import type { TestApp, TestUser } from './test-app.ts';

/** An intake request with sensible defaults; override any field. */
export function buildIntake(
  overrides: Partial<z.input<typeof CaseIntakeRequest>> = {},
): z.input<typeof CaseIntakeRequest> {
  return {
    caseType: 'complaint',
    channel: 'phone',
    receivedAt: '2023-09-14T15:30:00-05:00',
    narrative: 'The complainant states an officer pushed him to the ground during a traffic stop.',
    categories: ['excessive_force'],
    parties: [
      { role: 'complainant', name: 'Jordan Example', phone: '312-555-0100', language: 'en' },
    ],
    ...overrides,
  };
}

/** Files a case through the API and returns its log number. */
export async function fileCase(
  t: TestApp,
  as: TestUser,
  overrides: Partial<z.input<typeof CaseIntakeRequest>> = {},
): Promise<string> {
  const res = await t.as(as, {
    method: 'POST',
    url: '/api/v1/cases',
    payload: buildIntake(overrides),
  });
  if (res.statusCode !== 201) {
    throw new Error(`intake failed: ${res.statusCode} ${res.body}`);
  }
  return res.json<{ logNumber: string }>().logNumber;
}

let star = 10000;
/** Adds a roster member through the API. */
export async function addMember(
  t: TestApp,
  as: TestUser,
  overrides: Partial<z.input<typeof MemberRequest>> = {},
): Promise<{ id: string; star: string }> {
  const res = await t.as(as, {
    method: 'POST',
    url: '/api/v1/members',
    payload: {
      star: String(++star),
      firstName: 'Alex',
      lastName: `Officer${star}`,
      rank: 'Police Officer',
      unit: '010',
      ...overrides,
    },
  });
  if (res.statusCode !== 201) {
    throw new Error(`member failed: ${res.statusCode} ${res.body}`);
  }
  return res.json();
}

/** Moves a case along a path of stages through the API. */
export async function walk(
  t: TestApp,
  as: TestUser,
  logNumber: string,
  steps: Array<{ to: string; reason?: string }>,
): Promise<void> {
  for (const step of steps) {
    const res = await t.as(as, {
      method: 'POST',
      url: `/api/v1/cases/${logNumber}/transitions`,
      payload: step,
    });
    if (res.statusCode !== 200) {
      throw new Error(`transition to ${step.to} failed: ${res.statusCode} ${res.body}`);
    }
  }
}

/**
 * Approves a concluded case's narrative as the machine proposed it (issue 17 item 5): the only
 * way an app-taken narrative reaches the portal. `as` reviews narratives (public information or
 * a chief administrator).
 */
export async function approveNarrative(t: TestApp, as: TestUser, logNumber: string): Promise<void> {
  const url = `/api/v1/cases/${logNumber}/narrative-review`;
  const opened = await t.as(as, { method: 'GET', url });
  if (opened.statusCode !== 200) {
    throw new Error(`narrative review failed: ${opened.statusCode} ${opened.body}`);
  }
  const { version } = opened.json<{ version: string }>();
  const res = await t.as(as, { method: 'POST', url: `${url}/approve`, payload: { version } });
  if (res.statusCode !== 200) {
    throw new Error(`narrative approval failed: ${res.statusCode} ${res.body}`);
  }
}

/**
 * A published statement (issue 22 item 2, ADR 0046): `author` drafts the English text and its
 * Spanish translation about `logNumbers` (none: office-wide), `reviewer` (another person) reviews
 * both, `author` publishes the pair. Returns both versions' ids.
 */
export async function publishStatement(
  t: TestApp,
  who: { author: TestUser; reviewer: TestUser },
  s: { logNumbers: string[]; en: string; es: string },
): Promise<{ en: string; es: string }> {
  const call = async (as: TestUser, url: string, payload: object, status: number) => {
    const res = await t.as(as, { method: 'POST', url, payload });
    if (res.statusCode !== status) {
      throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    }
    return res.json<{ id: string }>().id;
  };
  const en = await call(
    who.author,
    '/api/v1/statements',
    { language: 'en', text: s.en, logNumbers: s.logNumbers },
    201,
  );
  const es = await call(
    who.author,
    '/api/v1/statements',
    { language: 'es', text: s.es, translationOf: en },
    201,
  );
  for (const id of [en, es]) {
    await call(who.reviewer, `/api/v1/statements/${id}/review`, {}, 200);
  }
  await call(who.author, `/api/v1/statements/${en}/publish`, {}, 200);
  return { en, es };
}
