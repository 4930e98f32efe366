import { z } from 'zod';
import { Instant, LogNumber, Text, Uuid } from './common.ts';
import { PublicLanguage } from './public.ts';

/*
 * Public statements, about cases or office-wide.
 */

/** One language version of a statement, as staff see it (issue 22 item 2, ADR 0046). */
export const StatementOut = z.object({
  id: Uuid,
  /** The cases it is about; empty for an office-wide statement. */
  logNumbers: z.array(LogNumber),
  language: z.string(),
  text: z.string(),
  /** Its original, when this version is a translation. */
  translationOf: Uuid.nullable(),
  /** The pair's other language version (original or translation), once drafted. */
  translationId: Uuid.nullable(),
  /** draft → reviewed (by a person other than the author) → published (with its translation). */
  status: z.enum(['draft', 'reviewed', 'published']),
  createdAt: Instant,
  /** The author, by name. */
  author: z.string().nullable(),
  authorId: Uuid.nullable(),
  reviewedAt: Instant.nullable(),
  reviewer: z.string().nullable(),
  publishedAt: Instant.nullable(),
});

/** POST /api/v1/cases/{logNumber}/statements: one language version about that case. */
export const StatementRequest = z.strictObject({
  text: Text(1, 10_000),
  /** A statement is published in English and Spanish together (domain/statements.ts). */
  language: PublicLanguage,
  /** The statement this one translates; the translation is about the same cases. */
  translationOf: Uuid.optional(),
});

/**
 * POST /api/v1/statements: a statement about any number of cases, or none (office-wide), or the
 * translation of one (then about its original's cases).
 */
export const OfficeStatementRequest = StatementRequest.extend({
  logNumbers: z.array(LogNumber).max(50).default([]),
});

/** GET /api/v1/statements: the office's statements. */
export const OfficeStatementsResponse = z.object({ items: z.array(StatementOut) });

