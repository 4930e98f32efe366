import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  ASSIGNMENT_ROLES,
  CASE_ACTIONS,
  CASE_STATUSES,
  CASE_TYPES,
  CHANNELS,
  NOTIFICATION_TYPES,
  PARTY_ROLES,
  REPORTED_OFFICER_SOURCES,
  REPORTED_OFFICER_STATUSES,
  TRANSITION_REASONS,
  VULNERABILITIES,
} from '../enums.ts';
import {
  ANONYMOUS_CONFLICT_MESSAGE,
  anonymityConflicts,
  AgencyCode,
  InvestigatingAgencyCode,
  CategoryCode,
  FindingCode,
  DateOnly,
  DeadlineBasisFields,
  Instant,
  LanguageCode,
  LogNumber,
  Text,
  Uuid,
} from './common.ts';

/** Orders of the case list. */
export const CASE_SORTS = ['received_desc', 'received_asc', 'log_number'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

const PenaltyCode = z.string().regex(/^\d{3}$/, 'must be a 3-digit CPD penalty code');

/** Contact-safety preferences: how (and whether) the office may reach the person. */
export const ContactSafety = z.strictObject({
  /** May letters be sent to a shelter or shared address? */
  lettersToShelter: z.boolean().optional(),
  /** May the office leave voicemail? */
  voicemailOk: z.boolean().optional(),
  /** Only contact through the intermediary who filed. */
  throughIntermediaryOnly: z.boolean().optional(),
  /** Free-text safety notes for the case team. */
  notes: Text(0, 2000).optional(),
});

/** A complainant, victim, witness, reporting party or intermediary. No immigration status, ever. */
export const PartyInput = z
  .strictObject({
    /** The party's role in the case. */
    role: z.enum(PARTY_ROLES),
    /** True when the person did not give, or asked to withhold, their identity. */
    anonymous: z.boolean().default(false),
    /** Full name (encrypted at rest). */
    name: Text(1, 200).optional(),
    /** Phone number (encrypted at rest). */
    phone: Text(3, 40).optional(),
    /** Email (encrypted at rest). */
    email: z.email().max(254).optional(),
    /** Postal address (encrypted at rest). */
    address: Text(0, 300).optional(),
    /** Date of birth (encrypted at rest). */
    dateOfBirth: DateOnly.optional(),
    /** For intermediaries: the organization filing (encrypted at rest). */
    organization: Text(0, 200).optional(),
    /** For intermediaries: what the person consented to them doing. */
    consentScope: Text(0, 500).optional(),
    /** Preferred language, ISO 639-1 (`es`). */
    language: LanguageCode.optional(),
    /** Preferred contact channel. */
    contactChannel: z
      .enum(['phone', 'email', 'mail', 'in_person', 'through_intermediary', 'none'])
      .optional(),
    /** Contact-safety preferences. */
    contactSafety: ContactSafety.optional(),
    /** Vulnerability flags; `minor` and `shelter_resident` restrict the case. */
    vulnerabilities: z.array(z.enum(VULNERABILITIES)).max(10).default([]),
    /** Demographics only as public releases publish them. */
    race: Text(0, 60).optional(),
    sex: Text(0, 30).optional(),
    ageRange: Text(0, 20).optional(),
  })
  .superRefine((p, ctx) => {
    for (const field of anonymityConflicts(p.anonymous, p)) {
      ctx.addIssue({ code: 'custom', path: [field], message: ANONYMOUS_CONFLICT_MESSAGE });
    }
  });
export type PartyInput = z.infer<typeof PartyInput>;

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

/** A star (badge) number as a person gives it. */
export const Star = z.string().regex(/^\d{1,6}$/, 'must be a star number of up to 6 digits');

/**
 * An officer as the complainant describes them, without the roster: name as given, star if
 * known, a description. The fields of the public form's officer; staff intake adds the roster id.
 */
export const OfficerAsGiven = z.strictObject({
  /** The name as the complainant gave it (`Officer Smith`). */
  name: Text(1, 200).optional(),
  /** Star (badge) number, if known. */
  star: Star.optional(),
  /** What the person remembers: appearance, unit, car number, role in the incident. */
  description: Text(1, 2000).optional(),
});

/** A reported officer must say something: an officer with no field at all is not recorded. */
function somethingGiven(o: Record<string, unknown>): boolean {
  return Object.values(o).some((v) => v !== undefined);
}

/**
 * An officer the complainant names at intake (issue 23 item 1; docs/domain.md "Reported
 * officers"): a roster member when intake identified one, else the name, star and description
 * as given, for later identification. Not an allegation: an investigator confirms it into one.
 */
export const ReportedOfficerInput = OfficerAsGiven.extend({
  /** The roster member intake identified, if any. */
  memberId: Uuid.optional(),
}).refine(somethingGiven, {
  message: 'give a roster member, a name, a star or a description',
  path: ['name'],
});
export type ReportedOfficerInput = z.infer<typeof ReportedOfficerInput>;

/** The public form's officer: the same fields, at least one given. */
export const PublicOfficerInput = OfficerAsGiven.refine(somethingGiven, {
  message: 'give a name, a star or a description',
  path: ['name'],
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
    if (v.caseType === 'notification' && !v.notificationType) {
      ctx.addIssue({
        code: 'custom',
        path: ['notificationType'],
        message: 'is required for a notification',
      });
    }
    if (v.caseType !== 'notification' && v.notificationType) {
      ctx.addIssue({
        code: 'custom',
        path: ['notificationType'],
        message: 'is only for caseType notification',
      });
    }
  });
export type CaseIntakeRequest = z.infer<typeof CaseIntakeRequest>;

/** Where a case went and which clause decided it. */
export const Routing = z.object({
  /** Investigating agency. */
  agency: InvestigatingAgencyCode,
  /** The clause of law applied, e.g. `MCC 2-78-120(b-5)`. */
  clause: z.string(),
  /** Stable rule code. */
  rule: z.string(),
  /** Plain-language explanation (English). */
  explanation: z.string(),
  /** Plain-language explanation (Spanish). */
  explanationEs: z.string(),
  /** When the decision was made. */
  decidedAt: Instant,
});

/** A re-routing offered on a case, waiting for a manager to accept it. */
export const RoutingReviewOut = z.object({
  /** The agency the rules now give the case. */
  agency: InvestigatingAgencyCode,
  /** The clause that gives it, e.g. `MCC 2-78-120(b)`. */
  clause: z.string(),
  /** Stable rule code. */
  rule: z.string(),
  /** Plain-language explanation (English). */
  explanation: z.string(),
  /** Plain-language explanation (Spanish). */
  explanationEs: z.string(),
  /** Why a person decides: `joint_determination` (the case sits with BIA under one). */
  reason: z.enum(['joint_determination']),
});

/** A statutory or policy clock on the case. */
export const DeadlineOut = z.object({
  id: Uuid,
  /** Which clock. */
  kind: z.string(),
  /** For repeating clocks (the 6-month notices): which repetition. */
  sequence: z.number().int(),
  /** Due calendar date in the profile's time zone. */
  dueDate: DateOnly,
  /** The instant it falls due (end of the due day, local time). */
  dueAt: Instant,
  /** What the clock runs from. */
  anchor: z.object({ kind: z.string(), date: DateOnly }),
  ...DeadlineBasisFields,
  /** The clause. */
  clause: z.string(),
  /** When it was met, if it was. */
  metAt: Instant.nullable(),
  /** When a correction recomputed it and another deadline replaced it (it then no longer runs). */
  supersededAt: Instant.nullable(),
  /** The deadline that replaced it. */
  supersededBy: Uuid.nullable(),
  /** Extensions granted, oldest first. */
  extensions: z.array(
    z.object({
      days: z.number().int(),
      dayKind: z.string(),
      newDueDate: DateOnly,
      reason: z.string(),
      grantedAt: Instant,
      grantedBy: z.string(),
    }),
  ),
});

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

/** A party as the case team sees it; identity only when the viewer may see it. */
export const PartyOut = z.object({
  id: Uuid,
  role: z.enum(PARTY_ROLES),
  anonymous: z.boolean(),
  /** Decrypted identity, or null when masked for this viewer or absent. */
  identity: z
    .object({
      name: z.string().optional(),
      phone: z.string().optional(),
      email: z.string().optional(),
      address: z.string().optional(),
      dateOfBirth: z.string().optional(),
      organization: z.string().optional(),
    })
    .nullable(),
  /** True when identity exists but this viewer may not see it. */
  identityMasked: z.boolean(),
  consentScope: z.string().nullable(),
  language: z.string().nullable(),
  contactChannel: z.string().nullable(),
  contactSafety: ContactSafety,
  vulnerabilities: z.array(z.enum(VULNERABILITIES)),
  createdAt: Instant,
});

export const FindingOut = z.object({
  stage: z.enum(['recommended', 'final']),
  finding: z.string().nullable(),
  penalty: z.string().nullable(),
  agency: z.string(),
  recordedAt: Instant,
  /**
   * The day the finding or penalty was decided (local date): the recording day, or the decidedOn
   * given; for imported history the release's closed date (docs/import.md). The 4-year rule of the
   * Personnel Record Review Act (820 ILCS 40/8) counts from it.
   */
  decidedOn: DateOnly,
  recordedBy: z.string().nullable(),
});

/** A roster member as a case names them. */
export const MemberRef = z.object({
  id: Uuid,
  star: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  rank: z.string().nullable(),
});

/** A roster member with unit and appointment date: enough to tell members of one name apart. */
export const MemberIdentification = MemberRef.extend({
  unit: z.string().nullable(),
  appointedDate: DateOnly.nullable(),
});

export const AllegationOut = z.object({
  id: Uuid,
  /** The accused member; null while the officer is unknown. */
  member: MemberRef.nullable(),
  category: CategoryCode,
  summary: z.string(),
  recommendedFinding: z.string().nullable(),
  recommendedPenalty: z.string().nullable(),
  finalFinding: z.string().nullable(),
  finalPenalty: z.string().nullable(),
  /** Every finding and penalty recorded, oldest first. */
  history: z.array(FindingOut),
  createdAt: Instant,
});

/** A reported officer as the case team sees it (never public). */
export const ReportedOfficerOut = z.object({
  id: Uuid,
  /** The roster member, when intake or the investigator identified one. */
  member: MemberIdentification.nullable(),
  /** The name as the complainant gave it. */
  name: z.string().nullable(),
  /** The star as given. */
  star: z.string().nullable(),
  description: z.string().nullable(),
  /** Who recorded it: staff intake or the public complaint form. */
  source: z.enum(REPORTED_OFFICER_SOURCES),
  /** `reported` until an investigator confirms it into an allegation or dismisses it. */
  status: z.enum(REPORTED_OFFICER_STATUSES),
  /** The allegation it was confirmed into. */
  allegationId: Uuid.nullable(),
  /** Why it was dismissed. */
  resolutionNote: z.string().nullable(),
  resolvedAt: Instant.nullable(),
  reportedAt: Instant,
});

export const DutyStatusOut = z.object({
  id: Uuid,
  memberId: Uuid,
  logNumber: LogNumber,
  action: z.string(),
  stage: z.enum(['recommended', 'decided']),
  /** The recommendation a decision answers. */
  recommendationId: Uuid.nullable(),
  /** Who decided (e.g. the Superintendent). */
  decidedBy: z.string().nullable(),
  reason: z.string(),
  effectiveAt: Instant,
  badgeSurrendered: z.boolean().nullable(),
  weaponSurrendered: z.boolean().nullable(),
  agency: z.string(),
  recordedAt: Instant,
  recordedBy: z.string(),
});

export const StatementOut = z.object({
  id: Uuid,
  logNumber: LogNumber.nullable(),
  language: z.string(),
  text: z.string(),
  humanReviewed: z.boolean(),
  translationOf: Uuid.nullable(),
  status: z.enum(['draft', 'published']),
  createdAt: Instant,
  publishedAt: Instant.nullable(),
});

export const PressInquiryOut = z.object({
  id: Uuid,
  outlet: z.string(),
  question: z.string(),
  receivedAt: Instant,
  statementId: Uuid.nullable(),
  answeredAt: Instant.nullable(),
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
export const CaseListResponse = z.object({ items: z.array(CaseListItem), total: z.number().int() });

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

/** POST /api/v1/cases/{logNumber}/agencies */
export const AgencyRequest = z.strictObject({
  agency: InvestigatingAgencyCode,
  track: z.enum(['administrative', 'criminal']),
  role: z.enum(['lead', 'parallel', 'referred']),
  /** For a joint COPA+BIA determination moving a sexual-misconduct case to BIA (MCC 2-78-120(b-5)). */
  jointDetermination: z.strictObject({ reason: Text(1, 2000) }).optional(),
});

/** POST /api/v1/cases/{logNumber}/routing-review: accept the re-routing offered. */
export const RoutingReviewAcceptRequest = z.strictObject({
  /** The agency the offer proposed when the caller saw it; another offer answers 409. */
  agency: InvestigatingAgencyCode,
  /** Why, in the accepting manager's words (kept in the audit). */
  note: Text(1, 2000).optional(),
});

/** POST /api/v1/cases/{logNumber}/allegations */
export const AllegationRequest = z
  .strictObject({
    memberId: Uuid.optional(),
    /** Star (badge) number, when memberId is not known. */
    star: Star.optional(),
    /** Unknown officer: allowed while the officer is being identified. */
    unknownMember: z.boolean().optional(),
    category: CategoryCode,
    summary: Text(1, 5000),
  })
  .refine(
    (v) => [v.memberId, v.star, v.unknownMember ? 'x' : undefined].filter(Boolean).length === 1,
    {
      message: 'give exactly one of memberId, star or unknownMember',
      path: ['memberId'],
    },
  );

/**
 * POST /api/v1/cases/{logNumber}/reported-officers/{id}/resolution: confirm a reported officer
 * into an allegation (identifying the member when intake could not), or dismiss it with a reason.
 */
export const ReportedOfficerResolutionRequest = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('confirmed'),
    /** The roster member, when the reported officer has none yet. */
    memberId: Uuid.optional(),
    /** Or their star, when it names one member. */
    star: Star.optional(),
    category: CategoryCode,
    summary: Text(1, 5000),
  }),
  z.strictObject({
    outcome: z.literal('dismissed'),
    /** Why (e.g. not a department member, a duplicate of another reported officer). */
    reason: Text(1, 2000),
  }),
]);
export type ReportedOfficerResolutionRequest = z.infer<typeof ReportedOfficerResolutionRequest>;

/** PATCH /api/v1/cases/{logNumber}/allegations/{id} */
export const FindingRequest = z
  .strictObject({
    recommendedFinding: FindingCode.optional(),
    recommendedPenalty: PenaltyCode.optional(),
    finalFinding: FindingCode.optional(),
    finalPenalty: PenaltyCode.optional(),
    /**
     * The day the finding or penalty was decided (e.g. the Superintendent's or the Police Board's
     * decision), when not the day it is recorded; not in the future, not before the case's receipt.
     */
    decidedOn: DateOnly.optional(),
  })
  .refine(
    (v) =>
      [v.recommendedFinding, v.recommendedPenalty, v.finalFinding, v.finalPenalty].some(
        (x) => x !== undefined,
      ),
    { message: 'give at least one finding or penalty', path: ['recommendedFinding'] },
  );

/** POST /api/v1/cases/{logNumber}/parties */
export const AddPartyRequest = PartyInput;

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

/** POST /api/v1/cases/{logNumber}/statements */
export const StatementRequest = z.strictObject({
  text: Text(1, 10_000),
  language: LanguageCode,
  /** The statement this one translates. */
  translationOf: Uuid.optional(),
  humanReviewed: z.boolean().default(true),
});

/** POST /api/v1/cases/{logNumber}/press-inquiries */
export const PressInquiryRequest = z.strictObject({
  outlet: Text(1, 500),
  question: Text(1, 5000),
  receivedAt: Instant,
});

/** POST /api/v1/press-inquiries/{id}/answer */
export const PressAnswerRequest = z.strictObject({ statementId: Uuid });

/** POST /api/v1/cases/{logNumber}/deadlines/{id}/extensions */
export const ExtensionRequest = z.strictObject({
  days: z.number().int().min(1).max(365),
  dayKind: z.enum(['calendar', 'business']).default('calendar'),
  reason: Text(1, 2000),
});

/** POST /api/v1/cases/{logNumber}/deadlines/{id}/complete */
export const DeadlineCompleteRequest = z.strictObject({
  /** When the work was done (default: now). */
  metAt: Instant.optional(),
});
