import type { Queryable } from '../db/client.ts';
import { MERIT_FINDINGS_SQL } from '../domain/findings.ts';
import { CONCLUDED_SQL, rowsOf } from './sql.ts';

/*
 * The reads behind the statutory reports (docs/reports.md). Every query takes the period as local
 * dates and the profile's time zone: a case's day of receipt is the local date of `received_at`,
 * its day of closing `closed_on` (the release's closing date, or the day a closing in the app set).
 */

const MERITS = MERIT_FINDINGS_SQL;
const RECEIVED = `(c.received_at AT TIME ZONE $2)::date`;

/**
 * A report read over a whole period: one query whose `$1` is the jurisdiction, `$2` the profile's
 * time zone and `$3`, `$4` the period's first and last local dates.
 */
function periodQuery<T>(sql: string) {
  return rowsOf<T, [jurisdiction: string, timeZone: string, from: string, to: string]>(sql);
}

/** One cell of the intake grid: cases received in the period with these attributes. */
export interface IntakeCell {
  case_type: string;
  /** The complainant type as released ('Civilian', 'CPD Employee'); null when not recorded. */
  source: string | null;
  channel: string | null;
  /** The district of the incident: recorded, else the first two digits of the beat. */
  district: string | null;
  lead_agency: string;
  /** The release's `referred_to_agency`. */
  referred_to: string | null;
  /** The clause of the case's latest routing decision. */
  clause: string | null;
  /** Flagged as an officer-involved shooting. */
  shooting: boolean;
  n: number;
}

/** The intake grid: cases received in the period, counted by their attributes. */
export const intakeGrid = periodQuery<IntakeCell>(
  `SELECT c.case_type,
            NULLIF(btrim(c.source->>'complainant_type'), '') AS source,
            c.channel,
            COALESCE(NULLIF(ltrim(c.incident_district, '0'), ''),
                     NULLIF(ltrim(left(c.incident_beat, 2), '0'), '')) AS district,
            c.lead_agency,
            NULLIF(btrim(c.source->>'referred_to_agency'), '') AS referred_to,
            (SELECT r.clause FROM routing_decisions r WHERE r.case_id = c.id
              ORDER BY r.decided_at DESC LIMIT 1) AS clause,
            'police_shooting' = ANY (c.flags) AS shooting,
            count(*)::int AS n
       FROM cases c
      WHERE c.jurisdiction = $1 AND ${RECEIVED} BETWEEN $3::date AND $4::date
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
);

/** Cases open at the end of the period, by age in days and officer-involved shooting. */
export interface PendingCell {
  age_days: number;
  shooting: boolean;
  n: number;
}

export async function pendingAtEnd(
  db: Queryable,
  jurisdiction: string,
  timeZone: string,
  to: string,
): Promise<{ pending: PendingCell[]; closedDateUnknown: number }> {
  // pending at `to`: received by then and not closed by then; a closed case without a closing
  // date (CLEAR CLOSED/NO CONVERSION rows) cannot be placed and is counted apart
  const [pending, unknown] = await Promise.all([
    db.query<PendingCell>(
      `SELECT ($3::date - ${RECEIVED}) AS age_days, 'police_shooting' = ANY (c.flags) AS shooting,
              count(*)::int AS n
         FROM cases c
        WHERE c.jurisdiction = $1 AND ${RECEIVED} <= $3::date
          AND (c.closed_on > $3::date OR (c.closed_on IS NULL AND c.status NOT IN ${CONCLUDED_SQL}))
        GROUP BY 1, 2`,
      [jurisdiction, timeZone, to],
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases c
        WHERE c.jurisdiction = $1 AND ${RECEIVED} <= $3::date
          AND c.closed_on IS NULL AND c.status IN ${CONCLUDED_SQL}`,
      [jurisdiction, timeZone, to],
    ),
  ]);
  return { pending, closedDateUnknown: unknown[0]?.n ?? 0 };
}

/** One case closed in the period. */
export interface ConcludedCase {
  categories: string[];
  /** At least one allegation has a finding on the merits (final, else recommended). */
  with_finding: boolean;
  days: number;
  shooting: boolean;
}

/** The cases closed in the period. */
export const concludedCases = periodQuery<ConcludedCase>(
  `SELECT c.categories,
            EXISTS (SELECT 1 FROM allegations a WHERE a.case_id = c.id
                       AND COALESCE(a.final_finding, a.recommended_finding) IN ${MERITS}) AS with_finding,
            (c.closed_on - ${RECEIVED}) AS days,
            'police_shooting' = ANY (c.flags) AS shooting
       FROM cases c
      WHERE c.jurisdiction = $1 AND c.closed_on BETWEEN $3::date AND $4::date`,
);

/** One cell of the concluded allegations: a category, finding and penalties, counted. */
export interface AllegationCell {
  category: string;
  /** Final finding, else the recommended one. */
  finding: string | null;
  recommended_penalty: string | null;
  final_penalty: string | null;
  n: number;
}

/** Allegations of the cases closed in the period, by category, finding and penalties. */
export const concludedAllegations = rowsOf<
  AllegationCell,
  [jurisdiction: string, from: string, to: string]
>(
  `SELECT a.category, COALESCE(a.final_finding, a.recommended_finding) AS finding,
            a.recommended_penalty, a.final_penalty, count(*)::int AS n
       FROM allegations a JOIN cases c ON c.id = a.case_id
      WHERE a.jurisdiction = $1 AND c.closed_on BETWEEN $2::date AND $3::date
      GROUP BY 1, 2, 3, 4`,
);

/** Cases received in the period or earlier: whether there is anything to report at all. */
export async function casesThrough(
  db: Queryable,
  jurisdiction: string,
  timeZone: string,
  to: string,
): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases c WHERE c.jurisdiction = $1 AND ${RECEIVED} <= $3::date`,
    [jurisdiction, timeZone, to],
  );
  return rows[0]?.n ?? 0;
}

/** When the last import finished (null when nothing was ever imported). */
export async function lastImportAt(db: Queryable, jurisdiction: string): Promise<Date | null> {
  const rows = await db.query<{ at: Date | null }>(
    `SELECT max(finished_at) AS at FROM import_runs WHERE jurisdiction = $1`,
    [jurisdiction],
  );
  return rows[0]?.at ?? null;
}
