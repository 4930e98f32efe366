import type { Queryable } from '../db/client.ts';
import { MERIT_FINDINGS_SQL } from '../domain/findings.ts';
import { runningDeadline } from './deadlines.repository.ts';

/**
 * Aggregate statistics over all cases (CLI and staff use; the public view suppresses small
 * cells). Definitions:
 * - a case's year is the Chicago-local year it was received;
 * - an allegation's finding is its final finding, else its recommended one;
 * - the sustained rate is sustained ÷ allegations with a finding on the merits (sustained, not
 *   sustained, unfounded, exonerated);
 * - days to closure run from the local date of receipt to the closing date, for cases with one.
 */
export interface CaseStats {
  total: number;
  restricted: number;
  allegations: number;
  byStatus: Record<string, number>;
  byAgency: Record<string, number>;
  /** Investigating agency as released (OPS, IPRA, COPA, BIA); 'oversight' for cases filed here. */
  byHistoricalAgency: Record<string, number>;
  /** Status as released, verbatim; 'oversight' for cases filed here. */
  bySourceStatus: Record<string, number>;
  byCategory: Record<string, number>;
  byYear: Record<string, number>;
  byFinding: Record<string, number>;
  sustainedRate: {
    overall: number | null;
    decided: number;
    sustained: number;
    byCategory: Record<string, { rate: number; decided: number; sustained: number }>;
  };
  daysToClosure: { cases: number; median: number | null; p90: number | null };
  deadlines: { open: number; overdue: number };
  dutyStatus: Record<string, number>;
}

const MERITS = MERIT_FINDINGS_SQL;

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
  timeZone = 'America/Chicago',
): Promise<CaseStats> {
  const p = [jurisdiction];
  const [
    totals,
    byStatus,
    byAgency,
    byHistoricalAgency,
    bySourceStatus,
    byCategory,
    byYear,
    byFinding,
    sustained,
    sustainedByCategory,
    closure,
    deadlines,
    dutyStatus,
  ] = await Promise.all([
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
      `SELECT COALESCE(historical_agency, 'oversight') AS k, count(*)::int AS n FROM cases WHERE jurisdiction = $1 GROUP BY 1 ORDER BY 1`,
      p,
    ),
    countBy(
      db,
      `SELECT COALESCE(source_status, 'oversight') AS k, count(*)::int AS n FROM cases WHERE jurisdiction = $1 GROUP BY 1 ORDER BY 1`,
      p,
    ),
    countBy(
      db,
      `SELECT unnest(categories) AS k, count(*)::int AS n FROM cases WHERE jurisdiction = $1 GROUP BY 1 ORDER BY 1`,
      p,
    ),
    countBy(
      db,
      `SELECT extract(year FROM received_at AT TIME ZONE $2)::int::text AS k, count(*)::int AS n FROM cases WHERE jurisdiction = $1 GROUP BY 1 ORDER BY 1`,
      [jurisdiction, timeZone],
    ),
    countBy(
      db,
      `SELECT COALESCE(final_finding, recommended_finding, 'none') AS k, count(*)::int AS n FROM allegations WHERE jurisdiction = $1 GROUP BY 1 ORDER BY 1`,
      p,
    ),
    db.query<{ decided: number; sustained: number }>(
      `SELECT count(*)::int AS decided, count(*) FILTER (WHERE f = 'sustained')::int AS sustained
         FROM (SELECT COALESCE(final_finding, recommended_finding) AS f FROM allegations WHERE jurisdiction = $1) a WHERE f IN ${MERITS}`,
      p,
    ),
    db.query<{ category: string; decided: number; sustained: number }>(
      `SELECT category, count(*)::int AS decided, count(*) FILTER (WHERE f = 'sustained')::int AS sustained
         FROM (SELECT category, COALESCE(final_finding, recommended_finding) AS f FROM allegations WHERE jurisdiction = $1) a
        WHERE f IN ${MERITS} GROUP BY 1 ORDER BY 1`,
      p,
    ),
    db.query<{ cases: number; median: number | null; p90: number | null }>(
      `SELECT count(*)::int AS cases,
              percentile_disc(0.5) WITHIN GROUP (ORDER BY d)::int AS median,
              percentile_disc(0.9) WITHIN GROUP (ORDER BY d)::int AS p90
         FROM (SELECT closed_on - (received_at AT TIME ZONE $2)::date AS d FROM cases WHERE jurisdiction = $1 AND closed_on IS NOT NULL) x`,
      [jurisdiction, timeZone],
    ),
    db.query<{ open: number; overdue: number }>(
      `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_at < $2)::int AS overdue FROM deadlines WHERE jurisdiction = $1 AND ${runningDeadline()}`,
      [jurisdiction, now],
    ),
    countBy(
      db,
      `SELECT action || ':' || stage AS k, count(*)::int AS n FROM duty_status_actions WHERE jurisdiction = $1 GROUP BY 1 ORDER BY 1`,
      p,
    ),
  ]);
  const t = totals[0] ?? { total: 0, restricted: 0, allegations: 0 };
  const s = sustained[0] ?? { decided: 0, sustained: 0 };
  const rate = (num: number, den: number): number => Math.round((num / den) * 10_000) / 10_000;
  return {
    ...t,
    byStatus,
    byAgency,
    byHistoricalAgency,
    bySourceStatus,
    byCategory,
    byYear,
    byFinding,
    sustainedRate: {
      overall: s.decided > 0 ? rate(s.sustained, s.decided) : null,
      decided: s.decided,
      sustained: s.sustained,
      byCategory: Object.fromEntries(
        sustainedByCategory.map((r) => [
          r.category,
          { rate: rate(r.sustained, r.decided), decided: r.decided, sustained: r.sustained },
        ]),
      ),
    },
    daysToClosure: closure[0] ?? { cases: 0, median: null, p90: null },
    deadlines: deadlines[0] ?? { open: 0, overdue: 0 },
    dutyStatus,
  };
}
