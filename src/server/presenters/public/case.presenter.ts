import type { z } from 'zod';
import type {
  PublicCaseListItem,
  PublicCaseOut,
  PublicStatementOut,
} from '../../../shared/schemas/public.ts';
import { localDate } from '../../../shared/dates.ts';
import { describePenalty, isPenaltyCode } from '../../domain/findings.ts';
import { publicDutyStatus } from '../../domain/duty-status.ts';
import {
  NARRATIVE_WITHHELD_BASIS,
  publicOutcome,
  publicVisibility,
  type NarrativeWithheldReason,
} from '../../domain/publication.ts';
import type { PublishedNarrative } from '../../redaction/publish.ts';
import type { AgencyRoles, DutyStatusDisclosure } from '../../domain/profiles/profile.ts';
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

type Out<T extends z.ZodType> = z.input<T>;

export function presentPublicStatement(s: PublicStatementRow): Out<typeof PublicStatementOut> {
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
): Out<typeof PublicCaseListItem> {
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

/** What the case page needs besides the row. */
export interface PublicCaseExtras {
  /** The profile's agency roles: whose cases are public. */
  agencies: AgencyRoles;
  /** Which decided duty-status actions the public is told of. */
  dutyStatusDisclosure: DutyStatusDisclosure;
  timeZone: string;
  /** Today's local date, for the 4-year discipline rule (820 ILCS 40/8). */
  today: string;
  statements: PublicStatementRow[];
  narrative: PublishedNarrative | null;
  /** How the published narrative was redacted; null when none is published. */
  narrativeReview: NarrativeReviewMark | null;
  narrativeWithheld: NarrativeWithheldReason | null;
}

/** One case page. */
export function presentPublicCase(
  r: PublicCaseRow,
  x: PublicCaseExtras,
): Out<typeof PublicCaseOut> {
  const visibility = publicVisibility(
    {
      leadAgency: r.lead_agency,
      agencies: r.agencies.map((a) => a.agency),
      restricted: r.restricted,
    },
    x.agencies,
  );
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
  // restricted cases included: it names no one (issue 22 item 1). Not on a case the oversight
  // agency does not publish (status only): when unsure, it is not shown.
  const dutyStatus = publicDutyStatus(
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
  if (visibility === 'category_and_status') {
    return { ...base, categories, dutyStatus };
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
    agencies: r.agencies.map((a) => ({ agency: a.agency, track: a.track, role: a.role })),
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
