/**
 * `phone`: a telephone number (5 ILCS 140/2(c-5): a personal telephone number), in the North
 * American forms, irregular or foreign groupings, spelled with letters, or after a form's label;
 * not a record's number after its cue ("RD# 123-4567").
 */
import { candidatesOf, wholeMatch, type Recognizer } from '../kinds.ts';

const id = 'phone';

// North American numbers: (312) 555-0100, 312-555-0100, 312.555.0100, +1 312 555 0100,
// 3125550100, and seven-digit local numbers written with a separator (555-0100). Digits glued to
// letters or to other digits are not phone numbers (log, RD and CB numbers); seven bare digits
// are a legacy log number, not a phone.
// A hyphen may have a space on either side ("(312) 538- 6112"), and a dash with a space before it
// may open the number ("samuel -626 618 6774").
const PHONE =
  /(?:(?<![\p{L}\p{N}#-])|(?<=\s-)|(?<=(?:phone|tel|cell|mobile|fax)[\s:#.]*))(?:\+?1[\s.-]?)?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}(?:-\s|\s-|[\s.-])?)\d{3}(?:-\s|\s-|[\s.-])?\d{4}(?![\p{L}\p{N}]|-\d)|(?<![\p{L}\p{N}#/.-])\d{3}(?:-\s|[\s.-])\d{4}(?![\p{L}\p{N}]|[-/]\d)/gu;

// Recall first, beyond the North American forms: numbers in irregular or foreign groupings after
// an area-code-like first group ("626 22 01 94", "1+844-872-55-93"), 9 to 13 digits; and numbers
// spelled with letters ("312-743-COPA"). Not a social security number's 3-2-4.
const GROUPED_PHONE =
  /(?<![\p{L}\p{N}#$/.:,-])(?:\+\d{1,3}[\s-]?|\d\+|\+)?[2-9]\d{2}(?:[\s-]\d{2,4}){2,3}(?![\p{L}\p{N}]|[/.:-]\d)/gu;
const LETTERED_PHONE =
  /(?<![\p{L}\p{N}#$/.:-])(?:1[\s.-])?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}-)(?:\d{3}[\s.-]?\p{Lu}{4}|\p{Lu}{3}-?\p{Lu}{4})(?![\p{L}\p{N}])/gu;

// A form's phone label vouches for the number even when the next field's label is glued to it:
// "Home Telephone13366524050Work Telephone".
const LABELLED_PHONE =
  /(?<=(?:phone|tel|cell|mobile|fax)[\s:#.]*)(?:\+?1[\s.-]?)?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[\s.-]?)\d{3}[\s.-]?\d{4}(?!\p{N}|-\d)/giu;

const RECORD_NUMBER_CUE =
  /(?:^|[^\p{L}])(?:report|case|incident|log|rd|cb|cr|complaint|order|tracking|confirmation|reference|ref|docket|citation|ticket|inventory|account|claim|lawsuit|event|id)s?[\s.]*(?:number|num|no\.?|#)?[\s.]*[:#-]?[\s]*$/iu;

export const phone: Recognizer = {
  id,
  kinds: ['phone'],
  find: (text) => {
    const whole = (m: RegExpExecArray) => wholeMatch(id, 'phone', m);
    const afterRecordCue = (m: RegExpExecArray) =>
      RECORD_NUMBER_CUE.test(text.slice(Math.max(0, m.index - 30), m.index));
    return [
      // "report number - 19000021588", "RD# 123-4567", "Event # 2207103264": a record's number,
      // not a telephone
      ...candidatesOf(text, PHONE, (m) => (afterRecordCue(m) ? undefined : whole(m))),
      ...candidatesOf(text, [GROUPED_PHONE, LETTERED_PHONE], (m) => {
        const digits = m[0].replace(/\D/gu, '').length;
        return (m[0].includes('+') || !/^\d{3}[\s-]\d{2}[\s-]\d{4}$/u.test(m[0])) &&
          // a record's number has no letters for digits: "file a complaint 312-743-COPA" is a phone
          (/\p{Lu}/u.test(m[0]) || (digits >= 9 && digits <= 13 && !afterRecordCue(m)))
          ? whole(m)
          : undefined;
      }),
      ...candidatesOf(text, LABELLED_PHONE, whole),
    ];
  },
};
