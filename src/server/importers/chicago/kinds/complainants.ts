import { normalizeParty } from './demographics.ts';
import { PARTY_FIELDS } from './fields.ts';
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
      ...PARTY_FIELDS,
    },
  },
  family: null,
  dedupe: false,
  normalize: (v, ctx) => normalizeParty('complainant', v, ctx),
};
