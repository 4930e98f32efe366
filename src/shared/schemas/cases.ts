import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  ASSIGNMENT_ROLES,
  CASE_ACTIONS,
  CASE_STATUSES,
  CASE_TYPES,
  CHANNELS,
  DUTY_STATUS_ACTIONS,
  NOTIFICATION_TYPES,
  TRANSITION_REASONS,
} from '../enums.ts';
import {
  DateOnly,
  Instant,
  LogNumber,
  Text,
  Uuid,
  CategoryCode,
  AgencyCode,
  InvestigatingAgencyCode,
  fieldOfChoice,
} from './common.ts';
import { PartyInput, PartyOut } from './parties.ts';
import { ReportedOfficerInput, ReportedOfficerOut } from './officers.ts';
import { AllegationOut, DutyStatusOut } from './allegations.ts';
import { StatementOut } from './statements.ts';
import { PressInquiryOut } from './press-inquiries.ts';
import { PUBLIC_VISIBILITIES, PublicDutyActionOut } from './public.ts';
import { DeadlineOut } from './deadlines.ts';
import { Routing, RoutingReviewOut } from './routing.ts';

/** Orders of the case list. */
export const CASE_SORTS = ['received_desc', 'received_asc', 'log_number'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** Where and when the incident happened. */
export const IncidentInput = z.strictObject({
  /** When the incident happened (the video-release clock runs from here). */
  occurredAt: Instant.optional(),
  /** Street address as reported (exact; the public sees block level only). */
  address: Text(0, 300).optional(),
  /** CPD beat, e.g. `1011`. */
  beat: z
    .string()
    .regex(/^\d{3,4}$/, 'must be a 3- or 4-digit beat')
    .optional(),
  /** CPD district, 3 digits, e.g. `010`. */
  district: z
    .string()
    .regex(/^\d{3}$/, 'must be a 3-digit district like 010')
    .optional(),
  /** Code of a registered facility, e.g. `D010` (the 10th District station). */
  facilityCode: Text(1, 40).optional(),
});

/** Allegation categories as intake records them (the case's `categories`). */
const IntakeCategories = z.array(CategoryCode).max(19);

/** POST /api/v1/cases — intake. */
export const CaseIntakeRequest = z
  .strictObject({
    /** complaint, notification (one of the 8 CPD notification types) or miscellaneous. */
    caseType: z.enum(CASE_TYPES),
    /** How the information reached the office. */
    channel: z.enum(CHANNELS),
    /** When the office received it (the acknowledgement clock runs from here). */
    receivedAt: Instant,
    /** What was reported, in the reporter's words. */
    narrative: Text(1, 50_000),
    /** Incident time and place. */
    incident: IncidentInput.optional(),
    /** Allegation categories known at intake. */
    categories: IntakeCategories.default([]),
    /** Required for caseType `notification`. */
    notificationType: z.enum(NOTIFICATION_TYPES).optional(),
    /** The accused officers are not yet identified. */
    officersUnknown: z.boolean().default(false),
    /** Death or serious bodily injury resulted (MCC 2-78-120(c), (d)). */
    seriousInjuryOrDeath: z.boolean().default(false),
    /** The person was in police custody (MCC 2-78-120(d)). */
    inCustody: z.boolean().default(false),
    /** Other flags known at intake. */
    flags: z.array(z.enum(['bias', 'police_shooting', 'pursuit'])).default([]),
    /** People in the case. */
    parties: z.array(PartyInput).max(50).default([]),
    /** Officers the complainant names; an investigator confirms each into an allegation. */
    reportedOfficers: z.array(ReportedOfficerInput).max(20).default([]),
  })
  .superRefine((v, ctx) => {
    fieldOfChoice(ctx, 'notificationType', v.caseType === 'notification', !!v.notificationType, {
      required: 'is required for a notification',
      only: 'is only for caseType notification',
    });
  });
export type CaseIntakeRequest = z.infer<typeof CaseIntakeRequest>;

/** POST /api/v1/cases response. */
export const CaseIntakeResponse = z.object({
  /** The allocated log number, `YYYY-NNNNNNN`. */
  logNumber: LogNumber,
  /** Current stage. */
  status: z.enum(CASE_STATUSES),
  /** Need-to-know team only (sexual misconduct, domestic violence, minor or shelter resident). */
  restricted: z.boolean(),
  /** Why it is restricted. */
  restrictionReasons: z.array(z.string()),
  /** Where it was routed and why. */
  routing: Routing,
  /** Clocks started at intake. */
  deadlines: z.array(DeadlineOut),
});

/**
 * One thing a staff member may do to a case (enums.ts `CaseAction`): the server's grant table
 * names these, and the web shows an action's form or button exactly when its ability is listed.
 */
export const CaseAbility = z.enum(CASE_ACTIONS);
export type CaseAbility = z.infer<typeof CaseAbility>;

/** Which actions the caller may take on this case, computed by the server's policy. */
export const Abilities = z.object({
  /** What the caller may do here now; nothing else is allowed. */
  actions: z.array(CaseAbility),
  transitions: z.array(
    z.object({
      to: z.enum(CASE_STATUSES),
      reasons: z.array(z.enum(TRANSITION_REASONS)).optional(),
      reasonRequired: z.boolean(),
    }),
  ),
});

/** GET /api/v1/cases/{logNumber}: one case, shaped by the caller's permissions. */
export const CaseOut = z.object({
  logNumber: LogNumber,
  /** `full` for the case team; `public_fields` for public-information officers. */
  view: z.enum(['full', 'public_fields']),
  caseType: z.enum(CASE_TYPES),
  notificationType: z.enum(NOTIFICATION_TYPES).nullable(),
  /** How it arrived; null for imported history (the public releases do not say). */
  channel: z.enum(CHANNELS).nullable().optional(),
  receivedAt: Instant,
  status: z.enum(CASE_STATUSES),
  statusChangedAt: Instant,
  /** Local date the case was closed (final or a closure); null while open, cleared on reopening. */
  closedOn: DateOnly.nullable().optional(),
  categories: z.array(CategoryCode),
  flags: z.array(z.string()).optional(),
  restricted: z.boolean(),
  restrictionReasons: z.array(z.string()).optional(),
  /**
   * The jurisdiction's investigating agencies (its profile's oversight agency and internal
   * affairs), the choices of the agency form: the web holds no agency literal (ADR 0045).
   */
  investigatingAgencies: z.array(InvestigatingAgencyCode),
  leadAgency: z.string(),
  officersUnknown: z.boolean().optional(),
  routing: Routing.optional(),
  routingHistory: z.array(Routing.extend({ jointReason: z.string().nullable() })).optional(),
  /**
   * A re-routing the rules offer but a manager must accept (a case at BIA under a joint
   * determination that a COPA clause now reaches, MCC 2-78-120(b-5)); null when none.
   */
  routingReview: RoutingReviewOut.nullable().optional(),
  incident: z
    .object({
      occurredAt: Instant.nullable(),
      address: z.string().nullable(),
      beat: z.string().nullable(),
      district: z.string().nullable(),
    })
    .optional(),
  facility: z
    .object({ code: z.string(), name: z.string(), shelterSiteOnIncidentDate: z.boolean() })
    .nullable()
    .optional(),
  narrative: z.string().optional(),
  agencies: z.array(
    z.object({
      agency: AgencyCode,
      track: z.enum(['administrative', 'criminal']),
      role: z.enum(['lead', 'parallel', 'referred']),
      addedAt: Instant,
    }),
  ),
  parties: z.array(PartyOut).optional(),
  assignments: z
    .array(
      z.object({
        id: Uuid,
        userId: Uuid,
        email: z.string(),
        displayName: z.string(),
        agency: z.string(),
        role: z.enum(ASSIGNMENT_ROLES),
        assignedAt: Instant,
      }),
    )
    .optional(),
  allegations: z.array(AllegationOut).optional(),
  /** Officers named at intake, waiting for or past an investigator's confirmation. */
  reportedOfficers: z.array(ReportedOfficerOut).optional(),
  activities: z
    .array(
      z.object({
        id: Uuid,
        kind: z.enum(ACTIVITY_KINDS),
        occurredAt: Instant,
        place: z.string().nullable(),
        outcome: z.string().nullable(),
        summary: z.string(),
        memberId: Uuid.nullable(),
        agency: z.string(),
        recordedAt: Instant,
      }),
    )
    .optional(),
  dutyStatus: z.array(DutyStatusOut).optional(),
  statements: z.array(StatementOut),
  pressInquiries: z.array(PressInquiryOut).optional(),
  deadlines: z.array(DeadlineOut).optional(),
  /** Files from the complaint form; only for viewers who may read civilian identities. */
  attachments: z
    .array(
      z.object({
        id: Uuid,
        fileName: z.string(),
        /** The type the file's bytes proved on upload. */
        contentType: z.string(),
        byteSize: z.number().int(),
        sha256: z.string(),
        receivedAt: Instant,
      }),
    )
    .optional(),
  /**
   * Imported cases: the release files that added or changed the case, oldest first, each with
   * the fields it gave (added) or changed (updated). Empty for cases filed in Oversight.
   */
  sourceHistory: z
    .array(
      z.object({
        /** The imported file's name. */
        file: z.string(),
        /** The file kind it was recognised as (complaints_cms, accused_cms, …). */
        kind: z.string(),
        /** SHA-256 of the file as imported. */
        sha256: z.string(),
        /** `added`: the release brought the case; `updated`: it changed these fields. */
        change: z.enum(['added', 'updated']),
        /** Case fields (column names) the file gave or changed. */
        fields: z.array(z.string()),
        at: Instant,
      }),
    )
    .optional(),
  /** Information the complainant added through follow-my-complaint. */
  complainantAdditions: z
    .array(z.object({ id: Uuid, text: z.string(), receivedAt: Instant }))
    .optional(),
  statusHistory: z
    .array(
      z.object({
        from: z.string().nullable(),
        to: z.enum(CASE_STATUSES),
        reason: z.string().nullable(),
        note: z.string().nullable(),
        at: Instant,
      }),
    )
    .optional(),
  /**
   * What the public case page shows of the case's duty status, computed by the portal's own
   * presenter (issue 22 item 1): `dutyStatus` is exactly the public answer's (empty where the
   * page shows none); `withheld` (case-team view only) lists decided actions of disclosed kinds
   * the public is not told of and why (`small_unit`: one member of a unit under
   * `minUnitMembers` on the roster; `case_not_public`: a status-only case).
   */
  publicPreview: z
    .object({
      visibility: z.enum(PUBLIC_VISIBILITIES),
      dutyStatus: z.array(PublicDutyActionOut),
      withheld: z
        .array(
          z.object({
            action: z.enum(DUTY_STATUS_ACTIONS),
            members: z.number().int().positive(),
            effectiveDate: DateOnly,
            reason: z.enum(['small_unit', 'case_not_public']),
          }),
        )
        .optional(),
      minUnitMembers: z.number().int(),
    })
    .optional(),
  abilities: Abilities,
});
export type CaseOut = z.infer<typeof CaseOut>;

/** GET /api/v1/cases query. */
export const CaseListQuery = z.strictObject({
  /** Full text over narratives (English and Spanish). */
  q: Text(1, 200).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  category: CategoryCode.optional(),
  agency: AgencyCode.optional(),
  /** Facility code. */
  facility: Text(0, 40).optional(),
  /** Received on or after this date. */
  from: DateOnly.optional(),
  /** Received on or before this date. */
  to: DateOnly.optional(),
  /** Order; without it, best match first when `q` is given, else newest first. */
  sort: z.enum(CASE_SORTS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const CaseListItem = z.object({
  logNumber: LogNumber,
  caseType: z.enum(CASE_TYPES),
  receivedAt: Instant,
  status: z.enum(CASE_STATUSES),
  categories: z.array(CategoryCode),
  leadAgency: z.string(),
  restricted: z.boolean(),
  facilityCode: z.string().nullable(),
});
export const CaseListResponse = z.object({
  items: z.array(CaseListItem),
  /** Matches: exact when `totalExact`, otherwise a lower bound (the list counts up to 1,000). */
  total: z.number().int(),
  totalExact: z.boolean(),
  /**
   * The order of `items`: `relevance` (best match first) for a search with at most 1,000 matches
   * and no `sort`; otherwise the sort asked for, newest first by default (ADR 0060).
   */
  order: z.enum(['relevance', ...CASE_SORTS]),
});

/** POST /api/v1/cases/{logNumber}/transitions */
export const TransitionRequest = z.strictObject({
  /** Target stage. */
  to: z.enum(CASE_STATUSES),
  /** Reason code; required for closures and reopening. */
  reason: z.enum(TRANSITION_REASONS).optional(),
  /** Free-text note kept in the history. */
  note: Text(0, 2000).optional(),
  /** Optimistic check: the stage the caller saw; a different current stage answers 409. */
  expectedStatus: z.enum(CASE_STATUSES).optional(),
});

/**
 * Incident facts as a correction gives them: intake's validation for each field (one schema, not
 * a copy); a field absent is left as it is, a null clears it.
 */
export const IncidentCorrection = z
  .strictObject({
    /** When the incident happened; the video-release clock is recomputed from it. */
    occurredAt: IncidentInput.shape.occurredAt.unwrap().nullable().optional(),
    /** Street address as reported (exact; the audit keeps it at block level only). */
    address: IncidentInput.shape.address.unwrap().nullable().optional(),
    /** CPD beat, e.g. `1011`. */
    beat: IncidentInput.shape.beat.unwrap().nullable().optional(),
    /** CPD district, 3 digits, e.g. `010`. */
    district: IncidentInput.shape.district.unwrap().nullable().optional(),
    /** Code of a registered facility, e.g. `D010`. */
    facilityCode: IncidentInput.shape.facilityCode.unwrap().nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'give at least one incident fact to correct',
  });

/**
 * PATCH /api/v1/cases/{logNumber} — correct intake facts after intake (issue 15). Only the facts
 * given change; the old values are kept in the audit and the clocks counted from a corrected date
 * are recomputed (docs/domain.md "Corrections").
 */
export const CaseCorrectionRequest = z
  .strictObject({
    /** Corrected incident time and place. */
    incident: IncidentCorrection.optional(),
    /** The corrected intake categories: the whole list, replacing the old one. */
    categories: IntakeCategories.optional(),
    /** How the information reached the office. */
    channel: z.enum(CHANNELS).optional(),
    /** Why the facts are corrected; kept in the audit with the old and new values. */
    reason: Text(1, 2000),
  })
  .refine(
    (v) => v.incident !== undefined || v.categories !== undefined || v.channel !== undefined,
    {
      message: 'give at least one of incident, categories or channel to correct',
    },
  );
export type CaseCorrectionRequest = z.infer<typeof CaseCorrectionRequest>;

/**
 * PATCH /api/v1/cases/{logNumber} response. Not the case itself: a correction that restricts the
 * case may take it out of the corrector's sight (intake does not see need-to-know cases).
 */
export const CaseCorrectionResponse = z.object({
  logNumber: LogNumber,
  /** The fields whose value changed, as the request names them (`incident.occurredAt`). */
  corrected: z.array(z.string()),
  /** Whether the case is restricted after the correction. */
  restricted: z.boolean(),
  /** Clocks recomputed from the corrected facts: the deadline that now runs, per kind. */
  deadlines: z.array(DeadlineOut),
});

/** POST /api/v1/cases/{logNumber}/assignments */
export const AssignmentRequest = z
  .strictObject({
    /** The staff user to assign. */
    userId: Uuid.optional(),
    /** Or their email. */
    email: z.email().optional(),
    role: z.enum(ASSIGNMENT_ROLES),
  })
  .refine((v) => Boolean(v.userId) !== Boolean(v.email), {
    message: 'give exactly one of userId or email',
    path: ['userId'],
  });

/** POST /api/v1/cases/{logNumber}/activities */
export const ActivityRequest = z.strictObject({
  kind: z.enum(ACTIVITY_KINDS),
  occurredAt: Instant,
  place: Text(0, 300).optional(),
  outcome: Text(0, 2000).optional(),
  summary: Text(1, 10_000),
  /** For interviews of a member (member-interview notice). */
  memberId: Uuid.optional(),
});
