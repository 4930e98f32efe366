import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, type TestApp, type TestUser } from './test-app.ts';
import { engineName } from './test-db.ts';
import { expectProblem } from './http.ts';
import { fileCase } from './factories.ts';

/** The value of one sample line (`name{labels} value`) of a Prometheus text page, if present. */
function sample(page: string, prefix: string): number | undefined {
  const line = page.split('\n').find((l) => l.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('health, readiness and metrics (issue 21 item 6)', () => {
  let t: TestApp;
  let intake: TestUser;

  beforeAll(async () => {
    t = await testApp();
    intake = await t.user('intake');
  });
  afterAll(async () => {
    await t.close();
  });

  it('/ready answers ready when the database answers and its schema is current', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', engine: engineName });
  });

  it('/ready answers 503 migrations_pending while a migration of this build is not applied', async () => {
    const [last] = await t.db.query<{ name: string }>(
      `SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1`,
    );
    await t.db.query(`DELETE FROM schema_migrations WHERE name = $1`, [last!.name]);
    try {
      const res = await t.app.inject({ method: 'GET', url: '/ready' });
      expectProblem(res, 503, 'migrations_pending');
      expect(res.json<{ detail: string }>().detail).toContain(last!.name);
      // alive all the same: an orchestrator must not restart it for this
      expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await t.db.query(`INSERT INTO schema_migrations (name) VALUES ($1)`, [last!.name]);
    }
  });

  it('counts requests by route pattern, never by the log number in the URL', async () => {
    const log = await fileCase(t, intake);
    for (let i = 0; i < 3; i++) {
      await t.app.inject({ method: 'GET', url: `/api/public/v1/cases/${log}` });
    }
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const page = res.body;
    expect(page).not.toContain(log);
    const publicCase = page
      .split('\n')
      .filter((l) =>
        l.startsWith(
          'oversight_http_requests_total{method="GET",route="/api/public/v1/cases/:logNumber"',
        ),
      );
    expect(publicCase.map((l) => Number(l.split(' ').pop())).reduce((a, b) => a + b, 0)).toBe(3);
    expect(
      sample(
        page,
        'oversight_http_request_duration_seconds_count{method="GET",route="/api/public/v1/cases/:logNumber"}',
      ),
    ).toBe(3);
    expect(
      sample(
        page,
        'oversight_http_requests_total{method="POST",route="/api/v1/cases",status_code="201"}',
      ),
    ).toBe(1);
  });

  it('exposes the pool, overdue deadlines, the audit chain length, imports and the cache', async () => {
    // the factory's case was received in 2023: its clocks ran out long ago
    await fileCase(t, intake);
    // the public case list asked until it is served from the store: the first answer is computed
    // (a miss), and is kept unless a change's notification arrives while it is computed — on a
    // server the filing above is heard on the listening connection a moment after its commit
    let served = 0;
    for (let i = 0; i < 20 && served === 0; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/api/public/v1/cases' });
      expect(res.statusCode).toBe(200);
      const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
      served = sample(metrics, 'oversight_cache_requests_total{cache="list",result="hit"}') ?? 0;
    }
    const page = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const [head] = await t.db.query<{ last_seq: number }>(
      `SELECT last_seq::int AS last_seq FROM audit_head`,
    );
    expect(head!.last_seq).toBeGreaterThan(0);
    expect(sample(page, 'oversight_audit_chain_length ')).toBe(head!.last_seq);
    const [overdue] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deadlines WHERE met_at IS NULL AND superseded_at IS NULL AND due_at < now()`,
    );
    expect(overdue!.n).toBeGreaterThan(0);
    const overdueLines = page
      .split('\n')
      .filter((l) => l.startsWith('oversight_deadlines_overdue{'));
    expect(overdueLines.map((l) => Number(l.split(' ').pop())).reduce((a, b) => a + b, 0)).toBe(
      overdue!.n,
    );
    expect(
      sample(page, `oversight_db_pool_connections{engine="${engineName}",state="total"}`),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(page, `oversight_db_pool_connections{engine="${engineName}",state="waiting"}`),
    ).toBe(0);
    expect(sample(page, 'oversight_import_files ')).toBe(0);
    expect(sample(page, 'oversight_import_rows{outcome="read"}')).toBe(0);
    expect(
      sample(page, 'oversight_cache_requests_total{cache="list",result="hit"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(page, 'oversight_cache_requests_total{cache="list",result="miss"}'),
    ).toBeGreaterThanOrEqual(1);
    // the process's own figures beside them
    expect(page).toContain('process_resident_memory_bytes');
  });

  it('serves /metrics only to a client on this machine, not through a proxy', async () => {
    for (const from of [
      { remoteAddress: '203.0.113.7' },
      { headers: { 'x-forwarded-for': '203.0.113.7' } },
      { headers: { forwarded: 'for=203.0.113.7' } },
    ]) {
      const res = await t.app.inject({ method: 'GET', url: '/metrics', ...from });
      expectProblem(res, 403, 'metrics_loopback_only');
    }
  });

  it('a complaint filed with a name, email, phone and narrative leaves none of them in the log, and every line carries the request id', async () => {
    const person = {
      name: 'Anastasia Wojciechowska-Pérez',
      email: 'a.wojciechowska@example.org',
      phone: '773-555-0148',
    };
    const narrative =
      'Two officers stopped me outside the laundromat on 26th Street and searched my bag without asking. Distinctive-phrase-7431.';
    const from = t.logs.length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/v1/complaints',
      payload: {
        language: 'en',
        narrative,
        incident: { occurredAt: '2024-05-02T21:00:00-05:00', district: '010' },
        categories: ['improper_search_seizure'],
        anonymous: false,
        filedBy: 'self',
        contact: { ...person, preferredContact: 'email' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.headers['x-request-id'];
    expect(typeof id).toBe('string');
    const lines = t.logs.slice(from).map((l) => JSON.parse(l) as { reqId?: string; msg: string });
    // the capture saw the request, and each of its lines names it
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((l) => l.reqId === id)).toBe(true);
    const text = t.logs.slice(from).join('\n');
    for (const secret of [
      person.name,
      'Wojciechowska',
      person.email,
      person.phone,
      '555-0148',
      narrative,
      'laundromat',
      'Distinctive-phrase-7431',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('request ids differ between requests', async () => {
    const a = await t.app.inject({ method: 'GET', url: '/health' });
    const b = await t.app.inject({ method: 'GET', url: '/health' });
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });
});

describe('health and readiness without a database', () => {
  it('/health stays alive and /ready answers 503 database_unreachable', async () => {
    const t = await testApp();
    await t.db.close();
    try {
      const alive = await t.app.inject({ method: 'GET', url: '/health' });
      expect(alive.statusCode).toBe(200);
      expect(alive.json()).toEqual({ status: 'ok', engine: engineName });
      expectProblem(
        await t.app.inject({ method: 'GET', url: '/ready' }),
        503,
        'database_unreachable',
      );
    } finally {
      // the handle is already closed (a second close may refuse); the app still needs closing
      await t.close().catch(() => t.app.close());
    }
  });
});
