import type { AssignmentRole, CaseStatus } from '../../shared/enums.ts';
import { allowedTransitions } from '../domain/transition.ts';
import { findingStageProblem, type FindingStage } from '../domain/findings.ts';
import type { Actor } from './actor.ts';
import { TokenScope } from '../../shared/enums.ts';
import {
  allowedByTable,
  CASE_ACTION_SCOPES,
  CASE_GRANTS,
  CaseAction,
  type AgencyRelation,
  type GrantFacts,
} from './authorization.ts';
import { requireScope, scopeAllows } from './token-scope.ts';

export { CaseAction } from './authorization.ts';

/** What the policy needs to know about a case: no content, only access facts. */
export interface CaseAccessFacts {
  status: CaseStatus;
  restricted: boolean;
  leadAgency: string;
  /** Agencies on the case (lead, parallel, referred). */
  agencies: readonly string[];
  /** Active assignments on the case. */
  assignments: ReadonlyArray<{ userId: string; role: AssignmentRole }>;
  /** Staff recorded as related to a member accused on the case (conflict of interest). */
  conflictedUserIds: readonly string[];
  /** Staff holding an active break-the-glass grant on the case. */
  glassUserIds: readonly string[];
}

/** How much of a case a reader gets. `public_fields` is what the public portal would show. */
export type CaseView = 'full' | 'public_fields' | 'none';

function grantFacts(actor: Actor, c: CaseAccessFacts): GrantFacts {
  return {
    status: c.status,
    restricted: c.restricted,
    lead: c.leadAgency === actor.agency,
    participant: c.leadAgency === actor.agency || c.agencies.includes(actor.agency),
    assigned: c.assignments.some((a) => a.userId === actor.id),
    glass: c.glassUserIds.includes(actor.id),
  };
}

/** A recorded relation to an accused member hides the case from that staff member entirely. */
export function isConflicted(actor: Actor, c: CaseAccessFacts): boolean {
  return c.conflictedUserIds.includes(actor.id);
}

/**
 * Which view of a case the actor gets (PRODUCT.md §2, §4; the rows are in authorization.ts).
 * A conflict of interest overrides every row: the case answers 404 as if it did not exist.
 */
export function caseView(actor: Actor, c: CaseAccessFacts): CaseView {
  const view = roleView(actor, c);
  if (view !== 'none') {
    // a token without cases:read is refused a case its holder could open (ADR 0016)
    requireScope(actor, TokenScope.cases_read);
  }
  return view;
}

function roleView(actor: Actor, c: CaseAccessFacts): CaseView {
  if (isConflicted(actor, c)) {
    return 'none';
  }
  const f = grantFacts(actor, c);
  if (allowedByTable(actor.roles, actor.agency, CaseAction.read, f)) {
    return 'full';
  }
  if (allowedByTable(actor.roles, actor.agency, CaseAction.readPublicFields, f)) {
    return 'public_fields';
  }
  return 'none';
}

/** The roles' answer, without the token's scopes. */
function roleCanOnCase(actor: Actor, action: CaseAction, c: CaseAccessFacts): boolean {
  const view = caseView(actor, c);
  if (view === 'none') {
    return false;
  }
  if (action === CaseAction.read || action === CaseAction.readPublicFields) {
    return true;
  }
  if (action === CaseAction.breakGlass) {
    return false;
  }
  return allowedByTable(actor.roles, actor.agency, action, grantFacts(actor, c));
}

/**
 * The one authorization question for case actions, answered by the table in authorization.ts.
 * Callers first check caseView (404 when 'none'). `case.read` means "may open the case in some
 * view".
 *
 * `case.transition` is a question of role and visibility only. Whether the move the caller asks
 * for is possible from the stage the case is in *now* is transition()'s decision, taken under the
 * case lock, so a lost race or a stale `expectedStatus` answers 409, not 403.
 */
export function canOnCase(actor: Actor, action: CaseAction, c: CaseAccessFacts): boolean {
  const byRole = roleCanOnCase(actor, action, c);
  if (!byRole) {
    return false;
  }
  if (action === CaseAction.readIdentity) {
    // identities are left out of the answer, not refused: a read-only token still opens the case
    return scopeAllows(actor, CASE_ACTION_SCOPES[action]);
  }
  requireScope(actor, CASE_ACTION_SCOPES[action]);
  return true;
}

/**
 * Whether the actor may break the glass on this case: it is restricted, they cannot read it in
 * full, they have no conflict, and the table allows them (case workers of an agency on the case).
 */
export function canBreakGlass(actor: Actor, c: CaseAccessFacts): boolean {
  if (isConflicted(actor, c) || caseView(actor, c) === 'full') {
    return false;
  }
  const byRole = allowedByTable(
    actor.roles,
    actor.agency,
    CaseAction.breakGlass,
    grantFacts(actor, c),
  );
  if (byRole) {
    requireScope(actor, CASE_ACTION_SCOPES[CaseAction.breakGlass]);
  }
  return byRole;
}

/** The finding stage each finding action records. */
const FINDING_ACTION_STAGE: Partial<Record<CaseAction, FindingStage>> = {
  [CaseAction.recordRecommendedFinding]: 'recommended',
  [CaseAction.recordFinalFinding]: 'final',
};

/**
 * The `abilities` object on a case response: the UI shows only what the server allows.
 * `case.transition` is announced only when some move is open from the current stage; a finding
 * only in the stages where it can be recorded.
 */
export function caseAbilities(
  actor: Actor,
  c: CaseAccessFacts,
): { actions: CaseAction[]; transitions: ReturnType<typeof allowedTransitions> } {
  const transitions =
    roleCanOnCase(actor, CaseAction.transition, c) &&
    scopeAllows(actor, CASE_ACTION_SCOPES[CaseAction.transition])
      ? allowedTransitions(c.status, [...actor.roles])
      : [];
  // the view is announced by `case.read` alone; break-the-glass is asked of invisible cases
  const actions = Object.values(CaseAction)
    .filter((a) => a !== CaseAction.readPublicFields && a !== CaseAction.breakGlass)
    .filter((a) =>
      a === CaseAction.transition
        ? transitions.length > 0
        : roleCanOnCase(actor, a, c) && scopeAllows(actor, CASE_ACTION_SCOPES[a]),
    )
    // a finding exists only in its stages (issue 15 defect 2): the page offers what the server takes
    .filter((a) => {
      const stage = FINDING_ACTION_STAGE[a];
      return stage === undefined || findingStageProblem(stage, c.status) === null;
    });
  return { actions, transitions };
}

/** A list filter equivalent to caseView() !== 'none', as data the repository turns into SQL. */
export type CaseScope =
  | {
      kind: 'all';
      /** Cases where this user has a conflict of interest stay out even of "all". */
      userId: string;
    }
  | { kind: 'none' }
  | {
      kind: 'agency';
      userId: string;
      agency: string;
      /** Whether unrestricted cases of the agency are visible. */
      unrestricted: boolean;
      /** Whether restricted cases of the agency are visible (managers). */
      restricted: boolean;
      /** Whether cases the user is assigned to are visible. */
      assigned: boolean;
      /** Whether cases the user holds an active break-the-glass grant on are visible. */
      glass: boolean;
    };

/**
 * The cases a list shows the actor, derived from the read rows of the table (authorization.ts).
 * With `content`, only the cases whose content (allegations, duty-status entries) the actor may
 * read: a public-information officer sees a restricted case as public fields only, so its content
 * stays out of, e.g., a member's history. A conflict of interest removes a case from every scope
 * (in SQL: `scopeCondition`).
 */
export function caseScope(actor: Actor, opts: { content?: boolean } = {}): CaseScope {
  if (!scopeAllows(actor, TokenScope.cases_read)) {
    // a token without cases:read lists no case (the dashboard and member histories included)
    return { kind: 'none' };
  }
  // with `content`, public-fields rows count for unrestricted cases only: an unrestricted case's
  // allegations are what the portal publishes anyway (ADR 0006)
  const rows = CASE_GRANTS.filter(
    (g) =>
      (g.action === CaseAction.read || g.action === CaseAction.readPublicFields) &&
      actor.roles.some((r) => g.roles.includes(r)) &&
      (g.actorAgencies === undefined || g.actorAgencies.includes(actor.agency)),
  ).map((g) =>
    opts.content && g.action === CaseAction.readPublicFields
      ? { ...g, restriction: 'unrestricted' as const }
      : g,
  );
  const byAgency = (agency: AgencyRelation, assignment: 'any' | 'assigned' | 'glass') =>
    rows.filter((g) => g.agency === agency && g.assignment === assignment);
  if (byAgency('any', 'any').length > 0) {
    return { kind: 'all', userId: actor.id };
  }
  // only rows open to any agency or to participating agencies reach a list; a 'lead'-only read
  // row would be left out (none exists), which errs on the side of showing less
  const participant = byAgency('participant', 'any');
  const unrestricted = participant.some((g) => g.restriction !== 'restricted');
  const restricted = participant.some((g) => g.restriction !== 'unrestricted');
  const assigned = rows.some((g) => g.assignment === 'assigned');
  const glass = rows.some((g) => g.assignment === 'glass');
  if (!unrestricted && !restricted && !assigned && !glass) {
    return { kind: 'none' };
  }
  return {
    kind: 'agency',
    userId: actor.id,
    agency: actor.agency,
    unrestricted,
    restricted,
    assigned,
    glass,
  };
}
