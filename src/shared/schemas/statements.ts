import { z } from 'zod';
import { Instant, LanguageCode, LogNumber, Text, Uuid } from './common.ts';

/*
 * Public statements about a case.
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

/** POST /api/v1/cases/{logNumber}/statements */
export const StatementRequest = z.strictObject({
  text: Text(1, 10_000),
  language: LanguageCode,
  /** The statement this one translates. */
  translationOf: Uuid.optional(),
  humanReviewed: z.boolean().default(true),
});
