import type { Queryable } from '../db/client.ts';
import type { CaseChildren } from './cases.repository.ts';
import { insertRows, rowOf } from './sql.ts';

/*
 * Who investigates a case: its routing decisions (MCC §2-78-120, each with its clause) and the
 * agency tracks it is worked on (case_agencies; `cases.lead_agency` and `cases.agencies` are the
 * caches the case row keeps, cases.repository.ts updateCaseRouting).
 */

/** The case's latest routing decision: the one in force. */
export const latestRoutingDecision = rowOf<CaseChildren['routing'][number], [caseId: string]>(
  `SELECT agency, clause, rule, explanation, explanation_es, decided_at, joint_reason
       FROM routing_decisions WHERE case_id = $1 ORDER BY decided_at DESC, id DESC LIMIT 1`,
);

export interface RoutingInsert {
  id: string;
  jurisdiction: string;
  caseId: string;
  agency: string;
  clause: string;
  rule: string;
  explanation: string;
  explanationEs: string;
  decidedAt: Date;
  decidedBy: string | null;
  jointReason: string | null;
}

export async function insertRoutingDecision(tx: Queryable, r: RoutingInsert): Promise<void> {
  await insertRows(
    tx,
    'routing_decisions',
    [
      'id',
      'jurisdiction',
      'case_id',
      'agency',
      'clause',
      'rule',
      'explanation',
      'explanation_es',
      'decided_at',
      'decided_by',
      'joint_reason',
    ],
    [
      [
        r.id,
        r.jurisdiction,
        r.caseId,
        r.agency,
        r.clause,
        r.rule,
        r.explanation,
        r.explanationEs,
        r.decidedAt,
        r.decidedBy,
        r.jointReason,
      ],
    ],
  );
}

export interface CaseAgencyInsert {
  id: string;
  jurisdiction: string;
  caseId: string;
  agency: string;
  track: string;
  role: string;
  addedAt: Date;
  addedBy: string | null;
}

/** Adds an agency track; false when that agency already has that track on the case. */
export async function insertCaseAgency(tx: Queryable, a: CaseAgencyInsert): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO case_agencies (id, jurisdiction, case_id, agency, track, role, added_at, added_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (case_id, agency, track) DO NOTHING RETURNING id`,
    [a.id, a.jurisdiction, a.caseId, a.agency, a.track, a.role, a.addedAt, a.addedBy],
  );
  return rows.length === 1;
}

/** The agency tracks of a case. */
export async function listCaseAgencies(
  db: Queryable,
  caseId: string,
): Promise<Array<{ agency: string; track: string; role: string }>> {
  return db.query(
    `SELECT agency, track, role FROM case_agencies WHERE case_id = $1 ORDER BY added_at, id`,
    [caseId],
  );
}

/**
 * Gives an agency's existing track another role (lead ↔ parallel), keeping when and by whom it
 * was added. Rows are deleted and inserted, never updated (migration 0003 refuses an UPDATE so the
 * `cases.agencies` cache cannot go stale).
 */
export async function changeTrackRole(
  tx: Queryable,
  caseId: string,
  agency: string,
  track: string,
  role: string,
): Promise<void> {
  const gone = await tx.query<{
    jurisdiction: string;
    added_at: Date;
    added_by: string | null;
  }>(
    `DELETE FROM case_agencies WHERE case_id = $1 AND agency = $2 AND track = $3
     RETURNING jurisdiction, added_at, added_by`,
    [caseId, agency, track],
  );
  const row = gone[0];
  if (!row) {
    throw new Error(`no ${track} track of ${agency} on case ${caseId}`);
  }
  await tx.query(
    `INSERT INTO case_agencies (id, jurisdiction, case_id, agency, track, role, added_at, added_by)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7)`,
    [row.jurisdiction, caseId, agency, track, role, row.added_at, row.added_by],
  );
}
