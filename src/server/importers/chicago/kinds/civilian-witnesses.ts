import { normalizeParty } from './demographics.ts';
import { CASE_STATUS, CR_ID, DEMOGRAPHICS, ROW_ID } from './fields.ts';
import type { ChicagoKind } from './kind.ts';

/** Civilian witnesses: demographics and age. */
export const civilianWitnesses: ChicagoKind = {
  declaration: {
    kind: 'civilian_witnesses',
    label: 'civilian witnesses (demographics)',
    nameWords: ['witnesses', 'witness'],
    nameQualifiers: ['civilian', 'civilians', 'civil'],
    fields: {
      row_id: ROW_ID,
      cr_id: CR_ID,
      current_status: CASE_STATUS,
      race: { ...DEMOGRAPHICS.race, required: true },
      gender: { ...DEMOGRAPHICS.gender, required: true },
      birth_year: { ...DEMOGRAPHICS.birth_year, required: true },
      current_age: { required: true, distinguishing: true, synonyms: ['age', 'age_now'] },
    },
  },
  family: null,
  dedupe: false,
  normalize: (v, ctx) => normalizeParty('witness', v, ctx),
};
