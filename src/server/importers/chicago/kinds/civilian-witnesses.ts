import { normalizeParty } from './demographics.ts';
import { PARTY_FIELDS } from './fields.ts';
import type { ChicagoKind } from './kind.ts';

/** Civilian witnesses: demographics and age. */
export const civilianWitnesses: ChicagoKind = {
  declaration: {
    kind: 'civilian_witnesses',
    label: 'civilian witnesses (demographics)',
    nameWords: ['witnesses', 'witness'],
    nameQualifiers: ['civilian', 'civilians', 'civil'],
    fields: {
      ...PARTY_FIELDS,
      current_age: { required: true, distinguishing: true, synonyms: ['age', 'age_now'] },
    },
  },
  family: null,
  dedupe: false,
  normalize: (v, ctx) => normalizeParty('witness', v, ctx),
};
