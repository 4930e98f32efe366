import { clean, memberFromNames, unitOf } from '../values.ts';
import { CASE_STATUS, CR_ID, NAMED_PERSON, ROW_ID } from './fields.ts';
import type { ChicagoKind } from './kind.ts';

/** CPD officers who were witnesses (CMS and CLEAR). */
export const cpdWitnesses: ChicagoKind = {
  declaration: {
    kind: 'cpd_witnesses',
    label: 'CPD witness officers',
    nameWords: ['witnesses', 'witness'],
    nameQualifiers: ['cpd', 'officer', 'officers', 'police', 'member', 'members'],
    fields: {
      row_id: ROW_ID,
      cr_id: CR_ID,
      current_status: CASE_STATUS,
      ...NAMED_PERSON,
      employee_number: { synonyms: ['employee_no', 'employee_id', 'emp_no', 'emp_number'] },
      appointed_date: { synonyms: ['appointment_date', 'date_appointed', 'hire_date'] },
      assigned_unit: { synonyms: ['unit_at_incident'] },
      current_unit: { synonyms: ['unit_now'] },
      assigned_rank: { required: true, distinguishing: true, synonyms: ['rank_at_incident'] },
      rank: { synonyms: ['position', 'current_position'] },
    },
  },
  family: null,
  dedupe: false,
  normalize(v, ctx) {
    const { log, family } = ctx.caseOf(v);
    const member = memberFromNames(v, { rankColumn: 'rank', unitColumn: 'current_unit' });
    if (!member) {
      ctx.out.noData++;
      return;
    }
    const base = `${family}:witness:${log}:${member.employeeKey ?? `${member.star ?? ''}:${member.lastName ?? ''}:${member.firstName ?? ''}`}`;
    const key = `${base}#${ctx.nextOrdinal(base)}`;
    ctx.out.caseMembers.push({
      key,
      logNumber: log,
      role: 'witness',
      member,
      rankAtIncident: clean(v['assigned_rank']),
      unitAtIncident: unitOf(v['assigned_unit']),
      starAtIncident: member.star,
      source: ctx.source(),
    });
    ctx.count(key);
  },
};
