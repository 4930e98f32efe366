import type { ActivityKind } from '../../shared/enums.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { findMember } from '../repositories/members.repository.ts';
import { UnprocessableError } from '../errors.ts';
import { createAudited, Created } from './audited.ts';
import { onCase, type CommandDeps } from './context.ts';

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
    const { id } = await createAudited(tx, deps, now, Created.activity, {
      caseId: row.id,
      kind: input.kind,
      occurredAt,
      place: input.place ?? null,
      outcome: input.outcome ?? null,
      summary: input.summary,
      memberId: input.memberId ?? null,
      agency: deps.actor.agency,
    });
    return { activityId: id };
  });
}
