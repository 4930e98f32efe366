import { AuditAction } from '../audit/audit.ts';
import { ConflictError } from '../errors.ts';
import {
  accusedRecipient,
  encryptRecipient,
  officialRecipient,
  partyRecipient,
  personLanguagesOf,
  type Recipient,
} from '../letters/recipients.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { listAllegations } from '../repositories/allegations.repository.ts';
import {
  caseHasReceipt,
  markLetterFailed,
  requeueLetter,
  type LetterRow,
} from '../repositories/letters.repository.ts';
import { listParties } from '../repositories/parties.repository.ts';
import type { Queryable } from '../db/client.ts';
import type { LetterStatus } from '../domain/letters.ts';
import { type CommandDeps } from './context.ts';
import { auditLetter, withLetterForAction } from './letter-access.ts';

/**
 * Puts a failed letter back in the queue (failed → retried → queued), looking its recipient up
 * again: staff may have added an address since, or the mail server may be back. The text stays
 * as approved. When there is still no way to reach the person the letter stays failed.
 */
export async function retryLetter(
  deps: CommandDeps,
  input: { letterId: string },
): Promise<{ status: LetterStatus }> {
  return withLetterForAction(
    deps,
    input.letterId,
    CaseAction.sendLetter,
    async (tx, { letter }) => {
      if (letter.status !== 'failed') {
        throw new ConflictError('letter_not_failed', 'Only a failed letter is retried.');
      }
      const now = deps.now();
      const again = await recipientAgain(tx, deps, letter);
      if (!again.channel) {
        const failure = again.failure ?? 'no_address';
        await markLetterFailed(tx, letter.id, {
          at: now,
          code: failure,
          detail: null,
          attempted: false,
        });
        await auditLetter(tx, deps, now, letter, AuditAction.letter_failed, {
          kind: letter.kind,
          channel: null,
          failure,
          retried: true,
        });
        return { status: 'failed' };
      }
      await requeueLetter(tx, letter.id, {
        channel: again.channel,
        recipientEnc: encryptRecipient(deps, letter.id, again.contact),
      });
      await auditLetter(tx, deps, now, letter, AuditAction.letter_retried, {
        from: letter.failure_code,
        channel: again.channel,
        attempts: letter.attempts,
      });
      return { status: 'queued' };
    },
  );
}

async function recipientAgain(
  tx: Queryable,
  deps: CommandDeps,
  letter: LetterRow,
): Promise<Recipient> {
  if (letter.official_code) {
    return officialRecipient(deps, letter.official_code);
  }
  if (letter.member_id) {
    const a = (await listAllegations(tx, letter.case_id)).find(
      (x) => x.member_id === letter.member_id,
    );
    if (a) {
      return accusedRecipient(deps, a);
    }
  }
  const parties = await listParties(tx, letter.case_id);
  const party = parties.find((p) => p.id === letter.party_id);
  if (!party) {
    // the person is no longer on the case (or the member's allegation is gone): nobody to write to
    return {
      kind: letter.recipient_kind,
      partyId: null,
      memberId: null,
      officialCode: null,
      language: letter.language,
      channel: null,
      failure: 'no_address',
      contact: null,
    };
  }
  return partyRecipient(deps, party, {
    holdsReceipt: await caseHasReceipt(tx, letter.case_id),
    personLanguages: personLanguagesOf(parties),
  });
}
