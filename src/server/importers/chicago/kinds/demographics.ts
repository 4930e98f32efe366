import { clean, intOf } from '../values.ts';
import type { RowContext, RowValues } from './kind.ts';

/** One demographic row (complainant, victim, civilian witness) as a party without identity. */
export function normalizeParty(
  role: 'complainant' | 'victim' | 'witness',
  v: RowValues,
  ctx: RowContext,
): void {
  const { log, family } = ctx.caseOf(v);
  const race = clean(v['race']);
  const sex = clean(v['gender']);
  const birthYear = intOf(v['birth_year']);
  const age = intOf(v['current_age']);
  const injury = clean(v['injury_condition']);
  if (race === null && sex === null && birthYear === null && age === null && injury === null) {
    ctx.out.noData++;
    return;
  }
  const base = `${family}:${role}:${log}`;
  // demographic rows have no key: two people alike are still two people
  const key = `${base}#${ctx.nextOrdinal(base)}`;
  ctx.out.parties.push({
    key,
    logNumber: log,
    role,
    race,
    sex,
    birthYear,
    age,
    injury,
    source: ctx.source(),
  });
  ctx.count(key);
}
