import type { CaseType, Category, NotificationType, Vulnerability } from '../../shared/enums.ts';
import type { JurisdictionProfile } from './profiles/profile.ts';
import { restrictionFor, tightenRestriction, type RestrictionReason } from './restriction.ts';
import { routeCase, type JointDetermination, type RoutingDecision } from './routing.ts';

/**
 * The facts of a case that decide who investigates it (MCC §2-78-120) and who may read it
 * (PRODUCT.md §4 "Restricted cases"). Intake has them from the request; a filed case from its
 * row (categories, notification type, the injury and custody facts of migration 0014), the ranks
 * of its accused, its parties' vulnerabilities and the joint determination it sits under, if any.
 */
export interface CaseFacts {
  caseType: CaseType;
  /** Every allegation category of the case (intake's and those added since). */
  categories: readonly Category[];
  notificationType?: NotificationType | null | undefined;
  /** Death or serious bodily injury; null or absent when not recorded (imported history). */
  seriousInjuryOrDeath?: boolean | null | undefined;
  /** The person was detained or in custody; null or absent when not recorded. */
  inCustody?: boolean | null | undefined;
  /** Ranks of the accused members, as the roster writes them. */
  accusedRanks?: readonly string[] | undefined;
  /** Vulnerabilities of every party on the case, merged. */
  vulnerabilities?: readonly Vulnerability[] | undefined;
  /** The recorded joint COPA+BIA determination (b-5) the case sits under, if any. */
  jointDetermination?: JointDetermination | null | undefined;
}

/** Where a case goes and whether it is need-to-know, from its facts alone. */
export interface Classification {
  routing: RoutingDecision;
  restricted: boolean;
  restrictionReasons: RestrictionReason[];
}

/**
 * The one classification of a case, used by intake, by the intake preview and by re-routing
 * after a change: `routeCase()` (the agency and the clause, MCC §2-78-120, with the CPD G08-01
 * rank retention) and `restrictionFor()` over the same facts. Unrecorded facts are passed as
 * unknown, never guessed.
 */
export function classifyCase(facts: CaseFacts, profile: JurisdictionProfile): Classification {
  const routing = routeCase(
    {
      caseType: facts.caseType,
      categories: [...facts.categories],
      ...(facts.notificationType ? { notificationType: facts.notificationType } : {}),
      ...(typeof facts.seriousInjuryOrDeath === 'boolean'
        ? { seriousInjuryOrDeath: facts.seriousInjuryOrDeath }
        : {}),
      ...(typeof facts.inCustody === 'boolean' ? { inCustody: facts.inCustody } : {}),
      ...(facts.accusedRanks && facts.accusedRanks.length > 0
        ? { accusedRanks: [...facts.accusedRanks] }
        : {}),
      ...(facts.jointDetermination ? { jointDetermination: facts.jointDetermination } : {}),
    },
    profile,
  );
  const restriction = restrictionFor({
    categories: [...facts.categories],
    vulnerabilities: [...(facts.vulnerabilities ?? [])],
  });
  return { routing, restricted: restriction.restricted, restrictionReasons: restriction.reasons };
}

/** Why a re-routing waits for a person instead of happening by itself. */
export type RoutingReviewReason =
  /** The case sits with BIA under a joint COPA+BIA determination (MCC §2-78-120(b-5)). */
  'joint_determination';

/** What a change to a case's facts does to its lead agency. */
export type RoutingChange =
  /** The lead stays and there is nothing new to record. */
  | { kind: 'none' }
  /** The lead stays, for a reason worth a new routing decision (BIA keeps a lieutenant's case). */
  | { kind: 'record'; decision: RoutingDecision }
  /** The rules move the case: the new lead, with the clause that moves it. */
  | {
      kind: 'reroute';
      from: string;
      to: string;
      decision: RoutingDecision;
    }
  /** The rules would move the case, but only a person may: offered, not forced. */
  | {
      kind: 'offer';
      from: string;
      to: string;
      decision: RoutingDecision;
      reason: RoutingReviewReason;
    };

/** Where a case stands before the change. */
export interface CaseRoutingState {
  leadAgency: string;
  restricted: boolean;
  restrictionReasons: readonly string[];
}

/** A change's effect on routing and restriction. */
export interface Reevaluation {
  classification: Classification;
  routing: RoutingChange;
  /** Restriction after the change: never lifted automatically. */
  restriction: { restricted: boolean; reasons: string[]; changed: boolean };
}

/**
 * Re-evaluates a case after its facts changed (an allegation added), with the classification
 * intake uses. The rule (docs/domain.md "Re-routing"):
 *
 * - The strongest clause over all of the case's categories and facts wins, as at intake.
 * - A BIA case that now falls under a COPA clause (b)–(f) moves to COPA, citing that clause:
 *   COPA investigates those matters whoever received them (MCC §2-78-120(b)–(f)).
 * - Unless it sits with BIA under a recorded joint COPA+BIA determination (b-5): that was a
 *   decision of both agencies, so undoing it is offered to their managers, not done silently.
 * - A COPA case never leaves COPA by re-evaluation: categories only accumulate, so a change cannot
 *   take away the clause COPA holds it under, and sending a case to BIA is itself a human decision
 *   (a joint determination under (b-5), or closing it as referred).
 * - A BIA case that BIA keeps records a new decision when the CPD G08-01 rank retention starts to
 *   apply (the first accused of lieutenant rank or above), and only then.
 * - Restriction follows the new facts but never lifts (PRODUCT.md §4; ADR 0006).
 *
 * `before` is the case's facts before the change; `after` includes it.
 */
export function reevaluateCase(
  current: CaseRoutingState,
  before: CaseFacts,
  after: CaseFacts,
  profile: JurisdictionProfile,
): Reevaluation {
  const classification = classifyCase(after, profile);
  const decision = classification.routing;
  const { oversight, internalAffairs } = profile.agencyRoles;
  let routing: RoutingChange = { kind: 'none' };
  if (current.leadAgency === internalAffairs && decision.agency === oversight) {
    const move = { from: internalAffairs, to: oversight, decision };
    routing = after.jointDetermination
      ? { kind: 'offer', ...move, reason: 'joint_determination' }
      : { kind: 'reroute', ...move };
  } else if (
    current.leadAgency === internalAffairs &&
    decision.agency === internalAffairs &&
    decision.keptByRank === true &&
    classifyCase(before, profile).routing.keptByRank !== true
  ) {
    routing = { kind: 'record', decision };
  }
  return {
    classification,
    routing,
    restriction: tightenRestriction(
      { restricted: current.restricted, reasons: current.restrictionReasons },
      { restricted: classification.restricted, reasons: classification.restrictionReasons },
    ),
  };
}

/**
 * The re-routing a case is offered now, if any: what `reevaluateCase` offers when the facts have
 * not changed since. The staff case page shows it with an accept button; accepting re-checks it
 * under the case lock.
 */
export function pendingRerouting(
  current: CaseRoutingState,
  facts: CaseFacts,
  profile: JurisdictionProfile,
): Extract<RoutingChange, { kind: 'offer' }> | null {
  const { routing } = reevaluateCase(current, facts, facts, profile);
  return routing.kind === 'offer' ? routing : null;
}
