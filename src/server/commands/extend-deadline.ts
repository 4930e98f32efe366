import crypto from 'node:crypto';
import type { DeadlineKind } from '../../shared/enums.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { extendDeadline as extendRule, type DeadlineAnchorKind } from '../domain/clocks.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { extendDeadline } from '../repositories/deadlines.repository.ts';
import { UnprocessableError } from '../errors.ts';
import { auditContext, onCase, type CommandDeps } from './context.ts';
import { loadOpenDeadline } from './open-deadline.ts';

export interface ExtendDeadlineInput {
  logNumber: string;
  deadlineId: string;
  days: number;
  dayKind: 'calendar' | 'business';
  reason: string;
}

/**
 * Grants an extension (who and why recorded as history). The Superintendent's response clock can
 * grow by 30 days at most: 60 days, +30 on request, 90 in all (MCC §2-78-130).
 */
export async function grantDeadlineExtension(
  deps: CommandDeps,
  input: ExtendDeadlineInput,
): Promise<{ dueDate: string; dueAt: string }> {
  return onCase(deps, input.logNumber, CaseAction.extendDeadline, async (tx, { row }) => {
    const deadline = await loadOpenDeadline(tx, row.id, input.deadlineId);
    const cap =
      deps.profile.clocks.superintendentMaxDays - deps.profile.clocks.superintendentResponseDays;
    const already = deadline.extensions.reduce((n, e) => n + e.days, 0);
    if (
      deadline.kind === 'superintendent_response' &&
      (input.dayKind !== 'calendar' || already + input.days > cap)
    ) {
      throw new UnprocessableError(
        'extension_over_limit',
        `The Superintendent's response may be extended by ${cap} calendar days in all (MCC 2-78-130).`,
        [{ field: 'days', message: `at most ${cap - already} more calendar days` }],
      );
    }
    const extended = extendRule(
      {
        kind: deadline.kind as DeadlineKind,
        dueDate: deadline.due_date,
        anchor: { kind: deadline.anchor_kind as DeadlineAnchorKind, date: deadline.anchor_date },
        clause: deadline.clause,
      },
      input.days,
      input.dayKind,
      deps.profile,
    );
    const now = deps.now();
    await extendDeadline(tx, {
      id: crypto.randomUUID(),
      jurisdiction: deps.jurisdiction,
      deadlineId: deadline.id,
      days: input.days,
      dayKind: input.dayKind,
      newDueDate: extended.dueDate,
      newDueAt: extended.dueAt,
      reason: input.reason,
      grantedAt: now,
      grantedBy: deps.actor.id,
    });
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.deadline_extended,
      entityType: 'deadline',
      entityId: deadline.id,
      caseId: row.id,
      reason: input.reason,
      changes: { kind: deadline.kind, dueDate: { from: deadline.due_date, to: extended.dueDate } },
    });
    return { dueDate: extended.dueDate, dueAt: extended.dueAt };
  });
}
