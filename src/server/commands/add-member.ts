import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import type { MemberRow } from '../repositories/members.repository.ts';
import { createAudited, Created } from './audited.ts';
import type { CommandDeps } from './context.ts';

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
  const member = {
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
  const { id } = await deps.db.transaction((tx) =>
    createAudited(tx, deps, deps.now(), Created.member, member),
  );
  return { id, ...member };
}
