/** Imported members of the department: the roster's upsert and who is named on which case. */
import type { Queryable } from '../db/client.ts';
import { BATCH, upsertAll, type ColumnSpec, type Outcome } from './import-merge.repository.ts';
import { MEMBER_ROW_COLUMNS, type MemberAttributes } from './members.repository.ts';

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

/** A member as a release describes it: the roster's attributes and the release's own fields. */
export interface MemberRowImport extends MemberAttributes {
  jurisdiction: string;
  identity_key: string;
  employee_number: string | null;
  first_name: string | null;
  last_name: string | null;
  middle_initial: string | null;
  suffix: string | null;
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
/** What a release may fill in or replace of a member: the member row's columns and its own. */
const MEMBER_ATTRIBUTES = [
  ...MEMBER_ROW_COLUMNS.filter((c) => c !== 'id'),
  'employee_number',
  'middle_initial',
  'suffix',
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
