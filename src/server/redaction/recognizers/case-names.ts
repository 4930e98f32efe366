/**
 * `case-names`: the names the case holds for its people (parties, people named at intake): each
 * full name and each part of three letters or more that is no common word, wherever it appears,
 * in any letter case or accents (5 ILCS 140/7(1)(c)).
 */
import { findKnown } from '../known.ts';
import type { Recognizer } from '../kinds.ts';

export const caseNames: Recognizer = {
  id: 'case-names',
  kinds: ['person_name'],
  find: (text, { options }) =>
    findKnown('case-names', text, options.knownNames ?? [], 'person_name', true),
};
