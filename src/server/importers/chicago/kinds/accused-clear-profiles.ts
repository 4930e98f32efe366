import { clean, memberFromNames, RowError } from '../values.ts';
import { addCaseMember } from './case-members.ts';
import { APPOINTED_DATE, CURRENT_UNIT, EMPLOYEE_NUMBER, NAMED_MEMBER_ROW } from './fields.ts';
import type { ChicagoKind } from './kind.ts';

/** CLEAR accused officers per case (2021-07 profiles): names, rank, employee number; no findings. */
export const accusedClearProfiles: ChicagoKind = {
  declaration: {
    kind: 'accused_clear_profiles',
    label: 'CLEAR accused officers per case (profiles)',
    nameWords: ['accused', 'profiles'],
    fields: {
      ...NAMED_MEMBER_ROW,
      employee_number: { required: true, distinguishing: true, ...EMPLOYEE_NUMBER },
      current_rank: { required: true, distinguishing: true, synonyms: ['rank_now'] },
      rank: { synonyms: ['rank_at_incident'] },
      appointed_date: APPOINTED_DATE,
      current_unit: CURRENT_UNIT,
      merge: { keptOnly: true },
    },
  },
  family: 'clear',
  dedupe: false,
  normalize(v, ctx) {
    const { log } = ctx.caseOf(v);
    const member = memberFromNames(v, { rankColumn: 'current_rank', unitColumn: 'current_unit' });
    if (!member?.employeeKey) {
      throw new RowError('employee_number', 'is blank: the profile cannot be tied to a member');
    }
    const key = `clear:accused:${log}:${member.employeeKey}`;
    if (ctx.out.rowsPerKey.has(key)) {
      ctx.out.duplicates++;
      return;
    }
    addCaseMember(ctx, { key, log, role: 'accused', member }, clean(v['rank']), null);
  },
};
