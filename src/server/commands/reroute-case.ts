import type {
  Agency,
  CaseType,
  NotificationType,
  Track,
  Vulnerability,
} from '../../shared/enums.ts';
import type { Queryable } from '../db/client.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { pendingRerouting, reevaluateCase, type CaseFacts } from '../domain/classification.ts';
import { computeCaseDeadlines, owesSixMonthNotice } from '../domain/clocks.ts';
import { CONCLUDED } from '../domain/transition.ts';
import type { JurisdictionProfile } from '../domain/profiles/profile.ts';
import type { RoutingDecision } from '../domain/routing.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { accusedRanks } from '../repositories/allegations.repository.ts';
import { updateCaseRouting, type CaseRow } from '../repositories/cases.repository.ts';
import {
  changeTrackRole,
  latestRoutingDecision,
  listCaseAgencies,
} from '../repositories/routing.repository.ts';
import { countDeadlines } from '../repositories/deadlines.repository.ts';
import { caseVulnerabilities, setCaseRestriction } from '../repositories/parties.repository.ts';
import { ConflictError } from '../errors.ts';
import { Created, insertStamped, Stamped } from './audited.ts';
import { auditContext, onCase, type CommandDeps } from './context.ts';
import { startDeadline } from './open-deadline.ts';

/**
 * The facts `classifyCase` needs, read from a filed case: its row, the ranks of its accused, its
 * parties' vulnerabilities, and the joint determination (MCC §2-78-120(b-5)) it sits under — the
 * one in force is the latest routing decision's (the only kind that records a joint reason),
 * while its agency (internal affairs, BIA in Chicago) leads.
 */
export async function loadCaseFacts(db: Queryable, row: CaseRow): Promise<CaseFacts> {
  const [ranks, vulnerabilities, latest] = await Promise.all([
    accusedRanks(db, row.id),
    caseVulnerabilities(db, row.id),
    latestRoutingDecision(db, row.id),
  ]);
  const joint =
    latest && latest.joint_reason !== null && latest.agency === row.lead_agency
      ? {
          agency: latest.agency,
          recordedAt: latest.decided_at.toISOString(),
          reason: latest.joint_reason,
        }
      : null;
  return {
    caseType: row.case_type as CaseType,
    categories: row.categories,
    notificationType: row.notification_type as NotificationType | null,
    seriousInjuryOrDeath: row.serious_injury_or_death,
    inCustody: row.in_custody,
    accusedRanks: ranks,
    vulnerabilities: vulnerabilities as Vulnerability[],
    jointDetermination: joint,
  };
}

/** What started a change of lead agency, as the audit row names it. */
export type RerouteTrigger =
  'allegation_added' | 'facts_corrected' | 'joint_determination' | 'routing_review_accepted';

/**
 * Moves a case to a new lead agency in the caller's transaction (the case row already locked):
 * appends the routing decision (the history keeps every one), sets `cases.lead_agency`, gives the
 * new lead the lead role on its track and leaves the old lead a parallel track, so its staff keep
 * seeing the case (ADR 0006, 0007), starts the §2-78-135 notice clock when COPA takes the case,
 * and audits it as `case.rerouted` with the clause.
 */
export async function writeReroute(
  tx: Queryable,
  deps: CommandDeps,
  row: CaseRow,
  change: {
    decision: RoutingDecision;
    trigger: RerouteTrigger;
    /** The joint determination's reason, when this decision records one. */
    jointReason?: string | null;
    /** The audit row's reason; defaults to the clause. */
    reason?: string | null;
    /** The track the new lead leads (administrative unless a joint determination says). */
    track?: Track;
    /** More fields for the audit row (the allegation that triggered it, restriction…). */
    changes?: Record<string, unknown>;
  },
  now: Date,
): Promise<void> {
  const { decision } = change;
  const from = row.lead_agency;
  const to: Agency = decision.agency;
  const track = change.track ?? 'administrative';
  await insertStamped(tx, deps, now, Stamped.routingDecision, {
    caseId: row.id,
    agency: to,
    clause: decision.clause,
    rule: decision.rule,
    explanation: decision.explanation,
    explanationEs: decision.explanationEs,
    jointReason: change.jointReason ?? null,
  });
  await updateCaseRouting(tx, row.id, to);

  // ADR 0007: one lead runs the case; the agency it replaces keeps its track beside it
  const tracks: Array<{
    agency: string;
    track: string;
    role: { from: string | null; to: string };
  }> = [];
  const existing = await listCaseAgencies(tx, row.id);
  for (const a of existing) {
    if (a.role === 'lead' && a.agency !== to) {
      await changeTrackRole(tx, row.id, a.agency, a.track, 'parallel');
      tracks.push({ agency: a.agency, track: a.track, role: { from: 'lead', to: 'parallel' } });
    }
  }
  const own = existing.find((a) => a.agency === to && a.track === track);
  if (!own) {
    // the new lead's track: audited with the re-routing below (`tracks`), not on its own
    await insertStamped(tx, deps, now, Created.caseAgency, {
      caseId: row.id,
      agency: to,
      track,
      role: 'lead',
    });
    tracks.push({ agency: to, track, role: { from: null, to: 'lead' } });
  } else if (own.role !== 'lead') {
    await changeTrackRole(tx, row.id, to, track, 'lead');
    tracks.push({ agency: to, track, role: { from: own.role, to: 'lead' } });
  }

  // MCC §2-78-135: the six-month notices are COPA's duty (intake gives BIA cases none); a case
  // COPA takes over gets intake's clock, from receipt, unless it already has one or has ended
  let clock: string | null = null;
  if (
    owesSixMonthNotice(to, deps.profile) &&
    !CONCLUDED.has(row.status) &&
    (await countDeadlines(tx, row.id, 'six_month_notice')) === 0
  ) {
    const notice = computeCaseDeadlines(
      {
        receivedAt: row.received_at,
        caseType: row.case_type as CaseType,
        categories: row.categories,
        ...(row.incident_occurred_at ? { incidentAt: row.incident_occurred_at } : {}),
        ...(row.notification_type
          ? { notificationType: row.notification_type as NotificationType }
          : {}),
      },
      deps.profile,
    ).find((d) => d.kind === 'six_month_notice');
    if (notice) {
      clock = await startDeadline(tx, deps, row.id, notice, notice.sequence ?? 1, now);
    }
  }

  await recordAudit(tx, auditContext(deps, now), {
    action: AuditAction.case_rerouted,
    entityType: 'case',
    entityId: row.log_number,
    caseId: row.id,
    reason: change.reason ?? decision.clause,
    changes: {
      leadAgency: { from, to },
      clause: decision.clause,
      rule: decision.rule,
      trigger: change.trigger,
      tracks,
      ...(clock ? { sixMonthNotice: clock } : {}),
      ...change.changes,
    },
  });
}

/** The routing review a staff response shows: the re-routing offered, with its clause. */
export interface RoutingReview {
  agency: Agency;
  clause: string;
  rule: string;
  explanation: string;
  explanationEs: string;
  reason: 'joint_determination';
}

type Offer = NonNullable<ReturnType<typeof pendingRerouting>>;

/** The re-routing offered on a case now, with the facts it was decided from. */
async function currentOffer(
  db: Queryable,
  row: CaseRow,
  profile: JurisdictionProfile,
): Promise<{ offer: Offer; facts: CaseFacts } | null> {
  if (row.lead_agency !== profile.agencyRoles.internalAffairs) {
    // only a case at internal affairs (BIA) under a joint determination is ever offered a move: skip the reads
    return null;
  }
  const facts = await loadCaseFacts(db, row);
  const offer = pendingRerouting(
    {
      leadAgency: row.lead_agency,
      restricted: row.restricted,
      restrictionReasons: row.restriction_reasons,
    },
    facts,
    profile,
  );
  return offer ? { offer, facts } : null;
}

/** The re-routing a case is offered now (docs/domain.md "Re-routing"), or null. */
export async function routingReviewFor(
  db: Queryable,
  row: CaseRow,
  profile: JurisdictionProfile,
): Promise<RoutingReview | null> {
  const current = await currentOffer(db, row, profile);
  if (!current) {
    return null;
  }
  const { offer } = current;
  return {
    agency: offer.to,
    clause: offer.decision.clause,
    rule: offer.decision.rule,
    explanation: offer.decision.explanation,
    explanationEs: offer.decision.explanationEs,
    reason: offer.reason,
  };
}

export interface AcceptRoutingReviewInput {
  logNumber: string;
  /** The agency the offer the caller saw proposed; another offer (or none) answers 409. */
  agency: Agency;
  /** Why, in the accepting manager's words; kept as the audit row's reason. */
  note?: string | undefined;
}

/**
 * Accepts the re-routing offered on a case (MCC §2-78-120(b-5): a case at BIA under a joint
 * determination moves back only by a person's decision). Re-checks the offer under the case lock:
 * none answers 409 `no_routing_review`, another agency than the caller saw 409
 * `routing_review_changed`. Managers of either agency on the case may accept.
 */
export async function acceptRoutingReview(
  deps: CommandDeps,
  input: AcceptRoutingReviewInput,
): Promise<{ leadAgency: string }> {
  return onCase(deps, input.logNumber, CaseAction.acceptRerouting, async (tx, { row }) => {
    const current = await currentOffer(tx, row, deps.profile);
    if (!current) {
      throw new ConflictError('no_routing_review', 'No re-routing is offered on this case.');
    }
    const { offer, facts } = current;
    if (offer.to !== input.agency) {
      throw new ConflictError(
        'routing_review_changed',
        `The re-routing offered now is to ${offer.to}, not ${input.agency}; reload the case.`,
      );
    }
    await writeReroute(
      tx,
      deps,
      row,
      {
        decision: offer.decision,
        trigger: 'routing_review_accepted',
        reason: input.note ?? offer.decision.clause,
        // the joint determination the move sets aside stays in the routing history
        changes: { jointDetermination: facts.jointDetermination?.reason ?? null },
      },
      deps.now(),
    );
    return { leadAgency: offer.to };
  });
}

/** What re-evaluating a case did, for the audit row of the command that changed its facts. */
export interface AppliedReevaluation {
  /** The lead agency after it. */
  leadAgency: string;
  restricted: boolean;
  /** Fields for the triggering command's audit row: restriction, decision recorded, offer. */
  audit: Record<string, unknown>;
}

/**
 * Applies `reevaluateCase` after a command changed a case's facts (an allegation added, intake
 * facts corrected), in its transaction with the case row locked; the one place its outcome is
 * written, whichever command changed the facts (docs/domain.md "Re-routing"): restriction
 * tightened (never lifted), a rank-retention decision recorded (CPD G08-01), a re-routing written
 * (`writeReroute`, audited as `case.rerouted` with the trigger), or a re-routing that needs a
 * joint determination's managers left offered (the case response's `routingReview`).
 */
export async function applyReevaluation(
  tx: Queryable,
  deps: CommandDeps,
  row: CaseRow,
  facts: { before: CaseFacts; after: CaseFacts },
  trigger: { trigger: RerouteTrigger; changes: Record<string, unknown> },
  now: Date,
): Promise<AppliedReevaluation> {
  const { routing, restriction } = reevaluateCase(
    {
      leadAgency: row.lead_agency,
      restricted: row.restricted,
      restrictionReasons: row.restriction_reasons,
    },
    facts.before,
    facts.after,
    deps.profile,
  );
  const audit: Record<string, unknown> = {};
  if (restriction.changed) {
    // restriction never lifts automatically (PRODUCT.md §4)
    await setCaseRestriction(tx, row.id, restriction.restricted, restriction.reasons);
    audit.restricted = { from: row.restricted, to: restriction.restricted };
    audit.restrictionReasons = { from: row.restriction_reasons, to: restriction.reasons };
  }
  switch (routing.kind) {
    case 'none':
      break;
    case 'record':
      // CPD G08-01: a BIA case against a lieutenant or above stays with BIA headquarters, not a
      // unit sergeant: record the decision and the rule that made it
      await insertStamped(tx, deps, now, Stamped.routingDecision, {
        caseId: row.id,
        agency: routing.decision.agency,
        clause: routing.decision.clause,
        rule: routing.decision.rule,
        explanation: routing.decision.explanation,
        explanationEs: routing.decision.explanationEs,
        jointReason: null,
      });
      audit.routingDecision = { agency: routing.decision.agency, rule: routing.decision.rule };
      break;
    case 'offer':
      audit.routingReview = {
        agency: routing.to,
        clause: routing.decision.clause,
        rule: routing.decision.rule,
        reason: routing.reason,
      };
      break;
    case 'reroute':
      await writeReroute(
        tx,
        deps,
        row,
        {
          decision: routing.decision,
          trigger: trigger.trigger,
          changes: {
            ...trigger.changes,
            ...(audit.restricted ? { restricted: audit.restricted } : {}),
          },
        },
        now,
      );
      audit.rerouted = { from: row.lead_agency, to: routing.to, clause: routing.decision.clause };
      break;
  }
  return {
    leadAgency: routing.kind === 'reroute' ? routing.to : row.lead_agency,
    restricted: restriction.restricted,
    audit,
  };
}
