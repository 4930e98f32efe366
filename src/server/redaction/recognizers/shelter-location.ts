/**
 * `shelter-location`: the shelter (home) of a vulnerable party, by each name or address the case
 * holds for it, wherever it appears (5 ILCS 140/7(1)(c) and 140/7(1)(d)(vi): where a shelter
 * resident lives would endanger them). It outranks every other kind in an overlap.
 */
import { findKnown } from '../known.ts';
import type { Recognizer } from '../kinds.ts';

export const shelterLocation: Recognizer = {
  id: 'shelter-location',
  kinds: ['shelter_location'],
  find: (text, { options }) =>
    findKnown('shelter-location', text, options.shelterLocations ?? [], 'shelter_location', false),
};
