/**
 * TOTP second factor and revocable, rotating sessions (issue 6 Deliver 1, ADR 0015): enrolment at
 * the first sign-in, the code step, wrong and replayed codes, lockout, challenge expiry, CLI
 * provisioning, bearer tokens untouched; session rotation, listing and revocation by the user and
 * by an administrator, effective on the next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { testApp, type TestApp } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';
import { auditRows, expectProblem } from './http.ts';
import { Authenticator, signInWithCode, type SignedIn } from './authenticator.ts';
import { addUser } from '../src/server/commands/users.ts';
import { provisionTotp } from '../src/server/commands/second-factor.ts';
import { revokeAllSessionsOfUser } from '../src/server/commands/sessions.ts';
import { hashToken } from '../src/server/security/credentials.ts';
import { totpSecretContext } from '../src/server/security/totp.ts';
import {
  requiresSecondFactor,
  SECOND_FACTOR_ROLES,
} from '../src/server/policies/authentication.ts';
import { ROLES, type Role } from '../src/shared/enums.ts';

const PASSWORD = 'correct horse battery staple';
let clock = new Date('2026-03-02T15:00:00Z');
const advance = (ms: number): void => {
  clock = new Date(clock.getTime() + ms);
};
let t: TestApp;
let n = 0;
const sys = () => ({ db: t.db, now: () => clock, jurisdiction: TEST_JURISDICTION });

async function newUser(role: Role = 'investigator'): Promise<{ id: string; email: string }> {
  return addUser(sys(), {
    email: `totp-${++n}@copa.example`,
    agency: 'COPA',
    roles: [role],
    password: PASSWORD,
  });
}

const passwordStep = (email: string, cookie?: string): Promise<LightMyRequestResponse> =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email, password: PASSWORD },
    ...(cookie ? { cookies: { ovs_session: cookie } } : {}),
  });
const codeStep = (challenge: string, code: string): Promise<LightMyRequestResponse> =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/session/second-factor',
    payload: { challenge, code },
  });
const codeAt = (secret: string, at: Date): string =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
/** A six-digit code that is certainly not valid now (differs from the three accepted ones). */
function wrongCode(secret: string): string {
  const valid = new Set(
    [-30_000, 0, 30_000].map((d) => codeAt(secret, new Date(clock.getTime() + d))),
  );
  for (let i = 0; ; i++) {
    const c = String(i).padStart(6, '0');
    if (!valid.has(c)) {
      return c;
    }
  }
}
const withCookie = (
  s: SignedIn,
  method: 'GET' | 'DELETE' | 'POST',
  url: string,
  csrf = true,
): Promise<LightMyRequestResponse> =>
  t.app.inject({
    method,
    url,
    cookies: { ovs_session: s.cookie },
    headers: csrf ? { 'x-csrf-token': s.csrf } : {},
  });
const failureReasons = async (userId: string): Promise<string[]> =>
  (await auditRows(t.db, 'session.sign_in_failed'))
    .filter((r) => r.entity_id === userId)
    .map((r) => r.reason ?? '');

beforeAll(async () => {
  t = await testApp({ now: () => clock, signInRateLimit: { max: 10_000, windowMs: 60_000 } });
});
afterAll(() => t.close());

describe('which roles need the second factor (policies/authentication.ts)', () => {
  it('every staff role', () => {
    expect([...SECOND_FACTOR_ROLES].sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      expect(requiresSecondFactor([role])).toBe(true);
    }
  });
});

describe('first sign-in: enrolment', () => {
  it('answers the right password with the enrolment step: a secret, its URI, a challenge, no cookie', async () => {
    const u = await newUser();
    const res = await passwordStep(u.email);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    const body = res.json<{
      step: string;
      challenge: string;
      secret: string;
      otpauthUri: string;
      expiresAt: string;
    }>();
    expect(body.step).toBe('enrolment');
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUri).toContain(`secret=${body.secret}`);
    expect(body.otpauthUri).toContain(encodeURIComponent(u.email));
    expect(body.challenge).toMatch(/^ovsc_[A-Za-z0-9_-]{43}$/);
    expect(body.expiresAt).toBe(new Date(clock.getTime() + 5 * 60_000).toISOString());
    // nothing is enrolled yet, no session exists, and only the challenge's hash is stored
    const [user] = await t.db.query<{ totp_secret_enc: string | null }>(
      `SELECT totp_secret_enc FROM users WHERE id = $1`,
      [u.id],
    );
    expect(user!.totp_secret_enc).toBeNull();
    expect(await t.db.query(`SELECT 1 FROM sessions WHERE user_id = $1`, [u.id])).toHaveLength(0);
    const challenges = await t.db.query<Record<string, unknown>>(
      `SELECT * FROM sign_in_challenges WHERE user_id = $1`,
      [u.id],
    );
    expect(challenges).toHaveLength(1);
    expect(challenges[0]!.token_hash).toBe(hashToken(body.challenge));
    expect(JSON.stringify(challenges)).not.toContain(body.challenge);
    expect(JSON.stringify(challenges)).not.toContain(body.secret);

    // a wrong code does not enrol
    expectProblem(await codeStep(body.challenge, wrongCode(body.secret)), 401, 'unauthenticated');
    // the right code enrols and signs in
    const ok = await codeStep(body.challenge, codeAt(body.secret, clock));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(String(ok.headers['set-cookie'])).toMatch(/ovs_session=ovss_/);
    expect(ok.json<{ user: { id: string } }>().user.id).toBe(u.id);
    const [after] = await t.db.query<{ totp_secret_enc: string; totp_enrolled_at: Date }>(
      `SELECT totp_secret_enc, totp_enrolled_at FROM users WHERE id = $1`,
      [u.id],
    );
    // stored encrypted with the field cipher, bound to this user row
    expect(after!.totp_secret_enc).toMatch(/^v1\./);
    expect(after!.totp_secret_enc).not.toContain(body.secret);
    expect(t.cipher.decrypt(after!.totp_secret_enc, totpSecretContext(u.id))).toBe(body.secret);
    expect(new Date(after!.totp_enrolled_at).toISOString()).toBe(clock.toISOString());
    const enrolled = await auditRows(t.db, 'user.totp_enrolled', u.id);
    expect(enrolled).toHaveLength(1);
    expect(enrolled[0]!.actor_id).toBe(u.id);
    expect(JSON.stringify(enrolled)).not.toContain(body.secret);
    // the challenge is one-time
    expectProblem(
      await codeStep(body.challenge, codeAt(body.secret, new Date(clock.getTime() + 30_000))),
      401,
    );
    // the secret and the code never reach the log
    const log = t.logs.join('');
    expect(log).not.toContain(body.secret);
    expect(log).not.toContain(body.challenge);
  });

  it('the next sign-in asks for a code only (no new secret)', async () => {
    const u = await newUser('auditor');
    const phone = new Authenticator(() => clock, advance);
    await signInWithCode(t.app, phone, u.email, PASSWORD);
    const second = await passwordStep(u.email);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({
      step: 'second_factor',
      challenge: expect.stringMatching(/^ovsc_/),
      expiresAt: expect.any(String),
    });
    expect(second.headers['set-cookie']).toBeUndefined();
  });
});

describe('the code step', () => {
  it('signs in with the right code; a replayed code is refused and counted', async () => {
    const u = await newUser();
    const phone = new Authenticator(() => clock, advance);
    await signInWithCode(t.app, phone, u.email, PASSWORD);
    advance(60_000);
    const secret = phone.secretOf(u.email)!;
    const code = codeAt(secret, clock);
    const first = await passwordStep(u.email);
    const ok = await codeStep(first.json<{ challenge: string }>().challenge, code);
    expect(ok.statusCode, ok.body).toBe(200);
    // someone who saw the code types it within its window, after the password
    const again = await passwordStep(u.email);
    expectProblem(
      await codeStep(again.json<{ challenge: string }>().challenge, code),
      401,
      'unauthenticated',
    );
    // an older code (previous step) is refused too: steps only move forward
    expectProblem(
      await codeStep(
        again.json<{ challenge: string }>().challenge,
        codeAt(secret, new Date(clock.getTime() - 30_000)),
      ),
      401,
    );
    expect(await failureReasons(u.id)).toEqual(['replayed_code', 'replayed_code']);
    const [row] = await t.db.query<{ failed_sign_ins: number }>(
      `SELECT failed_sign_ins FROM users WHERE id = $1`,
      [u.id],
    );
    expect(row!.failed_sign_ins).toBe(2);
    // the next step's code works on the same challenge, and clears the count
    const next = await codeStep(
      again.json<{ challenge: string }>().challenge,
      codeAt(secret, new Date(clock.getTime() + 30_000)),
    );
    expect(next.statusCode, next.body).toBe(200);
    const [cleared] = await t.db.query<{ failed_sign_ins: number }>(
      `SELECT failed_sign_ins FROM users WHERE id = $1`,
      [u.id],
    );
    expect(cleared!.failed_sign_ins).toBe(0);
  });

  it('wrong codes are audited and lock the account after five; then even the right code fails', async () => {
    const u = await newUser('supervisor');
    const phone = new Authenticator(() => clock, advance);
    await signInWithCode(t.app, phone, u.email, PASSWORD);
    advance(60_000);
    const secret = phone.secretOf(u.email)!;
    const { challenge } = (await passwordStep(u.email)).json<{ challenge: string }>();
    for (let i = 0; i < 5; i++) {
      expectProblem(await codeStep(challenge, wrongCode(secret)), 401, 'unauthenticated');
    }
    const [row] = await t.db.query<{ failed_sign_ins: number; locked_until: Date | null }>(
      `SELECT failed_sign_ins, locked_until FROM users WHERE id = $1`,
      [u.id],
    );
    expect(row!.failed_sign_ins).toBe(5);
    expect(new Date(row!.locked_until!).getTime()).toBe(clock.getTime() + 60_000);
    const right = await codeStep(challenge, codeAt(secret, clock));
    expectProblem(right, 401, 'unauthenticated');
    // and the password step is locked too
    expectProblem(await passwordStep(u.email), 401);
    expect(await failureReasons(u.id)).toEqual([
      ...Array<string>(5).fill('wrong_code'),
      'locked',
      'locked',
    ]);
    expect(await t.db.query(`SELECT 1 FROM sessions WHERE user_id = $1`, [u.id])).toHaveLength(1);
  });

  it('a password alone does not clear the failure count (no endless code guessing)', async () => {
    const u = await newUser();
    const phone = new Authenticator(() => clock, advance);
    await signInWithCode(t.app, phone, u.email, PASSWORD);
    const secret = phone.secretOf(u.email)!;
    for (let i = 0; i < 4; i++) {
      const { challenge } = (await passwordStep(u.email)).json<{ challenge: string }>();
      expectProblem(await codeStep(challenge, wrongCode(secret)), 401);
    }
    const [row] = await t.db.query<{ failed_sign_ins: number }>(
      `SELECT failed_sign_ins FROM users WHERE id = $1`,
      [u.id],
    );
    expect(row!.failed_sign_ins).toBe(4);
  });

  it('a challenge expires after five minutes', async () => {
    const u = await newUser();
    const phone = new Authenticator(() => clock, advance);
    await signInWithCode(t.app, phone, u.email, PASSWORD);
    advance(60_000);
    const { challenge } = (await passwordStep(u.email)).json<{ challenge: string }>();
    advance(5 * 60_000 + 1000);
    expectProblem(await codeStep(challenge, phone.code(u.email)), 401, 'unauthenticated');
    expect((await failureReasons(u.id)).length).toBe(0);
    const invalid = await auditRows(t.db, 'session.sign_in_failed');
    expect(invalid.at(-1)!.reason).toBe('challenge_invalid');
  });

  it('refuses malformed codes and challenges as problem+json, without a 5xx', async () => {
    const u = await newUser();
    const { challenge } = (await passwordStep(u.email)).json<{ challenge: string }>();
    for (const code of ['12345', '1234567', 'abcdef', '', '12 34 5x']) {
      expectProblem(await codeStep(challenge, code), 400, 'validation_failed');
    }
    expectProblem(await codeStep('ovsc_nope', '123456'), 401);
    expectProblem(await codeStep(`ovsc_${'A'.repeat(43)}`, '123456'), 401);
    // spaces inside the code are ignored ("123 456" as apps show it)
    const res = await codeStep(challenge, '000 000');
    expect([200, 401]).toContain(res.statusCode);
  });
});

describe('provisioning by an administrator (oversight users totp)', () => {
  it('enrols at once, prints a working secret, and a second run resets the factor', async () => {
    const u = await newUser('chief_administrator');
    const first = await provisionTotp({ ...sys(), cipher: t.cipher }, u.email);
    expect(first.replaced).toBe(false);
    expect(first.otpauthUri).toContain(`secret=${first.secret}`);
    // the user goes straight to the code step with the provisioned secret
    const step = await passwordStep(u.email);
    expect(step.json<{ step: string }>().step).toBe('second_factor');
    const ok = await codeStep(
      step.json<{ challenge: string }>().challenge,
      codeAt(first.secret, clock),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    // reset: a pending challenge dies, the old secret stops working, the new one works
    const pending = (await passwordStep(u.email)).json<{ challenge: string }>().challenge;
    const second = await provisionTotp({ ...sys(), cipher: t.cipher }, u.email);
    expect(second.replaced).toBe(true);
    expect(second.secret).not.toBe(first.secret);
    expectProblem(
      await codeStep(pending, codeAt(second.secret, new Date(clock.getTime() + 30_000))),
      401,
    );
    const fresh = (await passwordStep(u.email)).json<{ challenge: string }>().challenge;
    expectProblem(
      await codeStep(fresh, codeAt(first.secret, new Date(clock.getTime() + 30_000))),
      401,
    );
    const ok2 = await codeStep(fresh, codeAt(second.secret, new Date(clock.getTime() + 30_000)));
    expect(ok2.statusCode, ok2.body).toBe(200);
    const audit = await auditRows(t.db, 'user.totp_provisioned', u.id);
    expect(audit.map((a) => a.reason)).toEqual(['provisioned', 'reset']);
    expect(audit[0]!.actor_name).toBe('system');
    expect(JSON.stringify(audit)).not.toContain(first.secret);
  });

  it('refuses an unknown user', async () => {
    await expect(
      provisionTotp({ ...sys(), cipher: t.cipher }, 'nobody@copa.example'),
    ).rejects.toThrow(/nobody@copa.example/);
  });
});

describe('bearer tokens are not affected by TOTP', () => {
  it('a token of a user with no second factor still works', async () => {
    const user = await t.user('investigator');
    const res = await t.as(user, { method: 'GET', url: '/api/v1/cases' });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.db.query<{ totp_secret_enc: string | null }>(
      `SELECT totp_secret_enc FROM users WHERE id = $1`,
      [user.id],
    );
    expect(row!.totp_secret_enc).toBeNull();
  });
});

describe('sessions rotate on sign-in and can be revoked', () => {
  it('signing in while holding a session ends the old one (reason recorded)', async () => {
    const u = await newUser();
    const phone = new Authenticator(() => clock, advance);
    const old = await signInWithCode(t.app, phone, u.email, PASSWORD);
    const fresh = await signInWithCode(t.app, phone, u.email, PASSWORD, { cookie: old.cookie });
    expect(fresh.cookie).not.toBe(old.cookie);
    expectProblem(await withCookie(old, 'GET', '/api/v1/session'), 401, 'unauthenticated');
    expect((await withCookie(fresh, 'GET', '/api/v1/session')).statusCode).toBe(200);
    const [row] = await t.db.query<{ id: string; revoked_reason: string }>(
      `SELECT id, revoked_reason FROM sessions WHERE token_hash = $1`,
      [hashToken(old.cookie)],
    );
    expect(row!.revoked_reason).toBe('rotated');
    const audit = await auditRows(t.db, 'session.revoked', row!.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toBe('rotated');
    expect(audit[0]!.actor_id).toBe(u.id);
  });

  it('lists the caller’s live sessions and revokes one, then all others', async () => {
    const u = await newUser('analyst');
    const phone = new Authenticator(() => clock, advance);
    const a = await signInWithCode(t.app, phone, u.email, PASSWORD);
    const b = await signInWithCode(t.app, phone, u.email, PASSWORD);
    const c = await signInWithCode(t.app, phone, u.email, PASSWORD);
    const list = await withCookie(a, 'GET', '/api/v1/sessions');
    expect(list.statusCode, list.body).toBe(200);
    const sessions = list.json<{ sessions: Array<{ id: string; current: boolean }> }>().sessions;
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const idOf = async (s: SignedIn) =>
      (
        await t.db.query<{ id: string }>(`SELECT id FROM sessions WHERE token_hash = $1`, [
          hashToken(s.cookie),
        ])
      )[0]!.id;
    expect(sessions.find((s) => s.current)!.id).toBe(await idOf(a));
    // revoking needs the CSRF token like every unsafe cookie request
    expectProblem(
      await withCookie(a, 'DELETE', `/api/v1/sessions/${await idOf(b)}`, false),
      403,
      'csrf_token_invalid',
    );
    const one = await withCookie(a, 'DELETE', `/api/v1/sessions/${await idOf(b)}`);
    expect(one.statusCode, one.body).toBe(204);
    // effective on b's next request
    expectProblem(await withCookie(b, 'GET', '/api/v1/cases'), 401);
    expect((await withCookie(c, 'GET', '/api/v1/cases')).statusCode).toBe(200);
    // someone else's session is invisible: 404, and it stays live
    const other = await newUser();
    const otherSession = await signInWithCode(
      t.app,
      new Authenticator(() => clock, advance),
      other.email,
      PASSWORD,
    );
    expectProblem(
      await withCookie(a, 'DELETE', `/api/v1/sessions/${await idOf(otherSession)}`),
      404,
      'session_not_found',
    );
    expect((await withCookie(otherSession, 'GET', '/api/v1/cases')).statusCode).toBe(200);
    // all others: c ends, a stays
    const all = await withCookie(a, 'DELETE', '/api/v1/sessions');
    expect(all.json()).toEqual({ revoked: 1 });
    expectProblem(await withCookie(c, 'GET', '/api/v1/cases'), 401);
    expect((await withCookie(a, 'GET', '/api/v1/cases')).statusCode).toBe(200);
    const revoked = (await auditRows(t.db, 'session.revoked')).filter(
      (r) => r.actor_id === u.id && r.reason === 'revoked_by_user',
    );
    expect(revoked.map((r) => r.entity_id).sort()).toEqual([await idOf(b), await idOf(c)].sort());
  });

  it('an administrator ends every session of a user, by route and by CLI command', async () => {
    const u = await newUser();
    const phone = new Authenticator(() => clock, advance);
    const s1 = await signInWithCode(t.app, phone, u.email, PASSWORD);
    const s2 = await signInWithCode(t.app, phone, u.email, PASSWORD);
    const admin = await t.user('admin');
    const chief = await t.user('chief_administrator');
    expectProblem(
      await t.as(chief, { method: 'DELETE', url: `/api/v1/users/${u.id}/sessions` }),
      403,
    );
    expect((await withCookie(s1, 'GET', '/api/v1/cases')).statusCode).toBe(200);
    const res = await t.as(admin, { method: 'DELETE', url: `/api/v1/users/${u.id}/sessions` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ revoked: 2 });
    expectProblem(await withCookie(s1, 'GET', '/api/v1/cases'), 401);
    expectProblem(await withCookie(s2, 'GET', '/api/v1/cases'), 401);
    const audit = (await auditRows(t.db, 'session.revoked')).filter(
      (r) => r.reason === 'revoked_by_admin',
    );
    expect(audit.filter((r) => r.actor_id === admin.id)).toHaveLength(2);
    expectProblem(
      await t.as(admin, {
        method: 'DELETE',
        url: '/api/v1/users/00000000-0000-4000-8000-000000000000/sessions',
      }),
      404,
    );
    // the CLI command (oversight users revoke-sessions <email>) runs as system
    const s3 = await signInWithCode(t.app, phone, u.email, PASSWORD);
    const cli = await revokeAllSessionsOfUser(
      { ...sys(), ip: null, actor: 'system' },
      { email: u.email },
    );
    expect(cli).toEqual({ userId: u.id, revoked: 1 });
    expectProblem(await withCookie(s3, 'GET', '/api/v1/session'), 401);
    const bySystem = (await auditRows(t.db, 'session.revoked')).filter(
      (r) => r.reason === 'revoked_by_admin' && r.actor_name === 'system',
    );
    expect(bySystem).toHaveLength(1);
  });

  it('disabling a user ends their sessions on the next request', async () => {
    const u = await newUser();
    const s = await signInWithCode(
      t.app,
      new Authenticator(() => clock, advance),
      u.email,
      PASSWORD,
    );
    expect((await withCookie(s, 'GET', '/api/v1/cases')).statusCode).toBe(200);
    await t.db.query(`UPDATE users SET disabled_at = $2 WHERE id = $1`, [u.id, clock]);
    expectProblem(await withCookie(s, 'GET', '/api/v1/cases'), 401);
  });

  it('a bearer token lists no browser session as current', async () => {
    const user = await t.user('intake');
    const res = await t.as(user, { method: 'GET', url: '/api/v1/sessions' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sessions: [] });
  });
});
