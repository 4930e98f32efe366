import type { Queryable } from '../db/client.ts';
import { rowOf } from './sql.ts';
import type { CaseStatus } from '../../shared/enums.ts';
import type { PartyRow } from './parties.repository.ts';

/** A party row with the case facts a subject-access export shows. */
export interface SubjectPartyRow extends PartyRow {
  identity_purged_at: Date | null;
  log_number: string;
  case_type: string;
  case_status: CaseStatus;
  received_at: Date;
  incident_occurred_at: Date | null;
  categories: string[];
}

/** The requested party rows (absent ids are simply missing). */
export async function findSubjectParties(
  db: Queryable,
  jurisdiction: string,
  partyIds: readonly string[],
): Promise<SubjectPartyRow[]> {
  return db.query<SubjectPartyRow>(
    `SELECT p.id::text AS id, p.jurisdiction, p.case_id::text AS case_id, p.role, p.anonymous,
            p.identity_enc, p.consent_scope, p.language, p.contact_channel, p.contact_safety,
            p.vulnerabilities, p.race, p.sex, p.age_range, p.created_at, p.created_by,
            p.identity_purged_at, c.log_number, c.case_type, c.status AS case_status,
            c.received_at, c.incident_occurred_at, c.categories
       FROM parties p JOIN cases c ON c.id = p.case_id
      WHERE p.jurisdiction = $1 AND p.id = ANY($2::uuid[])
      ORDER BY c.received_at, p.created_at, p.id`,
    [jurisdiction, partyIds],
  );
}

/** The roles of a case's parties, except the given ones (never their identities). */
export async function otherPartyRoles(
  db: Queryable,
  caseId: string,
  except: readonly string[],
): Promise<string[]> {
  const rows = await db.query<{ role: string }>(
    `SELECT role FROM parties WHERE case_id = $1 AND NOT (id = ANY($2::uuid[]))
      ORDER BY created_at, id`,
    [caseId, except],
  );
  return rows.map((r) => r.role);
}

/** Public-form filings on a case: who filed (self or intermediary), language, when. */
export async function publicFilings(
  db: Queryable,
  caseId: string,
): Promise<Array<{ filed_by: string; language: string; created_at: Date }>> {
  return db.query(
    `SELECT filed_by, language, created_at FROM complaint_receipts WHERE case_id = $1
      ORDER BY created_at`,
    [caseId],
  );
}

/** The condition a party meets while it still holds identity fields retention would purge. */
const HOLDS_IDENTITY = `p.identity_purged_at IS NULL AND (p.identity_enc IS NOT NULL
  OR p.consent_scope IS NOT NULL OR p.contact_channel IS NOT NULL OR p.contact_safety <> '{}'::jsonb)`;

/** What a retention run would purge: cases, parties, and closed cases kept by a legal hold. */
export async function countRetention(
  db: Queryable,
  jurisdiction: string,
  closedStatuses: readonly CaseStatus[],
  closedBefore: Date,
): Promise<{ cases: number; parties: number; held: number }> {
  const [r] = await db.query<{
    cases: string | number;
    parties: string | number;
    held: string | number;
  }>(
    `SELECT count(DISTINCT c.id) FILTER (WHERE NOT c.legal_hold) AS cases,
            count(*) FILTER (WHERE NOT c.legal_hold) AS parties,
            count(DISTINCT c.id) FILTER (WHERE c.legal_hold) AS held
       FROM cases c JOIN parties p ON p.case_id = c.id
      WHERE c.jurisdiction = $1 AND c.status = ANY($2::text[]) AND c.status_changed_at < $3
        AND ${HOLDS_IDENTITY}`,
    [jurisdiction, closedStatuses, closedBefore],
  );
  return {
    cases: Number(r?.cases ?? 0),
    parties: Number(r?.parties ?? 0),
    held: Number(r?.held ?? 0),
  };
}

/**
 * Locks the next batch of cases due for the purge, in id order after `after`. The case row lock
 * (the one every command takes) means a case reopened meanwhile is either seen reopened here or
 * reopened after the purge, never half of each; cases another transaction holds are skipped.
 */
export async function lockRetentionBatch(
  tx: Queryable,
  jurisdiction: string,
  closedStatuses: readonly CaseStatus[],
  closedBefore: Date,
  after: string | null,
  limit: number,
): Promise<Array<{ id: string; log_number: string }>> {
  return tx.query(
    `SELECT c.id::text AS id, c.log_number FROM cases c
      WHERE c.jurisdiction = $1 AND c.status = ANY($2::text[]) AND c.status_changed_at < $3
        AND NOT c.legal_hold AND ($4::uuid IS NULL OR c.id > $4::uuid)
        AND EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND ${HOLDS_IDENTITY})
      ORDER BY c.id LIMIT $5
      FOR UPDATE OF c SKIP LOCKED`,
    [jurisdiction, closedStatuses, closedBefore, after, limit],
  );
}

/**
 * Purges the identity fields of the cases' parties: the encrypted identity, consent scope,
 * contact channel and contact-safety notes become null / empty and the purge time is recorded.
 * Role, vulnerabilities (why the case was restricted) and released demographics stay.
 */
export async function purgePartyIdentities(
  tx: Queryable,
  caseIds: readonly string[],
  at: Date,
): Promise<Array<{ case_id: string }>> {
  return tx.query(
    `UPDATE parties AS p SET identity_enc = NULL, consent_scope = NULL, contact_channel = NULL,
            contact_safety = '{}'::jsonb, identity_purged_at = $2
      WHERE p.case_id = ANY($1::uuid[]) AND ${HOLDS_IDENTITY}
      RETURNING p.case_id::text AS case_id`,
    [caseIds, at],
  );
}

/** Sets or releases a case's legal hold; false when no such case. */
export const setLegalHold = rowOf<
  { id: string; was: boolean },
  [jurisdiction: string, logNumber: string, hold: boolean]
>(
  `UPDATE cases c SET legal_hold = $3 FROM (SELECT id, legal_hold AS was FROM cases
        WHERE jurisdiction = $1 AND log_number = $2 FOR UPDATE) old
      WHERE c.id = old.id RETURNING c.id::text AS id, old.was`,
);
