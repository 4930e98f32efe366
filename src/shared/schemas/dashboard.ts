import { z } from 'zod';
import { CASE_STATUSES } from '../enums.ts';
import { LETTER_FAILURES } from '../letters.ts';
import { CategoryCode, DeadlineBasisFields, LogNumber } from './common.ts';
import { CaseListItem } from './cases.ts';
import { DeadlineDueFields } from './deadlines.ts';
import { Routing } from './routing.ts';

/** One open deadline on the dashboard, with the clause behind its clock. */
export const DashboardDeadline = z.object({
  logNumber: LogNumber,
  ...DeadlineDueFields,
  ...DeadlineBasisFields,
  clause: z.string(),
  overdue: z.boolean(),
  status: z.enum(CASE_STATUSES),
  categories: z.array(CategoryCode),
  /**
   * Why a letter answering this deadline did not go out (the latest failed one): the clock stays
   * open until every letter for it is sent (issue 18 item 3).
   */
  letterProblem: z
    .object({ failure: z.enum(LETTER_FAILURES), detail: z.string().nullable() })
    .nullable(),
});

/** GET /api/v1/dashboard: the signed-in user's starting page. */
export const DashboardOut = z.object({
  /** Open cases the caller is assigned to. */
  myCases: z.array(CaseListItem),
  /** Open deadlines due within `horizonDays` (or overdue) on cases the caller may see fully. */
  deadlines: z.array(DashboardDeadline),
  horizonDays: z.number().int(),
  /** Cases still in intake, newest first. */
  newIntakes: z.array(CaseListItem),
  /** Restricted cases the caller may open (each open is audited), newest first. */
  restricted: z.array(CaseListItem),
  /**
   * Unanswered press inquiries and those past the deadline the office committed to; null for
   * whoever does not read the press log (issue 22 item 3).
   */
  press: z.object({ open: z.number().int(), overdue: z.number().int() }).nullable(),
});

/** POST /api/v1/routing/preview: where intake would route this case, and whether restricted. */
export const RoutingPreviewOut = z.object({
  routing: Routing.omit({ decidedAt: true }),
  restricted: z.boolean(),
  restrictionReasons: z.array(z.string()),
});
