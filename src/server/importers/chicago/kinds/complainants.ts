import { normalizeParty } from './demographics.ts';
import { CASE_STATUS, CR_ID, DEMOGRAPHICS, ROW_ID } from './fields.ts';
import type { ChicagoKind } from './kind.ts';

/**
 * Complainants / reporting parties: demographics only. Its columns are a subset of the victims'
 * and civilian witnesses' files, so a file of those without its distinguishing column reads as
 * complainants by its header alone; the file name then decides (a mismatch is refused).
 */
export const complainants: ChicagoKind = {
  declaration: {
    kind: 'complainants',
    label: 'complainants (demographics)',
    nameWords: ['complainants', 'complainant', 'reporting'],
    fields: {
      row_id: ROW_ID,
      cr_id: CR_ID,
      current_status: CASE_STATUS,
      race: { ...DEMOGRAPHICS.race, required: true },
      gender: { ...DEMOGRAPHICS.gender, required: true },
      birth_year: { ...DEMOGRAPHICS.birth_year, required: true },
    },
  },
  family: null,
  dedupe: false,
  normalize: (v, ctx) => normalizeParty('complainant', v, ctx),
};
