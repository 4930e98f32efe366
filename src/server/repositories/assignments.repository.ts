import type { Queryable } from '../db/client.ts';
import type { AssignmentRole } from '../../shared/enums.ts';
import { insertRows } from './sql.ts';

export interface AssignmentInsert {
  id: string;
  jurisdiction: string;
  caseId: string;
  userId: string;
  role: AssignmentRole;
  assignedAt: Date;
  assignedBy: string;
}

/** Assigns; an existing active assignment of that user in that role is kept (false). */
export async function insertAssignment(tx: Queryable, a: AssignmentInsert): Promise<boolean> {
  const existing = await tx.query(
    `SELECT 1 FROM assignments WHERE case_id = $1 AND user_id = $2 AND role = $3 AND ended_at IS NULL`,
    [a.caseId, a.userId, a.role],
  );
  if (existing.length > 0) {
    return false;
  }
  await insertRows(
    tx,
    'assignments',
    ['id', 'jurisdiction', 'case_id', 'user_id', 'role', 'assigned_at', 'assigned_by'],
    [[a.id, a.jurisdiction, a.caseId, a.userId, a.role, a.assignedAt, a.assignedBy]],
  );
  return true;
}
