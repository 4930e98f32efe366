import type { z } from 'zod';
import type { DashboardDeadline } from '../../../shared/schemas/dashboard.ts';
import { deadlineBasis } from '../../domain/deadline-basis.ts';
import type { JurisdictionProfile } from '../../domain/profiles/profile.ts';
import type { DueDeadlineRow } from '../../repositories/dashboard.repository.ts';
import { deadlineBasisFacts } from '../../repositories/deadlines.repository.ts';
import { isoRequired } from '../../repositories/sql.ts';
import type { LetterFailure } from '../../../shared/letters.ts';

/** An open deadline on the dashboard, marked overdue when its due time has passed. */
export function presentDueDeadline(
  d: DueDeadlineRow,
  now: Date,
  profile: JurisdictionProfile,
): z.output<typeof DashboardDeadline> {
  const basis = deadlineBasis(deadlineBasisFacts(d), profile);
  return {
    logNumber: d.log_number,
    kind: d.kind,
    sequence: d.sequence,
    dueDate: d.due_date,
    dueAt: isoRequired(d.due_at),
    basisCode: basis.code,
    basis: basis.en,
    basisEs: basis.es,
    clause: d.clause,
    overdue: new Date(d.due_at).getTime() < now.getTime(),
    status: d.status,
    categories: d.categories,
    letterProblem: d.letter_problem
      ? { failure: d.letter_problem.failure as LetterFailure, detail: d.letter_problem.detail }
      : null,
  };
}
