import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';
import { auditRows, expectProblem } from './http.ts';
import { buildIntake } from './factories.ts';
import { addUser } from '../src/server/commands/users.ts';
import { hashToken } from '../src/server/security/credentials.ts';
import { Authenticator, signInWithCode } from './authenticator.ts';

const PASSWORD = 'correct horse battery staple';
let clock = new Date('2026-03-02T15:00:00Z');
let t: TestApp;
let chief: { id: string; email: string };
let bearerUser: TestUser;

const advance = (ms: number): void => {
  clock = new Date(clock.getTime() + ms);
};

interface Signed {
  cookie: string;
  csrf: string;
  res: LightMyRequestResponse;
}

// the chief's authenticator app: enrols at the first sign-in, then a fresh code each time
const phone = new Authenticator(() => clock, advance);

async function signIn(email = chief.email, password = PASSWORD): Promise<Signed> {
  return signInWithCode(t.app, phone, email, password);
}

function withCookie(
  s: Signed,
  opts: { method: 'GET' | 'POST' | 'DELETE'; url: string; csrf?: string; payload?: unknown },
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: opts.method,
    url: opts.url,
    cookies: { ovs_session: s.cookie },
    headers: opts.csrf !== undefined ? { 'x-csrf-token': opts.csrf } : {},
    ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}),
  });
}

beforeAll(async () => {
  t = await testApp({
    now: () => clock,
    sessions: { idleMinutes: 30, absoluteHours: 12, secureCookies: false },
    // each sign-in is two POSTs now (password, code); the limit itself is tested in abuse.int
    signInRateLimit: { max: 1000, windowMs: 60_000 },
  });
  chief = await addUser(
    { db: t.db, now: () => clock, jurisdiction: TEST_JURISDICTION },
    {
      email: 'Chief.Sessions@copa.example',
      agency: 'COPA',
      roles: ['chief_administrator'],
      password: PASSWORD,
    },
  );
  bearerUser = await t.user('intake');
});
afterAll(() => t.close());

describe('POST /api/v1/session (sign in)', () => {
  it('sets an HttpOnly, SameSite=Strict, Path=/ cookie and returns the user and a CSRF token', async () => {
    const s = await signIn();
    const setCookie = String(s.res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/i);
    expect(s.cookie).toMatch(/^ovss_[A-Za-z0-9_-]{43}$/);
    const body = s.res.json();
    expect(body.user).toEqual({
      id: chief.id,
      email: 'chief.sessions@copa.example',
      displayName: 'chief.sessions',
      agency: 'COPA',
      roles: ['chief_administrator'],
    });
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(40);
    expect(body.expiresAt).toBe(new Date(clock.getTime() + 12 * 3_600_000).toISOString());
    // only the hash of the session id is stored; the plain id appears nowhere
    const rows = await t.db.query<Record<string, unknown>>(
      `SELECT * FROM sessions WHERE token_hash = $1`,
      [hashToken(s.cookie)],
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(s.cookie);
    const audit = await auditRows(t.db, 'session.signed_in', String(rows[0]!.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(chief.id);
    expect(audit[0]!.ip).toBe('127.0.0.1');
    expect(JSON.stringify(audit[0])).not.toContain(PASSWORD);
  });

  it('answers an unknown email and a wrong password with the same 401, both audited', async () => {
    const before = (await auditRows(t.db, 'session.sign_in_failed')).length;
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: chief.email, password: 'not it' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'nobody@copa.example', password: 'not it' },
    });
    // a code of its own, so the page can say "email or password not right" in the reader's
    // language (issue 23 item 4), not "authentication required"
    const a = expectProblem(wrong, 401, 'invalid_credentials');
    const b = expectProblem(unknown, 401, 'invalid_credentials');
    expect(a).toEqual(b);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const failed = await auditRows(t.db, 'session.sign_in_failed');
    expect(failed.length - before).toBe(2);
    expect(JSON.stringify(failed)).not.toContain('nobody@copa.example');
  });

  it('refuses a user without a password (token-only users) with the same 401', async () => {
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: bearerUser.email, password: 'anything' },
      }),
      401,
      'invalid_credentials',
    );
  });

  it('validates the body as problem+json with field errors', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: chief.email },
    });
    const body = expectProblem(res, 400, 'validation_failed');
    expect(body.errors?.map((e) => e.field)).toContain('password');
  });

  it('marks the cookie Secure when configured (behind a TLS proxy)', async () => {
    const secure = await testApp({
      sessions: { idleMinutes: 30, absoluteHours: 12, secureCookies: true },
    });
    try {
      await addUser(
        { db: secure.db, now: () => new Date(), jurisdiction: TEST_JURISDICTION },
        { email: 'x@copa.example', agency: 'COPA', roles: ['intake'], password: PASSWORD },
      );
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'x@copa.example', password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      // the password step sets no cookie: the session starts with the code
      expect(res.headers['set-cookie']).toBeUndefined();
      const s = await signInWithCode(
        secure.app,
        new Authenticator(() => new Date()),
        'x@copa.example',
        PASSWORD,
      );
      expect(String(s.res.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });
});

describe('cookie authentication and CSRF', () => {
  it('GET /api/v1/session returns the user and the same CSRF token', async () => {
    const s = await signIn();
    const res = await withCookie(s, { method: 'GET', url: '/api/v1/session' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().csrfToken).toBe(s.csrf);
    expect(res.json().user.id).toBe(chief.id);
  });

  it('GET /api/v1/session without a session is 401, and a bearer token is not a session', async () => {
    expectProblem(
      await t.app.inject({ method: 'GET', url: '/api/v1/session' }),
      401,
      'unauthenticated',
    );
    expectProblem(
      await t.as(bearerUser, { method: 'GET', url: '/api/v1/session' }),
      401,
      'unauthenticated',
    );
  });

  it('authenticates reads with the cookie alone', async () => {
    const s = await signIn();
    const res = await withCookie(s, { method: 'GET', url: '/api/v1/cases' });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses unsafe requests without, or with a wrong, x-csrf-token (403) and writes nothing', async () => {
    const s = await signIn();
    const other = await signIn();
    const count = async () =>
      (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`))[0]!.n;
    const before = await count();
    for (const csrf of [undefined, '', 'x'.repeat(43), other.csrf]) {
      const res = await withCookie(s, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: buildIntake(),
        ...(csrf !== undefined ? { csrf } : {}),
      });
      expectProblem(res, 403, 'csrf_token_invalid');
    }
    expect(await count()).toBe(before);
    const ok = await withCookie(s, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: buildIntake(),
      csrf: s.csrf,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await count()).toBe(before + 1);
    // the write is attributed to the signed-in user
    const [row] = await t.db.query<{ created_by: string }>(
      `SELECT created_by FROM cases WHERE log_number = $1`,
      [ok.json().logNumber],
    );
    expect(row!.created_by).toBe(chief.id);
  });

  it('still accepts bearer tokens, which need no CSRF token', async () => {
    const res = await t.as(bearerUser, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: buildIntake(),
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses a malformed or unknown cookie with 401 and clears it', async () => {
    for (const cookie of ['garbage', `ovss_${'A'.repeat(43)}`]) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/cases',
        cookies: { ovs_session: cookie },
      });
      expectProblem(res, 401, 'unauthenticated');
      expect(String(res.headers['set-cookie'])).toMatch(/ovs_session=;/);
    }
  });
});

describe('expiry and sign-out', () => {
  it('ends a session idle for longer than the idle timeout', async () => {
    const s = await signIn();
    advance(20 * 60_000);
    expect((await withCookie(s, { method: 'GET', url: '/api/v1/session' })).statusCode).toBe(200);
    // 20 + 20 minutes since sign-in, but only 20 since last use: still live
    advance(20 * 60_000);
    expect((await withCookie(s, { method: 'GET', url: '/api/v1/session' })).statusCode).toBe(200);
    advance(31 * 60_000);
    expectProblem(
      await withCookie(s, { method: 'GET', url: '/api/v1/session' }),
      401,
      'unauthenticated',
    );
  });

  it('ends a session at its absolute expiry however active it is', async () => {
    const s = await signIn();
    for (let i = 0; i < 12 * 3 - 1; i += 1) {
      advance(20 * 60_000);
      const res = await withCookie(s, { method: 'GET', url: '/api/v1/cases?pageSize=1' });
      expect(res.statusCode, `after ${(i + 1) * 20} minutes`).toBe(200);
    }
    advance(20 * 60_000);
    expectProblem(
      await withCookie(s, { method: 'GET', url: '/api/v1/cases?pageSize=1' }),
      401,
      'unauthenticated',
    );
  });

  it('signs out with the CSRF token: cookie cleared, session dead, audited', async () => {
    const s = await signIn();
    expectProblem(
      await withCookie(s, { method: 'DELETE', url: '/api/v1/session' }),
      403,
      'csrf_token_invalid',
    );
    const out = await withCookie(s, { method: 'DELETE', url: '/api/v1/session', csrf: s.csrf });
    expect(out.statusCode, out.body).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/ovs_session=;.*Path=\//);
    expectProblem(
      await withCookie(s, { method: 'GET', url: '/api/v1/cases' }),
      401,
      'unauthenticated',
    );
    const [row] = await t.db.query<{ id: string; revoked_reason: string }>(
      `SELECT id, revoked_reason FROM sessions WHERE token_hash = $1`,
      [hashToken(s.cookie)],
    );
    expect(row!.revoked_reason).toBe('signed_out');
    const audit = await auditRows(t.db, 'session.signed_out', row!.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(chief.id);
  });

  it('ends sessions of a disabled user', async () => {
    const s = await signIn();
    await t.db.query(`UPDATE users SET disabled_at = $2 WHERE id = $1`, [chief.id, clock]);
    try {
      expectProblem(
        await withCookie(s, { method: 'GET', url: '/api/v1/session' }),
        401,
        'unauthenticated',
      );
    } finally {
      await t.db.query(`UPDATE users SET disabled_at = NULL WHERE id = $1`, [chief.id]);
    }
  });
});
