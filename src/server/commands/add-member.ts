import crypto from 'node:crypto';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import { insertMember, type MemberRow } from '../repositories/members.repository.ts';
import { auditContext, type CommandDeps } from './context.ts';

export interface AddMemberInput {
  star: string;
  firstName: string;
  lastName: string;
  rank?: string | undefined;
  unit?: string | undefined;
  appointedDate?: string | undefined;
  race?: string | undefined;
  sex?: string | undefined;
  birthYear?: number | undefined;
}

/** Adds a department member to the roster (normally loaded by import; by hand for new hires). */
export async function addMember(deps: CommandDeps, input: AddMemberInput): Promise<MemberRow> {
  requireGlobally(deps.actor, GlobalAction.addMember, 'Your role does not maintain the roster.');
  const member: MemberRow = {
    id: crypto.randomUUID(),
    star: input.star,
    first_name: input.firstName,
    last_name: input.lastName,
    rank: input.rank ?? null,
    unit_code: input.unit ?? null,
    appointed_date: input.appointedDate ?? null,
    race: input.race ?? null,
    sex: input.sex ?? null,
    birth_year: input.birthYear ?? null,
  };
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await insertMember(tx, deps.jurisdiction, member, now);
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.member_added,
      entityType: 'member',
      entityId: member.id,
      changes: { star: member.star, lastName: member.last_name, rank: member.rank },
    });
  });
  return member;
}
