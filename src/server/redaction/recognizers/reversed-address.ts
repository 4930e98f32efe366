/**
 * `reversed-address`: the street first, then its house number ("on Melrose street 6308", "79-th
 * street 501 East"), reduced to its block (5 ILCS 140/2(c-5): a home address).
 */
import { blockOf, isCapitalised, isYear } from '../address-parts.ts';
import { candidatesOf, wholeMatch, type Recognizer } from '../kinds.ts';

const id = 'reversed-address';

// "79-th street 501 East", "on Melrose street 6308": street first, then the house number and its
// direction (without one, a house number of three digits or more that is no year).
const REVERSED_ADDRESS =
  /(?<![\p{L}\p{N}])(\d{1,3}-?(?:st|nd|rd|th)|\p{L}[\p{L}'’-]*)\s+(Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr)\.?,?\s+(?:(\d{1,5})\s+(North|South|East|West|N|S|E|W)|([1-9]\d{2,4}))(?![\p{L}\p{N}]|\s+\p{L})/giu;

export const reversedAddress: Recognizer = {
  id,
  kinds: ['street_address'],
  find: (text) =>
    candidatesOf(text, REVERSED_ADDRESS, (m) => {
      const street = m[1] ?? '';
      const number = m[3] ?? m[5] ?? '';
      if (
        (!/^\d/u.test(street) && !isCapitalised(street)) ||
        // without a direction: no year, no record's `RD 18773`, no comma before the number and no
        // house number before the street ("721 Alamo Street, 1000 Westlake ave")
        (m[5] !== undefined &&
          (isYear(number) ||
            /^rd$/iu.test(m[2] ?? '') ||
            m[0].includes(',') ||
            /\d\s+$/u.test(text.slice(Math.max(0, m.index - 8), m.index))))
      ) {
        return undefined;
      }
      return wholeMatch(
        id,
        'street_address',
        m,
        `${blockOf(number)} block of ${m[4] === undefined ? '' : `${m[4]} `}${street} ${m[2] ?? ''}`,
      );
    }),
};
