import { z } from 'zod';
import { Instant, Text, InvestigatingAgencyCode } from './common.ts';

/*
 * Where a case goes and which clause decided it, the re-routings offered, and agency tracks.
 */

/** Where a case went and which clause decided it. */
export const Routing = z.object({
  /** Investigating agency. */
  agency: InvestigatingAgencyCode,
  /** The clause of law applied, e.g. `MCC 2-78-120(b-5)`. */
  clause: z.string(),
  /** Stable rule code. */
  rule: z.string(),
  /** Plain-language explanation (English). */
  explanation: z.string(),
  /** Plain-language explanation (Spanish). */
  explanationEs: z.string(),
  /** When the decision was made. */
  decidedAt: Instant,
});

/** A re-routing offered on a case, waiting for a manager to accept it. */
export const RoutingReviewOut = z.object({
  /** The agency the rules now give the case. */
  agency: InvestigatingAgencyCode,
  /** The clause that gives it, e.g. `MCC 2-78-120(b)`. */
  clause: z.string(),
  /** Stable rule code. */
  rule: z.string(),
  /** Plain-language explanation (English). */
  explanation: z.string(),
  /** Plain-language explanation (Spanish). */
  explanationEs: z.string(),
  /** Why a person decides: `joint_determination` (the case sits with BIA under one). */
  reason: z.enum(['joint_determination']),
});

/** POST /api/v1/cases/{logNumber}/agencies */
export const AgencyRequest = z.strictObject({
  agency: InvestigatingAgencyCode,
  track: z.enum(['administrative', 'criminal']),
  role: z.enum(['lead', 'parallel', 'referred']),
  /** For a joint COPA+BIA determination moving a sexual-misconduct case to BIA (MCC 2-78-120(b-5)). */
  jointDetermination: z.strictObject({ reason: Text(1, 2000) }).optional(),
});

/** POST /api/v1/cases/{logNumber}/routing-review: accept the re-routing offered. */
export const RoutingReviewAcceptRequest = z.strictObject({
  /** The agency the offer proposed when the caller saw it; another offer answers 409. */
  agency: InvestigatingAgencyCode,
  /** Why, in the accepting manager's words (kept in the audit). */
  note: Text(1, 2000).optional(),
});
