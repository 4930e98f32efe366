/**
 * The audit chain as a test (or an attacker with database access) recomputes it, written apart
 * from the server's code on purpose: the tamper tests check the server against this definition.
 */
import crypto from 'node:crypto';
import { canonicalJson } from '../src/server/audit/audit.ts';

/** An `audit_events` row as stored. */
export interface StoredRow {
  jurisdiction: string;
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
  changes: unknown;
  prev_hash: string;
  hash: string;
}

/** The columns of StoredRow, in table order. */
export const AUDIT_COLUMNS =
  'jurisdiction, seq, at, actor_id, actor_name, actor_roles, actor_agency, ip, action, entity_type, entity_id, case_id, reason, changes, prev_hash, hash';

/** The hash a row must carry: sha256(prev_hash \n seq \n canonical JSON of its columns). */
export function chainHash(row: Omit<StoredRow, 'hash'>): string {
  const canonical = canonicalJson({
    jurisdiction: row.jurisdiction,
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRoles: row.actor_roles,
    actorAgency: row.actor_agency,
    ip: row.ip,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    caseId: row.case_id,
    reason: row.reason,
    changes: row.changes,
  });
  return crypto
    .createHash('sha256')
    .update(`${row.prev_hash}\n${row.seq}\n${canonical}`, 'utf8')
    .digest('hex');
}
