import type { DutyStatusAction, DutyStatusStage } from '../../shared/enums.ts';
import { validateDutyStatus } from '../domain/duty-status.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { findDutyStatus, findMember } from '../repositories/members.repository.ts';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../errors.ts';
import { createAudited, Created } from './audited.ts';
import { loadCaseForAction, type CommandDeps } from './context.ts';

export interface RecordDutyStatusInput {
  memberId: string;
  action: DutyStatusAction;
  stage: DutyStatusStage;
  logNumber: string;
  decidedBy?: string | undefined;
  recommendationId?: string | undefined;
  reason: string;
  effectiveAt: string;
  badgeSurrendered?: boolean | undefined;
  weaponSurrendered?: boolean | undefined;
}

/**
 * Records a duty-status ledger entry for a member on a case: COPA's chief administrator
 * recommends (e.g. relief of police powers); the Superintendent's decision is recorded separately,
 * naming who decided. Entries are append-only.
 */
export async function recordDutyStatus(
  deps: CommandDeps,
  input: RecordDutyStatusInput,
): Promise<{ id: string }> {
  return deps.db.transaction(async (tx) => {
    const member = await findMember(tx, deps.jurisdiction, input.memberId);
    if (!member) {
      throw new NotFoundError('Member', 'member_not_found');
    }
    const action =
      input.stage === 'recommended' ? CaseAction.recommendDutyStatus : CaseAction.decideDutyStatus;
    const { row } = await loadCaseForAction(tx, deps, input.logNumber, action);
    const verdict = validateDutyStatus(
      {
        action: input.action,
        stage: input.stage,
        actorRoles: [...deps.actor.roles],
        actorAgency: deps.actor.agency,
        ...(input.decidedBy ? { decidedBy: input.decidedBy } : {}),
        reason: input.reason,
      },
      deps.profile.agencyRoles,
    );
    if (!verdict.ok) {
      if (verdict.code === 'forbidden_role') {
        throw new ForbiddenError('forbidden', verdict.message);
      }
      throw new UnprocessableError(verdict.code, verdict.message, [
        {
          field: verdict.code.startsWith('decided_by') ? 'decidedBy' : 'reason',
          message: verdict.message,
        },
      ]);
    }
    if (input.recommendationId) {
      const rec = await findDutyStatus(tx, input.recommendationId);
      if (
        !rec ||
        rec.member_id !== member.id ||
        rec.stage !== 'recommended' ||
        rec.log_number !== input.logNumber
      ) {
        throw new UnprocessableError(
          'unknown_recommendation',
          'recommendationId must name a recommendation for this member on this case.',
          [
            {
              field: 'recommendationId',
              message: 'is not a recommendation for this member and case',
            },
          ],
        );
      }
    }
    const now = deps.now();
    const { id } = await createAudited(tx, deps, now, Created.dutyStatus, {
      memberId: member.id,
      caseId: row.id,
      action: input.action,
      stage: input.stage,
      recommendationId: input.recommendationId ?? null,
      decidedBy: input.decidedBy ?? null,
      reason: input.reason,
      effectiveAt: new Date(input.effectiveAt),
      badgeSurrendered: input.badgeSurrendered ?? null,
      weaponSurrendered: input.weaponSurrendered ?? null,
      agency: deps.actor.agency,
    });
    return { id };
  });
}
