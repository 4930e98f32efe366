import crypto from 'node:crypto';
import type { Queryable } from '../db/client.ts';
import type { Deadline } from '../domain/clocks.ts';
import {
  deadlineInsert,
  findDeadline,
  insertDeadlines,
  type DeadlineRow,
} from '../repositories/deadlines.repository.ts';
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

/**
 * Starts a clock on the case: a new deadline row for `deadline`, numbered `sequence` among the
 * case's rows of its kind (earlier runs stay as history). Returns the new row's id.
 */
export async function startDeadline(
  tx: Queryable,
  deps: { jurisdiction: string },
  caseId: string,
  deadline: Deadline,
  sequence: number,
  now: Date,
): Promise<string> {
  const id = crypto.randomUUID();
  await insertDeadlines(tx, [
    deadlineInsert(deadline, {
      id,
      jurisdiction: deps.jurisdiction,
      caseId,
      sequence,
      createdAt: now,
    }),
  ]);
  return id;
}
