import { clean, dateOf, dmyOf, numberText, unitOf } from '../values.ts';
import { CURRENT_UNIT, NAMED_MEMBER_ROW } from './fields.ts';
import type { ChicagoKind } from './kind.ts';

/** Investigators assigned to a case (CMS and CLEAR): staff-side history, not user accounts. */
export const investigators: ChicagoKind = {
  declaration: {
    kind: 'investigators',
    label: 'investigators',
    nameWords: ['investigators', 'investigator'],
    fields: {
      ...NAMED_MEMBER_ROW,
      investigating_agency: {
        required: true,
        distinguishing: true,
        synonyms: ['agency', 'investigative_agency'],
      },
      investigator_type: { distinguishing: true, synonyms: ['role'] },
      assigned_unit: {},
      current_unit: CURRENT_UNIT,
      rank: { synonyms: ['position'] },
      appointed_date: { keptOnly: true, synonyms: ['appointment_date', 'date_appointed'] },
      // CLEAR writes `26-Sep-00`, CMS `2019-02-11`
      assigned_datetime: { distinguishing: true, synonyms: ['assigned_date_time'] },
      assign_date: { distinguishing: true, synonyms: ['assigned_date', 'date_assigned'] },
    },
  },
  family: null,
  dedupe: true,
  normalize(v, ctx) {
    const { log, family } = ctx.caseOf(v);
    const assignedOn =
      v['assigned_datetime'] !== undefined
        ? dmyOf(v['assigned_datetime'], ctx.today)
        : dateOf(v, 'assign_date', ctx.today);
    const firstName = clean(v['first_name']);
    const lastName = clean(v['last_name']);
    const agency = clean(v['investigating_agency']);
    if (!firstName && !lastName && !agency) {
      ctx.out.noData++;
      return;
    }
    const base = `${family}:investigator:${log}`;
    const key = ctx.ordinalKey(base);
    ctx.out.investigators.push({
      key,
      logNumber: log,
      firstName,
      lastName,
      agency,
      investigatorType: clean(v['investigator_type']),
      rank: clean(v['rank']),
      star: numberText(v['star']),
      unit: unitOf(v['assigned_unit'] ?? v['current_unit']),
      assignedOn,
      source: ctx.source(),
    });
    ctx.count(key);
  },
};
