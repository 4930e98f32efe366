import { decryptRecipient } from '../letters/recipients.ts';
import { lettersToParty } from '../repositories/letters.repository.ts';
import type { Db } from '../db/client.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';
import { CaseAction } from '../policies/authorization.ts';
import { allowedGlobally, GlobalAction } from '../policies/global-grants.ts';
import { canOnCase, caseView } from '../policies/case.policy.ts';
import { findCaseById } from '../repositories/cases.repository.ts';
import {
  findSubjectParties,
  otherPartyRoles,
  publicFilings,
} from '../repositories/privacy.repository.ts';
import { iso } from '../repositories/sql.ts';
import { PARTY_IDENTITY } from '../security/encrypted-fields.ts';
import type { FieldCipher } from '../security/encryption.ts';
import type { PartyRole } from '../../shared/enums.ts';
import type { SubjectAccessExport } from '../../shared/schemas/privacy.ts';

/** A staff member through the API, or the operator at the CLI (`system`). */
export interface SubjectAccessDeps {
  db: Db;
  now: () => Date;
  actor: Actor | 'system';
  ip: string | null;
  cipher: FieldCipher;
  jurisdiction: string;
}

const SCOPE =
  'Every party record of the requested person: their identity as held (decrypted), contact ' +
  'preferences, what they consented to, the vulnerabilities recorded and the released ' +
  'demographics, with the facts of each case they are part of, and the letters written to ' +
  'them (as addressed and as sent: they already received that text). Other people on those ' +
  'cases appear only by their role. Narratives, statements and other free text are not ' +
  'exported here: they can name other people and are released only after review and redaction.';

/**
 * Exports everything held about one person for a subject-access request (ADR 0017). The
 * requester names the person's party ids. A staff member needs the global subject-access grant
 * AND the right to read identities on every case involved; a party they may not see answers 404,
 * like a party that does not exist. Each exported party is audited as a read of personal data,
 * in one transaction with the read.
 */
export async function exportSubjectAccess(
  deps: SubjectAccessDeps,
  partyIds: readonly string[],
): Promise<SubjectAccessExport> {
  const actor = deps.actor;
  if (actor !== 'system' && !allowedGlobally(actor, GlobalAction.subjectAccess)) {
    throw new ForbiddenError();
  }
  const ids = [...new Set(partyIds.map((id) => id.toLowerCase()))];
  const at = deps.now();
  return deps.db.transaction(async (tx) => {
    const rows = await findSubjectParties(tx, deps.jurisdiction, ids);
    if (rows.length !== ids.length) {
      throw new NotFoundError('A requested party', 'party_not_found');
    }
    const caseIds = [...new Set(rows.map((r) => r.case_id))];
    if (actor !== 'system') {
      for (const caseId of caseIds) {
        const found = await findCaseById(tx, deps.jurisdiction, caseId);
        if (
          !found ||
          caseView(actor, found.facts) === 'none' ||
          !canOnCase(actor, CaseAction.readIdentity, found.facts)
        ) {
          throw new NotFoundError('A requested party', 'party_not_found');
        }
      }
    }
    const others = new Map<string, string[]>();
    const filings = new Map<string, Awaited<ReturnType<typeof publicFilings>>>();
    for (const caseId of caseIds) {
      others.set(caseId, await otherPartyRoles(tx, caseId, ids));
      filings.set(caseId, await publicFilings(tx, caseId));
    }
    const letters = new Map<string, Awaited<ReturnType<typeof lettersToParty>>>();
    for (const r of rows) {
      letters.set(r.id, await lettersToParty(tx, r.id));
    }
    const records = rows.map((r) => ({
      partyId: r.id,
      role: r.role as PartyRole,
      anonymous: r.anonymous,
      identity: r.identity_enc
        ? (JSON.parse(deps.cipher.decrypt(r.identity_enc, PARTY_IDENTITY.context(r.id))) as Record<
            string,
            string
          >)
        : null,
      identityPurgedAt: iso(r.identity_purged_at),
      consentScope: r.consent_scope,
      language: r.language,
      contactChannel: r.contact_channel,
      contactSafety: r.contact_safety,
      vulnerabilities: r.vulnerabilities,
      race: r.race,
      sex: r.sex,
      ageRange: r.age_range,
      recordedAt: iso(r.created_at)!,
      case: {
        logNumber: r.log_number,
        caseType: r.case_type,
        status: r.case_status,
        receivedAt: iso(r.received_at)!,
        incidentOccurredAt: iso(r.incident_occurred_at),
        categories: r.categories,
        publicFilings: (filings.get(r.case_id) ?? []).map((f) => ({
          filedBy: f.filed_by,
          language: f.language,
          filedAt: iso(f.created_at)!,
        })),
      },
      otherParties: (others.get(r.case_id) ?? []).map((role) => ({ role: role as PartyRole })),
      letters: (letters.get(r.id) ?? []).map((l) => ({
        kind: l.kind,
        language: l.language,
        channel: l.channel,
        status: l.status,
        recipient: decryptRecipient(deps, l),
        subject: l.subject,
        body: l.body,
        createdAt: iso(l.created_at)!,
        sentAt: iso(l.sent_at),
      })),
    }));
    for (const r of rows) {
      // a read of personal data (PRODUCT.md §3 Audit event): which party, which case, never a value
      await recordAudit(
        tx,
        { jurisdiction: deps.jurisdiction, actor, ip: deps.ip, at },
        {
          action: AuditAction.subject_access_export,
          entityType: 'party',
          entityId: r.id,
          caseId: r.case_id,
          changes: { exportedParties: ids.length },
        },
      );
    }
    return { generatedAt: at.toISOString(), scope: SCOPE, records };
  });
}
