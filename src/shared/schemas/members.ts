import { z } from 'zod';
import { CATEGORIES, DUTY_STATUS_ACTIONS } from '../enums.ts';
import { DateOnly, Instant, LogNumber, Text, Uuid } from './common.ts';
import { DutyStatusOut, MemberIdentification, Star } from './cases.ts';

/** POST /api/v1/members — add a department member to the roster. */
export const MemberRequest = z.strictObject({
  /** Star (badge) number. */
  star: Star,
  firstName: Text(1, 100),
  lastName: Text(1, 100),
  /** Rank as the department writes it (`Police Officer`, `Sergeant`, `Lieutenant`…). */
  rank: Text(0, 60).optional(),
  /** Unit code, e.g. `010`. */
  unit: Text(0, 20).optional(),
  appointedDate: DateOnly.optional(),
  race: Text(0, 60).optional(),
  sex: Text(0, 30).optional(),
  birthYear: z.number().int().min(1900).max(2100).optional(),
});

export const MemberOut = MemberIdentification.extend({
  race: z.string().nullable(),
  sex: z.string().nullable(),
  birthYear: z.number().int().nullable(),
});

/** GET /api/v1/members query: star or name search. */
export const MemberSearchQuery = z.strictObject({
  q: Text(1, 100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export const MemberListResponse = z.object({ items: z.array(MemberOut), total: z.number().int() });

/** GET /api/v1/members/{id}: the member with the history the caller may see. */
export const MemberDetailOut = MemberOut.extend({
  allegations: z.array(
    z.object({
      id: Uuid,
      logNumber: LogNumber,
      category: z.enum(CATEGORIES),
      recommendedFinding: z.string().nullable(),
      finalFinding: z.string().nullable(),
      finalPenalty: z.string().nullable(),
      receivedAt: Instant,
    }),
  ),
  /** The duty-status ledger: recommendations and decisions, oldest first. */
  dutyStatus: z.array(DutyStatusOut),
  /** Current status from the latest decided action. */
  currentDutyStatus: z.enum(DUTY_STATUS_ACTIONS).nullable(),
});

/** POST /api/v1/members/{id}/duty-status */
export const DutyStatusRequest = z
  .strictObject({
    action: z.enum(DUTY_STATUS_ACTIONS),
    stage: z.enum(['recommended', 'decided']),
    logNumber: LogNumber,
    /** Who decided (name and title, e.g. `Superintendent Larry Snelling`); required for decided. */
    decidedBy: Text(1, 200).optional(),
    /** The recommendation this decision answers. */
    recommendationId: Uuid.optional(),
    reason: Text(1, 2000),
    effectiveAt: Instant,
    badgeSurrendered: z.boolean().optional(),
    weaponSurrendered: z.boolean().optional(),
  })
  .refine((v) => v.stage === 'recommended' || Boolean(v.decidedBy), {
    message: 'is required when stage is decided',
    path: ['decidedBy'],
  });
