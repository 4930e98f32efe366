import type { Queryable } from '../db/client.ts';
import type { AssignmentRole, CaseStatus } from '../../shared/enums.ts';
import type { CaseAccessFacts } from '../policies/case.policy.ts';
import { insertRows, readTogether, rowByKey, updateById, type Read } from './sql.ts';

/**
 * What a case row says of the complaint and how it was classified (domain classification.ts):
 * the same columns whether the case was filed here or imported (`import-cases.repository.ts`).
 */
export interface CaseComplaintColumns {
  narrative: string;
  categories: string[];
  flags: string[];
  officers_unknown: boolean;
  lead_agency: string;
  restricted: boolean;
  restriction_reasons: string[];
}

/** The columns of a case row as stored. */
export interface CaseRow extends CaseComplaintColumns {
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

/**
 * The columns of CaseRow, named rather than `c.*`: a case read does not carry the search vector
 * and the imported source row, and a statement that keeps its plan (ADR 0059) must not change its
 * result's shape when a migration adds a column.
 */
const CASE_ROW_COLUMNS = [
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
  'status',
  'status_changed_at',
  'closed_on',
  'created_at',
  'created_by',
  'serious_injury_or_death',
  'in_custody',
  'narrative',
  'categories',
  'flags',
  'officers_unknown',
  'lead_agency',
  'restricted',
  'restriction_reasons',
] as const satisfies ReadonlyArray<keyof CaseRow>;

/** Compiles only while CASE_ROW_COLUMNS names every column of CaseRow. */
const everyCaseColumn: Exclude<keyof CaseRow, (typeof CASE_ROW_COLUMNS)[number]> extends never
  ? true
  : never = true;

export async function insertCase(
  tx: Queryable,
  c: Omit<CaseRow, 'status_changed_at' | 'closed_on'>,
): Promise<void> {
  // a new case's stage changed when it was created; the cache of case_agencies (migration 0003)
  // starts with the lead agency, whose row the intake adds next
  const row: Omit<CaseRow, 'closed_on'> & { agencies: string[] } = {
    ...c,
    status_changed_at: c.created_at,
    agencies: [c.lead_agency],
  };
  const columns = [
    ...CASE_ROW_COLUMNS.filter((column) => column !== 'closed_on'),
    'agencies',
  ] as const;
  await insertRows(tx, 'cases', columns, [columns.map((column) => row[column])]);
}

const FACTS_SELECT = `
  SELECT ${everyCaseColumn && CASE_ROW_COLUMNS.map((column) => `c.${column}`).join(', ')},
         COALESCE((SELECT array_agg(DISTINCT ca.agency) FROM case_agencies ca WHERE ca.case_id = c.id), '{}') AS agency_list,
         COALESCE((SELECT json_agg(json_build_object('userId', a.user_id, 'role', a.role))
                     FROM assignments a WHERE a.case_id = c.id AND a.ended_at IS NULL), '[]') AS assignment_list,
         COALESCE((SELECT array_agg(DISTINCT sc.user_id::text)
                     FROM allegations al JOIN staff_conflicts sc ON sc.member_id = al.member_id AND sc.ended_at IS NULL
                    WHERE al.case_id = c.id), '{}') AS conflicted_list,
         -- database clock on both sides: expires_at was set from now() when granted
         COALESCE((SELECT array_agg(DISTINCT g.user_id::text) FROM break_glass_grants g
                    WHERE g.case_id = c.id AND g.expires_at > now()), '{}') AS glass_list
    FROM cases c`;
const FACTS_SQL = `${FACTS_SELECT} WHERE c.jurisdiction = $1 AND c.log_number = $2`;

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

/**
 * A reader of a case and its access facts: `logNumberOf` first finds the case's log number from
 * the key the reader is given (and may lock the row), then the facts are read in a statement of
 * their own, so they are read after any lock was granted, not as they were before the wait.
 */
function caseReader(
  logNumberOf: (db: Queryable, jurisdiction: string, key: string) => Promise<string | undefined>,
) {
  return async (
    db: Queryable,
    jurisdiction: string,
    key: string,
  ): Promise<CaseWithFacts | undefined> => {
    const logNumber = await logNumberOf(db, jurisdiction, key);
    if (logNumber === undefined) {
      return undefined;
    }
    // every command on a case reads it by its key: planned once per connection (ADR 0059)
    const rows = await db.query<FactsRow>(FACTS_SQL, [jurisdiction, logNumber], {
      reusePlan: true,
    });
    return rows[0] ? toFacts(rows[0]) : undefined;
  };
}

const caseById = rowByKey<{ log_number: string }, [jurisdiction: string, id: string]>(
  'SELECT log_number FROM cases',
  ['jurisdiction', 'id'],
);
const caseByLogNumber = rowByKey<{ log_number: string }, [jurisdiction: string, log: string]>(
  'SELECT log_number FROM cases',
  ['jurisdiction', 'log_number'],
);

/** Reads a case and its access facts by log number, without locking. */
export const findCase = caseReader(async (_db, _jurisdiction, logNumber) => logNumber);

/**
 * Reads cases and their access facts by the cases' ids, in one statement and in no order: a list
 * whose rows name cases checks them all at once. Ids of no case of the jurisdiction are left out.
 */
export async function findCasesByIds(
  db: Queryable,
  jurisdiction: string,
  ids: readonly string[],
): Promise<CaseWithFacts[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db.query<FactsRow>(
    `${FACTS_SELECT} WHERE c.jurisdiction = $1 AND c.id = ANY($2::uuid[])`,
    [jurisdiction, ids],
  );
  return rows.map(toFacts);
}

/** Reads a case and its access facts by the case's id, without locking. */
export const findCaseById = caseReader(
  async (db, jurisdiction, id) => (await caseById(db, jurisdiction, id))?.log_number,
);

/**
 * Locks the case row (FOR UPDATE) for the rest of the transaction, then reads its facts. Two
 * commands on one case serialize here, so each re-checks the state the other left.
 */
export const lockCase = caseReader(
  async (tx, jurisdiction, logNumber) =>
    (await caseByLogNumber(tx, jurisdiction, logNumber, { lock: true }))?.log_number,
);

/** Moves the cached stage and sets the closing date that goes with it (domain closedOnAfter). */
export const updateCaseStatus = updateById<[status: CaseStatus, at: Date, closedOn: string | null]>(
  'cases',
  ['status', 'status_changed_at', 'closed_on'],
);

/** Sets the lead agency a re-routing decided. */
export const updateCaseRouting = updateById<[leadAgency: string]>('cases', ['lead_agency']);

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
  await updateById<unknown[]>('cases', columns)(tx, caseId, ...columns.map((c) => facts[c]));
}

/** Rewrites the case's categories cache (the union of intake's and its allegations'). */
export const setCaseCategories = updateById<[categories: readonly string[]]>('cases', [
  'categories',
]);

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

/** The reads of a case's children (`$1` the case id), to run together with others. */
export function caseChildrenReads(caseId: string): {
  [K in keyof CaseChildren]: Read<CaseChildren[K][number]>;
} {
  const read = (sql: string, times: string[]) => ({ sql, params: [caseId], times });
  return {
    agencies: read(
      `SELECT agency, track, role, added_at FROM case_agencies WHERE case_id = $1 ORDER BY added_at, id`,
      ['added_at'],
    ),
    assignments: read(
      `SELECT a.id, a.user_id, u.email, u.display_name, u.agency, a.role, a.assigned_at
         FROM assignments a JOIN users u ON u.id = a.user_id WHERE a.case_id = $1 AND a.ended_at IS NULL ORDER BY a.assigned_at, a.id`,
      ['assigned_at'],
    ),
    activities: read(
      `SELECT id, kind, occurred_at, place, outcome, summary, member_id, agency, recorded_at FROM activities WHERE case_id = $1 ORDER BY occurred_at, id`,
      ['occurred_at', 'recorded_at'],
    ),
    statusHistory: read(
      `SELECT from_status, to_status, reason, note, at FROM case_status_history WHERE case_id = $1 ORDER BY at, id`,
      ['at'],
    ),
    routing: read(
      `SELECT agency, clause, rule, explanation, explanation_es, decided_at, joint_reason FROM routing_decisions WHERE case_id = $1 ORDER BY decided_at, id`,
      ['decided_at'],
    ),
  };
}

/** A case's children, in one statement. */
export function listCaseChildren(db: Queryable, caseId: string): Promise<CaseChildren> {
  return readTogether(db, caseChildrenReads(caseId));
}
