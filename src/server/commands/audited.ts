import crypto from 'node:crypto';
import { AuditAction, recordAudit, type AuditEvent } from '../audit/audit.ts';
import type { Queryable } from '../db/client.ts';
import { insertConflict } from '../repositories/access.repository.ts';
import { insertActivity } from '../repositories/activity.repository.ts';
import { insertAllegation, recordFinding } from '../repositories/allegations.repository.ts';
import { insertAssignment } from '../repositories/assignments.repository.ts';
import { insertStatusHistory } from '../repositories/cases.repository.ts';
import { recordAlertStep } from '../repositories/eis-alerts.repository.ts';
import { insertFacility, insertShelterPeriod } from '../repositories/facilities.repository.ts';
import { insertDutyStatus, insertMember } from '../repositories/members.repository.ts';
import { insertNarrativeReview } from '../repositories/narrative-review.repository.ts';
import { insertPolicyRecommendation } from '../repositories/policy-recommendations.repository.ts';
import { insertPressInquiry } from '../repositories/press-inquiries.repository.ts';
import { insertCaseAgency, insertRoutingDecision } from '../repositories/routing.repository.ts';
import { insertStatement } from '../repositories/statements.repository.ts';
import { auditContext, type CommandDeps } from './context.ts';

/** What every row a person's command creates carries: a fresh id, the jurisdiction, when, who. */
export interface Stamp {
  key: { id: string; jurisdiction: string };
  at: Date;
  /** The acting user's id. */
  by: string;
}

/** What the audit entry of a creation keeps of the row (its entity is the row unless named). */
type Mirror = Omit<AuditEvent, 'action' | 'entityType' | 'entityId'> & { entityId?: string };

/**
 * One kind of created row: how its table names the stamp (`insert`), and the audit entry that
 * mirrors it — the action, the entity type, and which of the row's facts the log keeps (`audit`).
 * The facts are what the command decides; the stamp is never written at a call site.
 */
export interface Creation<F, T> {
  action: AuditAction;
  entityType: string;
  insert: (tx: Queryable, facts: F, stamp: Stamp) => Promise<T>;
  audit: (facts: F) => Mirror;
}

/** The keys of `R` whose column takes a `V`. */
type KeysTaking<R, V> = { [K in keyof R]-?: V extends R[K] ? K : never }[keyof R];

/**
 * An insert taking the stamp under the names its table gives it: the id and jurisdiction, the
 * time as `at`, the actor as `by` where the table records one (`recordedBy`, `createdBy`, …).
 */
function stampedAs<
  R extends { id: string; jurisdiction: string },
  T,
  A extends KeysTaking<R, Date>,
  B extends KeysTaking<R, string> = never,
>(
  insert: (tx: Queryable, row: R) => Promise<T>,
  at: A,
  by?: B,
): (tx: Queryable, facts: Omit<R, 'id' | 'jurisdiction' | A | B>, stamp: Stamp) => Promise<T> {
  return (tx, facts, s) =>
    // the keys are the table's names for the stamp, so the assembled row is an `R`
    insert(tx, { ...facts, ...s.key, [at]: s.at, ...(by ? { [by]: s.by } : {}) } as unknown as R);
}

/** A kind of created row: its stamped insert, then its audit (inferred from the insert's row). */
function kind<F, T>(
  insert: Creation<F, T>['insert'],
  c: Omit<Creation<F, T>, 'insert'>,
): Creation<F, T> {
  return { insert, ...c };
}

/**
 * The kinds of rows commands create, each audited with the row it created (PRODUCT.md §3: every
 * write is audited). The audit keeps named facts, never free text about a person.
 */
export const Created = {
  activity: kind(stampedAs(insertActivity, 'recordedAt', 'recordedBy'), {
    action: AuditAction.activity_logged,
    entityType: 'activity',
    audit: (a) => ({
      caseId: a.caseId,
      changes: { kind: a.kind, occurredAt: a.occurredAt.toISOString() },
    }),
  }),
  dutyStatus: kind(stampedAs(insertDutyStatus, 'recordedAt', 'recordedBy'), {
    action: AuditAction.duty_status_recorded,
    entityType: 'duty_status',
    audit: (d) => ({
      caseId: d.caseId,
      reason: d.reason,
      changes: { memberId: d.memberId, action: d.action, stage: d.stage, decidedBy: d.decidedBy },
    }),
  }),
  staffConflict: kind(stampedAs(insertConflict, 'recordedAt', 'recordedBy'), {
    action: AuditAction.conflict_recorded,
    entityType: 'staff_conflict',
    // the relation is free text about a person: named, not copied into the log
    audit: (c) => ({ changes: { userId: c.userId, memberId: c.memberId, relation: true } }),
  }),
  /** A shelter period is audited on its facility. */
  shelterPeriod: kind(stampedAs(insertShelterPeriod, 'createdAt', 'createdBy'), {
    action: AuditAction.shelter_period_added,
    entityType: 'facility',
    audit: (p) => ({ entityId: p.facilityId, changes: { startsOn: p.startsOn, endsOn: p.endsOn } }),
  }),
  allegation: kind(stampedAs(insertAllegation, 'createdAt', 'createdBy'), {
    action: AuditAction.allegation_added,
    entityType: 'allegation',
    audit: (a) => ({ caseId: a.caseId, changes: { memberId: a.memberId, category: a.category } }),
  }),
  /** A finding is audited on its allegation; the command names the case. */
  finding: kind(stampedAs(recordFinding, 'recordedAt', 'recordedBy'), {
    action: AuditAction.finding_recorded,
    entityType: 'allegation',
    audit: (f) => ({
      entityId: f.allegationId,
      changes: { stage: f.stage, finding: f.finding, penalty: f.penalty, decidedOn: f.decidedOn },
    }),
  }),
  /** A press inquiry about several cases is audited on the first. */
  pressInquiry: kind(stampedAs(insertPressInquiry, 'loggedAt', 'loggedBy'), {
    action: AuditAction.press_inquiry_logged,
    entityType: 'press_inquiry',
    audit: (p) => ({ caseId: p.caseIds[0] ?? null, changes: { outlet: p.outlet } }),
  }),
  /** A step of an early-intervention alert's review is audited on the alert, with its note. */
  alertStep: kind(stampedAs(recordAlertStep, 'at', 'actorId'), {
    action: AuditAction.eis_alert_step,
    entityType: 'eis_alert',
    audit: (s) => ({ entityId: s.alertId, changes: { from: s.from, to: s.to, note: s.note } }),
  }),
  /** A statement about several cases is audited on the first (the others are counted). */
  statement: kind(stampedAs(insertStatement, 'createdAt', 'createdBy'), {
    action: AuditAction.statement_drafted,
    entityType: 'statement',
    audit: (t) => ({
      caseId: t.caseIds[0] ?? null,
      changes: { language: t.language, translationOf: t.translationOf, cases: t.caseIds.length },
    }),
  }),
  /** Answers false where the case already has the agency's track: nothing created or audited. */
  caseAgency: kind(stampedAs(insertCaseAgency, 'addedAt', 'addedBy'), {
    action: AuditAction.agency_added,
    entityType: 'case_agency',
    audit: (a) => ({
      caseId: a.caseId,
      changes: { agency: a.agency, track: a.track, role: a.role },
    }),
  }),
  /** Answers false where the person already holds the role on the case: nothing created. */
  assignment: kind(stampedAs(insertAssignment, 'assignedAt', 'assignedBy'), {
    action: AuditAction.assignment_added,
    entityType: 'assignment',
    audit: (a) => ({ caseId: a.caseId, changes: { userId: a.userId, role: a.role } }),
  }),
  /** The machine's proposal: stamped with its time only (no person proposed it). */
  narrativeReview: kind(stampedAs(insertNarrativeReview, 'at'), {
    action: AuditAction.narrative_proposed,
    entityType: 'narrative_review',
    audit: (r) => ({ caseId: r.caseId, changes: { version: r.version, spans: r.proposed.length } }),
  }),
  member: kind(
    (tx, m: Omit<Parameters<typeof insertMember>[2], 'id'>, s) =>
      insertMember(tx, s.key.jurisdiction, { id: s.key.id, ...m }, s.at),
    {
      action: AuditAction.member_added,
      entityType: 'member',
      audit: (m) => ({ changes: { star: m.star, lastName: m.last_name, rank: m.rank } }),
    },
  ),
  facility: kind(
    (tx, f: Omit<Parameters<typeof insertFacility>[2], 'id'>, s) =>
      insertFacility(tx, s.key.jurisdiction, { id: s.key.id, ...f }, s.at),
    {
      action: AuditAction.facility_added,
      entityType: 'facility',
      audit: (f) => ({ changes: { code: f.code } }),
    },
  ),
  policyRecommendation: kind(
    (tx, r: Omit<Parameters<typeof insertPolicyRecommendation>[2], 'id'>, s) =>
      insertPolicyRecommendation(tx, s.key.jurisdiction, { id: s.key.id, ...r }, s.at, s.by),
    {
      action: AuditAction.policy_recommendation_created,
      entityType: 'policy_recommendation',
      audit: (r) => ({ changes: { madeOn: r.madeOn, topic: r.topic, recipient: r.recipient } }),
    },
  ),
};

/**
 * Rows stamped like a creation whose audit entry is another's: a case's status history row is
 * audited by the case's transition (`case.transitioned` on the log number, transition-case).
 */
export const Stamped = {
  statusHistory: { insert: stampedAs(insertStatusHistory, 'at', 'actorId') },
  /** Audited by the re-routing (`case.rerouted`) or the reevaluation's entry it belongs to. */
  routingDecision: { insert: stampedAs(insertRoutingDecision, 'decidedAt', 'decidedBy') },
};

/** What the command adds to a creation's audit entry: the case it is on, what it caused. */
export interface Also {
  caseId?: string;
  changes?: Record<string, unknown>;
}

/** A row a command inserted: its id, its facts, and what the insert answered. */
export interface Inserted<F, T> {
  id: string;
  facts: F;
  result: T;
}

/**
 * Inserts a row of `kind` stamped with a fresh id, the jurisdiction, `now` and the actor. For a
 * command whose audit entry must wait for later writes of the same transaction (an allegation's
 * re-routing is audited first); otherwise {@link createAudited}.
 */
export async function insertStamped<F, T>(
  tx: Queryable,
  deps: Pick<CommandDeps, 'jurisdiction' | 'actor'>,
  now: Date,
  kind: Pick<Creation<F, T>, 'insert'>,
  facts: F,
): Promise<Inserted<F, T>> {
  const id = crypto.randomUUID();
  const key = { id, jurisdiction: deps.jurisdiction };
  const result = await kind.insert(tx, facts, { key, at: now, by: deps.actor.id });
  return { id, facts, result };
}

/**
 * The audit entry of a created row: the kind's action and entity type, the row's id, the facts
 * the kind keeps, and what the command adds (`also`: the case, what the creation caused). An
 * insert that answered false created nothing (the row was there), so nothing is audited.
 */
export async function auditCreated<F, T>(
  tx: Queryable,
  deps: Pick<CommandDeps, 'jurisdiction' | 'actor' | 'ip'>,
  now: Date,
  kind: Creation<F, T>,
  inserted: Inserted<F, T>,
  also: Also = {},
): Promise<void> {
  if (inserted.result === false) {
    return;
  }
  const { entityId, changes, ...mirror } = kind.audit(inserted.facts);
  await recordAudit(tx, auditContext(deps, now), {
    action: kind.action,
    entityType: kind.entityType,
    entityId: entityId ?? inserted.id,
    ...mirror,
    ...(also.caseId !== undefined ? { caseId: also.caseId } : {}),
    changes: { ...changes, ...also.changes },
  });
}

/**
 * Every creation is audited with the row it created, in the caller's transaction: the row of
 * `kind` stamped (id, jurisdiction, `now`, actor), then its audit entry under the same id.
 */
export async function createAudited<F, T>(
  tx: Queryable,
  deps: Pick<CommandDeps, 'jurisdiction' | 'actor' | 'ip'>,
  now: Date,
  kind: Creation<F, T>,
  facts: F,
  also: Also = {},
): Promise<Inserted<F, T>> {
  const inserted = await insertStamped(tx, deps, now, kind, facts);
  await auditCreated(tx, deps, now, kind, inserted, also);
  return inserted;
}
