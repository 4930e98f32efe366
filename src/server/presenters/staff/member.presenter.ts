import type { z } from 'zod';
import type { MemberDetailOut, MemberOut } from '../../../shared/schemas/members.ts';
import type { DutyStatusAction } from '../../../shared/enums.ts';
import type {
  MemberAllegationRow,
  DutyStatusRow,
  MemberRow,
} from '../../repositories/members.repository.ts';
import { isoRequired } from '../../repositories/sql.ts';
import { presentDutyStatus } from './case.presenter.ts';

export function presentMember(m: MemberRow): z.input<typeof MemberOut> {
  return {
    id: m.id,
    star: m.star,
    firstName: m.first_name,
    lastName: m.last_name,
    rank: m.rank,
    unit: m.unit_code,
    appointedDate: m.appointed_date,
    race: m.race,
    sex: m.sex,
    birthYear: m.birth_year,
  };
}

/** A member with allegation history and the duty-status ledger; current status from the last decision. */
export function presentMemberDetail(
  m: MemberRow,
  allegations: MemberAllegationRow[],
  duty: DutyStatusRow[],
  figures: Pick<z.input<typeof MemberDetailOut>, 'history' | 'comparison'>,
): z.input<typeof MemberDetailOut> {
  const lastDecided = duty.filter((d) => d.stage === 'decided').at(-1);
  return {
    ...presentMember(m),
    allegations: allegations.map((a) => ({
      id: a.id,
      logNumber: a.log_number,
      category: a.category as 'miscellaneous',
      recommendedFinding: a.recommended_finding,
      finalFinding: a.final_finding,
      finalPenalty: a.final_penalty,
      receivedAt: isoRequired(a.received_at),
    })),
    dutyStatus: duty.map(presentDutyStatus),
    currentDutyStatus: (lastDecided?.action as DutyStatusAction | undefined) ?? null,
    ...figures,
  };
}
