import { expect } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Queryable } from '../src/server/db/client.ts';
import type { TestApp, TestUser } from './test-app.ts';

/** An RFC 9457 problem body as the error handler writes it. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: Array<{ field: string; message: string }>;
}

/** One stored audit event, as the tests read it back. */
export interface AuditRow {
  seq: number;
  action: string;
  actor_id: string | null;
  actor_name: string;
  actor_roles: string[];
  actor_agency: string | null;
  ip: string | null;
  entity_type: string;
  entity_id: string;
  case_id: string | null;
  reason: string | null;
  changes: Record<string, unknown>;
}

type Method = 'GET' | 'POST' | 'PATCH';

/** Asserts an application/problem+json answer with `status` (and `code`) and returns its body. */
export function expectProblem(
  res: LightMyRequestResponse,
  status: number,
  code?: string,
): ProblemBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json<ProblemBody>();
  expect(body.status).toBe(status);
  expect(body.code).toMatch(/^[a-z][a-z0-9_]*$/);
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  if (code !== undefined) {
    expect(body.code).toBe(code);
  }
  return body;
}

/** Asserts a 400 validation_failed naming every one of `fields`. */
export function expectInvalidFields(res: LightMyRequestResponse, fields: string[]): ProblemBody {
  const body = expectProblem(res, 400, 'validation_failed');
  const named = (body.errors ?? []).map((e) => e.field);
  for (const field of fields) {
    expect(named, `errors[].field should name ${field}`).toContain(field);
  }
  for (const e of body.errors ?? []) {
    expect(e.message.length).toBeGreaterThan(0);
  }
  return body;
}

/** Every table a command can write to. */
export const DATA_TABLES = [
  'cases',
  'parties',
  'case_agencies',
  'routing_decisions',
  'case_status_history',
  'assignments',
  'allegations',
  'allegation_findings',
  'reported_officers',
  'activities',
  'statements',
  'statement_cases',
  'press_inquiries',
  'press_inquiry_cases',
  'deadlines',
  'deadline_extensions',
  'duty_status_actions',
  'members',
  'facilities',
  'facility_shelter_periods',
  'facility_daily_counts',
  'log_number_counters',
  'complaint_receipts',
  'complaint_additions',
  'attachments',
  'narrative_reviews',
  'narrative_span_decisions',
  'audit_events',
] as const;

/** Row counts of every data table, plus the state of the cached columns commands update. */
export async function snapshot(db: Queryable): Promise<Record<string, unknown>> {
  const counts = DATA_TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ');
  const [row] = await db.query<Record<string, number>>(`SELECT ${counts}`);
  const caches = await db.query(
    `SELECT (SELECT json_agg(json_build_object('s', status, 'r', restricted, 'l', lead_agency, 'o', officers_unknown,
                                               -- the intake facts a correction changes (issue 15)
                                               'f', json_build_array(incident_occurred_at, incident_address, incident_beat, incident_district,
                                                                     facility_id, categories, flags, channel)) ORDER BY log_number) FROM cases) AS cases,
            (SELECT json_agg(json_build_object('rf', recommended_finding, 'ff', final_finding) ORDER BY id) FROM allegations) AS allegations,
            (SELECT json_agg(json_build_object('s', status) ORDER BY id) FROM statements) AS statements,
            (SELECT json_agg(json_build_object('s', status, 'a', allegation_id) ORDER BY id) FROM reported_officers) AS reported,
            (SELECT json_agg(json_build_object('a', answered_at, 't', answer_text, 'r', reviewed_at) ORDER BY id) FROM press_inquiries) AS press,
            (SELECT json_agg(json_build_object('d', due_at, 'm', met_at, 'x', superseded_at) ORDER BY id) FROM deadlines) AS deadlines,
            (SELECT json_agg(json_build_object('n', last_seq) ORDER BY year) FROM log_number_counters) AS counters,
            (SELECT last_seq::int FROM audit_head) AS audit_head`,
  );
  return { ...row, ...caches[0] };
}

/** Runs `fn` and asserts it wrote nothing at all. */
export async function expectNoWrites(db: Queryable, fn: () => Promise<void>): Promise<void> {
  const before = await snapshot(db);
  await fn();
  expect(await snapshot(db)).toEqual(before);
}

/** Audit rows of one action (optionally for one entity), oldest first. */
export async function auditRows(
  db: Queryable,
  action: string,
  entityId?: string,
): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `SELECT seq::int AS seq, action, actor_id, actor_name, actor_roles, actor_agency, ip, entity_type, entity_id,
            case_id, reason, changes
       FROM audit_events WHERE action = $1 AND ($2::text IS NULL OR entity_id = $2) ORDER BY seq`,
    [action, entityId ?? null],
  );
}

/** The one audit row of `action` on `entityId`, asserting it is written by `user`. */
export async function expectAudit(
  db: Queryable,
  action: string,
  entityId: string,
  user: TestUser,
): Promise<AuditRow> {
  const rows = await auditRows(db, action, entityId);
  expect(rows, `one ${action} audit row for ${entityId}`).toHaveLength(1);
  const row = rows[0]!;
  expect(row.actor_id).toBe(user.id);
  expect(row.actor_name).toBe(user.email);
  expect(row.actor_agency).toBe(user.agency);
  expect([...row.actor_roles].sort()).toEqual([...user.roles].sort());
  expect(row.ip).toBe('127.0.0.1');
  return row;
}

/** The case id behind a log number. */
export async function caseId(db: Queryable, logNumber: string): Promise<string> {
  const rows = await db.query<{ id: string }>(`SELECT id FROM cases WHERE log_number = $1`, [
    logNumber,
  ]);
  expect(rows, `case ${logNumber} exists`).toHaveLength(1);
  return rows[0]!.id;
}

/** A JSON body just over the 1 MiB limit. */
export function oversizedBody(): string {
  return JSON.stringify({ padding: 'x'.repeat(1_048_576 + 10) });
}

/**
 * Unauthenticated calls: no header, a malformed header, and a well-formed but unknown token all
 * answer 401 problem+json (before the body is even parsed).
 */
export async function expectUnauthenticated(
  t: TestApp,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<void> {
  const headerSets: Array<Record<string, string>> = [
    {},
    { authorization: 'Basic dXNlcjpwYXNz' },
    { authorization: `Bearer ovs_${'A'.repeat(43)}` },
  ];
  for (const headers of headerSets) {
    const res = await t.app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
    });
    expectProblem(res, 401, 'unauthenticated');
  }
}

/**
 * The body-parsing failures every JSON route shares: malformed JSON (400 malformed_json), an
 * oversized body (413 body_too_large), a JSON array instead of an object (400), and an unknown
 * top-level field (400 validation_failed). None writes anything.
 */
export async function expectBodyParsingRejected(
  t: TestApp,
  user: TestUser,
  method: 'POST' | 'PATCH',
  url: string,
  validBody: Record<string, unknown>,
): Promise<void> {
  await expectNoWrites(t.db, async () => {
    const json = { 'content-type': 'application/json' };
    expectProblem(
      await t.as(user, { method, url, headers: json, payload: '{"to": "preliminary",' }),
      400,
      'malformed_json',
    );
    expectProblem(
      await t.as(user, { method, url, headers: json, payload: oversizedBody() }),
      413,
      'body_too_large',
    );
    expectProblem(
      await t.as(user, { method, url, headers: json, payload: '[1, 2]' }),
      400,
      'validation_failed',
    );
    const unknown = expectProblem(
      await t.as(user, { method, url, payload: { ...validBody, immigrationStatus: 'x' } }),
      400,
      'validation_failed',
    );
    expect(unknown.errors?.length).toBeGreaterThan(0);
    // the field named is the unknown key itself, not the body that holds it
    expect(unknown.errors?.map((e) => e.field)).toContain('immigrationStatus');
  });
}
