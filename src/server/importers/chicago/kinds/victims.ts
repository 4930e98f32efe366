import { normalizeParty } from './demographics.ts';
import { CASE_STATUS, CR_ID, DEMOGRAPHICS, ROW_ID } from './fields.ts';
import type { ChicagoKind } from './kind.ts';

/** Victims / subjects: demographics and injury. */
export const victims: ChicagoKind = {
  declaration: {
    kind: 'victims',
    label: 'victims (demographics)',
    nameWords: ['victims', 'victim', 'subjects'],
    fields: {
      row_id: ROW_ID,
      cr_id: CR_ID,
      current_status: CASE_STATUS,
      race: { ...DEMOGRAPHICS.race, required: true },
      gender: { ...DEMOGRAPHICS.gender, required: true },
      birth_year: { ...DEMOGRAPHICS.birth_year, required: true },
      injury_condition: {
        required: true,
        distinguishing: true,
        synonyms: ['injury', 'injuries', 'victim_injury'],
      },
    },
  },
  family: null,
  dedupe: false,
  normalize: (v, ctx) => normalizeParty('victim', v, ctx),
};
