import type { Queryable } from '../db/client.ts';
import { runningDeadline } from './deadlines.repository.ts';

/** What `/metrics` reads from the database at each scrape: counts only, never a person. */
export interface OperationalCounts {
  /** Running deadlines (not met, not superseded) past due, by deadline kind. */
  overdueDeadlines: Array<{ kind: string; n: number }>;
  /** Events in the audit hash chain (its last sequence number). */
  auditChainLength: number;
  /** Completed import file runs and the rows they read, inserted, updated and rejected. */
  imports: {
    files: number;
    read: number;
    inserted: number;
    updated: number;
    rejected: number;
    /** When the latest file run finished, or null before any import. */
    lastFinishedAt: Date | null;
  };
}

export async function operationalCounts(
  db: Queryable,
  jurisdiction: string,
  now: Date,
): Promise<OperationalCounts> {
  const [overdue, head, imports] = await Promise.all([
    db.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM deadlines
       WHERE jurisdiction = $1 AND ${runningDeadline()} AND due_at < $2
       GROUP BY kind ORDER BY kind`,
      [jurisdiction, now],
    ),
    db.query<{ last_seq: number }>(
      `SELECT last_seq::int AS last_seq FROM audit_head WHERE jurisdiction = $1`,
      [jurisdiction],
    ),
    db.query<{
      files: number;
      read: number;
      inserted: number;
      updated: number;
      rejected: number;
      last: Date | null;
    }>(
      `SELECT count(*)::int AS files, coalesce(sum(read), 0)::bigint AS read,
              coalesce(sum(inserted), 0)::bigint AS inserted,
              coalesce(sum(updated), 0)::bigint AS updated,
              coalesce(sum(rejected), 0)::bigint AS rejected, max(finished_at) AS last
       FROM import_runs WHERE jurisdiction = $1`,
      [jurisdiction],
    ),
  ]);
  const i = imports[0];
  return {
    overdueDeadlines: overdue,
    auditChainLength: head[0]?.last_seq ?? 0,
    imports: {
      files: i?.files ?? 0,
      read: Number(i?.read ?? 0),
      inserted: Number(i?.inserted ?? 0),
      updated: Number(i?.updated ?? 0),
      rejected: Number(i?.rejected ?? 0),
      lastFinishedAt: i?.last ?? null,
    },
  };
}
