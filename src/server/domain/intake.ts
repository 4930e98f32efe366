import type { CaseIntakeRequest } from '../../shared/schemas/cases.ts';
import type { Vulnerability } from '../../shared/enums.ts';
import { UnprocessableError } from '../errors.ts';
import type { JurisdictionProfile } from './profiles/profile.ts';
import { classifyCase, type CaseFacts, type Classification } from './classification.ts';

/** The vulnerabilities of every party of an intake request, merged. */
export function intakeVulnerabilities(input: CaseIntakeRequest): Vulnerability[] {
  return [...new Set(input.parties.flatMap((p) => p.vulnerabilities))];
}

/**
 * The facts an intake request gives the classification (the one rule intake, the preview and
 * re-routing share): no accused yet, the parties' vulnerabilities merged.
 */
export function intakeFacts(input: CaseIntakeRequest): CaseFacts {
  return {
    caseType: input.caseType,
    categories: input.categories,
    notificationType: input.notificationType,
    seriousInjuryOrDeath: input.seriousInjuryOrDeath,
    inCustody: input.inCustody,
    vulnerabilities: intakeVulnerabilities(input),
  };
}

/**
 * The one classification of an intake request (routing with its clause, MCC §2-78-120, and
 * restriction, PRODUCT.md §4): what filing applies, whoever files (staff intake or the public
 * form), and what the routing preview shows before submitting. One function, so the preview can
 * never promise what filing would not do.
 */
export function classifyIntake(
  input: CaseIntakeRequest,
  profile: JurisdictionProfile,
): Classification {
  return classifyCase(intakeFacts(input), profile);
}

/** The case flags its categories (and notification type) imply. */
export function categoryFlags(c: {
  categories: readonly string[];
  notificationType?: string | null | undefined;
}): string[] {
  const flags: string[] = [];
  for (const category of ['sexual_misconduct', 'domestic_violence', 'bias'] as const) {
    if (c.categories.includes(category)) {
      flags.push(category);
    }
  }
  if (
    c.categories.includes('firearm_discharge') ||
    c.notificationType?.startsWith('firearm_discharge')
  ) {
    flags.push('police_shooting');
  }
  return flags;
}

/**
 * Intake's rule on the incident time: it cannot be after the office received it (a few minutes'
 * allowance for clocks that disagree). Used by intake and by corrections alike.
 */
export function checkIncidentBeforeReceipt(incidentAt: Date | undefined, receivedAt: Date): void {
  if (incidentAt && incidentAt.getTime() > receivedAt.getTime() + 5 * 60_000) {
    throw new UnprocessableError(
      'incident_after_receipt',
      'The incident cannot happen after the office received it.',
      [{ field: 'incident.occurredAt', message: 'must not be after receivedAt' }],
    );
  }
}
