import { partyKind } from './demographics.ts';

/**
 * Complainants / reporting parties: demographics only. Its columns are a subset of the victims'
 * and civilian witnesses' files, so a file of those without its distinguishing column reads as
 * complainants by its header alone; the file name then decides (a mismatch is refused).
 */
export const complainants = partyKind('complainant', {
  kind: 'complainants',
  label: 'complainants (demographics)',
  nameWords: ['complainants', 'complainant', 'reporting'],
});
