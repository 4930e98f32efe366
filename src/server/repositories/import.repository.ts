/**
 * An import's child rows (parties, allegations, …), the rows a newer release drops, and the
 * record of each run. Cases: `import-cases.repository.ts`; members:
 * `import-members.repository.ts`; the bulk writes they share: `import-merge.repository.ts`.
 */
import type { Queryable } from '../db/client.ts';
import { upsertAll } from './import-merge.repository.ts';

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
