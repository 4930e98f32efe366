/**
 * API tokens (issue 6, ADR 0016): scopes enforced by the authorization table on top of roles,
 * lifetimes, revocation, self-service through the browser session, and secrets that appear in
 * no list, no stored row and no log line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { testApp, type InjectMethod, type TestApp, type TestUser } from './test-app.ts';
import { TEST_JURISDICTION } from './test-db.ts';
import { auditRows, expectProblem } from './http.ts';
import { buildIntake, fileCase } from './factories.ts';
import { Authenticator, signInWithCode } from './authenticator.ts';
import { addUser } from '../src/server/commands/users.ts';
import { createToken } from '../src/server/commands/tokens/create-token.ts';
import { listAllTokens } from '../src/server/commands/tokens/list-all-tokens.ts';
import { revokeAnyToken } from '../src/server/commands/tokens/revoke-any-token.ts';
import { type CreatedToken } from '../src/server/commands/tokens/token-lifecycle.ts';
import { hashToken } from '../src/server/security/credentials.ts';
import type { TokenScope } from '../src/shared/enums.ts';

const PASSWORD = 'correct horse battery staple';
let t: TestApp;
let chief: TestUser;
let auditor: TestUser;
const sys = () => ({ db: t.db, now: () => new Date(), jurisdiction: TEST_JURISDICTION });
const secrets: string[] = [];

/** The same user, carrying a fresh token with exactly `scopes`. */
async function scoped(user: TestUser, scopes: TokenScope[]): Promise<TestUser> {
  const created = await createToken(sys(), { email: user.email, scopes, label: 'scoped' });
  secrets.push(created.token);
  return { ...user, token: created.token };
}

beforeAll(async () => {
  t = await testApp();
  chief = await t.user('chief_administrator', 'COPA');
  auditor = await t.user('auditor', 'OIG');
});
afterAll(() => t.close());

describe('scopes: a token does only what both its roles and its scopes allow', () => {
  it('a cases:read token opens and lists cases but is refused every write, with token_scope_insufficient', async () => {
    const log = await fileCase(t, chief);
    const reader = await scoped(chief, ['cases:read']);
    const open = await t.as(reader, { method: 'GET', url: `/api/v1/cases/${log}` });
    expect(open.statusCode, open.body).toBe(200);
    // the answer announces only what the token may do: reading, no moves
    expect(open.json().abilities).toEqual({ actions: ['case.read'], transitions: [] });
    const list = await t.as(reader, { method: 'GET', url: '/api/v1/cases' });
    expect(list.statusCode).toBe(200);
    expect(JSON.stringify(list.json())).toContain(log);

    const refused: Array<[InjectMethod, string, object | undefined]> = [
      ['POST', '/api/v1/cases', buildIntake()],
      ['POST', `/api/v1/cases/${log}/transitions`, { to: 'preliminary' }],
      ['POST', `/api/v1/cases/${log}/parties`, { role: 'witness', name: 'Casey Witness' }],
      ['POST', `/api/v1/cases/${log}/statements`, { text: 'Under review.', language: 'en' }],
      ['GET', '/api/v1/members?q=smith', undefined],
      ['POST', '/api/v1/facilities', { code: 'SC1', name: 'Scoped', kind: 'other' }],
    ];
    for (const [method, url, payload] of refused) {
      const res = await t.as(reader, {
        method: method,
        url,
        ...(payload ? { payload } : {}),
      });
      const body = expectProblem(res, 403, 'token_scope_insufficient');
      expect(body.detail).toMatch(/scope/);
    }
    // …and nothing was written by the refused requests
    const after = await t.as(chief, { method: 'GET', url: `/api/v1/cases/${log}` });
    expect(after.json().status).toBe('intake');
  });

  it('the same user with a cases:write token may move the case (the role allows it)', async () => {
    const log = await fileCase(t, chief);
    const writer = await scoped(chief, ['cases:read', 'cases:write']);
    const moved = await t.as(writer, {
      method: 'POST',
      url: `/api/v1/cases/${log}/transitions`,
      payload: { to: 'preliminary' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
  });

  it('civilian identities need identities:read: without it they are masked, not refused', async () => {
    const log = await fileCase(t, chief);
    const plain = await scoped(chief, ['cases:read']);
    const withIds = await scoped(chief, ['cases:read', 'identities:read']);
    const masked = (await t.as(plain, { method: 'GET', url: `/api/v1/cases/${log}` })).json();
    const shown = (await t.as(withIds, { method: 'GET', url: `/api/v1/cases/${log}` })).json();
    expect(masked.parties[0].identity).toBeNull();
    expect(masked.parties[0].identityMasked).toBe(true);
    expect(JSON.stringify(masked)).not.toContain('Jordan Example');
    expect(shown.parties[0].identity.name).toBe('Jordan Example');
  });

  it('a roster:read token lists no case and is refused a case its holder could open', async () => {
    const log = await fileCase(t, chief);
    const roster = await scoped(chief, ['roster:read']);
    const list = await t.as(roster, { method: 'GET', url: '/api/v1/cases' });
    expect(list.statusCode).toBe(200);
    expect(JSON.stringify(list.json())).not.toContain(log);
    expectProblem(
      await t.as(roster, { method: 'GET', url: `/api/v1/cases/${log}` }),
      403,
      'token_scope_insufficient',
    );
    expect((await t.as(roster, { method: 'GET', url: '/api/v1/members?q=a' })).statusCode).toBe(
      200,
    );
  });

  it('an invisible case stays a 404 whatever the token: scopes never reveal what roles hide', async () => {
    const restricted = await fileCase(t, chief, { categories: ['sexual_misconduct'] });
    const intake = await t.user('intake', 'COPA');
    const reader = await scoped(intake, ['cases:read']);
    expectProblem(await t.as(reader, { method: 'GET', url: `/api/v1/cases/${restricted}` }), 404);
    const none = await scoped(intake, ['roster:read']);
    expectProblem(await t.as(none, { method: 'GET', url: `/api/v1/cases/${restricted}` }), 404);
  });

  it('the audit log needs audit:read on top of the auditor role; a scope grants no role', async () => {
    const noAudit = await scoped(auditor, ['cases:read']);
    expectProblem(
      await t.as(noAudit, { method: 'GET', url: '/api/v1/audit/events' }),
      403,
      'token_scope_insufficient',
    );
    const withAudit = await scoped(auditor, ['audit:read']);
    expect((await t.as(withAudit, { method: 'GET', url: '/api/v1/audit/events' })).statusCode).toBe(
      200,
    );
    // every scope does not make an analyst an auditor: the role's own 403
    const analyst = await t.user('analyst', 'COPA');
    expectProblem(
      await t.as(analyst, { method: 'GET', url: '/api/v1/audit/events' }),
      403,
      'forbidden',
    );
  });
});

describe('lifetimes and revocation', () => {
  it('a token expires after the default 90 days unless told otherwise, and never beyond the maximum', async () => {
    const before = Date.now();
    const d = await createToken(sys(), { email: chief.email });
    secrets.push(d.token);
    const days = (d.expiresAt!.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(89.99);
    expect(days).toBeLessThan(90.01);
    await expect(createToken(sys(), { email: chief.email, expiresInDays: 366 })).rejects.toThrow(
      /1 to 365 days/,
    );
    const short = await createToken(sys(), {
      email: chief.email,
      expiresInDays: 5,
      scopes: ['cases:read'],
    });
    secrets.push(short.token);
    expect(Math.round((short.expiresAt!.getTime() - before) / 86_400_000)).toBe(5);
    // the administrator at the console may ask for no expiry; it is recorded as such
    const forever = await createToken(sys(), { email: chief.email, neverExpires: true });
    secrets.push(forever.token);
    expect(forever.expiresAt).toBeNull();
    const audit = await auditRows(t.db, 'token.created', forever.id);
    expect(audit[0]!.changes.expiresAt).toBeNull();
  });

  it('an expired token answers 401', async () => {
    const past = new Date(Date.now() - 3 * 86_400_000);
    const old = await createToken(
      { ...sys(), now: () => past },
      { email: chief.email, expiresInDays: 1 },
    );
    secrets.push(old.token);
    expectProblem(
      await t.as({ ...chief, token: old.token }, { method: 'GET', url: '/api/v1/cases' }),
      401,
      'unauthenticated',
    );
  });

  it('a revoked token answers 401 from the next request on; revocation is audited', async () => {
    const tok = await createToken(sys(), { email: chief.email, scopes: ['cases:read'] });
    secrets.push(tok.token);
    const holder = { ...chief, token: tok.token };
    expect((await t.as(holder, { method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(200);
    const revoked = await revokeAnyToken(sys(), tok.id);
    expect(revoked.revokedAt).not.toBeNull();
    expectProblem(await t.as(holder, { method: 'GET', url: '/api/v1/cases' }), 401);
    const audit = await auditRows(t.db, 'token.revoked', tok.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_name).toBe('system');
    // revoking twice changes nothing and records nothing more
    await revokeAnyToken(sys(), tok.id);
    expect(await auditRows(t.db, 'token.revoked', tok.id)).toHaveLength(1);
  });
});

describe('self-service through the browser session', () => {
  let email: string;
  let cookie: string;
  let csrf: string;

  const withSession = (opts: {
    method: 'GET' | 'POST' | 'DELETE';
    url: string;
    payload?: object;
    csrf?: string | false;
  }): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method: opts.method,
      url: opts.url,
      cookies: { ovs_session: cookie },
      headers: opts.csrf === false ? {} : { 'x-csrf-token': opts.csrf ?? csrf },
      ...(opts.payload ? { payload: opts.payload } : {}),
    });

  beforeAll(async () => {
    email = 'self.service@copa.example';
    await addUser(sys(), { email, agency: 'COPA', roles: ['supervisor'], password: PASSWORD });
    // password, then the TOTP code (every staff role enrols at its first sign-in, ADR 0015)
    const signed = await signInWithCode(
      t.app,
      new Authenticator(() => new Date()),
      email,
      PASSWORD,
    );
    cookie = signed.cookie;
    csrf = signed.csrf;
  });

  it('creates a token (shown once), lists it without the secret, revokes it; all audited', async () => {
    expectProblem(
      await withSession({
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { label: 'x', scopes: ['cases:read'] },
        csrf: false,
      }),
      403,
      'csrf_token_invalid',
    );
    const created = await withSession({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: {
        label: 'nightly export',
        scopes: ['cases:read', 'roster:read'],
        expiresInDays: 30,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json<CreatedToken & { expiresAt: string }>();
    secrets.push(c.token);
    expect(c.token).toMatch(/^ovs_[A-Za-z0-9_-]{43}$/);
    expect(c.scopes).toEqual(['cases:read', 'roster:read']);
    expect(Math.round((Date.parse(c.expiresAt) - Date.now()) / 86_400_000)).toBe(30);

    // the token works, within its scopes
    const me = { id: '', email, token: c.token, agency: 'COPA' as const, roles: [] };
    expect((await t.as(me, { method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(200);
    expectProblem(
      await t.as(me, { method: 'POST', url: '/api/v1/cases', payload: buildIntake() }),
      403,
      'token_scope_insufficient',
    );
    // …and cannot manage tokens itself
    expectProblem(
      await t.as(me, { method: 'GET', url: '/api/v1/tokens' }),
      403,
      'session_required',
    );
    expectProblem(
      await t.as(me, {
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { label: 'twin', scopes: ['cases:read'] },
      }),
      403,
      'session_required',
    );

    const listed = await withSession({ method: 'GET', url: '/api/v1/tokens' });
    expect(listed.statusCode).toBe(200);
    const items = listed.json<{ items: Array<{ id: string; label: string }> }>().items;
    expect(items.map((i) => i.label)).toEqual(['nightly export']);
    expect(listed.body).not.toContain(c.token);
    expect(listed.body).not.toContain(hashToken(c.token));

    const created_ = await auditRows(t.db, 'token.created', c.id);
    expect(created_).toHaveLength(1);
    expect(created_[0]!.actor_name).not.toBe('system');
    expect(created_[0]!.changes.scopes).toEqual(['cases:read', 'roster:read']);

    const del = await withSession({ method: 'DELETE', url: `/api/v1/tokens/${c.id}` });
    expect(del.statusCode, del.body).toBe(204);
    expectProblem(await t.as(me, { method: 'GET', url: '/api/v1/cases' }), 401);
    expect(await auditRows(t.db, 'token.revoked', c.id)).toHaveLength(1);
    const after = await withSession({ method: 'GET', url: '/api/v1/tokens' });
    expect(after.json().items[0].revokedAt).not.toBeNull();
  });

  it('refuses a lifetime beyond the maximum, empty or unknown scopes', async () => {
    expectProblem(
      await withSession({
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { label: 'long', scopes: ['cases:read'], expiresInDays: 400 },
      }),
      400,
      'token_lifetime_invalid',
    );
    for (const scopes of [[], ['cases:delete']]) {
      expectProblem(
        await withSession({
          method: 'POST',
          url: '/api/v1/tokens',
          payload: { label: 'bad', scopes },
        }),
        400,
      );
    }
  });

  it("cannot revoke someone else's token: 404, and it keeps working", async () => {
    const other = await createToken(sys(), { email: chief.email, scopes: ['cases:read'] });
    secrets.push(other.token);
    expectProblem(
      await withSession({ method: 'DELETE', url: `/api/v1/tokens/${other.id}` }),
      404,
      'token_not_found',
    );
    const res = await t.as(
      { ...chief, token: other.token },
      { method: 'GET', url: '/api/v1/cases' },
    );
    expect(res.statusCode).toBe(200);
  });
});

describe('secrets appear nowhere', () => {
  it('not in lists, not in stored rows, not in audit rows, not in the logs', async () => {
    expect(secrets.length).toBeGreaterThan(8);
    const listed = JSON.stringify(await listAllTokens(sys()));
    const stored = JSON.stringify(await t.db.query(`SELECT * FROM api_tokens`));
    const audit = JSON.stringify(await t.db.query(`SELECT * FROM audit_events`));
    const logs = t.logs.join('\n');
    expect(logs).toContain('/api/v1/tokens');
    for (const secret of secrets) {
      const hash = hashToken(secret);
      expect(listed).not.toContain(secret);
      expect(listed).not.toContain(hash);
      expect(stored).not.toContain(secret);
      expect(audit).not.toContain(secret);
      expect(audit).not.toContain(hash);
      expect(logs).not.toContain(secret);
      expect(logs).not.toContain(hash);
    }
  });
});
