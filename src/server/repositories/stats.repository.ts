import type { Queryable } from '../db/client.ts';
import type { CaseStatus, DutyStatusStage } from '../../shared/enums.ts';
import { MERIT_FINDINGS_SQL } from '../domain/findings.ts';
import { runningDeadline } from './deadlines.repository.ts';
import { CONCLUDED_SQL } from './sql.ts';

/**
 * The counts by one attribute of the jurisdiction's rows of `table` (`SELECT <key> AS k,
 * count(*) … GROUP BY 1`), in the order of {@link CaseStats}' fields; a `zoned` key reads the
 * profile's time zone as `$2`.
 */
const BREAKDOWNS = {
  byStatus: { table: 'cases', key: 'status' },
  byAgency: { table: 'cases', key: 'lead_agency' },
  /** Investigating agency as released (OPS, IPRA, COPA, BIA); 'oversight' for cases filed here. */
  byHistoricalAgency: { table: 'cases', key: `COALESCE(historical_agency, 'oversight')` },
  /** Status as released, verbatim; 'oversight' for cases filed here. */
  bySourceStatus: { table: 'cases', key: `COALESCE(source_status, 'oversight')` },
  byCategory: { table: 'cases', key: 'unnest(categories)' },
  byYear: {
    table: 'cases',
    key: 'extract(year FROM received_at AT TIME ZONE $2)::int::text',
    zoned: true,
  },
  byFinding: { table: 'allegations', key: `COALESCE(final_finding, recommended_finding, 'none')` },
} satisfies Record<string, Breakdown>;

interface Breakdown {
  table: string;
  key: string;
  zoned?: boolean;
}

/** Duty-status actions counted by `action:stage`. */
const DUTY_STATUS: Breakdown = { table: 'duty_status_actions', key: `action || ':' || stage` };

type Breakdowns = Record<keyof typeof BREAKDOWNS, Record<string, number>>;

/**
 * Aggregate statistics over all cases (CLI and staff use; the public view suppresses small
 * cells). Definitions:
 * - a case's year is the Chicago-local year it was received;
 * - an allegation's finding is its final finding, else its recommended one;
 * - the sustained rate is sustained ÷ allegations with a finding on the merits (sustained, not
 *   sustained, unfounded, exonerated);
 * - days to closure run from the local date of receipt to the closing date, for cases with one.
 */
export interface CaseStats extends Breakdowns {
  total: number;
  restricted: number;
  allegations: number;
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
  { table, key, zoned }: Breakdown,
  jurisdiction: string,
  timeZone: string,
): Promise<Record<string, number>> {
  const rows = await db.query<{ k: string | null; n: number }>(
    `SELECT ${key} AS k, count(*)::int AS n FROM ${table} WHERE jurisdiction = $1 GROUP BY 1 ORDER BY 1`,
    zoned ? [jurisdiction, timeZone] : [jurisdiction],
  );
  return Object.fromEntries(rows.map((r) => [r.k ?? 'unknown', r.n]));
}

/** Every breakdown of {@link BREAKDOWNS}, by its name, in its order. */
async function breakdowns(
  db: Queryable,
  jurisdiction: string,
  timeZone: string,
): Promise<Breakdowns> {
  const entries = await Promise.all(
    Object.entries(BREAKDOWNS).map(
      async ([name, b]) => [name, await countBy(db, b, jurisdiction, timeZone)] as const,
    ),
  );
  return Object.fromEntries(entries) as Breakdowns;
}

export async function caseStats(
  db: Queryable,
  jurisdiction: string,
  now: Date,
  /** The profile's time zone: days to closure are counted in local days. */
  timeZone: string,
): Promise<CaseStats> {
  const p = [jurisdiction];
  const [totals, counts, sustained, sustainedByCategory, closure, deadlines, dutyStatus] =
    await Promise.all([
      db.query<{ total: number; restricted: number; allegations: number }>(
        `SELECT (SELECT count(*)::int FROM cases WHERE jurisdiction = $1) AS total,
              (SELECT count(*)::int FROM cases WHERE jurisdiction = $1 AND restricted) AS restricted,
              (SELECT count(*)::int FROM allegations WHERE jurisdiction = $1) AS allegations`,
        p,
      ),
      breakdowns(db, jurisdiction, timeZone),
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
      countBy(db, DUTY_STATUS, jurisdiction, timeZone),
    ]);
  const t = totals[0] ?? { total: 0, restricted: 0, allegations: 0 };
  const s = sustained[0] ?? { decided: 0, sustained: 0 };
  const rate = (num: number, den: number): number => Math.round((num / den) * 10_000) / 10_000;
  return {
    ...t,
    ...counts,
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

/*
 * The public statistics page's grids (commands/read-public-stats.ts suppresses small cells and
 * decides what each case may contribute; docs/public-portal.md).
 */

/** Statistics grid of cases: one row per non-empty cell. */
export interface CaseGridRow {
  year: string;
  agency: string;
  categories: string[];
  status: string;
  bucket: string;
  shelter: boolean;
  n: number;
}

/**
 * Allegation grid: year, agency and stage of the case, the allegation's category and finding
 * (final, else recommended); the stage lets the caller publish findings of concluded cases only.
 */
export interface AllegationGridRow {
  year: string;
  agency: string;
  status: CaseStatus;
  category: string;
  finding: string;
  n: number;
}

/**
 * Duty-status grid: local month of the action ('YYYY-MM'), the case's agency and categories,
 * action and stage (the caller keeps what the profile discloses).
 */
export interface DutyGridRow {
  month: string;
  agency: string;
  categories: string[];
  action: string;
  stage: DutyStatusStage;
  n: number;
}

const LOCAL_RECEIVED = `(c.received_at AT TIME ZONE $2)::date`;

/**
 * The raw grids the public statistics are cut from. Days to close run from the local date of
 * receipt to the closing date (closed_on: the release's, or set by the closing transition); a
 * concluded case without one (a release that gave no closing date) is in the `undated` bucket and
 * counts in no days-to-close figure, rather than the day it was imported. The other buckets match
 * domain/publication.ts DAYS_TO_CLOSE_BUCKETS. A case is "at a shelter site" when
 * its facility was a temporary shelter site on the incident date (receipt date if unknown).
 */
export async function loadStatsGrids(
  db: Queryable,
  jurisdiction: string,
  timeZone: string,
): Promise<{ cases: CaseGridRow[]; allegations: AllegationGridRow[]; duty: DutyGridRow[] }> {
  const p = [jurisdiction, timeZone];
  const [cases, allegations, duty] = await Promise.all([
    db.query<CaseGridRow>(
      `WITH x AS (
         SELECT extract(year FROM c.received_at AT TIME ZONE $2)::int::text AS year,
                c.lead_agency AS agency, c.categories, c.status,
                CASE WHEN c.status IN ${CONCLUDED_SQL}
                     THEN c.closed_on - ${LOCAL_RECEIVED}
                END AS days,
                c.status IN ${CONCLUDED_SQL} AS concluded,
                (c.facility_id IS NOT NULL AND EXISTS (
                   SELECT 1 FROM facility_shelter_periods sp
                    WHERE sp.facility_id = c.facility_id
                      AND sp.starts_on <= COALESCE((c.incident_occurred_at AT TIME ZONE $2)::date, ${LOCAL_RECEIVED})
                      AND (sp.ends_on IS NULL OR sp.ends_on >= COALESCE((c.incident_occurred_at AT TIME ZONE $2)::date, ${LOCAL_RECEIVED})))) AS shelter
           FROM cases c WHERE c.jurisdiction = $1)
       SELECT year, agency, categories, status,
              CASE WHEN NOT concluded THEN 'open' WHEN days IS NULL THEN 'undated'
                   WHEN days <= 30 THEN '0-30' WHEN days <= 90 THEN '31-90' WHEN days <= 180 THEN '91-180'
                   WHEN days <= 365 THEN '181-365' WHEN days <= 730 THEN '366-730' ELSE '731+' END AS bucket,
              shelter, count(*)::int AS n
         FROM x GROUP BY 1, 2, 3, 4, 5, 6`,
      p,
    ),
    db.query<AllegationGridRow>(
      `SELECT extract(year FROM c.received_at AT TIME ZONE $2)::int::text AS year, c.lead_agency AS agency,
              c.status, a.category, COALESCE(a.final_finding, a.recommended_finding, 'none') AS finding,
              count(*)::int AS n
         FROM allegations a JOIN cases c ON c.id = a.case_id
        WHERE a.jurisdiction = $1 GROUP BY 1, 2, 3, 4, 5`,
      p,
    ),
    db.query<DutyGridRow>(
      `SELECT to_char(d.effective_at AT TIME ZONE $2, 'YYYY-MM') AS month, c.lead_agency AS agency,
              c.categories, d.action, d.stage, count(*)::int AS n
         FROM duty_status_actions d JOIN cases c ON c.id = d.case_id
        WHERE d.jurisdiction = $1 GROUP BY 1, 2, 3, 4, 5`,
      p,
    ),
  ]);
  return { cases, allegations, duty };
}
