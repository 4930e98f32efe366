import crypto from 'node:crypto';
import { ALERT_STEPS, type AlertStatus, type RuleRequest } from '../../shared/schemas/eis.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import type { Db } from '../db/client.ts';
import { Ranker } from '../domain/eis/backtest.ts';
import { dayOf } from '../domain/eis/features.ts';
import { evaluateRules } from '../domain/eis/rules.ts';
import type { JurisdictionProfile, LocalizedText } from '../domain/profiles/profile.ts';
import { allowedGlobally, GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import {
  findAlert,
  findRule,
  insertAlert,
  insertRule,
  listRules,
  openAlertKeys,
  updateRule,
  type RuleRow,
  type RuleValues,
} from '../repositories/eis-alerts.repository.ts';
import { loadEisHistory } from '../repositories/eis.repository.ts';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors.ts';
import { createAudited, Created } from './audited.ts';
import { auditContext, type CommandDeps, systemAuditContext } from './context.ts';

/*
 * Early intervention (issue 19 items 3a and 4). An alert is advice for support and training:
 * these commands write rules, alerts and review steps only. None of them touches an allegation,
 * a finding or a penalty, and test/eis-alerts.int.test.ts checks that no module reached from here
 * can (docs/early-intervention.md, "An alert is not discipline").
 */

function valuesOf(r: RuleRequest): RuleValues {
  return {
    kind: r.kind,
    label: r.label,
    categories: r.kind === 'count_in_days' ? r.categories : [],
    threshold: r.kind === 'count_in_days' ? r.threshold : null,
    days: r.kind === 'top_percentile' ? null : r.days,
    percentile: r.kind === 'top_percentile' ? r.percentile : null,
    memberId: r.kind === 'monitor_member' ? r.memberId : null,
    unitCode: r.kind === 'monitor_unit' ? r.unitCode : null,
    active: r.active,
  };
}

/**
 * Adds a rule, or changes the rule with the same code (`mode` says which is meant, so a typo
 * does not silently create a second rule). Administrators only; audited with the old and new values.
 */
export async function saveRule(
  deps: CommandDeps,
  input: RuleRequest,
  mode: 'create' | 'update',
): Promise<RuleRow> {
  requireGlobally(
    deps.actor,
    GlobalAction.manageEisRules,
    'Early-intervention rules are kept by administrators.',
  );
  if (input.kind === 'count_in_days') {
    const unknown = input.categories.filter((c) => !(c in deps.profile.categories));
    if (unknown.length > 0) {
      throw new UnprocessableError(
        'unknown_category',
        `Unknown allegation categories: ${unknown.join(', ')}.`,
      );
    }
  }
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const existing = await findRule(tx, deps.jurisdiction, input.code, { lock: true });
    const values = valuesOf(input);
    let id: string;
    if (mode === 'create') {
      if (existing) {
        throw new ConflictError('rule_exists', `A rule with code ${input.code} exists.`);
      }
      id = crypto.randomUUID();
      await insertRule(tx, deps.jurisdiction, id, input.code, values, deps.actor.id, now);
    } else {
      if (!existing) {
        throw new NotFoundError(`Rule ${input.code}`, 'rule_not_found');
      }
      id = existing.id;
      await updateRule(tx, id, values, deps.actor.id, now);
    }
    if (values.memberId) {
      const found = await tx.query('SELECT 1 FROM members WHERE id = $1 AND jurisdiction = $2', [
        values.memberId,
        deps.jurisdiction,
      ]);
      if (found.length === 0) {
        throw new UnprocessableError('member_not_found', 'No member with that id.');
      }
    }
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.eis_rule_saved,
      entityType: 'eis_rule',
      entityId: id,
      changes: { code: input.code, before: existing ?? null, after: values },
    });
    return (await findRule(tx, deps.jurisdiction, input.code))!;
  });
}

/** Steps the actor may take from a status (none unless they may review alerts). */
export function nextAlertSteps(
  actor: CommandDeps['actor'],
  status: AlertStatus,
): readonly AlertStatus[] {
  return allowedGlobally(actor, GlobalAction.reviewEisAlert) ? ALERT_STEPS[status] : [];
}

/** One step of an alert's review, with the actor's note; audited. */
export async function takeAlertStep(
  deps: CommandDeps,
  alertId: string,
  input: { to: AlertStatus; note: string },
): Promise<void> {
  requireGlobally(deps.actor, GlobalAction.reviewEisAlert, 'Alerts are reviewed by supervisors.');
  await deps.db.transaction(async (tx) => {
    const alert = await findAlert(tx, deps.jurisdiction, alertId, { lock: true });
    if (!alert) {
      throw new NotFoundError('Alert', 'alert_not_found');
    }
    if (!ALERT_STEPS[alert.status].includes(input.to)) {
      throw new UnprocessableError(
        'alert_step_not_allowed',
        `An alert in ${alert.status} cannot move to ${input.to}; allowed: ${ALERT_STEPS[alert.status].join(', ') || 'none (closed)'}.`,
      );
    }
    await createAudited(tx, deps, deps.now(), Created.alertStep, {
      alertId,
      from: alert.status,
      to: input.to,
      note: input.note,
    });
  });
}

/** What a run of the rules raised. */
export interface EisRunResult {
  asOf: string;
  rules: number;
  raised: number;
  alreadyOpen: number;
}

/** An administrator runs the rules now (the API's button beside the nightly run); audited per alert. */
export async function runEisNow(deps: CommandDeps, asOf: string): Promise<EisRunResult> {
  requireGlobally(
    deps.actor,
    GlobalAction.manageEisRules,
    'Early-intervention rules are run by administrators.',
  );
  return runEis(deps.db, deps.profile, deps.jurisdiction, asOf, deps.now);
}

/**
 * `oversight eis run` (nightly): evaluates every active rule on the history as of `asOf` and
 * puts the new alerts in the queue, as the system; an alert still under review for the same
 * member and rule is not raised again.
 */
export async function runEis(
  db: Db,
  profile: JurisdictionProfile,
  jurisdiction: string,
  asOf: string,
  now: () => Date,
): Promise<EisRunResult> {
  const rules = (await listRules(db, jurisdiction)).filter((r) => r.active);
  // need-to-know cases stay out of what alerts count and say (ADR 0006)
  const history = await loadEisHistory(db, jurisdiction, profile.timeZone, {
    excludeRestricted: true,
  });
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const label = (code: string): LocalizedText =>
    profile.categories[code]?.label ?? { en: code, es: code };
  const raised = evaluateRules(rules, new Ranker(history), dayOf(y, m, d), label);
  return db.transaction(async (tx) => {
    const open = await openAlertKeys(tx, jurisdiction);
    let count = 0;
    for (const a of raised) {
      if (open.has(`${a.memberId}:${a.ruleId}`)) {
        continue;
      }
      open.add(`${a.memberId}:${a.ruleId}`);
      const id = crypto.randomUUID();
      const at = now();
      await insertAlert(tx, { id, jurisdiction, ...a, raisedOn: asOf, at });
      await recordAudit(tx, systemAuditContext(jurisdiction, at), {
        action: AuditAction.eis_alert_raised,
        entityType: 'eis_alert',
        entityId: id,
        changes: { memberId: a.memberId, ruleId: a.ruleId, asOf },
      });
      count += 1;
    }
    return { asOf, rules: rules.length, raised: count, alreadyOpen: raised.length - count };
  });
}
