import type { Queryable } from '../db/client.ts';
import type { AssignmentRole, CaseStatus } from '../../shared/enums.ts';
import type { CaseAccessFacts, CaseScope } from '../policies/case.policy.ts';
import { insertRows } from './sql.ts';

/** The columns of a case row as stored. */
export interface CaseRow {
  id: string;
  jurisdiction: string;
  log_number: string;
  case_type: string;
  notification_type: string | null;
  channel: string;
  received_at: Date;
  incident_occurred_at: Date | null;
  incident_address: string | null;
  incident_beat: string | null;
  incident_district: string | null;
  facility_id: string | null;
  narrative: string;
  categories: string[];
  flags: string[];
  officers_unknown: boolean;
  lead_agency: string;
  restricted: boolean;
  restriction_reasons: string[];
  status: CaseStatus;
  status_changed_at: Date;
  /** Local date the case was closed (final or a closure); null while open (migration 0002). */
  closed_on: string | null;
  created_at: Date;
  created_by: string | null;
  /** Intake's routing facts (MCC §2-78-120(c)(ii), (d)); null when not recorded (migration 0014). */
  serious_injury_or_death: boolean | null;
  in_custody: boolean | null;
}

/** A case row with the facts the policy needs. */
export interface CaseWithFacts {
  row: CaseRow;
  facts: CaseAccessFacts;
}

/** The placeholder a case holds until its log number is assigned, inside the intake transaction. */
export function pendingLogNumber(caseId: string): string {
  return `pending:${caseId}`;
}

/**
 * Assigns the next log number of the year to a case inserted in this transaction, gap-free: the
 * counter row stays locked until the transaction ends and a rollback returns the number. One
 * statement, run last in the intake, so the lock is held for as few round trips as possible
 * (ADR 0005). The text is built like formatLogNumber(); the caller checks they agree.
 */
export async function assignLogNumber(
  tx: Queryable,
  jurisdiction: string,
  year: number,
  caseId: string,
): Promise<{ seq: number; logNumber: string }> {
  const rows = await tx.query<{ seq: number; log_number: string }>(
    `WITH seq AS (
       INSERT INTO log_number_counters (jurisdiction, year, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (jurisdiction, year) DO UPDATE SET last_seq = log_number_counters.last_seq + 1
       RETURNING last_seq)
     UPDATE cases SET log_number = $2::int::text || '-' || lpad(seq.last_seq::text, 7, '0')
       FROM seq WHERE cases.id = $3
     RETURNING seq.last_seq AS seq, cases.log_number`,
    [jurisdiction, year, caseId],
  );
  const row = rows[0]!;
  return { seq: row.seq, logNumber: row.log_number };
}

export async function insertCase(
  tx: Queryable,
  c: Omit<CaseRow, 'status_changed_at' | 'closed_on'>,
): Promise<void> {
  await insertRows(
    tx,
    'cases',
    [
      'id',
      'jurisdiction',
      'log_number',
      'case_type',
      'notification_type',
      'channel',
      'received_at',
      'incident_occurred_at',
      'incident_address',
      'incident_beat',
      'incident_district',
      'facility_id',
      'narrative',
      'categories',
      'flags',
      'officers_unknown',
      'lead_agency',
      'restricted',
      'restriction_reasons',
      'status',
      'status_changed_at',
      'created_at',
      'created_by',
      'serious_injury_or_death',
      'in_custody',
      // the cache of case_agencies (migration 0003): the intake adds the lead agency's row next
      'agencies',
    ],
    [
      [
        c.id,
        c.jurisdiction,
        c.log_number,
        c.case_type,
        c.notification_type,
        c.channel,
        c.received_at,
        c.incident_occurred_at,
        c.incident_address,
        c.incident_beat,
        c.incident_district,
        c.facility_id,
        c.narrative,
        c.categories,
        c.flags,
        c.officers_unknown,
        c.lead_agency,
        c.restricted,
        c.restriction_reasons,
        c.status,
        c.created_at,
        c.created_at,
        c.created_by,
        c.serious_injury_or_death,
        c.in_custody,
        [c.lead_agency],
      ],
    ],
  );
}

const FACTS_SQL = `
  SELECT c.*,
         COALESCE((SELECT array_agg(DISTINCT ca.agency) FROM case_agencies ca WHERE ca.case_id = c.id), '{}') AS agency_list,
         COALESCE((SELECT json_agg(json_build_object('userId', a.user_id, 'role', a.role))
                     FROM assignments a WHERE a.case_id = c.id AND a.ended_at IS NULL), '[]') AS assignment_list,
         COALESCE((SELECT array_agg(DISTINCT sc.user_id::text)
                     FROM allegations al JOIN staff_conflicts sc ON sc.member_id = al.member_id AND sc.ended_at IS NULL
                    WHERE al.case_id = c.id), '{}') AS conflicted_list,
         -- database clock on both sides: expires_at was set from now() when granted
         COALESCE((SELECT array_agg(DISTINCT g.user_id::text) FROM break_glass_grants g
                    WHERE g.case_id = c.id AND g.expires_at > now()), '{}') AS glass_list
    FROM cases c
   WHERE c.jurisdiction = $1 AND c.log_number = $2`;

interface FactsRow extends CaseRow {
  agency_list: string[];
  assignment_list: Array<{ userId: string; role: AssignmentRole }>;
  conflicted_list: string[];
  glass_list: string[];
}

function toFacts(r: FactsRow): CaseWithFacts {
  const { agency_list, assignment_list, conflicted_list, glass_list, ...row } = r;
  return {
    row,
    facts: {
      status: row.status,
      restricted: row.restricted,
      leadAgency: row.lead_agency,
      agencies: agency_list,
      assignments: assignment_list,
      conflictedUserIds: conflicted_list,
      glassUserIds: glass_list,
    },
  };
}

/** Reads a case and its access facts without locking. */
export async function findCase(
  db: Queryable,
  jurisdiction: string,
  logNumber: string,
): Promise<CaseWithFacts | undefined> {
  const rows = await db.query<FactsRow>(FACTS_SQL, [jurisdiction, logNumber]);
  return rows[0] ? toFacts(rows[0]) : undefined;
}

export async function findCaseById(
  db: Queryable,
  jurisdiction: string,
  caseId: string,
): Promise<CaseWithFacts | undefined> {
  const rows = await db.query<{ log_number: string }>(
    `SELECT log_number FROM cases WHERE jurisdiction = $1 AND id = $2`,
    [jurisdiction, caseId],
  );
  return rows[0] ? findCase(db, jurisdiction, rows[0].log_number) : undefined;
}

/**
 * Locks the case row (FOR UPDATE) for the rest of the transaction, then reads its facts. Two
 * commands on one case serialize here, so each re-checks the state the other left.
 */
export async function lockCase(
  tx: Queryable,
  jurisdiction: string,
  logNumber: string,
): Promise<CaseWithFacts | undefined> {
  const locked = await tx.query<{ id: string }>(
    `SELECT id FROM cases WHERE jurisdiction = $1 AND log_number = $2 FOR UPDATE`,
    [jurisdiction, logNumber],
  );
  if (locked.length === 0) {
    return undefined;
  }
  return findCase(tx, jurisdiction, logNumber);
}

/** Moves the cached stage and sets the closing date that goes with it (domain closedOnAfter). */
export async function updateCaseStatus(
  tx: Queryable,
  caseId: string,
  status: CaseStatus,
  at: Date,
  closedOn: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE cases SET status = $2, status_changed_at = $3, closed_on = $4 WHERE id = $1`,
    [caseId, status, at, closedOn],
  );
}

export async function updateCaseRouting(
  tx: Queryable,
  caseId: string,
  leadAgency: string,
): Promise<void> {
  await tx.query(`UPDATE cases SET lead_agency = $2 WHERE id = $1`, [caseId, leadAgency]);
}

/** The intake facts a correction may change (issue 15), by column. */
export type CorrectableFacts = Partial<
  Pick<
    CaseRow,
    | 'incident_occurred_at'
    | 'incident_address'
    | 'incident_beat'
    | 'incident_district'
    | 'facility_id'
    | 'categories'
    | 'flags'
    | 'channel'
  >
>;

const CORRECTABLE_COLUMNS: ReadonlyArray<keyof CorrectableFacts> = [
  'incident_occurred_at',
  'incident_address',
  'incident_beat',
  'incident_district',
  'facility_id',
  'categories',
  'flags',
  'channel',
];

/** Writes corrected intake facts; only the columns given change (names from a fixed list). */
export async function updateCaseFacts(
  tx: Queryable,
  caseId: string,
  facts: CorrectableFacts,
): Promise<void> {
  const columns = CORRECTABLE_COLUMNS.filter((c) => facts[c] !== undefined);
  if (columns.length === 0) {
    return;
  }
  await tx.query(
    `UPDATE cases SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`,
    [caseId, ...columns.map((c) => facts[c])],
  );
}

/** Rewrites the case's categories cache (the union of intake's and its allegations'). */
export async function setCaseCategories(
  tx: Queryable,
  caseId: string,
  categories: readonly string[],
): Promise<void> {
  await tx.query(`UPDATE cases SET categories = $2 WHERE id = $1`, [caseId, [...categories]]);
}

/** The case's latest routing decision: the one in force. */
export async function latestRoutingDecision(
  db: Queryable,
  caseId: string,
): Promise<CaseChildren['routing'][number] | undefined> {
  const rows = await db.query<CaseChildren['routing'][number]>(
    `SELECT agency, clause, rule, explanation, explanation_es, decided_at, joint_reason
       FROM routing_decisions WHERE case_id = $1 ORDER BY decided_at DESC, id DESC LIMIT 1`,
    [caseId],
  );
  return rows[0];
}

export async function setOfficersIdentified(tx: Queryable, caseId: string): Promise<void> {
  await tx.query(`UPDATE cases SET officers_unknown = false WHERE id = $1 AND officers_unknown`, [
    caseId,
  ]);
}

export interface StatusHistoryInsert {
  id: string;
  jurisdiction: string;
  caseId: string;
  from: string | null;
  to: string;
  reason: string | null;
  note: string | null;
  at: Date;
  actorId: string | null;
}

export async function insertStatusHistory(tx: Queryable, h: StatusHistoryInsert): Promise<void> {
  await insertRows(
    tx,
    'case_status_history',
    [
      'id',
      'jurisdiction',
      'case_id',
      'from_status',
      'to_status',
      'reason',
      'note',
      'at',
      'actor_id',
    ],
    [[h.id, h.jurisdiction, h.caseId, h.from, h.to, h.reason, h.note, h.at, h.actorId]],
  );
}

export interface RoutingInsert {
  id: string;
  jurisdiction: string;
  caseId: string;
  agency: string;
  clause: string;
  rule: string;
  explanation: string;
  explanationEs: string;
  decidedAt: Date;
  decidedBy: string | null;
  jointReason: string | null;
}

export async function insertRoutingDecision(tx: Queryable, r: RoutingInsert): Promise<void> {
  await insertRows(
    tx,
    'routing_decisions',
    [
      'id',
      'jurisdiction',
      'case_id',
      'agency',
      'clause',
      'rule',
      'explanation',
      'explanation_es',
      'decided_at',
      'decided_by',
      'joint_reason',
    ],
    [
      [
        r.id,
        r.jurisdiction,
        r.caseId,
        r.agency,
        r.clause,
        r.rule,
        r.explanation,
        r.explanationEs,
        r.decidedAt,
        r.decidedBy,
        r.jointReason,
      ],
    ],
  );
}

export interface CaseAgencyInsert {
  id: string;
  jurisdiction: string;
  caseId: string;
  agency: string;
  track: string;
  role: string;
  addedAt: Date;
  addedBy: string | null;
}

/** Adds an agency track; false when that agency already has that track on the case. */
export async function insertCaseAgency(tx: Queryable, a: CaseAgencyInsert): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO case_agencies (id, jurisdiction, case_id, agency, track, role, added_at, added_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (case_id, agency, track) DO NOTHING RETURNING id`,
    [a.id, a.jurisdiction, a.caseId, a.agency, a.track, a.role, a.addedAt, a.addedBy],
  );
  return rows.length === 1;
}

/** The agency tracks of a case. */
export async function listCaseAgencies(
  db: Queryable,
  caseId: string,
): Promise<Array<{ agency: string; track: string; role: string }>> {
  return db.query(
    `SELECT agency, track, role FROM case_agencies WHERE case_id = $1 ORDER BY added_at, id`,
    [caseId],
  );
}

/**
 * Gives an agency's existing track another role (lead ↔ parallel), keeping when and by whom it
 * was added. Rows are deleted and inserted, never updated (migration 0003 refuses an UPDATE so the
 * `cases.agencies` cache cannot go stale).
 */
export async function changeTrackRole(
  tx: Queryable,
  caseId: string,
  agency: string,
  track: string,
  role: string,
): Promise<void> {
  const gone = await tx.query<{
    jurisdiction: string;
    added_at: Date;
    added_by: string | null;
  }>(
    `DELETE FROM case_agencies WHERE case_id = $1 AND agency = $2 AND track = $3
     RETURNING jurisdiction, added_at, added_by`,
    [caseId, agency, track],
  );
  const row = gone[0];
  if (!row) {
    throw new Error(`no ${track} track of ${agency} on case ${caseId}`);
  }
  await tx.query(
    `INSERT INTO case_agencies (id, jurisdiction, case_id, agency, track, role, added_at, added_by)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7)`,
    [row.jurisdiction, caseId, agency, track, role, row.added_at, row.added_by],
  );
}

export interface AssignmentInsert {
  id: string;
  jurisdiction: string;
  caseId: string;
  userId: string;
  role: AssignmentRole;
  assignedAt: Date;
  assignedBy: string;
}

/** Assigns; an existing active assignment of that user in that role is kept (false). */
export async function insertAssignment(tx: Queryable, a: AssignmentInsert): Promise<boolean> {
  const existing = await tx.query(
    `SELECT 1 FROM assignments WHERE case_id = $1 AND user_id = $2 AND role = $3 AND ended_at IS NULL`,
    [a.caseId, a.userId, a.role],
  );
  if (existing.length > 0) {
    return false;
  }
  await insertRows(
    tx,
    'assignments',
    ['id', 'jurisdiction', 'case_id', 'user_id', 'role', 'assigned_at', 'assigned_by'],
    [[a.id, a.jurisdiction, a.caseId, a.userId, a.role, a.assignedAt, a.assignedBy]],
  );
  return true;
}

export interface ActivityInsert {
  id: string;
  jurisdiction: string;
  caseId: string;
  kind: string;
  occurredAt: Date;
  place: string | null;
  outcome: string | null;
  summary: string;
  memberId: string | null;
  agency: string;
  recordedAt: Date;
  recordedBy: string;
}

export async function insertActivity(tx: Queryable, a: ActivityInsert): Promise<void> {
  await insertRows(
    tx,
    'activities',
    [
      'id',
      'jurisdiction',
      'case_id',
      'kind',
      'occurred_at',
      'place',
      'outcome',
      'summary',
      'member_id',
      'agency',
      'recorded_at',
      'recorded_by',
    ],
    [
      [
        a.id,
        a.jurisdiction,
        a.caseId,
        a.kind,
        a.occurredAt,
        a.place,
        a.outcome,
        a.summary,
        a.memberId,
        a.agency,
        a.recordedAt,
        a.recordedBy,
      ],
    ],
  );
}

/**
 * SQL condition (and its parameters, numbered from `offset`) equivalent to caseView() !== 'none'.
 * It reads only the case row (`agencies` caches case_agencies, migration 0003) and one small
 * uncorrelated set, the caller's active assignments, which PostgreSQL hashes once per statement:
 * a correlated EXISTS per candidate row cost more than everything else in a list (ADR 0009).
 */
export function scopeCondition(
  scope: CaseScope,
  offset: number,
): { sql: string; params: unknown[] } {
  const u = `$${offset + 1}`;
  // a recorded relation to an accused member hides the case from that user (ADR 0013)
  // (an uncorrelated set, hashed once per statement, like the assignments below)
  const noConflict = `c.id NOT IN (SELECT cal.case_id FROM allegations cal JOIN staff_conflicts sc ON sc.member_id = cal.member_id AND sc.ended_at IS NULL WHERE sc.user_id = ${u})`;
  switch (scope.kind) {
    case 'all':
      return { sql: noConflict, params: [scope.userId] };
    case 'none':
      return { sql: 'false', params: [] };
    case 'agency': {
      const a = `$${offset + 2}`;
      const participates = `(c.lead_agency = ${a} OR c.agencies @> ARRAY[${a}]::text[])`;
      const kind =
        scope.unrestricted && scope.restricted
          ? participates
          : scope.unrestricted
            ? `(${participates} AND NOT c.restricted)`
            : scope.restricted
              ? `(${participates} AND c.restricted)`
              : null;
      const alternatives = [
        scope.assigned
          ? `c.id IN (SELECT asg.case_id FROM assignments asg WHERE asg.user_id = ${u} AND asg.ended_at IS NULL)`
          : null,
        scope.glass
          ? `c.id IN (SELECT bg.case_id FROM break_glass_grants bg WHERE bg.user_id = ${u} AND bg.expires_at > now())`
          : null,
        kind,
      ].filter(Boolean);
      return {
        sql: `((${alternatives.length > 0 ? alternatives.join(' OR ') : 'false'}) AND ${noConflict})`,
        params: [scope.userId, scope.agency],
      };
    }
  }
}

export interface CaseListFilters {
  q?: string | undefined;
  status?: string | undefined;
  category?: string | undefined;
  agency?: string | undefined;
  facility?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: 'received_desc' | 'received_asc' | 'log_number' | undefined;
  page: number;
  pageSize: number;
  timeZone: string;
}

export interface CaseListRow {
  log_number: string;
  case_type: string;
  received_at: Date;
  status: CaseStatus;
  categories: string[];
  lead_agency: string;
  restricted: boolean;
  facility_code: string | null;
}

/** ORDER BY keys of the list's sorts (from code, never from input), without a table alias. */
const SORTS = {
  received_desc: ['received_at DESC', 'log_number DESC'],
  received_asc: ['received_at ASC', 'log_number ASC'],
  log_number: ['log_number ASC'],
} as const;

const orderBy = (keys: readonly string[], alias: string): string =>
  keys.map((k) => `${alias}.${k}`).join(', ');

/**
 * Lists the cases the scope allows, filtered and paged, newest first (or by rank with `q`), with
 * the exact number of matches.
 *
 * Every condition reads only the case row, so the planner can use the indexes of migration 0003:
 * without `q`, the page and the count are index-only scans of a covering index in list order;
 * with `q`, the GIN index finds the matches, and one statement ranks them and counts them
 * (`count(*) OVER ()`), since ranking has to read every match anyway. Only the page beyond the
 * last match needs a separate count.
 */
export async function listCases(
  db: Queryable,
  jurisdiction: string,
  scope: CaseScope,
  f: CaseListFilters,
): Promise<{ rows: CaseListRow[]; total: number }> {
  const params: unknown[] = [jurisdiction];
  const where = ['c.jurisdiction = $1'];
  const scoped = scopeCondition(scope, params.length);
  params.push(...scoped.params);
  where.push(scoped.sql);
  const add = (sql: (p: string) => string, value: unknown): void => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  let query = '';
  if (f.q) {
    // websearch syntax: words, "phrases", -exclusions; both language configurations (the two
    // are one query when they agree, so a match is ranked once per term)
    params.push(f.q);
    const p = `$${params.length}`;
    query = `(CASE WHEN websearch_to_tsquery('english', ${p}) = websearch_to_tsquery('spanish', ${p})
                   THEN websearch_to_tsquery('english', ${p})
                   ELSE websearch_to_tsquery('english', ${p}) || websearch_to_tsquery('spanish', ${p}) END)`;
    where.push(`c.search @@ ${query}`);
  }
  if (f.status) {
    add((p) => `c.status = ${p}`, f.status);
  }
  if (f.category) {
    add((p) => `c.categories @> ARRAY[${p}]::text[]`, f.category);
  }
  if (f.agency) {
    add((p) => `(c.lead_agency = ${p} OR c.agencies @> ARRAY[${p}]::text[])`, f.agency);
  }
  if (f.facility) {
    add(
      (p) =>
        `c.facility_id = (SELECT fac.id FROM facilities fac WHERE fac.jurisdiction = $1 AND fac.code = ${p})`,
      f.facility,
    );
  }
  // date filters are calendar days in the profile's time zone
  if (f.from) {
    params.push(f.timeZone);
    add(
      (p) => `c.received_at >= ((${p}::date)::timestamp AT TIME ZONE $${params.length - 1})`,
      f.from,
    );
  }
  if (f.to) {
    params.push(f.timeZone);
    add(
      (p) => `c.received_at < ((${p}::date + 1)::timestamp AT TIME ZONE $${params.length - 1})`,
      f.to,
    );
  }
  const whereSql = where.join(' AND ');
  const countSql = `SELECT count(*)::int AS n FROM cases c WHERE ${whereSql}`;
  const limit = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
  const pageParams = [...params, f.pageSize, (f.page - 1) * f.pageSize];
  const columns = `c.log_number, c.case_type, c.received_at, c.status, c.categories, c.lead_agency, c.restricted, c.facility_id`;
  // the facility code is looked up for the page's rows only, after LIMIT
  const withFacility = (page: string, order: string): string =>
    `SELECT p.log_number, p.case_type, p.received_at, p.status, p.categories, p.lead_agency, p.restricted,
            fac.code AS facility_code${f.q ? ', p.total' : ''}
       FROM (${page}) p LEFT JOIN facilities fac ON fac.id = p.facility_id
      ORDER BY ${order}`;
  if (f.q) {
    const rows = await db.query<CaseListRow & { total: number }>(
      withFacility(
        `SELECT ${columns}, ts_rank(c.search, ${query}) AS rank, count(*) OVER ()::int AS total
           FROM cases c WHERE ${whereSql}
          ORDER BY ${f.sort ? orderBy(SORTS[f.sort], 'c') : `rank DESC, ${orderBy(SORTS.received_desc, 'c')}`} ${limit}`,
        f.sort ? orderBy(SORTS[f.sort], 'p') : `p.rank DESC, ${orderBy(SORTS.received_desc, 'p')}`,
      ),
      pageParams,
    );
    if (rows.length > 0 || f.page === 1) {
      return {
        rows: rows.map(({ total: _total, ...row }) => row),
        total: rows[0]?.total ?? 0,
      };
    }
    // a page past the last match: no row carries the total
    const counted = await db.query<{ n: number }>(countSql, params);
    return { rows: [], total: counted[0]?.n ?? 0 };
  }
  const counted = await db.query<{ n: number }>(countSql, params);
  const sort = SORTS[f.sort ?? 'received_desc'];
  const rows = await db.query<CaseListRow>(
    withFacility(
      `SELECT ${columns} FROM cases c WHERE ${whereSql}
        ORDER BY ${orderBy(sort, 'c')} ${limit}`,
      orderBy(sort, 'p'),
    ),
    pageParams,
  );
  return { rows, total: counted[0]?.n ?? 0 };
}

/** The append-only children of a case the staff page shows. */
export interface CaseChildren {
  agencies: Array<{ agency: string; track: string; role: string; added_at: Date }>;
  assignments: Array<{
    id: string;
    user_id: string;
    email: string;
    display_name: string;
    agency: string;
    role: AssignmentRole;
    assigned_at: Date;
  }>;
  activities: Array<{
    id: string;
    kind: string;
    occurred_at: Date;
    place: string | null;
    outcome: string | null;
    summary: string;
    member_id: string | null;
    agency: string;
    recorded_at: Date;
  }>;
  statusHistory: Array<{
    from_status: string | null;
    to_status: CaseStatus;
    reason: string | null;
    note: string | null;
    at: Date;
  }>;
  routing: Array<{
    agency: string;
    clause: string;
    rule: string;
    explanation: string;
    explanation_es: string;
    decided_at: Date;
    joint_reason: string | null;
  }>;
}

export async function listCaseChildren(db: Queryable, caseId: string): Promise<CaseChildren> {
  const [agencies, assignments, activities, statusHistory, routing] = await Promise.all([
    db.query<CaseChildren['agencies'][number]>(
      `SELECT agency, track, role, added_at FROM case_agencies WHERE case_id = $1 ORDER BY added_at, id`,
      [caseId],
    ),
    db.query<CaseChildren['assignments'][number]>(
      `SELECT a.id, a.user_id, u.email, u.display_name, u.agency, a.role, a.assigned_at
         FROM assignments a JOIN users u ON u.id = a.user_id WHERE a.case_id = $1 AND a.ended_at IS NULL ORDER BY a.assigned_at, a.id`,
      [caseId],
    ),
    db.query<CaseChildren['activities'][number]>(
      `SELECT id, kind, occurred_at, place, outcome, summary, member_id, agency, recorded_at FROM activities WHERE case_id = $1 ORDER BY occurred_at, id`,
      [caseId],
    ),
    db.query<CaseChildren['statusHistory'][number]>(
      `SELECT from_status, to_status, reason, note, at FROM case_status_history WHERE case_id = $1 ORDER BY at, id`,
      [caseId],
    ),
    db.query<CaseChildren['routing'][number]>(
      `SELECT agency, clause, rule, explanation, explanation_es, decided_at, joint_reason FROM routing_decisions WHERE case_id = $1 ORDER BY decided_at, id`,
      [caseId],
    ),
  ]);
  return { agencies, assignments, activities, statusHistory, routing };
}
