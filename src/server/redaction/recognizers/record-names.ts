/**
 * `record-names`: the full names the case's records hold for department members and
 * investigators ("Tim West", also written "West, Tim"), wherever they appear, in any letter case
 * (5 ILCS 140/7(1)(c)). A part that is a word is not redacted alone: "west of the park" stays.
 */
import { findKnown } from '../known.ts';
import type { Recognizer } from '../kinds.ts';

export const recordNames: Recognizer = {
  id: 'record-names',
  kinds: ['person_name'],
  find: (text, { options }) =>
    findKnown('record-names', text, options.recordNames ?? [], 'person_name', false),
};
