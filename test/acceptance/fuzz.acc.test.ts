/**
 * Property-based fuzzing of every registered route (issue 6): FUZZ_RUNS (default 10,000)
 * generated requests through app.inject — random callers (every role, no credentials, broken
 * headers), random path parameters, mutated valid bodies, random JSON, malformed text, odd
 * content types and query strings. Properties: no response is a 5xx; every error is
 * problem+json; and a rejected request writes nothing (row counts of every table and the audit
 * head are unchanged). The seed is printed on failure so a run can be replayed
 * (`FUZZ_SEED=<n> npx vitest run test/acceptance/fuzz.acc.test.ts`).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { ROLES } from '../../src/shared/enums.ts';
import { testApp, type TestApp, type TestUser } from '../test-app.ts';
import { addMember, buildIntake, fileCase, walk } from '../factories.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/**
 * Counts committed row changes per table: an AFTER row trigger on every table bumps a counter in
 * the same transaction, so a rolled-back write leaves no trace and a partial write shows up.
 */
async function installWriteCounters(t: TestApp): Promise<void> {
  await t.db.query(`CREATE TABLE fuzz_writes (tbl text PRIMARY KEY, n bigint NOT NULL)`);
  await t.db.query(`CREATE FUNCTION fuzz_count() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO fuzz_writes VALUES (TG_TABLE_NAME, 1)
        ON CONFLICT (tbl) DO UPDATE SET n = fuzz_writes.n + 1;
      RETURN NULL;
    END $$`);
  const tables = await t.db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('fuzz_writes', 'schema_migrations')`,
  );
  expect(tables.length).toBeGreaterThan(20);
  for (const { tablename } of tables) {
    await t.db.query(
      `CREATE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON ${tablename} FOR EACH ROW EXECUTE FUNCTION fuzz_count()`,
    );
  }
}

const WRITES_SQL = `SELECT tbl, n::int AS n FROM fuzz_writes ORDER BY tbl`;

/** Valid bodies to mutate, by route; routes not listed get random bodies only. */
function validBodies(w: { log: string; star: string; email: string }): Record<string, unknown> {
  return {
    'POST /api/v1/cases': buildIntake(),
    'POST /api/v1/routing/preview': buildIntake(),
    'POST /api/v1/cases/:logNumber/transitions': { to: 'preliminary' },
    'POST /api/v1/cases/:logNumber/parties': { role: 'witness', name: 'Casey Witness' },
    'POST /api/v1/cases/:logNumber/assignments': { email: w.email, role: 'investigator' },
    'POST /api/v1/cases/:logNumber/agencies': {
      agency: 'BIA',
      track: 'criminal',
      role: 'parallel',
    },
    'POST /api/v1/cases/:logNumber/allegations': {
      star: w.star,
      category: 'excessive_force',
      summary: 'Pushed.',
    },
    'PATCH /api/v1/cases/:logNumber/allegations/:id': { recommendedFinding: 'sustained' },
    'POST /api/v1/cases/:logNumber/activities': {
      kind: 'canvass',
      occurredAt: '2023-09-20T10:00:00-05:00',
      summary: 'Canvassed.',
    },
    'POST /api/v1/cases/:logNumber/statements': { text: 'Under investigation.', language: 'en' },
    'POST /api/v1/statements': { text: 'Under investigation.', language: 'en' },
    'POST /api/v1/cases/:logNumber/press-inquiries': {
      outlet: 'WBEZ',
      question: 'Status?',
      receivedAt: '2023-09-21T10:00:00-05:00',
    },
    'POST /api/v1/cases/:logNumber/deadlines/:id/extensions': { days: 5, reason: 'Translator.' },
    'POST /api/v1/cases/:logNumber/deadlines/:id/complete': {},
    'POST /api/v1/cases/:logNumber/break-glass': {
      reason: 'Complainant called the hotline in distress; details needed.',
    },
    'POST /api/v1/members': { star: '77', firstName: 'A', lastName: 'B' },
    'POST /api/v1/members/:id/duty-status': {
      action: 'relieved_of_police_powers',
      stage: 'recommended',
      logNumber: w.log,
      reason: 'Allegations.',
      effectiveAt: '2023-09-22T10:00:00-05:00',
    },
    'POST /api/v1/press-inquiries': {
      outlet: 'WBEZ',
      question: 'Any policy change?',
      receivedAt: '2023-09-21T10:00:00-05:00',
      respondBy: '2023-09-21T17:00:00-05:00',
      logNumbers: [w.log],
    },
    'POST /api/v1/press-inquiries/:id/answer': {
      statementId: '00000000-0000-4000-8000-000000000000',
    },
    'POST /api/v1/facilities': { code: 'FZ1', name: 'Site', kind: 'other' },
    'POST /api/v1/facilities/:code/shelter-periods': { startsOn: '2023-05-01' },
    'POST /api/v1/facilities/:code/daily-counts': { day: '2023-05-02', residents: 40 },
    'POST /api/v1/conflicts': { email: w.email, star: w.star, relation: 'sibling' },
    'POST /api/v1/break-glass/:id/review': { note: 'Justified.' },
    'POST /api/v1/session': { email: w.email, password: 'not the password' },
    'POST /api/v1/session/second-factor': { challenge: `ovsc_${'C'.repeat(43)}`, code: '123456' },
  };
}

/** Strings that have broken servers before. */
const NASTY = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\ud800',
  '../../etc/passwd',
  '%00',
  '%',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '9'.repeat(400),
  'NaN',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
  '😀'.repeat(50),
  '\u202e',
  'null',
);
const anyString = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  NASTY,
);
const anyJsonValue = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 3 }),
  anyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyString, { maxLength: 5 }),
  fc.dictionary(anyString, anyString, { maxKeys: 4 }),
);

function bump(
  rows: Array<{ tbl: string; n: number }>,
  tbl: string,
): Array<{ tbl: string; n: number }> {
  const found = rows.some((r) => r.tbl === tbl);
  const next = found
    ? rows.map((r) => (r.tbl === tbl ? { tbl, n: r.n + 1 } : r))
    : [...rows, { tbl, n: 1 }];
  return next.sort((a, b) => (a.tbl < b.tbl ? -1 : 1));
}

describe('fuzzing every route', () => {
  let t: TestApp;
  let callers: Array<TestUser | null>;
  const headerVariants: Array<Record<string, string>> = [
    { authorization: 'Bearer garbage' },
    { authorization: `Bearer ovs_${'A'.repeat(43)}` },
    { authorization: '' },
    { cookie: 'ovs_session=ovss_xyz' },
    { cookie: `ovs_session=ovss_${'B'.repeat(43)}` },
  ];
  let params: Record<string, string[]>;
  let bodies: Record<string, unknown>;

  beforeAll(async () => {
    t = await testApp();
    callers = [null];
    for (const role of ROLES) {
      callers.push(await t.user(role, role === 'auditor' ? 'OIG' : 'COPA'));
    }
    const chief = callers.find((c) => c?.roles.includes('chief_administrator'))!;
    const member = await addMember(t, chief);
    const log = await fileCase(t, chief);
    const restricted = await fileCase(t, chief, { categories: ['sexual_misconduct'] });
    await walk(t, chief, log, [{ to: 'preliminary' }, { to: 'investigation' }]);
    const allegation = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/allegations`,
      payload: { memberId: member.id, category: 'excessive_force', summary: 'x' },
    });
    const statement = await t.as(chief, {
      method: 'POST',
      url: `/api/v1/cases/${log}/statements`,
      payload: { text: 'Under investigation.', language: 'en' },
    });
    const c = (await t.as(chief, { method: 'GET', url: `/api/v1/cases/${log}` })).json<{
      deadlines: Array<{ id: string }>;
    }>();
    await t.as(chief, {
      method: 'POST',
      url: '/api/v1/facilities',
      payload: { code: 'D010', name: '10th District', kind: 'district_station' },
    });
    const ids = [
      member.id,
      allegation.json<{ id: string }>().id,
      statement.json<{ id: string }>().id,
      ...c.deadlines.map((d) => d.id),
    ];
    params = {
      logNumber: [log, restricted, '2023-0000001', '1053951'],
      id: ids,
      code: ['D010', 'NOPE'],
      '*': ['swagger-ui.css', 'x.js'],
    };
    bodies = validBodies({ log, star: member.star, email: callers[2]!.email });
    await installWriteCounters(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it(`${RUNS} generated requests: no 5xx, errors are problem+json, rejected requests write nothing`, async () => {
    const routes = t.routes.filter((r) => r.method !== 'HEAD');
    const stats = { total: 0, byClass: {} as Record<string, number> };

    const paramValue = (name: string) =>
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...(params[name] ?? ['x'])) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: anyString },
      );

    const request = fc
      .record({
        route: fc.constantFrom(...routes),
        caller: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...callers) },
          { weight: 1, arbitrary: fc.constantFrom(...headerVariants) },
        ),
        bodyKind: fc.constantFrom('valid', 'mutated', 'mutated', 'random', 'text', 'none'),
        mutationKey: anyString,
        mutationValue: anyJsonValue,
        dropKey: fc.boolean(),
        randomBody: anyJsonValue,
        text: fc.oneof(anyString, fc.constantFrom('{"a":', '[1,2', '{}}', '\u0000{}')),
        contentType: fc.constantFrom(
          'application/json',
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=latin1',
        ),
        query: fc.oneof(
          fc.constant(''),
          fc
            .dictionary(
              fc.constantFrom(
                'q',
                'page',
                'pageSize',
                'status',
                'open',
                'afterSeq',
                'limit',
                'action',
                'x',
              ),
              anyString,
              { maxKeys: 3 },
            )
            .map((d) => `?${new URLSearchParams(d).toString()}`),
        ),
        paramSeeds: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      })
      .chain((r) =>
        fc
          .tuple(
            ...(r.route.url.match(/:(\w+)|\*/g) ?? []).map((p) => paramValue(p.replace(':', ''))),
          )
          .map((values) => ({ ...r, values })),
      );

    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let i = 0;
        const path = r.route.url.replace(/:(\w+)|\*/g, () =>
          encodeURIComponent(r.values[i++]!.toWellFormed()),
        );
        const key = `${r.route.method} ${r.route.url}`;
        const valid = bodies[key];
        let payload: InjectOptions['payload'] | undefined;
        const headers: Record<string, string> = {};
        switch (r.bodyKind) {
          case 'valid':
            payload = valid === undefined ? undefined : JSON.stringify(valid);
            break;
          case 'mutated': {
            const base = { ...((valid as Record<string, unknown> | undefined) ?? {}) };
            const keys = Object.keys(base);
            const target =
              keys.length > 0 && !r.dropKey ? keys[r.paramSeeds[0]! % keys.length]! : r.mutationKey;
            if (r.dropKey && keys.length > 0) {
              delete base[keys[r.paramSeeds[1]! % keys.length]!];
            } else {
              base[target] = r.mutationValue;
            }
            payload = JSON.stringify(base);
            break;
          }
          case 'random':
            payload = JSON.stringify(r.randomBody);
            break;
          case 'text':
            payload = r.text;
            break;
          case 'none':
            break;
        }
        if (payload !== undefined) {
          headers['content-type'] = r.contentType;
        }
        // GET never writes on a refusal (reads are audited only once allowed): no snapshot needed
        const before = r.route.method === 'GET' ? null : await t.db.query(WRITES_SQL);
        const url = path + r.query;
        const opts: InjectOptions = {
          method: r.route.method,
          url,
          headers,
          ...(payload !== undefined && r.route.method !== 'GET' ? { payload } : {}),
        };
        const res =
          r.caller === null || 'token' in r.caller
            ? await t.as(r.caller as TestUser | null, opts)
            : await t.app.inject({ ...opts, headers: { ...headers, ...r.caller } });
        stats.total++;
        const cls = `${Math.floor(res.statusCode / 100)}xx`;
        stats.byClass[cls] = (stats.byClass[cls] ?? 0) + 1;
        expect(res.statusCode, `${r.route.method} ${url} → ${res.body.slice(0, 300)}`).toBeLessThan(
          500,
        );
        if (res.statusCode >= 400) {
          if (path.startsWith('/api/')) {
            expect(res.headers['content-type'], `${r.route.method} ${url}`).toMatch(
              /^application\/problem\+json/,
            );
          }
          // a rejected request leaves every table as it was; a refused sign-in writes exactly
          // its audit row (failed sign-ins are on the record)
          if (before) {
            const after = await t.db.query<{ tbl: string; n: number }>(WRITES_SQL);
            const rows = before as Array<{ tbl: string; n: number }>;
            if (
              (key === 'POST /api/v1/session' || key === 'POST /api/v1/session/second-factor') &&
              res.statusCode === 401
            ) {
              // a refused sign-in writes its audit row and counts the failure on the account
              const users = (list: Array<{ tbl: string; n: number }>) =>
                list.find((x) => x.tbl === 'users')?.n ?? 0;
              expect(users(after) - users(rows)).toBeLessThanOrEqual(2);
              const strip = (list: Array<{ tbl: string; n: number }>) =>
                list.filter((x) => x.tbl !== 'users');
              expect(strip(after), `${r.route.method} ${url}`).toEqual(
                strip(bump(bump(rows, 'audit_events'), 'audit_head')),
              );
            } else {
              expect(after, `${r.route.method} ${url} ${res.statusCode}`).toEqual(rows);
            }
          }
        }
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: true },
    );
    console.log(`fuzz: ${stats.total} requests`, JSON.stringify(stats.byClass));
    expect(stats.total).toBe(RUNS);
    // the generator reaches past validation: some requests succeed, many are refused
    expect(stats.byClass['2xx'] ?? 0).toBeGreaterThan(RUNS / 100);
    expect(stats.byClass['4xx'] ?? 0).toBeGreaterThan(RUNS / 2);
  }, 600_000);
});
