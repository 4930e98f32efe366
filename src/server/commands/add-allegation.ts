import crypto from 'node:crypto';
import type { Category } from '../../shared/enums.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { insertAllegation } from '../repositories/allegations.repository.ts';
import { setOfficersIdentified } from '../repositories/cases.repository.ts';
import { findMember, findMembersByStar } from '../repositories/members.repository.ts';
import { UnprocessableError } from '../errors.ts';
import { auditContext, loadCaseForAction, type CommandDeps } from './context.ts';

export interface AddAllegationInput {
  logNumber: string;
  memberId?: string | undefined;
  star?: string | undefined;
  unknownMember?: boolean | undefined;
  category: Category;
  summary: string;
}

/**
 * Adds one allegation: one member × one category. The member comes from the roster by id or star;
 * a star held by several members over the years is ambiguous and must be resolved by id.
 */
export async function addAllegation(
  deps: CommandDeps,
  input: AddAllegationInput,
): Promise<{ allegationId: string; memberId: string | null }> {
  return deps.db.transaction(async (tx) => {
    const { row } = await loadCaseForAction(tx, deps, input.logNumber, CaseAction.addAllegation);
    let memberId: string | null = null;
    if (input.memberId) {
      const member = await findMember(tx, deps.jurisdiction, input.memberId);
      if (!member) {
        throw new UnprocessableError('unknown_member', 'No member on the roster has that id.', [
          { field: 'memberId', message: 'is not on the roster' },
        ]);
      }
      memberId = member.id;
    } else if (input.star) {
      const members = await findMembersByStar(tx, deps.jurisdiction, input.star);
      if (members.length === 0) {
        throw new UnprocessableError(
          'unknown_member',
          `No member on the roster has star ${input.star}.`,
          [{ field: 'star', message: 'is not on the roster' }],
        );
      }
      if (members.length > 1) {
        throw new UnprocessableError(
          'ambiguous_star',
          `Star ${input.star} belongs to ${members.length} members; give memberId.`,
          [
            {
              field: 'star',
              message: `matches ${members.length} members: ${members.map((m) => m.id).join(', ')}`,
            },
          ],
        );
      }
      memberId = members[0]!.id;
    }
    const now = deps.now();
    const id = crypto.randomUUID();
    await insertAllegation(tx, {
      id,
      jurisdiction: deps.jurisdiction,
      caseId: row.id,
      memberId,
      category: input.category,
      summary: input.summary,
      createdAt: now,
      createdBy: deps.actor.id,
    });
    if (memberId) {
      await setOfficersIdentified(tx, row.id);
    }
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.allegation_added,
      entityType: 'allegation',
      entityId: id,
      caseId: row.id,
      changes: { memberId, category: input.category },
    });
    return { allegationId: id, memberId };
  });
}
