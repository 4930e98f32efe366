import { intermediaryMayReceive, type LetterKind } from '../domain/letters.ts';
import { portalNotices } from '../repositories/letters.repository.ts';
import { listParties } from '../repositories/parties.repository.ts';
import crypto from 'node:crypto';
import type { PublicComplaintRequest, PublicLanguage } from '../../shared/schemas/public.ts';
import type { CaseStatus, DeadlineBasisCode, DeadlineKind } from '../../shared/enums.ts';
import { recordAudit, AuditAction } from '../audit/audit.ts';
import type { Db } from '../db/client.ts';
import { localDate } from '../../shared/dates.ts';
import { deadlineBasis } from '../domain/deadline-basis.ts';
import { deadlineBasisFacts } from '../repositories/deadlines.repository.ts';
import {
  acknowledgementText,
  nextComplainantClock,
  toIntakeRequest,
} from '../domain/public-complaint.ts';
import { receivesLetters } from '../../shared/letters.ts';
import type { JurisdictionProfile } from '../domain/profiles/profile.ts';
import {
  complaintStatus,
  findReceipt,
  insertAddition,
  insertReceipt,
  letterRecipients,
  logNumberOf,
  type ReceiptRow,
} from '../repositories/complaint-receipts.repository.ts';
import {
  generateConfirmationNumber,
  generatePassphrase,
  hashPassphrase,
  verifyPassphrase,
} from '../security/complaint-secrets.ts';
import type { FieldCipher } from '../security/encryption.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { checkAttachments } from '../domain/attachments.ts';
import { insertAttachment } from '../repositories/attachments.repository.ts';
import { attachmentContext } from './attachments.ts';
import { registerCase } from './file-case.ts';
import { decryptIdentity } from '../security/party-identity.ts';
import { systemAuditContext } from './context.ts';

/** Dependencies of the public commands: no actor, by design (the public form needs no account). */
export interface PublicDeps {
  db: Db;
  now: () => Date;
  ip: string | null;
  cipher: FieldCipher;
  profile: JurisdictionProfile;
  jurisdiction: string;
}

/** What the complaint form answers, once. */
export interface FiledComplaint {
  confirmationNumber: string;
  passphrase: string;
  logNumber: string;
  language: PublicLanguage;
  receivedAt: string;
  /** Code of the investigating agency (the profile's oversight or internal-affairs agency). */
  investigatingAgency: string;
  acknowledgement: string;
  /** Whether the office can write to the complainant (`receivesLetters`). */
  receivesLetters: boolean;
}

/**
 * Files a complaint from the public form through the same intake as staff (registerCase):
 * routing, restriction, clocks and the audit row all apply. In the same transaction it stores a
 * receipt: a random confirmation number and only the argon2id hash of a generated passphrase.
 */
export async function filePublicComplaint(
  deps: PublicDeps,
  form: PublicComplaintRequest,
): Promise<FiledComplaint> {
  const now = deps.now();
  const files = form.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.data, 'base64') }));
  const checked = checkAttachments(files);
  if (checked.problems.length > 0) {
    // before anything is written: a complaint with a bad file is not half-filed
    throw new ValidationError(
      'validation_failed',
      'An attached file cannot be accepted.',
      checked.problems.map((p) => ({ field: `files.${p.index}.data`, message: p.message })),
    );
  }
  const confirmationNumber = generateConfirmationNumber();
  const passphrase = generatePassphrase(form.language);
  const passphraseHash = await hashPassphrase(passphrase);
  const receiptId = crypto.randomUUID();
  const intake = toIntakeRequest(form, now);
  const filed = await registerCase(
    {
      ...deps,
      filer: { kind: 'public', source: 'public_form' },
      alsoWrite: async (tx, caseId) => {
        await insertReceipt(tx, {
          id: receiptId,
          jurisdiction: deps.jurisdiction,
          caseId,
          confirmationNumber,
          passphraseHash,
          language: form.language,
          filedBy: form.filedBy,
          createdAt: now,
        });
        for (const [i, f] of files.entries()) {
          const id = crypto.randomUUID();
          await insertAttachment(tx, {
            id,
            jurisdiction: deps.jurisdiction,
            caseId,
            receiptId,
            source: 'public_form',
            position: i,
            fileNameEnc: deps.cipher.encrypt(f.name, attachmentContext(id, 'file_name')),
            contentType: checked.types[i]!,
            byteSize: f.bytes.length,
            sha256: crypto.createHash('sha256').update(f.bytes).digest('hex'),
            contentEnc: deps.cipher.encrypt(
              Buffer.from(f.bytes).toString('base64'),
              attachmentContext(id, 'content'),
            ),
            receivedAt: now,
          });
        }
      },
    },
    intake,
  );
  return {
    confirmationNumber,
    passphrase,
    logNumber: filed.logNumber,
    language: form.language,
    receivedAt: now.toISOString(),
    investigatingAgency: filed.routing.agency,
    acknowledgement: acknowledgementText({
      language: form.language,
      logNumber: filed.logNumber,
      receivedDate: localDate(now, deps.profile.timeZone),
      agencyName:
        deps.profile.agencies[filed.routing.agency]?.name[form.language] ?? filed.routing.agency,
      confirmationNumber,
    }),
    receivesLetters: receivesLetters(intake.parties),
  };
}

/**
 * The receipt for a confirmation number and passphrase, or the one same 404 for an unknown number
 * and a wrong passphrase: both cost one indexed read and one argon2id verification
 * (verifyPassphrase checks a dummy hash when there is no receipt), so neither the answer nor its
 * timing tells them apart.
 */
async function authenticate(
  deps: PublicDeps,
  confirmationNumber: string,
  passphrase: string,
): Promise<ReceiptRow> {
  const receipt = await findReceipt(deps.db, deps.jurisdiction, confirmationNumber);
  const ok = await verifyPassphrase(receipt?.passphrase_hash, passphrase);
  if (!ok || !receipt) {
    throw new NotFoundError(
      'A complaint with this confirmation number and passphrase',
      'complaint_not_found',
    );
  }
  return receipt;
}

/** What the holder sees: stage codes and dates, the agency, the next clock. No personal data. */
export interface ComplaintView {
  logNumber: string;
  status: CaseStatus;
  language: PublicLanguage;
  receivedAt: string;
  /** Code of the investigating agency (the profile's oversight or internal-affairs agency). */
  investigatingAgency: string;
  stages: Array<{ status: CaseStatus; reason: string | null; at: string }>;
  nextClock: {
    kind: DeadlineKind;
    dueDate: string;
    basisCode: DeadlineBasisCode;
    basis: string;
    basisEs: string;
  } | null;
  informationAdded: number;
  receivesLetters: boolean;
  notices: Array<{
    kind: LetterKind;
    language: string;
    subject: string;
    body: string;
    sentAt: string;
  }>;
}

/** Follow-my-complaint: confirmation number + passphrase → status, agency, stages, next clock. */
export async function lookupComplaint(
  deps: PublicDeps,
  input: { confirmationNumber: string; passphrase: string },
): Promise<ComplaintView> {
  const receipt = await authenticate(deps, input.confirmationNumber, input.passphrase);
  const s = await complaintStatus(deps.db, receipt.id);
  if (!s) {
    throw new NotFoundError('A complaint with this confirmation number and passphrase');
  }
  const letters = await canWriteTo(deps, receipt.case_id);
  const next = nextComplainantClock(
    s.deadlines.map((d) => ({ ...d, met_at: d.met_at })),
    letters,
  );
  // written from the clock's codes in both languages: the holder may read the page in Spanish
  const basis = next ? deadlineBasis(deadlineBasisFacts(next), deps.profile) : null;
  return {
    logNumber: s.log_number,
    status: s.status,
    language: receipt.language,
    receivedAt: new Date(s.received_at).toISOString(),
    // the agency that investigates: internal affairs when it leads, else the oversight agency
    investigatingAgency:
      s.lead_agency === deps.profile.agencyRoles.internalAffairs
        ? s.lead_agency
        : deps.profile.agencyRoles.oversight,
    stages: s.stages.map((h) => ({
      status: h.status,
      reason: h.reason,
      at: new Date(h.at).toISOString(),
    })),
    nextClock:
      next && basis
        ? {
            kind: next.kind as DeadlineKind,
            dueDate: next.due_date,
            basisCode: basis.code,
            basis: basis.en,
            basisEs: basis.es,
          }
        : null,
    informationAdded: s.additions,
    receivesLetters: letters,
    notices: await noticesFor(deps, receipt),
  };
}

/**
 * The notices the page shows (issue 18 item 4): the portal letters sent on the case, the same
 * text a letter would carry. An anonymous complainant or a shelter resident reads them here after
 * the passphrase. When an intermediary filed and holds the passphrase, they see only what the
 * person's consent lets them receive (`intermediaryMayReceive`; in doubt, nothing).
 */
async function noticesFor(
  deps: PublicDeps,
  receipt: ReceiptRow,
): Promise<ComplaintView['notices']> {
  let rows = await portalNotices(deps.db, receipt.case_id);
  if (receipt.filed_by === 'intermediary') {
    const scope =
      (await listParties(deps.db, receipt.case_id)).find((p) => p.role === 'intermediary')
        ?.consent_scope ?? null;
    rows = rows.filter((n) => intermediaryMayReceive(scope, n.kind));
  }
  return rows.map((n) => ({
    kind: n.kind,
    language: n.language,
    subject: n.subject,
    body: n.body,
    sentAt: new Date(n.sent_at ?? 0).toISOString(),
  }));
}

/**
 * Whether the case holds an email or postal address to write to (`receivesLetters`), from what
 * the case holds now: staff may add an address after filing, or a purge may remove it. The
 * identities are decrypted here only to test for an address; no value leaves this function and
 * no person reads them, so no identity-read audit row (ADR 0006, as the redaction's own check).
 */
async function canWriteTo(deps: PublicDeps, caseId: string): Promise<boolean> {
  const rows = await letterRecipients(deps.db, caseId);
  return receivesLetters(
    rows.map((p) => ({
      role: p.role,
      ...decryptIdentity<{ email?: string; address?: string }>(deps.cipher, p),
    })),
  );
}

/**
 * The holder adds information to their complaint: appended for the case team (never public),
 * with an audit row naming the field, not its content.
 */
export async function addComplaintInformation(
  deps: PublicDeps,
  input: { confirmationNumber: string; passphrase: string; text: string },
): Promise<{ receivedAt: string }> {
  const receipt = await authenticate(deps, input.confirmationNumber, input.passphrase);
  const now = deps.now();
  const id = crypto.randomUUID();
  await deps.db.transaction(async (tx) => {
    await insertAddition(tx, {
      id,
      jurisdiction: deps.jurisdiction,
      caseId: receipt.case_id,
      receiptId: receipt.id,
      text: input.text,
      receivedAt: now,
    });
    const logNumber = await logNumberOf(tx, receipt.case_id);
    await recordAudit(tx, systemAuditContext(deps.jurisdiction, now, deps.ip), {
      action: AuditAction.complaint_information_added,
      entityType: 'case',
      entityId: logNumber ?? receipt.case_id,
      caseId: receipt.case_id,
      reason: 'public_follow_up',
      changes: { additionId: id, fields: ['text'] },
    });
  });
  return { receivedAt: now.toISOString() };
}
