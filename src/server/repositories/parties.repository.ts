import type { Queryable } from '../db/client.ts';
import { insertRows, rowsOf } from './sql.ts';

/** A party row as stored; identity_enc is the AES-256-GCM envelope, never plaintext. */
export interface PartyRow {
  id: string;
  jurisdiction: string;
  case_id: string;
  role: string;
  anonymous: boolean;
  identity_enc: string | null;
  consent_scope: string | null;
  language: string | null;
  contact_channel: string | null;
  contact_safety: Record<string, unknown>;
  vulnerabilities: string[];
  race: string | null;
  sex: string | null;
  age_range: string | null;
  created_at: Date;
  created_by: string | null;
}

const COLUMNS = [
  'id',
  'jurisdiction',
  'case_id',
  'role',
  'anonymous',
  'identity_enc',
  'consent_scope',
  'language',
  'contact_channel',
  'contact_safety',
  'vulnerabilities',
  'race',
  'sex',
  'age_range',
  'created_at',
  'created_by',
] as const;

export async function insertParties(tx: Queryable, parties: PartyRow[]): Promise<void> {
  await insertRows(
    tx,
    'parties',
    COLUMNS,
    parties.map((p) => [
      p.id,
      p.jurisdiction,
      p.case_id,
      p.role,
      p.anonymous,
      p.identity_enc,
      p.consent_scope,
      p.language,
      p.contact_channel,
      JSON.stringify(p.contact_safety),
      p.vulnerabilities,
      p.race,
      p.sex,
      p.age_range,
      p.created_at,
      p.created_by,
    ]),
  );
}

/** The parties of a case, in the order they were recorded; identities still encrypted. */
export const listParties = rowsOf<PartyRow, [caseId: string]>(
  `SELECT ${COLUMNS.join(', ')} FROM parties WHERE case_id = $1 ORDER BY created_at, id`,
  ['created_at'],
);

/** All vulnerability flags on a case's parties (restriction depends on them). */
export async function caseVulnerabilities(db: Queryable, caseId: string): Promise<string[]> {
  const rows = await db.query<{ v: string }>(
    `SELECT DISTINCT unnest(vulnerabilities) AS v FROM parties WHERE case_id = $1`,
    [caseId],
  );
  return rows.map((r) => r.v);
}

export async function setCaseRestriction(
  tx: Queryable,
  caseId: string,
  restricted: boolean,
  reasons: string[],
): Promise<void> {
  await tx.query(`UPDATE cases SET restricted = $2, restriction_reasons = $3 WHERE id = $1`, [
    caseId,
    restricted,
    reasons,
  ]);
}
