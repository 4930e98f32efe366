import type { Queryable } from '../db/client.ts';
import type { CaseStatus } from '../../shared/enums.ts';
import type { CaseScope } from '../policies/case.policy.ts';
import { Conditions } from './sql.ts';

/**
 * SQL condition (and its parameters, numbered from `offset`) equivalent to caseView() !== 'none'.
 * It reads only the case row (`agencies` caches case_agencies, migration 0003) and one small
 * uncorrelated set, the caller's active assignments, which PostgreSQL hashes once per statement:
 * a correlated EXISTS per candidate row cost more than everything else in a list (ADR 0009).
 */
export function scopeCondition(
  scope: CaseScope,
  offset: number,
): { sql: string; params: unknown[] } {
  const u = `$${offset + 1}`;
  // a recorded relation to an accused member hides the case from that user (ADR 0013)
  // (an uncorrelated set, hashed once per statement, like the assignments below)
  const noConflict = `c.id NOT IN (SELECT cal.case_id FROM allegations cal JOIN staff_conflicts sc ON sc.member_id = cal.member_id AND sc.ended_at IS NULL WHERE sc.user_id = ${u})`;
  switch (scope.kind) {
    case 'all':
      return { sql: noConflict, params: [scope.userId] };
    case 'none':
      return { sql: 'false', params: [] };
    case 'agency': {
      const a = `$${offset + 2}`;
      const participates = `(c.lead_agency = ${a} OR c.agencies @> ARRAY[${a}]::text[])`;
      const kind =
        scope.unrestricted && scope.restricted
          ? participates
          : scope.unrestricted
            ? `(${participates} AND NOT c.restricted)`
            : scope.restricted
              ? `(${participates} AND c.restricted)`
              : null;
      const alternatives = [
        scope.assigned
          ? `c.id IN (SELECT asg.case_id FROM assignments asg WHERE asg.user_id = ${u} AND asg.ended_at IS NULL)`
          : null,
        scope.glass
          ? `c.id IN (SELECT bg.case_id FROM break_glass_grants bg WHERE bg.user_id = ${u} AND bg.expires_at > now())`
          : null,
        kind,
      ].filter(Boolean);
      return {
        sql: `((${alternatives.length > 0 ? alternatives.join(' OR ') : 'false'}) AND ${noConflict})`,
        params: [scope.userId, scope.agency],
      };
    }
  }
}

export interface CaseListFilters {
  q?: string | undefined;
  status?: string | undefined;
  category?: string | undefined;
  agency?: string | undefined;
  facility?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: 'received_desc' | 'received_asc' | 'log_number' | undefined;
  page: number;
  pageSize: number;
  timeZone: string;
}

export interface CaseListRow {
  log_number: string;
  case_type: string;
  received_at: Date;
  status: CaseStatus;
  categories: string[];
  lead_agency: string;
  restricted: boolean;
  facility_code: string | null;
}

/** ORDER BY keys of the list's sorts (from code, never from input), without a table alias. */
const SORTS = {
  received_desc: ['received_at DESC', 'log_number DESC'],
  received_asc: ['received_at ASC', 'log_number ASC'],
  log_number: ['log_number ASC'],
} as const;

const orderBy = (keys: readonly string[], alias: string): string =>
  keys.map((k) => `${alias}.${k}`).join(', ');

/**
 * Lists the cases the scope allows, filtered and paged, newest first (or by rank with `q`), with
 * the exact number of matches.
 *
 * Every condition reads only the case row, so the planner can use the indexes of migration 0003:
 * without `q`, the page and the count are index-only scans of a covering index in list order;
 * with `q`, the GIN index finds the matches, and one statement ranks them and counts them
 * (`count(*) OVER ()`), since ranking has to read every match anyway. Only the page beyond the
 * last match needs a separate count.
 */
export async function listCases(
  db: Queryable,
  jurisdiction: string,
  scope: CaseScope,
  f: CaseListFilters,
): Promise<{ rows: CaseListRow[]; total: number }> {
  const where = new Conditions((p) => `c.jurisdiction = ${p}`, jurisdiction);
  const scoped = scopeCondition(scope, where.params.length);
  where.params.push(...scoped.params);
  where.and(scoped.sql);
  let query = '';
  if (f.q) {
    // websearch syntax: words, "phrases", -exclusions; both language configurations (the two
    // are one query when they agree, so a match is ranked once per term)
    const p = where.param(f.q);
    query = `(CASE WHEN websearch_to_tsquery('english', ${p}) = websearch_to_tsquery('spanish', ${p})
                   THEN websearch_to_tsquery('english', ${p})
                   ELSE websearch_to_tsquery('english', ${p}) || websearch_to_tsquery('spanish', ${p}) END)`;
    where.and(`c.search @@ ${query}`);
  }
  if (f.status) {
    where.add((p) => `c.status = ${p}`, f.status);
  }
  if (f.category) {
    where.add((p) => `c.categories @> ARRAY[${p}]::text[]`, f.category);
  }
  if (f.agency) {
    where.add((p) => `(c.lead_agency = ${p} OR c.agencies @> ARRAY[${p}]::text[])`, f.agency);
  }
  if (f.facility) {
    where.add(
      (p) =>
        `c.facility_id = (SELECT fac.id FROM facilities fac WHERE fac.jurisdiction = $1 AND fac.code = ${p})`,
      f.facility,
    );
  }
  // date filters are calendar days in the profile's time zone
  if (f.from) {
    const tz = where.param(f.timeZone);
    where.add((p) => `c.received_at >= ((${p}::date)::timestamp AT TIME ZONE ${tz})`, f.from);
  }
  if (f.to) {
    const tz = where.param(f.timeZone);
    where.add((p) => `c.received_at < ((${p}::date + 1)::timestamp AT TIME ZONE ${tz})`, f.to);
  }
  const { params } = where;
  const whereSql = where.sql;
  const countSql = `SELECT count(*)::int AS n FROM cases c WHERE ${whereSql}`;
  const limit = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
  const pageParams = [...params, f.pageSize, (f.page - 1) * f.pageSize];
  const columns = `c.log_number, c.case_type, c.received_at, c.status, c.categories, c.lead_agency, c.restricted, c.facility_id`;
  // the facility code is looked up for the page's rows only, after LIMIT
  const withFacility = (page: string, order: string): string =>
    `SELECT p.log_number, p.case_type, p.received_at, p.status, p.categories, p.lead_agency, p.restricted,
            fac.code AS facility_code${f.q ? ', p.total' : ''}
       FROM (${page}) p LEFT JOIN facilities fac ON fac.id = p.facility_id
      ORDER BY ${order}`;
  if (f.q) {
    const rows = await db.query<CaseListRow & { total: number }>(
      withFacility(
        `SELECT ${columns}, ts_rank(c.search, ${query}) AS rank, count(*) OVER ()::int AS total
           FROM cases c WHERE ${whereSql}
          ORDER BY ${f.sort ? orderBy(SORTS[f.sort], 'c') : `rank DESC, ${orderBy(SORTS.received_desc, 'c')}`} ${limit}`,
        f.sort ? orderBy(SORTS[f.sort], 'p') : `p.rank DESC, ${orderBy(SORTS.received_desc, 'p')}`,
      ),
      pageParams,
    );
    if (rows.length > 0 || f.page === 1) {
      return {
        rows: rows.map(({ total: _total, ...row }) => row),
        total: rows[0]?.total ?? 0,
      };
    }
    // a page past the last match: no row carries the total
    const counted = await db.query<{ n: number }>(countSql, params);
    return { rows: [], total: counted[0]?.n ?? 0 };
  }
  const counted = await db.query<{ n: number }>(countSql, params);
  const sort = SORTS[f.sort ?? 'received_desc'];
  const rows = await db.query<CaseListRow>(
    withFacility(
      `SELECT ${columns} FROM cases c WHERE ${whereSql}
        ORDER BY ${orderBy(sort, 'c')} ${limit}`,
      orderBy(sort, 'p'),
    ),
    pageParams,
  );
  return { rows, total: counted[0]?.n ?? 0 };
}
