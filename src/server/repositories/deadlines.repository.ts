import type { Queryable } from '../db/client.ts';
import type { DeadlineKind } from '../../shared/enums.ts';
import type { Deadline, DeadlineAnchorKind } from '../domain/clocks.ts';
import type { DeadlineBasisFacts } from '../domain/deadline-basis.ts';
import { insertRows, rowByKey, rowsByKey, updateById } from './sql.ts';

/**
 * SQL condition: the deadline still runs — not met, and not superseded by a recomputed one
 * (migration 0016). `alias` is the deadlines table's alias in the query.
 */
export function runningDeadline(alias = 'deadlines'): string {
  return `${alias}.met_at IS NULL AND ${alias}.superseded_at IS NULL`;
}

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

/**
 * The stored row of a computed deadline for one case: its kind, dates, anchor, basis and clause
 * as the clock calculator wrote them, numbered `sequence` among the case's rows of its kind.
 */
export function deadlineInsert(
  d: Deadline,
  row: { id: string; jurisdiction: string; caseId: string; sequence: number; createdAt: Date },
): DeadlineInsert {
  return {
    ...row,
    kind: d.kind,
    dueDate: d.dueDate,
    dueAt: d.dueAt,
    anchorKind: d.anchor.kind,
    anchorDate: d.anchor.date,
    basis: d.basis,
    clause: d.clause,
  };
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
  created_at: Date;
  kind: string;
  sequence: number;
  due_date: string;
  due_at: Date;
  anchor_kind: string;
  anchor_date: string;
  basis: string;
  clause: string;
  met_at: Date | null;
  /** When a recomputed deadline replaced this one (it then neither runs nor was met). */
  superseded_at: Date | null;
  /** The deadline that replaced this one. */
  superseded_by: string | null;
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
  /** Place in its run ({@link DEADLINE_POSITION_SQL}); the sequence when not selected. */
  position?: number;
}

/**
 * The extensions of the deadline aliased `d`, oldest first, as JSON: the fields its basis needs.
 * Reads that show a deadline's basis select it, so the basis says how far it was extended.
 */
export const DEADLINE_EXTENSION_DAYS_SQL = `COALESCE((SELECT json_agg(json_build_object('days', x.days, 'day_kind', x.day_kind, 'new_due_date', x.new_due_date) ORDER BY x.granted_at)
                    FROM deadline_extensions x WHERE x.deadline_id = d.id), '[]')`;

/**
 * The place of the deadline aliased `d` in its run: the rows of its kind counted from the same
 * anchor, up to it. A reopening starts a new run from a new anchor, so a six-month notice's
 * sequence (which continues across runs) is not its place, and its basis names the place.
 */
export const DEADLINE_POSITION_SQL = `(SELECT count(*)::int FROM deadlines p
                     WHERE p.case_id = d.case_id AND p.kind = d.kind AND p.anchor_kind = d.anchor_kind
                       AND p.anchor_date = d.anchor_date AND p.sequence <= d.sequence)`;

/**
 * A stored deadline's codes and dates, for `deadlineBasis()`: the texts every page shows are
 * written from these, so rows stored in English by earlier releases read in Spanish too.
 */
export function deadlineBasisFacts(row: DeadlineBasisRow): DeadlineBasisFacts {
  return {
    kind: row.kind as DeadlineKind,
    anchor: { kind: row.anchor_kind as DeadlineAnchorKind, date: row.anchor_date },
    sequence: row.sequence,
    ...(row.position !== undefined ? { position: row.position } : {}),
    clause: row.clause,
    extensions: row.extensions.map((e) => ({
      byDays: e.days,
      unit: e.day_kind === 'business' ? 'business' : 'calendar',
      dueDate: e.new_due_date,
    })),
  };
}

const SELECT = `
  SELECT d.id, d.case_id, d.created_at, d.kind, d.sequence, d.due_date, d.due_at, d.anchor_kind, d.anchor_date, d.basis, d.clause, d.met_at,
         d.superseded_at, d.superseded_by, ${DEADLINE_POSITION_SQL} AS position,
         COALESCE((SELECT json_agg(json_build_object('days', e.days, 'day_kind', e.day_kind, 'new_due_date', e.new_due_date,
                                                     'reason', e.reason, 'granted_at', e.granted_at, 'granted_by', u.email)
                                   ORDER BY e.granted_at)
                     FROM deadline_extensions e JOIN users u ON u.id = e.granted_by WHERE e.deadline_id = d.id), '[]') AS extensions
    FROM deadlines d`;

/** A case's deadlines, soonest first. */
export const listDeadlines = rowsByKey<DeadlineRow, [caseId: string]>(
  SELECT,
  ['d.case_id'],
  'd.due_at, d.kind, d.sequence',
  ['created_at', 'due_at', 'met_at', 'superseded_at'],
);

/** One deadline of a case. */
export const findDeadline = rowByKey<DeadlineRow, [caseId: string, id: string]>(SELECT, [
  'd.case_id',
  'd.id',
]);

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
    `UPDATE deadlines SET met_at = $3 WHERE case_id = $1 AND kind = ANY($2) AND ${runningDeadline()} RETURNING id`,
    [caseId, kinds, at],
  );
  return rows.length;
}

/** Records a deadline met. */
export const markDeadlineMet = updateById<[at: Date]>('deadlines', ['met_at']);

/**
 * Marks a running deadline as replaced by `byId` (the recomputed one, inserted first). The row is
 * otherwise kept as it was: history, not an edit.
 */
export async function supersedeDeadline(
  tx: Queryable,
  deadlineId: string,
  byId: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE deadlines SET superseded_at = $3, superseded_by = $2 WHERE id = $1 AND ${runningDeadline()}`,
    [deadlineId, byId, at],
  );
}

export async function countDeadlines(db: Queryable, caseId: string, kind: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM deadlines WHERE case_id = $1 AND kind = $2`,
    [caseId, kind],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Where a repeated deadline stands in its run: 1 for the first of its kind counted from its
 * anchor, 2 for the next, and so on. A run starts at intake or at the case's latest reopening
 * (a stage change out of one of `ended`, which has marked the earlier runs met), so a notice's
 * position is not its sequence once a case has been reopened.
 */
export async function positionInRun(
  db: Queryable,
  d: Pick<
    DeadlineRow,
    'case_id' | 'kind' | 'sequence' | 'anchor_kind' | 'anchor_date' | 'created_at'
  >,
  ended: readonly string[],
): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM deadlines d
      WHERE d.case_id = $1 AND d.kind = $2 AND d.anchor_kind = $3 AND d.anchor_date = $4 AND d.sequence <= $5
        AND d.created_at >= COALESCE((SELECT max(h.at) FROM case_status_history h
                                       WHERE h.case_id = $1 AND h.from_status = ANY($6) AND NOT (h.to_status = ANY($6))
                                         AND h.at <= $7), '-infinity'::timestamptz)`,
    [d.case_id, d.kind, d.anchor_kind, d.anchor_date, d.sequence, ended, d.created_at],
  );
  return rows[0]?.n ?? 1;
}
