import type { Queryable } from '../db/client.ts';
import type { CaseStatus } from '../../shared/enums.ts';
import type { CaseScope } from '../policies/case.policy.ts';
import { Conditions } from './sql.ts';

/**
 * What the staff list reads before its statement, so that the statement holds constants the
 * planner can estimate (ADR 0058): the jurisdiction's distinct `cases.agencies` values, and the
 * caller's active assignments, break-the-glass grants and conflicted cases.
 */
export interface ScopeFacts {
  /** Every distinct `cases.agencies` value (each includes the case's lead agency, migration 0032). */
  agencySets: string[][];
  assigned: string[];
  glass: string[];
  conflicted: string[];
}

/**
 * Reads the ScopeFacts in one statement: the agency sets by a skip scan of
 * `cases_agency_list_idx` (one index probe per distinct set), the caller's rows by their indexes.
 */
export async function readScopeFacts(
  db: Queryable,
  jurisdiction: string,
  scope: CaseScope,
): Promise<ScopeFacts> {
  if (scope.kind === 'none') {
    return { agencySets: [], assigned: [], glass: [], conflicted: [] };
  }
  const rows = await db.query<{
    agency_sets: string[][];
    assigned: string[];
    glass: string[];
    conflicted: string[];
  }>(
    `WITH RECURSIVE sets AS (
       SELECT (SELECT c.agencies FROM cases c WHERE c.jurisdiction = $1 ORDER BY c.agencies LIMIT 1) AS a
       UNION ALL
       SELECT (SELECT c.agencies FROM cases c WHERE c.jurisdiction = $1 AND c.agencies > sets.a
                ORDER BY c.agencies LIMIT 1)
         FROM sets WHERE sets.a IS NOT NULL)
     SELECT (SELECT coalesce(json_agg(a), '[]'::json) FROM sets WHERE a IS NOT NULL) AS agency_sets,
            ARRAY(SELECT asg.case_id FROM assignments asg
                   WHERE asg.user_id = $2 AND asg.ended_at IS NULL) AS assigned,
            ARRAY(SELECT bg.case_id FROM break_glass_grants bg
                   WHERE bg.user_id = $2 AND bg.expires_at > now()) AS glass,
            ARRAY(SELECT cal.case_id FROM allegations cal
                    JOIN staff_conflicts sc ON sc.member_id = cal.member_id AND sc.ended_at IS NULL
                   WHERE sc.user_id = $2) AS conflicted`,
    [jurisdiction, scope.userId],
    // a read by key whose plan does not depend on its values (ADR 0059): planning it cost six
    // times running it
    { reusePlan: true },
  );
  const r = rows[0]!;
  return {
    agencySets: r.agency_sets,
    assigned: r.assigned,
    glass: r.glass,
    conflicted: r.conflicted,
  };
}

/** The scope's restriction kinds applied to `participates`; null when the scope grants neither. */
function kindCondition(
  scope: Extract<CaseScope, { kind: 'agency' }>,
  participates: string,
): string | null {
  if (scope.unrestricted && scope.restricted) {
    return participates;
  }
  if (scope.unrestricted) {
    return `(${participates} AND NOT c.restricted)`;
  }
  return scope.restricted ? `(${participates} AND c.restricted)` : null;
}

/**
 * SQL condition (and its parameters, numbered from `offset`) equivalent to caseView() !== 'none'.
 *
 * Without `facts` it reads only the case row (`agencies` caches case_agencies, migration 0003)
 * and small uncorrelated sets (the caller's assignments, grants and conflicts), which PostgreSQL
 * hashes once per statement: a correlated EXISTS per candidate row cost more than everything
 * else in a list (ADR 0009).
 *
 * With `facts` (read first by readScopeFacts) the same rule is written with constants: agency
 * participation as `c.agencies IN (the sets that contain the agency)`, the caller's cases as id
 * lists, and `facts.agency` (the list's agency filter) folded into the same agency condition, so
 * that the planner estimates the combination from the column's statistics instead of
 * multiplying two guesses (ADR 0058).
 */
export function scopeCondition(
  scope: CaseScope,
  offset: number,
  facts?: ScopeFacts & { agency?: string | undefined },
): { sql: string; params: unknown[] } {
  if (facts) {
    return resolvedScopeCondition(scope, offset, facts);
  }
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
      const alternatives = [
        scope.assigned
          ? `c.id IN (SELECT asg.case_id FROM assignments asg WHERE asg.user_id = ${u} AND asg.ended_at IS NULL)`
          : null,
        scope.glass
          ? `c.id IN (SELECT bg.case_id FROM break_glass_grants bg WHERE bg.user_id = ${u} AND bg.expires_at > now())`
          : null,
        kindCondition(scope, `(c.lead_agency = ${a} OR c.agencies @> ARRAY[${a}]::text[])`),
      ].filter(Boolean);
      return {
        sql: `((${alternatives.length > 0 ? alternatives.join(' OR ') : 'false'}) AND ${noConflict})`,
        params: [scope.userId, scope.agency],
      };
    }
  }
}

function resolvedScopeCondition(
  scope: CaseScope,
  offset: number,
  facts: ScopeFacts & { agency?: string | undefined },
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${offset + params.length}`;
  };
  // an empty branch is left out rather than written as `= ANY('{}')`: an OR with it would keep
  // the planner from using the agency condition as an index range
  const inSets = (required: readonly string[]): string => {
    const sets = facts.agencySets.filter((s) => required.every((a) => s.includes(a)));
    return sets.length === 0
      ? 'false'
      : `c.agencies IN (${sets.map((s) => `${p(s)}::text[]`).join(', ')})`;
  };
  const filter = facts.agency ? [facts.agency] : [];
  const filtered = (sql: string): string =>
    filter.length ? `(${sql} AND ${inSets(filter)})` : sql;
  const ids = (list: string[]): string | null =>
    list.length > 0 ? filtered(`c.id = ANY(${p(list)}::uuid[])`) : null;
  let visible: string;
  switch (scope.kind) {
    case 'none':
      return { sql: 'false', params: [] };
    case 'all':
      visible = filter.length ? inSets(filter) : 'true';
      break;
    case 'agency': {
      const agencyPart = inSets([scope.agency, ...filter]);
      const alternatives = [
        scope.assigned ? ids(facts.assigned) : null,
        scope.glass ? ids(facts.glass) : null,
        agencyPart === 'false' ? null : kindCondition(scope, agencyPart),
      ].filter((x): x is string => x !== null);
      visible = alternatives.length > 0 ? `(${alternatives.join(' OR ')})` : 'false';
      break;
    }
  }
  const conflicts =
    facts.conflicted.length > 0 ? ` AND NOT (c.id = ANY(${p(facts.conflicted)}::uuid[]))` : '';
  return { sql: `${visible}${conflicts}`, params };
}

/**
 * The upkeep autovacuum does on a server, for the embedded database which has none: VACUUM keeps
 * the visibility map the list's index-only scans rely on and merges the search index's pending
 * list, and ANALYZE of the columns the list filters on, in `cases` and in its search copy
 * `case_search`, keeps the estimates ADR 0058 relies on (the agency sets). The narrative and the
 * search vector are left out: their statistics cost three times the rest, and searches do not
 * depend on them.
 */
export async function refreshCaseListStatistics(db: Queryable): Promise<void> {
  const listed =
    'jurisdiction, agencies, lead_agency, status, categories, facility_id, received_at, restricted';
  await db.query(`VACUUM cases, case_search`);
  await db.query(`ANALYZE cases (${listed}), case_search (${listed})`);
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

/** Each column of `T` possibly null: a row of an outer join's nullable side. */
type Nullable<T> = { [K in keyof T]: T[K] | null };

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

/**
 * A list's total is exact up to this many matches and "more than" beyond (ADR 0058): counting
 * every visible case of a 98,000-case history cost more than everything else in a list request
 * (70–100 ms), and counting up to 10,000 still 3–19 ms; 1,000 (40 pages) costs under 2 ms, and
 * past it the queue is narrowed by a filter, not paged through.
 */
export const EXACT_TOTAL_UP_TO = 1_000;

/** ORDER BY keys of the list's sorts (from code, never from input), without a table alias. */
const SORTS = {
  received_desc: ['received_at DESC', 'log_number DESC'],
  received_asc: ['received_at ASC', 'log_number ASC'],
  log_number: ['log_number ASC'],
} as const;

const orderBy = (keys: readonly string[], alias: string): string =>
  keys.map((k) => `${alias}.${k}`).join(', ');

/**
 * The order a list's items are in: by rank (best match first), which a search uses when it has
 * at most EXACT_TOTAL_UP_TO matches and no other sort was asked for, or one of the sorts.
 */
export type CaseListOrder = 'relevance' | keyof typeof SORTS;

/**
 * Lists the cases the scope allows, filtered and paged, newest first (or best match first with
 * `q`), with the number of matches: exact up to EXACT_TOTAL_UP_TO, and that number with
 * `totalExact: false` beyond (ADR 0058), and the order the rows are in.
 *
 * Every condition reads only the case row, so the planner can use the indexes of migrations 0003
 * and 0032: without `q`, the page and the count are index-only scans of a covering index in list
 * order, and the count stops after EXACT_TOTAL_UP_TO + 1 matches.
 *
 * With `q` the statements read `case_search`, the narrow copy of each case's list columns and
 * search vector (migration 0035, ADR 0060). Its GIN index finds the matches, counted up to
 * EXACT_TOTAL_UP_TO + 1 and, when there are at most EXACT_TOTAL_UP_TO, all ranked: best match
 * first. With more, ranking would have to read every match, so the search is answered like the
 * rest of the list: "more than 1,000", newest first (or in the sort asked for), by a walk of the
 * list-order index that stops at the page (`order` says which). One statement does either (ADR
 * 0062).
 */
export async function listCases(
  db: Queryable,
  jurisdiction: string,
  scope: CaseScope,
  f: CaseListFilters,
  exactUpTo = EXACT_TOTAL_UP_TO,
): Promise<{ rows: CaseListRow[]; total: number; totalExact: boolean; order: CaseListOrder }> {
  const where = new Conditions((p) => `c.jurisdiction = ${p}`, jurisdiction);
  const facts = await readScopeFacts(db, jurisdiction, scope);
  // the agency filter is folded into the visibility rule's agency condition
  const scoped = scopeCondition(scope, where.params.length, { ...facts, agency: f.agency });
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
  }
  if (f.status) {
    where.add((p) => `c.status = ${p}`, f.status);
  }
  if (f.category) {
    where.add((p) => `c.categories @> ARRAY[${p}]::text[]`, f.category);
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
  const cap = exactUpTo;
  const limit = `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`;
  const pageParams = [...params, f.pageSize, (f.page - 1) * f.pageSize];
  const columns = `c.log_number, c.case_type, c.received_at, c.status, c.categories, c.lead_agency, c.restricted, c.facility_id`;
  const sorted = f.sort ?? 'received_desc';
  const listOrder = (alias: string): string => orderBy(SORTS[sorted], alias);
  if (!f.q) {
    // the count stops one past the cap
    const counted = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM cases c WHERE ${where.sql} LIMIT ${cap + 1}) capped`,
      params,
    );
    const n = counted[0]?.n ?? 0;
    // the facility code is looked up for the page's rows only, after LIMIT
    const rows = await db.query<CaseListRow>(
      `SELECT p.log_number, p.case_type, p.received_at, p.status, p.categories, p.lead_agency,
              p.restricted, fac.code AS facility_code
         FROM (SELECT ${columns} FROM cases c WHERE ${where.sql}
                ORDER BY ${listOrder('c')} ${limit}) p
         LEFT JOIN facilities fac ON fac.id = p.facility_id
        ORDER BY ${listOrder('p')}`,
      pageParams,
    );
    return { rows, total: Math.min(n, cap), totalExact: n <= cap, order: sorted };
  }
  // A search reads the narrow copy that holds the vector (migration 0035), under the same alias,
  // in one statement (ADR 0062): it finds the matches up to one past the cap, counting them and
  // keeping where each row is (its ctid), then either ranks those rows, read by their ctids in the
  // same snapshot (at most the cap), or walks the list order (more). Each branch runs only when
  // its one-time filter on the count holds, so nothing is ranked or searched for twice.
  const matching = `${where.sql} AND c.search @@ ${query}`;
  const relevance = !f.sort;
  const rankedOrder = relevance
    ? `m.rank DESC, ${orderBy(SORTS.received_desc, 'm')}`
    : listOrder('m');
  // Past the cap, newest (or oldest) first, the match is written as the function behind `@@`,
  // which no index answers, so that the planner walks the list-order index of migration 0035 and
  // stops at the page: over a thousand of the cases it passes match, so a page is found within a
  // few thousand rows, where the GIN index would fetch every match to sort them.
  const walk =
    sorted === 'log_number' ? matching : `${where.sql} AND ts_match_vq(c.search, ${query})`;
  const answered = await db.query<Nullable<CaseListRow> & { total: number }>(
    `SELECT n.n AS total, p.log_number, p.case_type, p.received_at, p.status, p.categories,
            p.lead_agency, p.restricted, p.facility_code
       FROM (SELECT count(*)::int AS n, array_agg(found.ctid) AS ctids FROM (
               SELECT c.ctid FROM case_search c WHERE ${matching} LIMIT ${cap + 1}) found) n
       LEFT JOIN LATERAL (
         SELECT q.*, fac.code AS facility_code FROM (
           (SELECT m.* FROM (
              SELECT ${columns}, ts_rank(c.search, ${query}) AS rank
                FROM case_search c WHERE c.ctid = ANY(n.ctids)) m
             WHERE n.n <= ${cap} ORDER BY ${rankedOrder} ${limit})
           UNION ALL
           (SELECT ${columns}, NULL::real AS rank FROM case_search c
             WHERE ${walk} AND n.n > ${cap} ORDER BY ${listOrder('c')} ${limit})
         ) q LEFT JOIN facilities fac ON fac.id = q.facility_id) p ON true
      ORDER BY ${relevance ? 'p.rank DESC NULLS LAST, ' : ''}${listOrder('p')}`,
    pageParams,
  );
  const matches = answered[0]?.total ?? 0;
  // a page past the matches is the count's row alone
  const rows = answered
    .filter((r): r is CaseListRow & { total: number } => r.log_number !== null)
    .map(({ total: _total, ...row }) => row);
  return matches <= cap
    ? { rows, total: matches, totalExact: true, order: f.sort ?? 'relevance' }
    : { rows, total: cap, totalExact: false, order: sorted };
}
