import type { Queryable } from '../db/client.ts';

/** Aggregate counts over all cases (staff/CLI statistics; the public view suppresses cells). */
export interface CaseStats {
  total: number;
  byStatus: Record<string, number>;
  byAgency: Record<string, number>;
  byCategory: Record<string, number>;
  byYear: Record<string, number>;
  restricted: number;
  allegations: number;
  findings: Record<string, number>;
  deadlines: { open: number; overdue: number };
  dutyStatus: Record<string, number>;
}

async function countBy(
  db: Queryable,
  sql: string,
  params: unknown[],
): Promise<Record<string, number>> {
  const rows = await db.query<{ k: string | null; n: number }>(sql, params);
  return Object.fromEntries(rows.map((r) => [r.k ?? 'unknown', r.n]));
}

export async function caseStats(
  db: Queryable,
  jurisdiction: string,
  now: Date = new Date(),
): Promise<CaseStats> {
  const p = [jurisdiction];
  const [totals, byStatus, byAgency, byCategory, byYear, findings, deadlines, dutyStatus] =
    await Promise.all([
      db.query<{ total: number; restricted: number; allegations: number }>(
        `SELECT (SELECT count(*)::int FROM cases WHERE jurisdiction = $1) AS total,
              (SELECT count(*)::int FROM cases WHERE jurisdiction = $1 AND restricted) AS restricted,
              (SELECT count(*)::int FROM allegations WHERE jurisdiction = $1) AS allegations`,
        p,
      ),
      countBy(
        db,
        `SELECT status AS k, count(*)::int AS n FROM cases WHERE jurisdiction = $1 GROUP BY 1 ORDER BY 1`,
        p,
      ),
      countBy(
        db,
        `SELECT lead_agency AS k, count(*)::int AS n FROM cases WHERE jurisdiction = $1 GROUP BY 1 ORDER BY 1`,
        p,
      ),
      countBy(
        db,
        `SELECT unnest(categories) AS k, count(*)::int AS n FROM cases WHERE jurisdiction = $1 GROUP BY 1 ORDER BY 1`,
        p,
      ),
      countBy(
        db,
        `SELECT extract(year FROM received_at AT TIME ZONE 'America/Chicago')::int::text AS k, count(*)::int AS n FROM cases WHERE jurisdiction = $1 GROUP BY 1 ORDER BY 1`,
        p,
      ),
      countBy(
        db,
        `SELECT COALESCE(final_finding, recommended_finding, 'none') AS k, count(*)::int AS n FROM allegations WHERE jurisdiction = $1 GROUP BY 1 ORDER BY 1`,
        p,
      ),
      db.query<{ open: number; overdue: number }>(
        `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_at < $2)::int AS overdue FROM deadlines WHERE jurisdiction = $1 AND met_at IS NULL`,
        [jurisdiction, now],
      ),
      countBy(
        db,
        `SELECT action || ':' || stage AS k, count(*)::int AS n FROM duty_status_actions WHERE jurisdiction = $1 GROUP BY 1 ORDER BY 1`,
        p,
      ),
    ]);
  const t = totals[0] ?? { total: 0, restricted: 0, allegations: 0 };
  return {
    ...t,
    byStatus,
    byAgency,
    byCategory,
    byYear,
    findings,
    deadlines: deadlines[0] ?? { open: 0, overdue: 0 },
    dutyStatus,
  };
}
