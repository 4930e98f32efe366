import { z } from 'zod';
import { DateOnly } from './common.ts';

/** GET /api/v1/reports/{kind}/{period}: the period's statutory report (MCC §2-78-150). */
export const ReportKind = z.enum(['quarterly', 'annual']);
export const ReportParams = z.strictObject({
  kind: ReportKind,
  /** `2022Q3` for a quarter, `2022` for a year. */
  period: z.string().max(20),
});
export const ReportQuery = z.strictObject({
  /** `public` applies the small-cell suppression; `staff` (default) does not. */
  version: z.enum(['staff', 'public']).default('staff'),
});

export const ReportColumnOut = z.union([
  z.object({
    key: z.string(),
    kind: z.literal('count'),
    sumOf: z.array(z.string()).readonly().optional(),
  }),
  z.object({
    key: z.string(),
    kind: z.literal('rate'),
    numerator: z.string(),
    denominator: z.string(),
  }),
  z.object({ key: z.string(), kind: z.literal('days'), basis: z.string() }),
]);

export const ReportRowOut = z.object({
  key: z.string(),
  dims: z.record(z.string(), z.string()).optional(),
  /** A figure per column; null = suppressed (public version) or nothing to compute. */
  cells: z.record(z.string(), z.number().nullable()),
});

export const ReportTableOut = z.object({
  id: z.string(),
  columns: z.array(ReportColumnOut),
  rows: z.array(ReportRowOut),
  totalIsSum: z.boolean(),
  /** What the table counts and what the records cannot support: a code, its values, in English. */
  limits: z.array(
    z.object({
      code: z.string(),
      vars: z.record(z.string(), z.union([z.string(), z.number()])),
      text: z.string(),
    }),
  ),
  suppressedCells: z.number().int().optional(),
  partialCells: z.array(z.string()).optional(),
});

export const ReportOut = z.object({
  title: z.string(),
  period: z.object({ kind: ReportKind, label: z.string(), from: DateOnly, to: DateOnly }),
  timeZone: z.string(),
  lastImportAt: z.string().nullable(),
  generatedAt: z.string(),
  version: z.enum(['staff', 'public']),
  threshold: z.number().int().nullable(),
  citation: z.string(),
  tables: z.array(ReportTableOut),
  policyRecommendations: z.array(
    z.object({
      madeOn: DateOnly,
      topic: z.string(),
      recipient: z.string(),
      text: z.string(),
      response: z.string().nullable(),
      respondedOn: DateOnly.nullable(),
      status: z.string(),
    }),
  ),
});
export type ReportOut = z.infer<typeof ReportOut>;
