/**
 * The generated authorization test (issue 6): every route the app registers, called by every
 * role and by nobody, against the expectation table below. It FAILS when a route has no
 * expectation, so a route added on any branch must be listed here.
 *
 * Adding a route is one line in EXPECTATIONS:
 *   - a public route (portal, complaint form, sign-in page):
 *       'POST /api/public/v1/complaints': publicRoute({ payload: {...} }),
 *     (every caller, anonymous included, must get a status below 400)
 *   - a staff route: `staff(request, { ok: [...roles], hidden: [...roles], status: {...} })`:
 *     roles in `ok` get a 2xx, `hidden` a 404 (the record is invisible to them), `status` any
 *     other exact answer (409, 422…), everyone else a 403; nobody (no token) a 401. `request`
 *     builds a FRESH request per call (new case, new statement…), so one caller's success never
 *     changes what the next one meets.
 * HEAD routes mirror their GET route and are called with the same expectation.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '../src/shared/enums.ts';
import { testApp, type InjectMethod, type TestApp, type TestUser } from './test-app.ts';
import { addMember, buildIntake, fileCase, walk } from './factories.ts';
import { TEST_JURISDICTION } from './test-db.ts';
import { addUser } from '../src/server/commands/users.ts';
import { Authenticator, signInWithCode } from './authenticator.ts';
import { hashToken } from '../src/server/security/credentials.ts';
import { eisBacktest, keepBacktest } from '../src/server/commands/eis-backtest.ts';

type Caller = Role | 'anonymous';
type Request = Omit<InjectOptions, 'method'> & { url: string };

interface Expectation {
  label: string;
  public?: boolean;
  request: (w: World) => Promise<Request>;
  ok: readonly Role[];
  hidden: readonly Role[];
  status: Partial<Record<Role, number>>;
}

interface World {
  t: TestApp;
  /** Fixture makers (never callers): a COPA chief administrator and an investigator. */
  chief: TestUser;
  fixtureInvestigator: TestUser;
  /** Reviews the chief's statements (a second person: issue 22 item 2). */
  fixtureReviewer: TestUser;
}

const publicRoute = (req: Partial<Request> = {}): Expectation[] => [
  {
    label: 'public',
    public: true,
    request: async () => ({ url: '', ...req }),
    ok: ROLES,
    hidden: [],
    status: {},
  },
];

function staff(
  request: (w: World) => Promise<Request>,
  outcome: {
    ok: readonly Role[];
    hidden?: readonly Role[];
    status?: Partial<Record<Role, number>>;
  },
  label = 'COPA case',
): Expectation {
  return {
    label,
    request,
    ok: outcome.ok,
    hidden: outcome.hidden ?? [],
    status: outcome.status ?? {},
  };
}

// ── fixtures: each call makes its own ──
async function newCase(
  w: World,
  opts: { restricted?: boolean; investigation?: boolean } = {},
): Promise<string> {
  const log = await fileCase(
    w.t,
    w.chief,
    opts.restricted ? { categories: ['sexual_misconduct'] } : {},
  );
  if (opts.investigation) {
    await walk(w.t, w.chief, log, [{ to: 'preliminary' }, { to: 'investigation' }]);
  }
  return log;
}

async function call(
  w: World,
  method: InjectMethod,
  url: string,
  payload?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const res = await w.t.as(w.chief, {
    method: method,
    url,
    ...(payload ? { payload } : {}),
  });
  if (res.statusCode >= 300) {
    throw new Error(`fixture ${method} ${url}: ${res.statusCode} ${res.body}`);
  }
  return res.json();
}

async function caseWithAllegation(w: World): Promise<{ log: string; id: string; star: string }> {
  const log = await newCase(w, { investigation: true });
  const member = await addMember(w.t, w.chief);
  const a = await call(w, 'POST', `/api/v1/cases/${log}/allegations`, {
    star: member.star,
    category: 'excessive_force',
    summary: 'Pushed the complainant.',
  });
  return { log, id: a.id as string, star: member.star };
}

async function deadlineOf(w: World, log: string, kind: string): Promise<string> {
  const c = await call(w, 'GET', `/api/v1/cases/${log}`);
  const d = (c.deadlines as Array<{ id: string; kind: string }>).find((x) => x.kind === kind);
  if (!d) {
    throw new Error(`no ${kind} deadline`);
  }
  return d.id;
}

/**
 * A fresh case's acknowledgement letter: to a complainant with a postal address (print, so a send
 * needs no mail server), approved when asked; with no address the letter is failed at once.
 */
async function letterOf(
  w: World,
  opts: { approved?: boolean; noAddress?: boolean } = {},
): Promise<string> {
  const log = await fileCase(w.t, w.chief, {
    parties: [
      {
        role: 'complainant',
        name: 'Jordan Example',
        ...(opts.noAddress ? { phone: '312-555-0100' } : { address: '1 N. State St.' }),
      },
    ],
  });
  const r = await call(w, 'POST', `/api/v1/cases/${log}/letters`, { kind: 'acknowledgement' });
  const id = (r.items as Array<{ id: string }>)[0]!.id;
  if (opts.approved) {
    await call(w, 'POST', `/api/v1/letters/${id}/approve`);
  }
  return id;
}

/** The party ids of a fresh case's (named) complainant, as a subject-access request names them. */
async function partyOf(
  w: World,
  opts: { restricted?: boolean } = {},
): Promise<{ partyIds: string[] }> {
  const c = await call(w, 'GET', `/api/v1/cases/${await newCase(w, opts)}`);
  return { partyIds: (c.parties as Array<{ id: string }>).map((p) => p.id) };
}

/** A concluded COPA case, whose narrative is published once reviewed (issue 17 item 5). */
async function concludedCase(w: World): Promise<string> {
  const log = await newCase(w);
  await walk(w.t, w.chief, log, [{ to: 'closed_no_finding', reason: 'withdrawn' }]);
  return log;
}

/** A concluded case whose narrative review the chief has opened, with its version. */
async function openedReview(w: World): Promise<{ log: string; version: string }> {
  const log = await concludedCase(w);
  const r = await call(w, 'GET', `/api/v1/cases/${log}/narrative-review`);
  return { log, version: r.version as string };
}

let facilityN = 0;
let eisN = 0;
const EIS_READERS: Role[] = ['supervisor', 'chief_administrator', 'auditor', 'admin'];

/** An early-intervention rule (kept by an administrator; written here as the fixture). */
async function eisRule(w: World): Promise<string> {
  const code = `rule-${++eisN}`;
  await w.t.db.query(
    `INSERT INTO eis_rules (id, jurisdiction, code, kind, label, threshold, days, active,
                            created_at, updated_at)
     VALUES ($1, $2, $3, 'count_in_days', 'Three in 180 days', 3, 180, true, now(), now())`,
    [crypto.randomUUID(), TEST_JURISDICTION, code],
  );
  return code;
}

/** A new alert (as a run raises it) on a fresh member: its id. */
async function eisAlert(w: World): Promise<string> {
  const code = await eisRule(w);
  const member = await addMember(w.t, w.chief);
  const id = crypto.randomUUID();
  await w.t.db.query(
    `INSERT INTO eis_alerts (id, jurisdiction, member_id, rule_id, raised_on, reasons, status,
                             status_changed_at, created_at)
     SELECT $1, $2, $3, r.id, '2024-06-01', '[]', 'new', now(), now()
       FROM eis_rules r WHERE r.jurisdiction = $2 AND r.code = $4`,
    [id, TEST_JURISDICTION, member.id, code],
  );
  return id;
}
const newFacility = async (w: World): Promise<string> => {
  const code = `FX${++facilityN}`;
  await call(w, 'POST', '/api/v1/facilities', { code, name: `Site ${code}`, kind: 'other' });
  return code;
};

/** A draft on a new case; `paired`: with its Spanish translation, both reviewed. */
async function statementOnCase(w: World, paired = false): Promise<{ log: string; id: string }> {
  const log = await newCase(w);
  const s = await call(w, 'POST', `/api/v1/cases/${log}/statements`, {
    text: 'The allegations are under investigation.',
    language: 'en',
  });
  const id = s.id as string;
  if (paired) {
    const es = await call(w, 'POST', `/api/v1/cases/${log}/statements`, {
      text: 'Las denuncias están bajo investigación.',
      language: 'es',
      translationOf: id,
    });
    for (const version of [id, es.id as string]) {
      const res = await w.t.as(w.fixtureReviewer, {
        method: 'POST',
        url: `/api/v1/statements/${version}/review`,
      });
      if (res.statusCode !== 200) {
        throw new Error(`fixture review: ${res.statusCode} ${res.body}`);
      }
    }
  }
  return { log, id };
}

const allRoles = (status: number): Partial<Record<Role, number>> =>
  Object.fromEntries(ROLES.map((r) => [r, status]));
const WORKERS: Role[] = ['intake', 'investigator', 'supervisor', 'chief_administrator'];
const NO_CASE_CONTENT: Role[] = ['analyst', 'admin'];
const MANAGERS: Role[] = ['supervisor', 'chief_administrator'];
const SPEAKERS: Role[] = ['public_information', 'chief_administrator'];
const ROSTER_READERS: Role[] = [...WORKERS, 'public_information', 'auditor', 'admin'];
const REPORT_READERS: Role[] = [...MANAGERS, 'public_information', 'analyst', 'auditor'];
const POLICY_READERS: Role[] = [...WORKERS, 'public_information', 'analyst', 'auditor'];

/** A policy recommendation made in 2026Q3 (so that quarter's report has data), its id. */
async function newRecommendation(w: World): Promise<string> {
  const r = await call(w, 'POST', '/api/v1/policy-recommendations', {
    madeOn: '2026-08-03',
    topic: 'Body-worn cameras',
    text: 'Activate cameras before every stop.',
    recipient: 'Superintendent of Police',
  });
  return r.id as string;
}

const PUBLIC_COMPLAINT = {
  language: 'es',
  narrative: 'Un agente me empujó en la estación.',
  anonymous: true,
};

/** A public route that needs a complaint's confirmation number and passphrase, filed fresh. */
function filedComplaint(
  body: (c: { confirmationNumber: string; passphrase: string }) => Record<string, unknown>,
): Expectation {
  return {
    label: 'filed complaint',
    public: true,
    request: async (w) => {
      const res = await w.t.as(null, {
        method: 'POST',
        url: '/api/public/v1/complaints',
        payload: PUBLIC_COMPLAINT,
      });
      if (res.statusCode !== 201) {
        throw new Error(`fixture complaint: ${res.statusCode} ${res.body}`);
      }
      const { confirmationNumber, passphrase } = res.json<{
        confirmationNumber: string;
        passphrase: string;
      }>();
      return { url: '', payload: body({ confirmationNumber, passphrase }) };
    },
    ok: ROLES,
    hidden: [],
    status: {},
  };
}

/** A public complaint with one attached photo, filed fresh: the photo's download URL. */
async function attachmentUrl(w: World): Promise<string> {
  const res = await w.t.as(null, {
    method: 'POST',
    url: '/api/public/v1/complaints',
    payload: {
      ...PUBLIC_COMPLAINT,
      categories: ['excessive_force'],
      files: [
        {
          name: 'foto.png',
          data: Buffer.from('\x89PNG\r\n\x1a\nphoto', 'latin1').toString('base64'),
        },
      ],
    },
  });
  if (res.statusCode !== 201) {
    throw new Error(`fixture complaint: ${res.statusCode} ${res.body}`);
  }
  const log = res.json<{ logNumber: string }>().logNumber;
  const c = await call(w, 'GET', `/api/v1/cases/${log}`);
  const files = c.attachments as Array<{ id: string }>;
  return `/api/v1/cases/${log}/attachments/${files[0]!.id}`;
}

/** The expectation table: "METHOD /url/pattern" → one or more scenarios. */
const EXPECTATIONS: Record<string, Expectation[]> = {
  // documentation and liveness are public
  'GET /health': publicRoute(),
  // readiness is public like liveness; /metrics is decided by where the client is, not who it is:
  // inject comes from loopback (the refusals of other addresses: test/operations.int.test.ts)
  'GET /ready': publicRoute(),
  'GET /metrics': publicRoute(),
  'GET /api/openapi.json': publicRoute(),
  'GET /api/docs': publicRoute(),
  'GET /api/docs/': publicRoute(),
  'GET /api/docs/static/index.html': publicRoute(),
  'GET /api/docs/static/swagger-initializer.js': publicRoute(),
  'GET /api/docs/json': publicRoute(),
  'GET /api/docs/yaml': publicRoute(),
  'GET /api/docs/static/*': publicRoute({ url: '/api/docs/static/swagger-ui.css' }),

  // sign-in authenticates nobody first: every caller may try (rate limits and lockout apply)
  'POST /api/v1/session': [
    {
      ...staff(
        async (w) => {
          const email = `signin-${++facilityN}@example.gov`;
          await addUser(
            { db: w.t.db, now: () => new Date(), jurisdiction: TEST_JURISDICTION },
            { email, agency: 'COPA', roles: ['analyst'], password: 'correct horse battery' },
          );
          return { url: '/api/v1/session', payload: { email, password: 'correct horse battery' } };
        },
        { ok: ROLES },
      ),
      public: true,
    },
  ],
  // the code step: a fresh user's enrolment challenge and a code computed from its secret
  'POST /api/v1/session/second-factor': [
    {
      ...staff(
        async (w) => {
          const email = `signin-${++facilityN}@example.gov`;
          await addUser(
            { db: w.t.db, now: () => new Date(), jurisdiction: TEST_JURISDICTION },
            { email, agency: 'COPA', roles: ['analyst'], password: 'correct horse battery' },
          );
          const first = await w.t.app.inject({
            method: 'POST',
            url: '/api/v1/session',
            payload: { email, password: 'correct horse battery' },
          });
          const { challenge, secret } = first.json<{ challenge: string; secret: string }>();
          const phone = new Authenticator(() => new Date());
          phone.add(email, secret);
          return { url: '', payload: { challenge, code: phone.code(email) } };
        },
        { ok: ROLES },
      ),
      public: true,
    },
  ],
  // the caller's own sessions (a token holder has none, but may end them all)
  'GET /api/v1/sessions': [staff(async () => ({ url: '/api/v1/sessions' }), { ok: ROLES })],
  'DELETE /api/v1/sessions': [staff(async () => ({ url: '/api/v1/sessions' }), { ok: ROLES })],
  // someone else's session is invisible to everyone
  'DELETE /api/v1/sessions/:sessionId': [
    staff(
      async (w) => {
        const email = `signin-${++facilityN}@example.gov`;
        await addUser(
          { db: w.t.db, now: () => new Date(), jurisdiction: TEST_JURISDICTION },
          { email, agency: 'COPA', roles: ['analyst'], password: 'correct horse battery' },
        );
        const s = await signInWithCode(
          w.t.app,
          new Authenticator(() => new Date()),
          email,
          'correct horse battery',
        );
        const [row] = await w.t.db.query<{ id: string }>(
          `SELECT id FROM sessions WHERE token_hash = $1`,
          [hashToken(s.cookie)],
        );
        return { url: `/api/v1/sessions/${row!.id}` };
      },
      { ok: [], hidden: ROLES },
      'another user’s session',
    ),
  ],
  'DELETE /api/v1/users/:userId/sessions': [
    staff(async (w) => ({ url: `/api/v1/users/${w.fixtureInvestigator.id}/sessions` }), {
      ok: ['admin'],
    }),
  ],
  // a bearer token is not a browser session: 401 for every token holder
  'GET /api/v1/session': [
    staff(async () => ({ url: '/api/v1/session' }), { ok: [], status: allRoles(401) }),
  ],
  'DELETE /api/v1/session': [
    staff(async () => ({ url: '/api/v1/session' }), { ok: [], status: allRoles(401) }),
  ],
  // how staff sign in, and sign-in through the organization's provider (ADR 0016): no credentials
  // read; without OIDC settings (as here) both flow routes send the browser back to the page
  'GET /api/v1/session/methods': publicRoute(),
  'GET /api/v1/session/oidc/start': publicRoute(),
  'GET /api/v1/session/oidc/callback': publicRoute({
    url: '/api/v1/session/oidc/callback?code=abc&state=def',
  }),
  // API tokens are managed from a browser session only: every bearer-token holder gets 403
  'GET /api/v1/tokens': [staff(async () => ({ url: '/api/v1/tokens' }), { ok: [] })],
  'POST /api/v1/tokens': [
    staff(
      async () => ({
        url: '/api/v1/tokens',
        payload: { label: 'export', scopes: ['cases:read'], expiresInDays: 30 },
      }),
      { ok: [] },
    ),
  ],
  'DELETE /api/v1/tokens/:id': [
    staff(async () => ({ url: `/api/v1/tokens/${crypto.randomUUID()}` }), { ok: [] }),
  ],
  'GET /api/v1/dashboard': [staff(async () => ({ url: '/api/v1/dashboard' }), { ok: ROLES })],
  'POST /api/v1/routing/preview': [
    staff(async () => ({ url: '/api/v1/routing/preview', payload: buildIntake() }), {
      ok: ['intake', ...MANAGERS],
    }),
  ],
  'POST /api/v1/cases': [
    staff(async () => ({ url: '/api/v1/cases', payload: buildIntake() }), {
      ok: ['intake', ...MANAGERS],
    }),
  ],
  'GET /api/v1/cases': [
    // the list is filtered per caller (visibility.int.test.ts); every role may ask
    staff(async () => ({ url: '/api/v1/cases' }), { ok: ROLES }),
  ],
  'GET /api/v1/cases/:logNumber': [
    staff(async (w) => ({ url: `/api/v1/cases/${await newCase(w)}` }), {
      ok: [...WORKERS, 'public_information', 'auditor'],
      hidden: NO_CASE_CONTENT,
    }),
    staff(
      async (w) => ({ url: `/api/v1/cases/${await newCase(w, { restricted: true })}` }),
      {
        ok: [...MANAGERS, 'public_information', 'auditor'],
        hidden: ['intake', 'investigator', ...NO_CASE_CONTENT],
      },
      'restricted COPA case',
    ),
  ],
  'PATCH /api/v1/cases/:logNumber': [
    // intake facts are corrected by the roles that register cases (issue 15)
    staff(
      async (w) => ({
        url: `/api/v1/cases/${await newCase(w)}`,
        payload: { channel: 'email', reason: 'It came by email.' },
      }),
      { ok: ['intake', ...MANAGERS], hidden: NO_CASE_CONTENT },
    ),
    staff(
      async (w) => ({
        url: `/api/v1/cases/${await newCase(w, { restricted: true })}`,
        payload: { channel: 'email', reason: 'It came by email.' },
      }),
      { ok: MANAGERS, hidden: ['intake', 'investigator', ...NO_CASE_CONTENT] },
      'restricted COPA case',
    ),
  ],
  'GET /api/v1/cases/:logNumber/attachments/:attachmentId': [
    staff(async (w) => ({ url: await attachmentUrl(w) }), {
      // a file can identify the person who came forward: identity readers only (intake while
      // the case is at intake, managers); everyone else cannot tell it exists
      ok: ['intake', ...MANAGERS],
      hidden: ['investigator', 'public_information', 'auditor', ...NO_CASE_CONTENT],
    }),
  ],
  'POST /api/v1/cases/:logNumber/transitions': [
    staff(
      async (w) => ({
        url: `/api/v1/cases/${await newCase(w)}/transitions`,
        payload: { to: 'preliminary' },
      }),
      { ok: ['intake', ...MANAGERS], hidden: NO_CASE_CONTENT },
    ),
  ],
  'POST /api/v1/cases/:logNumber/parties': [
    staff(
      async (w) => ({
        url: `/api/v1/cases/${await newCase(w)}/parties`,
        payload: { role: 'witness', name: 'Casey Witness' },
      }),
      { ok: ['intake', ...MANAGERS], hidden: NO_CASE_CONTENT },
    ),
  ],
  'POST /api/v1/cases/:logNumber/assignments': [
    staff(
      async (w) => ({
        url: `/api/v1/cases/${await newCase(w)}/assignments`,
        payload: { email: w.fixtureInvestigator.email, role: 'investigator' },
      }),
      { ok: MANAGERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'POST /api/v1/cases/:logNumber/agencies': [
    staff(
      async (w) => ({
        url: `/api/v1/cases/${await newCase(w, { investigation: true })}/agencies`,
        payload: { agency: 'BIA', track: 'criminal', role: 'parallel' },
      }),
      { ok: MANAGERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'POST /api/v1/cases/:logNumber/routing-review': [
    staff(
      async (w) => {
        // a sexual-misconduct case at BIA under a joint determination, then a force allegation:
        // the move back to COPA is offered (MCC 2-78-120(b-5)), restricted, need-to-know
        const log = await newCase(w, { restricted: true });
        await call(w, 'POST', `/api/v1/cases/${log}/agencies`, {
          agency: 'BIA',
          track: 'administrative',
          role: 'lead',
          jointDetermination: { reason: 'Joint determination of both agencies' },
        });
        await call(w, 'POST', `/api/v1/cases/${log}/allegations`, {
          unknownMember: true,
          category: 'excessive_force',
          summary: 'Pushed.',
        });
        return { url: `/api/v1/cases/${log}/routing-review`, payload: { agency: 'COPA' } };
      },
      { ok: MANAGERS, hidden: ['intake', 'investigator', ...NO_CASE_CONTENT] },
      'COPA case at BIA under a joint determination',
    ),
  ],
  'POST /api/v1/cases/:logNumber/allegations': [
    staff(
      async (w) => ({
        url: `/api/v1/cases/${await newCase(w, { investigation: true })}/allegations`,
        payload: { unknownMember: true, category: 'excessive_force', summary: 'Pushed.' },
      }),
      { ok: MANAGERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'POST /api/v1/cases/:logNumber/reported-officers/:id/resolution': [
    staff(
      async (w) => {
        const log = await fileCase(w.t, w.chief, {
          reportedOfficers: [{ name: 'Officer Smith', star: '4521' }],
        });
        const c = await call(w, 'GET', `/api/v1/cases/${log}`);
        const id = (c.reportedOfficers as Array<{ id: string }>)[0]!.id;
        return {
          url: `/api/v1/cases/${log}/reported-officers/${id}/resolution`,
          payload: { outcome: 'dismissed', reason: 'Not a department member.' },
        };
      },
      { ok: MANAGERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'PATCH /api/v1/cases/:logNumber/allegations/:id': [
    staff(
      async (w) => {
        const a = await caseWithAllegation(w);
        return {
          url: `/api/v1/cases/${a.log}/allegations/${a.id}`,
          payload: { recommendedFinding: 'sustained' },
        };
      },
      { ok: MANAGERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'POST /api/v1/cases/:logNumber/activities': [
    staff(
      async (w) => ({
        url: `/api/v1/cases/${await newCase(w, { investigation: true })}/activities`,
        payload: {
          kind: 'canvass',
          occurredAt: '2023-09-20T10:00:00-05:00',
          summary: 'Canvassed the lobby.',
        },
      }),
      { ok: MANAGERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'POST /api/v1/cases/:logNumber/statements': [
    staff(
      async (w) => ({
        url: `/api/v1/cases/${await newCase(w)}/statements`,
        payload: { text: 'Under investigation.', language: 'en' },
      }),
      { ok: SPEAKERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'POST /api/v1/cases/:logNumber/press-inquiries': [
    staff(
      async (w) => ({
        url: `/api/v1/cases/${await newCase(w)}/press-inquiries`,
        payload: {
          outlet: 'WBEZ',
          question: 'Were powers revoked?',
          receivedAt: '2023-09-21T10:00:00-05:00',
        },
      }),
      { ok: SPEAKERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'POST /api/v1/cases/:logNumber/deadlines/:id/extensions': [
    staff(
      async (w) => {
        const log = await newCase(w);
        const id = await deadlineOf(w, log, 'acknowledgement_letter');
        return {
          url: `/api/v1/cases/${log}/deadlines/${id}/extensions`,
          payload: { days: 5, reason: 'Translator needed.' },
        };
      },
      { ok: MANAGERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'POST /api/v1/cases/:logNumber/deadlines/:id/complete': [
    staff(
      async (w) => {
        const log = await newCase(w);
        const id = await deadlineOf(w, log, 'acknowledgement_letter');
        return { url: `/api/v1/cases/${log}/deadlines/${id}/complete`, payload: {} };
      },
      { ok: MANAGERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  // letters (issue 18, ADR 0033): the case team reads them; the lead agency's managers write,
  // approve, send and print them (an unassigned investigator is not on the team)
  'GET /api/v1/cases/:logNumber/letters': [
    staff(async (w) => ({ url: `/api/v1/cases/${await newCase(w)}/letters` }), {
      ok: [...WORKERS, 'auditor'],
      hidden: NO_CASE_CONTENT,
    }),
  ],
  'POST /api/v1/cases/:logNumber/letters': [
    staff(
      async (w) => ({
        url: `/api/v1/cases/${await newCase(w)}/letters`,
        payload: { kind: 'acknowledgement' },
      }),
      { ok: MANAGERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'POST /api/v1/letters/:letterId/approve': [
    staff(async (w) => ({ url: `/api/v1/letters/${await letterOf(w)}/approve` }), {
      ok: MANAGERS,
      hidden: NO_CASE_CONTENT,
    }),
  ],
  'POST /api/v1/letters/:letterId/send': [
    staff(async (w) => ({ url: `/api/v1/letters/${await letterOf(w, { approved: true })}/send` }), {
      ok: MANAGERS,
      hidden: NO_CASE_CONTENT,
    }),
  ],
  'POST /api/v1/letters/:letterId/retry': [
    staff(
      async (w) => ({ url: `/api/v1/letters/${await letterOf(w, { noAddress: true })}/retry` }),
      { ok: MANAGERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'GET /api/v1/letters/:letterId/pdf': [
    staff(async (w) => ({ url: `/api/v1/letters/${await letterOf(w)}/pdf` }), {
      ok: MANAGERS,
      hidden: NO_CASE_CONTENT,
    }),
  ],
  'GET /api/v1/outbox': [staff(async () => ({ url: '/api/v1/outbox' }), { ok: MANAGERS })],
  'GET /api/v1/outbox/print.pdf': [
    staff(async () => ({ url: '/api/v1/outbox/print.pdf?date=2023-09-20' }), { ok: MANAGERS }),
  ],
  'POST /api/v1/members': [
    staff(
      async () => ({
        url: '/api/v1/members',
        payload: { star: '99', firstName: 'A', lastName: 'B' },
      }),
      {
        ok: ['investigator', ...MANAGERS, 'admin'],
      },
    ),
  ],
  'GET /api/v1/members': [
    staff(async () => ({ url: '/api/v1/members?q=smith' }), { ok: ROSTER_READERS }),
  ],
  'GET /api/v1/members/:id': [
    staff(async (w) => ({ url: `/api/v1/members/${(await addMember(w.t, w.chief)).id}` }), {
      ok: ROSTER_READERS,
    }),
  ],
  'POST /api/v1/members/:id/duty-status': [
    staff(
      async (w) => {
        const log = await newCase(w, { investigation: true });
        const m = await addMember(w.t, w.chief);
        return {
          url: `/api/v1/members/${m.id}/duty-status`,
          payload: {
            action: 'relieved_of_police_powers',
            stage: 'recommended',
            logNumber: log,
            reason: 'Allegations of sexual misconduct.',
            effectiveAt: '2023-09-22T10:00:00-05:00',
          },
        };
      },
      { ok: ['chief_administrator'], hidden: NO_CASE_CONTENT },
    ),
  ],
  'GET /api/v1/narrative-reviews': [
    staff(async () => ({ url: '/api/v1/narrative-reviews' }), { ok: SPEAKERS }, 'queue'),
  ],
  'GET /api/v1/cases/:logNumber/narrative-review': [
    staff(async (w) => ({ url: `/api/v1/cases/${await concludedCase(w)}/narrative-review` }), {
      ok: SPEAKERS,
      hidden: NO_CASE_CONTENT,
    }),
  ],
  'POST /api/v1/cases/:logNumber/narrative-review/decisions': [
    staff(
      async (w) => {
        const { log, version } = await openedReview(w);
        return {
          url: `/api/v1/cases/${log}/narrative-review/decisions`,
          payload: { version, decision: 'add', start: 0, end: 3, kind: 'person_name' },
        };
      },
      { ok: SPEAKERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'POST /api/v1/cases/:logNumber/narrative-review/approve': [
    staff(
      async (w) => {
        const { log, version } = await openedReview(w);
        return { url: `/api/v1/cases/${log}/narrative-review/approve`, payload: { version } };
      },
      { ok: SPEAKERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'GET /api/v1/statements': [staff(async () => ({ url: '/api/v1/statements' }), { ok: SPEAKERS })],
  'POST /api/v1/statements': [
    staff(
      async () => ({
        url: '/api/v1/statements',
        payload: { text: 'The office answers the press within a day.', language: 'en' },
      }),
      { ok: SPEAKERS },
    ),
  ],
  'POST /api/v1/statements/:id/review': [
    staff(async (w) => ({ url: `/api/v1/statements/${(await statementOnCase(w)).id}/review` }), {
      ok: SPEAKERS,
      hidden: NO_CASE_CONTENT,
    }),
  ],
  'POST /api/v1/statements/:id/publish': [
    staff(
      async (w) => ({ url: `/api/v1/statements/${(await statementOnCase(w, true)).id}/publish` }),
      { ok: SPEAKERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'POST /api/v1/press-inquiries/:id/answer': [
    staff(
      async (w) => {
        const s = await statementOnCase(w, true);
        await call(w, 'POST', `/api/v1/statements/${s.id}/publish`);
        const p = await call(w, 'POST', `/api/v1/cases/${s.log}/press-inquiries`, {
          outlet: 'WBEZ',
          question: 'Status?',
          receivedAt: '2023-09-21T10:00:00-05:00',
        });
        return {
          url: `/api/v1/press-inquiries/${p.id as string}/answer`,
          payload: { statementId: s.id },
        };
      },
      { ok: SPEAKERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'GET /api/v1/press-inquiries': [
    staff(async () => ({ url: '/api/v1/press-inquiries' }), { ok: SPEAKERS }, 'office'),
  ],
  'POST /api/v1/press-inquiries': [
    staff(
      async () => ({
        url: '/api/v1/press-inquiries',
        payload: {
          outlet: 'WBEZ',
          question: 'Any policy change?',
          receivedAt: '2023-09-21T10:00:00-05:00',
        },
      }),
      { ok: SPEAKERS },
      'no case',
    ),
  ],
  'POST /api/v1/press-inquiries/:id/review': [
    staff(
      async (w) => {
        const p = await call(w, 'POST', `/api/v1/press-inquiries`, {
          outlet: 'WBEZ',
          question: 'Status?',
          receivedAt: '2023-09-21T10:00:00-05:00',
          logNumbers: [await newCase(w)],
        });
        await call(w, 'POST', `/api/v1/press-inquiries/${p.id as string}/answer`, {
          text: 'The matter is under investigation.',
        });
        return { url: `/api/v1/press-inquiries/${p.id as string}/review` };
      },
      { ok: SPEAKERS, hidden: NO_CASE_CONTENT },
    ),
  ],
  'GET /api/v1/facilities': [
    staff(async () => ({ url: '/api/v1/facilities' }), { ok: ROSTER_READERS }),
  ],
  'GET /api/v1/facilities/:code': [
    staff(async (w) => ({ url: `/api/v1/facilities/${await newFacility(w)}` }), {
      ok: ROSTER_READERS,
    }),
  ],
  'POST /api/v1/facilities': [
    staff(
      async () => ({
        url: '/api/v1/facilities',
        payload: { code: `NEW${++facilityN}`, name: 'New site', kind: 'other' },
      }),
      { ok: [...MANAGERS, 'admin'] },
    ),
  ],
  'POST /api/v1/facilities/:code/shelter-periods': [
    staff(
      async (w) => ({
        url: `/api/v1/facilities/${await newFacility(w)}/shelter-periods`,
        payload: { startsOn: '2023-05-01' },
      }),
      { ok: [...MANAGERS, 'admin'] },
    ),
  ],
  'POST /api/v1/facilities/:code/daily-counts': [
    staff(
      async (w) => ({
        url: `/api/v1/facilities/${await newFacility(w)}/daily-counts`,
        payload: { day: '2023-05-02', residents: 40 },
      }),
      { ok: [...MANAGERS, 'admin'] },
    ),
  ],
  'GET /api/v1/eis/rules': [staff(async () => ({ url: '/api/v1/eis/rules' }), { ok: EIS_READERS })],
  'POST /api/v1/eis/rules': [
    staff(
      async () => ({
        url: '/api/v1/eis/rules',
        payload: {
          kind: 'count_in_days',
          code: `new-${++eisN}`,
          label: 'Three in 180 days',
          threshold: 3,
          days: 180,
        },
      }),
      { ok: ['admin'] },
    ),
  ],
  'PUT /api/v1/eis/rules/:code': [
    staff(
      async (w) => {
        const code = await eisRule(w);
        return {
          url: `/api/v1/eis/rules/${code}`,
          payload: {
            kind: 'count_in_days',
            code,
            label: 'Four in 180 days',
            threshold: 4,
            days: 180,
          },
        };
      },
      { ok: ['admin'] },
    ),
  ],
  'POST /api/v1/eis/runs': [
    staff(async () => ({ url: '/api/v1/eis/runs', payload: { asOf: '2024-06-01' } }), {
      ok: ['admin'],
    }),
  ],
  'GET /api/v1/eis/backtest': [
    staff(
      async (w) => {
        const r = await eisBacktest(w.t.db, TEST_JURISDICTION, 'America/Chicago', {
          from: 2023,
          to: 2023,
          resamples: 1,
        });
        await keepBacktest(w.t.db, TEST_JURISDICTION, r, 1, new Date());
        return { url: '/api/v1/eis/backtest' };
      },
      { ok: EIS_READERS },
    ),
  ],
  'GET /api/v1/eis/alerts': [
    staff(async () => ({ url: '/api/v1/eis/alerts' }), { ok: EIS_READERS }),
  ],
  'GET /api/v1/eis/alerts/:id': [
    staff(async (w) => ({ url: `/api/v1/eis/alerts/${await eisAlert(w)}` }), { ok: EIS_READERS }),
  ],
  'POST /api/v1/eis/alerts/:id/steps': [
    staff(
      async (w) => ({
        url: `/api/v1/eis/alerts/${await eisAlert(w)}/steps`,
        payload: { to: 'acknowledged', note: 'Talked it through.' },
      }),
      { ok: MANAGERS },
    ),
  ],
  'GET /api/v1/reports/:kind/:period': [
    staff(
      async (w) => {
        await newRecommendation(w);
        return { url: '/api/v1/reports/quarterly/2026Q3' };
      },
      { ok: REPORT_READERS },
    ),
  ],
  'GET /api/v1/reports/:kind/:period/report.pdf': [
    staff(
      async (w) => {
        await newRecommendation(w);
        return { url: '/api/v1/reports/quarterly/2026Q3/report.pdf?version=public' };
      },
      { ok: REPORT_READERS },
    ),
  ],
  'GET /api/v1/reports/:kind/:period/tables/:table': [
    staff(
      async (w) => {
        await newRecommendation(w);
        return { url: '/api/v1/reports/quarterly/2026Q3/tables/policy_recommendations.csv' };
      },
      { ok: REPORT_READERS },
    ),
  ],
  'GET /api/v1/policy-recommendations': [
    staff(async () => ({ url: '/api/v1/policy-recommendations' }), { ok: POLICY_READERS }),
  ],
  'POST /api/v1/policy-recommendations': [
    staff(
      async () => ({
        url: '/api/v1/policy-recommendations',
        payload: { madeOn: '2026-08-03', topic: 'Pursuits', text: 'Review.', recipient: 'CPD' },
      }),
      { ok: ['chief_administrator'] },
    ),
  ],
  'POST /api/v1/policy-recommendations/:id/response': [
    staff(
      async (w) => ({
        url: `/api/v1/policy-recommendations/${await newRecommendation(w)}/response`,
        payload: { response: 'Accepted.', respondedOn: '2026-09-01' },
      }),
      { ok: ['chief_administrator'] },
    ),
  ],
  'POST /api/v1/policy-recommendations/:id/status': [
    staff(
      async (w) => ({
        url: `/api/v1/policy-recommendations/${await newRecommendation(w)}/status`,
        payload: { status: 'implemented' },
      }),
      { ok: ['chief_administrator'] },
    ),
  ],
  'GET /api/v1/audit/verify': [
    staff(async () => ({ url: '/api/v1/audit/verify' }), { ok: ['auditor'] }),
  ],
  'POST /api/v1/privacy/subject-access': [
    staff(async (w) => ({ url: '/api/v1/privacy/subject-access', payload: await partyOf(w) }), {
      ok: MANAGERS,
    }),
    staff(
      async (w) => ({
        url: '/api/v1/privacy/subject-access',
        payload: await partyOf(w, { restricted: true }),
      }),
      { ok: MANAGERS },
      'restricted COPA case',
    ),
  ],
  'GET /api/v1/audit/events': [
    staff(async () => ({ url: '/api/v1/audit/events?limit=5' }), { ok: ['auditor'] }),
  ],
  'POST /api/v1/conflicts': [
    staff(
      async (w) => {
        const m = await addMember(w.t, w.chief);
        const u = await w.t.user('investigator');
        return {
          url: '/api/v1/conflicts',
          payload: { email: u.email, star: m.star, relation: 'sibling' },
        };
      },
      { ok: ['admin', 'chief_administrator'] },
    ),
  ],
  'POST /api/v1/cases/:logNumber/break-glass': [
    staff(
      async (w) => ({
        url: `/api/v1/cases/${await newCase(w, { restricted: true })}/break-glass`,
        payload: {
          reason: 'Complainant called the hotline in distress; need contact details now.',
        },
      }),
      {
        ok: ['intake', 'investigator'],
        // those who already read it in full are told so; for everyone else the case is not there
        status: { supervisor: 409, chief_administrator: 409, auditor: 409 },
        hidden: ['public_information', ...NO_CASE_CONTENT],
      },
      'restricted COPA case',
    ),
  ],
  'GET /api/v1/break-glass': [
    staff(async () => ({ url: '/api/v1/break-glass' }), { ok: [...MANAGERS, 'auditor'] }),
  ],
  'POST /api/v1/break-glass/:id/review': [
    staff(
      async (w) => {
        const log = await newCase(w, { restricted: true });
        const g = await w.t.as(w.fixtureInvestigator, {
          method: 'POST',
          url: `/api/v1/cases/${log}/break-glass`,
          payload: { reason: 'Complainant called the hotline in distress; need contact details.' },
        });
        if (g.statusCode !== 201) {
          throw new Error(`fixture break-glass: ${g.statusCode} ${g.body}`);
        }
        return {
          url: `/api/v1/break-glass/${g.json<{ id: string }>().id}/review`,
          payload: { note: 'Justified: call logged.' },
        };
      },
      { ok: [...MANAGERS, 'auditor'] },
    ),
  ],
  // the public door (issue 5): no credentials read; every caller gets the same answer
  'POST /api/public/v1/complaints': publicRoute({ payload: PUBLIC_COMPLAINT }),
  'POST /api/public/v1/complaints/lookup': [filedComplaint((c) => c)],
  'POST /api/public/v1/complaints/information': [
    filedComplaint((c) => ({ ...c, text: 'I remembered the time: about 9 pm.' })),
  ],
  'GET /api/public/v1/cases': publicRoute(),
  'GET /api/public/v1/cases/:logNumber': [
    {
      label: 'public case',
      public: true,
      request: async (w) => ({ url: `/api/public/v1/cases/${await newCase(w)}` }),
      ok: ROLES,
      hidden: [],
      status: {},
    },
  ],
  'GET /api/public/v1/stats': publicRoute(),
  'GET /api/public/v1/office': publicRoute(),
  'GET /api/public/v1/statements': publicRoute(),
  'GET /api/public/v1/statements.atom': publicRoute(),
  'GET /api/public/v1/export/dictionary': publicRoute(),
  'GET /api/public/v1/export.csv': publicRoute(),
  'GET /api/public/v1/export.json': publicRoute(),
};

describe('every route × every role (generated from the registered routes)', () => {
  let t: TestApp;
  let world: World;
  const callers = new Map<Caller, TestUser | null>();

  beforeAll(async () => {
    // generous public rate limits: this test calls each public route once per caller
    const wide = { max: 10_000, windowMs: 60_000 };
    t = await testApp({
      publicPortal: { fileLimit: wide, lookupPerIp: wide, lookupPerNumber: wide },
      signInRateLimit: wide,
    });
    world = {
      t,
      chief: await t.user('chief_administrator', 'COPA', 'fixture-chief@example.gov'),
      fixtureInvestigator: await t.user('investigator', 'COPA', 'fixture-inv@example.gov'),
      fixtureReviewer: await t.user('public_information', 'COPA', 'fixture-pio@example.gov'),
    };
    callers.set('anonymous', null);
    for (const role of ROLES) {
      callers.set(role, await t.user(role, role === 'auditor' ? 'OIG' : 'COPA'));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const keyOf = (r: { method: string; url: string }) =>
    `${r.method === 'HEAD' ? 'GET' : r.method} ${r.url}`;

  it('every registered route has an expectation, and every expectation a route', () => {
    const registered = new Set(t.routes.map(keyOf));
    const missing = [...registered].filter((k) => !(k in EXPECTATIONS));
    expect(missing, 'routes without an expectation: add one line each to EXPECTATIONS').toEqual([]);
    const stale = Object.keys(EXPECTATIONS).filter((k) => !registered.has(k));
    expect(stale, 'expectations for routes that no longer exist').toEqual([]);
    // every staff route is covered for every role: each role lands in exactly one outcome
    for (const [key, scenarios] of Object.entries(EXPECTATIONS)) {
      for (const s of scenarios) {
        for (const role of ROLES) {
          const places = [s.ok.includes(role), s.hidden.includes(role), role in s.status];
          expect(places.filter(Boolean).length, `${key} ${s.label} ${role}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('each route answers each caller as the table says', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const route of t.routes) {
      const scenarios = EXPECTATIONS[keyOf(route)];
      if (!scenarios) {
        continue; // reported by the test above
      }
      for (const s of scenarios) {
        for (const [caller, user] of callers) {
          const req = await s.request(world);
          const url = req.url || route.url;
          const res = await t.as(user, { ...req, url, method: route.method });
          calls++;
          const got = res.statusCode;
          let want: string;
          let pass: boolean;
          if (s.public) {
            want = '< 400';
            pass = got < 400;
          } else if (caller === 'anonymous') {
            want = '401';
            pass = got === 401;
          } else if (s.ok.includes(caller)) {
            want = '2xx';
            pass = got >= 200 && got < 300;
          } else if (s.hidden.includes(caller)) {
            want = '404';
            pass = got === 404;
          } else {
            const exact = s.status[caller] ?? 403;
            want = String(exact);
            pass = got === exact;
          }
          if (pass && got >= 400 && route.method !== 'HEAD') {
            pass = /^application\/problem\+json/.test(String(res.headers['content-type']));
          }
          if (!pass) {
            failures.push(
              `${route.method} ${route.url} [${s.label}] as ${caller}: want ${want}, got ${got} ${res.body.slice(0, 160)}`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(400);
  }, 600_000);
});
