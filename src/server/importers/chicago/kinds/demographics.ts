import type { FieldDeclaration, KindDeclaration } from '../../mapping.ts';
import { clean, intOf } from '../values.ts';
import { PARTY_FIELDS } from './fields.ts';
import type { ChicagoKind, RowContext, RowValues } from './kind.ts';

type PartyRole = 'complainant' | 'victim' | 'witness';

/**
 * A civilian party file (complainants, victims, civilian witnesses): the party columns and the
 * kind's own, each row one party without identity, of either family.
 */
export function partyKind(
  role: PartyRole,
  declaration: Omit<KindDeclaration, 'fields'> & { fields?: Record<string, FieldDeclaration> },
): ChicagoKind {
  return {
    declaration: { ...declaration, fields: { ...PARTY_FIELDS, ...declaration.fields } },
    family: null,
    dedupe: false,
    normalize: (v, ctx) => normalizeParty(role, v, ctx),
  };
}

/** One demographic row (complainant, victim, civilian witness) as a party without identity. */
function normalizeParty(role: PartyRole, v: RowValues, ctx: RowContext): void {
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
  const key = ctx.ordinalKey(base);
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
