import type { CaseStatus, CaseType, Category } from '../../../shared/enums.ts';
import { vocabulary, wordsKey } from './vocabulary.ts';

/*
 * How the historic Chicago releases (CPD CLEAR 2000–2019, COPA CMS 2019–2022) map onto the
 * profile's vocabularies. Every mapped value is stored beside its verbatim source value, so a
 * mapping can be corrected later without re-reading the files.
 */

/** COPA CMS allegation categories → profile categories; null = not an allegation. */
export const COPA_CATEGORY: Readonly<Record<string, Category | null>> = {
  'Fourth Amendment/Improper Search': 'improper_search_seizure',
  'Excessive Force': 'excessive_force',
  'Operational Violation': 'operational_violation',
  'Verbal Abuse': 'verbal_abuse',
  'Domestic Violence': 'domestic_violence',
  'Unnecessary Display of Weapon': 'unnecessary_display_of_weapon',
  Bias: 'bias',
  'Sexual Misconduct': 'sexual_misconduct',
  Coercion: 'coercion',
  'Abuse of Authority': 'abuse_of_authority',
  'Rule 14 Violation': 'false_report',
  'Denial of Counsel': 'denial_of_counsel',
  'First Amendment': 'first_amendment',
  'Taser Discharge': 'taser_discharge',
  'OC Discharge': 'oc_discharge',
  'Firearm Discharge-No Contact': 'firearm_discharge',
  'Firearm Discharge-Accidental': 'firearm_discharge',
  'Firearm Discharge-Injury': 'firearm_discharge',
  'Firearm Discharge-Fatal': 'firearm_discharge',
  'Firearm Discharge at Animal': 'firearm_discharge',
  'Firearm Discharge-Officer Suicide': 'firearm_discharge',
  'Incident in Custody': 'death_or_injury_in_custody',
  // conduct rules without a COPA category of their own
  'Proper Care': 'operational_violation',
  Traffic: 'operational_violation',
  'Legal Violation': 'operational_violation',
  Conspiracy: 'operational_violation',
  'Murder / Manslaughter, Etc.': 'operational_violation',
  // notifications that are not allegations of misconduct by themselves
  'Miscellaneous Notification': 'miscellaneous',
  'Motor Vehicle Incident': 'miscellaneous',
  // workflow placeholders, not allegations
  'Closed-No Allegation': null,
  'In Process-Allegation Pending': null,
};

/**
 * CPD allegation category codes → profile categories, derived from COPA's own grouping of the
 * same codes in the CMS release (the majority COPA category of each code over both CMS files;
 * e.g. 03P is Fourth Amendment 215 times and Bias 127 times → improper_search_seizure). Codes
 * COPA never used fall back to CPD_TEXT_RULES below.
 */
export const CPD_CODE_CATEGORY: Readonly<Record<string, Category>> = {
  '01A': 'verbal_abuse',
  '01B': 'verbal_abuse',
  '01E': 'sexual_misconduct',
  '02A': 'operational_violation',
  '02C': 'operational_violation',
  '03A': 'first_amendment',
  '03B': 'improper_search_seizure',
  '03C': 'improper_search_seizure',
  '03D': 'improper_search_seizure',
  '03G': 'improper_search_seizure',
  '03J': 'improper_search_seizure',
  '03K': 'improper_search_seizure',
  '03L': 'improper_search_seizure',
  '03N': 'improper_search_seizure',
  '03P': 'improper_search_seizure',
  '03Q': 'improper_search_seizure',
  '04A': 'operational_violation',
  '04B': 'operational_violation',
  '04C': 'improper_search_seizure',
  '04D': 'improper_search_seizure',
  '04E': 'improper_search_seizure',
  '04F': 'operational_violation',
  '04G': 'denial_of_counsel',
  '04H': 'operational_violation',
  '05A': 'excessive_force',
  '05E': 'excessive_force',
  '05M': 'excessive_force',
  '05P': 'unnecessary_display_of_weapon',
  '06A': 'operational_violation',
  '06D': 'operational_violation',
  '06F': 'operational_violation',
  '06G': 'operational_violation',
  '06H': 'operational_violation',
  '06K': 'operational_violation',
  '07A': 'operational_violation',
  '07B': 'operational_violation',
  '07C': 'operational_violation',
  '07D': 'operational_violation',
  '07E': 'operational_violation',
  '07T': 'operational_violation',
  '08A': 'operational_violation',
  '08B': 'operational_violation',
  '08C': 'sexual_misconduct',
  '08F': 'operational_violation',
  '08K': 'improper_search_seizure',
  '08M': 'operational_violation',
  '08N': 'operational_violation',
  '08Q': 'operational_violation',
  '08R': 'sexual_misconduct',
  '08S': 'operational_violation',
  '09A': 'operational_violation',
  '09B': 'operational_violation',
  '09C': 'operational_violation',
  '09D': 'operational_violation',
  '09F': 'operational_violation',
  '09G': 'abuse_of_authority',
  '09J': 'operational_violation',
  '09M': 'operational_violation',
  '09N': 'operational_violation',
  '09R': 'operational_violation',
  '10A': 'operational_violation',
  '10AA': 'operational_violation',
  '10B': 'operational_violation',
  '10BB': 'operational_violation',
  '10C': 'operational_violation',
  '10CC': 'operational_violation',
  '10E': 'operational_violation',
  '10F': 'operational_violation',
  '10H': 'operational_violation',
  '10J': 'operational_violation',
  '10L': 'operational_violation',
  '10M': 'operational_violation',
  '10P': 'operational_violation',
  '10Q': 'operational_violation',
  '10T': 'operational_violation',
  '10U': 'operational_violation',
  '10V': 'operational_violation',
  '10W': 'operational_violation',
  '12A': 'operational_violation',
  '12B': 'operational_violation',
  '12C': 'operational_violation',
  '12D': 'operational_violation',
  '12E': 'operational_violation',
  '15C': 'operational_violation',
  '16A': 'improper_search_seizure',
  '16B': 'operational_violation',
  '16C': 'improper_search_seizure',
  '16D': 'operational_violation',
  '16E': 'improper_search_seizure',
  '16F': 'operational_violation',
  '18A': 'firearm_discharge',
  '19A': 'excessive_force',
  '19B': 'coercion',
  '19C': 'coercion',
  '20B': 'firearm_discharge',
  '20C': 'taser_discharge',
  '20D': 'oc_discharge',
  '20Z': 'miscellaneous',
  '21A': 'miscellaneous',
  '24A': 'domestic_violence',
  '24B': 'domestic_violence',
  '25A': 'sexual_misconduct',
  '25C': 'sexual_misconduct',
  '25D': 'sexual_misconduct',
  '25E': 'sexual_misconduct',
  '26F': 'sexual_misconduct',
};

/**
 * Keyword rules over CPD category descriptions, in order (first match wins), for codes the CMS
 * grouping does not cover (CLEAR-only and supplementary `S…` codes).
 */
export const CPD_TEXT_RULES: ReadonlyArray<[RegExp, Category]> = [
  [/SEXUAL ORIENTATION/, 'bias'],
  [/SEX(UAL)?\b|SEX OFFENSE|CRIMINAL SEXUAL/, 'sexual_misconduct'],
  [/DOMESTIC/, 'domestic_violence'],
  [/FIREARM DISCHARGE|SHOTS FIRED|USE OF FIREARM/, 'firearm_discharge'],
  [/TASER/, 'taser_discharge'],
  [/\bOC\b|CHEMICAL WEAPON/, 'oc_discharge'],
  [/MOTOR VEHICLE FATALITY|INJURY \/ DEATH \(UNDER COLOR OF LAW\)/, 'officer_involved_death'],
  [/PROPER CARE - INJURY \/ DEATH/, 'death_or_injury_in_custody'],
  [/DISPLAY OF WEAPON|POINTING OF FIREARM|WEAPON-UNNECESSARY/, 'unnecessary_display_of_weapon'],
  [/RACIAL|ETHNIC|SEXUAL ORIENTATION|GENDER|AGEISM|RELIGIOUS|DISABILITY|PROFILING/, 'bias'],
  [/COERCION/, 'coercion'],
  [/PROFANITY|VERBAL ABUSE|THREATS|HARASSMENT/, 'verbal_abuse'],
  [/TELEPHONE \/ ATTORNEY|ATTORNEY/, 'denial_of_counsel'],
  [/FIRST AMENDMENT/, 'first_amendment'],
  [/FALSE (TESTIMONY|REPORT)|PERJURY|FALSE$/, 'false_report'],
  [
    /SEARCH|ILLEGAL ARREST|FALSE ARREST|IMPROPER DETENTION|EXCESSIVE DETENTION|INVESTIGATIVE DETENTION|PLANTING/,
    'improper_search_seizure',
  ],
  [
    /EXCESSIVE FORCE|PHYSICAL CONTACT|STRIKE|KICKED|CHOKED|TAKE DOWN|PUSH|DRAGGED|STOMPED|TWISTED|HANDCUFF|IMPACT WEAPON|ARRESTEE|NO ARREST|^INJURY$|^NO INJURY$|PUSHED|USED AS AN IMPACT/,
    'excessive_force',
  ],
  [/ABUSE OF AUTHORITY|OFFICIAL POSITION/, 'abuse_of_authority'],
  [/^MISCELLANEOUS$/, 'miscellaneous'],
];

/** A CPD category code and description → profile category (never fails: conduct rules last). */
export function mapCpdCategory(code: string, text: string): Category {
  const byCode = CPD_CODE_CATEGORY[code.trim().toUpperCase()];
  if (byCode) {
    return byCode;
  }
  const t = text.trim().replace(/\s+/g, ' ').toUpperCase();
  for (const [pattern, category] of CPD_TEXT_RULES) {
    if (pattern.test(t)) {
      return category;
    }
  }
  return 'operational_violation';
}

/** Release case types → profile case types (matched on words). */
export const CASE_TYPES = vocabulary<CaseType>({
  Complaint: 'complaint',
  'Information/Complaint': 'complaint',
  'Complaint Register': 'complaint',
  Notification: 'notification',
  Miscellaneous: 'miscellaneous',
});

/** Release case types → profile case types. */
export function mapCaseType(text: string): CaseType | null {
  return CASE_TYPES.lookup(text) ?? null;
}

/** COPA allegation categories matched on words (`EXCESSIVE FORCE`, `excessive-force`). */
export const COPA_CATEGORIES = vocabulary(COPA_CATEGORY);

/**
 * Release statuses → stages. CMS: COPA's own statuses. CLEAR: CPD's, where PENDING … steps after
 * the investigating agency's findings are department review, and CLOSED/NO CONVERSION (a log that
 * never became a complaint register) and administrative closures are closures without finding.
 */
export const SOURCE_STATUS: Readonly<Record<string, CaseStatus>> = {
  // CMS
  'CLOSED/NO FINDING': 'closed_no_finding',
  'PENDING INVESTIGATION': 'investigation',
  'CASE FINAL': 'final',
  'CLOSED AT COPA': 'department_review',
  'COMMAND CHANNEL REVIEW': 'department_review',
  // CLEAR
  'CLOSED/FINAL': 'final',
  'CLOSED/NO CONVERSION': 'closed_no_finding',
  'ADMINISTRATIVELY CLOSED': 'closed_no_finding',
  'ADMINISTRATIVELY TERMINATED': 'closed_no_finding',
  'CLOSE HOLD': 'closed_no_finding',
  'CLOSED/RESIGNED NOT SERVED': 'final',
  'CLOSED/PENALTY NOT SERVED': 'final',
  'CASE SUSPENDED': 'investigation',
  REOPENED: 'investigation',
  'PENDING ADDITIONAL INVESTIGATION': 'investigation',
  'PENDING REVIEW INCIDENT (I.A.D./DISTRICT USE)': 'preliminary',
  'PENDING REVIEW INCIDENT (C.O.P.A. USE ONLY)': 'preliminary',
  'PENDING INVESTIGATIVE REVIEW': 'review',
  'PENDING WATCH COMMANDER REVIEW': 'review',
  'PENDING RECORDS CLOSING STEPS (C.O.P.A.)': 'review',
};

const SOURCE_STATUSES = vocabulary(SOURCE_STATUS);

/** A release status → stage; unknown `PENDING …` statuses are department review, `CLOSED…` final. */
export function mapSourceStatus(text: string): { status: CaseStatus; exact: boolean } | null {
  const exact = SOURCE_STATUSES.lookup(text);
  if (exact) {
    return { status: exact, exact: true };
  }
  const key = text.trim().replace(/\s+/g, ' ').toUpperCase();
  if (key.startsWith('PENDING ')) {
    return { status: 'department_review', exact: false };
  }
  if (key.startsWith('CLOSED')) {
    return { status: 'final', exact: false };
  }
  return null;
}

/** True for a status spelling of the vocabulary (for `inspect`: values mapped only by a rule). */
export function isKnownSourceStatus(text: string): boolean {
  return SOURCE_STATUSES.has(text);
}

/** Historic investigating agencies → today's: OPS and IPRA were COPA's predecessors. */
export function mapHistoricalAgency(text: string): 'COPA' | 'BIA' | null {
  // 'O' (5 CLEAR cases, unexplained) is routed by the profile's rules instead
  return HISTORICAL_AGENCIES.lookup(text) ?? null;
}

const HISTORICAL_AGENCIES = vocabulary<'COPA' | 'BIA'>({
  COPA: 'COPA',
  IPRA: 'COPA',
  OPS: 'COPA',
  BIA: 'BIA',
});

/**
 * The 2018-03 CLEAR release's resolved outcome (`final_outcome_USE`: '30 Day Suspension',
 * 'Separation', …) → CPD penalty code. Suspensions over 30 days are code 200. The upstream cleaning
 * rendered codes 800 and 999 as day counts ('800 Day Suspension' = resigned, not served); '900 Day
 * Suspension' (penalty not served) and a bare 'Suspension' have no code and stay verbatim only.
 */
export function penaltyFromOutcome(text: string): string | null {
  const t = wordsKey(text);
  if (t === '') {
    return null;
  }
  const days = /^(\d+) day suspension$/.exec(t);
  if (days) {
    const n = Number(days[1]);
    if (n === 800 || n === 999) {
      return String(n);
    }
    if (n === 900) {
      return null;
    }
    return n <= 30 ? String(n).padStart(3, '0') : '200';
  }
  return OUTCOME_PENALTIES.lookup(t) ?? null;
}

const OUTCOME_PENALTIES = vocabulary({
  Separation: '400',
  Reprimand: '100',
  'Violation Noted': '000',
  'No Action Taken': '600',
  Resigned: '800',
});
