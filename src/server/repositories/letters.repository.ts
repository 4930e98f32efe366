import type { Queryable } from '../db/client.ts';
import type {
  LetterChannel,
  LetterFailure,
  LetterKind,
  LetterStatus,
  RecipientKind,
} from '../domain/letters.ts';
import type { CaseScope } from '../policies/case.policy.ts';
import { scopeCondition } from './case-list.repository.ts';
import { insertRows, firstRow } from './sql.ts';

/** A letter as stored (migration 0023); `recipient_enc` is ciphertext, never plaintext. */
export interface LetterRow {
  id: string;
  jurisdiction: string;
  case_id: string;
  kind: LetterKind;
  language: string;
  channel: LetterChannel | null;
  recipient_kind: RecipientKind;
  party_id: string | null;
  member_id: string | null;
  official_code: string | null;
  recipient_enc: string | null;
  subject: string;
  body: string;
  deadline_id: string | null;
  status: LetterStatus;
  attempts: number;
  failure_code: LetterFailure | null;
  failure_detail: string | null;
  failed_at: Date | null;
  message_id: string | null;
  sending_since: Date | null;
  sent_at: Date | null;
  sent_by: string | null;
  approved_at: Date | null;
  approved_by: string | null;
  created_at: Date;
  created_by: string | null;
}

/** A letter row with its case's log number (the outbox and the routes name cases by it). */
export type LetterWithCase = LetterRow & { log_number: string };

const COLUMNS = [
  'id',
  'jurisdiction',
  'case_id',
  'kind',
  'language',
  'channel',
  'recipient_kind',
  'party_id',
  'member_id',
  'official_code',
  'recipient_enc',
  'subject',
  'body',
  'deadline_id',
  'status',
  'failure_code',
  'failure_detail',
  'failed_at',
  'created_at',
  'created_by',
] as const;

export type LetterInsert = Pick<LetterRow, (typeof COLUMNS)[number]>;

export async function insertLetters(tx: Queryable, rows: LetterInsert[]): Promise<void> {
  await insertRows(
    tx,
    'letters',
    COLUMNS,
    rows.map((r) => COLUMNS.map((c) => r[c])),
  );
}

const SELECT = `SELECT l.*, c.log_number FROM letters l JOIN cases c ON c.id = l.case_id`;

/** The case's letters, oldest first. */
export async function listCaseLetters(db: Queryable, caseId: string): Promise<LetterWithCase[]> {
  return db.query<LetterWithCase>(`${SELECT} WHERE l.case_id = $1 ORDER BY l.created_at, l.seq`, [
    caseId,
  ]);
}

/** One letter by id, within the jurisdiction. */
export async function findLetter(
  db: Queryable,
  jurisdiction: string,
  id: string,
): Promise<LetterWithCase | undefined> {
  return firstRow<LetterWithCase>(db, `${SELECT} WHERE l.jurisdiction = $1 AND l.id = $2`, [
    jurisdiction,
    id,
  ]);
}

/** Locks one letter row: a send and a retry of the same letter never run side by side. */
export async function lockLetter(tx: Queryable, id: string): Promise<LetterRow | undefined> {
  return firstRow<LetterRow>(tx, `SELECT * FROM letters WHERE id = $1 FOR UPDATE`, [id]);
}

export async function approveLetter(
  tx: Queryable,
  id: string,
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(`UPDATE letters SET approved_at = $2, approved_by = $3 WHERE id = $1`, [
    id,
    at,
    by,
  ]);
}

/** Claims a queued letter for one send to the mail server, settled in a later transaction. */
export async function claimLetterSend(tx: Queryable, id: string, at: Date): Promise<void> {
  await tx.query(`UPDATE letters SET sending_since = $2 WHERE id = $1`, [id, at]);
}

export async function markLetterSent(
  tx: Queryable,
  id: string,
  sent: { at: Date; by: string; messageId: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE letters SET status = 'sent', sent_at = $2, sent_by = $3, message_id = $4,
            attempts = attempts + 1, failure_code = NULL, failure_detail = NULL, failed_at = NULL,
            sending_since = NULL
      WHERE id = $1`,
    [id, sent.at, sent.by, sent.messageId],
  );
}

export async function markLetterFailed(
  tx: Queryable,
  id: string,
  failed: { at: Date; code: LetterFailure; detail: string | null; attempted: boolean },
): Promise<void> {
  await tx.query(
    `UPDATE letters SET status = 'failed', failure_code = $2, failure_detail = $3, failed_at = $4,
            attempts = attempts + $5, sending_since = NULL
      WHERE id = $1`,
    [id, failed.code, failed.detail, failed.at, failed.attempted ? 1 : 0],
  );
}

/** A failed letter back in the queue, with the channel and recipient found again. */
export async function requeueLetter(
  tx: Queryable,
  id: string,
  again: { channel: LetterChannel; recipientEnc: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE letters SET status = 'queued', channel = $2, recipient_enc = $3, failure_code = NULL,
            failure_detail = NULL, failed_at = NULL
      WHERE id = $1`,
    [id, again.channel, again.recipientEnc],
  );
}

/** How many letters answering a deadline are not yet sent. */
export async function unsentForDeadline(tx: Queryable, deadlineId: string): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM letters WHERE deadline_id = $1 AND status <> 'sent'`,
    [deadlineId],
  );
  return rows[0]?.n ?? 0;
}

/** The ids of the sent letters that answer a deadline (its evidence). */
export async function sentForDeadline(tx: Queryable, deadlineId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM letters WHERE deadline_id = $1 AND status = 'sent' ORDER BY sent_at, seq`,
    [deadlineId],
  );
  return rows.map((r) => r.id);
}

/**
 * The outbox: letters not yet sent (failed first, then queued, oldest first), then the latest
 * sent ones, on the cases in `scope` (those the caller may read in full).
 */
export async function listOutbox(
  db: Queryable,
  jurisdiction: string,
  scope: CaseScope,
  limit: number,
): Promise<LetterWithCase[]> {
  const params: unknown[] = [jurisdiction];
  const scoped = scopeCondition(scope, params.length);
  params.push(...scoped.params, limit);
  return db.query<LetterWithCase>(
    `${SELECT} WHERE l.jurisdiction = $1 AND ${scoped.sql}
      ORDER BY CASE l.status WHEN 'failed' THEN 0 WHEN 'queued' THEN 1 ELSE 2 END,
               CASE WHEN l.status = 'sent' THEN NULL ELSE l.created_at END,
               l.sent_at DESC NULLS LAST, l.seq
      LIMIT $${params.length}`,
    params,
  );
}

/**
 * The day's mail: print letters approved and not failed whose approval fell on the local day
 * `[from, to)`, in case and creation order (one envelope after another).
 */
export async function printLettersApproved(
  db: Queryable,
  jurisdiction: string,
  scope: CaseScope,
  from: Date,
  to: Date,
): Promise<LetterWithCase[]> {
  const params: unknown[] = [jurisdiction, from, to];
  const scoped = scopeCondition(scope, params.length);
  params.push(...scoped.params);
  return db.query<LetterWithCase>(
    `${SELECT} WHERE l.jurisdiction = $1 AND l.channel = 'print' AND l.status <> 'failed'
        AND l.approved_at >= $2 AND l.approved_at < $3 AND ${scoped.sql}
      ORDER BY c.log_number, l.created_at, l.seq`,
    params,
  );
}

/** The notices published on a case's follow-my-complaint page: portal letters sent. */
export async function portalNotices(
  db: Queryable,
  caseId: string,
): Promise<Array<Pick<LetterRow, 'id' | 'kind' | 'language' | 'subject' | 'body' | 'sent_at'>>> {
  return db.query(
    `SELECT id, kind, language, subject, body, sent_at FROM letters
      WHERE case_id = $1 AND channel = 'portal' AND status = 'sent' ORDER BY sent_at, seq`,
    [caseId],
  );
}

/** Whether the case was filed on the public form (its holder reads the follow page). */
export async function caseHasReceipt(db: Queryable, caseId: string): Promise<boolean> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM complaint_receipts WHERE case_id = $1`,
    [caseId],
  );
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * Retention (ADR 0017): the envelopes of the letters written to the cases' civilians
 * (complainants, intermediaries) go with their identities. The text stays (it names no one);
 * letters to members and officials are not civilian identities and stay addressed.
 */
export async function purgeLetterRecipients(
  tx: Queryable,
  caseIds: readonly string[],
): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE letters SET recipient_enc = NULL
      WHERE case_id = ANY($1::uuid[]) AND recipient_kind IN ('complainant', 'intermediary')
        AND recipient_enc IS NOT NULL
      RETURNING id`,
    [caseIds],
  );
  return rows.length;
}

/** The letters written to one party, oldest first (the subject-access export). */
export async function lettersToParty(db: Queryable, partyId: string): Promise<LetterRow[]> {
  return db.query<LetterRow>(`SELECT * FROM letters WHERE party_id = $1 ORDER BY created_at, seq`, [
    partyId,
  ]);
}
