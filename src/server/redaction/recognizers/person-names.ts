/**
 * `person-names`: personal names in free text without a list of the people involved — titles,
 * cues, roles, given names, runs of capitals, words no dictionary holds, the roster's lexicon —
 * as `names.ts` finds them (its rules are numbered in docs/redaction.md) (5 ILCS 140/7(1)(c)).
 */
import { candidate, type Recognizer } from '../kinds.ts';
import { findPersonNames } from '../names.ts';

const id = 'person-names';

export const personNames: Recognizer = {
  id,
  kinds: ['person_name'],
  // its looser rules take places, firms and misspelt words for names: the model confirms them
  confirmedByModel: true,
  find: (text, { options }) =>
    findPersonNames(text, options.nameLexicon).map(([start, end]) =>
      candidate(id, 'person_name', start, end),
    ),
};
