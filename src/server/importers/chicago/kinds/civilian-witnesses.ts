import { partyKind } from './demographics.ts';

/** Civilian witnesses: demographics and age. */
export const civilianWitnesses = partyKind('witness', {
  kind: 'civilian_witnesses',
  label: 'civilian witnesses (demographics)',
  nameWords: ['witnesses', 'witness'],
  nameQualifiers: ['civilian', 'civilians', 'civil'],
  fields: {
    current_age: { required: true, distinguishing: true, synonyms: ['age', 'age_now'] },
  },
});
