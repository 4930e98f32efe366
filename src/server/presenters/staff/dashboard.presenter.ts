import type { z } from 'zod';
import type { DashboardDeadline } from '../../../shared/schemas/dashboard.ts';
import type { JurisdictionProfile } from '../../domain/profiles/profile.ts';
import type { DueDeadlineRow } from '../../repositories/dashboard.repository.ts';
import { presentDeadlineClock } from './case.presenter.ts';
import type { LetterFailure } from '../../../shared/letters.ts';

/** An open deadline on the dashboard, marked overdue when its due time has passed. */
export function presentDueDeadline(
  d: DueDeadlineRow,
  now: Date,
  profile: JurisdictionProfile,
): z.output<typeof DashboardDeadline> {
  return {
    logNumber: d.log_number,
    ...presentDeadlineClock(d, profile),
    overdue: new Date(d.due_at).getTime() < now.getTime(),
    status: d.status,
    categories: d.categories,
    letterProblem: d.letter_problem
      ? { failure: d.letter_problem.failure as LetterFailure, detail: d.letter_problem.detail }
      : null,
  };
}
