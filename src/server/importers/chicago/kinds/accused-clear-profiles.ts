import { clean, memberFromNames, RowError } from '../values.ts';
import { CASE_STATUS, CR_ID, NAMED_PERSON, ROW_ID } from './fields.ts';
import type { ChicagoKind } from './kind.ts';

/** CLEAR accused officers per case (2021-07 profiles): names, rank, employee number; no findings. */
export const accusedClearProfiles: ChicagoKind = {
  declaration: {
    kind: 'accused_clear_profiles',
    label: 'CLEAR accused officers per case (profiles)',
    nameWords: ['accused', 'profiles'],
    fields: {
      row_id: ROW_ID,
      cr_id: CR_ID,
      current_status: CASE_STATUS,
      ...NAMED_PERSON,
      employee_number: {
        required: true,
        distinguishing: true,
        synonyms: ['employee_no', 'employee_id', 'emp_no', 'emp_number'],
      },
      current_rank: { required: true, distinguishing: true, synonyms: ['rank_now'] },
      rank: { synonyms: ['rank_at_incident'] },
      appointed_date: { synonyms: ['appointment_date', 'date_appointed', 'hire_date'] },
      current_unit: { synonyms: ['unit_now'] },
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
    ctx.out.caseMembers.push({
      key,
      logNumber: log,
      role: 'accused',
      member,
      rankAtIncident: clean(v['rank']),
      unitAtIncident: null,
      starAtIncident: member.star,
      source: ctx.source(),
    });
    ctx.count(key);
  },
};
