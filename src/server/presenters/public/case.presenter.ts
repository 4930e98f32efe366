import type { Presented } from '../presented.ts';
import type {
  PublicCaseListItem,
  PublicCaseOut,
  PublicStatementOut,
  PublicVisibility,
} from '../../../shared/schemas/public.ts';
import { localDate } from '../../../shared/dates.ts';
import { describePenalty, isPenaltyCode } from '../../domain/findings.ts';
import {
  judgeDutyStatus,
  type PublicDutyAction,
  type WithheldDutyAction,
} from '../../domain/duty-status.ts';
import {
  NARRATIVE_WITHHELD_BASIS,
  publicOutcome,
  publicVisibility,
  type NarrativeWithheldReason,
} from '../../domain/publication.ts';
import type { PublishedNarrative } from '../../redaction/publish.ts';
import type {
  AgencyProfile,
  AgencyRoles,
  DutyStatusDisclosure,
} from '../../domain/profiles/profile.ts';
import { NARRATIVE_REVIEW_NOTE, type NarrativeReviewMark } from '../../domain/narrative-review.ts';
import { allegationOutcome } from '../../repositories/allegations.repository.ts';
import type {
  PublicCaseListRow,
  PublicCaseRow,
} from '../../repositories/portal-cases.repository.ts';
import type { PublicStatementRow } from '../../repositories/statements.repository.ts';
import { isoRequired } from '../../repositories/sql.ts';

/*
 * Public presenters: explicit allowlists, built field by field from what publicVisibility()
 * allows. They never receive party rows, and never reuse a staff presenter (STYLE.md §2.12).
 */

export function presentPublicStatement(
  s: PublicStatementRow,
): Presented<typeof PublicStatementOut> {
  return {
    id: s.id,
    logNumbers: s.log_numbers,
    language: s.language,
    text: s.text,
    translationOf: s.translation_of,
    translationId: s.translation_id,
    publishedAt: isoRequired(s.published_at),
  };
}

/** One row of the portal list. */
export function presentPublicListItem(
  r: PublicCaseListRow,
  timeZone: string,
  agencies: AgencyRoles,
): Presented<typeof PublicCaseListItem> {
  const visibility = publicVisibility(
    {
      leadAgency: r.lead_agency,
      agencies: r.copa ? [agencies.oversight] : [],
      restricted: r.restricted,
    },
    agencies,
  );
  const base = { logNumber: r.log_number, visibility, status: r.status };
  if (visibility === 'status_only') {
    return base;
  }
  const categories = r.categories;
  if (visibility === 'category_and_status') {
    return { ...base, categories };
  }
  return {
    ...base,
    categories,
    receivedDate: localDate(r.received_at, timeZone),
    leadAgency: r.lead_agency,
    closedOn: r.closed_on,
  };
}

/** What the duty-status part of the case page needs besides the row. */
export interface PublicDutyExtras {
  /** The profile's agency roles: whose cases are public. */
  agencies: AgencyRoles;
  /** Which decided duty-status actions the public is told of. */
  dutyStatusDisclosure: DutyStatusDisclosure;
  timeZone: string;
}

/** What the case page needs besides the row. */
export interface PublicCaseExtras extends PublicDutyExtras {
  /** The profile's agencies by code: their names as the public reads them. */
  agencyNames: Readonly<Record<string, AgencyProfile>>;
  /** Today's local date, for the 4-year discipline rule (820 ILCS 40/8). */
  today: string;
  statements: PublicStatementRow[];
  narrative: PublishedNarrative | null;
  /** How the published narrative was redacted; null when none is published. */
  narrativeReview: NarrativeReviewMark | null;
  narrativeWithheld: NarrativeWithheldReason | null;
}

/** A case's public visibility (domain/publication.ts publicVisibility) from its portal row. */
function visibilityOf(
  r: Pick<PublicCaseRow, 'lead_agency' | 'agencies' | 'restricted'>,
  agencies: AgencyRoles,
): PublicVisibility {
  return publicVisibility(
    {
      leadAgency: r.lead_agency,
      agencies: r.agencies.map((a) => a.agency),
      restricted: r.restricted,
    },
    agencies,
  );
}

/**
 * The duty-status part of a case's public answer, with what it withholds and why (issue 22 item
 * 1). The portal's case page and the staff's preview of it (staff case presenter) both come from
 * here, so the preview is the public answer, not a copy of its rule. `dutyStatus` is undefined
 * where the page has no such part (a status-only case: when unsure, not shown); `withheld` is
 * for staff only and never leaves through the public door.
 */
export function presentPublicDutyStatus(
  r: Pick<PublicCaseRow, 'lead_agency' | 'agencies' | 'restricted' | 'duty_status'>,
  x: PublicDutyExtras,
): {
  visibility: PublicVisibility;
  dutyStatus: PublicDutyAction[] | undefined;
  withheld: WithheldDutyAction[];
} {
  const visibility = visibilityOf(r, x.agencies);
  const judged = judgeDutyStatus(
    r.duty_status.map((d) => ({
      memberId: d.member_id,
      action: d.action,
      stage: d.stage,
      effectiveAt: new Date(d.effective_at),
      unitMembers: Number(d.unit_members),
    })),
    x.dutyStatusDisclosure,
    x.timeZone,
  );
  if (visibility === 'status_only') {
    const all = [...judged.shown, ...judged.withheld].sort((a, b) =>
      a.effectiveDate.localeCompare(b.effectiveDate),
    );
    return {
      visibility,
      dutyStatus: undefined,
      withheld: all.map((a) => ({
        action: a.action,
        members: a.members,
        effectiveDate: a.effectiveDate,
        reason: 'case_not_public' as const,
      })),
    };
  }
  return { visibility, dutyStatus: judged.shown, withheld: judged.withheld };
}

/**
 * The agencies working a case and their tracks, by the profile's names for them (issue 22 item
 * 4): which offices investigate and how (administrative, criminal), never who. Shown for a case
 * the portal describes, restricted ones included; a status-only case shows none (PRODUCT.md §4:
 * "the log number and status only").
 */
function presentPublicAgencies(
  r: Pick<PublicCaseRow, 'agencies'>,
  names: Readonly<Record<string, AgencyProfile>>,
): NonNullable<Presented<typeof PublicCaseOut>['agencies']> {
  return r.agencies.map((a) => ({
    agency: a.agency,
    agencyName: names[a.agency]?.name.en ?? a.agency,
    agencyNameEs: names[a.agency]?.name.es ?? a.agency,
    track: a.track,
    role: a.role,
  }));
}

/**
 * One case page. What each visibility shows (docs/public-portal.md "What a case shows"): a
 * status-only case its stage; a restricted case also its categories, agencies and tracks and
 * disclosed duty-status actions (each with its effective date), but **no stage date and no date
 * received**: publicVisibility() gives a restricted case "category and status only", and those
 * dates would date the events of a case the law protects (when unsure, not shown); a full case
 * everything below.
 */
export function presentPublicCase(
  r: PublicCaseRow,
  x: PublicCaseExtras,
): Presented<typeof PublicCaseOut> {
  const { visibility, dutyStatus } = presentPublicDutyStatus(r, x);
  const base = {
    logNumber: r.log_number,
    visibility,
    status: r.status,
    statements: x.statements.map(presentPublicStatement),
  };
  if (visibility === 'status_only') {
    return base;
  }
  const categories = r.categories;
  const agencies = presentPublicAgencies(r, x.agencyNames);
  if (visibility === 'category_and_status') {
    return { ...base, categories, dutyStatus, agencies };
  }
  const received = localDate(r.received_at, x.timeZone);
  const vulnerable = r.flags.includes('vulnerable_party');
  return {
    ...base,
    categories,
    dutyStatus,
    caseType: r.case_type as 'complaint',
    receivedDate: received,
    incidentDate: r.incident_occurred_at ? localDate(r.incident_occurred_at, x.timeZone) : null,
    // where a vulnerable party was is not published, not even the district (PRODUCT.md §4)
    district: vulnerable ? null : r.incident_district,
    closedOn: r.closed_on,
    leadAgency: r.lead_agency,
    agencies,
    statusHistory: r.history.map((h) => ({
      status: h.status,
      date: localDate(new Date(h.at), x.timeZone),
    })),
    narrative: x.narrative,
    narrativeReview: x.narrativeReview,
    narrativeReviewNote: x.narrativeReview && NARRATIVE_REVIEW_NOTE[x.narrativeReview].en,
    narrativeReviewNoteEs: x.narrativeReview && NARRATIVE_REVIEW_NOTE[x.narrativeReview].es,
    narrativeWithheld: x.narrativeWithheld,
    narrativeWithheldBasis: x.narrativeWithheld && NARRATIVE_WITHHELD_BASIS[x.narrativeWithheld].en,
    narrativeWithheldBasisEs:
      x.narrativeWithheld && NARRATIVE_WITHHELD_BASIS[x.narrativeWithheld].es,
    allegations: r.allegations.map((a) => {
      const outcome = publicOutcome(r.status, allegationOutcome(a), x.today);
      // a code with its words (issue 23 item 12): the labels live with the codes
      const label =
        outcome.penalty !== null && isPenaltyCode(outcome.penalty)
          ? describePenalty(outcome.penalty)
          : null;
      return {
        category: a.category,
        ...outcome,
        penaltyLabel: label?.en ?? null,
        penaltyLabelEs: label?.es ?? null,
      };
    }),
  };
}
