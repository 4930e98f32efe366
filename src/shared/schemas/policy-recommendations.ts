import { z } from 'zod';
import { DateOnly, Text, Uuid } from './common.ts';

/**
 * Policy recommendations the office makes to the department (issue 18 item 7). The annual report
 * lists them with the department's responses (MCC §2-78-150), so each is a record.
 */
export const POLICY_RECOMMENDATION_STATUSES = [
  /** No action yet (the usual state while the department has not responded). */
  'pending',
  'in_progress',
  'implemented',
  'partially_implemented',
  /** The department declined to implement it. */
  'declined',
] as const;
export const PolicyRecommendationStatus = z.enum(POLICY_RECOMMENDATION_STATUSES);
export type PolicyRecommendationStatus = z.infer<typeof PolicyRecommendationStatus>;

/** POST /api/v1/policy-recommendations */
export const PolicyRecommendationRequest = z.strictObject({
  madeOn: DateOnly,
  topic: Text(1, 200),
  text: Text(1, 20_000),
  /** Who the recommendation went to, e.g. "Superintendent of Police". */
  recipient: Text(1, 200),
});

/** POST /api/v1/policy-recommendations/{id}/response */
export const PolicyResponseRequest = z.strictObject({
  response: Text(1, 20_000),
  respondedOn: DateOnly,
});

/** POST /api/v1/policy-recommendations/{id}/status */
export const PolicyStatusRequest = z.strictObject({ status: PolicyRecommendationStatus });

export const PolicyRecommendationOut = z.object({
  id: Uuid,
  madeOn: DateOnly,
  topic: z.string(),
  text: z.string(),
  recipient: z.string(),
  response: z.string().nullable(),
  respondedOn: DateOnly.nullable(),
  status: PolicyRecommendationStatus,
});
export type PolicyRecommendationOut = z.infer<typeof PolicyRecommendationOut>;
