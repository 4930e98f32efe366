/**
 * The one place where overlapping proposals are settled (docs/redaction.md "Resolving
 * overlaps"). Every recognizer proposes spans independently; only this file decides which stand.
 */
import type { Candidate, RedactionKind } from './kinds.ts';

/**
 * Higher wins an overlap: the kinds whose disclosure does most harm, and whose patterns are the
 * most specific, first (a shelter's address is a shelter location before it is an address; a
 * phone number inside an email stays part of the email).
 */
export const PRIORITY: Record<RedactionKind, number> = {
  shelter_location: 7,
  email: 6,
  phone: 5,
  date_of_birth: 4,
  licence_plate: 3,
  street_address: 2,
  person_name: 1,
};

/**
 * The proposals that stand, in text order, never overlapping: by kind priority, then the longer
 * span, then the earlier one, then the order recognizers run in (`registry.ts`). An address whose
 * block label repeats a word that is also found as a name loses the label ("[address]"), so the
 * name does not come back in it.
 */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const names = candidates.filter((c) => c.kind === 'person_name');
  const labelled = candidates.map((c) =>
    c.labelMayName === true && names.some((n) => n.start < c.end && c.start < n.end)
      ? { ...c, replacement: '[address]' }
      : c,
  );
  const ordered = [...labelled].sort(
    (a, b) =>
      PRIORITY[b.kind] - PRIORITY[a.kind] ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ordered) {
    if (c.end <= c.start) {
      continue;
    }
    if (kept.some((k) => c.start < k.end && k.start < c.end)) {
      continue;
    }
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
