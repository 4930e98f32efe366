import { AuditAction, recordReadAudits } from '../audit/audit.ts';
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
  caseChildrenReads,
  findCase,
  type CaseChildren,
  type CaseRow,
} from '../repositories/cases.repository.ts';
import { listDeadlines, type DeadlineRow } from '../repositories/deadlines.repository.ts';
import {
  findFacilityById,
  shelterPeriodOn,
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
import { readTogether } from '../repositories/sql.ts';

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
  // what every view shows; the rest of the case is read only for the full view (ADR 0057)
  const shared = {
    statements: listCaseStatements.read(row.id),
    pressInquiries: listPressInquiries.read(row.id, caseScope(deps.actor), deps.now()),
    publicRow: findPublicCase.read(deps.jurisdiction, logNumber),
  };
  if (view === 'public_fields') {
    const read = await readTogether(deps.db, {
      ...shared,
      agencies: caseChildrenReads(row.id).agencies,
    });
    if (row.restricted) {
      // PRODUCT.md §3: every read of a restricted case is audited, public fields included
      await recordReads(deps, row, logNumber, [{ action: AuditAction.case_read_restricted }]);
    }
    return {
      view,
      row,
      abilities,
      facility: null,
      children: {
        agencies: read.agencies,
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
      statements: read.statements,
      pressInquiries: read.pressInquiries,
      deadlines: [],
      attachments: [],
      complainantAdditions: [],
      sourceHistory: [],
      routingReview: null,
      publicRow: read.publicRow[0],
    };
  }
  const mayReadIdentity = canOnCase(deps.actor, CaseAction.readIdentity, facts);
  // one statement for the whole case: each list a column (ADR 0057)
  const read = await readTogether(deps.db, {
    ...shared,
    ...caseChildrenReads(row.id),
    parties: listParties.read(row.id),
    // file names can identify the person who came forward: not even read for a viewer who may
    // not see identities
    attachments: mayReadIdentity ? listAttachments.read(row.id) : null,
    facility: row.facility_id ? findFacilityById.read(row.facility_id) : null,
    shelterPeriod: row.facility_id
      ? shelterPeriodOn.read(
          row.facility_id,
          localDate(row.incident_occurred_at ?? row.received_at, deps.profile.timeZone),
        )
      : null,
    allegations: listAllegations.read(row.id),
    reportedOfficers: listReportedOfficers.read(row.id),
    findings: listFindings.read(row.id),
    dutyStatus: caseDutyStatus.read(row.id),
    deadlines: listDeadlines.read(row.id),
    complainantAdditions: listComplainantAdditions.read(row.id),
    sourceHistory: caseSourceHistory.read(row.id),
  });
  const facilityRow = read.facility[0];
  const parties = read.parties.map((p): ReadParty => {
    if (!p.identity_enc) {
      return { row: p, identity: null, masked: false };
    }
    // a masked identity is never decrypted (issue 24 item 2)
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
  const attachments = read.attachments.map((a) => ({
    ...a,
    fileName: deps.cipher.decrypt(a.file_name_enc, attachmentContext(a.id, 'file_name')),
  }));
  // each sensitive thing this read shows is audited, against the case, in one transaction
  const reads: AuditedRead[] = [];
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
  await recordReads(deps, row, logNumber, reads);
  return {
    view,
    row,
    abilities,
    facility: facilityRow
      ? { ...facilityRow, shelterSiteOnIncidentDate: read.shelterPeriod.length > 0 }
      : null,
    children: {
      agencies: read.agencies,
      assignments: read.assignments,
      activities: read.activities,
      statusHistory: read.statusHistory,
      routing: read.routing,
    },
    parties,
    allegations: read.allegations,
    reportedOfficers: read.reportedOfficers,
    findings: read.findings,
    dutyStatus: read.dutyStatus,
    statements: read.statements,
    pressInquiries: read.pressInquiries,
    deadlines: read.deadlines,
    attachments,
    complainantAdditions: read.complainantAdditions,
    sourceHistory: read.sourceHistory,
    routingReview,
    publicRow: read.publicRow[0],
  };
}

interface AuditedRead {
  action: AuditAction;
  changes?: Record<string, unknown>;
}

/**
 * Writes the audit rows of one case read (none: nothing is written), committed before the case
 * is answered: outside any transaction, grouped with concurrent reads' rows (ADR 0059).
 */
async function recordReads(
  deps: CommandDeps,
  row: CaseRow,
  logNumber: string,
  reads: readonly AuditedRead[],
): Promise<void> {
  await recordReadAudits(
    deps.db,
    auditContext(deps, deps.now()),
    reads.map((read) => ({ ...read, entityType: 'case', entityId: logNumber, caseId: row.id })),
  );
}
