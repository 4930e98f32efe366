import crypto from 'node:crypto';
import type { Category } from '../../shared/enums.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { CaseAction } from '../policies/case.policy.ts';
import { isLieutenantOrAbove, routeCase } from '../domain/routing.ts';
import { insertAllegation } from '../repositories/allegations.repository.ts';
import { insertRoutingDecision, setOfficersIdentified } from '../repositories/cases.repository.ts';
import {
  findMember,
  findMembersByStar,
  type MemberRow,
} from '../repositories/members.repository.ts';
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
    let accused: MemberRow | undefined;
    if (input.memberId) {
      const member = await findMember(tx, deps.jurisdiction, input.memberId);
      accused = member;
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
      accused = members[0]!;
      memberId = accused.id;
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
    if (
      row.lead_agency === 'BIA' &&
      accused?.rank &&
      isLieutenantOrAbove(accused.rank, deps.profile)
    ) {
      // a BIA case against a lieutenant or above stays with BIA headquarters, not a unit
      // sergeant: record the decision and the rule that made it
      const decision = routeCase(
        {
          caseType: row.case_type as 'complaint',
          categories: [...new Set([...(row.categories as Category[]), input.category])],
          accusedRanks: [accused.rank],
        },
        deps.profile,
      );
      if (decision.agency === 'BIA' && decision.keptByBiaRank) {
        await insertRoutingDecision(tx, {
          id: crypto.randomUUID(),
          jurisdiction: deps.jurisdiction,
          caseId: row.id,
          agency: decision.agency,
          clause: decision.clause,
          rule: decision.rule,
          explanation: decision.explanation,
          explanationEs: decision.explanationEs,
          decidedAt: now,
          decidedBy: deps.actor.id,
          jointReason: null,
        });
      }
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
