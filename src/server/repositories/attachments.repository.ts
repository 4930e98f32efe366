import type { Queryable } from '../db/client.ts';
import { rowByKey, rowsByKey, rowsOf } from './sql.ts';

/** An attachment row to insert: name and content already encrypted by the command. */
export interface NewAttachment {
  id: string;
  jurisdiction: string;
  caseId: string;
  receiptId: string | null;
  source: 'public_form';
  position: number;
  fileNameEnc: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  contentEnc: string;
  receivedAt: Date;
}

export async function insertAttachment(db: Queryable, a: NewAttachment): Promise<void> {
  await db.query(
    `INSERT INTO attachments (id, jurisdiction, case_id, receipt_id, source, position, file_name_enc,
                              content_type, byte_size, sha256, content_enc, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      a.id,
      a.jurisdiction,
      a.caseId,
      a.receiptId,
      a.source,
      a.position,
      a.fileNameEnc,
      a.contentType,
      a.byteSize,
      a.sha256,
      a.contentEnc,
      a.receivedAt,
    ],
  );
}

/** A case's attachment as listed: no content. */
export interface AttachmentListRow {
  id: string;
  source: 'public_form';
  file_name_enc: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  received_at: Date;
}

/** A case's files from the complaint form, names still encrypted, in the order received. */
export const listAttachments = rowsOf<AttachmentListRow, [caseId: string]>(
  `SELECT id, source, file_name_enc, content_type, byte_size, sha256, received_at
     FROM attachments WHERE case_id = $1 ORDER BY received_at, position`,
  ['received_at'],
);

/** One attachment with its (encrypted) content, only if it belongs to the case. */
export const findAttachment = rowByKey<
  AttachmentListRow & { content_enc: string },
  [caseId: string, id: string]
>(
  `SELECT id, source, file_name_enc, content_type, byte_size, sha256, received_at, content_enc
     FROM attachments`,
  ['case_id', 'id'],
);

/** Information a complainant added through follow-my-complaint, for the case team. */
export interface ComplainantAdditionRow {
  id: string;
  text: string;
  received_at: Date;
}

/** What the complainant added to a case, oldest first. */
export const listComplainantAdditions = rowsByKey<ComplainantAdditionRow, [caseId: string]>(
  'SELECT id, text, received_at FROM complaint_additions',
  ['case_id'],
  'received_at, id',
  ['received_at'],
);
