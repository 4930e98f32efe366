/**
 * `licence-plate`: a plate after a plate cue ("plate# AB 1234", "placa X12345"), or a plate's
 * shape after its state in capitals ("IL BM76504") (5 ILCS 140/2(c-5): a personal licence plate).
 */
import {
  candidate,
  candidatesOf,
  endingGroup,
  endingGroupStart,
  type Recognizer,
} from '../kinds.ts';

const id = 'licence-plate';

const PLATE = new RegExp(
  String.raw`(?<![\p{L}])(?:licen[cs]e\s*plates?|lic\.?\s*plates?|licen[cs]e|plates?|tags?|L\.?P\.?|placas?)` +
    String.raw`(?:\s*(?:number|num|no\.?|#))?[\s:#(]*(?:(?:of|is|was|reads?|reading|number|no\.?)[\s:#(]+)*` +
    String.raw`(?:(IL|Ill\.?|Illinois|IN|Indiana|WI|Wisconsin|MI|Michigan|temp(?:orary)?)[\s:#-]+)?` +
    String.raw`([A-Z0-9]{1,4}[ -][A-Z0-9]{2,5}|[A-Z0-9]{2,8})(?![\p{L}\p{N}])`,
  'giu',
);

// Without a cue, a plate's shape after its state in capitals: "Kia Sportage with IL BM76504",
// "IL AX46821" (letters and digits both, so "IL 60056", a ZIP code, stays, and so does "IL
// 60651 I dont know": a ZIP code and a pronoun).
const STATE_PLATE =
  /(?<![\p{L}\p{N}])(?:IL|ILL|WI)\.?[\s:#-]+([A-Z]{1,3}[ -]?\d{3,6}|\d{3,6}[ -]?[A-Z]{2,3})(?![\p{L}\p{N}])/gu;

export const licencePlate: Recognizer = {
  id,
  kinds: ['licence_plate'],
  find: (text) => [
    ...candidatesOf(text, STATE_PLATE, (m) => endingGroup(id, 'licence_plate', m, m[1] ?? '')),
    ...candidatesOf(text, PLATE, (m) => {
      const state = m[1];
      let plate = m[2] ?? '';
      // "plate# 6927 White Sox": the two-part form took a word; the plate is the first part
      const head = /^([A-Z0-9]{2,4})[ -]/.exec(plate)?.[1];
      if (head !== undefined && !/^[A-Z0-9 -]+$/.test(plate)) {
        plate = head;
      }
      // A plate is written in capitals and digits, with two digits or more; "license 2 years ago",
      // "plates in 2019" and "plates expired" are not plates.
      if (
        !/^[A-Z0-9 -]+$/.test(plate) ||
        plate.replace(/\D/g, '').length < 2 ||
        /^(?:19|20)\d{2}$/.test(plate) ||
        (state !== undefined && !/^[A-Z]/.test(state))
      ) {
        return undefined;
      }
      const start = endingGroupStart(m, m[2] ?? '');
      return candidate(id, 'licence_plate', start, start + plate.length);
    }),
  ],
};
