/**
 * Stable codes shared by server, CLI and (later) the web app. Codes are snake_case and never
 * change once released; labels live in the jurisdiction profile and are translated.
 */

/** Staff roles (PRODUCT.md §2). */
export const Role = {
  intake: 'intake',
  investigator: 'investigator',
  supervisor: 'supervisor',
  chief_administrator: 'chief_administrator',
  public_information: 'public_information',
  analyst: 'analyst',
  auditor: 'auditor',
  admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role) as [Role, ...Role[]];

/**
 * The code of an agency that employs staff or takes part in a case: one of the active
 * jurisdiction profile's `agencies` (ADR 0045), checked against it where input comes in.
 */
export type Agency = string;
/** The shape every agency code has (upper case, e.g. the profile's oversight agency). */
export const AGENCY_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,15}$/;

export const CaseType = {
  complaint: 'complaint',
  notification: 'notification',
  miscellaneous: 'miscellaneous',
} as const;
export type CaseType = (typeof CaseType)[keyof typeof CaseType];
export const CASE_TYPES = Object.values(CaseType) as [CaseType, ...CaseType[]];

export const Channel = {
  phone: 'phone',
  online: 'online',
  email: 'email',
  mail: 'mail',
  walk_in: 'walk_in',
  district_station: 'district_station',
  intermediary: 'intermediary',
  department_notification: 'department_notification',
  litigation: 'litigation',
  anonymous: 'anonymous',
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];
export const CHANNELS = Object.values(Channel) as [Channel, ...Channel[]];

/** Case stage / status (PRODUCT.md §3). `status` on a case is a cache written by transition(). */
export const CaseStatus = {
  intake: 'intake',
  preliminary: 'preliminary',
  investigation: 'investigation',
  review: 'review',
  department_review: 'department_review',
  final: 'final',
  closed_no_finding: 'closed_no_finding',
  closed_referred: 'closed_referred',
} as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];
export const CASE_STATUSES = Object.values(CaseStatus) as [CaseStatus, ...CaseStatus[]];

/** Reasons a transition may carry; some transitions require one of a subset. */
export const TransitionReason = {
  no_allegation: 'no_allegation',
  member_not_identified: 'member_not_identified',
  no_victim_or_witness_identified: 'no_victim_or_witness_identified',
  withdrawn: 'withdrawn',
  duplicate: 'duplicate',
  outside_jurisdiction: 'outside_jurisdiction',
  referred_to_other_agency: 'referred_to_other_agency',
  new_material_evidence: 'new_material_evidence',
  investigation_complete: 'investigation_complete',
  returned_for_further_investigation: 'returned_for_further_investigation',
  preliminary_complete: 'preliminary_complete',
  accepted: 'accepted',
  approved: 'approved',
} as const;
export type TransitionReason = (typeof TransitionReason)[keyof typeof TransitionReason];
export const TRANSITION_REASONS = Object.values(TransitionReason) as [
  TransitionReason,
  ...TransitionReason[],
];

/**
 * The allegation categories the web app ships labels for: the first profile's (PRODUCT.md §5).
 * The server takes a case's categories from the active jurisdiction profile (ADR 0045), so a
 * `Category` is any code of that profile; this list only feeds the web's pickers until the web
 * reads the profile's vocabulary.
 */
export const Category = {
  excessive_force: 'excessive_force',
  sexual_misconduct: 'sexual_misconduct',
  improper_search_seizure: 'improper_search_seizure',
  verbal_abuse: 'verbal_abuse',
  bias: 'bias',
  domestic_violence: 'domestic_violence',
  coercion: 'coercion',
  denial_of_counsel: 'denial_of_counsel',
  operational_violation: 'operational_violation',
  unnecessary_display_of_weapon: 'unnecessary_display_of_weapon',
  first_amendment: 'first_amendment',
  false_report: 'false_report',
  abuse_of_authority: 'abuse_of_authority',
  firearm_discharge: 'firearm_discharge',
  taser_discharge: 'taser_discharge',
  oc_discharge: 'oc_discharge',
  death_or_injury_in_custody: 'death_or_injury_in_custody',
  officer_involved_death: 'officer_involved_death',
  miscellaneous: 'miscellaneous',
} as const;
/** An allegation category code of the active profile (snake_case). */
export type Category = string;
type ShippedCategory = (typeof Category)[keyof typeof Category];
export const CATEGORIES = Object.values(Category) as [ShippedCategory, ...ShippedCategory[]];
/** The shape every category, finding and other vocabulary code has. */
export const VOCABULARY_CODE_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/** The 8 incident types CPD must notify COPA of (PRODUCT.md §3). */
export const NotificationType = {
  firearm_discharge_injury: 'firearm_discharge_injury',
  firearm_discharge_at_person_no_injury: 'firearm_discharge_at_person_no_injury',
  firearm_discharge_unintentional_or_animal: 'firearm_discharge_unintentional_or_animal',
  taser_discharge: 'taser_discharge',
  oc_discharge: 'oc_discharge',
  chemical_smoke_distraction_device: 'chemical_smoke_distraction_device',
  fatal_motor_vehicle_incident: 'fatal_motor_vehicle_incident',
  death_in_custody: 'death_in_custody',
} as const;
export type NotificationType = (typeof NotificationType)[keyof typeof NotificationType];
export const NOTIFICATION_TYPES = Object.values(NotificationType) as [
  NotificationType,
  ...NotificationType[],
];

export const PartyRole = {
  complainant: 'complainant',
  victim: 'victim',
  witness: 'witness',
  reporting_party: 'reporting_party',
  intermediary: 'intermediary',
} as const;
export type PartyRole = (typeof PartyRole)[keyof typeof PartyRole];
export const PARTY_ROLES = Object.values(PartyRole) as [PartyRole, ...PartyRole[]];

/** Who recorded a reported officer (docs/domain.md "Reported officers"). */
export const REPORTED_OFFICER_SOURCES = ['staff_intake', 'public_form'] as const;
export type ReportedOfficerSource = (typeof REPORTED_OFFICER_SOURCES)[number];
/** A reported officer waits for an investigator, who confirms it into an allegation or dismisses it. */
export const REPORTED_OFFICER_STATUSES = ['reported', 'confirmed', 'dismissed'] as const;
export type ReportedOfficerStatus = (typeof REPORTED_OFFICER_STATUSES)[number];

export const Vulnerability = {
  minor: 'minor',
  shelter_resident: 'shelter_resident',
  limited_english: 'limited_english',
  disability: 'disability',
} as const;
export type Vulnerability = (typeof Vulnerability)[keyof typeof Vulnerability];
export const VULNERABILITIES = Object.values(Vulnerability) as [Vulnerability, ...Vulnerability[]];

/**
 * The findings the web app ships labels for: the first profile's (PRODUCT.md §3). A `Finding` is
 * any finding code of the active profile (`findings`, ADR 0045).
 */
export const Finding = {
  sustained: 'sustained',
  not_sustained: 'not_sustained',
  unfounded: 'unfounded',
  exonerated: 'exonerated',
  // legacy values kept as history (PRODUCT.md §3)
  no_affidavit: 'no_affidavit',
  no_finding: 'no_finding',
  administratively_closed: 'administratively_closed',
} as const;
export type Finding = string;
type ShippedFinding = (typeof Finding)[keyof typeof Finding];
export const FINDINGS = Object.values(Finding) as [ShippedFinding, ...ShippedFinding[]];

export const DutyStatusAction = {
  relieved_of_police_powers: 'relieved_of_police_powers',
  administrative_duty: 'administrative_duty',
  restored: 'restored',
} as const;
export type DutyStatusAction = (typeof DutyStatusAction)[keyof typeof DutyStatusAction];
export const DUTY_STATUS_ACTIONS = Object.values(DutyStatusAction) as [
  DutyStatusAction,
  ...DutyStatusAction[],
];
export const DutyStatusStage = { recommended: 'recommended', decided: 'decided' } as const;
export type DutyStatusStage = (typeof DutyStatusStage)[keyof typeof DutyStatusStage];

export const Track = { administrative: 'administrative', criminal: 'criminal' } as const;
export type Track = (typeof Track)[keyof typeof Track];
export const AgencyRole = { lead: 'lead', parallel: 'parallel', referred: 'referred' } as const;
export type AgencyRole = (typeof AgencyRole)[keyof typeof AgencyRole];

export const AssignmentRole = {
  lead_investigator: 'lead_investigator',
  investigator: 'investigator',
  supervisor: 'supervisor',
} as const;
export type AssignmentRole = (typeof AssignmentRole)[keyof typeof AssignmentRole];

export const ActivityKind = {
  canvass: 'canvass',
  interview: 'interview',
  note: 'note',
  evidence_request: 'evidence_request',
} as const;
export type ActivityKind = (typeof ActivityKind)[keyof typeof ActivityKind];

/**
 * What a staff member may do to one case: THE list of case abilities, shared by the server's
 * authorization table (server/policies/authorization.ts: every grant row names one), the
 * `abilities.actions` of a case response (schemas/cases.ts `CaseAbility`) and the web's checks,
 * so the staff pages show an action exactly when the server allows it and a misspelt ability is
 * a type error, not a hidden button.
 */
export const CaseAction = {
  /** Read the whole case (narrative, parties without identity, allegations…). */
  read: 'case.read',
  /** Read the public fields only (what the portal would show), plus statements and press. */
  readPublicFields: 'case.read_public_fields',
  readIdentity: 'case.read_identity',
  transition: 'case.transition',
  /** Correct intake facts: incident time and place, categories, channel (issue 15). */
  correctFacts: 'case.correct_facts',
  addParty: 'case.add_party',
  assign: 'case.assign',
  addAllegation: 'case.add_allegation',
  recordRecommendedFinding: 'case.record_recommended_finding',
  recordFinalFinding: 'case.record_final_finding',
  addAgency: 'case.add_agency',
  logActivity: 'case.log_activity',
  draftStatement: 'case.draft_statement',
  logPressInquiry: 'case.log_press_inquiry',
  /** Record that a deadline was met (the letter went out, the notices were sent). */
  completeDeadline: 'case.complete_deadline',
  extendDeadline: 'case.extend_deadline',
  recommendDutyStatus: 'case.recommend_duty_status',
  decideDutyStatus: 'case.decide_duty_status',
  /** Accept the re-routing the rules offer (a case at BIA under a joint determination). */
  acceptRerouting: 'case.accept_rerouting',
  /** Emergency access to a restricted case the actor cannot otherwise see (audited, flagged). */
  breakGlass: 'case.break_glass',
  /** Review the proposed redaction of the narrative and approve what is published (issue 17). */
  reviewNarrative: 'case.review_narrative',
  /** Write letters and notices into the outbox (issue 18). */
  draftLetter: 'case.draft_letter',
  /** Approve a letter for sending: what the office signs, a manager reads first. */
  approveLetter: 'case.approve_letter',
  /** Send (or retry) an approved letter. */
  sendLetter: 'case.send_letter',
} as const;
export type CaseAction = (typeof CaseAction)[keyof typeof CaseAction];
export const CASE_ACTIONS = Object.values(CaseAction) as [CaseAction, ...CaseAction[]];

/** Deadline kinds: one per clock of the profile (PRODUCT.md §4). */
export const DeadlineKind = {
  acknowledgement_letter: 'acknowledgement_letter',
  six_month_notice: 'six_month_notice',
  completion_benchmark: 'completion_benchmark',
  superintendent_response: 'superintendent_response',
  video_release: 'video_release',
  material_request: 'material_request',
  quarterly_report: 'quarterly_report',
  annual_report: 'annual_report',
} as const;
export type DeadlineKind = (typeof DeadlineKind)[keyof typeof DeadlineKind];

/**
 * Which sentence explains a deadline (its `basisCode`): the kind, and the variant its anchor and
 * repetition select. The server writes the sentence in English and Spanish from this code and the
 * deadline's dates, never from the English text a deadline row stores.
 */
export const DEADLINE_BASIS_CODES = [
  'acknowledgement_letter',
  'completion_benchmark',
  'six_month_notice',
  /** A repeated §2-78-135 notice (second and later). */
  'six_month_notice_update',
  'superintendent_response',
  /** Computed with the Superintendent's +30 days already requested (MCC 2-78-130). */
  'superintendent_response_extended',
  'video_release',
  /** The incident date is unknown: counted from receipt until it is recorded. */
  'video_release_incident_unknown',
  'material_request',
  'quarterly_report',
  'annual_report',
] as const;
export type DeadlineBasisCode = (typeof DEADLINE_BASIS_CODES)[number];

export const Language = { en: 'en', es: 'es' } as const;
export const ACTIVITY_KINDS = Object.values(ActivityKind) as [ActivityKind, ...ActivityKind[]];
export const ASSIGNMENT_ROLES = Object.values(AssignmentRole) as [
  AssignmentRole,
  ...AssignmentRole[],
];

/**
 * What an API token may be used for (ADR 0016). A scope never grants more than the holder's
 * roles: a request with a token may do only what both allow. Each action of the authorization
 * table (server/policies/authorization.ts) belongs to exactly one scope.
 */
export const TokenScope = {
  /** Open and list cases (the view the roles give), read the dashboard. */
  cases_read: 'cases:read',
  /** Work cases: file, move, add parties, allegations, findings, activities, deadlines… */
  cases_write: 'cases:write',
  /** Civilian identities on cases (and break-the-glass, which exists to reach them). */
  identities_read: 'identities:read',
  /** Draft and publish statements, log press inquiries. */
  statements_write: 'statements:write',
  /** The roster and the facilities list. */
  roster_read: 'roster:read',
  /** Add members, manage facilities. */
  roster_write: 'roster:write',
  /** Conflicts of interest, break-the-glass review, ending another user's sessions. */
  access_manage: 'access:manage',
  /** Read and verify the audit log. */
  audit_read: 'audit:read',
} as const;
export type TokenScope = (typeof TokenScope)[keyof typeof TokenScope];
export const TOKEN_SCOPES = Object.values(TokenScope) as [TokenScope, ...TokenScope[]];
