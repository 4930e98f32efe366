import type { Presented } from '../presented.ts';
import type { CaseIntakeResponse, CaseListItem, CaseOut } from '../../../shared/schemas/cases.ts';
import type { DutyStatusOut } from '../../../shared/schemas/allegations.ts';
import type { DeadlineOut } from '../../../shared/schemas/deadlines.ts';
import type { MemberRef } from '../../../shared/schemas/officers.ts';
import type { StatementOut } from '../../../shared/schemas/statements.ts';
import { presentPressInquiry } from './press-inquiry.presenter.ts';
import type { CaseDetail } from '../../commands/read-case.ts';
import type { FiledCase } from '../../commands/file-case.ts';
import type { CaseListRow } from '../../repositories/case-list.repository.ts';
import { deadlineBasis } from '../../domain/deadline-basis.ts';
import { vocabulariesOf, type JurisdictionProfile } from '../../domain/profiles/profile.ts';
import {
  deadlineBasisFacts,
  type DeadlineBasisRow,
  type DeadlineRow,
} from '../../repositories/deadlines.repository.ts';
import type { DutyStatusRow } from '../../repositories/members.repository.ts';
import type { PublicCaseRow } from '../../repositories/portal-cases.repository.ts';
import type { StatementRow } from '../../repositories/statements.repository.ts';
import { iso, isoRequired } from '../../repositories/sql.ts';
import { presentPublicDutyStatus } from '../public/case.presenter.ts';

/**
 * The clock a deadline is — which, when it falls due, its basis and clause — as the case page and
 * the dashboard show it; the basis is written from its codes in both languages, not read from
 * the row.
 */
export function presentDeadlineClock(
  d: DeadlineBasisRow & { due_date: string; due_at: Date | string },
  profile: JurisdictionProfile,
) {
  const basis = deadlineBasis(deadlineBasisFacts(d), profile);
  return {
    kind: d.kind,
    sequence: d.sequence,
    dueDate: d.due_date,
    dueAt: isoRequired(d.due_at),
    basisCode: basis.code,
    basis: basis.en,
    basisEs: basis.es,
    clause: d.clause,
  };
}

/** One deadline of the case: its clock, what it runs from, and what became of it. */
export function presentDeadline(
  d: DeadlineRow,
  profile: JurisdictionProfile,
): Presented<typeof DeadlineOut> {
  return {
    id: d.id,
    ...presentDeadlineClock(d, profile),
    anchor: { kind: d.anchor_kind, date: d.anchor_date },
    metAt: iso(d.met_at),
    supersededAt: iso(d.superseded_at),
    supersededBy: d.superseded_by,
    extensions: d.extensions.map((e) => ({
      days: e.days,
      dayKind: e.day_kind,
      newDueDate: e.new_due_date,
      reason: e.reason,
      grantedAt: isoRequired(e.granted_at),
      grantedBy: e.granted_by,
    })),
  };
}

export function presentStatement(s: StatementRow): Presented<typeof StatementOut> {
  return {
    id: s.id,
    logNumbers: s.log_numbers,
    language: s.language,
    text: s.text,
    translationOf: s.translation_of,
    translationId: s.translation_id,
    status: s.status,
    createdAt: isoRequired(s.created_at),
    author: s.author_name,
    authorId: s.created_by,
    reviewedAt: iso(s.reviewed_at),
    reviewer: s.reviewer_name,
    publishedAt: iso(s.published_at),
  };
}

export function presentDutyStatus(d: DutyStatusRow): Presented<typeof DutyStatusOut> {
  return {
    id: d.id,
    memberId: d.member_id,
    logNumber: d.log_number,
    action: d.action,
    stage: d.stage,
    recommendationId: d.recommendation_id,
    decidedBy: d.decided_by,
    reason: d.reason,
    effectiveAt: isoRequired(d.effective_at),
    badgeSurrendered: d.badge_surrendered,
    weaponSurrendered: d.weapon_surrendered,
    agency: d.agency,
    recordedAt: isoRequired(d.recorded_at),
    recordedBy: d.recorded_by_email,
  };
}

export function presentFiledCase(f: FiledCase): Presented<typeof CaseIntakeResponse> {
  return {
    logNumber: f.logNumber,
    status: f.status,
    restricted: f.restricted,
    restrictionReasons: f.restrictionReasons,
    routing: {
      agency: f.routing.agency,
      clause: f.routing.clause,
      rule: f.routing.rule,
      explanation: f.routing.explanation,
      explanationEs: f.routing.explanationEs,
      decidedAt: f.routing.decidedAt,
    },
    deadlines: f.deadlines.map((d) => ({
      id: d.id,
      kind: d.kind,
      sequence: d.sequence,
      dueDate: d.dueDate,
      dueAt: d.dueAt,
      anchor: d.anchor,
      basisCode: d.basisCode,
      basis: d.basis,
      basisEs: d.basisEs,
      clause: d.clause,
      metAt: null,
      supersededAt: null,
      supersededBy: null,
      extensions: [],
    })),
  };
}

export function presentCaseListItem(r: CaseListRow): Presented<typeof CaseListItem> {
  return {
    logNumber: r.log_number,
    caseType: r.case_type as 'complaint',
    receivedAt: isoRequired(r.received_at),
    status: r.status,
    categories: r.categories,
    leadAgency: r.lead_agency,
    restricted: r.restricted,
    facilityCode: r.facility_code,
  };
}

/** A roster member joined onto a case row (an allegation's, a reported officer's). */
function memberRef(
  id: string,
  m: {
    member_star: string | null;
    member_first_name: string | null;
    member_last_name: string | null;
    member_rank: string | null;
  },
): Presented<typeof MemberRef> {
  return {
    id,
    star: m.member_star,
    firstName: m.member_first_name ?? '',
    lastName: m.member_last_name ?? '',
    rank: m.member_rank,
  };
}

/**
 * The preview of the case's public duty-status answer (issue 22 item 1): the portal presenter's
 * own output, so what the public-information officer sees is what the public will see. Every
 * viewer of the case sees what is public; only the case team, who see the ledger anyway, see
 * what is withheld and why.
 */
function presentPublicPreview(
  row: PublicCaseRow,
  view: CaseDetail['view'],
  profile: JurisdictionProfile,
): NonNullable<Presented<typeof CaseOut>['publicPreview']> {
  const rule = profile.dutyStatusDisclosure;
  const shown = presentPublicDutyStatus(row, {
    agencies: profile.agencyRoles,
    dutyStatusDisclosure: rule,
    timeZone: profile.timeZone,
  });
  return {
    visibility: shown.visibility,
    dutyStatus: shown.dutyStatus ?? [],
    ...(view === 'full' ? { withheld: shown.withheld } : {}),
    minUnitMembers: rule.minUnitMembers,
  };
}

/**
 * The staff view of one case. `public_fields` viewers (public information) get only what the
 * public portal could show plus statements; the response schema strips anything undeclared.
 */
export function presentCase(
  d: CaseDetail,
  profile: JurisdictionProfile,
): Presented<typeof CaseOut> {
  const r = d.row;
  const latestRouting = d.children.routing.at(-1);
  const base = {
    logNumber: r.log_number,
    view: d.view,
    caseType: r.case_type as 'complaint',
    notificationType: r.notification_type as null,
    receivedAt: isoRequired(r.received_at),
    status: r.status,
    statusChangedAt: isoRequired(r.status_changed_at),
    categories: r.categories as Array<'miscellaneous'>,
    restricted: r.restricted,
    leadAgency: r.lead_agency,
    investigatingAgencies: [...vocabulariesOf(profile).investigatingAgencies],
    agencies: d.children.agencies.map((a) => ({
      agency: a.agency,
      track: a.track as 'criminal',
      role: a.role as 'lead',
      addedAt: isoRequired(a.added_at),
    })),
    ...(d.publicRow ? { publicPreview: presentPublicPreview(d.publicRow, d.view, profile) } : {}),
    statements: d.statements
      .filter(
        (s) =>
          d.view === 'full' ||
          s.status === 'published' ||
          d.abilities.actions.includes('case.draft_statement'),
      )
      .map(presentStatement),
    abilities: d.abilities,
  };
  if (d.view === 'public_fields') {
    return {
      ...base,
      pressInquiries: d.pressInquiries.map(presentPressInquiry),
    };
  }
  const findingsByAllegation = new Map<string, CaseDetail['findings']>();
  for (const f of d.findings) {
    findingsByAllegation.set(f.allegation_id, [
      ...(findingsByAllegation.get(f.allegation_id) ?? []),
      f,
    ]);
  }
  return {
    ...base,
    channel: r.channel as 'phone',
    closedOn: r.closed_on,
    flags: r.flags,
    restrictionReasons: r.restriction_reasons,
    officersUnknown: r.officers_unknown,
    ...(latestRouting
      ? {
          routing: {
            agency: latestRouting.agency,
            clause: latestRouting.clause,
            rule: latestRouting.rule,
            explanation: latestRouting.explanation,
            explanationEs: latestRouting.explanation_es,
            decidedAt: isoRequired(latestRouting.decided_at),
          },
        }
      : {}),
    routingHistory: d.children.routing.map((x) => ({
      agency: x.agency,
      clause: x.clause,
      rule: x.rule,
      explanation: x.explanation,
      explanationEs: x.explanation_es,
      decidedAt: isoRequired(x.decided_at),
      jointReason: x.joint_reason,
    })),
    routingReview: d.routingReview,
    incident: {
      occurredAt: iso(r.incident_occurred_at),
      address: r.incident_address,
      beat: r.incident_beat,
      district: r.incident_district,
    },
    facility: d.facility
      ? {
          code: d.facility.code,
          name: d.facility.name,
          shelterSiteOnIncidentDate: d.facility.shelterSiteOnIncidentDate,
        }
      : null,
    narrative: r.narrative,
    parties: d.parties.map((p) => ({
      id: p.row.id,
      role: p.row.role as 'victim',
      anonymous: p.row.anonymous,
      identity: p.identity,
      identityMasked: p.masked,
      consentScope: p.row.consent_scope,
      language: p.row.language,
      contactChannel: p.row.contact_channel,
      contactSafety: p.row.contact_safety,
      vulnerabilities: p.row.vulnerabilities as Array<'minor'>,
      createdAt: isoRequired(p.row.created_at),
    })),
    assignments: d.children.assignments.map((a) => ({
      id: a.id,
      userId: a.user_id,
      email: a.email,
      displayName: a.display_name,
      agency: a.agency,
      role: a.role,
      assignedAt: isoRequired(a.assigned_at),
    })),
    allegations: d.allegations.map((a) => ({
      id: a.id,
      member: a.member_id ? memberRef(a.member_id, a) : null,
      category: a.category as 'miscellaneous',
      summary: a.summary,
      recommendedFinding: a.recommended_finding,
      recommendedPenalty: a.recommended_penalty,
      finalFinding: a.final_finding,
      finalPenalty: a.final_penalty,
      history: (findingsByAllegation.get(a.id) ?? []).map((f) => ({
        stage: f.stage,
        finding: f.finding,
        penalty: f.penalty,
        agency: f.agency,
        recordedAt: isoRequired(f.recorded_at),
        decidedOn: f.decided_on,
        recordedBy: f.recorded_by_email,
      })),
      createdAt: isoRequired(a.created_at),
    })),
    reportedOfficers: d.reportedOfficers.map((o) => ({
      id: o.id,
      member: o.member_id
        ? {
            ...memberRef(o.member_id, o),
            unit: o.member_unit,
            appointedDate: o.member_appointed_date,
          }
        : null,
      name: o.name_as_given,
      star: o.star,
      description: o.description,
      source: o.source,
      status: o.status,
      allegationId: o.allegation_id,
      resolutionNote: o.resolution_note,
      resolvedAt: iso(o.resolved_at),
      reportedAt: isoRequired(o.created_at),
    })),
    activities: d.children.activities.map((a) => ({
      id: a.id,
      kind: a.kind as 'note',
      occurredAt: isoRequired(a.occurred_at),
      place: a.place,
      outcome: a.outcome,
      summary: a.summary,
      memberId: a.member_id,
      agency: a.agency,
      recordedAt: isoRequired(a.recorded_at),
    })),
    dutyStatus: d.dutyStatus.map(presentDutyStatus),
    pressInquiries: d.pressInquiries.map(presentPressInquiry),
    deadlines: d.deadlines.map((x) => presentDeadline(x, profile)),
    attachments: d.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      contentType: a.content_type,
      byteSize: a.byte_size,
      sha256: a.sha256,
      receivedAt: isoRequired(a.received_at),
    })),
    sourceHistory: d.sourceHistory.map((h) => ({
      file: h.file_name,
      kind: h.kind,
      sha256: h.file_sha256,
      change: h.change,
      fields: h.fields,
      at: isoRequired(h.changed_at),
    })),
    complainantAdditions: d.complainantAdditions.map((x) => ({
      id: x.id,
      text: x.text,
      receivedAt: isoRequired(x.received_at),
    })),
    statusHistory: d.children.statusHistory.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      reason: h.reason,
      note: h.note,
      at: isoRequired(h.at),
    })),
  };
}
