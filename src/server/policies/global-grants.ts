import { TokenScope, type Role } from '../../shared/enums.ts';
import { ForbiddenError } from '../errors.ts';
import { requireScope, scopeAllows, type Grantee } from './token-scope.ts';

/*
 * The global half of THE authorization table (authorization.ts; ADR 0013, 0016): actions that are
 * not about one case, the roles that hold each with the reason, the API-token scope each needs,
 * and the one check every command and route makes against them.
 */

/** Those who work cases: the case table's and the global table's shared group. */
export const CASE_WORKERS: readonly Role[] = [
  'intake',
  'investigator',
  'supervisor',
  'chief_administrator',
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

/**
 * One global grant: the roles that hold the action, the scope an API token needs for it (ADR
 * 0016: scopes only take away, so a token lacking it is refused what the roles allow), and why.
 */
export interface GlobalGrant {
  roles: readonly Role[];
  scope: TokenScope;
  basis: string;
}

/** The global table: action → roles and token scope, with the reason. */
export const GLOBAL_GRANTS: Readonly<Record<GlobalAction, GlobalGrant>> = {
  [GlobalAction.fileCase]: {
    roles: ['intake', 'supervisor', 'chief_administrator'],
    scope: TokenScope.cases_write,
    basis: 'MCC §2-78-120(a): intake registers every complaint',
  },
  [GlobalAction.listCases]: {
    roles: [...CASE_WORKERS, 'public_information', 'auditor', 'analyst', 'admin'],
    scope: TokenScope.cases_read,
    basis: 'the list is filtered by caseScope(); roles that see no case get an empty list',
  },
  [GlobalAction.readRoster]: {
    roles: [...CASE_WORKERS, 'public_information', 'auditor', 'admin'],
    scope: TokenScope.roster_read,
    basis: 'the roster is public record; analysts work on de-identified aggregates only',
  },
  [GlobalAction.addMember]: {
    roles: ['investigator', 'supervisor', 'chief_administrator', 'admin'],
    scope: TokenScope.roster_write,
    basis: 'the roster is imported; new hires are added by hand',
  },
  [GlobalAction.readFacilities]: {
    roles: [...CASE_WORKERS, 'public_information', 'auditor', 'admin'],
    scope: TokenScope.roster_read,
    basis: 'stations and shelter-site periods are not personal data',
  },
  [GlobalAction.manageFacilities]: {
    roles: ['supervisor', 'chief_administrator', 'admin'],
    scope: TokenScope.roster_write,
    basis: 'facilities are configuration',
  },
  [GlobalAction.publishGeneralStatement]: {
    roles: ['public_information', 'chief_administrator'],
    scope: TokenScope.statements_write,
    basis: 'PRODUCT.md §3: publishing is the approval',
  },
  [GlobalAction.reviewStatement]: {
    roles: ['public_information', 'chief_administrator'],
    scope: TokenScope.statements_write,
    basis:
      'issue 22 items 2–3: a second person of those who publish reviews what the office says publicly',
  },
  [GlobalAction.readPressInquiries]: {
    roles: ['public_information', 'chief_administrator'],
    // the open-inquiry count is on the dashboard, which a cases:read token reads
    scope: TokenScope.cases_read,
    basis:
      'PRODUCT.md §3, issue 22 item 3: public information answers the press for the office; the chief administrator speaks for it',
  },
  [GlobalAction.logPressInquiry]: {
    roles: ['public_information', 'chief_administrator'],
    scope: TokenScope.statements_write,
    basis:
      'PRODUCT.md §3, issue 22 item 3: those who draft statements log what the press asks, with or without a case',
  },
  [GlobalAction.answerPressInquiry]: {
    roles: ['public_information', 'chief_administrator'],
    scope: TokenScope.statements_write,
    basis:
      'PRODUCT.md §3, issue 22 item 3: those who publish statements answer the press (a free-text answer is reviewed by a second person)',
  },
  [GlobalAction.verifyAudit]: {
    roles: ['auditor'],
    scope: TokenScope.audit_read,
    basis: 'PRODUCT.md §2: the Inspector General reads the audit log',
  },
  [GlobalAction.readAudit]: {
    roles: ['auditor'],
    scope: TokenScope.audit_read,
    basis: 'PRODUCT.md §2: the Inspector General reads the audit log',
  },
  [GlobalAction.recordConflict]: {
    roles: ['admin', 'chief_administrator'],
    scope: TokenScope.access_manage,
    basis: 'ADR 0013: conflicts of interest are recorded by administration',
  },
  [GlobalAction.reviewBreakGlass]: {
    roles: ['supervisor', 'chief_administrator', 'auditor'],
    scope: TokenScope.access_manage,
    basis: 'ADR 0013: break-the-glass is flagged to supervisors (and the auditor)',
  },
  [GlobalAction.revokeUserSessions]: {
    roles: ['admin'],
    scope: TokenScope.access_manage,
    basis: 'ADR 0015: account administration ends a compromised or departing user’s sessions',
  },
  [GlobalAction.subjectAccess]: {
    roles: ['supervisor', 'chief_administrator'],
    // a subject-access export is every identity the office holds on a person
    scope: TokenScope.identities_read,
    basis:
      'ADR 0017: a person’s request for their data is answered by managers who already read identities on their agency’s cases (each case is checked again)',
  },
  [GlobalAction.readNarrativeQueue]: {
    roles: ['public_information', 'chief_administrator'],
    scope: TokenScope.statements_write,
    basis: 'issue 17 item 5: those who approve published narratives see what waits for them',
  },
  [GlobalAction.readOutbox]: {
    roles: ['supervisor', 'chief_administrator'],
    scope: TokenScope.cases_read,
    basis:
      'ADR 0033: those who approve letters watch the outbox; the list holds only cases they may read',
  },
  [GlobalAction.readEis]: {
    roles: ['supervisor', 'chief_administrator', 'auditor', 'admin'],
    // alerts name department members (roster data), never civilians
    scope: TokenScope.roster_read,
    basis:
      'issue 19: supervisors act on early-intervention alerts, the Inspector General audits them, administrators keep the rules',
  },
  [GlobalAction.reviewEisAlert]: {
    roles: ['supervisor', 'chief_administrator'],
    scope: TokenScope.roster_write,
    basis: 'issue 19 item 4: a supervisor reviews an alert and plans support or training',
  },
  [GlobalAction.manageEisRules]: {
    roles: ['admin'],
    scope: TokenScope.roster_write,
    basis: 'issue 19 item 3a: the rules are configuration, kept by an administrator',
  },
  [GlobalAction.readReports]: {
    roles: ['supervisor', 'chief_administrator', 'public_information', 'analyst', 'auditor'],
    // aggregates over cases, no identities
    scope: TokenScope.cases_read,
    basis:
      'MCC §2-78-150: the office reports its figures to the Council; aggregates only, read by its managers, analysts, public information and the Inspector General',
  },
  [GlobalAction.readPolicyRecommendations]: {
    roles: [...CASE_WORKERS, 'public_information', 'analyst', 'auditor'],
    scope: TokenScope.cases_read,
    basis:
      'MCC §2-78-150: recommendations and the department’s responses are listed in the published annual report',
  },
  [GlobalAction.managePolicyRecommendations]: {
    roles: ['chief_administrator'],
    scope: TokenScope.cases_write,
    basis:
      'MCC §2-78-150 has the annual report list the office’s recommendations to the department; the chief administrator speaks for the office, so records them and the department’s responses',
  },
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
  return rolesHold(who, action) && scopeAllows(who, GLOBAL_GRANTS[action].scope);
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
    requireScope(who, GLOBAL_GRANTS[action].scope);
  }
  return byRole;
}
