import type { CaseStatus, TransitionReason } from '../../shared/enums.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { CONCLUDED, closedOnAfter, isReopening, transition } from '../domain/transition.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { updateCaseStatus } from '../repositories/cases.repository.ts';
import { countDeadlines, markDeadlinesMet } from '../repositories/deadlines.repository.ts';
import {
  reopeningDeadlines,
  clockRuns,
  superintendentResponseDeadline,
  type Deadline,
} from '../domain/clocks.ts';
import { ConflictError, ForbiddenError, UnprocessableError } from '../errors.ts';
import { insertStamped, Stamped } from './audited.ts';
import { auditContext, onCase, type CommandDeps } from './context.ts';
import { startDeadline } from './open-deadline.ts';

export interface TransitionCaseInput {
  logNumber: string;
  to: CaseStatus;
  reason?: TransitionReason | undefined;
  note?: string | undefined;
  /** The stage the caller saw; a different current stage is a conflict. */
  expectedStatus?: CaseStatus | undefined;
}

/**
 * Moves a case to another stage through the one transition() rule. The case row is locked first,
 * so of two concurrent transitions from the same stage only one succeeds; the other re-reads the
 * new stage and is refused.
 */
export async function transitionCase(
  deps: CommandDeps,
  input: TransitionCaseInput,
): Promise<{ caseId: string; from: CaseStatus; to: CaseStatus }> {
  return onCase(deps, input.logNumber, CaseAction.transition, async (tx, { row }) => {
    if (input.expectedStatus && input.expectedStatus !== row.status) {
      throw new ConflictError(
        'stale_status',
        `The case moved to ${row.status} since you loaded it (you saw ${input.expectedStatus}).`,
      );
    }
    const now = deps.now();
    const result = transition(
      { status: row.status },
      {
        to: input.to,
        ...(input.reason ? { reason: input.reason } : {}),
        actor: { roles: [...deps.actor.roles] },
      },
      now,
    );
    if (!result.ok) {
      switch (result.code) {
        case 'transition_not_allowed':
          throw new ConflictError('transition_not_allowed', result.message);
        case 'forbidden_role':
          throw new ForbiddenError('transition_forbidden', result.message);
        case 'reason_required':
        case 'reason_not_allowed':
          throw new UnprocessableError(result.code, result.message, [
            {
              field: 'reason',
              message: result.allowedReasons
                ? `must be one of ${result.allowedReasons.join(', ')}`
                : 'must be omitted',
            },
          ]);
      }
    }
    const closedOn = closedOnAfter(row.status, input.to, now, deps.profile.timeZone, row.closed_on);
    await updateCaseStatus(tx, row.id, input.to, now, closedOn);
    await insertStamped(tx, deps, now, Stamped.statusHistory, {
      caseId: row.id,
      from: row.status,
      to: input.to,
      reason: input.reason ?? null,
      note: input.note ?? null,
    });
    const started: Deadline[] = [];
    if (input.to === 'department_review' && clockRuns('superintendent_response', deps.profile)) {
      // MCC §2-78-130: the Superintendent's response clock starts when recommendations go over
      started.push(superintendentResponseDeadline(now, false, deps.profile));
    }
    if (isReopening(row.status, input.to)) {
      // a reopened investigation runs on fresh clocks from the reopening date (the profile says
      // which: Chicago's completion benchmark and, for COPA, the MCC §2-78-135 notices)
      started.push(...reopeningDeadlines(now, row.lead_agency, deps.profile));
    }
    for (const d of started) {
      // numbered after the earlier runs' rows of the kind, which stay as history
      const sequence = (await countDeadlines(tx, row.id, d.kind)) + 1;
      await startDeadline(tx, deps, row.id, d, sequence, now);
    }
    if (CONCLUDED.has(input.to)) {
      // the investigation clocks stop when the case ends; statutory history stays
      await markDeadlinesMet(tx, row.id, deps.profile.investigationClocks, now);
    }
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.case_transitioned,
      entityType: 'case',
      entityId: input.logNumber,
      caseId: row.id,
      reason: input.reason ?? null,
      changes: {
        status: { from: row.status, to: input.to },
        ...(closedOn !== row.closed_on ? { closedOn: { from: row.closed_on, to: closedOn } } : {}),
      },
    });
    return { caseId: row.id, from: row.status, to: input.to };
  });
}
