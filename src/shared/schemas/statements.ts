import { z } from 'zod';
import { Instant, LanguageCode, LogNumber, Text, Uuid } from './common.ts';

/*
 * Public statements and press inquiries about a case.
 */

export const StatementOut = z.object({
  id: Uuid,
  logNumber: LogNumber.nullable(),
  language: z.string(),
  text: z.string(),
  humanReviewed: z.boolean(),
  translationOf: Uuid.nullable(),
  status: z.enum(['draft', 'published']),
  createdAt: Instant,
  publishedAt: Instant.nullable(),
});

export const PressInquiryOut = z.object({
  id: Uuid,
  outlet: z.string(),
  question: z.string(),
  receivedAt: Instant,
  statementId: Uuid.nullable(),
  answeredAt: Instant.nullable(),
});

/** POST /api/v1/cases/{logNumber}/statements */
export const StatementRequest = z.strictObject({
  text: Text(1, 10_000),
  language: LanguageCode,
  /** The statement this one translates. */
  translationOf: Uuid.optional(),
  humanReviewed: z.boolean().default(true),
});

/** POST /api/v1/cases/{logNumber}/press-inquiries */
export const PressInquiryRequest = z.strictObject({
  outlet: Text(1, 500),
  question: Text(1, 5000),
  receivedAt: Instant,
});

/** POST /api/v1/press-inquiries/{id}/answer */
export const PressAnswerRequest = z.strictObject({ statementId: Uuid });
