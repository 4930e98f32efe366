import { AuditAction, recordAudit } from '../audit/audit.ts';
import {
  caseAbilities,
  caseScope,
  caseView,
  canOnCase,
  CaseAction,
  type CaseView,
} from '../policies/case.policy.ts';
import {
  listAllegations,
  listFindings,
  type AllegationRow,
  type FindingRow,
} from '../repositories/allegations.repository.ts';
import {
  findCase,
  listCaseChildren,
  type CaseChildren,
  type CaseRow,
} from '../repositories/cases.repository.ts';
import { listDeadlines, type DeadlineRow } from '../repositories/deadlines.repository.ts';
import {
  findFacilityById,
  wasShelterSite,
  type FacilityRow,
} from '../repositories/facilities.repository.ts';
import { caseDutyStatus, type DutyStatusRow } from '../repositories/members.repository.ts';
import { listParties, type PartyRow } from '../repositories/parties.repository.ts';
import {
  listReportedOfficers,
  type ReportedOfficerRow,
} from '../repositories/reported-officers.repository.ts';
import { listCaseStatements, type StatementRow } from '../repositories/statements.repository.ts';
import {
  listPressInquiries,
  type PressInquiryRow,
} from '../repositories/press-inquiries.repository.ts';
import { localDate } from '../../shared/dates.ts';
import { NotFoundError } from '../errors.ts';
import { auditContext, type CommandDeps } from './context.ts';
import { decryptIdentity } from '../security/party-identity.ts';
import { attachmentContext } from './attachments.ts';
import { routingReviewFor, type RoutingReview } from './reroute-case.ts';
import {
  listAttachments,
  listComplainantAdditions,
  type AttachmentListRow,
  type ComplainantAdditionRow,
} from '../repositories/attachments.repository.ts';
import { caseSourceHistory } from '../repositories/import-cases.repository.ts';
import { findPublicCase, type PublicCaseRow } from '../repositories/portal-cases.repository.ts';

/** A party with its identity decrypted only when the viewer may see it. */
export interface ReadParty {
  row: PartyRow;
  identity: Record<string, string> | null;
  masked: boolean;
}

/** Everything the staff case presenter needs. */
export interface CaseDetail {
  view: Exclude<CaseView, 'none'>;
  row: CaseRow;
  abilities: ReturnType<typeof caseAbilities>;
  facility: (FacilityRow & { shelterSiteOnIncidentDate: boolean }) | null;
  children: CaseChildren;
  parties: ReadParty[];
  allegations: AllegationRow[];
  /** Officers named at intake (docs/domain.md "Reported officers"); empty for public fields. */
  reportedOfficers: ReportedOfficerRow[];
  findings: FindingRow[];
  dutyStatus: DutyStatusRow[];
  statements: StatementRow[];
  pressInquiries: PressInquiryRow[];
  deadlines: DeadlineRow[];
  /** Files from the complaint form, names decrypted; empty unless the viewer may read identities. */
  attachments: Array<AttachmentListRow & { fileName: string }>;
  /** What the complainant added through follow-my-complaint. */
  complainantAdditions: ComplainantAdditionRow[];
  /** Imported cases: each release file that added or changed the case, and which fields. */
  sourceHistory: Awaited<ReturnType<typeof caseSourceHistory>>;
  /** The re-routing offered on the case, waiting for a manager (docs/domain.md "Re-routing"). */
  routingReview: RoutingReview | null;
  /**
   * The case as the portal reads it (portal-cases.repository.ts), for the preview of its public
   * answer (issue 22 item 1): the same row the public case page is presented from.
   */
  publicRow: PublicCaseRow | undefined;
}

/**
 * Reads one case for a staff member. Invisible cases are 404. Reading a restricted case (in any
 * view, public fields included), and decrypting anyone's identity, writes an audit row
 * (PRODUCT.md §3 Audit event).
 */
export async function readCase(deps: CommandDeps, logNumber: string): Promise<CaseDetail> {
  const found = await findCase(deps.db, deps.jurisdiction, logNumber);
  const view = found ? caseView(deps.actor, found.facts) : 'none';
  if (!found || view === 'none') {
    throw new NotFoundError(`Case ${logNumber}`, 'case_not_found');
  }
  const { row, facts } = found;
  const routingReview = view === 'full' ? await routingReviewFor(deps.db, row, deps.profile) : null;
  const granted = caseAbilities(deps.actor, facts);
  // accepting a re-routing is announced only while one is offered, like a transition only when
  // some move is open
  const abilities = routingReview
    ? granted
    : {
        ...granted,
        actions: granted.actions.filter((a) => a !== CaseAction.acceptRerouting),
      };
  const statements = await listCaseStatements(deps.db, row.id);
  const facilityRow = row.facility_id
    ? await findFacilityById(deps.db, row.facility_id)
    : undefined;
  const facility = facilityRow
    ? {
        ...facilityRow,
        shelterSiteOnIncidentDate: await wasShelterSite(
          deps.db,
          facilityRow.id,
          localDate(row.incident_occurred_at ?? row.received_at, deps.profile.timeZone),
        ),
      }
    : null;
  if (view === 'public_fields') {
    if (row.restricted) {
      // PRODUCT.md §3: every read of a restricted case is audited, public fields included
      const now = deps.now();
      await deps.db.transaction(async (tx) => {
        await recordAudit(tx, auditContext(deps, now), {
          action: AuditAction.case_read_restricted,
          entityType: 'case',
          entityId: logNumber,
          caseId: row.id,
        });
      });
    }
    return {
      view,
      row,
      abilities,
      facility: null,
      children: {
        agencies: (await listCaseChildren(deps.db, row.id)).agencies,
        assignments: [],
        activities: [],
        statusHistory: [],
        routing: [],
      },
      parties: [],
      allegations: [],
      reportedOfficers: [],
      findings: [],
      dutyStatus: [],
      statements,
      pressInquiries: await listPressInquiries(deps.db, row.id, caseScope(deps.actor), deps.now()),
      deadlines: [],
      attachments: [],
      complainantAdditions: [],
      sourceHistory: [],
      routingReview: null,
      publicRow: await findPublicCase(deps.db, deps.jurisdiction, logNumber),
    };
  }
  const mayReadIdentity = canOnCase(deps.actor, CaseAction.readIdentity, facts);
  const partyRows = await listParties(deps.db, row.id);
  const parties = partyRows.map((p): ReadParty => {
    if (!p.identity_enc) {
      return { row: p, identity: null, masked: false };
    }
    if (!mayReadIdentity) {
      return { row: p, identity: null, masked: true };
    }
    return {
      row: p,
      identity: decryptIdentity<Record<string, string>>(deps.cipher, p),
      masked: false,
    };
  });
  const decrypted = parties.filter((p) => p.identity !== null).map((p) => p.row.id);
  const attachments = mayReadIdentity
    ? (await listAttachments(deps.db, row.id)).map((a) => ({
        ...a,
        fileName: deps.cipher.decrypt(a.file_name_enc, attachmentContext(a.id, 'file_name')),
      }))
    : [];
  // each sensitive thing this read shows is audited, against the case, in one transaction
  const reads: { action: AuditAction; changes?: Record<string, unknown> }[] = [];
  if (row.restricted) {
    reads.push({ action: AuditAction.case_read_restricted });
  }
  if (decrypted.length > 0) {
    reads.push({ action: AuditAction.party_identity_read, changes: { parties: decrypted } });
  }
  if (attachments.length > 0) {
    // a file name can identify the person who came forward: its read is audited too
    const changes = { attachments: attachments.map((a) => a.id), content: false };
    reads.push({ action: AuditAction.attachment_read, changes });
  }
  if (reads.length > 0) {
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      for (const read of reads) {
        await recordAudit(tx, auditContext(deps, now), {
          ...read,
          entityType: 'case',
          entityId: logNumber,
          caseId: row.id,
        });
      }
    });
  }
  const [
    children,
    allegations,
    reportedOfficers,
    findings,
    dutyStatus,
    pressInquiries,
    deadlines,
    complainantAdditions,
    sourceHistory,
    publicRow,
  ] = await Promise.all([
    listCaseChildren(deps.db, row.id),
    listAllegations(deps.db, row.id),
    listReportedOfficers(deps.db, row.id),
    listFindings(deps.db, row.id),
    caseDutyStatus(deps.db, row.id),
    listPressInquiries(deps.db, row.id, caseScope(deps.actor), deps.now()),
    listDeadlines(deps.db, row.id),
    listComplainantAdditions(deps.db, row.id),
    caseSourceHistory(deps.db, row.id),
    findPublicCase(deps.db, deps.jurisdiction, logNumber),
  ]);
  return {
    view,
    row,
    abilities,
    facility,
    children,
    parties,
    allegations,
    reportedOfficers,
    findings,
    dutyStatus,
    statements,
    pressInquiries,
    deadlines,
    attachments,
    complainantAdditions,
    sourceHistory,
    routingReview,
    publicRow,
  };
}
