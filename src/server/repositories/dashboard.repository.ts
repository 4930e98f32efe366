import type { Queryable } from '../db/client.ts';
import type { CaseScope } from '../policies/case.policy.ts';
import type { CaseStatus } from '../../shared/enums.ts';
import { scopeCondition, type CaseListRow } from './case-list.repository.ts';
import { CONCLUDED_SQL, rowsOf } from './sql.ts';
import {
  DEADLINE_EXTENSION_DAYS_SQL,
  DEADLINE_POSITION_SQL,
  runningDeadline,
  type DeadlineBasisRow,
} from './deadlines.repository.ts';

/** Stages in which a case is still being worked (its clocks and assignments matter). */
const OPEN = `c.status NOT IN ${CONCLUDED_SQL}`;
const LIST_COLUMNS = `c.log_number, c.case_type, c.received_at, c.status, c.categories, c.lead_agency, c.restricted, fac.code AS facility_code`;
const FROM = `FROM cases c LEFT JOIN facilities fac ON fac.id = c.facility_id`;

/** Open cases the user is assigned to (an active assignment), newest first. */
export const myOpenCases = rowsOf<
  CaseListRow,
  [jurisdiction: string, userId: string, limit: number]
>(
  `SELECT ${LIST_COLUMNS} ${FROM}
      WHERE c.jurisdiction = $1 AND ${OPEN}
        AND EXISTS (SELECT 1 FROM assignments a WHERE a.case_id = c.id AND a.user_id = $2 AND a.ended_at IS NULL)
      ORDER BY c.received_at DESC, c.log_number DESC LIMIT $3`,
);

/** Cases in the scope, optionally only those in one stage or only restricted ones, newest first. */
export async function recentCases(
  db: Queryable,
  jurisdiction: string,
  scope: CaseScope,
  opts: { status?: CaseStatus; restricted?: boolean; limit: number },
): Promise<CaseListRow[]> {
  const params: unknown[] = [jurisdiction];
  const scoped = scopeCondition(scope, params.length);
  params.push(...scoped.params);
  const where = ['c.jurisdiction = $1', scoped.sql];
  if (opts.status) {
    params.push(opts.status);
    where.push(`c.status = $${params.length}`);
  }
  if (opts.restricted !== undefined) {
    params.push(opts.restricted);
    where.push(`c.restricted = $${params.length}`);
  }
  params.push(opts.limit);
  return db.query<CaseListRow>(
    `SELECT ${LIST_COLUMNS} ${FROM} WHERE ${where.join(' AND ')}
      ORDER BY c.received_at DESC, c.log_number DESC LIMIT $${params.length}`,
    params,
  );
}

/**
 * An open deadline (what its basis is written from, and when it is due) with its case's headline
 * fields.
 */
export interface DueDeadlineRow extends DeadlineBasisRow {
  log_number: string;
  status: CaseStatus;
  categories: string[];
  due_date: string;
  due_at: Date;
  /** The latest failed letter answering this deadline: why it is still open (migration 0023). */
  letter_problem: { failure: string; detail: string | null } | null;
}

/**
 * Unmet deadlines due before `until` (overdue ones included) on open cases in the scope, soonest
 * first. Uses the partial index on running deadlines by due time (migration 0016).
 */
export async function dueDeadlines(
  db: Queryable,
  jurisdiction: string,
  scope: CaseScope,
  until: Date,
  limit: number,
): Promise<DueDeadlineRow[]> {
  const params: unknown[] = [jurisdiction, until];
  const scoped = scopeCondition(scope, params.length);
  params.push(...scoped.params, limit);
  return db.query<DueDeadlineRow>(
    `SELECT c.log_number, c.status, c.categories, d.kind, d.sequence, d.due_date, d.due_at,
            d.anchor_kind, d.anchor_date, d.clause, ${DEADLINE_EXTENSION_DAYS_SQL} AS extensions,
            ${DEADLINE_POSITION_SQL} AS position,
            (SELECT json_build_object('failure', l.failure_code, 'detail', l.failure_detail)
               FROM letters l WHERE l.deadline_id = d.id AND l.status = 'failed'
              ORDER BY l.failed_at DESC, l.id LIMIT 1) AS letter_problem
       FROM deadlines d JOIN cases c ON c.id = d.case_id
      WHERE d.jurisdiction = $1 AND ${runningDeadline('d')} AND d.due_at < $2 AND ${OPEN} AND ${scoped.sql}
      ORDER BY d.due_at, c.log_number, d.kind LIMIT $${params.length}`,
    params,
  );
}
