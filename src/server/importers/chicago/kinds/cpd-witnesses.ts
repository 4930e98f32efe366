import { clean, memberFromNames, unitOf } from '../values.ts';
import { addCaseMember } from './case-members.ts';
import { APPOINTED_DATE, CURRENT_UNIT, EMPLOYEE_NUMBER, NAMED_MEMBER_ROW } from './fields.ts';
import type { ChicagoKind } from './kind.ts';

/** CPD officers who were witnesses (CMS and CLEAR). */
export const cpdWitnesses: ChicagoKind = {
  declaration: {
    kind: 'cpd_witnesses',
    label: 'CPD witness officers',
    nameWords: ['witnesses', 'witness'],
    nameQualifiers: ['cpd', 'officer', 'officers', 'police', 'member', 'members'],
    fields: {
      ...NAMED_MEMBER_ROW,
      employee_number: EMPLOYEE_NUMBER,
      appointed_date: APPOINTED_DATE,
      assigned_unit: { synonyms: ['unit_at_incident'] },
      current_unit: CURRENT_UNIT,
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
    addCaseMember(
      ctx,
      { key: ctx.ordinalKey(base), log, role: 'witness', member },
      clean(v['assigned_rank']),
      unitOf(v['assigned_unit']),
    );
  },
};
