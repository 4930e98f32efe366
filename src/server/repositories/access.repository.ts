import type { Queryable } from '../db/client.ts';
import { insertRows, lockedRowByKey, updateById } from './sql.ts';

/** One break-the-glass grant as stored. */
export interface BreakGlassRow {
  id: string;
  case_id: string;
  log_number: string;
  user_id: string;
  user_email: string;
  agency: string;
  reason: string;
  granted_at: Date;
  expires_at: Date;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_note: string | null;
}

/** Records a conflict of interest between a staff member and a department member. */
export async function insertConflict(
  tx: Queryable,
  c: {
    id: string;
    jurisdiction: string;
    userId: string;
    memberId: string;
    relation: string;
    recordedAt: Date;
    recordedBy: string | null;
  },
): Promise<void> {
  await insertRows(
    tx,
    'staff_conflicts',
    ['id', 'jurisdiction', 'user_id', 'member_id', 'relation', 'recorded_at', 'recorded_by'],
    [[c.id, c.jurisdiction, c.userId, c.memberId, c.relation, c.recordedAt, c.recordedBy]],
  );
}

/** Whether the user already has an open conflict recorded with the member. */
export async function hasOpenConflict(
  db: Queryable,
  userId: string,
  memberId: string,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM staff_conflicts WHERE user_id = $1 AND member_id = $2 AND ended_at IS NULL`,
    [userId, memberId],
  );
  return rows.length > 0;
}

/**
 * Grants break-the-glass access. `expires_at` comes from the database clock, the same clock the
 * access check compares it with (cases.repository FACTS_SQL).
 */
export async function insertBreakGlass(
  tx: Queryable,
  g: {
    id: string;
    jurisdiction: string;
    caseId: string;
    userId: string;
    agency: string;
    reason: string;
    grantedAt: Date;
    minutes: number;
  },
): Promise<{ expiresAt: Date }> {
  const rows = await tx.query<{ expires_at: Date }>(
    `INSERT INTO break_glass_grants (id, jurisdiction, case_id, user_id, agency, reason, granted_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(mins => $8::int))
     RETURNING expires_at`,
    [g.id, g.jurisdiction, g.caseId, g.userId, g.agency, g.reason, g.grantedAt, g.minutes],
  );
  return { expiresAt: rows[0]!.expires_at };
}

const GRANT_SQL = `
  SELECT g.id, g.case_id, c.log_number, g.user_id, u.email AS user_email, g.agency, g.reason,
         g.granted_at, g.expires_at, g.reviewed_at, g.reviewed_by, g.review_note
    FROM break_glass_grants g
    JOIN cases c ON c.id = g.case_id
    JOIN users u ON u.id = g.user_id`;

/**
 * Grants a reviewer is flagged: all of them for `agency` null (the auditor), otherwise those on
 * cases the reviewer's agency leads or has a track on. Newest first.
 */
export async function listBreakGlass(
  db: Queryable,
  jurisdiction: string,
  opts: { agency: string | null; openOnly: boolean; page: number; pageSize: number },
): Promise<{ rows: BreakGlassRow[]; total: number }> {
  const where = [
    'g.jurisdiction = $1',
    `($2::text IS NULL OR c.lead_agency = $2 OR EXISTS (SELECT 1 FROM case_agencies ca WHERE ca.case_id = c.id AND ca.agency = $2))`,
    `(NOT $3::boolean OR g.reviewed_at IS NULL)`,
  ].join(' AND ');
  const params = [jurisdiction, opts.agency, opts.openOnly];
  const rows = await db.query<BreakGlassRow>(
    `${GRANT_SQL} WHERE ${where} ORDER BY g.granted_at DESC, g.id LIMIT $4 OFFSET $5`,
    [...params, opts.pageSize, (opts.page - 1) * opts.pageSize],
  );
  const count = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM break_glass_grants g JOIN cases c ON c.id = g.case_id WHERE ${where}`,
    params,
  );
  return { rows, total: count[0]!.n };
}

/** One grant, locked for review. */
export const lockBreakGlass = lockedRowByKey<BreakGlassRow, [jurisdiction: string, id: string]>(
  GRANT_SQL,
  ['g.jurisdiction', 'g.id'],
  'g',
);

/** Marks a grant reviewed. */
export const markBreakGlassReviewed = updateById<[at: Date, by: string, note: string]>(
  'break_glass_grants',
  ['reviewed_at', 'reviewed_by', 'review_note'],
);
