import type { AssignmentRole } from '../../shared/enums.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { findUserByEmail, findUserById } from '../repositories/users.repository.ts';
import { UnprocessableError } from '../errors.ts';
import { createAudited, Created } from './audited.ts';
import { onCase, type CommandDeps } from './context.ts';

export interface AssignCaseInput {
  logNumber: string;
  userId?: string | undefined;
  email?: string | undefined;
  role: AssignmentRole;
}

/**
 * Assigns an investigator or supervisor. The assignee must work for an agency on the case: a
 * BIA investigator joins through BIA's track, never by being assigned to a COPA-only case. A
 * parallel agency staffs its own track only: its managers assign their own agency's people, never
 * the lead agency's.
 */
export async function assignCase(
  deps: CommandDeps,
  input: AssignCaseInput,
): Promise<{ assignmentId: string; userId: string; created: boolean }> {
  return onCase(deps, input.logNumber, CaseAction.assign, async (tx, { row, facts }) => {
    const user = input.userId
      ? await findUserById(tx, deps.jurisdiction, input.userId)
      : await findUserByEmail(tx, deps.jurisdiction, input.email ?? '');
    const field = input.userId ? 'userId' : 'email';
    if (!user || user.disabled_at) {
      throw new UnprocessableError('unknown_user', 'No active staff user matches.', [
        { field, message: 'is not an active staff user' },
      ]);
    }
    const wanted =
      input.role === 'supervisor'
        ? ['supervisor', 'chief_administrator']
        : ['investigator', 'supervisor', 'chief_administrator'];
    if (!user.roles.some((r) => wanted.includes(r))) {
      throw new UnprocessableError(
        'assignee_role',
        `${user.email} does not hold a role that can be assigned as ${input.role}.`,
        [{ field, message: `must hold one of ${wanted.join(', ')}` }],
      );
    }
    if (facts.conflictedUserIds.includes(user.id)) {
      // ADR 0013: a recorded relation to an accused member keeps the person off the case
      throw new UnprocessableError(
        'conflict_of_interest',
        `${user.email} has a recorded conflict of interest with a member accused on this case.`,
        [{ field, message: 'has a conflict of interest on this case' }],
      );
    }
    if (!facts.agencies.includes(user.agency) && facts.leadAgency !== user.agency) {
      throw new UnprocessableError(
        'assignee_agency',
        `${user.agency} has no track on this case; add the agency first.`,
        [{ field, message: `works for ${user.agency}, which is not on the case` }],
      );
    }
    if (facts.leadAgency !== deps.actor.agency && user.agency !== deps.actor.agency) {
      throw new UnprocessableError(
        'assignee_agency',
        `${deps.actor.agency} works a parallel track of this case and assigns its own staff only.`,
        [{ field, message: `works for ${user.agency}; assign ${deps.actor.agency} staff only` }],
      );
    }
    const { id, result } = await createAudited(tx, deps, deps.now(), Created.assignment, {
      caseId: row.id,
      userId: user.id,
      role: input.role,
    });
    return { assignmentId: id, userId: user.id, created: result };
  });
}
