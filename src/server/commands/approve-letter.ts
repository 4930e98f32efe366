import { AuditAction } from '../audit/audit.ts';
import { ConflictError } from '../errors.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { approveLetter as writeApproval } from '../repositories/letters.repository.ts';
import { type CommandDeps } from './context.ts';
import { auditLetter, withLetterForAction } from './letter-access.ts';

/**
 * A manager of the lead agency approves a letter for sending (ADR 0033): what the office signs
 * is read by a person first. Approval is of the text as rendered; it is never edited after.
 */
export async function approveLetter(deps: CommandDeps, input: { letterId: string }): Promise<void> {
  await withLetterForAction(
    deps,
    input.letterId,
    CaseAction.approveLetter,
    async (tx, { letter }) => {
      if (letter.approved_at) {
        throw new ConflictError('letter_approved', 'This letter is already approved.');
      }
      const now = deps.now();
      await writeApproval(tx, letter.id, deps.actor.id, now);
      await auditLetter(tx, deps, now, letter, AuditAction.letter_approved, {
        kind: letter.kind,
        language: letter.language,
        channel: letter.channel,
      });
    },
  );
}
