/**
 * `uncued-address`: a house number and a capitalised word no dictionary holds, with no cue,
 * direction or suffix ("approaching 69 Justine"): recall first, in doubt hidden (5 ILCS
 * 140/2(c-5): a home address). The block label repeats the word, which may be a name: when a
 * name is found there too, the label is dropped (`resolve.ts`).
 */
import { blockOf, isUnlistedWord, isYear } from '../address-parts.ts';
import { candidatesOf, wholeMatch, type Recognizer } from '../kinds.ts';
import { VEHICLE_WORDS } from '../lexicon.ts';
import { MONTH } from './date-of-birth.ts';

const id = 'uncued-address';

// "As I was approaching 69 Justine": a house number and a capitalised word no dictionary holds is
// an address even without a cue, a direction or a suffix (recall first: in doubt, hidden). Not
// after a capitalised word ("Fosco 15727 Pezan 7399": a list of stars), nor a year, nor a number
// a record, an age or a zip code claims.
const UNCUED_ADDRESS =
  /(?<![\p{L}\p{N}#$/.:,@&-]|\p{Lu}[\p{L}.]*\s+)(\d{2,5}) (\p{Lu}\p{Ll}{2,}(?:['’-]\p{L}+)?)(?![\p{L}\p{N}])/gu;
const MONTH_WORD = new RegExp(`^${MONTH}$`, 'iu');
const UNCUED_NUMBER_CLAIM =
  /(?<![\p{L}])(?:no|number|num|#|star|badge|beat|event|unit|age|aged|zip|code|il|illinois|rd|cb|cr|log|case|report|id|room|suite|apt|pages?|route|bus|series|ages?)\.?\s*[:#]?\s*$/iu;

export const uncuedAddress: Recognizer = {
  id,
  kinds: ['street_address'],
  find: (text) =>
    candidatesOf(text, UNCUED_ADDRESS, (m) => {
      const number = m[1] ?? '';
      const word = m[2] ?? '';
      const key = word.toLowerCase().replace(/['’]s$/u, '');
      if (
        isYear(number) ||
        UNCUED_NUMBER_CLAIM.test(text.slice(Math.max(0, m.index - 12), m.index)) ||
        !/^[a-z]+$/u.test(key) ||
        !isUnlistedWord(key) ||
        VEHICLE_WORDS.has(key) ||
        /^(?:hrs|hr|mins|secs|yrs)$/u.test(key) ||
        MONTH_WORD.test(word)
      ) {
        return undefined;
      }
      return wholeMatch(id, 'street_address', m, `${blockOf(number)} block of ${word}`, {
        labelMayName: true,
      });
    }),
};
