import crypto from 'node:crypto';
import type { Queryable } from '../src/server/db/client.ts';
import { TEST_JURISDICTION } from './test-db.ts';

/**
 * A constructed member history for the early-intervention tests: imported-style cases (CLEAR
 * family, so a finding is known from the case's closing date) with one allegation each.
 */
export const EIS_TZ = 'America/Chicago';
let logSeq = 0;

export async function addHistoryCase(
  db: Queryable,
  received: string,
  closed: string | null,
  restricted = false,
): Promise<string> {
  const id = crypto.randomUUID();
  logSeq += 1;
  await db.query(
    `INSERT INTO cases (id, jurisdiction, log_number, case_type, channel, received_at, narrative,
                        categories, flags, officers_unknown, lead_agency, restricted,
                        restriction_reasons, status, status_changed_at, created_at,
                        source_family, closed_on)
     VALUES ($1, $2, $3, 'complaint', NULL, ($4::date)::timestamp AT TIME ZONE '${EIS_TZ}', '', '{}',
             '{}', false, 'BIA', $6, '{}', 'final', now(), now(), 'clear', $5)`,
    [id, TEST_JURISDICTION, String(100000 + logSeq), received, closed, restricted],
  );
  return id;
}

export async function addHistoryMember(
  db: Queryable,
  name: string,
  opts: { race?: string; sex?: string; unit?: string } = {},
): Promise<string> {
  const id = crypto.randomUUID();
  await db.query(
    `INSERT INTO members (id, jurisdiction, first_name, last_name, appointed_date, race, sex,
                          unit_code, created_at)
     VALUES ($1, $2, 'M', $3, '1995-01-01', $4, $5, $6, now())`,
    [id, TEST_JURISDICTION, name, opts.race ?? 'WHITE', opts.sex ?? 'MALE', opts.unit ?? null],
  );
  return id;
}

/** Names the member as a CPD witness on a case (activity without a complaint). */
export async function addWitness(db: Queryable, caseId: string, member: string): Promise<void> {
  await db.query(
    `INSERT INTO case_members (id, jurisdiction, case_id, member_id, role, source, import_key, import_hash)
     VALUES ($1, $2, $3, $4, 'witness', '{}', $5, '')`,
    [crypto.randomUUID(), TEST_JURISDICTION, caseId, member, `witness:${crypto.randomUUID()}`],
  );
}

/** A complaint received on `received` accusing the member of one allegation. */
export async function accuse(
  db: Queryable,
  member: string,
  received: string,
  opts: { finding?: string; closed?: string | null; category?: string; restricted?: boolean } = {},
): Promise<{ caseId: string; allegationId: string }> {
  const caseId = await addHistoryCase(
    db,
    received,
    opts.closed === undefined ? received : opts.closed,
    opts.restricted ?? false,
  );
  const allegationId = crypto.randomUUID();
  await db.query(
    `INSERT INTO allegations (id, jurisdiction, case_id, member_id, category, summary,
                              final_finding, created_at)
     VALUES ($1, $2, $3, $4, $5, '', $6, now())`,
    [
      allegationId,
      TEST_JURISDICTION,
      caseId,
      member,
      opts.category ?? 'verbal_abuse',
      opts.finding ?? null,
    ],
  );
  return { caseId, allegationId };
}
