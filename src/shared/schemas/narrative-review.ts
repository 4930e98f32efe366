import { z } from 'zod';
import { Instant, LogNumber, Uuid } from './common.ts';
import { RedactionOut } from './public.ts';

/*
 * The narrative review (issue 17 item 5): a public-information officer reviews the machine's
 * proposed redaction of a concluded case's narrative and approves what the portal publishes.
 */

/** The narrative version (SHA-256 of its text) every decision names. */
const Version = z.string().regex(/^[0-9a-f]{64}$/);
const Offset = z.number().int().min(0).max(1_000_000);

/** POST /api/v1/cases/{logNumber}/narrative-review/decisions */
export const SpanDecisionRequest = z.discriminatedUnion('decision', [
  z.strictObject({ version: Version, decision: z.literal('keep'), proposalIndex: Offset }),
  z.strictObject({ version: Version, decision: z.literal('remove'), proposalIndex: Offset }),
  z.strictObject({
    version: Version,
    decision: z.literal('add'),
    start: Offset,
    end: Offset,
    /** A redaction kind (`person_name`, `street_address`, … or `known_identity`). */
    kind: z.string().min(1).max(40),
  }),
  z.strictObject({ version: Version, decision: z.literal('withdraw'), withdraws: Uuid }),
]);

/** POST /api/v1/cases/{logNumber}/narrative-review/approve */
export const ApproveNarrativeRequest = z.strictObject({ version: Version });

/** GET /api/v1/cases/{logNumber}/narrative-review */
export const NarrativeReviewOut = z.object({
  logNumber: LogNumber,
  version: Version,
  /** The unredacted narrative the offsets point into. */
  narrative: z.string(),
  /** The machine's spans, in order, with what the reviewer decided of each. */
  /** (Offsets here point into the unredacted narrative.) */
  proposed: z.array(RedactionOut.extend({ index: z.number().int(), removed: z.boolean() })),
  /** Spans the reviewer added and has not withdrawn. */
  added: z.array(
    z.object({ id: Uuid, start: z.number().int(), end: z.number().int(), kind: z.string() }),
  ),
  /** Every decision, in the order taken. */
  decisions: z.array(
    z.object({
      id: Uuid,
      decision: z.enum(['keep', 'remove', 'add', 'withdraw']),
      proposalIndex: z.number().int().nullable(),
      start: z.number().int().nullable(),
      end: z.number().int().nullable(),
      kind: z.string().nullable(),
      withdraws: Uuid.nullable(),
      decidedAt: Instant,
      decidedBy: z.string(),
    }),
  ),
  /** The text the portal would publish if approved now. */
  preview: z.object({ text: z.string(), redactions: z.array(RedactionOut) }),
  /** The approval of this version, when given. */
  approved: z
    .object({ text: z.string(), approvedAt: Instant, approvedBy: z.string().nullable() })
    .nullable(),
});

export const NarrativeQueueQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

/** GET /api/v1/narrative-reviews: narratives waiting for a person, oldest first. */
export const NarrativeQueueOut = z.object({
  items: z.array(
    z.object({
      logNumber: LogNumber,
      status: z.string(),
      closedOn: z.string().nullable(),
      receivedAt: Instant,
      imported: z.boolean(),
      /** An earlier version was approved; the narrative changed since. */
      approvedBefore: z.boolean(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
