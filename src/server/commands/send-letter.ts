import { AuditAction } from '../audit/audit.ts';
import type { Queryable } from '../db/client.ts';
import type { LetterFailure, LetterStatus } from '../domain/letters.ts';
import { ConflictError } from '../errors.ts';
import type { Mailer } from '../letters/mailer.ts';
import { decryptRecipient } from '../letters/recipients.ts';
import { CaseAction } from '../policies/case.policy.ts';
import type { CaseRow } from '../repositories/cases.repository.ts';
import { findDeadline } from '../repositories/deadlines.repository.ts';
import {
  claimLetterSend,
  markLetterFailed,
  markLetterSent,
  sentForDeadline,
  unsentForDeadline,
  type LetterRow,
} from '../repositories/letters.repository.ts';
import { recordDeadlineMet } from './complete-deadline.ts';
import { type CommandDeps } from './context.ts';
import { auditLetter, withLetterForAction } from './letter-access.ts';

/** Sending needs the mail server beside the usual dependencies; null when none is configured. */
export type SendDeps = CommandDeps & { mailer: Mailer | null };

/** What became of the letter. */
export interface SendOutcome {
  status: LetterStatus;
  messageId: string | null;
  failure: LetterFailure | null;
  failureDetail: string | null;
  /** The deadline this send met (every letter answering it is now sent), if any. */
  deadlineMet: string | null;
}

/**
 * How long a send to the mail server holds its letter: longer than nodemailer may take (the
 * connection, the greeting and each answer each wait at most OVERSIGHT_SMTP_TIMEOUT_MS, at most
 * five minutes). A claim older than this is a send that died with its process: the letter may be
 * sent again (at least once; ADR 0033).
 */
const SEND_CLAIM_MS = 20 * 60_000;

/**
 * Sends an approved, queued letter by its channel: email through the mail server, paper (the
 * staff member confirms it was printed and posted) or the follow-my-complaint page. A letter is
 * recorded `sent` only with the server's acceptance (its id) in hand; any other answer, or none
 * within the timeout, records it `failed` with that answer, and the deadline stays open.
 *
 * The mail server is asked between two transactions, never inside one: the first claims the
 * letter (a second send of it is refused while the claim stands), the second records the answer
 * and meets the clock. The embedded database runs one transaction at a time, so a mail server
 * that hangs must not hold every other request of the office for its timeout.
 */
export async function sendLetter(
  deps: SendDeps,
  input: { letterId: string },
): Promise<SendOutcome> {
  const step = await withLetterForAction(
    deps,
    input.letterId,
    CaseAction.sendLetter,
    async (tx, { found, letter }) => {
      const now = deps.now();
      refuseUnsendable(letter, now);
      if (letter.channel !== 'email') {
        return {
          kind: 'done' as const,
          outcome: await settle(tx, deps, found.row, letter, now, { ok: true, messageId: null }),
        };
      }
      const to = decryptRecipient(deps, letter)?.email;
      if (!deps.mailer || !to) {
        const answer = !deps.mailer
          ? ({
              ok: false,
              code: 'mail_not_configured',
              detail: 'No mail server is configured.',
            } as const)
          : ({ ok: false, code: 'no_address', detail: null } as const);
        return {
          kind: 'done' as const,
          outcome: await settle(tx, deps, found.row, letter, now, answer),
        };
      }
      await claimLetterSend(tx, letter.id, now);
      return {
        kind: 'mail' as const,
        mailer: deps.mailer,
        message: { to, subject: letter.subject, text: letter.body, language: letter.language },
      };
    },
  );
  if (step.kind === 'done') {
    return step.outcome;
  }
  const answer = await step.mailer.send(step.message);
  return withLetterForAction(
    deps,
    input.letterId,
    CaseAction.sendLetter,
    async (tx, { found, letter }) => {
      return settle(tx, deps, found.row, letter, deps.now(), answer);
    },
  );
}

/** The states a letter cannot be sent from, each with its own problem code. */
function refuseUnsendable(letter: LetterRow, now: Date): void {
  if (letter.status === 'sent') {
    throw new ConflictError('letter_sent', 'This letter was already sent.');
  }
  if (letter.status === 'failed') {
    throw new ConflictError('letter_failed', 'This letter failed; retry it before sending.');
  }
  if (!letter.approved_at) {
    throw new ConflictError(
      'letter_not_approved',
      'A manager approves a letter before it is sent.',
    );
  }
  if (letter.sending_since && now.getTime() - letter.sending_since.getTime() < SEND_CLAIM_MS) {
    throw new ConflictError(
      'letter_sending',
      'This letter is being sent now; its status shows the mail server’s answer when it comes.',
    );
  }
}

/** Records the answer: sent (and the clock it answers met), or failed with the server's answer. */
async function settle(
  tx: Queryable,
  deps: CommandDeps,
  row: CaseRow,
  letter: LetterRow,
  now: Date,
  answer:
    | { ok: true; messageId: string | null }
    | { ok: false; code: LetterFailure; detail: string | null },
): Promise<SendOutcome> {
  if (!answer.ok) {
    await fail(tx, deps, letter, now, answer.code, answer.detail);
    return {
      status: 'failed',
      messageId: null,
      failure: answer.code,
      failureDetail: answer.detail,
      deadlineMet: null,
    };
  }
  const messageId = answer.messageId;
  await markLetterSent(tx, letter.id, { at: now, by: deps.actor.id, messageId });
  await auditLetter(tx, deps, now, letter, AuditAction.letter_sent, {
    kind: letter.kind,
    channel: letter.channel,
    messageId,
  });
  const deadlineMet = await meetAnsweredDeadline(tx, deps, row, letter, now);
  return { status: 'sent', messageId, failure: null, failureDetail: null, deadlineMet };
}

/** Records a failed send with the server's answer (never the recipient's address). */
async function fail(
  tx: Queryable,
  deps: CommandDeps,
  letter: LetterRow,
  now: Date,
  code: LetterFailure,
  detail: string | null,
): Promise<void> {
  await markLetterFailed(tx, letter.id, { at: now, code, detail, attempted: true });
  await auditLetter(tx, deps, now, letter, AuditAction.letter_failed, {
    kind: letter.kind,
    channel: letter.channel,
    failure: code,
    detail,
  });
}

/**
 * Letters close clocks (issue 18 item 3): once every letter answering a deadline is sent — the
 * acknowledgement, or the §2-78-135 notice to each person the ordinance names — the deadline is
 * met with those letters as its evidence, and the next six-month notice is scheduled at once by
 * the same code a person's "met" uses. A letter still queued or failed keeps the clock open.
 */
async function meetAnsweredDeadline(
  tx: Queryable,
  deps: CommandDeps,
  row: CaseRow,
  letter: LetterRow,
  now: Date,
): Promise<string | null> {
  if (!letter.deadline_id || (await unsentForDeadline(tx, letter.deadline_id)) > 0) {
    return null;
  }
  const deadline = await findDeadline(tx, row.id, letter.deadline_id);
  if (!deadline || deadline.met_at || deadline.superseded_at) {
    return null;
  }
  await recordDeadlineMet(tx, deps, row, deadline, now, {
    letters: await sentForDeadline(tx, deadline.id),
  });
  return deadline.id;
}
