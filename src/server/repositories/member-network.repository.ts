import type { Queryable } from '../db/client.ts';
import { scopeCondition } from './case-list.repository.ts';
import { insertRows, rowByKey } from './sql.ts';

/*
 * Member histories and the co-accusal network (issue 19 items 1–2, migration 0025, ADR 0035).
 * A *population* is a set of cases every reader it serves may see in full: 'all' (the
 * unrestricted cases of the jurisdiction) or an agency code (the unrestricted cases it takes part
 * in). Restricted cases never enter a population (ADR 0006), so no figure here lets a reader
 * without need-to-know difference a restricted case out.
 */

/** The population of readers who see every case, and of the whole-jurisdiction figures. */
export const ALL_POPULATION = 'all';

/** The cases of a population, as a condition on `c` with its parameter at `$n`. */
function populationCondition(population: string, n: number): { sql: string; params: unknown[] } {
  return population === ALL_POPULATION
    ? { sql: `NOT c.restricted AND $${n}::text IS NOT NULL`, params: [population] }
    : {
        sql: `NOT c.restricted AND (c.lead_agency = $${n} OR c.agencies @> ARRAY[$${n}]::text[])`,
        params: [population],
      };
}

/**
 * A complaint counts as department-initiated when a department member made it: an imported CLEAR
 * or CMS case whose `complainant_type` is `CPD EMPLOYEE`, or a case filed in Oversight through the
 * department's notification channel. Every other complaint is a civilian one (as CPDP splits them).
 */
const DEPARTMENT_INITIATED = `coalesce(c.channel = 'department_notification' OR upper(c.source->>'complainant_type') = 'CPD EMPLOYEE', false)`;

/**
 * Who was named as accused on a case: allegations, and the CLEAR release's accused rows without
 * one. (memberPopulationComplaints reads the same two sources per member, by index.)
 */
const ACCUSED = `(SELECT case_id, member_id FROM allegations WHERE member_id IS NOT NULL
                  UNION
                  SELECT case_id, member_id FROM case_members WHERE role = 'accused' AND member_id IS NOT NULL)`;

export interface PopulationComplaintRow {
  member_id: string;
  unit_code: string | null;
  rank: string | null;
  appointed_date: string | null;
  civilian: number;
  department: number;
}

/** The window of a population: the first and last local day a complaint of it was received. */
export async function populationWindow(
  db: Queryable,
  jurisdiction: string,
  population: string,
  timeZone: string,
): Promise<{ start: string; end: string } | null> {
  const pop = populationCondition(population, 3);
  const rows = await db.query<{ start: string | null; end: string | null }>(
    `SELECT min((c.received_at AT TIME ZONE $2)::date)::text AS start,
            max((c.received_at AT TIME ZONE $2)::date)::text AS "end"
       FROM cases c
      WHERE c.jurisdiction = $1 AND c.case_type = 'complaint' AND ${pop.sql}`,
    [jurisdiction, timeZone, ...pop.params],
  );
  const r = rows[0];
  return r?.start && r.end ? { start: r.start, end: r.end } : null;
}

/** Every roster member with an appointment date, with their complaints in the population. */
export async function populationComplaints(
  db: Queryable,
  jurisdiction: string,
  population: string,
): Promise<PopulationComplaintRow[]> {
  const pop = populationCondition(population, 2);
  return db.query<PopulationComplaintRow>(
    `WITH named AS (
       SELECT acc.member_id, ${DEPARTMENT_INITIATED} AS dept
         FROM ${ACCUSED} acc JOIN cases c ON c.id = acc.case_id
        WHERE c.jurisdiction = $1 AND c.case_type = 'complaint' AND ${pop.sql})
     SELECT m.id AS member_id, m.unit_code, m.rank, m.appointed_date::text AS appointed_date,
            count(n.member_id) FILTER (WHERE NOT n.dept)::int AS civilian,
            count(n.member_id) FILTER (WHERE n.dept)::int AS department
       FROM members m LEFT JOIN named n ON n.member_id = m.id
      WHERE m.jurisdiction = $1 AND m.appointed_date IS NOT NULL
      GROUP BY m.id`,
    [jurisdiction, ...pop.params],
  );
}

/** Every pair of members named together in a complaint of the population, once per complaint. */
export async function populationCoaccusals(
  db: Queryable,
  jurisdiction: string,
  population: string,
  timeZone: string,
): Promise<Array<{ a: string; b: string; day: string }>> {
  const pop = populationCondition(population, 3);
  return db.query(
    `WITH named AS (
       SELECT acc.case_id, acc.member_id, (c.received_at AT TIME ZONE $2)::date AS day
         FROM ${ACCUSED} acc JOIN cases c ON c.id = acc.case_id
        WHERE c.jurisdiction = $1 AND c.case_type = 'complaint' AND ${pop.sql})
     SELECT x.member_id AS a, y.member_id AS b, x.day::text AS day
       FROM named x JOIN named y ON y.case_id = x.case_id AND y.member_id > x.member_id`,
    [jurisdiction, timeZone, ...pop.params],
  );
}

export interface ServiceRateRow {
  member_id: string;
  unit_code: string | null;
  rank: string | null;
  appointed_date: string | null;
  service_years: number;
  civilian: number;
  department: number;
  civilian_rate: number;
  department_rate: number;
}

export interface NetworkMeasureRow {
  member_id: string;
  degree: number;
  strength: number;
  betweenness: number;
  component_size: number;
}

export interface NetworkRunRow {
  population: string;
  computed_at: Date;
  window_start: string;
  window_end: string;
  members: number;
  links: number;
  duration_ms: number;
}

const CHUNK = 1000;

/** Inserts rows of a population, a thousand per statement, columns named as the row's keys. */
async function insertPopulationRows<T extends object>(
  tx: Queryable,
  table: string,
  jurisdiction: string,
  population: string,
  rows: readonly T[],
  columns: ReadonlyArray<keyof T & string>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await insertRows(
      tx,
      table,
      ['jurisdiction', 'population', ...columns],
      rows.slice(i, i + CHUNK).map((r) => [jurisdiction, population, ...columns.map((c) => r[c])]),
    );
  }
}

/** Replaces a population's figures with a new run's (inside the caller's transaction). */
export async function replacePopulation(
  tx: Queryable,
  jurisdiction: string,
  run: NetworkRunRow,
  rates: readonly ServiceRateRow[],
  measures: readonly NetworkMeasureRow[],
): Promise<void> {
  for (const table of ['member_service_rates', 'member_network_measures', 'member_network_runs']) {
    await tx.query(`DELETE FROM ${table} WHERE jurisdiction = $1 AND population = $2`, [
      jurisdiction,
      run.population,
    ]);
  }
  await insertPopulationRows(tx, 'member_service_rates', jurisdiction, run.population, rates, [
    'member_id',
    'unit_code',
    'rank',
    'appointed_date',
    'service_years',
    'civilian',
    'department',
    'civilian_rate',
    'department_rate',
  ]);
  await insertPopulationRows(
    tx,
    'member_network_measures',
    jurisdiction,
    run.population,
    measures,
    ['member_id', 'degree', 'strength', 'betweenness', 'component_size'],
  );
  await insertRows(
    tx,
    'member_network_runs',
    [
      'jurisdiction',
      'population',
      'computed_at',
      'window_start',
      'window_end',
      'members',
      'links',
      'duration_ms',
    ],
    [
      [
        jurisdiction,
        run.population,
        run.computed_at,
        run.window_start,
        run.window_end,
        run.members,
        run.links,
        run.duration_ms,
      ],
    ],
  );
}

export const findNetworkRun = rowByKey<NetworkRunRow, [jurisdiction: string, population: string]>(
  `SELECT population, computed_at, window_start::text AS window_start, window_end::text AS window_end,
            members, links, duration_ms
       FROM member_network_runs`,
  ['jurisdiction', 'population'],
);

/**
 * One member's complaints in the population *now*, leaving out the cases the reader is kept from
 * by a conflict of interest (ADR 0013): one row per complaint, with the members named with them.
 */
export async function memberPopulationComplaints(
  db: Queryable,
  jurisdiction: string,
  population: string,
  memberId: string,
  readerId: string,
  timeZone: string,
): Promise<Array<{ case_id: string; day: string; dept: boolean; others: string[] }>> {
  const pop = populationCondition(population, 4);
  const conflict = scopeCondition({ kind: 'all', userId: readerId }, 3 + pop.params.length);
  // each side of the union is its own indexed lookup: a join into the union of both tables
  // would build the whole union (145,000 rows) for every page
  return db.query(
    `WITH mine AS (
       SELECT c.id AS case_id, (c.received_at AT TIME ZONE $3)::date::text AS day,
              ${DEPARTMENT_INITIATED} AS dept
         FROM cases c
        WHERE c.id IN (SELECT case_id FROM allegations WHERE member_id = $2
                       UNION
                       SELECT case_id FROM case_members WHERE role = 'accused' AND member_id = $2)
          AND c.jurisdiction = $1 AND c.case_type = 'complaint' AND ${pop.sql} AND ${conflict.sql}),
     others AS (
       SELECT a.case_id, a.member_id FROM mine JOIN allegations a ON a.case_id = mine.case_id
        WHERE a.member_id <> $2
       UNION
       SELECT cm.case_id, cm.member_id FROM mine JOIN case_members cm ON cm.case_id = mine.case_id
        WHERE cm.role = 'accused' AND cm.member_id <> $2)
     SELECT mine.case_id, mine.day, mine.dept,
            coalesce(array_agg(o.member_id) FILTER (WHERE o.member_id IS NOT NULL), '{}') AS others
       FROM mine LEFT JOIN others o ON o.case_id = mine.case_id
      GROUP BY mine.case_id, mine.day, mine.dept`,
    [jurisdiction, memberId, timeZone, ...pop.params, ...conflict.params],
  );
}

/** How many of the other members of a group have a lower rate, and how many there are. */
export async function rankInPopulation(
  db: Queryable,
  jurisdiction: string,
  population: string,
  memberId: string,
  rates: { civilian: number; department: number },
  peers?: { unit: string; rank: string; from: string; to: string },
): Promise<{
  others: number;
  civilian_below: number;
  department_below: number;
  civilian_median: number | null;
  department_median: number | null;
}> {
  const params: unknown[] = [jurisdiction, population, memberId, rates.civilian, rates.department];
  const group = 'jurisdiction = $1 AND population = $2 AND member_id <> $3';
  if (!peers) {
    // the whole population: three counts, each an index-only range (the job vacuums the table)
    const rows = await db.query<{
      others: number;
      civilian_below: number;
      department_below: number;
    }>(
      `SELECT (SELECT count(*) FROM member_service_rates WHERE ${group})::int AS others,
              (SELECT count(*) FROM member_service_rates WHERE ${group} AND civilian_rate < $4)::int AS civilian_below,
              (SELECT count(*) FROM member_service_rates WHERE ${group} AND department_rate < $5)::int AS department_below`,
      params,
    );
    return { ...rows[0]!, civilian_median: null, department_median: null };
  }
  params.push(peers.unit, peers.rank, peers.from, peers.to);
  const rows = await db.query<{
    others: number;
    civilian_below: number;
    department_below: number;
    civilian_median: number | null;
    department_median: number | null;
  }>(
    `SELECT count(*)::int AS others,
            count(*) FILTER (WHERE civilian_rate < $4)::int AS civilian_below,
            count(*) FILTER (WHERE department_rate < $5)::int AS department_below,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY civilian_rate) AS civilian_median,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY department_rate) AS department_median
       FROM member_service_rates
      WHERE ${group} AND unit_code = $6 AND rank = $7 AND appointed_date BETWEEN $8 AND $9`,
    params,
  );
  return rows[0]!;
}

/** Fresh statistics and visibility for the tables a run replaced (outside any transaction). */
export async function vacuumMemberFigures(db: Queryable): Promise<void> {
  await db.query(`VACUUM (ANALYZE) member_service_rates, member_network_measures`);
}

/** A member's measures in the co-accusal network of one population. */
export const findNetworkMeasures = rowByKey<
  NetworkMeasureRow,
  [jurisdiction: string, population: string, memberId: string]
>(`SELECT member_id, degree, strength, betweenness, component_size FROM member_network_measures`, [
  'jurisdiction',
  'population',
  'member_id',
]);

/** Name, star, rank and unit of members, by id. */
export async function membersByIds(
  db: Queryable,
  ids: readonly string[],
): Promise<
  Array<{
    id: string;
    first_name: string | null;
    last_name: string | null;
    star: string | null;
    rank: string | null;
    unit_code: string | null;
  }>
> {
  if (ids.length === 0) {
    return [];
  }
  return db.query(
    `SELECT id, first_name, last_name, star, rank, unit_code FROM members WHERE id = ANY($1::uuid[])`,
    [ids],
  );
}
