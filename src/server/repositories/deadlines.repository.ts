import type { Queryable } from '../db/client.ts';
import type { DeadlineKind } from '../../shared/enums.ts';
import type { DeadlineAnchorKind, DeadlineBasisFacts } from '../domain/clocks.ts';
import { insertRows } from './sql.ts';

export interface DeadlineInsert {
  id: string;
  jurisdiction: string;
  caseId: string;
  kind: string;
  sequence: number;
  dueDate: string;
  dueAt: string;
  anchorKind: string;
  anchorDate: string;
  basis: string;
  clause: string;
  createdAt: Date;
}

export async function insertDeadlines(tx: Queryable, rows: DeadlineInsert[]): Promise<void> {
  await insertRows(
    tx,
    'deadlines',
    [
      'id',
      'jurisdiction',
      'case_id',
      'kind',
      'sequence',
      'due_date',
      'due_at',
      'anchor_kind',
      'anchor_date',
      'basis',
      'clause',
      'created_at',
    ],
    rows.map((d) => [
      d.id,
      d.jurisdiction,
      d.caseId,
      d.kind,
      d.sequence,
      d.dueDate,
      d.dueAt,
      d.anchorKind,
      d.anchorDate,
      d.basis,
      d.clause,
      d.createdAt,
    ]),
  );
}

export interface DeadlineRow {
  id: string;
  case_id: string;
  kind: string;
  sequence: number;
  due_date: string;
  due_at: Date;
  anchor_kind: string;
  anchor_date: string;
  basis: string;
  clause: string;
  met_at: Date | null;
  extensions: Array<{
    days: number;
    day_kind: string;
    new_due_date: string;
    reason: string;
    granted_at: string;
    granted_by: string;
  }>;
}

/** What a stored deadline's basis is written from (its stored English `basis` is not used). */
export interface DeadlineBasisRow {
  kind: string;
  sequence: number;
  anchor_kind: string;
  anchor_date: string;
  clause: string;
  extensions: ReadonlyArray<{ days: number; day_kind: string; new_due_date: string }>;
}

/**
 * The extensions of the deadline aliased `d`, oldest first, as JSON: the fields its basis needs.
 * Reads that show a deadline's basis select it, so the basis says how far it was extended.
 */
export const DEADLINE_EXTENSION_DAYS_SQL = `COALESCE((SELECT json_agg(json_build_object('days', x.days, 'day_kind', x.day_kind, 'new_due_date', x.new_due_date) ORDER BY x.granted_at)
                    FROM deadline_extensions x WHERE x.deadline_id = d.id), '[]')`;

/**
 * A stored deadline's codes and dates, for `deadlineBasis()`: the texts every page shows are
 * written from these, so rows stored in English by earlier releases read in Spanish too.
 */
export function deadlineBasisFacts(row: DeadlineBasisRow): DeadlineBasisFacts {
  return {
    kind: row.kind as DeadlineKind,
    anchor: { kind: row.anchor_kind as DeadlineAnchorKind, date: row.anchor_date },
    sequence: row.sequence,
    clause: row.clause,
    extensions: row.extensions.map((e) => ({
      byDays: e.days,
      unit: e.day_kind === 'business' ? 'business' : 'calendar',
      dueDate: e.new_due_date,
    })),
  };
}

const SELECT = `
  SELECT d.id, d.case_id, d.kind, d.sequence, d.due_date, d.due_at, d.anchor_kind, d.anchor_date, d.basis, d.clause, d.met_at,
         COALESCE((SELECT json_agg(json_build_object('days', e.days, 'day_kind', e.day_kind, 'new_due_date', e.new_due_date,
                                                     'reason', e.reason, 'granted_at', e.granted_at, 'granted_by', u.email)
                                   ORDER BY e.granted_at)
                     FROM deadline_extensions e JOIN users u ON u.id = e.granted_by WHERE e.deadline_id = d.id), '[]') AS extensions
    FROM deadlines d`;

export async function listDeadlines(db: Queryable, caseId: string): Promise<DeadlineRow[]> {
  return db.query<DeadlineRow>(
    `${SELECT} WHERE d.case_id = $1 ORDER BY d.due_at, d.kind, d.sequence`,
    [caseId],
  );
}

export async function findDeadline(
  db: Queryable,
  caseId: string,
  id: string,
): Promise<DeadlineRow | undefined> {
  const rows = await db.query<DeadlineRow>(`${SELECT} WHERE d.case_id = $1 AND d.id = $2`, [
    caseId,
    id,
  ]);
  return rows[0];
}

/** Records an extension (history) and moves the cached due date. */
export async function extendDeadline(
  tx: Queryable,
  e: {
    id: string;
    jurisdiction: string;
    deadlineId: string;
    days: number;
    dayKind: string;
    newDueDate: string;
    newDueAt: string;
    reason: string;
    grantedAt: Date;
    grantedBy: string;
  },
): Promise<void> {
  await insertRows(
    tx,
    'deadline_extensions',
    [
      'id',
      'jurisdiction',
      'deadline_id',
      'days',
      'day_kind',
      'new_due_date',
      'new_due_at',
      'reason',
      'granted_at',
      'granted_by',
    ],
    [
      [
        e.id,
        e.jurisdiction,
        e.deadlineId,
        e.days,
        e.dayKind,
        e.newDueDate,
        e.newDueAt,
        e.reason,
        e.grantedAt,
        e.grantedBy,
      ],
    ],
  );
  await tx.query(`UPDATE deadlines SET due_date = $2, due_at = $3 WHERE id = $1`, [
    e.deadlineId,
    e.newDueDate,
    e.newDueAt,
  ]);
}

/** Marks the case's open deadlines of the given kinds as met (e.g. completion at closure). */
export async function markDeadlinesMet(
  tx: Queryable,
  caseId: string,
  kinds: string[],
  at: Date,
): Promise<number> {
  const rows = await tx.query(
    `UPDATE deadlines SET met_at = $3 WHERE case_id = $1 AND kind = ANY($2) AND met_at IS NULL RETURNING id`,
    [caseId, kinds, at],
  );
  return rows.length;
}

export async function markDeadlineMet(tx: Queryable, deadlineId: string, at: Date): Promise<void> {
  await tx.query(`UPDATE deadlines SET met_at = $2 WHERE id = $1`, [deadlineId, at]);
}

export async function countDeadlines(db: Queryable, caseId: string, kind: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM deadlines WHERE case_id = $1 AND kind = $2`,
    [caseId, kind],
  );
  return rows[0]?.n ?? 0;
}
