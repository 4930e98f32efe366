/**
 * Imported cases (ADR 0025): their upsert, the fields each release changed (the case's source
 * history), log numbers, the statuses and categories other files of a release fill in, and the
 * findings a release restates.
 */
import crypto from 'node:crypto';
import type { Queryable } from '../db/client.ts';
import { copyText } from '../db/copy-text.ts';
import type { CaseComplaintColumns } from './cases.repository.ts';
import { BATCH, upsertAll, type ColumnSpec } from './import-merge.repository.ts';
import { rowsOf } from './sql.ts';

/** A case as a release describes it (dates as the release's text). */
export interface CaseRowImport extends CaseComplaintColumns {
  jurisdiction: string;
  log_number: string;
  case_type: string;
  received_at: string;
  incident_occurred_at: string | null;
  incident_beat: string | null;
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
export const caseSourceHistory = rowsOf<
  {
    file_name: string;
    kind: string;
    file_sha256: string;
    change: 'added' | 'updated';
    fields: string[];
    changed_at: Date | string;
  },
  [caseId: string]
>(
  `SELECT r.file_name, r.kind, r.file_sha256, s.change, s.fields, s.changed_at
     FROM case_source_changes s JOIN import_runs r ON r.id = s.import_run_id
    WHERE s.case_id = $1
    ORDER BY s.changed_at, r.file_name`,
  ['changed_at'],
);

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
