import type {
  Category,
  DeadlineKind,
  DutyStatusAction,
  NotificationType,
} from '../../../shared/enums.ts';
import type { RedactionJurisdiction } from '../../redaction/kinds.ts';
import type { HolidayCalendar } from '../../../shared/dates.ts';
import type { FindingDefinition } from '../findings.ts';
import type { LetterLanguagePack } from '../letters.ts';
import type { Router } from '../routing.ts';
import type { Vocabularies } from '../../../shared/schemas/common.ts';

/** A label shown to staff or the public, in every language the product publishes in. */
export interface LocalizedText {
  en: string;
  es: string;
}

/** A day of the year without a year (month 1–12). */
export interface MonthDay {
  month: number;
  day: number;
}

/** A clock of an open investigation, which a profile may restart on reopening. */
export type InvestigationClock = Extract<DeadlineKind, 'completion_benchmark' | 'six_month_notice'>;

/** Where a clock comes from: the clause cited on every deadline it produces. */
export interface ClockSource {
  /** Short legal citation, e.g. 'MCC 2-78-135'. */
  clause: string;
  /** Plain-language name of the obligation, e.g. 'Six-month notice'. */
  label: LocalizedText;
}

/**
 * How the public reaches the oversight office itself, shown on every public page: a person who
 * cannot or will not use the form, or who needs help now, must find another door.
 */
export interface OfficeContact {
  /** The office's name as the public knows it. */
  name: LocalizedText;
  /** Street address, one line per entry, as it goes on an envelope. */
  address: string[];
  /** Phone as printed, e.g. '(312) 743-2672'. */
  phone: string;
  /** The same phone for a tel: link, E.164, e.g. '+13127432672'. */
  phoneE164: string;
  /** Walk-in and phone hours, in words. */
  hours: LocalizedText;
  /** The emergency number to call instead of filing, e.g. '911'. */
  emergencyPhone: string;
  /** Where these details were published (cited on the page and in the docs). */
  source: string;
}

/** An agency that employs staff or takes part in a case, by its stable code (e.g. 'COPA'). */
export interface AgencyProfile {
  /** Full name, as the public reads it on a receipt. */
  name: LocalizedText;
}

/**
 * The parts agencies play in the rules (ADR 0045): the code of each role's agency. Rules ask for
 * a role, never for a name, so a second city's agencies play the same parts under their codes.
 */
export interface AgencyRoles {
  /**
   * The civilian oversight agency: registers every complaint, investigates what its law gives
   * it, publishes its cases, recommends duty-status actions and owns the public receipt.
   */
  oversight: string;
  /**
   * The department's own investigators (internal affairs): investigate what the oversight
   * agency does not, record duty-status decisions and may take a case by joint determination.
   */
  internalAffairs: string;
  /** An inspector general that may take part in a case; it has no routing role. */
  inspectorGeneral?: string;
}

/**
 * Everything jurisdiction-specific: vocabulary, clocks, holidays, rank rules. The domain rules
 * take a profile as an argument so another oversight office can run the same code with its own
 * data (PRODUCT.md: "Everything Chicago-specific … lives in a jurisdiction profile").
 */
export interface JurisdictionProfile {
  /** Stable code of the profile, e.g. 'chicago'. */
  code: string;
  /** Display name. */
  name: string;
  /** The office's own contact details for the public portal. */
  office: OfficeContact;
  /** IANA time zone in which local dates, business days and end-of-day deadlines are computed. */
  timeZone: string;
  /** Agencies by code: the only place an agency's code and name are written. */
  agencies: Record<string, AgencyProfile>;
  /** Which agency plays which part in routing, publication and duty status. */
  agencyRoles: AgencyRoles;
  /**
   * Decides which agency investigates a case and cites the clause (ADR 0045): the Chicago
   * ordinance's rules, or `tableRouter(...)` over a table of data for a city without conditions.
   */
  routing: Router;
  /** Allegation categories with their translated labels and the source-system spellings they absorb. */
  categories: Record<Category, { label: LocalizedText; legacyCodes?: string[] }>;
  /** Findings (dispositions) an allegation may carry, by code; legacy ones only as history. */
  findings: Readonly<Record<string, FindingDefinition>>;
  /** Incident types the department must notify the oversight agency of. */
  notificationTypes: Partial<
    Record<NotificationType, { label: LocalizedText; category: Category; clause: string }>
  >;
  /**
   * Clock lengths. Calendar days unless the name says business days. Only the lengths of clocks
   * `clockSources` lists are read: a clock the profile does not list does not run.
   */
  clocks: {
    acknowledgementBusinessDays: number;
    sixMonthNoticeMonths: number;
    sixMonthNoticeDueDays: number;
    completionBenchmarkDays: number;
    superintendentResponseDays: number;
    superintendentExtensionDays: number;
    superintendentMaxDays: number;
    videoReleaseDays: number;
    materialRequestDays: number;
    quarterlyReportDates: MonthDay[];
    annualReportDate: MonthDay;
  };
  /**
   * The clocks that run while an investigation is open: closing the case (a final decision or a
   * closure) marks them met, and reopening it starts each afresh from the reopening date. Clocks
   * tied to one event (the acknowledgement of receipt, the video release after the incident)
   * are not listed: a reopening is not a new receipt or a new incident.
   */
  investigationClocks: InvestigationClock[];
  /** Lead agencies whose investigations owe the periodic status notice (`six_month_notice`). */
  sixMonthNoticeAgencies: string[];
  /**
   * The legal source of each clock the jurisdiction keeps, cited on every deadline it produces.
   * A kind not listed has no source in this jurisdiction's law and never runs (ADR 0045).
   */
  clockSources: Partial<Record<DeadlineKind, ClockSource>>;
  /**
   * The limit on starting discipline, counted from the incident, when the jurisdiction's law
   * sets one (New York: 18 months, Civil Service Law §75(4)); absent when it sets none.
   */
  disciplineLimitation?: { months: number; clause: string; label: LocalizedText };
  /** Observed holidays that fall in a year, 'YYYY-MM-DD'. Business-day clocks skip them. */
  holidays: HolidayCalendar;
  /**
   * Ranks (any spelling found in the source systems) at or above lieutenant. Matching ignores
   * case, punctuation, repeated spaces and a trailing "of police".
   */
  lieutenantAndAboveRanks: string[];
  /** What the redaction engine reads from the jurisdiction: street lists, legal bases. */
  redaction: RedactionJurisdiction;
  /**
   * What the portal does with the narrative of an imported case no person has reviewed
   * (issue 17 item 5; docs/domain.md "Narrative review"): publish the machine's redaction,
   * marked as such, or hold it until a public-information officer approves it. Cases the
   * office takes in are always held.
   */
  importedNarratives: ImportedNarrativePublication;
  /** Letters and notices: the templates per language and who the status notice goes to. */
  letters: LetterProfile;
  /** Which decided duty-status actions the public case answer discloses (issue 22 item 1). */
  dutyStatusDisclosure: DutyStatusDisclosure;
}

/**
 * What the public is told of duty-status decisions on a case (docs/domain.md "Duty status on the
 * public record"): only *decided* actions of the kinds listed, as the action, how many members,
 * the date and the deciding office — never who.
 */
export interface DutyStatusDisclosure {
  /** Decided actions the public answer shows; empty when the jurisdiction discloses none. */
  actions: DutyStatusAction[];
  /** The office that decides, as the public reads it (never the person's name). */
  decidingOffice: LocalizedText;
  /**
   * An action concerning one member is withheld when that member's unit has fewer than this many
   * members on the roster (or the unit is unknown): one of so few narrows to a person.
   */
  minUnitMembers: number;
  /** The practice or law the disclosure follows, cited in the docs. */
  source: string;
}

/** An official a notice is owed to, at their published office address. */
export interface LetterOfficial {
  /** Stable code, e.g. 'mayor'. */
  code: string;
  /** How the letter is addressed, e.g. 'The Superintendent of Police'. */
  name: string;
  /** Postal address, one line per entry. */
  address: string[];
}

/** A jurisdiction's letters (issue 18; docs/domain.md "Letters"). */
export interface LetterProfile {
  /** Language packs by language code; a new language is a new pack (checked at load). */
  packs: Record<string, LetterLanguagePack>;
  /** The language written to officials and department members. */
  officialLanguage: string;
  /** Who the periodic status notice goes to, with the clause that names them. */
  sixMonthNotice: {
    clause: string;
    complainant: boolean;
    accused: boolean;
    /** The accused member is written to in care of the department (its address). */
    accusedCareOf: string[];
    officials: LetterOfficial[];
  };
  /** Agency names as a letter writes them, by agency code and language. */
  agencies: Record<string, Record<string, string>>;
}

/** The two choices for unreviewed imported narratives. */
export type ImportedNarrativePublication = 'machine_redacted' | 'hold_for_review';

/** The codes input may name, by vocabulary: what the shared code schemas check (ADR 0045). */
export function vocabulariesOf(profile: JurisdictionProfile): Vocabularies {
  const { oversight, internalAffairs } = profile.agencyRoles;
  return {
    agencies: Object.keys(profile.agencies),
    investigatingAgencies: [oversight, internalAffairs],
    categories: Object.keys(profile.categories),
    findings: Object.keys(profile.findings),
  };
}
