import type { Queryable } from '../db/client.ts';
import { rowByKey } from './sql.ts';
import { AGENCY_CODE_PATTERN, type CaseStatus } from '../../shared/enums.ts';
import type { PublicCaseSort } from '../../shared/schemas/public.ts';
import { decidedOnSql } from './allegations.repository.ts';

/*
 * The public portal's case reads. These queries select only columns the public presenters may
 * use: never `parties` identity, contact or vulnerability columns, never the incident address,
 * never staff names (the encrypted identities `redactionHints` reads only to remove them from a
 * narrative). Whether a case is COPA's is computed here so
 * filters can respect what each visibility level may show.
 */

/**
 * SQL: the case is the oversight agency's (it leads it or works a track on it). The code is the
 * profile's (ADR 0045), never input, and has the agency-code shape, so it is written in place.
 */
// `cases.agencies` is the trigger-kept cache of case_agencies (migration 0003): a row predicate,
// where a correlated EXISTS (or its hashed subplan over every oversight row) cost 30 ms per page.
function oversightCaseSql(code: string): string {
  if (!AGENCY_CODE_PATTERN.test(code)) {
    throw new RangeError(`not an agency code: ${code}`);
  }
  return `(c.lead_agency = '${code}' OR c.agencies @> ARRAY['${code}']::text[])`;
}

/**
 * ORDER BY keys of the portal list (from code, never from input), without a table alias: the log
 * number's sequence, log_number_order() of migration 0019 (legacy numbers by value, then
 * YYYY-NNNNNNN by year and sequence), the text breaking ties. Exactly the expressions of
 * cases_log_order_idx, read backwards for newest first. Never the date received: restricted and
 * BIA-only cases do not publish it, and their place in a date order would (docs/public-portal.md).
 */
const PUBLIC_LIST_ORDER: Record<PublicCaseSort, (alias: string) => string> = {
  newest: (a) => `log_number_order(${a}.log_number) DESC, ${a}.log_number DESC`,
  oldest: (a) => `log_number_order(${a}.log_number) ASC, ${a}.log_number ASC`,
};

/**
 * At or below this many matches a page is cut from the matches sorted in memory; above it, from
 * the log-number order index (cases_log_order_idx), read either way. The planner cannot tell which is cheaper: it assumes matches
 * are spread evenly over log numbers, but a year or a closed-era status clusters them (measured on
 * the full history: 2019's cases or a CLEAR-era status filter read 58,000 index rows for a first
 * page, 300 ms; sorted in memory, 15–20 ms; while 16,000 matches sort in 170 ms).
 */
const SORT_MATCHES_IN_MEMORY_UP_TO = 5000;

/** A case as the portal lists it; the presenter decides what of it each visibility shows. */
export interface PublicCaseListRow {
  log_number: string;
  status: CaseStatus;
  categories: string[];
  received_at: Date;
  closed_on: string | null;
  lead_agency: string;
  restricted: boolean;
  copa: boolean;
}

export interface PublicCaseFilters {
  logNumber?: string | undefined;
  year?: number | undefined;
  category?: string | undefined;
  status?: string | undefined;
  /** Newest log number first when not given (issue 23 item 11). */
  sort?: PublicCaseSort | undefined;
  page: number;
  pageSize: number;
  timeZone: string;
  /** Code of the profile's oversight agency, whose cases are public (publicVisibility). */
  oversightAgency: string;
  /** A total counted recently for the same filters: skips the count. */
  knownTotal?: number;
  /** Overrides {@link SORT_MATCHES_IN_MEMORY_UP_TO} (tests compare both ways of cutting a page). */
  sortInMemoryUpTo?: number;
}

/**
 * The portal's list, in log-number order (newest first unless asked). Filters respect visibility: the
 * year filters only fully public cases, the category filter only cases whose category is public
 * (COPA's), so a filter never reveals a field the case's own page withholds.
 */
export async function listPublicCases(
  db: Queryable,
  jurisdiction: string,
  f: PublicCaseFilters,
): Promise<{ rows: PublicCaseListRow[]; total: number }> {
  const params: unknown[] = [jurisdiction];
  const where = ['c.jurisdiction = $1'];
  const oversightCase = oversightCaseSql(f.oversightAgency);
  const add = (sql: (p: string) => string, value: unknown): void => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.logNumber) {
    // digits and dashes only (validated), so no LIKE metacharacters
    add((p) => `c.log_number LIKE ${p} || '%'`, f.logNumber);
  }
  if (f.status) {
    add((p) => `c.status = ${p}`, f.status);
  }
  if (f.category) {
    add((p) => `c.categories @> ARRAY[${p}]::text[] AND ${oversightCase}`, f.category);
  }
  if (f.year !== undefined) {
    params.push(f.timeZone);
    const tz = `$${params.length}`;
    add(
      (p) =>
        `c.received_at >= (make_date(${p}::int, 1, 1)::timestamp AT TIME ZONE ${tz})
         AND c.received_at < (make_date(${p}::int + 1, 1, 1)::timestamp AT TIME ZONE ${tz})
         AND NOT c.restricted AND ${oversightCase}`,
      f.year,
    );
  }
  const whereSql = where.join(' AND ');
  const countRows =
    f.knownTotal !== undefined
      ? [{ n: f.knownTotal }]
      : await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM cases c WHERE ${whereSql}`,
          params,
        );
  const pageParams = [...params, f.pageSize, (f.page - 1) * f.pageSize];
  const total = countRows[0]?.n ?? 0;
  const select = `SELECT c.log_number, c.status, c.categories, c.received_at, c.closed_on, c.lead_agency,
                         c.restricted, ${oversightCase} AS copa
                    FROM cases c WHERE ${whereSql}`;
  const page = `LIMIT $${pageParams.length - 1} OFFSET $${pageParams.length}`;
  const order = PUBLIC_LIST_ORDER[f.sort ?? 'newest'];
  const rows = await db.query<PublicCaseListRow>(
    total <= (f.sortInMemoryUpTo ?? SORT_MATCHES_IN_MEMORY_UP_TO)
      ? `WITH matches AS MATERIALIZED (${select}) SELECT * FROM matches m ORDER BY ${order('m')} ${page}`
      : `${select} ORDER BY ${order('c')} ${page}`,
    pageParams,
  );
  return { rows, total };
}

/** One case with everything a public page could show; the presenter drops what it may not. */
export interface PublicCaseRow {
  id: string;
  log_number: string;
  case_type: string;
  status: CaseStatus;
  categories: string[];
  flags: string[];
  received_at: Date;
  incident_occurred_at: Date | null;
  incident_district: string | null;
  closed_on: string | null;
  status_changed_at: Date;
  lead_agency: string;
  restricted: boolean;
  narrative: string;
  agencies: Array<{
    agency: string;
    track: 'administrative' | 'criminal';
    role: 'lead' | 'parallel' | 'referred';
  }>;
  history: Array<{ status: CaseStatus; at: string }>;
  allegations: Array<{
    category: string;
    recommended_finding: string | null;
    final_finding: string | null;
    final_penalty: string | null;
    recommended_penalty: string | null;
    /** Decision dates ('YYYY-MM-DD') of the current recommended and final finding rows. */
    recommended_on: string | null;
    final_on: string | null;
  }>;
  /** The ledger with, per entry, how many roster members the member's unit has (0: unknown unit). */
  duty_status: Array<{
    member_id: string;
    action: string;
    stage: 'recommended' | 'decided';
    effective_at: string;
    unit_members: number;
  }>;
}

export const findPublicCase = rowByKey<PublicCaseRow, [jurisdiction: string, logNumber: string]>(
  `SELECT c.id, c.log_number, c.case_type, c.status, c.categories, c.flags, c.received_at,
            c.incident_occurred_at, c.incident_district, c.closed_on, c.status_changed_at,
            c.lead_agency, c.restricted, c.narrative,
            COALESCE((SELECT json_agg(json_build_object('agency', ca.agency, 'track', ca.track, 'role', ca.role) ORDER BY ca.added_at, ca.id)
                        FROM case_agencies ca WHERE ca.case_id = c.id), '[]') AS agencies,
            COALESCE((SELECT json_agg(json_build_object('status', h.to_status, 'at', h.at) ORDER BY h.at, h.id)
                        FROM case_status_history h WHERE h.case_id = c.id), '[]') AS history,
            COALESCE((SELECT json_agg(json_build_object(
                         'category', a.category, 'recommended_finding', a.recommended_finding,
                         'final_finding', a.final_finding, 'final_penalty', a.final_penalty,
                         'recommended_penalty', a.recommended_penalty,
                         'recommended_on', ${decidedOnSql('recommended')},
                         'final_on', ${decidedOnSql('final')})
                       ORDER BY a.category, a.id)
                        FROM allegations a WHERE a.case_id = c.id), '[]') AS allegations,
            COALESCE((SELECT json_agg(json_build_object(
                         'member_id', d.member_id, 'action', d.action, 'stage', d.stage,
                         'effective_at', d.effective_at,
                         'unit_members', CASE WHEN m.unit_code IS NULL THEN 0 ELSE
                           (SELECT count(*) FROM members p
                             WHERE p.jurisdiction = c.jurisdiction AND p.unit_code = m.unit_code)
                         END)
                       ORDER BY d.effective_at, d.id)
                        FROM duty_status_actions d JOIN members m ON m.id = d.member_id
                       WHERE d.case_id = c.id), '[]') AS duty_status
       FROM cases c`,
  ['c.jurisdiction', 'c.log_number'],
  'c',
  ['received_at', 'incident_occurred_at', 'status_changed_at'],
);

/** What the redaction needs to know of a case's people: encrypted identities, never shown. */
export interface RedactionHintsRow {
  parties: Array<{ id: string; identity_enc: string | null; vulnerabilities: string[] }>;
  /** Names the case's records hold for its members (accused, witnesses) and investigators. */
  record_names: Array<{ first_name: string | null; last_name: string | null }>;
  facility_name: string | null;
  facility_address: string | null;
}

/**
 * The encrypted identities of a case's parties and its facility, read only so the publication
 * step can remove those exact strings from a narrative before it leaves the server.
 */
export async function redactionHints(db: Queryable, caseId: string): Promise<RedactionHintsRow> {
  const rows = await db.query<RedactionHintsRow>(
    `SELECT COALESCE((SELECT json_agg(json_build_object('id', p.id, 'identity_enc', p.identity_enc, 'vulnerabilities', p.vulnerabilities))
                        FROM parties p WHERE p.case_id = c.id), '[]') AS parties,
            COALESCE((SELECT json_agg(json_build_object('first_name', n.first_name, 'last_name', n.last_name))
                        FROM (SELECT m.first_name, m.last_name FROM case_members cm JOIN members m ON m.id = cm.member_id
                               WHERE cm.case_id = c.id
                              UNION
                              SELECT i.first_name, i.last_name FROM case_investigators i WHERE i.case_id = c.id) n), '[]') AS record_names,
            f.name AS facility_name, f.address AS facility_address
       FROM cases c LEFT JOIN facilities f ON f.id = c.facility_id WHERE c.id = $1`,
    [caseId],
  );
  return rows[0] ?? { parties: [], record_names: [], facility_name: null, facility_address: null };
}

/**
 * The roster's names and stars (docs/redaction.md rules 24 and 30): every identified department
 * member (one with a star or an employee number; the releases also hold "accused" a complainant
 * named who were never identified, with whatever words were typed) and every investigator.
 */
export async function rosterNames(
  db: Queryable,
  jurisdiction: string,
): Promise<Array<{ first_name: string | null; last_name: string | null; star: string | null }>> {
  return db.query(
    `SELECT first_name, last_name, star FROM members
      WHERE jurisdiction = $1 AND (star IS NOT NULL OR employee_number IS NOT NULL)
     UNION
     SELECT first_name, last_name, NULL FROM case_investigators WHERE jurisdiction = $1`,
    [jurisdiction],
  );
}
