import {
  CASE_STATUSES,
  CaseAction,
  TokenScope,
  type Agency,
  type CaseStatus,
  type Role,
} from '../../shared/enums.ts';
import { CONCLUDED, TRANSITIONS } from '../domain/transition.ts';
import { ForbiddenError } from '../errors.ts';
import { requireScope, scopeAllows, type Grantee } from './token-scope.ts';

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
const CASE_WORKERS: readonly Role[] = [
  'intake',
  'investigator',
  'supervisor',
  'chief_administrator',
];
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

/** Actions that are not about one case. */
export const GlobalAction = {
  fileCase: 'case.file',
  listCases: 'case.list',
  readRoster: 'roster.read',
  addMember: 'roster.add',
  readFacilities: 'facility.read',
  manageFacilities: 'facility.manage',
  publishGeneralStatement: 'statement.publish_general',
  /** Review a statement or a free-text press answer someone else wrote (issue 22 items 2–3). */
  reviewStatement: 'statement.review',
  /** The office's press-inquiry log across cases (issue 22 item 3). */
  readPressInquiries: 'press_inquiry.read',
  /** Log a press inquiry, about no case or several (each case is checked again). */
  logPressInquiry: 'press_inquiry.log',
  /** Answer a press inquiry: a published statement, or free text a second person reviews. */
  answerPressInquiry: 'press_inquiry.answer',
  verifyAudit: 'audit.verify',
  readAudit: 'audit.read',
  recordConflict: 'conflict.record',
  reviewBreakGlass: 'break_glass.review',
  revokeUserSessions: 'session.revoke_user',
  /** Export everything held about one person (subject-access request, ADR 0017). */
  subjectAccess: 'privacy.subject_access',
  /** The queue of narratives waiting for a person's review (issue 17 item 5). */
  readNarrativeQueue: 'narrative.review_queue',
  /** The outbox of letters across cases, failures first (issue 18 item 5). */
  readOutbox: 'letter.outbox',
  /** Early intervention: the rules and the alert queue (issue 19). */
  readEis: 'eis.read',
  /** Take a step of an alert's review (issue 19 item 4). */
  reviewEisAlert: 'eis.alert_review',
  /** Add and change early-intervention rules (issue 19 item 3a). */
  manageEisRules: 'eis.rules_manage',
  /** The statutory and management reports (issue 18 item 6, MCC §2-78-150). */
  readReports: 'report.read',
  /** Read the policy recommendations made to the department and their responses. */
  readPolicyRecommendations: 'policy_recommendation.read',
  /** Record a policy recommendation, the department's response, its implementation status. */
  managePolicyRecommendations: 'policy_recommendation.manage',
} as const;
export type GlobalAction = (typeof GlobalAction)[keyof typeof GlobalAction];

/** The global table: action → roles, with the reason. */
export const GLOBAL_GRANTS: Readonly<
  Record<GlobalAction, { roles: readonly Role[]; basis: string }>
> = {
  [GlobalAction.fileCase]: {
    roles: ['intake', 'supervisor', 'chief_administrator'],
    basis: 'MCC §2-78-120(a): intake registers every complaint',
  },
  [GlobalAction.listCases]: {
    roles: [...CASE_WORKERS, 'public_information', 'auditor', 'analyst', 'admin'],
    basis: 'the list is filtered by caseScope(); roles that see no case get an empty list',
  },
  [GlobalAction.readRoster]: {
    roles: [...CASE_WORKERS, 'public_information', 'auditor', 'admin'],
    basis: 'the roster is public record; analysts work on de-identified aggregates only',
  },
  [GlobalAction.addMember]: {
    roles: ['investigator', 'supervisor', 'chief_administrator', 'admin'],
    basis: 'the roster is imported; new hires are added by hand',
  },
  [GlobalAction.readFacilities]: {
    roles: [...CASE_WORKERS, 'public_information', 'auditor', 'admin'],
    basis: 'stations and shelter-site periods are not personal data',
  },
  [GlobalAction.manageFacilities]: {
    roles: ['supervisor', 'chief_administrator', 'admin'],
    basis: 'facilities are configuration',
  },
  [GlobalAction.publishGeneralStatement]: {
    roles: ['public_information', 'chief_administrator'],
    basis: 'PRODUCT.md §3: publishing is the approval',
  },
  [GlobalAction.reviewStatement]: {
    roles: ['public_information', 'chief_administrator'],
    basis:
      'issue 22 items 2–3: a second person of those who publish reviews what the office says publicly',
  },
  [GlobalAction.readPressInquiries]: {
    roles: ['public_information', 'chief_administrator'],
    basis:
      'PRODUCT.md §3, issue 22 item 3: public information answers the press for the office; the chief administrator speaks for it',
  },
  [GlobalAction.logPressInquiry]: {
    roles: ['public_information', 'chief_administrator'],
    basis:
      'PRODUCT.md §3, issue 22 item 3: those who draft statements log what the press asks, with or without a case',
  },
  [GlobalAction.answerPressInquiry]: {
    roles: ['public_information', 'chief_administrator'],
    basis:
      'PRODUCT.md §3, issue 22 item 3: those who publish statements answer the press (a free-text answer is reviewed by a second person)',
  },
  [GlobalAction.verifyAudit]: {
    roles: ['auditor'],
    basis: 'PRODUCT.md §2: the Inspector General reads the audit log',
  },
  [GlobalAction.readAudit]: {
    roles: ['auditor'],
    basis: 'PRODUCT.md §2: the Inspector General reads the audit log',
  },
  [GlobalAction.recordConflict]: {
    roles: ['admin', 'chief_administrator'],
    basis: 'ADR 0013: conflicts of interest are recorded by administration',
  },
  [GlobalAction.reviewBreakGlass]: {
    roles: ['supervisor', 'chief_administrator', 'auditor'],
    basis: 'ADR 0013: break-the-glass is flagged to supervisors (and the auditor)',
  },
  [GlobalAction.revokeUserSessions]: {
    roles: ['admin'],
    basis: 'ADR 0015: account administration ends a compromised or departing user’s sessions',
  },
  [GlobalAction.subjectAccess]: {
    roles: ['supervisor', 'chief_administrator'],
    basis:
      'ADR 0017: a person’s request for their data is answered by managers who already read identities on their agency’s cases (each case is checked again)',
  },
  [GlobalAction.readNarrativeQueue]: {
    roles: ['public_information', 'chief_administrator'],
    basis: 'issue 17 item 5: those who approve published narratives see what waits for them',
  },
  [GlobalAction.readOutbox]: {
    roles: ['supervisor', 'chief_administrator'],
    basis:
      'ADR 0033: those who approve letters watch the outbox; the list holds only cases they may read',
  },
  [GlobalAction.readEis]: {
    roles: ['supervisor', 'chief_administrator', 'auditor', 'admin'],
    basis:
      'issue 19: supervisors act on early-intervention alerts, the Inspector General audits them, administrators keep the rules',
  },
  [GlobalAction.reviewEisAlert]: {
    roles: ['supervisor', 'chief_administrator'],
    basis: 'issue 19 item 4: a supervisor reviews an alert and plans support or training',
  },
  [GlobalAction.manageEisRules]: {
    roles: ['admin'],
    basis: 'issue 19 item 3a: the rules are configuration, kept by an administrator',
  },
  [GlobalAction.readReports]: {
    roles: ['supervisor', 'chief_administrator', 'public_information', 'analyst', 'auditor'],
    basis:
      'MCC §2-78-150: the office reports its figures to the Council; aggregates only, read by its managers, analysts, public information and the Inspector General',
  },
  [GlobalAction.readPolicyRecommendations]: {
    roles: [...CASE_WORKERS, 'public_information', 'analyst', 'auditor'],
    basis:
      'MCC §2-78-150: recommendations and the department’s responses are listed in the published annual report',
  },
  [GlobalAction.managePolicyRecommendations]: {
    roles: ['chief_administrator'],
    basis:
      'MCC §2-78-150 has the annual report list the office’s recommendations to the department; the chief administrator speaks for the office, so records them and the department’s responses',
  },
};

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

/** The scope an API token needs for each global action (ADR 0016). */
export const GLOBAL_ACTION_SCOPES: Readonly<Record<GlobalAction, TokenScope>> = {
  [GlobalAction.fileCase]: TokenScope.cases_write,
  [GlobalAction.listCases]: TokenScope.cases_read,
  [GlobalAction.readRoster]: TokenScope.roster_read,
  [GlobalAction.addMember]: TokenScope.roster_write,
  [GlobalAction.readFacilities]: TokenScope.roster_read,
  [GlobalAction.manageFacilities]: TokenScope.roster_write,
  [GlobalAction.publishGeneralStatement]: TokenScope.statements_write,
  [GlobalAction.reviewStatement]: TokenScope.statements_write,
  // the open-inquiry count is on the dashboard, which a cases:read token reads
  [GlobalAction.readPressInquiries]: TokenScope.cases_read,
  [GlobalAction.logPressInquiry]: TokenScope.statements_write,
  [GlobalAction.answerPressInquiry]: TokenScope.statements_write,
  [GlobalAction.verifyAudit]: TokenScope.audit_read,
  [GlobalAction.readAudit]: TokenScope.audit_read,
  [GlobalAction.recordConflict]: TokenScope.access_manage,
  [GlobalAction.reviewBreakGlass]: TokenScope.access_manage,
  [GlobalAction.revokeUserSessions]: TokenScope.access_manage,
  // a subject-access export is every identity the office holds on a person
  [GlobalAction.subjectAccess]: TokenScope.identities_read,
  [GlobalAction.readNarrativeQueue]: TokenScope.statements_write,
  [GlobalAction.readOutbox]: TokenScope.cases_read,
  // alerts name department members (roster data), never civilians
  [GlobalAction.readEis]: TokenScope.roster_read,
  [GlobalAction.reviewEisAlert]: TokenScope.roster_write,
  [GlobalAction.manageEisRules]: TokenScope.roster_write,
  // aggregates over cases, no identities
  [GlobalAction.readReports]: TokenScope.cases_read,
  [GlobalAction.readPolicyRecommendations]: TokenScope.cases_read,
  [GlobalAction.managePolicyRecommendations]: TokenScope.cases_write,
};

/**
 * Throws a 403 `forbidden` unless one of the roles holds the global action; `message` says who
 * may, in words staff read. The token-scope check is {@link allowedGlobally}'s.
 */
export function requireGlobally(who: Grantee, action: GlobalAction, message?: string): void {
  if (!allowedGlobally(who, action)) {
    throw new ForbiddenError('forbidden', message);
  }
}

/**
 * Whether the roles hold the global action and the token (if any) carries its scope, without
 * throwing: for what a page offers and for counts shown only to those who may act on them.
 */
export function mayGlobally(who: Grantee, action: GlobalAction): boolean {
  return rolesHold(who, action) && scopeAllows(who, GLOBAL_ACTION_SCOPES[action]);
}

function rolesHold(who: Grantee, action: GlobalAction): boolean {
  return who.roles.some((r) => GLOBAL_GRANTS[action].roles.includes(r));
}

/**
 * True when one of the roles holds the global action. When the roles allow it but the request's
 * API token lacks the action's scope, throws {@link TokenScopeError} (403
 * `token_scope_insufficient`): scopes are enforced here, once, not route by route.
 */
export function allowedGlobally(who: Grantee, action: GlobalAction): boolean {
  const byRole = rolesHold(who, action);
  if (byRole) {
    requireScope(who, GLOBAL_ACTION_SCOPES[action]);
  }
  return byRole;
}
