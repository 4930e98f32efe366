import type { Queryable } from '../db/client.ts';

/** One audit event as stored. */
export interface AuditEventRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  actor_roles: string[];
  actor_agency: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  case_id: string | null;
  reason: string | null;
  changes: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** A page of the log after `afterSeq` (keyset pagination on the primary key), oldest first. */
export async function listAuditEvents(
  db: Queryable,
  jurisdiction: string,
  f: {
    afterSeq: number;
    limit: number;
    action?: string | undefined;
    caseId?: string | undefined;
    actorId?: string | undefined;
  },
): Promise<AuditEventRow[]> {
  return db.query<AuditEventRow>(
    `SELECT seq::int AS seq, at, actor_id, actor_name, actor_roles, actor_agency, ip, action, entity_type,
            entity_id, case_id, reason, changes, prev_hash, hash
       FROM audit_events
      WHERE jurisdiction = $1 AND seq > $2
        AND ($3::text IS NULL OR action = $3)
        AND ($4::uuid IS NULL OR case_id = $4)
        AND ($5::uuid IS NULL OR actor_id = $5)
      ORDER BY seq LIMIT $6`,
    [jurisdiction, f.afterSeq, f.action ?? null, f.caseId ?? null, f.actorId ?? null, f.limit],
  );
}
