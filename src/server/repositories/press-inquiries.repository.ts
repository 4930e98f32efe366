import type { Queryable } from '../db/client.ts';
import { insertRows, firstRow } from './sql.ts';

export interface PressInquiryRow {
  id: string;
  case_id: string | null;
  outlet: string;
  question: string;
  received_at: Date;
  statement_id: string | null;
  answered_at: Date | null;
}

export async function insertPressInquiry(
  tx: Queryable,
  p: {
    id: string;
    jurisdiction: string;
    caseId: string;
    outlet: string;
    question: string;
    receivedAt: Date;
    loggedAt: Date;
    loggedBy: string;
  },
): Promise<void> {
  await insertRows(
    tx,
    'press_inquiries',
    [
      'id',
      'jurisdiction',
      'case_id',
      'outlet',
      'question',
      'received_at',
      'logged_at',
      'logged_by',
    ],
    [[p.id, p.jurisdiction, p.caseId, p.outlet, p.question, p.receivedAt, p.loggedAt, p.loggedBy]],
  );
}

export async function findPressInquiry(
  db: Queryable,
  jurisdiction: string,
  id: string,
): Promise<PressInquiryRow | undefined> {
  return firstRow<PressInquiryRow>(
    db,
    `SELECT id, case_id, outlet, question, received_at, statement_id, answered_at FROM press_inquiries WHERE jurisdiction = $1 AND id = $2 FOR UPDATE`,
    [jurisdiction, id],
  );
}

export async function listPressInquiries(
  db: Queryable,
  caseId: string,
): Promise<PressInquiryRow[]> {
  return db.query<PressInquiryRow>(
    `SELECT id, case_id, outlet, question, received_at, statement_id, answered_at FROM press_inquiries WHERE case_id = $1 ORDER BY received_at, id`,
    [caseId],
  );
}

export async function answerPressInquiry(
  tx: Queryable,
  id: string,
  statementId: string,
  at: Date,
  by: string,
): Promise<void> {
  await tx.query(
    `UPDATE press_inquiries SET statement_id = $2, answered_at = $3, answered_by = $4 WHERE id = $1`,
    [id, statementId, at, by],
  );
}
