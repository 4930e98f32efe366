import { z } from 'zod';
import { DateOnly, DeadlineBasisFields, Instant, Text, Uuid } from './common.ts';

/*
 * The statutory and policy clocks of a case, their extensions and completion.
 */

/** Which clock a deadline is and when it falls due, wherever a deadline is shown. */
export const DeadlineDueFields = {
  /** Which clock. */
  kind: z.string(),
  /** For repeating clocks (the 6-month notices): which repetition. */
  sequence: z.number().int(),
  /** Due calendar date in the profile's time zone. */
  dueDate: DateOnly,
  /** The instant it falls due (end of the due day, local time). */
  dueAt: Instant,
};

/** A statutory or policy clock on the case. */
export const DeadlineOut = z.object({
  id: Uuid,
  ...DeadlineDueFields,
  /** What the clock runs from. */
  anchor: z.object({ kind: z.string(), date: DateOnly }),
  ...DeadlineBasisFields,
  /** The clause. */
  clause: z.string(),
  /** When it was met, if it was. */
  metAt: Instant.nullable(),
  /** When a correction recomputed it and another deadline replaced it (it then no longer runs). */
  supersededAt: Instant.nullable(),
  /** The deadline that replaced it. */
  supersededBy: Uuid.nullable(),
  /** Extensions granted, oldest first. */
  extensions: z.array(
    z.object({
      days: z.number().int(),
      dayKind: z.string(),
      newDueDate: DateOnly,
      reason: z.string(),
      grantedAt: Instant,
      grantedBy: z.string(),
    }),
  ),
});

/** POST /api/v1/cases/{logNumber}/deadlines/{id}/extensions */
export const ExtensionRequest = z.strictObject({
  days: z.number().int().min(1).max(365),
  dayKind: z.enum(['calendar', 'business']).default('calendar'),
  reason: Text(1, 2000),
});

/** POST /api/v1/cases/{logNumber}/deadlines/{id}/complete */
export const DeadlineCompleteRequest = z.strictObject({
  /** When the work was done (default: now). */
  metAt: Instant.optional(),
});
