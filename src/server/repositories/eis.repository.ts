import type { Queryable } from '../db/client.ts';

import type {
  History,
  HistoryAllegation,
  HistoryInvolvement,
  HistoryMember,
} from '../domain/eis/features.ts';

/*
 * The member history the early-intervention ranking and its backtest read
 * (docs/early-intervention.md), as the compact rows of `domain/eis/features.ts`. Dates are day
 * numbers (days since 1970-01-01) of the local date in the profile's time zone, so a year's
 * cut-off is one integer comparison.
 */

const DAY = (expr: string, tz: string): string =>
  `((${expr} AT TIME ZONE '${tz}')::date - DATE '1970-01-01')`;

/**
 * Loads the whole member history of a jurisdiction (a few hundred thousand small rows).
 * `excludeRestricted` leaves need-to-know cases out (live alerts, which supervisors outside a
 * case's team read: an alert must not let them infer a restricted case, ADR 0006).
 */
export async function loadEisHistory(
  db: Queryable,
  jurisdiction: string,
  timeZone: string,
  opts: { excludeRestricted?: boolean } = {},
): Promise<History> {
  if (!/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/.test(timeZone)) {
    throw new Error(`bad time zone ${timeZone}`);
  }
  const members = await db.query<HistoryMember>(
    `SELECT id, identity_key AS key, (appointed_date - DATE '1970-01-01') AS "appointedDay", race,
            sex, unit_code AS unit
       FROM members WHERE jurisdiction = $1`,
    [jurisdiction],
  );
  // a member is accused on a case through an allegation row or an accused row without findings
  // (the CLEAR profiles release); witnesses only through case_members
  const involvements = await db.query<HistoryInvolvement>(
    `SELECT x.member_id AS "memberId", c.id AS "caseId", ${DAY('c.received_at', timeZone)} AS day,
            bool_or(x.accused) AS accused,
            (c.case_type <> 'complaint') AS "departmentInitiated"
       FROM (SELECT member_id, case_id, true AS accused FROM allegations
              WHERE jurisdiction = $1 AND member_id IS NOT NULL
             UNION ALL
             SELECT member_id, case_id, role = 'accused' FROM case_members
              WHERE jurisdiction = $1 AND member_id IS NOT NULL) x
       JOIN cases c ON c.id = x.case_id
      WHERE NOT ($2 AND c.restricted)
      GROUP BY x.member_id, c.id`,
    [jurisdiction, opts.excludeRestricted ?? false],
  );
  const allegations = await db.query<HistoryAllegation>(
    `SELECT a.member_id AS "memberId", a.case_id AS "caseId",
            ${DAY('c.received_at', timeZone)} AS day, a.category,
            COALESCE(a.final_finding, a.recommended_finding) AS finding,
            CASE WHEN COALESCE(a.final_finding, a.recommended_finding) IS NULL THEN NULL
                 WHEN c.source_family IS NULL THEN
                   (SELECT max(f.decided_on) - DATE '1970-01-01' FROM allegation_findings f
                     WHERE f.allegation_id = a.id)
                 ELSE c.closed_on - DATE '1970-01-01' END AS "knownDay"
       FROM allegations a JOIN cases c ON c.id = a.case_id
      WHERE a.jurisdiction = $1 AND a.member_id IS NOT NULL AND NOT ($2 AND c.restricted)`,
    [jurisdiction, opts.excludeRestricted ?? false],
  );
  return { members, involvements, allegations };
}
