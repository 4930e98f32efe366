import crypto from 'node:crypto';
import type { Queryable } from '../db/client.ts';
import { copyText, type CopyColumn } from '../db/copy-text.ts';

/** What an upsert did to each key it was given (keys not returned were unchanged). */
export type Outcome = 'inserted' | 'updated' | 'unchanged';

type ColumnSpec = CopyColumn;

/**
 * Loads rows into the transaction's temporary staging table for `target` (unindexed, created on
 * first use, dropped at commit) through COPY, and returns its name: the import's one bulk path on
 * both engines (ADR 0025). Whoever reads it empties it with {@link unstage}.
 */
async function stage(
  tx: Queryable,
  target: string,
  columns: readonly ColumnSpec[],
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<string> {
  const name = `import_stage_${target}`;
  await tx.query(
    `CREATE TEMP TABLE IF NOT EXISTS ${name} (${columns.map((c) => `${c.name} ${c.type}`).join(', ')}) ON COMMIT DROP`,
  );
  await tx.copyFrom(
    name,
    columns.map((c) => c.name),
    copyText(columns, rows),
  );
  return name;
}

async function unstage(tx: Queryable, name: string): Promise<void> {
  await tx.query(`TRUNCATE ${name}`);
}

/**
 * Set-based upsert of many rows in one statement: rows are staged by COPY, then merged with one
 * `INSERT … SELECT … ON CONFLICT` on the natural key. A row whose `import_hash` equals the stored
 * one is not touched (and not returned), so re-importing the same release writes nothing; the
 * rows returned say which keys were inserted and which updated.
 */
async function upsertBatch(
  tx: Queryable,
  opts: { table: string; key: string; columns: ColumnSpec[]; update: string[]; onlyWhere?: string },
  rows: Array<Record<string, unknown>>,
): Promise<Array<{ key: string; id: string; inserted: boolean }>> {
  if (rows.length === 0) {
    return [];
  }
  const names = opts.columns.map((c) => c.name);
  const set = opts.update.map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  const where = [`${opts.table}.import_hash IS DISTINCT FROM EXCLUDED.import_hash`, opts.onlyWhere]
    .filter(Boolean)
    .join(' AND ');
  const staged = await stage(tx, opts.table, opts.columns, rows);
  const result = await tx.query<{ key: string; id: string; inserted: boolean }>(
    `INSERT INTO ${opts.table} (id, ${names.join(', ')})
     SELECT gen_random_uuid(), ${names.join(', ')} FROM ${staged}
     ON CONFLICT (jurisdiction, ${opts.key}) DO UPDATE SET ${set}
     WHERE ${where}
     RETURNING ${opts.key} AS key, id, (xmax = 0) AS inserted`,
  );
  await unstage(tx, staged);
  return result;
}

/**
 * Inserts rows whose keys the table should not hold yet (nothing of their file's kind was ever
 * imported) by COPY straight into the table, each with a new id, under a savepoint: no staging
 * table, no conflict arbitration, no `RETURNING`. Returns false, with nothing written, when a
 * key exists after all (another kind wrote it, or a key repeats in the file): those rows go
 * through the merge instead, which counts them as it always did.
 */
async function copyFresh(
  tx: Queryable,
  opts: { table: string; columns: ColumnSpec[] },
  rows: Array<Record<string, unknown>>,
): Promise<boolean> {
  for (const r of rows) {
    r['id'] = crypto.randomUUID();
  }
  const columns = [{ name: 'id', type: 'uuid' }, ...opts.columns];
  await tx.query(`SAVEPOINT import_fresh`);
  try {
    await tx.copyFrom(
      opts.table,
      columns.map((c) => c.name),
      copyText(columns, rows),
    );
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') {
      throw err;
    }
    await tx.query(`ROLLBACK TO SAVEPOINT import_fresh`);
    return false;
  }
  await tx.query(`RELEASE SAVEPOINT import_fresh`);
  return true;
}

/** Rows per jsonb statement (the smaller writes) and per staged COPY (the upserts). */
const BATCH = 2000;
const STAGE_BATCH = 10_000;

/**
 * Upserts in batches, calling `progress` after each; returns the outcome per key. `fresh`: no
 * run of the rows' file kind wrote rows before, so their keys should be new ({@link copyFresh}).
 */
async function upsertAll(
  tx: Queryable,
  opts: Parameters<typeof upsertBatch>[1],
  rows: Array<Record<string, unknown> & { import_key?: string; log_number?: string }>,
  keyOf: (row: Record<string, unknown>) => string,
  progress: (done: number) => void,
  fresh = false,
): Promise<{ outcomes: Map<string, Outcome>; ids: Map<string, string> }> {
  const outcomes = new Map<string, Outcome>();
  const ids = new Map<string, string>();
  for (let i = 0; i < rows.length; i += STAGE_BATCH) {
    const batch = rows.slice(i, i + STAGE_BATCH);
    if (fresh && (await copyFresh(tx, opts, batch))) {
      for (const r of batch) {
        outcomes.set(keyOf(r), 'inserted');
        ids.set(keyOf(r), r['id'] as string);
      }
      progress(Math.min(i + STAGE_BATCH, rows.length));
      continue;
    }
    for (const r of batch) {
      outcomes.set(keyOf(r), 'unchanged');
    }
    for (const r of await upsertBatch(tx, opts, batch)) {
      outcomes.set(r.key, r.inserted ? 'inserted' : 'updated');
      ids.set(r.key, r.id);
    }
    progress(Math.min(i + STAGE_BATCH, rows.length));
  }
  return { outcomes, ids };
}

export interface CaseRowImport {
  jurisdiction: string;
  log_number: string;
  case_type: string;
  received_at: string;
  incident_occurred_at: string | null;
  incident_beat: string | null;
  narrative: string;
  categories: string[];
  flags: string[];
  officers_unknown: boolean;
  lead_agency: string;
  restricted: boolean;
  restriction_reasons: string[];
  status: string;
  status_changed_at: string;
  created_at: string;
  closed_on: string | null;
  source_family: string;
  source_status: string | null;
  historical_agency: string;
  source: unknown;
  import_hash: string;
  imported_at: string;
  agencies: string[];
}

const CASE_COLUMNS: ColumnSpec[] = [
  { name: 'jurisdiction', type: 'text' },
  { name: 'log_number', type: 'text' },
  { name: 'case_type', type: 'text' },
  { name: 'received_at', type: 'timestamptz' },
  { name: 'incident_occurred_at', type: 'timestamptz' },
  { name: 'incident_beat', type: 'text' },
  { name: 'narrative', type: 'text' },
  { name: 'categories', type: 'text[]' },
  { name: 'flags', type: 'text[]' },
  { name: 'officers_unknown', type: 'boolean' },
  { name: 'lead_agency', type: 'text' },
  { name: 'restricted', type: 'boolean' },
  { name: 'restriction_reasons', type: 'text[]' },
  { name: 'status', type: 'text' },
  { name: 'status_changed_at', type: 'timestamptz' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'closed_on', type: 'date' },
  { name: 'source_family', type: 'text' },
  { name: 'source_status', type: 'text' },
  { name: 'historical_agency', type: 'text' },
  { name: 'source', type: 'jsonb' },
  { name: 'import_hash', type: 'text' },
  { name: 'imported_at', type: 'timestamptz' },
  // the cache of case_agencies (migration 0003), right from the start for a new case so the
  // lead-agency rows inserted below leave the case row alone; never updated from here
  { name: 'agencies', type: 'text[]' },
];

/**
 * SQL: the decision date of an imported finding on case `c` ($2 is the profile's time zone). The
 * releases date no finding or penalty (the CMS and CLEAR accused files hold none), so the date is
 * the release's closed date of the case; where the release leaves that blank, the receipt date,
 * the earliest the decision can have been, so the 4-year rule of 820 ILCS 40/8 errs on
 * withholding (docs/import.md). Migration 0013 backfilled existing rows the same way.
 */
const IMPORTED_DECIDED_ON = `COALESCE(c.closed_on, (c.received_at AT TIME ZONE $2)::date)`;

/**
 * Log numbers used by cases filed in Oversight itself: an import never overwrites them. Read once
 * per complaints file (one array lookup per chunk of 10,000 was 0.5–0.8 s of a full import).
 */
export async function nativeLogNumbers(db: Queryable, jurisdiction: string): Promise<Set<string>> {
  const rows = await db.query<{ log_number: string }>(
    `SELECT log_number FROM cases WHERE jurisdiction = $1 AND source_family IS NULL`,
    [jurisdiction],
  );
  return new Set(rows.map((r) => r.log_number));
}

export async function upsertCases(
  tx: Queryable,
  rows: CaseRowImport[],
  progress: (n: number) => void,
  timeZone: string,
  fresh: boolean,
) {
  const updatable = CASE_COLUMNS.map((c) => c.name).filter(
    (n) => n !== 'jurisdiction' && n !== 'log_number' && n !== 'created_at' && n !== 'agencies',
  );
  const result = await upsertAll(
    tx,
    {
      table: 'cases',
      key: 'log_number',
      columns: CASE_COLUMNS,
      update: updatable,
      onlyWhere: 'cases.source_family IS NOT NULL',
    },
    rows as unknown as Array<Record<string, unknown>>,
    (r) => r['log_number'] as string,
    progress,
    fresh,
  );
  // every imported case is led by its agency (case_agencies drives visibility and tracks);
  // joins on unnest() keep the plan a hash join (`= ANY(array)` made it quadratic)
  const inserted = [...result.ids]
    .filter(([key]) => result.outcomes.get(key) === 'inserted')
    .map(([, id]) => id);
  const updated = [...result.ids]
    .filter(([key]) => result.outcomes.get(key) === 'updated')
    .map(([, id]) => id);
  // The lead-agency rows below leave `cases.agencies` to this function instead of the cache's
  // statement triggers (migration 0022, ADR 0032): an inserted case was written with its cache
  // right, so only the updated ones are recomputed, once, after their rows changed.
  await deferAgenciesCache(tx, true);
  if (updated.length > 0) {
    await tx.query(
      `DELETE FROM case_agencies ca USING unnest($1::uuid[]) AS u(id), cases c
        WHERE ca.case_id = u.id AND c.id = u.id AND ca.role = 'lead' AND ca.agency <> c.lead_agency`,
      [updated],
    );
  }
  if (inserted.length + updated.length > 0) {
    await tx.query(
      `INSERT INTO case_agencies (id, jurisdiction, case_id, agency, track, role, added_at)
       SELECT gen_random_uuid(), c.jurisdiction, c.id, c.lead_agency, 'administrative', 'lead', c.received_at
         FROM unnest($1::uuid[]) AS u(id) JOIN cases c ON c.id = u.id
       ON CONFLICT (case_id, agency, track) DO NOTHING`,
      [[...inserted, ...updated]],
    );
  }
  await deferAgenciesCache(tx, false);
  if (updated.length > 0) {
    await tx.query(`SELECT refresh_case_agencies($1::uuid[])`, [updated]);
    // a newer release that closes a case (or corrects its closing date) re-dates the findings
    // imported for it, even when the accused file leaves them unchanged
    await tx.query(
      `UPDATE allegation_findings f SET decided_on = ${IMPORTED_DECIDED_ON}
         FROM unnest($1::uuid[]) AS u(id), allegations a, cases c
        WHERE a.case_id = u.id AND c.id = u.id AND f.allegation_id = a.id
          AND f.source_value IS NOT NULL AND f.decided_on IS DISTINCT FROM ${IMPORTED_DECIDED_ON}`,
      [updated, timeZone],
    );
  }
  return result;
}

/**
 * Turns the `cases.agencies` triggers off (or on again) for the rest of the transaction
 * (migration 0022): whoever turns them off recomputes the cache of every case whose
 * case_agencies rows it changed meanwhile, with `refresh_case_agencies`, before it commits.
 */
async function deferAgenciesCache(tx: Queryable, defer: boolean): Promise<void> {
  await tx.query(`SELECT set_config('oversight.defer_agencies_cache', $1, true)`, [
    defer ? 'on' : 'off',
  ]);
}

/** The case fields whose changes a release's source history records. */
export const TRACKED_CASE_FIELDS = [
  'case_type',
  'received_at',
  'incident_occurred_at',
  'incident_beat',
  'narrative',
  'categories',
  'flags',
  'lead_agency',
  'restricted',
  'status',
  'closed_on',
  'source_status',
  'historical_agency',
  'source',
] as const;

const TRACKED_JSON = `jsonb_build_object(${TRACKED_CASE_FIELDS.map((f) => `'${f}', c.${f}`).join(', ')})`;

/**
 * The tracked fields of the imported cases whose content hash differs from the one given (the
 * cases an upsert is about to change), by log number. Only (log number, hash) pairs travel.
 */
export async function caseFieldsBeforeChange(
  tx: Queryable,
  jurisdiction: string,
  rows: Array<{ log_number: string; import_hash: string }>,
): Promise<Map<string, Record<string, unknown>>> {
  if (rows.length === 0) {
    return new Map();
  }
  const found = await tx.query<{ log_number: string; fields: Record<string, unknown> }>(
    `SELECT c.log_number, ${TRACKED_JSON} AS fields
       FROM jsonb_to_recordset($2::jsonb) AS r(log_number text, import_hash text)
       JOIN cases c ON c.jurisdiction = $1 AND c.log_number = r.log_number
      WHERE c.source_family IS NOT NULL AND c.import_hash IS DISTINCT FROM r.import_hash`,
    [jurisdiction, JSON.stringify(rows)],
  );
  return new Map(found.map((r) => [r.log_number, r.fields]));
}

/** The tracked fields of cases now, by log number (after an upsert). */
export async function caseFieldsNow(
  tx: Queryable,
  jurisdiction: string,
  logs: string[],
): Promise<Map<string, Record<string, unknown>>> {
  if (logs.length === 0) {
    return new Map();
  }
  const found = await tx.query<{ log_number: string; fields: Record<string, unknown> }>(
    `SELECT c.log_number, ${TRACKED_JSON} AS fields
       FROM unnest($2::text[]) AS u(log) JOIN cases c ON c.jurisdiction = $1 AND c.log_number = u.log`,
    [jurisdiction, logs],
  );
  return new Map(found.map((r) => [r.log_number, r.fields]));
}

/** Appends source-history rows: which imported file added or changed which fields of a case. */
export async function insertCaseSourceChanges(
  tx: Queryable,
  rows: Array<{
    jurisdiction: string;
    case_id: string;
    import_run_id: string;
    change: 'added' | 'updated';
    fields: string[];
    changed_at: string;
  }>,
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  // straight into the table by COPY: rows only ever appended, nothing to merge (a jsonb
  // parameter of 98,000 rows was 1.8–3.4 s of a full import, measured)
  await tx.copyFrom(
    'case_source_changes',
    SOURCE_CHANGE_COLUMNS.map((c) => c.name),
    copyText(
      SOURCE_CHANGE_COLUMNS,
      rows.map((r) => ({ ...r, id: crypto.randomUUID() })),
    ),
  );
}

const SOURCE_CHANGE_COLUMNS: ColumnSpec[] = [
  { name: 'id', type: 'uuid' },
  { name: 'jurisdiction', type: 'text' },
  { name: 'case_id', type: 'uuid' },
  { name: 'import_run_id', type: 'uuid' },
  { name: 'change', type: 'text' },
  { name: 'fields', type: 'text[]' },
  { name: 'changed_at', type: 'timestamptz' },
];

/** A case's source history, oldest first: each imported file that added or changed it. */
export async function caseSourceHistory(
  db: Queryable,
  caseId: string,
): Promise<
  Array<{
    file_name: string;
    kind: string;
    file_sha256: string;
    change: 'added' | 'updated';
    fields: string[];
    changed_at: Date | string;
  }>
> {
  return db.query(
    `SELECT r.file_name, r.kind, r.file_sha256, s.change, s.fields, s.changed_at
       FROM case_source_changes s JOIN import_runs r ON r.id = s.import_run_id
      WHERE s.case_id = $1
      ORDER BY s.changed_at, r.file_name`,
    [caseId],
  );
}

/**
 * The earlier run that makes a file's import a no-op, if any: same content (sha256), same kind
 * and mapping, no later run of the same kind and release with other content, and — for files
 * that hang off cases — no complaints run since that added or changed cases (rows that named no
 * case then might join one now).
 */
export async function unchangedSinceRun(
  db: Queryable,
  jurisdiction: string,
  file: { sha256: string; kind: string; mapping: string; definesCases: boolean },
): Promise<{
  read: number;
  rejected: number;
  finished_at: Date | string;
  file_name: string;
} | null> {
  const rows = await db.query<{
    read: number;
    rejected: number;
    finished_at: Date | string;
    file_name: string;
  }>(
    `SELECT r.read, r.rejected, r.finished_at, r.file_name
       FROM import_runs r
      WHERE r.jurisdiction = $1 AND r.file_sha256 = $2 AND r.kind = $3 AND r.mapping = $4
        AND NOT EXISTS (
              SELECT 1 FROM import_runs l
               WHERE l.jurisdiction = $1 AND l.kind = r.kind AND l.seq > r.seq
                 AND l.release IS NOT DISTINCT FROM r.release
                 AND (l.file_sha256 <> r.file_sha256 OR l.mapping IS DISTINCT FROM r.mapping))
        AND ($5::boolean OR NOT EXISTS (
              SELECT 1 FROM import_runs c
               WHERE c.jurisdiction = $1 AND c.kind IN ('complaints_cms', 'complaints_clear')
                 AND c.seq > r.seq AND c.inserted + c.updated > 0))
      ORDER BY r.seq DESC
      LIMIT 1`,
    [jurisdiction, file.sha256, file.kind, file.mapping, file.definesCases],
  );
  return rows[0] ?? null;
}

/** Moves each year's log-number counter past imported `YYYY-NNNNNNN` numbers (ADR 0005). */
export async function advanceLogCounters(tx: Queryable, jurisdiction: string): Promise<void> {
  await tx.query(
    `INSERT INTO log_number_counters (jurisdiction, year, last_seq)
     SELECT $1, substr(log_number, 1, 4)::int, max(substr(log_number, 6)::int)
       FROM cases WHERE jurisdiction = $1 AND log_number ~ '^\\d{4}-\\d{7}$' GROUP BY 1, 2
     ON CONFLICT (jurisdiction, year) DO UPDATE SET last_seq = GREATEST(log_number_counters.last_seq, EXCLUDED.last_seq)`,
    [jurisdiction],
  );
}

/** log number → case id for every case of the jurisdiction. */
export async function caseIdsByLog(
  db: Queryable,
  jurisdiction: string,
): Promise<Map<string, string>> {
  const rows = await db.query<{ log_number: string; id: string }>(
    `SELECT log_number, id FROM cases WHERE jurisdiction = $1`,
    [jurisdiction],
  );
  return new Map(rows.map((r) => [r.log_number, r.id]));
}

export interface MemberCandidate {
  id: string;
  identity_key: string | null;
  star: string | null;
  last_name: string | null;
  first_name: string | null;
}

/** Members holding any of these stars, for matching names from releases without employee numbers. */
export async function membersByStars(
  db: Queryable,
  jurisdiction: string,
  stars: string[],
): Promise<MemberCandidate[]> {
  return db.query<MemberCandidate>(
    `SELECT id, identity_key, star, upper(last_name) AS last_name, upper(first_name) AS first_name FROM members
      WHERE jurisdiction = $1 AND star = ANY($2::text[])`,
    [jurisdiction, stars],
  );
}

export interface MemberRowImport {
  jurisdiction: string;
  identity_key: string;
  employee_number: string | null;
  star: string | null;
  first_name: string | null;
  last_name: string | null;
  middle_initial: string | null;
  suffix: string | null;
  rank: string | null;
  unit_code: string | null;
  appointed_date: string | null;
  race: string | null;
  sex: string | null;
  birth_year: number | null;
  source: unknown;
  import_hash: string;
  created_at: string;
}

const MEMBER_COLUMNS: ColumnSpec[] = [
  { name: 'jurisdiction', type: 'text' },
  { name: 'identity_key', type: 'text' },
  { name: 'employee_number', type: 'text' },
  { name: 'star', type: 'text' },
  { name: 'first_name', type: 'text' },
  { name: 'last_name', type: 'text' },
  { name: 'middle_initial', type: 'text' },
  { name: 'suffix', type: 'text' },
  { name: 'rank', type: 'text' },
  { name: 'unit_code', type: 'text' },
  { name: 'appointed_date', type: 'date' },
  { name: 'race', type: 'text' },
  { name: 'sex', type: 'text' },
  { name: 'birth_year', type: 'integer' },
  { name: 'source', type: 'jsonb' },
  { name: 'import_hash', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
];
const MEMBER_ATTRIBUTES = [
  'employee_number',
  'star',
  'first_name',
  'last_name',
  'middle_initial',
  'suffix',
  'rank',
  'unit_code',
  'appointed_date',
  'race',
  'sex',
  'birth_year',
];

/**
 * Upserts members by identity key. An authoritative release (the roster profiles) replaces what it
 * describes; any other release only fills attributes still unknown, so files that see one officer
 * at different times do not overwrite each other back and forth.
 */
export async function upsertMembers(
  tx: Queryable,
  rows: MemberRowImport[],
  authoritative: boolean,
) {
  const ids = new Map<string, string>();
  let outcomes = new Map<string, Outcome>();
  if (authoritative) {
    const result = await upsertAll(
      tx,
      {
        table: 'members',
        key: 'identity_key',
        columns: MEMBER_COLUMNS,
        update: [...MEMBER_ATTRIBUTES, 'source', 'import_hash'],
      },
      rows as unknown as Array<Record<string, unknown>>,
      (r) => r['identity_key'] as string,
      () => undefined,
    );
    outcomes = result.outcomes;
  }
  const names = MEMBER_COLUMNS.map((c) => c.name);
  const record = MEMBER_COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ');
  for (let i = 0; i < rows.length && !authoritative; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    batch.forEach((r) => outcomes.set(r.identity_key, 'unchanged'));
    const returned = await tx.query<{ key: string; id: string; inserted: boolean }>(
      `INSERT INTO members (id, ${names.join(', ')})
       SELECT gen_random_uuid(), ${names.map((n) => `r.${n}`).join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${record})
       ON CONFLICT (jurisdiction, identity_key) DO UPDATE SET ${MEMBER_ATTRIBUTES.map((c) => `${c} = COALESCE(members.${c}, EXCLUDED.${c})`).join(', ')}
       WHERE ${MEMBER_ATTRIBUTES.map((c) => `(members.${c} IS NULL AND EXCLUDED.${c} IS NOT NULL)`).join(' OR ')}
       RETURNING identity_key AS key, id, (xmax = 0) AS inserted`,
      [JSON.stringify(batch)],
    );
    for (const r of returned) {
      outcomes.set(r.key, r.inserted ? 'inserted' : 'updated');
    }
  }
  const all = await tx.query<{ identity_key: string; id: string }>(
    `SELECT identity_key, id FROM members WHERE jurisdiction = $1 AND identity_key = ANY($2::text[])`,
    [rows[0]?.jurisdiction ?? '', rows.map((r) => r.identity_key)],
  );
  for (const r of all) {
    ids.set(r.identity_key, r.id);
  }
  return { outcomes, ids };
}

/** Accused members named on cases by star (case_id:star → member ids), for the 2018 release. */
export async function accusedByCaseAndStar(
  db: Queryable,
  jurisdiction: string,
): Promise<Map<string, string[]>> {
  const rows = await db.query<{ case_id: string; star: string; member_id: string }>(
    `SELECT case_id, star_at_incident AS star, member_id FROM case_members
      WHERE jurisdiction = $1 AND role = 'accused' AND star_at_incident IS NOT NULL AND member_id IS NOT NULL`,
    [jurisdiction],
  );
  const map = new Map<string, string[]>();
  for (const r of rows) {
    const k = `${r.case_id}:${r.star}`;
    map.set(k, [...new Set([...(map.get(k) ?? []), r.member_id])]);
  }
  return map;
}

const CHILD_SPECS = {
  case_members: {
    columns: [
      { name: 'jurisdiction', type: 'text' },
      { name: 'case_id', type: 'uuid' },
      { name: 'member_id', type: 'uuid' },
      { name: 'role', type: 'text' },
      { name: 'rank_at_incident', type: 'text' },
      { name: 'unit_at_incident', type: 'text' },
      { name: 'star_at_incident', type: 'text' },
      { name: 'source', type: 'jsonb' },
      { name: 'import_key', type: 'text' },
      { name: 'import_hash', type: 'text' },
    ],
  },
  allegations: {
    columns: [
      { name: 'jurisdiction', type: 'text' },
      { name: 'case_id', type: 'uuid' },
      { name: 'member_id', type: 'uuid' },
      { name: 'category', type: 'text' },
      { name: 'summary', type: 'text' },
      { name: 'recommended_finding', type: 'text' },
      { name: 'recommended_penalty', type: 'text' },
      { name: 'final_finding', type: 'text' },
      { name: 'final_penalty', type: 'text' },
      { name: 'source_category_code', type: 'text' },
      { name: 'source_category', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'source', type: 'jsonb' },
      { name: 'import_key', type: 'text' },
      { name: 'import_hash', type: 'text' },
    ],
  },
  parties: {
    columns: [
      { name: 'jurisdiction', type: 'text' },
      { name: 'case_id', type: 'uuid' },
      { name: 'role', type: 'text' },
      { name: 'anonymous', type: 'boolean' },
      { name: 'contact_safety', type: 'jsonb' },
      { name: 'vulnerabilities', type: 'text[]' },
      { name: 'race', type: 'text' },
      { name: 'sex', type: 'text' },
      { name: 'birth_year', type: 'integer' },
      { name: 'age', type: 'integer' },
      { name: 'injury', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'source', type: 'jsonb' },
      { name: 'import_key', type: 'text' },
      { name: 'import_hash', type: 'text' },
    ],
  },
  case_investigators: {
    columns: [
      { name: 'jurisdiction', type: 'text' },
      { name: 'case_id', type: 'uuid' },
      { name: 'first_name', type: 'text' },
      { name: 'last_name', type: 'text' },
      { name: 'agency', type: 'text' },
      { name: 'investigator_type', type: 'text' },
      { name: 'rank', type: 'text' },
      { name: 'star', type: 'text' },
      { name: 'unit', type: 'text' },
      { name: 'assigned_on', type: 'date' },
      { name: 'source', type: 'jsonb' },
      { name: 'import_key', type: 'text' },
      { name: 'import_hash', type: 'text' },
    ],
  },
} as const;

export type ChildTable = keyof typeof CHILD_SPECS;

/** Upserts imported child rows (keyed by import_key) of one table. */
export async function upsertChildren(
  tx: Queryable,
  table: ChildTable,
  rows: Array<Record<string, unknown>>,
  progress: (n: number) => void,
  fresh: boolean,
) {
  const columns = [...CHILD_SPECS[table].columns];
  const update = columns
    .map((c) => c.name)
    .filter((n) => n !== 'jurisdiction' && n !== 'import_key' && n !== 'created_at');
  return upsertAll(
    tx,
    { table, key: 'import_key', columns, update },
    rows,
    (r) => r['import_key'] as string,
    progress,
    fresh,
  );
}

/**
 * Imported cases whose release gave no categories (`source._categoriesUnknown`), with the
 * categories of their allegations: what the release's accused file says instead.
 */
export async function casesAwaitingCategories(
  tx: Queryable,
  jurisdiction: string,
  caseIds: string[],
): Promise<Array<{ id: string; flags: string[]; categories: string[] }>> {
  if (caseIds.length === 0) {
    return [];
  }
  return tx.query(
    `SELECT c.id, c.flags, array_agg(DISTINCT a.category ORDER BY a.category) AS categories
       FROM cases c JOIN allegations a ON a.case_id = c.id
      WHERE c.jurisdiction = $1 AND c.id = ANY($2::uuid[]) AND c.source ? '_categoriesUnknown'
      GROUP BY c.id, c.flags`,
    [jurisdiction, caseIds],
  );
}

/** Of these imported cases, those whose release gave no status (`source._statusUnknown`). */
export async function casesAwaitingStatus(
  tx: Queryable,
  jurisdiction: string,
  caseIds: string[],
): Promise<Set<string>> {
  if (caseIds.length === 0) {
    return new Set();
  }
  const rows = await tx.query<{ id: string }>(
    `SELECT c.id FROM unnest($2::uuid[]) AS u(id) JOIN cases c ON c.id = u.id
      WHERE c.jurisdiction = $1 AND c.source ? '_statusUnknown'`,
    [jurisdiction, caseIds],
  );
  return new Set(rows.map((r) => r.id));
}

/** Sets the stage and released status of imported cases (filled from another file of the release). */
export async function updateCaseStatuses(
  tx: Queryable,
  rows: Array<{ id: string; status: string; source_status: string }>,
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await tx.query(
    `UPDATE cases c SET status = r.status, source_status = r.source_status
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, status text, source_status text)
      WHERE c.id = r.id AND (c.status, c.source_status) IS DISTINCT FROM (r.status, r.source_status)`,
    [JSON.stringify(rows)],
  );
}

/** Sets the categories, flags and restriction of imported cases (filled from their allegations). */
export async function updateCaseCategories(
  tx: Queryable,
  rows: Array<{
    id: string;
    categories: string[];
    flags: string[];
    restricted: boolean;
    restriction_reasons: string[];
  }>,
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await tx.query(
    `UPDATE cases c SET categories = r.categories, flags = r.flags, restricted = r.restricted,
            restriction_reasons = r.restriction_reasons
       FROM jsonb_to_recordset($1::jsonb)
            AS r(id uuid, categories text[], flags text[], restricted boolean, restriction_reasons text[])
      WHERE c.id = r.id`,
    [JSON.stringify(rows)],
  );
}

const SCOPE_SLICE = 20_000;

/**
 * Whether an earlier import of this file kind wrote rows (inserted or updated any): only then can
 * a release have dropped rows of the kind (on a first import none did, and removing stale rows is
 * skipped). Imported rows carry their kind (`source._kind`) only because a run of that kind wrote
 * them, so its `import_runs` rows answer this; asking the child tables meant scanning each of
 * them whole when they held no row of the kind (3.6 s of a full import, measured).
 */
export async function kindImportedBefore(
  db: Queryable,
  jurisdiction: string,
  kind: string,
): Promise<boolean> {
  const rows = await db.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM import_runs
                     WHERE jurisdiction = $1 AND kind = $2 AND inserted + updated > 0) AS found`,
    [jurisdiction, kind],
  );
  return rows[0]?.found === true;
}

/**
 * Removes imported rows of one file kind that a newer release no longer lists for the cases it
 * covers (a re-run of the same release removes nothing).
 */
export async function removeStale(
  tx: Queryable,
  table: ChildTable,
  jurisdiction: string,
  kind: string,
  caseIds: string[],
  keep: string[],
): Promise<number> {
  if (caseIds.length === 0) {
    return 0;
  }
  // The sets go into indexed, analyzed temporary tables: over unnest() the planner assumes 10
  // rows and picks nested loops, which are quadratic on files of 100,000+ rows.
  await tx.query(
    `CREATE TEMP TABLE IF NOT EXISTS import_scope_cases (id uuid PRIMARY KEY) ON COMMIT DELETE ROWS`,
  );
  await tx.query(
    `CREATE TEMP TABLE IF NOT EXISTS import_scope_keys (key text PRIMARY KEY) ON COMMIT DELETE ROWS`,
  );
  await tx.query(`DELETE FROM import_scope_cases`);
  await tx.query(`DELETE FROM import_scope_keys`);
  // in slices: one array parameter of a 200,000-row file's keys is a 10 MB allocation inside
  // the embedded database, whose memory only grows
  for (let i = 0; i < caseIds.length; i += SCOPE_SLICE) {
    await tx.query(
      `INSERT INTO import_scope_cases SELECT DISTINCT unnest($1::uuid[]) ON CONFLICT DO NOTHING`,
      [caseIds.slice(i, i + SCOPE_SLICE)],
    );
  }
  for (let i = 0; i < keep.length; i += SCOPE_SLICE) {
    await tx.query(
      `INSERT INTO import_scope_keys SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [keep.slice(i, i + SCOPE_SLICE)],
    );
  }
  await tx.query(`ANALYZE import_scope_cases`);
  await tx.query(`ANALYZE import_scope_keys`);
  const stale = `SELECT t.id FROM ${table} t JOIN import_scope_cases c ON c.id = t.case_id
                  WHERE t.jurisdiction = $1 AND t.source->>'_kind' = $2
                    AND NOT EXISTS (SELECT 1 FROM import_scope_keys k WHERE k.key = t.import_key)`;
  if (table === 'allegations') {
    await tx.query(`DELETE FROM allegation_findings WHERE allegation_id IN (${stale})`, [
      jurisdiction,
      kind,
    ]);
  }
  const rows = await tx.query(`DELETE FROM ${table} WHERE id IN (${stale}) RETURNING 1`, [
    jurisdiction,
    kind,
  ]);
  return rows.length;
}

/**
 * Replaces the finding history rows of re-imported allegations with what the release says, each
 * dated by {@link IMPORTED_DECIDED_ON}.
 */
export async function replaceImportedFindings(
  tx: Queryable,
  rows: Array<{
    allegation_id: string;
    stage: 'recommended' | 'final';
    finding: string | null;
    penalty: string | null;
    agency: string;
    recorded_at: string;
    source_value: string | null;
    jurisdiction: string;
  }>,
  allegationIds: string[],
  timeZone: string,
): Promise<void> {
  if (allegationIds.length === 0) {
    return;
  }
  await tx.query(
    `DELETE FROM allegation_findings WHERE allegation_id IN (SELECT unnest($1::uuid[])) AND source_value IS NOT NULL`,
    [allegationIds],
  );
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.query(
      `INSERT INTO allegation_findings (id, jurisdiction, allegation_id, stage, finding, penalty, agency, recorded_at, source_value, decided_on)
       SELECT gen_random_uuid(), r.jurisdiction, r.allegation_id, r.stage, r.finding, r.penalty, r.agency, r.recorded_at, r.source_value,
              ${IMPORTED_DECIDED_ON}
         FROM jsonb_to_recordset($1::jsonb) AS r(jurisdiction text, allegation_id uuid, stage text, finding text, penalty text, agency text, recorded_at timestamptz, source_value text)
         JOIN allegations a ON a.id = r.allegation_id JOIN cases c ON c.id = a.case_id`,
      [JSON.stringify(rows.slice(i, i + BATCH)), timeZone],
    );
  }
}

export async function insertImportRun(
  tx: Queryable,
  r: {
    id: string;
    jurisdiction: string;
    fileName: string;
    sha256: string;
    kind: string;
    read: number;
    inserted: number;
    updated: number;
    unchanged: number;
    rejected: number;
    startedAt: Date;
    finishedAt: Date;
    /** The release family the file's rows belonged to (cms, clear), when known. */
    release: string | null;
    /** Digest of the file's column mapping and the importer's format version. */
    mapping: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO import_runs (id, jurisdiction, file_name, file_sha256, kind, read, inserted, updated, unchanged, rejected, started_at, finished_at, release, mapping)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      r.id,
      r.jurisdiction,
      r.fileName,
      r.sha256,
      r.kind,
      r.read,
      r.inserted,
      r.updated,
      r.unchanged,
      r.rejected,
      r.startedAt,
      r.finishedAt,
      r.release,
      r.mapping,
    ],
  );
}

/**
 * VACUUM (ANALYZE) of the whole database, outside any transaction: statistics for the planner,
 * the visibility map for index-only scans, hint bits set once instead of by the first readers.
 */
export async function vacuumAnalyze(db: Queryable): Promise<void> {
  await db.query(`VACUUM (ANALYZE)`);
}
