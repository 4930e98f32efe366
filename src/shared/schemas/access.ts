import { z } from 'zod';
import { Instant, LogNumber, Text, Uuid } from './common.ts';

/** POST /api/v1/conflicts: a staff member is related to a department member. */
export const ConflictRequest = z
  .strictObject({
    /** The staff user. */
    userId: Uuid.optional(),
    /** Or their email. */
    email: z.email().optional(),
    /** The department member. */
    memberId: Uuid.optional(),
    /** Or their star number. */
    star: z
      .string()
      .regex(/^\d{1,6}$/)
      .optional(),
    /** How they are related (family, partner, former squad…). */
    relation: Text(2, 200),
  })
  .refine((v) => Boolean(v.userId) !== Boolean(v.email), {
    message: 'give exactly one of userId or email',
    path: ['userId'],
  })
  .refine((v) => Boolean(v.memberId) !== Boolean(v.star), {
    message: 'give exactly one of memberId or star',
    path: ['memberId'],
  });

export const ConflictOut = z.object({ id: Uuid, userId: Uuid, memberId: Uuid });

/** POST /api/v1/cases/{logNumber}/break-glass. */
export const BreakGlassRequest = z.strictObject({
  /** Why emergency access is needed: read by supervisors and the auditor. */
  reason: Text(20, 2000),
});

export const BreakGlassOut = z.object({
  id: Uuid,
  logNumber: LogNumber,
  /** Access ends at this time. */
  expiresAt: Instant,
});

/** GET /api/v1/break-glass query. */
export const BreakGlassListQuery = z.strictObject({
  /** Only grants not yet reviewed (default true). */
  open: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const BreakGlassItem = z.object({
  id: Uuid,
  logNumber: LogNumber,
  userId: Uuid,
  userEmail: z.string(),
  agency: z.string(),
  reason: z.string(),
  grantedAt: Instant,
  expiresAt: Instant,
  reviewedAt: Instant.nullable(),
  reviewNote: z.string().nullable(),
});

export const BreakGlassList = z.object({ items: z.array(BreakGlassItem), total: z.number().int() });

/** POST /api/v1/break-glass/{id}/review. */
export const BreakGlassReviewRequest = z.strictObject({
  /** What the reviewer found (justified, follow-up…). */
  note: Text(2, 2000),
});
