import type { AlertOut, AlertStatus, RuleOut } from '../../../shared/schemas/eis.ts';
import type { AlertRow, AlertStepRow, RuleRow } from '../../repositories/eis-alerts.repository.ts';

/** Rules and alerts for staff. Alerts name department members (roster data), never civilians. */
export function presentRule(r: RuleRow): RuleOut {
  return {
    code: r.code,
    kind: r.kind,
    label: r.label,
    categories: r.categories,
    threshold: r.threshold,
    days: r.days,
    percentile: r.percentile,
    memberId: r.memberId,
    unitCode: r.unitCode,
    active: r.active,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentAlert(
  a: AlertRow,
  steps: readonly AlertStepRow[],
  nextSteps: readonly AlertStatus[],
): AlertOut {
  return {
    id: a.id,
    member: {
      id: a.memberId,
      name: [a.firstName, a.lastName].filter(Boolean).join(' ') || '—',
      star: a.star,
      unit: a.unit,
    },
    rule: { code: a.ruleCode, kind: a.ruleKind, label: a.ruleLabel },
    raisedOn: a.raisedOn,
    score: a.score,
    reasons: a.reasons,
    status: a.status,
    nextSteps: [...nextSteps],
    steps: steps
      .filter((s) => s.alertId === a.id)
      .map((s) => ({
        from: s.from,
        to: s.to,
        note: s.note,
        actor: s.actor,
        at: s.at.toISOString(),
      })),
  };
}
