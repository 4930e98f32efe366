import type { CaseStatus, Finding as FindingCodes, Finding } from '../../shared/enums.ts';
import type { LocalizedText } from './profiles/profile.ts';
import { vocabulary } from './profiles/vocabulary.ts';

/** A finding value with its translated label and whether it may still be chosen. */
export interface FindingDefinition {
  label: LocalizedText;
  /** Legacy values are kept as history (PRODUCT.md §3) but are not offered for new findings. */
  legacyOnly: boolean;
}

/** The finding vocabulary (PRODUCT.md §3). */
/** The Chicago profile's finding vocabulary (PRODUCT.md §3); the profile's `findings`. */
export const FINDING_DEFINITIONS: Readonly<Record<keyof typeof FindingCodes, FindingDefinition>> = {
  sustained: { label: { en: 'Sustained', es: 'Acreditada' }, legacyOnly: false },
  not_sustained: { label: { en: 'Not Sustained', es: 'No acreditada' }, legacyOnly: false },
  unfounded: { label: { en: 'Unfounded', es: 'Infundada' }, legacyOnly: false },
  exonerated: {
    label: { en: 'Exonerated', es: 'Exonerado (conducta justificada)' },
    legacyOnly: false,
  },
  // No sworn affidavit is required for complaints received on or after 2021-07-01
  // (50 ILCS 725/3.8(b)), so "No Affidavit" survives only on older cases.
  no_affidavit: { label: { en: 'No Affidavit', es: 'Sin declaración jurada' }, legacyOnly: true },
  no_finding: { label: { en: 'No Finding', es: 'Sin conclusión' }, legacyOnly: true },
  administratively_closed: {
    label: { en: 'Administratively Closed', es: 'Cerrado administrativamente' },
    legacyOnly: true,
  },
};

/** Findings that may be recorded on a new allegation. */
export const CURRENT_FINDINGS: Finding[] = Object.entries(FINDING_DEFINITIONS)
  .filter(([, d]) => !d.legacyOnly)
  .map(([f]) => f);

/** Findings kept only as imported history. */
export const LEGACY_FINDINGS: Finding[] = Object.entries(FINDING_DEFINITIONS)
  .filter(([, d]) => d.legacyOnly)
  .map(([f]) => f);

/** True for a finding kept only as history (no_affidavit, no_finding, administratively_closed). */
export function isLegacyFinding(
  finding: Finding,
  findings: Readonly<Record<string, FindingDefinition>> = FINDING_DEFINITIONS,
): boolean {
  return findings[finding]?.legacyOnly === true;
}

const FINDING_SPELLINGS: Readonly<Record<string, Finding>> = {
  SUSTAINED: 'sustained',
  'NOT SUSTAINED': 'not_sustained',
  UNFOUNDED: 'unfounded',
  EXONERATED: 'exonerated',
  'NO AFFIDAVIT': 'no_affidavit',
  'NO FINDING': 'no_finding',
  'CLOSED/NO FINDING': 'no_finding',
  'ADMINISTRATIVELY CLOSED': 'administratively_closed',
};

/**
 * Maps a finding as spelled in the CLEAR and CMS exports ('Not Sustained', 'NOT SUSTAINED',
 * 'Closed/No Finding', or any spelling with the same words) to its code; null for values outside the vocabulary (e.g. 'ADDITIONAL
 * INVESTIGATION REQUESTED'), which the importer keeps verbatim.
 */
/**
 * Findings on the merits: the allegation was decided on its facts. The sustained rate divides by
 * these (a closure without finding is no decision on the allegation).
 */
export const MERIT_FINDINGS: readonly Finding[] = [
  'sustained',
  'not_sustained',
  'unfounded',
  'exonerated',
];

/** The merit findings as an SQL list (`('sustained', …)`): codes from code, never input. */
export const MERIT_FINDINGS_SQL = `(${MERIT_FINDINGS.map((f) => `'${f}'`).join(', ')})`;

export function findingFromText(text: string): Finding | null {
  return FINDINGS_BY_WORDS.lookup(text) ?? null;
}

/** Spellings matched on their words: `Not Sustained`, `NOT SUSTAINED`, `not-sustained`. */
const FINDINGS_BY_WORDS = vocabulary(FINDING_SPELLINGS);

/** A CPD penalty code with its label and the findings it may accompany. */
export interface PenaltyDefinition {
  label: LocalizedText;
  /** Suspension length for 001–030. */
  suspensionDays?: number;
  /** Findings this penalty may be recorded with on a new entry; 'any' for non-disciplinary codes. */
  allowedFindings: 'any' | readonly Finding[];
}

/*
 * Penalty rule: a penalty that disciplines a member (suspension, reprimand, separation, and a
 * resignation that left one unserved) requires a sustained finding — a member cannot be
 * punished for an allegation that was not proven. 600 (no action), 601 (no action / no
 * affidavit) and 000 (violation noted, no discipline imposed) may accompany any finding, as the
 * lead's specification says; 301 and 999 close a case without deciding it, so they go with the
 * closing findings. The CPD exports attach a member's case-level penalty to every allegation
 * row, so imported history is NOT checked against this rule; only new entries are.
 */
const CLOSING_FINDINGS: readonly Finding[] = ['sustained', 'administratively_closed', 'no_finding'];
const SUSTAINED_ONLY: readonly Finding[] = ['sustained'];

function suspension(days: number): PenaltyDefinition {
  return {
    label: {
      en: `${days}-day suspension`,
      es: `Suspensión de ${days} ${days === 1 ? 'día' : 'días'}`,
    },
    suspensionDays: days,
    allowedFindings: SUSTAINED_ONLY,
  };
}

function buildPenaltyCodes(): Record<string, PenaltyDefinition> {
  const codes: Record<string, PenaltyDefinition> = {
    '000': {
      label: { en: 'Violation noted', es: 'Infracción anotada' },
      allowedFindings: 'any',
    },
  };
  for (let days = 1; days <= 30; days += 1) {
    codes[String(days).padStart(3, '0')] = suspension(days);
  }
  Object.assign(codes, {
    '100': { label: { en: 'Reprimand', es: 'Amonestación' }, allowedFindings: SUSTAINED_ONLY },
    '200': {
      label: { en: 'Suspension over 30 days', es: 'Suspensión de más de 30 días' },
      allowedFindings: SUSTAINED_ONLY,
    },
    '301': {
      label: { en: 'Administratively closed', es: 'Cerrado administrativamente' },
      allowedFindings: CLOSING_FINDINGS,
    },
    '400': {
      label: { en: 'Separation', es: 'Separación del cargo' },
      allowedFindings: SUSTAINED_ONLY,
    },
    '600': {
      label: {
        en: 'No action taken (not sustained, exonerated or unfounded)',
        es: 'Sin medidas (no acreditada, exonerado o infundada)',
      },
      allowedFindings: 'any',
    },
    '601': {
      label: { en: 'No action taken / no affidavit', es: 'Sin medidas / sin declaración jurada' },
      allowedFindings: 'any',
    },
    '800': {
      label: { en: 'Resigned – not served', es: 'Renunció – sanción no cumplida' },
      allowedFindings: CLOSING_FINDINGS,
    },
    // Not in PRODUCT.md's list, but present in the COPA CMS export ('999 - DECEASED').
    '999': { label: { en: 'Deceased', es: 'Fallecido' }, allowedFindings: CLOSING_FINDINGS },
  } satisfies Record<string, PenaltyDefinition>);
  return codes;
}

/** CPD penalty codes (PRODUCT.md §3): 000, 001–030, 100, 200, 301, 400, 600, 601, 800, 999. */
export const PENALTY_CODES: Readonly<Record<string, PenaltyDefinition>> =
  Object.freeze(buildPenaltyCodes());

/** True for a known 3-digit penalty code ('010'); '10' or '031' are not codes. */
export function isPenaltyCode(code: string): boolean {
  return Object.hasOwn(PENALTY_CODES, code);
}

/**
 * The English and Spanish label of a penalty code.
 *
 * @throws RangeError for an unknown code (check with isPenaltyCode first).
 */
export function describePenalty(code: string): LocalizedText {
  if (!isPenaltyCode(code)) {
    throw new RangeError(`Unknown penalty code "${code}"`);
  }
  const def = PENALTY_CODES[code] as PenaltyDefinition;
  return { ...def.label };
}

/** Extracts the code from an export value like '010 - 10 DAY SUSPENSION'; null if none. */
export function penaltyCodeFromText(text: string): string | null {
  const match = /^\s*(\d{3})\b/.exec(text);
  const code = match?.[1];
  return code !== undefined && isPenaltyCode(code) ? code : null;
}

/**
 * Whether a penalty may be recorded with a finding on a new entry: any known code except 600,
 * 601 and 000 requires a sustained finding (301, 800 and 999 also go with the closing findings
 * administratively_closed and no_finding). Unknown codes are never allowed.
 */
export function penaltyAllowedForFinding(finding: Finding, code: string): boolean {
  if (!isPenaltyCode(code)) {
    return false;
  }
  const allowed = (PENALTY_CODES[code] as PenaltyDefinition).allowedFindings;
  return allowed === 'any' || allowed.includes(finding);
}

/** The two kinds of finding: the investigating agency's recommendation, and the final one. */
export type FindingStage = 'recommended' | 'final';

/**
 * The case stages in which each kind of finding may be recorded (docs/domain.md).
 * - recommended: once an investigation exists (investigation, review, department review, and
 *   final, where a recommendation missing from the record can still be entered); not at intake
 *   or in the preliminary stage, where nothing has been investigated yet.
 * - final: from department review on. COPA's recommendations go to the Superintendent in
 *   department review, who accepts them or not (MCC 2-78-130); the Police Board or an arbitrator
 *   may change them after the case is final (PRODUCT.md §3), so final stays open too.
 * A case closed without a finding or referred has no findings; reopening it (back to
 * investigation) comes first.
 */
export const FINDING_STAGES: Readonly<Record<FindingStage, ReadonlySet<CaseStatus>>> = {
  recommended: new Set<CaseStatus>(['investigation', 'review', 'department_review', 'final']),
  final: new Set<CaseStatus>(['department_review', 'final']),
};

/** Why a finding of `stage` cannot be recorded on a case in `status`; null when it can. */
export function findingStageProblem(stage: FindingStage, status: CaseStatus): string | null {
  if (FINDING_STAGES[stage].has(status)) {
    return null;
  }
  return stage === 'recommended'
    ? `A recommended finding is recorded once an investigation exists (investigation through final); this case is in ${status}.`
    : `A final finding exists from department review on (MCC 2-78-130): the Superintendent decides on the recommendations there; this case is in ${status}.`;
}

/** Why a decision date cannot be recorded; null when it can. Dates are 'YYYY-MM-DD'. */
export function decidedOnProblem(
  decidedOn: string,
  bounds: { today: string; receivedOn: string },
): { code: 'decided_on_in_future' | 'decided_on_before_receipt'; message: string } | null {
  if (decidedOn > bounds.today) {
    return { code: 'decided_on_in_future', message: 'must not be in the future' };
  }
  if (decidedOn < bounds.receivedOn) {
    return {
      code: 'decided_on_before_receipt',
      message: `must not be before the case was received (${bounds.receivedOn})`,
    };
  }
  return null;
}
