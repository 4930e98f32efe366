import type { Category } from '../../shared/enums.ts';
import { CaseAction } from '../policies/case.policy.ts';
import type { Queryable } from '../db/client.ts';
import {
  setCaseCategories,
  setOfficersIdentified,
  type CaseRow,
} from '../repositories/cases.repository.ts';
import {
  findMember,
  findMembersByStar,
  type MemberRow,
} from '../repositories/members.repository.ts';
import { UnprocessableError } from '../errors.ts';
import { auditCreated, Created, insertStamped } from './audited.ts';
import { onCase, type CommandDeps } from './context.ts';
import { applyReevaluation, loadCaseFacts } from './reroute-case.ts';

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
 * The case's categories gain the allegation's, and routing and restriction are re-evaluated with
 * the classification intake uses (issue 15 defect 5; docs/domain.md "Re-routing").
 */
export async function addAllegation(
  deps: CommandDeps,
  input: AddAllegationInput,
): Promise<{ allegationId: string; memberId: string | null; leadAgency: string }> {
  return onCase(deps, input.logNumber, CaseAction.addAllegation, async (tx, { row }) => {
    return writeAllegation(tx, deps, row, input);
  });
}

/**
 * The allegation's writes, in the caller's transaction on a case it has locked and authorized
 * for `case.add_allegation`: adding one, or confirming a reported officer into one.
 */
export async function writeAllegation(
  tx: Queryable,
  deps: CommandDeps,
  row: CaseRow,
  input: Omit<AddAllegationInput, 'logNumber'>,
): Promise<{ allegationId: string; memberId: string | null; leadAgency: string }> {
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
  const before = await loadCaseFacts(tx, row);
  const allegation = await insertStamped(tx, deps, now, Created.allegation, {
    caseId: row.id,
    memberId,
    category: input.category,
    summary: input.summary,
  });
  if (memberId) {
    await setOfficersIdentified(tx, row.id);
  }
  // cases.categories caches every category of the case, intake's and its allegations'
  const categories = before.categories.includes(input.category)
    ? [...before.categories]
    : [...before.categories, input.category];
  if (categories.length !== before.categories.length) {
    await setCaseCategories(tx, row.id, categories);
  }
  // the same classification intake ran, over the facts as they are now (docs/domain.md
  // "Re-routing"): a COPA clause takes a BIA case to COPA, a joint determination is offered
  const after = {
    ...before,
    categories,
    accusedRanks: accused?.rank
      ? [...(before.accusedRanks ?? []), accused.rank]
      : before.accusedRanks,
  };
  const applied = await applyReevaluation(
    tx,
    deps,
    row,
    { before, after },
    {
      trigger: 'allegation_added',
      changes: { allegationId: allegation.id, category: input.category },
    },
    now,
  );
  // audited after the re-routing it caused, with what changed on the case
  await auditCreated(tx, deps, now, Created.allegation, allegation, {
    changes: {
      ...(categories.length !== before.categories.length
        ? { categories: { from: before.categories, to: categories } }
        : {}),
      ...applied.audit,
    },
  });
  return {
    allegationId: allegation.id,
    memberId,
    leadAgency: applied.leadAgency,
  };
}
