import type { Category, Vulnerability } from '../../shared/enums.ts';

/** Stable codes for why a case is restricted to its need-to-know team. */
export const RESTRICTION_REASONS = [
  'sexual_misconduct',
  'domestic_violence',
  'minor_party',
  'shelter_resident_party',
] as const;
export type RestrictionReason = (typeof RESTRICTION_REASONS)[number];

/** What decides restriction: categories, party vulnerabilities and the case flags. */
export interface RestrictionInput {
  categories: Category[];
  /** Vulnerabilities of every party on the case, merged. */
  vulnerabilities: Vulnerability[];
  flags?: { domesticViolence?: boolean; sexualMisconduct?: boolean };
}

/**
 * Whether a case is restricted to its need-to-know team (PRODUCT.md §4 "Restricted cases"):
 * sexual misconduct, domestic violence, or any party who is a minor or a shelter resident.
 * Reasons are stable codes in a fixed order, without duplicates, for the audit trail and the UI.
 * Limited English and disability do not restrict a case: they change how we contact a party,
 * not who may read the file.
 */
export function restrictionFor(input: RestrictionInput): {
  restricted: boolean;
  reasons: RestrictionReason[];
} {
  const categories = new Set(input.categories);
  const vulnerabilities = new Set(input.vulnerabilities);
  const reasons: RestrictionReason[] = [];
  // A flag and a category are two ways intake records the same fact; either one restricts.
  if (categories.has('sexual_misconduct') || input.flags?.sexualMisconduct === true) {
    reasons.push('sexual_misconduct');
  }
  if (categories.has('domestic_violence') || input.flags?.domesticViolence === true) {
    reasons.push('domestic_violence');
  }
  if (vulnerabilities.has('minor')) {
    reasons.push('minor_party');
  }
  if (vulnerabilities.has('shelter_resident')) {
    reasons.push('shelter_resident_party');
  }
  return { restricted: reasons.length > 0, reasons };
}

/**
 * A case's restriction after a change to what decides it (a party added, categories corrected):
 * the rule's answer for the new facts is added to what the case already had. Nothing lifts a
 * restriction automatically (docs/domain.md "Restriction"): a fact removed may have been recorded
 * in error, or not, and only a person may decide that the need-to-know team can be widened.
 */
export function tightenRestriction(
  current: { restricted: boolean; reasons: readonly string[] },
  next: { restricted: boolean; reasons: readonly string[] },
): { restricted: boolean; reasons: string[]; changed: boolean } {
  const restricted = current.restricted || next.restricted;
  const reasons = [...new Set([...current.reasons, ...next.reasons])];
  return {
    restricted,
    reasons,
    changed: restricted !== current.restricted || reasons.length !== current.reasons.length,
  };
}
