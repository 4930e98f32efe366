/**
 * `cued-address`: after a word that introduces a place ("lives at", "near"), a house number and
 * one word that is a street the jurisdiction knows or no dictionary word ("lives at 414 cotus"),
 * with the unit written after it, reduced to its block (5 ILCS 140/2(c-5): a home address).
 */
import { blockOf, isUnlistedWord, isYear, unitLength } from '../address-parts.ts';
import { candidate, candidatesOf, type Recognizer } from '../kinds.ts';

const id = 'cued-address';

// "lives at 414 cotus", "changed to 72 Garland": after a word that introduces a place, a house
// number and one word that is a street the jurisdiction knows or no dictionary word is an address even without
// a direction or suffix ("at 5 pm", "on 3 occasions" stay: those are words).
const CUED_ADDRESS =
  /(?<![\p{L}\p{N}])(?:at|on|to|from|lives|live|living|resides|reside|residing|address(?:\s+is)?)[\s:]+(\d{1,5})\s+(\p{L}[\p{L}'’-]*)(?![\p{L}\p{N}])/giu;
// "in the alley of 5511 Newland", "near 1400 Kostner": after a preposition of place the same,
// with a house number of 100 or more and a capitalised street ("of 3 Tasers" stays).
const PLACE_CUED_ADDRESS =
  /(?<![\p{L}\p{N}])(?:of|near|by|in|outside|behind|into|around|toward|towards|across)\s+(\d{3,5})\s+(\p{Lu}[\p{L}'’-]*)(?![\p{L}\p{N}])/gu;

export const cuedAddress: Recognizer = {
  id,
  kinds: ['street_address'],
  find: (text, { jurisdiction }) =>
    candidatesOf(text, [CUED_ADDRESS, PLACE_CUED_ADDRESS], (m) => {
      const number = m[1] ?? '';
      const word = m[2] ?? '';
      const key = word.toLowerCase();
      const known =
        jurisdiction.streets.has(key) ||
        (/^\p{Lu}/u.test(word) && jurisdiction.moreStreets.has(key));
      const unknown = /^[a-z]{4,}$/u.test(key) && isUnlistedWord(key);
      // "moved to 2019 Chicago": without a direction or suffix a year is a year
      if ((!known && !unknown) || isYear(number)) {
        return undefined;
      }
      // the number starts where the cue and its spacing end; the unit after the street is part of it
      const start = m.index + m[0].search(/\d/u);
      const end = m.index + m[0].length;
      const unit = unitLength(text.slice(end));
      return candidate(
        id,
        'street_address',
        start,
        end + unit,
        `${blockOf(number)} block of ${word}`,
      );
    }),
};
