import { normalizeParty } from './demographics.ts';
import { PARTY_FIELDS } from './fields.ts';
import type { ChicagoKind } from './kind.ts';

/** Victims / subjects: demographics and injury. */
export const victims: ChicagoKind = {
  declaration: {
    kind: 'victims',
    label: 'victims (demographics)',
    nameWords: ['victims', 'victim', 'subjects'],
    fields: {
      ...PARTY_FIELDS,
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
