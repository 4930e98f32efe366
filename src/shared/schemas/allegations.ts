import { z } from 'zod';

import { DateOnly, Instant, LogNumber, Text, Uuid, CategoryCode, FindingCode } from './common.ts';
import { Star, MemberRef } from './officers.ts';

/*
 * Allegations, their findings and the duty-status actions of a case.
 */

const PenaltyCode = z.string().regex(/^\d{3}$/, 'must be a 3-digit CPD penalty code');

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
