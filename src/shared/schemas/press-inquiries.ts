import { z } from 'zod';
import { Instant, LogNumber, Text, Uuid } from './common.ts';

/*
 * Press inquiries across the office and their answers (issue 22 item 3, ADR 0047).
 */

const StaffRef = z.object({ id: Uuid, name: z.string() });

/** Where an inquiry stands: open, a free-text answer awaiting its review, or answered. */
export const PRESS_INQUIRY_STATES = ['open', 'awaiting_review', 'answered'] as const;

export const PressInquiryOut = z.object({
  id: Uuid,
  outlet: z.string(),
  reporter: z.string().nullable(),
  question: z.string(),
  receivedAt: Instant,
  /** The time the office committed to answer by; null when it committed to none. */
  respondBy: Instant.nullable(),
  /** Unanswered past `respondBy`. */
  overdue: z.boolean(),
  state: z.enum(PRESS_INQUIRY_STATES),
  /** The linked cases the reader may see. */
  logNumbers: z.array(LogNumber),
  /** Linked cases the reader may not see, counted only. */
  otherCases: z.number().int(),
  statementId: Uuid.nullable(),
  answerText: z.string().nullable(),
  answerWrittenBy: StaffRef.nullable(),
  answerWrittenAt: Instant.nullable(),
  reviewedBy: StaffRef.nullable(),
  reviewedAt: Instant.nullable(),
  answeredBy: StaffRef.nullable(),
  answeredAt: Instant.nullable(),
});

const inquiryFields = {
  outlet: Text(1, 500),
  reporter: Text(1, 500).optional(),
  question: Text(1, 5000),
  receivedAt: Instant,
  /** The deadline the office committed to; no later than it, the reporter has the answer. */
  respondBy: Instant.optional(),
};

/** POST /api/v1/cases/{logNumber}/press-inquiries: an inquiry about that one case. */
export const PressInquiryRequest = z.strictObject(inquiryFields);

/** Most cases one inquiry is linked to. */
export const MAX_INQUIRY_CASES = 20;

/** POST /api/v1/press-inquiries: an inquiry about no case, one or several. */
export const OfficePressInquiryRequest = z.strictObject({
  ...inquiryFields,
  logNumbers: z.array(LogNumber).max(MAX_INQUIRY_CASES).default([]),
});

/** POST /api/v1/press-inquiries/{id}/answer: a published statement, or free text to review. */
export const PressAnswerRequest = z
  .strictObject({ statementId: Uuid.optional(), text: Text(1, 10_000).optional() })
  .refine((b) => (b.statementId === undefined) !== (b.text === undefined), {
    message: 'give either statementId (a published statement) or text (a free-text answer)',
    path: ['statementId'],
  });

/** GET /api/v1/press-inquiries */
export const PressInquiryListQuery = z.strictObject({
  state: z.enum(['open', 'answered']).default('open'),
});

export const PressInquiryListOut = z.object({ items: z.array(PressInquiryOut) });
