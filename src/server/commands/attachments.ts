import { AuditAction, recordAudit } from '../audit/audit.ts';
import { caseView, canOnCase, CaseAction } from '../policies/case.policy.ts';
import { findAttachment } from '../repositories/attachments.repository.ts';
import { findCase } from '../repositories/cases.repository.ts';
import { NotFoundError } from '../errors.ts';
import { auditContext, type CommandDeps } from './context.ts';

/**
 * The AAD of an attachment's encrypted column: a ciphertext copied onto another attachment or
 * column does not decrypt.
 */
export function attachmentContext(id: string, column: 'file_name' | 'content'): string {
  return `attachments.${column}:${id}`;
}

/** A downloaded file: its bytes, proved type, and name. */
export interface AttachmentDownload {
  fileName: string;
  contentType: string;
  sha256: string;
  bytes: Buffer;
}

/**
 * One file of a case, for a staff member who may read civilian identities on it (a photo or a
 * file name can identify the person who came forward, so the same ability guards both). Anyone
 * else, and a file of another case, gets the same 404. Every download writes an audit row.
 */
export async function readAttachment(
  deps: CommandDeps,
  logNumber: string,
  attachmentId: string,
): Promise<AttachmentDownload> {
  const found = await findCase(deps.db, deps.jurisdiction, logNumber);
  if (
    !found ||
    caseView(deps.actor, found.facts) === 'none' ||
    !canOnCase(deps.actor, CaseAction.readIdentity, found.facts)
  ) {
    throw new NotFoundError('The file', 'attachment_not_found');
  }
  const row = await findAttachment(deps.db, found.row.id, attachmentId);
  if (!row) {
    throw new NotFoundError('The file', 'attachment_not_found');
  }
  const bytes = Buffer.from(
    deps.cipher.decrypt(row.content_enc, attachmentContext(row.id, 'content')),
    'base64',
  );
  const fileName = deps.cipher.decrypt(row.file_name_enc, attachmentContext(row.id, 'file_name'));
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.attachment_read,
      entityType: 'attachment',
      entityId: row.id,
      caseId: found.row.id,
      changes: { content: true },
    });
  });
  return { fileName, contentType: row.content_type, sha256: row.sha256, bytes };
}
