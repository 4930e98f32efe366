import { partyKind } from './demographics.ts';

/** Victims / subjects: demographics and injury. */
export const victims = partyKind('victim', {
  kind: 'victims',
  label: 'victims (demographics)',
  nameWords: ['victims', 'victim', 'subjects'],
  fields: {
    injury_condition: {
      required: true,
      distinguishing: true,
      synonyms: ['injury', 'injuries', 'victim_injury'],
    },
  },
});
