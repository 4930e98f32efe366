import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Authenticator, signInWithCode } from './authenticator.ts';
import { addUser } from '../src/server/commands/users.ts';
import { testApp, type TestApp } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';
import { expectNoWrites, expectProblem, oversizedBody } from './http.ts';

describe('security headers (@fastify/helmet)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('every kind of response carries a strict CSP and the other headers', async () => {
    const user = await t.user('supervisor');
    for (const res of [
      await t.app.inject({ method: 'GET', url: '/health' }),
      await t.as(user, { method: 'GET', url: '/api/v1/cases' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/cases' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/nope' }),
    ]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("script-src-attr 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      // no inline script, no eval, anywhere in the policy
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    }
  });

  it('the web app needs no inline script: every <script> in its HTML entry points has a src', () => {
    const root = path.resolve(import.meta.dirname, '../src/web');
    const pages = [path.join(root, 'index.html'), path.join(root, 'staff', 'index.html')];
    for (const page of pages) {
      const html = fs.readFileSync(page, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(attrs, page).toMatch(/\bsrc=/);
        expect(body!.trim(), page).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('refuses bodies over the limit with 413 problem+json, writing nothing', async () => {
    const user = await t.user('intake');
    await expectNoWrites(t.db, async () => {
      expectProblem(
        await t.as(user, {
          method: 'POST',
          url: '/api/v1/cases',
          headers: { 'content-type': 'application/json' },
          payload: oversizedBody(),
        }),
        413,
        'body_too_large',
      );
    });
  });
});

describe('sign-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ signInRateLimit: { max: 3, windowMs: 60_000 } });
    await addUser(
      { db: t.db, now: () => new Date(), jurisdiction: TEST_JURISDICTION },
      {
        email: 'limited@example.gov',
        agency: 'COPA',
        roles: ['investigator'],
        password: 'correct horse battery',
      },
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const attempt = (password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'limited@example.gov', password },
    });

  it('answers 429 problem+json with Retry-After after the limit, even to the right password', async () => {
    for (let i = 0; i < 3; i++) {
      expectProblem(await attempt('wrong password!'), 401);
    }
    const audited = await t.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    await expectNoWrites(t.db, async () => {
      const res = await attempt('correct horse battery');
      expectProblem(res, 429, 'rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM audit_events`)).toEqual(audited);
  });

  it('counts the TOTP code step in its own bucket, limited the same way', async () => {
    // the password bucket is spent (above); the code step still answers, until its own limit
    const code = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/session/second-factor',
        payload: { challenge: `ovsc_${'C'.repeat(43)}`, code: '123456' },
      });
    for (let i = 0; i < 3; i++) {
      expectProblem(await code(), 401);
    }
    expectProblem(await code(), 429, 'rate_limited');
  });

  it('does not limit reading the session (GET) or other routes', async () => {
    const user = await t.user('supervisor');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/session' }), 401);
    for (let i = 0; i < 5; i++) {
      expect((await t.as(user, { method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(200);
    }
  });
});

describe('account lockout with backoff', () => {
  let t: TestApp;
  let clock = new Date('2026-03-02T12:00:00Z');
  beforeAll(async () => {
    t = await testApp({
      now: () => clock,
      signInRateLimit: { max: 1000, windowMs: 60_000 },
    });
    await addUser(
      { db: t.db, now: () => clock, jurisdiction: TEST_JURISDICTION },
      {
        email: 'target@example.gov',
        agency: 'COPA',
        roles: ['supervisor'],
        password: 'correct horse battery',
      },
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const attempt = (password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'target@example.gov', password },
    });
  const reasons = async () =>
    (
      await t.db.query<{ reason: string }>(
        `SELECT reason FROM audit_events WHERE action = 'session.sign_in_failed' ORDER BY seq`,
      )
    ).map((r) => r.reason);

  it('locks after five failures: the right password then gets the same 401', async () => {
    for (let i = 0; i < 5; i++) {
      expectProblem(await attempt('guess number ' + i), 401);
    }
    const locked = await attempt('correct horse battery');
    expectProblem(locked, 401, 'invalid_credentials');
    // same answer as a wrong password: the lock does not reveal that the account exists
    expect(locked.json<{ detail: string }>().detail).toBe(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { email: 'nobody@example.gov', password: 'whatever it is' },
        })
      ).json<{ detail: string }>().detail,
    );
    expect(await reasons()).toEqual([
      ...Array<string>(5).fill('wrong_password'),
      'locked',
      'unknown_user',
    ]);
  });

  it('the lock lifts after a minute; one more failure locks again for twice as long', async () => {
    clock = new Date(clock.getTime() + 61_000);
    expectProblem(await attempt('sixth guess!'), 401);
    const [row] = await t.db.query<{ locked_until: Date; failed_sign_ins: number }>(
      `SELECT locked_until, failed_sign_ins FROM users WHERE email = 'target@example.gov'`,
    );
    expect(row!.failed_sign_ins).toBe(6);
    expect(new Date(row!.locked_until).getTime() - clock.getTime()).toBe(2 * 60_000);
    clock = new Date(clock.getTime() + 2 * 60_000 + 1000);
    const ok = await attempt('correct horse battery');
    expect(ok.statusCode, ok.body).toBe(200);
    // the password alone does not clear the count: the second factor is still to come
    const [pending] = await t.db.query<{ failed_sign_ins: number }>(
      `SELECT failed_sign_ins FROM users WHERE email = 'target@example.gov'`,
    );
    expect(pending!.failed_sign_ins).toBe(6);
    await signInWithCode(
      t.app,
      new Authenticator(() => clock),
      'target@example.gov',
      'correct horse battery',
    );
    const [after] = await t.db.query<{ locked_until: Date | null; failed_sign_ins: number }>(
      `SELECT locked_until, failed_sign_ins FROM users WHERE email = 'target@example.gov'`,
    );
    expect(after).toEqual({ locked_until: null, failed_sign_ins: 0 });
  });
});
