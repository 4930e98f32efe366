import type { AssignmentRole, CaseStatus, Role } from '../../shared/enums.ts';
import { allowedTransitions, TRANSITIONS } from '../domain/transition.ts';
import { hasRole, type Actor } from './actor.ts';

/** Everything a staff member can try to do to a case or its children. */
export const CaseAction = {
  read: 'case.read',
  readIdentity: 'case.read_identity',
  transition: 'case.transition',
  addParty: 'case.add_party',
  assign: 'case.assign',
  addAllegation: 'case.add_allegation',
  recordRecommendedFinding: 'case.record_recommended_finding',
  recordFinalFinding: 'case.record_final_finding',
  addAgency: 'case.add_agency',
  logActivity: 'case.log_activity',
  draftStatement: 'case.draft_statement',
  logPressInquiry: 'case.log_press_inquiry',
  extendDeadline: 'case.extend_deadline',
  recommendDutyStatus: 'case.recommend_duty_status',
  decideDutyStatus: 'case.decide_duty_status',
} as const;
export type CaseAction = (typeof CaseAction)[keyof typeof CaseAction];

/** What the policy needs to know about a case: no content, only access facts. */
export interface CaseAccessFacts {
  status: CaseStatus;
  restricted: boolean;
  leadAgency: string;
  /** Agencies on the case (lead, parallel, referred). */
  agencies: readonly string[];
  /** Active assignments on the case. */
  assignments: ReadonlyArray<{ userId: string; role: AssignmentRole }>;
}

/** How much of a case a reader gets. `public_fields` is what the public portal would show. */
export type CaseView = 'full' | 'public_fields' | 'none';

const CASE_WORKERS: Role[] = ['intake', 'investigator', 'supervisor', 'chief_administrator'];

/** Roles that make some stage change; which one, from the current stage, is transition()'s call. */
const TRANSITION_ROLES: Role[] = [...new Set(TRANSITIONS.flatMap((t) => t.roles))];

function participates(actor: Actor, c: CaseAccessFacts): boolean {
  return c.leadAgency === actor.agency || c.agencies.includes(actor.agency);
}

/** The lead agency runs the case; parallel and referred agencies work their own track of it. */
function leads(actor: Actor, c: CaseAccessFacts): boolean {
  return c.leadAgency === actor.agency;
}

function isAssigned(actor: Actor, c: CaseAccessFacts): boolean {
  return c.assignments.some((a) => a.userId === actor.id);
}

/**
 * Which view of a case the actor gets (PRODUCT.md §2, §4). Deny by default:
 * - the auditor (Inspector General) reads everything;
 * - case workers of a participating agency read unrestricted cases;
 * - restricted cases (need-to-know) only for the assigned team and the participating agencies'
 *   supervisors and chief administrators; every such read is audited by the caller;
 * - public information officers see the public fields of their agency's cases;
 * - analysts and admins see no case content.
 */
export function caseView(actor: Actor, c: CaseAccessFacts): CaseView {
  if (hasRole(actor, 'auditor')) {
    return 'full';
  }
  if (participates(actor, c) || isAssigned(actor, c)) {
    if (isAssigned(actor, c)) {
      return 'full';
    }
    if (
      c.restricted
        ? hasRole(actor, 'supervisor', 'chief_administrator')
        : hasRole(actor, ...CASE_WORKERS)
    ) {
      return 'full';
    }
    if (hasRole(actor, 'public_information') && participates(actor, c)) {
      return 'public_fields';
    }
  }
  return 'none';
}

/**
 * The one authorization rule for case actions. Callers first check caseView (404 when 'none').
 * Investigators act only on cases they are assigned to; supervisors and chief administrators act
 * on their participating agencies' cases. Running the case (stage changes, deadline extensions,
 * adding agencies, final findings) is the lead agency's alone: a parallel agency (BIA's criminal
 * track beside COPA's administrative one) works its track of the case, not the case.
 *
 * `case.transition` is a question of role and visibility only. Whether the move the caller asks
 * for is possible from the stage the case is in *now* is transition()'s decision, taken under the
 * case lock, so a lost race or a stale `expectedStatus` answers 409, not 403.
 */
export function canOnCase(actor: Actor, action: CaseAction, c: CaseAccessFacts): boolean {
  const view = caseView(actor, c);
  if (view === 'none') {
    return false;
  }
  // the auditor reads everything but acts on nothing
  const fullWorker = view === 'full' && hasRole(actor, ...CASE_WORKERS);
  const manager =
    fullWorker && participates(actor, c) && hasRole(actor, 'supervisor', 'chief_administrator');
  const assignedInvestigator =
    fullWorker && isAssigned(actor, c) && hasRole(actor, 'investigator', 'supervisor');
  const chief = fullWorker && participates(actor, c) && hasRole(actor, 'chief_administrator');
  switch (action) {
    case CaseAction.read:
      return true;
    case CaseAction.readIdentity:
      // identities only to the case team: assigned staff, managing supervisors/chiefs, intake
      // while the case is still at intake
      return (
        manager ||
        assignedInvestigator ||
        (fullWorker && hasRole(actor, 'intake') && participates(actor, c) && c.status === 'intake')
      );
    case CaseAction.transition:
      return (
        leads(actor, c) &&
        hasRole(actor, ...TRANSITION_ROLES) &&
        (manager || assignedInvestigator || (fullWorker && hasRole(actor, 'intake')))
      );
    case CaseAction.addParty:
      return (
        manager ||
        assignedInvestigator ||
        (fullWorker && hasRole(actor, 'intake') && participates(actor, c))
      );
    case CaseAction.assign:
      // a parallel agency's manager assigns its own staff only (enforced by assignCase)
      return manager;
    case CaseAction.extendDeadline:
    case CaseAction.addAgency:
      return manager && leads(actor, c);
    case CaseAction.addAllegation:
    case CaseAction.logActivity:
    case CaseAction.recordRecommendedFinding:
      return manager || assignedInvestigator;
    case CaseAction.recordFinalFinding:
      return chief && leads(actor, c);
    case CaseAction.draftStatement:
    case CaseAction.logPressInquiry:
      return (
        participates(actor, c) &&
        (hasRole(actor, 'public_information') ||
          (fullWorker && hasRole(actor, 'chief_administrator')))
      );
    case CaseAction.recommendDutyStatus:
      // MCC 2-78-130 / PRODUCT.md §3: the recommendation is made by a chief administrator
      return chief;
    case CaseAction.decideDutyStatus:
      // recorded by a chief administrator or a BIA supervisor, naming who decided
      return chief || (manager && actor.agency === 'BIA');
  }
}

/**
 * The `abilities` object on a case response: the UI shows only what the server allows.
 * `case.transition` is announced only when some move is open from the current stage.
 */
export function caseAbilities(
  actor: Actor,
  c: CaseAccessFacts,
): { actions: CaseAction[]; transitions: ReturnType<typeof allowedTransitions> } {
  const transitions = canOnCase(actor, CaseAction.transition, c)
    ? allowedTransitions(c.status, [...actor.roles])
    : [];
  const actions = Object.values(CaseAction).filter((a) =>
    a === CaseAction.transition ? transitions.length > 0 : canOnCase(actor, a, c),
  );
  return { actions, transitions };
}

/** A list filter equivalent to caseView() !== 'none', as data the repository turns into SQL. */
export type CaseScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | {
      kind: 'agency';
      userId: string;
      agency: string;
      /** Whether unrestricted cases of the agency are visible. */
      unrestricted: boolean;
      /** Whether restricted cases of the agency are visible (managers). */
      restricted: boolean;
    };

/**
 * The cases a list shows the actor. With `content`, only the cases whose content (allegations,
 * duty-status entries) the actor may read: a public-information officer sees a restricted case
 * as public fields only, so its content stays out of, e.g., a member's history.
 */
export function caseScope(actor: Actor, opts: { content?: boolean } = {}): CaseScope {
  if (hasRole(actor, 'auditor')) {
    return { kind: 'all' };
  }
  const unrestricted = hasRole(actor, ...CASE_WORKERS, 'public_information');
  const restricted = hasRole(
    actor,
    'supervisor',
    'chief_administrator',
    ...(opts.content ? [] : (['public_information'] as const)),
  );
  if (!unrestricted && !restricted && !hasRole(actor, 'investigator')) {
    return { kind: 'none' };
  }
  return { kind: 'agency', userId: actor.id, agency: actor.agency, unrestricted, restricted };
}
