import { recordAudit, type AuditAction } from '../audit/audit.ts';
import type { Queryable } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import type { CaseAction } from '../policies/case.policy.ts';
import type { CaseWithFacts } from '../repositories/cases.repository.ts';
import { findLetter, lockLetter, type LetterRow } from '../repositories/letters.repository.ts';
import { auditContext, loadCaseForAction, type CommandDeps } from './context.ts';

/**
 * Locks a letter's case and the letter, authorizing `action` on the case: the case first (the
 * order every case command locks in), then the letter row. A letter of a case the actor may not
 * see is a 404, like the case.
 */
async function loadLetterForAction(
  tx: Queryable,
  deps: CommandDeps,
  letterId: string,
  action: CaseAction,
): Promise<{ found: CaseWithFacts; letter: LetterRow }> {
  const ref = await findLetter(tx, deps.jurisdiction, letterId);
  if (!ref) {
    throw new NotFoundError('Letter', 'letter_not_found');
  }
  const found = await loadCaseForAction(tx, deps, ref.log_number, action);
  const letter = await lockLetter(tx, letterId);
  if (!letter) {
    throw new NotFoundError('Letter', 'letter_not_found');
  }
  return { found, letter };
}

/**
 * Runs `work` in one transaction that first locks and authorizes the letter (as
 * {@link loadLetterForAction}): every letter command starts so.
 */
export async function withLetterForAction<T>(
  deps: CommandDeps,
  letterId: string,
  action: CaseAction,
  work: (tx: Queryable, loaded: { found: CaseWithFacts; letter: LetterRow }) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) =>
    work(tx, await loadLetterForAction(tx, deps, letterId, action)),
  );
}

/** Audits `action` on a letter: every letter event is filed under the letter and its case. */
export async function auditLetter(
  tx: Queryable,
  deps: CommandDeps,
  at: Date,
  letter: { id: string; case_id: string },
  action: AuditAction,
  changes: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, auditContext(deps, at), {
    action,
    entityType: 'letter',
    entityId: letter.id,
    caseId: letter.case_id,
    changes,
  });
}
