import crypto from 'node:crypto';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import { canBreakGlass, caseView } from '../policies/case.policy.ts';
import {
  hasOpenConflict,
  insertBreakGlass,
  lockBreakGlass,
  markBreakGlassReviewed,
} from '../repositories/access.repository.ts';
import { lockCase } from '../repositories/cases.repository.ts';
import { findMember, findMembersByStar } from '../repositories/members.repository.ts';
import { findUserByEmail, findUserById } from '../repositories/users.repository.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../errors.ts';
import { createAudited, Created } from './audited.ts';
import { auditContext, type CommandDeps } from './context.ts';

/** How long a break-the-glass grant lasts: one shift (ADR 0013). */
export const BREAK_GLASS_MINUTES = 240;

/**
 * Records that a staff member is related to a department member (ADR 0013). From then on every
 * case on which that member is accused is invisible to the staff member (404), in lists too, and
 * they cannot be assigned to it.
 */
export async function recordConflict(
  deps: CommandDeps,
  input: {
    userId?: string | undefined;
    email?: string | undefined;
    memberId?: string | undefined;
    star?: string | undefined;
    relation: string;
  },
): Promise<{ conflictId: string; userId: string; memberId: string }> {
  requireGlobally(
    deps.actor,
    GlobalAction.recordConflict,
    'Only admins and chief administrators record conflicts.',
  );
  return deps.db.transaction(async (tx) => {
    const user = input.userId
      ? await findUserById(tx, deps.jurisdiction, input.userId)
      : await findUserByEmail(tx, deps.jurisdiction, input.email ?? '');
    if (!user) {
      throw new UnprocessableError('unknown_user', 'No staff user matches.', [
        { field: input.userId ? 'userId' : 'email', message: 'is not a staff user' },
      ]);
    }
    const members = input.memberId
      ? [await findMember(tx, deps.jurisdiction, input.memberId)].filter((m) => m !== undefined)
      : await findMembersByStar(tx, deps.jurisdiction, input.star ?? '');
    const field = input.memberId ? 'memberId' : 'star';
    if (members.length !== 1) {
      throw new UnprocessableError(
        members.length === 0 ? 'unknown_member' : 'ambiguous_star',
        members.length === 0
          ? 'No roster member matches.'
          : 'Several members held this star; give memberId.',
        [{ field, message: members.length === 0 ? 'matches no member' : 'matches several' }],
      );
    }
    const member = members[0]!;
    if (await hasOpenConflict(tx, user.id, member.id)) {
      throw new ConflictError('conflict_exists', 'This relation is already recorded.');
    }
    const { id } = await createAudited(tx, deps, deps.now(), Created.staffConflict, {
      userId: user.id,
      memberId: member.id,
      relation: input.relation,
    });
    return { conflictId: id, userId: user.id, memberId: member.id };
  });
}

/**
 * Break-the-glass (ADR 0013): a case worker of an agency on a restricted case, outside its
 * need-to-know team, takes time-limited read access with a typed reason. The grant is audited in
 * the same transaction and waits in the supervisors' review list. Answers 404 to anyone the table
 * does not allow, so the endpoint reveals nothing about cases outside the caller's agencies.
 */
export async function breakGlass(
  deps: CommandDeps,
  logNumber: string,
  reason: string,
): Promise<{ grantId: string; expiresAt: Date }> {
  return deps.db.transaction(async (tx) => {
    const found = await lockCase(tx, deps.jurisdiction, logNumber);
    if (!found || !canBreakGlass(deps.actor, found.facts)) {
      if (found && caseView(deps.actor, found.facts) === 'full') {
        throw new ConflictError('already_visible', 'You can already read this case.');
      }
      throw new NotFoundError(`Case ${logNumber}`, 'case_not_found');
    }
    const now = deps.now();
    const id = crypto.randomUUID();
    const { expiresAt } = await insertBreakGlass(tx, {
      id,
      jurisdiction: deps.jurisdiction,
      caseId: found.row.id,
      userId: deps.actor.id,
      agency: deps.actor.agency,
      reason,
      grantedAt: now,
      minutes: BREAK_GLASS_MINUTES,
    });
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.break_glass,
      entityType: 'case',
      entityId: logNumber,
      caseId: found.row.id,
      // the typed reason is the point of the audit row (PRODUCT.md §3: reason)
      reason,
      changes: { grantId: id, minutes: BREAK_GLASS_MINUTES },
    });
    return { grantId: id, expiresAt };
  });
}

/** A supervisor (or the auditor) marks a break-the-glass grant reviewed, with a note. */
export async function reviewBreakGlass(
  deps: CommandDeps,
  grantId: string,
  note: string,
): Promise<void> {
  requireGlobally(
    deps.actor,
    GlobalAction.reviewBreakGlass,
    'Only supervisors, chiefs and the auditor review these.',
  );
  await deps.db.transaction(async (tx) => {
    const grant = await lockBreakGlass(tx, deps.jurisdiction, grantId);
    const caseFound = grant ? await lockCase(tx, deps.jurisdiction, grant.log_number) : undefined;
    // reviewers see the grants of cases they may read; others are 404
    if (!grant || !caseFound || caseView(deps.actor, caseFound.facts) !== 'full') {
      throw new NotFoundError('Break-the-glass grant', 'grant_not_found');
    }
    if (grant.reviewed_at) {
      throw new ConflictError('already_reviewed', 'This grant was already reviewed.');
    }
    if (grant.user_id === deps.actor.id) {
      throw new ForbiddenError('self_review', 'Nobody reviews their own emergency access.');
    }
    const now = deps.now();
    await markBreakGlassReviewed(tx, grant.id, now, deps.actor.id, note);
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.break_glass_reviewed,
      entityType: 'break_glass_grant',
      entityId: grant.id,
      caseId: grant.case_id,
      reason: note,
    });
  });
}
