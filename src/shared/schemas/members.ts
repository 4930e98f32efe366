import { z } from 'zod';
import { DUTY_STATUS_ACTIONS } from '../enums.ts';
import { CategoryCode, DateOnly, Instant, LogNumber, Text, Uuid } from './common.ts';
import { DutyStatusOut } from './allegations.ts';
import { MemberIdentification, Star } from './officers.ts';

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

const RateOut = z.object({
  /** Complaints of this kind in the window. */
  complaints: z.number().int(),
  /** Complaints per year of service in the window; null under a year of service. */
  perServiceYear: z.number().nullable(),
  /** Share (0–100) of the other members of the population with a lower rate. */
  percentile: z.number().nullable(),
});

const PeerRateOut = z.object({
  /** Share (0–100) of the peers with a lower rate. */
  percentile: z.number().nullable(),
  /** The peers' median complaints per service-year. */
  median: z.number().nullable(),
});

export const MemberComparisonOut = z.object({
  /** Whose cases: `all` (every unrestricted case) or the reader's agency's unrestricted cases. */
  population: z.string(),
  /** When the reference figures were computed (`oversight members network`). */
  computedAt: Instant,
  windowStart: DateOnly,
  windowEnd: DateOnly,
  /** Members in the reference distribution (a year of service or more in the window). */
  populationSize: z.number().int(),
  /** Years of service in the window; null without an appointment date. */
  serviceYears: z.number().nullable(),
  civilian: RateOut,
  department: RateOut,
  /** Same unit, same rank, appointed within two years; null when fewer than five peers. */
  peers: z
    .object({
      size: z.number().int(),
      civilian: PeerRateOut,
      department: PeerRateOut,
    })
    .nullable(),
  /** Structural measures in the co-accusal network at the last run; null when never co-accused. */
  network: z
    .object({
      degree: z.number().int(),
      strength: z.number(),
      /** Shortest-path betweenness normalized within the connected component (0–1). */
      betweenness: z.number(),
      componentSize: z.number().int(),
    })
    .nullable(),
  /** Members named with this member in a complaint, strongest link first. */
  coAccused: z.array(
    z.object({
      id: Uuid,
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      star: z.string().nullable(),
      rank: z.string().nullable(),
      unit: z.string().nullable(),
      /** Complaints naming both. */
      complaints: z.number().int(),
      /** Local day the latest of them was received. */
      lastReceivedOn: DateOnly,
      /** Σ 0.5^(age in years / 5) over those complaints, age to the window's end. */
      weight: z.number(),
    }),
  ),
});

/** GET /api/v1/members/{id}: the member with the history the caller may see. */
export const MemberDetailOut = MemberOut.extend({
  allegations: z.array(
    z.object({
      id: Uuid,
      logNumber: LogNumber,
      category: CategoryCode,
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
  /** The allegations above counted by year received (Chicago local) and by category and finding. */
  history: z.object({
    byYear: z.array(
      z.object({
        year: z.number().int(),
        allegations: z.number().int(),
        sustained: z.number().int(),
      }),
    ),
    /** Finding = the final one, else the recommended one; null while none is recorded. */
    byCategoryFinding: z.array(
      z.object({
        category: CategoryCode,
        finding: z.string().nullable(),
        count: z.number().int(),
      }),
    ),
  }),
  /**
   * Complaints per service-year against the other members, peers and the co-accusal network
   * (docs/early-intervention.md). Built only from unrestricted cases the reader's agency takes
   * part in, so a restricted case changes none of it. Null when the reader's role sees no such
   * population, the member has a recorded conflict with the reader, or no run has been made.
   */
  comparison: MemberComparisonOut.nullable(),
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
