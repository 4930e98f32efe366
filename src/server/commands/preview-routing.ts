import type { CaseIntakeRequest } from '../../shared/schemas/cases.ts';
import type { Vulnerability } from '../../shared/enums.ts';
import { restrictionFor } from '../domain/restriction.ts';
import { routeCase, type RoutingDecision } from '../domain/routing.ts';
import { allowedGlobally, GlobalAction } from '../policies/authorization.ts';
import { ForbiddenError } from '../errors.ts';
import type { CommandDeps } from './context.ts';

/** What intake would decide for this request, without writing anything. */
export interface RoutingPreview {
  routing: RoutingDecision;
  restricted: boolean;
  restrictionReasons: string[];
}

/**
 * The routing decision and restriction intake would apply (the same pure rules `fileCase` runs),
 * so the intake wizard shows the clause before submitting instead of re-deriving the law in the
 * browser (STYLE.md §2.2). Read-only: nothing is written or audited. Same roles as intake.
 */
export function previewRouting(
  deps: Pick<CommandDeps, 'actor' | 'profile'>,
  input: CaseIntakeRequest,
): RoutingPreview {
  if (!allowedGlobally(deps.actor, GlobalAction.fileCase)) {
    throw new ForbiddenError(
      'forbidden',
      'Only intake, supervisors and chief administrators register cases.',
    );
  }
  const vulnerabilities = [
    ...new Set(input.parties.flatMap((p) => p.vulnerabilities)),
  ] as Vulnerability[];
  const routing = routeCase(
    {
      caseType: input.caseType,
      categories: input.categories,
      ...(input.notificationType ? { notificationType: input.notificationType } : {}),
      seriousInjuryOrDeath: input.seriousInjuryOrDeath,
      inCustody: input.inCustody,
    },
    deps.profile,
  );
  const restriction = restrictionFor({ categories: input.categories, vulnerabilities });
  return { routing, restricted: restriction.restricted, restrictionReasons: restriction.reasons };
}
