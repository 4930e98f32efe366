import type { Queryable } from '../db/client.ts';
import { findDeadline, type DeadlineRow } from '../repositories/deadlines.repository.ts';
import { ConflictError, NotFoundError } from '../errors.ts';

/**
 * A deadline of the case that can still be acted on (met or extended): it exists, it is not met,
 * and no correction has replaced it (the recomputed one is the clock that counts).
 */
export async function loadOpenDeadline(
  tx: Queryable,
  caseId: string,
  deadlineId: string,
): Promise<DeadlineRow> {
  const deadline = await findDeadline(tx, caseId, deadlineId);
  if (!deadline) {
    throw new NotFoundError('Deadline', 'deadline_not_found');
  }
  if (deadline.met_at) {
    throw new ConflictError('deadline_met', 'This deadline was already met.');
  }
  if (deadline.superseded_at) {
    throw new ConflictError(
      'deadline_superseded',
      'This deadline was recomputed after a correction; act on the one that replaced it.',
    );
  }
  return deadline;
}
