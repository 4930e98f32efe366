/**
 * Sign-in through an OpenID Connect provider (issue 6, ADR 0016), against a real provider:
 * `oidc-provider` started here on a loopback port, spoken to over real HTTP. The browser is
 * played by hand: every redirect is followed manually, the provider's own login and consent forms
 * are submitted, and its cookies are kept in a small jar. The authorization code flow carries
 * PKCE (S256), state and nonce; the tests prove a known verified email gets a session, an
 * unknown one the same 401 as a wrong password, and a tampered state, nonce or verifier nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Provider from 'oidc-provider';
import type { LightMyRequestResponse } from 'fastify';
import { testApp, type TestApp } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';
import { auditRows, expectProblem } from './http.ts';
import { addUser } from '../src/server/commands/users.ts';

const CLIENT_ID = 'oversight-test';
const CLIENT_SECRET = 'a-test-client-secret-that-is-long-enough-for-hs256';
const REDIRECT_URI = 'http://localhost:3000/api/v1/session/oidc/callback';
const PASSWORD = 'correct horse battery staple';

/** The provider's accounts: sub → claims. */
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  'inv-1': { email: 'Investigator.OIDC@copa.example', email_verified: true },
  'stranger-1': { email: 'stranger@elsewhere.example', email_verified: true },
  'unverified-1': { email: 'unverified@copa.example', email_verified: false },
  'disabled-1': { email: 'disabled@copa.example', email_verified: true },
};

let server: http.Server;
let issuer: string;
let t: TestApp;
let investigatorId: string;

beforeAll(async () => {
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    async findAccount(_ctx: unknown, sub: string) {
      const claims = ACCOUNTS[sub];
      return claims ? { accountId: sub, claims: () => ({ sub, ...claims }) } : undefined;
    },
  });
  server.on('request', provider.callback());

  t = await testApp({
    oidc: {
      issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: REDIRECT_URI,
      requireAmr: [],
    },
  });
  const sys = { db: t.db, now: () => new Date(), jurisdiction: TEST_JURISDICTION };
  investigatorId = (
    await addUser(sys, {
      email: 'investigator.oidc@copa.example',
      agency: 'COPA',
      roles: ['investigator'],
      password: PASSWORD,
    })
  ).id;
  await addUser(sys, { email: 'unverified@copa.example', agency: 'COPA', roles: ['intake'] });
  const disabled = await addUser(sys, {
    email: 'disabled@copa.example',
    agency: 'COPA',
    roles: ['intake'],
  });
  await t.db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [disabled.id]);
}, 180_000);

afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A browser's cookies for the provider (name → value; paths are ignored, names are unique enough). */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (value === '' || expired) {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** One request to the provider as the browser; redirects are returned, not followed. */
async function browse(jar: Jar, url: string, form?: Record<string, string>): Promise<Response> {
  const res = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      cookie: jar.header(),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  jar.take(res);
  return res;
}

function formAction(html: string, base: string): string {
  const m = /<form[^>]*action="([^"]+)"/.exec(html);
  expect(m, 'the provider page has a form').not.toBeNull();
  return new URL(m![1]!.replaceAll('&amp;', '&'), base).href;
}

/**
 * The browser's side of the flow: Oversight's start route → provider → login form (as `sub`) →
 * consent form → back to the redirect URI. Returns the callback URL and the flow cookie.
 */
async function throughProvider(
  sub: string,
  app: TestApp = t,
): Promise<{ callback: string; flowCookie: string }> {
  const start = await app.app.inject({ method: 'GET', url: '/api/v1/session/oidc/start' });
  expect(start.statusCode, start.body).toBe(303);
  const flowCookie = /ovs_oidc=([^;]+)/.exec(String(start.headers['set-cookie']))![1]!;
  expect(String(start.headers['set-cookie'])).toMatch(/HttpOnly/i);
  let location = String(start.headers.location);
  const authorize = new URL(location);
  expect(authorize.origin).toBe(issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('state')).toBeTruthy();
  expect(authorize.searchParams.get('nonce')).toBeTruthy();
  expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);

  const jar = new Jar();
  for (let hop = 0; hop < 12; hop++) {
    if (location.startsWith(REDIRECT_URI)) {
      return { callback: location, flowCookie };
    }
    const res = await browse(jar, location);
    if (res.status >= 300 && res.status < 400) {
      location = new URL(res.headers.get('location')!, location).href;
      continue;
    }
    expect(res.status, `provider page ${location}`).toBe(200);
    const html = await res.text();
    const action = formAction(html, location);
    const form: Record<string, string> = html.includes('name="login"')
      ? { prompt: 'login', login: sub, password: 'provider-side password' }
      : { prompt: 'consent' };
    const posted = await browse(jar, action, form);
    expect(posted.status, await posted.clone().text()).toBeGreaterThanOrEqual(300);
    location = new URL(posted.headers.get('location')!, action).href;
  }
  throw new Error('the provider never sent the browser back');
}

function callbackRequest(callback: string, flowCookie: string | null, app: TestApp = t) {
  const u = new URL(callback);
  return app.app.inject({
    method: 'GET',
    url: `${u.pathname}${u.search}`,
    ...(flowCookie ? { cookies: { ovs_oidc: flowCookie } } : {}),
  });
}

function sessionCookie(res: LightMyRequestResponse): string | undefined {
  return /ovs_session=([^;]+)/.exec(String(res.headers['set-cookie'] ?? ''))?.[1];
}

/** Rewrites one field of the flow cookie, as an attacker who could plant one would. */
function tamper(flowCookie: string, field: 'state' | 'nonce' | 'verifier'): string {
  const flow = JSON.parse(Buffer.from(flowCookie, 'base64url').toString('utf8')) as Record<
    string,
    string
  >;
  flow[field] = `${flow[field]!.slice(0, -4)}AAAA`;
  return Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url');
}

describe('sign-in through an OpenID Connect provider', () => {
  it('the sign-in page learns whether the organization button is offered', async () => {
    const on = await t.app.inject({ method: 'GET', url: '/api/v1/session/methods' });
    expect(on.json()).toEqual({ password: true, oidc: true });
    const plain = await testApp();
    try {
      const off = await plain.app.inject({ method: 'GET', url: '/api/v1/session/methods' });
      expect(off.json()).toEqual({ password: true, oidc: false });
      const start = await plain.app.inject({ method: 'GET', url: '/api/v1/session/oidc/start' });
      expect(start.statusCode).toBe(303);
      expect(start.headers.location).toBe('/staff/?signin=oidc_unavailable');
    } finally {
      await plain.close();
    }
  }, 180_000);

  it('a verified email of an active staff member gets the normal browser session, audited as oidc', async () => {
    const { callback, flowCookie } = await throughProvider('inv-1');
    expect(new URL(callback).searchParams.get('code')).toBeTruthy();
    const res = await callbackRequest(callback, flowCookie);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/staff/');
    const cookie = sessionCookie(res);
    expect(cookie).toMatch(/^ovss_/);
    expect(String(res.headers['set-cookie'])).toMatch(/ovs_session=[^;]+;[^,]*SameSite=Strict/i);
    // the flow cookie is spent
    expect(String(res.headers['set-cookie'])).toMatch(/ovs_oidc=;/);

    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      cookies: { ovs_session: cookie! },
    });
    expect(session.statusCode, session.body).toBe(200);
    expect(session.json().user).toMatchObject({
      id: investigatorId,
      email: 'investigator.oidc@copa.example',
      roles: ['investigator'],
    });
    const audit = await auditRows(t.db, 'session.signed_in');
    const mine = audit.filter((a) => a.actor_id === investigatorId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.changes.method).toBe('oidc');

    // the code, the state, the flow cookie and the session id reach no log line
    const logs = t.logs.join('\n');
    expect(logs).toContain('/api/v1/session/oidc/callback');
    const params = new URL(callback).searchParams;
    for (const secret of [params.get('code')!, params.get('state')!, flowCookie, cookie!]) {
      expect(logs).not.toContain(secret);
    }

    // a code is good once: replaying the same callback opens nothing
    const replay = await callbackRequest(callback, flowCookie);
    expectProblem(replay, 401, 'unauthenticated');
    expect(sessionCookie(replay)).toBeUndefined();
  });

  it('an unknown email answers the same 401 as a wrong password; no account is created', async () => {
    const { callback, flowCookie } = await throughProvider('stranger-1');
    const res = await callbackRequest(callback, flowCookie);
    const body = expectProblem(res, 401, 'unauthenticated');
    expect(sessionCookie(res)).toBeUndefined();
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'investigator.oidc@copa.example', password: 'not it' },
    });
    // the same words as a wrong password; the code is the door's own (the password door names
    // `invalid_credentials` so its page can say so, issue 23): neither tells who is staff
    const password = expectProblem(wrong, 401, 'invalid_credentials');
    expect({ ...body, code: undefined, type: undefined }).toEqual({
      ...password,
      code: undefined,
      type: undefined,
    });
    const users = await t.db.query(`SELECT 1 FROM users WHERE email = $1`, [
      'stranger@elsewhere.example',
    ]);
    expect(users).toHaveLength(0);
    const failed = await auditRows(t.db, 'session.sign_in_failed');
    expect(failed.map((f) => f.reason)).toContain('oidc_unknown_user');
    expect(JSON.stringify(failed)).not.toContain('stranger@elsewhere.example');
  });

  it('an unverified email and a disabled account are refused the same way', async () => {
    for (const sub of ['unverified-1', 'disabled-1']) {
      const { callback, flowCookie } = await throughProvider(sub);
      const res = await callbackRequest(callback, flowCookie);
      expectProblem(res, 401, 'unauthenticated');
      expect(sessionCookie(res)).toBeUndefined();
    }
  });

  it('a tampered state, nonce or PKCE verifier, or no flow cookie at all, opens no session', async () => {
    for (const field of ['state', 'nonce', 'verifier'] as const) {
      const { callback, flowCookie } = await throughProvider('inv-1');
      const res = await callbackRequest(callback, tamper(flowCookie, field));
      expectProblem(res, 401, 'unauthenticated');
      expect(sessionCookie(res), field).toBeUndefined();
    }
    const { callback } = await throughProvider('inv-1');
    const none = await callbackRequest(callback, null);
    expectProblem(none, 401, 'unauthenticated');
    expect(sessionCookie(none)).toBeUndefined();
    const reasons = (await auditRows(t.db, 'session.sign_in_failed')).map((f) => f.reason);
    // each refused for its own reason: the state check, the id_token's nonce, the token endpoint
    expect(reasons).toEqual(
      expect.arrayContaining([
        'oidc_OAUTH_INVALID_RESPONSE',
        'oidc_OAUTH_JWT_CLAIM_COMPARISON_FAILED',
        'oidc_OAUTH_RESPONSE_BODY_ERROR',
        'oidc_no_flow',
      ]),
    );
  });

  it('a flow cookie from another browser does not fit this callback (login CSRF)', async () => {
    const victim = await throughProvider('inv-1');
    const attacker = await throughProvider('inv-1');
    const res = await callbackRequest(attacker.callback, victim.flowCookie);
    expectProblem(res, 401, 'unauthenticated');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('with OVERSIGHT_OIDC_REQUIRE_AMR, an id_token without the named method is refused', async () => {
    const strict = await testApp({
      oidc: {
        issuer,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUri: REDIRECT_URI,
        requireAmr: ['mfa'],
      },
    });
    try {
      await addUser(
        { db: strict.db, now: () => new Date(), jurisdiction: TEST_JURISDICTION },
        { email: 'investigator.oidc@copa.example', agency: 'COPA', roles: ['investigator'] },
      );
      // the test provider's login records no authentication methods, so no `amr: ["mfa"]`
      const { callback, flowCookie } = await throughProvider('inv-1', strict);
      const res = await callbackRequest(callback, flowCookie, strict);
      expectProblem(res, 401, 'unauthenticated');
      expect(sessionCookie(res)).toBeUndefined();
      const reasons = (await auditRows(strict.db, 'session.sign_in_failed')).map((f) => f.reason);
      expect(reasons).toEqual(['oidc_amr_missing']);
    } finally {
      await strict.close();
    }
  }, 180_000);
});
