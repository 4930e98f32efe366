import type { CaseIntakeRequest } from '../../shared/schemas/cases.ts';
import { classifyIntake } from '../domain/intake.ts';
import type { RoutingDecision } from '../domain/routing.ts';
import type { CommandDeps } from './context.ts';
import { requireIntakeRole } from './file-case.ts';

/** What intake would decide for this request, without writing anything. */
export interface RoutingPreview {
  routing: RoutingDecision;
  restricted: boolean;
  restrictionReasons: string[];
}

/**
 * The routing decision and restriction intake would apply (the same `classifyIntake` filing
 * applies), so the intake wizard shows the clause before submitting instead of
 * re-deriving the law in the browser (STYLE.md §2.2). Read-only: nothing is written or audited.
 * Same roles as intake.
 */
export function previewRouting(
  deps: Pick<CommandDeps, 'actor' | 'profile'>,
  input: CaseIntakeRequest,
): RoutingPreview {
  requireIntakeRole(deps);
  return classifyIntake(input, deps.profile);
}
