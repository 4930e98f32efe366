import type { AssignmentRole, CaseStatus, Role } from '../../shared/enums.ts';
import { allowedTransitions } from '../domain/transition.ts';
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

function participates(actor: Actor, c: CaseAccessFacts): boolean {
  return c.leadAgency === actor.agency || c.agencies.includes(actor.agency);
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
 * on their participating agencies' cases.
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
        (manager || assignedInvestigator || (fullWorker && hasRole(actor, 'intake'))) &&
        allowedTransitions(c.status, [...actor.roles]).length > 0
      );
    case CaseAction.addParty:
      return (
        manager ||
        assignedInvestigator ||
        (fullWorker && hasRole(actor, 'intake') && participates(actor, c))
      );
    case CaseAction.assign:
    case CaseAction.extendDeadline:
      return manager;
    case CaseAction.addAllegation:
    case CaseAction.logActivity:
    case CaseAction.recordRecommendedFinding:
      return manager || assignedInvestigator;
    case CaseAction.recordFinalFinding:
      return chief;
    case CaseAction.addAgency:
      return manager;
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

/** The `abilities` object on a case response: the UI shows only what the server allows. */
export function caseAbilities(
  actor: Actor,
  c: CaseAccessFacts,
): { actions: CaseAction[]; transitions: ReturnType<typeof allowedTransitions> } {
  const actions = Object.values(CaseAction).filter((a) => canOnCase(actor, a, c));
  const transitions = actions.includes(CaseAction.transition)
    ? allowedTransitions(c.status, [...actor.roles])
    : [];
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

export function caseScope(actor: Actor): CaseScope {
  if (hasRole(actor, 'auditor')) {
    return { kind: 'all' };
  }
  const unrestricted = hasRole(actor, ...CASE_WORKERS, 'public_information');
  const restricted = hasRole(actor, 'supervisor', 'chief_administrator', 'public_information');
  if (!unrestricted && !restricted && !hasRole(actor, 'investigator')) {
    return { kind: 'none' };
  }
  return { kind: 'agency', userId: actor.id, agency: actor.agency, unrestricted, restricted };
}
