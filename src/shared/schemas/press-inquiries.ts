import { z } from 'zod';
import { Instant, Text, Uuid } from './common.ts';

/*
 * Press inquiries and their answers.
 */

export const PressInquiryOut = z.object({
  id: Uuid,
  outlet: z.string(),
  question: z.string(),
  receivedAt: Instant,
  statementId: Uuid.nullable(),
  answeredAt: Instant.nullable(),
});

/** POST /api/v1/cases/{logNumber}/press-inquiries */
export const PressInquiryRequest = z.strictObject({
  outlet: Text(1, 500),
  question: Text(1, 5000),
  receivedAt: Instant,
});

/** POST /api/v1/press-inquiries/{id}/answer */
export const PressAnswerRequest = z.strictObject({ statementId: Uuid });
