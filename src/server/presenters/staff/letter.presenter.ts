import type { LetterOut } from '../../../shared/schemas/letters.ts';
import type { RecipientContact } from '../../letters/recipients.ts';
import type { LetterWithCase } from '../../repositories/letters.repository.ts';
import { iso } from '../../repositories/sql.ts';

/**
 * A letter for staff. The recipient (a person's name and address) only when the viewer may see
 * the case's identities; otherwise `recipientMasked`.
 */
export function presentLetter(
  l: LetterWithCase,
  recipient: RecipientContact | null,
  masked: boolean,
): LetterOut {
  return {
    id: l.id,
    logNumber: l.log_number,
    kind: l.kind,
    language: l.language,
    channel: l.channel,
    recipientKind: l.recipient_kind,
    officialCode: l.official_code,
    recipient: masked ? null : recipient,
    recipientMasked: masked && l.recipient_enc !== null,
    subject: l.subject,
    body: l.body,
    status: l.status,
    attempts: l.attempts,
    failure: l.failure_code,
    failureDetail: l.failure_detail,
    failedAt: iso(l.failed_at),
    messageId: l.message_id,
    sentAt: iso(l.sent_at),
    approvedAt: iso(l.approved_at),
    deadlineId: l.deadline_id,
    createdAt: iso(l.created_at) ?? '',
  };
}
