import { LETTER_KINDS } from '../letters.ts';
import { z } from 'zod';
import { CASE_STATUSES, CASE_TYPES, DUTY_STATUS_ACTIONS, DeadlineKind } from '../enums.ts';
import {
  ANONYMOUS_CONFLICT_MESSAGE,
  anonymityConflicts,
  InvestigatingAgencyCode,
  CategoryCode,
  DateOnly,
  DeadlineBasisFields,
  fieldOfChoice,
  Instant,
  LogNumber,
  Text,
} from './common.ts';
import { PublicOfficerInput } from './officers.ts';

/*
 * The public portal's contracts (PRODUCT.md §4 Publication, §5 public paths). Response schemas
 * are explicit allowlists: fastify-type-provider-zod serializes through them, so a field a
 * presenter adds by mistake is stripped, never sent. No schema here has a field for a civilian's
 * identity, and there is no immigration-status field anywhere, by design.
 */

/** Languages the public pages and acknowledgements are written in. */
export const PUBLIC_LANGUAGES = ['en', 'es'] as const;
export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number];
export const PublicLanguage = z.enum(PUBLIC_LANGUAGES, {
  error: 'must be en (English) or es (Spanish)',
});

/** Confirmation numbers: `OV-` and three groups of four Crockford base-32 characters. */
export const CONFIRMATION_NUMBER =
  /^OV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A confirmation number as typed: case and surrounding spaces do not matter. */
export const ConfirmationNumber = z
  .string()
  .max(40)
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(CONFIRMATION_NUMBER, 'must look like OV-XXXX-XXXX-XXXX'));

/** A passphrase as typed (the server compares only its argon2id hash). */
export const Passphrase = z.string().min(1).max(200);

const District = z.string().regex(/^\d{3}$/, 'must be a 3-digit district like 010');

/** Contact details of a named complainant (encrypted at rest, never public). */
export const PublicContact = z.strictObject({
  /** Name (encrypted at rest). */
  name: Text(1, 200).optional(),
  /** Phone (encrypted at rest). */
  phone: Text(3, 40).optional(),
  /** Email (encrypted at rest). */
  email: z.email().max(254).optional(),
  /** How the office may reach the person. */
  preferredContact: z.enum(['phone', 'email', 'mail', 'through_intermediary']).optional(),
  /** May the office leave voicemail? */
  voicemailOk: z.boolean().optional(),
  /** May letters go to a shelter or shared address? */
  lettersToShelter: z.boolean().optional(),
});

/**
 * Someone who saw what happened (a party with role witness; identity encrypted at rest, never
 * public). At least one way to find them: a witness with no name and no contact is not recorded.
 */
export const PublicWitness = z
  .strictObject({
    /** Name (encrypted at rest). */
    name: Text(1, 200).optional(),
    /** Phone (encrypted at rest). */
    phone: Text(3, 40).optional(),
    /** Email (encrypted at rest). */
    email: z.email().max(254).optional(),
  })
  .refine((w) => Object.values(w).some((v) => v !== undefined), {
    message: 'give a name, a phone or an email',
    path: ['name'],
  });

/** Someone filing on another person's behalf (shelter staff, legal aid). */
export const PublicIntermediary = z.strictObject({
  /** Organization (encrypted at rest). */
  organization: Text(1, 200),
  /** Name of the person filing (encrypted at rest). */
  name: Text(1, 200),
  /** What the person consented to the intermediary doing (e.g. "file and receive updates"). */
  consentScope: Text(1, 500),
  /** Intermediary's phone (encrypted at rest). */
  phone: Text(3, 40).optional(),
  /** Intermediary's email (encrypted at rest). */
  email: z.email().max(254).optional(),
});

/** Facts about the person that change how the case is handled (they restrict it). */
export const PublicAboutPerson = z.strictObject({
  /** The person is under 18. */
  minor: z.boolean().optional(),
  /** The person is staying at a shelter. */
  shelterResident: z.boolean().optional(),
  /** The person prefers a language other than English. */
  limitedEnglish: z.boolean().optional(),
  /** The person has a disability the office should know about. */
  disability: z.boolean().optional(),
});

/** One file attached to the complaint form, its bytes in base64 (RFC 4648 §4). */
export const PublicAttachment = z.strictObject({
  /** The file's name on the person's device (encrypted at rest, shown to the case team only). */
  name: Text(1, 200),
  /** Base64 of the bytes; 5 MiB at most once decoded. The server checks the bytes' format. */
  data: z.base64().max(7_000_000),
});

/** POST /api/public/v1/complaints — the public complaint form. No sign-in. */
export const PublicComplaintRequest = z
  .strictObject({
    /** Language of the acknowledgement and the follow-up page. */
    language: PublicLanguage,
    /** What happened, in the person's own words. */
    narrative: Text(1, 20_000),
    /** When and where it happened, if known. */
    incident: z
      .strictObject({
        /** When it happened. */
        occurredAt: z.iso.datetime({ offset: true }).optional(),
        /** Where (the public never sees the exact address). */
        address: Text(0, 300).optional(),
        /** CPD district, e.g. `010`. */
        district: District.optional(),
      })
      .optional(),
    /** What kind of misconduct, if the person wants to say (routes the complaint). */
    categories: z.array(CategoryCode).max(19).default([]),
    /** True: no name or contact details are given. */
    anonymous: z.boolean(),
    /** Contact details, for a named complaint. */
    contact: PublicContact.optional(),
    /** Facts that restrict the case to a need-to-know team. */
    aboutPerson: PublicAboutPerson.optional(),
    /** Filing for oneself, or as an intermediary for someone else. */
    filedBy: z.enum(['self', 'intermediary']).default('self'),
    /** Required when filedBy is `intermediary`. */
    intermediary: PublicIntermediary.optional(),
    /** Optional photos, documents or recordings (at most 5; 5 MiB each, 10 MiB together). */
    files: z.array(PublicAttachment).max(5).default([]),
    /** Officers involved, as the person knows them (never public; docs/domain.md "Reported officers"). */
    officers: z.array(PublicOfficerInput).max(10).default([]),
    /** People who saw what happened (never public). */
    witnesses: z.array(PublicWitness).max(10).default([]),
  })
  .superRefine((v, ctx) => {
    for (const field of anonymityConflicts(v.anonymous, v.contact ?? {})) {
      ctx.addIssue({
        code: 'custom',
        path: ['contact', field],
        message: ANONYMOUS_CONFLICT_MESSAGE,
      });
    }
    fieldOfChoice(ctx, 'intermediary', v.filedBy === 'intermediary', !!v.intermediary, {
      required: 'is required when filedBy is intermediary',
      only: 'is only for filedBy intermediary',
    });
  });
export type PublicComplaintRequest = z.infer<typeof PublicComplaintRequest>;

/** The response of the complaint form: shown once; the passphrase is never retrievable again. */
export const PublicComplaintResponse = z.object({
  /** Key to follow the complaint, with the passphrase. */
  confirmationNumber: z.string(),
  /** Shown once; only its argon2id hash is stored. */
  passphrase: z.string(),
  /** The case's public log number. */
  logNumber: LogNumber,
  /** Language of the acknowledgement. */
  language: PublicLanguage,
  /** When the office received it. */
  receivedAt: Instant,
  /** The agency that investigates (MCC 2-78-120 routing). */
  investigatingAgency: InvestigatingAgencyCode,
  /** The acknowledgement, in the chosen language. */
  acknowledgement: z.string(),
  /**
   * Whether the office can write to the complainant (the case holds an email or postal address
   * for them or their intermediary); when false, news appears only on the follow page.
   */
  receivesLetters: z.boolean(),
});

/** POST /api/public/v1/complaints/lookup — in the body, never in a URL. */
export const ComplaintLookupRequest = z.strictObject({
  confirmationNumber: ConfirmationNumber,
  passphrase: Passphrase,
});

/** POST /api/public/v1/complaints/information — the holder adds information. */
export const ComplaintAdditionRequest = z.strictObject({
  confirmationNumber: ConfirmationNumber,
  passphrase: Passphrase,
  /** What the person wants to add. */
  text: Text(1, 20_000),
});

/** What the holder of a confirmation number sees: no personal data at all. */
export const ComplaintLookupResponse = z.object({
  logNumber: LogNumber,
  /** Current stage code (labels are translated by the page). */
  status: z.enum(CASE_STATUSES),
  /** Language chosen at filing. */
  language: PublicLanguage,
  receivedAt: Instant,
  /** Agency that investigates now. */
  investigatingAgency: InvestigatingAgencyCode,
  /** Stage history, oldest first (stage codes and dates only). */
  stages: z.array(
    z.object({
      status: z.enum(CASE_STATUSES),
      /** Closure or reopening reason code, when there is one. */
      reason: z.string().nullable(),
      at: Instant,
    }),
  ),
  /** The next open clock that concerns the complainant, if any. */
  nextClock: z
    .object({
      kind: z.enum(Object.values(DeadlineKind) as [DeadlineKind, ...DeadlineKind[]]),
      dueDate: DateOnly,
      ...DeadlineBasisFields,
    })
    .nullable(),
  /** How many times information was added through this page. */
  informationAdded: z.number().int(),
  /**
   * Whether the office can write to the complainant (an email or postal address on the case);
   * when false, the acknowledgement letter's deadline is not shown: no letter can be sent.
   */
  receivesLetters: z.boolean(),
  /**
   * The letters and notices the office sent through this page (issue 18 item 4): the same text a
   * letter would carry, for a complainant with no address to write to, oldest first. When an
   * intermediary holds the passphrase, only what the complainant's consent lets them receive.
   */
  notices: z.array(
    z.object({
      kind: z.enum(LETTER_KINDS),
      language: z.string(),
      subject: z.string(),
      body: z.string(),
      sentAt: Instant,
    }),
  ),
});

/** GET /api/public/v1/office — how to reach the office itself, from the jurisdiction profile. */
export const PublicOfficeResponse = z.object({
  /** The office's name. */
  name: z.string(),
  nameEs: z.string(),
  /** Street address, one line per entry. */
  address: z.array(z.string()),
  /** Phone as printed. */
  phone: z.string(),
  /** The same phone for a tel: link (E.164). */
  phoneE164: z.string(),
  /** Walk-in and phone hours. */
  hours: z.string(),
  hoursEs: z.string(),
  /** The number to call in an emergency instead of filing. */
  emergencyPhone: z.string(),
  /** Where the details were published. */
  source: z.string(),
});

/** Answer of an addition: only that it was received. */
export const ComplaintAdditionResponse = z.object({
  received: z.literal(true),
  receivedAt: Instant,
});

/** How much of a case the public may see (PRODUCT.md §4 Publication). */
export const PUBLIC_VISIBILITIES = ['full', 'category_and_status', 'status_only'] as const;
export type PublicVisibility = (typeof PUBLIC_VISIBILITIES)[number];

/**
 * The portal list's orders: by the log number's own sequence (log_number_order(), migration
 * 0019), newest or oldest first. Never by date received, which restricted and BIA-only cases do
 * not publish (docs/public-portal.md).
 */
export const PUBLIC_CASE_SORTS = ['newest', 'oldest'] as const;
export type PublicCaseSort = (typeof PUBLIC_CASE_SORTS)[number];

/** GET /api/public/v1/cases query. */
export const PublicCaseListQuery = z.strictObject({
  /** A log number, or its beginning (`2023-`). */
  logNumber: z
    .string()
    .regex(/^[0-9-]{1,12}$/, 'must be digits and dashes')
    .optional(),
  /** Year received (cases whose year is public). */
  year: z.coerce.number().int().min(1960).max(2100).optional(),
  /** Category (cases whose category is public). */
  category: CategoryCode.optional(),
  status: z.enum(CASE_STATUSES).optional(),
  /** Newest log number first unless asked otherwise (issue 23 item 11). */
  sort: z.enum(PUBLIC_CASE_SORTS).default('newest'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type PublicCaseListQuery = z.infer<typeof PublicCaseListQuery>;

export const PublicCaseListItem = z.object({
  logNumber: LogNumber,
  /** `full`: COPA case; `category_and_status`: restricted category; `status_only`: BIA-only. */
  visibility: z.enum(PUBLIC_VISIBILITIES),
  status: z.enum(CASE_STATUSES),
  /** Categories (not for status-only cases). */
  categories: z.array(CategoryCode).optional(),
  /** Date received (full visibility only). */
  receivedDate: DateOnly.optional(),
  /** Investigating agency (full visibility only). */
  leadAgency: z.string().optional(),
  /** Date closed (full visibility only). */
  closedOn: DateOnly.nullable().optional(),
});

export const PublicCaseListResponse = z.object({
  items: z.array(PublicCaseListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** One redaction of a published narrative, with its basis. */
export const RedactionOut = z.object({
  /** Offsets in the redacted text where the replacement stands. */
  start: z.number().int(),
  end: z.number().int(),
  /** What was removed: name, phone, email, address, date_of_birth, plate, party_identity, … */
  kind: z.string(),
  /** What stands in its place, e.g. `[name]` or `1200 block of W Main St`. */
  replacement: z.string(),
  /** Why, citing the statute, in English. */
  basis: z.string(),
  /** The same in Spanish. */
  basisEs: z.string(),
});

/** A published statement in one language: about these cases, or office-wide (none). */
export const PublicStatementOut = z.object({
  id: z.uuid(),
  logNumbers: z.array(LogNumber),
  language: z.string(),
  text: z.string(),
  /** A translation's original. */
  translationOf: z.uuid().nullable(),
  /** The same statement in the other language. */
  translationId: z.uuid().nullable(),
  publishedAt: Instant,
});

/** One disclosed duty-status action as the public reads it: what, how many, when, which office. */
export const PublicDutyActionOut = z.object({
  action: z.enum(DUTY_STATUS_ACTIONS),
  members: z.number().int().positive(),
  effectiveDate: DateOnly,
  /** The deciding office, e.g. 'the Superintendent of Police', in English. */
  decidedBy: z.string(),
  /** The same in Spanish. */
  decidedByEs: z.string(),
});
/** GET /api/public/v1/cases/{logNumber} */
export const PublicCaseOut = z.object({
  logNumber: LogNumber,
  visibility: z.enum(PUBLIC_VISIBILITIES),
  status: z.enum(CASE_STATUSES),
  categories: z.array(CategoryCode).optional(),
  caseType: z.enum(CASE_TYPES).optional(),
  receivedDate: DateOnly.optional(),
  /** Incident date (day only). */
  incidentDate: DateOnly.nullable().optional(),
  /** CPD district; withheld when a vulnerable party is on the case. */
  district: z.string().nullable().optional(),
  closedOn: DateOnly.nullable().optional(),
  leadAgency: z.string().optional(),
  /**
   * The agencies working the case and their tracks (full and restricted cases; issue 22 item 4):
   * the agency's code and its name from the profile, never a person's name.
   */
  agencies: z
    .array(
      z.object({
        agency: z.string(),
        /** The agency's name, in English. */
        agencyName: z.string(),
        /** The same in Spanish. */
        agencyNameEs: z.string(),
        track: z.enum(['administrative', 'criminal']),
        role: z.enum(['lead', 'parallel', 'referred']),
      }),
    )
    .optional(),
  /** Stage history (codes and dates). */
  statusHistory: z.array(z.object({ status: z.enum(CASE_STATUSES), date: DateOnly })).optional(),
  /** The narrative with personal data redacted, each redaction with its basis. */
  narrative: z
    .object({ text: z.string(), redactions: z.array(RedactionOut) })
    .nullable()
    .optional(),
  /**
   * How the published narrative was redacted: `office_reviewed` (a person approved this text)
   * or `machine_redacted` (imported history published by machine, not reviewed); null when none.
   */
  narrativeReview: z.enum(['office_reviewed', 'machine_redacted']).nullable().optional(),
  /** That in plain words, in English. */
  narrativeReviewNote: z.string().nullable().optional(),
  /** The same in Spanish. */
  narrativeReviewNoteEs: z.string().nullable().optional(),
  /**
   * Why the narrative is not shown, when it is not: `open_investigation`, `not_public`,
   * `no_narrative`, `identity_check_failed` or `not_reviewed` (no person has approved it yet).
   */
  narrativeWithheld: z.string().nullable().optional(),
  /** That reason in plain words, citing the law, in English. */
  narrativeWithheldBasis: z.string().nullable().optional(),
  /** The same in Spanish. */
  narrativeWithheldBasisEs: z.string().nullable().optional(),
  allegations: z
    .array(
      z.object({
        category: CategoryCode,
        recommendedFinding: z.string().nullable(),
        finalFinding: z.string().nullable(),
        /** CPD penalty code; null when none or withheld. */
        penalty: z.string().nullable(),
        /** What the penalty code means, in English and Spanish (null for none or an unknown code). */
        penaltyLabel: z.string().nullable(),
        penaltyLabelEs: z.string().nullable(),
        /** Set when discipline is withheld, with the basis (English). */
        penaltyWithheld: z.string().nullable(),
        /** The same in Spanish. */
        penaltyWithheldEs: z.string().nullable(),
      }),
    )
    .optional(),
  /**
   * Decided duty-status actions the profile discloses, restricted cases included, not on a
   * status-only case (issue 22 item 1): the
   * action, how many members, the local effective date and the deciding office — never who.
   */
  dutyStatus: z.array(PublicDutyActionOut).optional(),
  statements: z.array(PublicStatementOut),
});

/** GET /api/public/v1/stats query: filters select cells of the fixed grid. */
export const PublicStatsQuery = z
  .strictObject({
    yearFrom: z.coerce.number().int().min(1960).max(2100).optional(),
    yearTo: z.coerce.number().int().min(1960).max(2100).optional(),
    /** Investigating agency. */
    agency: InvestigatingAgencyCode.optional(),
    category: CategoryCode.optional(),
  })
  .refine((v) => v.yearFrom === undefined || v.yearTo === undefined || v.yearFrom <= v.yearTo, {
    message: 'must not be after yearTo',
    path: ['yearFrom'],
  });
export type PublicStatsQuery = z.infer<typeof PublicStatsQuery>;

/** One published figure: a sum of published grid cells only. */
export const StatCell = z.object({
  key: z.string(),
  /** Null when every contributing cell is suppressed. */
  count: z.number().int().nullable(),
  /** Some contributing cells were suppressed: `count` is a lower bound. */
  partial: z.boolean(),
});

const Rate = z.object({
  key: z.string(),
  /**
   * Sustained ÷ findings on the merits, from the true counts, to whole percent; null when
   * `rateWithheld` says why (nothing decided, or a count under the threshold behind it).
   */
  rate: z.number().nullable(),
  /** `below`: the true rate is under `rate` (0.01, "< 1 %"); `above`: over it (0.99, "> 99 %"). */
  rateBound: z.enum(['below', 'above']).nullable(),
  /** `none_decided` or `small_count` when no rate is shown; null when it is. */
  rateWithheld: z.enum(['none_decided', 'small_count']).nullable(),
  /** Sustained allegations in published cells; null when every such cell is suppressed. */
  sustained: z.number().int().nullable(),
  /** Findings on the merits in published cells; null when every such cell is suppressed. */
  decided: z.number().int().nullable(),
  /** Some contributing cells were suppressed: the two counts are lower bounds. */
  partial: z.boolean(),
});

export const PublicStatsResponse = z.object({
  /** Cells counting fewer than this (and more than zero) are suppressed. */
  threshold: z.number().int(),
  /** When the grid was computed. */
  generatedAt: Instant,
  /** The jurisdiction's investigating agencies (its profile's): the agency filter's choices. */
  agencies: z.array(z.string()),
  filters: z.object({
    yearFrom: z.number().int().nullable(),
    yearTo: z.number().int().nullable(),
    agency: z.string().nullable(),
    category: z.string().nullable(),
  }),
  /** Cases counted in published cells (a lower bound when `partial`). */
  totalCases: StatCell,
  casesByYear: z.array(StatCell),
  casesByCategory: z.array(StatCell),
  casesByStatus: z.array(StatCell),
  casesByAgency: z.array(StatCell),
  daysToClose: z.array(StatCell),
  casesAtShelterSites: z.array(StatCell),
  allegationsByFinding: z.array(StatCell),
  sustainedRate: z.object({ overall: Rate, byCategory: z.array(Rate) }),
  /**
   * Decided duty-status actions of the kinds case pages disclose (the profile's), per member, by
   * action (`key`: the action code); recommendations are not counted (issue 22 item 1).
   */
  dutyStatusActions: z.array(StatCell),
  /** The same actions by local month of the action and action, month ascending. */
  dutyStatusByMonth: z.array(
    StatCell.extend({
      /** 'YYYY-MM', local to the jurisdiction. */
      month: z.string().regex(/^\d{4}-\d{2}$/),
      action: z.enum(DUTY_STATUS_ACTIONS),
    }),
  ),
  /** Grid cells under the threshold within these filters (their counts are never published). */
  suppressedCells: z.number().int(),
});

/** GET /api/public/v1/statements query. */
export const PublicStatementsQuery = z.strictObject({
  language: PublicLanguage.optional(),
  logNumber: LogNumber.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

/** GET /api/public/v1/statements.atom query: the latest published statements as Atom 1.0. */
export const PublicStatementsFeedQuery = PublicStatementsQuery.pick({
  language: true,
  logNumber: true,
});

export const PublicStatementsResponse = z.object({
  items: z.array(PublicStatementOut),
  total: z.number().int(),
});

/** GET /api/public/v1/export.{csv,json} query. */
/** GET /api/public/v1/export/dictionary: the open-data columns and the penalty-code legend. */
export const ExportDictionaryResponse = z.object({
  /** `description` in English, `descriptionEs` in Spanish; `code` spans in backticks. */
  columns: z.array(
    z.object({ name: z.string(), description: z.string(), descriptionEs: z.string() }),
  ),
  /** CPD penalty codes with their labels (English and Spanish). */
  penalties: z.array(z.object({ code: z.string(), label: z.string(), labelEs: z.string() })),
});

export const ExportQuery = z.strictObject({
  /** Only cases received in this year. */
  year: z.coerce.number().int().min(1960).max(2100).optional(),
});
