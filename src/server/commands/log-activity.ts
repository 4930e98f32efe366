import crypto from 'node:crypto';
import type { ActivityKind } from '../../shared/enums.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { insertActivity } from '../repositories/activity.repository.ts';
import { findMember } from '../repositories/members.repository.ts';
import { UnprocessableError } from '../errors.ts';
import { auditContext, onCase, type CommandDeps } from './context.ts';

export interface LogActivityInput {
  logNumber: string;
  kind: ActivityKind;
  occurredAt: string;
  place?: string | undefined;
  outcome?: string | undefined;
  summary: string;
  memberId?: string | undefined;
}

/** Logs an investigative activity: canvass, interview, note or evidence request. */
export async function logActivity(
  deps: CommandDeps,
  input: LogActivityInput,
): Promise<{ activityId: string }> {
  return onCase(deps, input.logNumber, CaseAction.logActivity, async (tx, { row }) => {
    if (input.memberId && !(await findMember(tx, deps.jurisdiction, input.memberId))) {
      throw new UnprocessableError('unknown_member', 'No member on the roster has that id.', [
        { field: 'memberId', message: 'is not on the roster' },
      ]);
    }
    const now = deps.now();
    const occurredAt = new Date(input.occurredAt);
    if (occurredAt.getTime() > now.getTime() + 5 * 60_000) {
      throw new UnprocessableError(
        'activity_in_future',
        'An activity is logged after it happens.',
        [{ field: 'occurredAt', message: 'must not be in the future' }],
      );
    }
    const id = crypto.randomUUID();
    await insertActivity(tx, {
      id,
      jurisdiction: deps.jurisdiction,
      caseId: row.id,
      kind: input.kind,
      occurredAt,
      place: input.place ?? null,
      outcome: input.outcome ?? null,
      summary: input.summary,
      memberId: input.memberId ?? null,
      agency: deps.actor.agency,
      recordedAt: now,
      recordedBy: deps.actor.id,
    });
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.activity_logged,
      entityType: 'activity',
      entityId: id,
      caseId: row.id,
      changes: { kind: input.kind, occurredAt: occurredAt.toISOString() },
    });
    return { activityId: id };
  });
}
