import {
  CASE_STATUSES,
  CaseAction,
  TokenScope,
  type Agency,
  type CaseStatus,
  type Role,
} from '../../shared/enums.ts';
import { CONCLUDED, TRANSITIONS } from '../domain/transition.ts';
import { CASE_WORKERS } from './global-grants.ts';

/**
 * THE authorization table (PRODUCT.md §2, §4; ADR 0006, 0007, 0013). Every decision the server
 * takes about who may do what reads these rows; nothing else in the code grants access.
 *
 * A case grant is one row of role × agency × action × case state × restriction × assignment:
 * the actor may take `action` when they hold one of `roles`, their agency stands in `agency` to
 * the case, the case is in one of `states`, its restriction matches and their assignment matches.
 * Deny by default: no matching row, no access. Two overrides sit above the table, in
 * case.policy.ts: a recorded conflict of interest hides the case entirely, and an active
 * break-the-glass grant is the `assignment: 'glass'` rows below.
 */

/** Everything a staff member can try to do to a case or its children: the shared list. */
export { CaseAction };

/** How the actor's agency stands to the case. */
export type AgencyRelation =
  /** the actor's agency leads the case */
  | 'lead'
  /** the actor's agency leads or has a parallel/referred track */
  | 'participant'
  /** any agency (the Inspector General's auditor; assignment-based rows) */
  | 'any';

/** One row of the table. */
export interface CaseGrant {
  action: CaseAction;
  roles: readonly Role[];
  agency: AgencyRelation;
  /** Further limits the actor's own agency (a BIA supervisor records duty-status decisions). */
  actorAgencies?: readonly Agency[];
  states: readonly CaseStatus[];
  /** `unrestricted`: only on cases that are not need-to-know; `restricted`: only on those. */
  restriction: 'any' | 'unrestricted' | 'restricted';
  /** `assigned`: on the case's active team; `glass`: holds an active break-the-glass grant. */
  assignment: 'any' | 'assigned' | 'glass';
  /** Why the row exists (legal basis or product rule). */
  basis: string;
}

const ALL: readonly CaseStatus[] = CASE_STATUSES;
const MANAGERS: readonly Role[] = ['supervisor', 'chief_administrator'];
const TEAM: readonly Role[] = ['investigator', 'supervisor'];
/** Roles that make some stage change; which one, from the current stage, is transition()'s call. */
const TRANSITION_ROLES: readonly Role[] = [...new Set(TRANSITIONS.flatMap((t) => t.roles))];
const inTransition = (roles: readonly Role[]): Role[] =>
  roles.filter((r) => TRANSITION_ROLES.includes(r));

function rows(
  actions: readonly CaseAction[],
  row: Omit<CaseGrant, 'action' | 'states'> & { states?: readonly CaseStatus[] },
): CaseGrant[] {
  return actions.map((action) => ({ states: ALL, ...row, action }));
}

/** The case table. Read it top to bottom: every row is an allowance, nothing else is. */
export const CASE_GRANTS: readonly CaseGrant[] = [
  // ── reading ──
  ...rows([CaseAction.read], {
    roles: ['auditor'],
    agency: 'any',
    restriction: 'any',
    assignment: 'any',
    basis: 'PRODUCT.md §2: the auditor (Inspector General) reads everything',
  }),
  ...rows([CaseAction.read], {
    roles: CASE_WORKERS,
    agency: 'any',
    restriction: 'any',
    assignment: 'assigned',
    basis: 'the assigned team works the case, restricted or not',
  }),
  ...rows([CaseAction.read], {
    roles: CASE_WORKERS,
    agency: 'participant',
    restriction: 'unrestricted',
    assignment: 'any',
    basis: 'ADR 0006: case workers of an agency on the case read its unrestricted cases',
  }),
  ...rows([CaseAction.read], {
    roles: MANAGERS,
    agency: 'participant',
    restriction: 'any',
    assignment: 'any',
    basis: 'PRODUCT.md §4: restricted cases are for the need-to-know team and its managers',
  }),
  ...rows([CaseAction.read, CaseAction.readIdentity], {
    roles: ['intake', 'investigator'],
    agency: 'participant',
    restriction: 'restricted',
    assignment: 'glass',
    basis: 'break-the-glass: emergency read with a typed reason, audited and flagged (ADR 0013)',
  }),
  ...rows([CaseAction.readPublicFields], {
    roles: ['public_information'],
    agency: 'participant',
    restriction: 'any',
    assignment: 'any',
    basis: 'PRODUCT.md §2: public information sees public fields only',
  }),
  ...rows([CaseAction.readIdentity], {
    roles: MANAGERS,
    agency: 'participant',
    restriction: 'any',
    assignment: 'any',
    basis: 'identities only to the case team: managing supervisors and chiefs',
  }),
  ...rows([CaseAction.readIdentity], {
    roles: TEAM,
    agency: 'any',
    restriction: 'any',
    assignment: 'assigned',
    basis: 'identities only to the case team: assigned staff',
  }),
  ...rows([CaseAction.readIdentity], {
    roles: ['intake'],
    agency: 'participant',
    restriction: 'unrestricted',
    assignment: 'any',
    states: ['intake'],
    basis: 'intake sees who complained while the case is still at intake',
  }),
  // ── working the case ──
  ...rows([CaseAction.transition], {
    roles: inTransition(MANAGERS),
    agency: 'lead',
    restriction: 'any',
    assignment: 'any',
    basis: 'ADR 0007: the lead agency runs the case; transition() decides the move',
  }),
  ...rows([CaseAction.transition], {
    roles: inTransition(TEAM),
    agency: 'lead',
    restriction: 'any',
    assignment: 'assigned',
    basis: 'ADR 0007: the lead agency runs the case; transition() decides the move',
  }),
  ...rows([CaseAction.transition], {
    roles: inTransition(['intake']),
    agency: 'lead',
    restriction: 'unrestricted',
    assignment: 'any',
    basis: 'intake moves a case out of intake (transition() allows only that move)',
  }),
  ...rows([CaseAction.correctFacts], {
    roles: MANAGERS,
    agency: 'lead',
    restriction: 'any',
    assignment: 'any',
    basis:
      'MCC §2-78-120(a): the roles that register cases correct what intake recorded; the lead agency keeps the case’s facts (ADR 0007)',
  }),
  ...rows([CaseAction.correctFacts], {
    roles: ['intake'],
    agency: 'lead',
    restriction: 'unrestricted',
    assignment: 'any',
    basis: 'intake corrects what it recorded, on the cases it can see (not need-to-know ones)',
  }),
  ...rows([CaseAction.addParty], {
    roles: ['intake'],
    agency: 'participant',
    restriction: 'unrestricted',
    assignment: 'any',
    basis: 'intake of a parallel agency records the parties it learns of',
  }),
  ...rows(
    [
      CaseAction.addParty,
      CaseAction.assign,
      CaseAction.addAllegation,
      CaseAction.logActivity,
      CaseAction.recordRecommendedFinding,
    ],
    {
      roles: MANAGERS,
      agency: 'participant',
      restriction: 'any',
      assignment: 'any',
      basis: 'PRODUCT.md §2: supervisors assign and work their agency’s track',
    },
  ),
  ...rows(
    [
      CaseAction.addParty,
      CaseAction.addAllegation,
      CaseAction.logActivity,
      CaseAction.recordRecommendedFinding,
    ],
    {
      roles: TEAM,
      agency: 'any',
      restriction: 'any',
      assignment: 'assigned',
      basis: 'PRODUCT.md §2: investigators work cases assigned to them',
    },
  ),
  ...rows([CaseAction.extendDeadline, CaseAction.addAgency], {
    roles: MANAGERS,
    agency: 'lead',
    restriction: 'any',
    assignment: 'any',
    basis: 'ADR 0007: extensions and referrals are the lead agency’s',
  }),
  ...rows([CaseAction.acceptRerouting], {
    roles: MANAGERS,
    agency: 'participant',
    restriction: 'any',
    assignment: 'any',
    basis:
      'MCC 2-78-120(b-5): a joint COPA+BIA determination is both agencies’ decision; setting it aside for the clause the rules now apply is their managers’ (docs/domain.md "Re-routing")',
  }),
  ...rows([CaseAction.completeDeadline], {
    roles: MANAGERS,
    agency: 'lead',
    restriction: 'any',
    assignment: 'any',
    basis: 'ADR 0007: the statutory clocks are the lead agency’s; its managers record them met',
  }),
  ...rows([CaseAction.completeDeadline], {
    roles: TEAM,
    agency: 'lead',
    restriction: 'any',
    assignment: 'assigned',
    basis: 'ADR 0007: the lead agency’s assigned team sends the letters and notices it records',
  }),
  ...rows([CaseAction.draftLetter, CaseAction.sendLetter], {
    roles: MANAGERS,
    agency: 'lead',
    restriction: 'any',
    assignment: 'any',
    basis:
      'ADR 0007, 0033: the letters and notices answer the lead agency’s clocks; its managers write and send them',
  }),
  ...rows([CaseAction.draftLetter, CaseAction.sendLetter], {
    roles: TEAM,
    agency: 'lead',
    restriction: 'any',
    assignment: 'assigned',
    basis: 'ADR 0007, 0033: the lead agency’s assigned team writes and sends the case’s letters',
  }),
  ...rows([CaseAction.approveLetter], {
    roles: MANAGERS,
    agency: 'lead',
    restriction: 'any',
    assignment: 'any',
    basis:
      'ADR 0033: what the office signs to a complainant, a member or an official, a manager of the lead agency reads first',
  }),
  ...rows([CaseAction.recordFinalFinding], {
    roles: ['chief_administrator'],
    agency: 'lead',
    restriction: 'any',
    assignment: 'any',
    basis: 'PRODUCT.md §2: final agency findings are the chief administrator’s',
  }),
  ...rows([CaseAction.draftStatement, CaseAction.logPressInquiry], {
    roles: ['public_information', 'chief_administrator'],
    agency: 'participant',
    restriction: 'any',
    assignment: 'any',
    basis: 'PRODUCT.md §3: statements by public information or a chief administrator',
  }),
  ...rows([CaseAction.reviewNarrative], {
    roles: ['public_information', 'chief_administrator'],
    agency: 'participant',
    // only a concluded, unrestricted case's narrative is published (publication.ts), so only
    // such a narrative is reviewed
    states: [...CONCLUDED],
    restriction: 'unrestricted',
    assignment: 'any',
    basis:
      'PRODUCT.md §3, issue 17 item 5: those who publish statements approve the published narrative (5 ILCS 140/7(1)(c))',
  }),
  ...rows([CaseAction.recommendDutyStatus], {
    roles: ['chief_administrator'],
    agency: 'participant',
    restriction: 'any',
    assignment: 'any',
    basis: 'MCC 2-78-130 / PRODUCT.md §3: the recommendation is a chief administrator’s',
  }),
  ...rows([CaseAction.decideDutyStatus], {
    roles: ['chief_administrator'],
    agency: 'participant',
    restriction: 'any',
    assignment: 'any',
    basis: 'PRODUCT.md §3: a chief administrator records the Superintendent’s decision',
  }),
  ...rows([CaseAction.decideDutyStatus], {
    roles: ['supervisor'],
    agency: 'participant',
    actorAgencies: ['BIA'],
    restriction: 'any',
    assignment: 'any',
    basis: 'PRODUCT.md §3: or a BIA supervisor, naming who decided',
  }),
  // ── emergency access ──
  ...rows([CaseAction.breakGlass], {
    roles: ['intake', 'investigator'],
    agency: 'participant',
    restriction: 'restricted',
    assignment: 'any',
    basis: 'ADR 0013: case workers outside the need-to-know team may break the glass',
  }),
];

/** The facts of one case a grant row is matched against. */
export interface GrantFacts {
  status: CaseStatus;
  restricted: boolean;
  /** The actor's agency leads the case. */
  lead: boolean;
  /** The actor's agency leads or has a track. */
  participant: boolean;
  assigned: boolean;
  glass: boolean;
}

/** Whether one row allows `action` for an actor holding `role` in `actorAgency`. */
export function grantMatches(
  g: CaseGrant,
  action: CaseAction,
  role: Role,
  actorAgency: Agency,
  f: GrantFacts,
): boolean {
  return (
    g.action === action &&
    g.roles.includes(role) &&
    (g.actorAgencies === undefined || g.actorAgencies.includes(actorAgency)) &&
    (g.agency === 'any' || (g.agency === 'lead' ? f.lead : f.participant)) &&
    g.states.includes(f.status) &&
    (g.restriction === 'any' || (g.restriction === 'restricted') === f.restricted) &&
    (g.assignment === 'any' || (g.assignment === 'assigned' ? f.assigned : f.glass))
  );
}

/** True when any of the actor's roles has a row allowing `action`. */
export function allowedByTable(
  roles: readonly Role[],
  actorAgency: Agency,
  action: CaseAction,
  f: GrantFacts,
): boolean {
  return roles.some((role) =>
    CASE_GRANTS.some((g) => grantMatches(g, action, role, actorAgency, f)),
  );
}

/**
 * The scope an API token needs for each action (ADR 0016). Scopes only take away: the roles
 * decide first, and a token whose scopes lack the action's scope is refused what the roles allow.
 */
export const CASE_ACTION_SCOPES: Readonly<Record<CaseAction, TokenScope>> = {
  [CaseAction.read]: TokenScope.cases_read,
  [CaseAction.readPublicFields]: TokenScope.cases_read,
  [CaseAction.readIdentity]: TokenScope.identities_read,
  [CaseAction.transition]: TokenScope.cases_write,
  [CaseAction.correctFacts]: TokenScope.cases_write,
  [CaseAction.addParty]: TokenScope.cases_write,
  [CaseAction.assign]: TokenScope.cases_write,
  [CaseAction.addAllegation]: TokenScope.cases_write,
  [CaseAction.recordRecommendedFinding]: TokenScope.cases_write,
  [CaseAction.recordFinalFinding]: TokenScope.cases_write,
  [CaseAction.addAgency]: TokenScope.cases_write,
  [CaseAction.logActivity]: TokenScope.cases_write,
  [CaseAction.draftStatement]: TokenScope.statements_write,
  [CaseAction.logPressInquiry]: TokenScope.statements_write,
  [CaseAction.completeDeadline]: TokenScope.cases_write,
  [CaseAction.extendDeadline]: TokenScope.cases_write,
  [CaseAction.recommendDutyStatus]: TokenScope.cases_write,
  [CaseAction.decideDutyStatus]: TokenScope.cases_write,
  [CaseAction.acceptRerouting]: TokenScope.cases_write,
  // break-the-glass exists to reach identities in an emergency
  [CaseAction.breakGlass]: TokenScope.identities_read,
  // approving a narrative is publishing, as a statement is
  [CaseAction.reviewNarrative]: TokenScope.statements_write,
  [CaseAction.draftLetter]: TokenScope.cases_write,
  [CaseAction.approveLetter]: TokenScope.cases_write,
  [CaseAction.sendLetter]: TokenScope.cases_write,
};
