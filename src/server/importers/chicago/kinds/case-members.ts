import type { CaseMemberImport } from '../entities.ts';
import type { RowContext } from './kind.ts';

/**
 * Records a department member named on a case (an accused officer, a witness officer) with the
 * rank and unit the row gives for the incident; the star at the incident is the member's own.
 */
export function addCaseMember(
  ctx: RowContext,
  named: Pick<CaseMemberImport, 'key' | 'role'> & {
    log: string;
    member: NonNullable<CaseMemberImport['member']>;
  },
  rankAtIncident: string | null,
  unitAtIncident: string | null,
): void {
  ctx.out.caseMembers.push({
    key: named.key,
    logNumber: named.log,
    role: named.role,
    member: named.member,
    rankAtIncident,
    unitAtIncident,
    starAtIncident: named.member.star,
    source: ctx.source(),
  });
  ctx.count(named.key);
}
