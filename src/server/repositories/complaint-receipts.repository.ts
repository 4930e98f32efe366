import type { Queryable } from '../db/client.ts';
import type { CaseStatus } from '../../shared/enums.ts';
import {
  DEADLINE_EXTENSION_DAYS_SQL,
  DEADLINE_POSITION_SQL,
  runningDeadline,
  type DeadlineBasisRow,
} from './deadlines.repository.ts';
import { insertRows, rowByKey, rowOf, rowsOf } from './sql.ts';

/*
 * The public complaint form's receipts (confirmation number and passphrase hash) and what the
 * holder of one may read of their complaint: no personal data ever leaves these reads.
 */

export interface ReceiptRow {
  id: string;
  case_id: string;
  passphrase_hash: string;
  language: 'en' | 'es';
  /** Who holds the passphrase: the person, or an intermediary who filed for them. */
  filed_by: 'self' | 'intermediary';
}

export async function insertReceipt(
  tx: Queryable,
  r: {
    id: string;
    jurisdiction: string;
    caseId: string;
    confirmationNumber: string;
    passphraseHash: string;
    language: string;
    filedBy: 'self' | 'intermediary';
    createdAt: Date;
  },
): Promise<void> {
  await insertRows(
    tx,
    'complaint_receipts',
    [
      'id',
      'jurisdiction',
      'case_id',
      'confirmation_number',
      'passphrase_hash',
      'language',
      'filed_by',
      'created_at',
    ],
    [
      [
        r.id,
        r.jurisdiction,
        r.caseId,
        r.confirmationNumber,
        r.passphraseHash,
        r.language,
        r.filedBy,
        r.createdAt,
      ],
    ],
  );
}

/** The receipt a confirmation number names. */
export const findReceipt = rowByKey<ReceiptRow, [jurisdiction: string, confirmationNumber: string]>(
  `SELECT id, case_id, passphrase_hash, language, filed_by FROM complaint_receipts`,
  ['jurisdiction', 'confirmation_number'],
);

export async function insertAddition(
  tx: Queryable,
  a: {
    id: string;
    jurisdiction: string;
    caseId: string;
    receiptId: string;
    text: string;
    receivedAt: Date;
  },
): Promise<void> {
  await insertRows(
    tx,
    'complaint_additions',
    ['id', 'jurisdiction', 'case_id', 'receipt_id', 'text', 'received_at'],
    [[a.id, a.jurisdiction, a.caseId, a.receiptId, a.text, a.receivedAt]],
  );
}

/** What the holder of a confirmation number may see of their case: no personal data. */
export interface ComplaintStatusRow {
  log_number: string;
  status: CaseStatus;
  lead_agency: string;
  received_at: Date;
  stages: Array<{ status: CaseStatus; reason: string | null; at: string }>;
  deadlines: Array<DeadlineBasisRow & { due_date: string; met_at: Date | null }>;
  additions: number;
}

/** The case behind a receipt, as its follow-my-complaint page shows it. */
export const complaintStatus = rowOf<ComplaintStatusRow, [receiptId: string]>(
  `SELECT c.log_number, c.status, c.lead_agency, c.received_at,
            COALESCE((SELECT json_agg(json_build_object('status', h.to_status, 'reason', h.reason, 'at', h.at) ORDER BY h.at, h.id)
                        FROM case_status_history h WHERE h.case_id = c.id), '[]') AS stages,
            COALESCE((SELECT json_agg(json_build_object('kind', d.kind, 'sequence', d.sequence, 'due_date', d.due_date,
                                                        'anchor_kind', d.anchor_kind, 'anchor_date', d.anchor_date, 'clause', d.clause,
                                                        'extensions', ${DEADLINE_EXTENSION_DAYS_SQL}, 'position', ${DEADLINE_POSITION_SQL},
                                                        'met_at', d.met_at) ORDER BY d.due_date)
                        FROM deadlines d WHERE d.case_id = c.id AND ${runningDeadline('d')}), '[]') AS deadlines,
            (SELECT count(*)::int FROM complaint_additions x WHERE x.receipt_id = r.id) AS additions
       FROM complaint_receipts r JOIN cases c ON c.id = r.case_id
      WHERE r.id = $1`,
);

/**
 * The encrypted identities of the people the office would write to about a complaint (its
 * complainants and the intermediary who filed it), read only to know whether an email or postal
 * address is on file; the values never leave the server.
 */
export const letterRecipients = rowsOf<
  { id: string; role: string; identity_enc: string },
  [caseId: string]
>(
  `SELECT id, role, identity_enc FROM parties
      WHERE case_id = $1 AND role IN ('complainant', 'intermediary') AND identity_enc IS NOT NULL`,
);

/** The log number of a case, for audit rows. */
export async function logNumberOf(db: Queryable, caseId: string): Promise<string | undefined> {
  const rows = await db.query<{ log_number: string }>(
    `SELECT log_number FROM cases WHERE id = $1`,
    [caseId],
  );
  return rows[0]?.log_number;
}
