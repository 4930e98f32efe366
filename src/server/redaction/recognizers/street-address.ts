/**
 * `street-address`: an exact address written the usual way — a house number, then a direction
 * and a street, or a street and its suffix, or a street the jurisdiction knows — reduced to its
 * block ("1234 W Main St, Apt 2" → "1200 block of W Main St") (5 ILCS 140/2(c-5): a home
 * address).
 */
import {
  ADDRESS,
  ADDRESS_WORDS,
  DIRECTION,
  NOT_A_STREET,
  ORDINAL,
  SUFFIX,
  blockOf,
  isCapitalised,
  isSuffixTypo,
  isYear,
  streetOf,
  unitLength,
} from '../address-parts.ts';
import { COMMON_WORDS, isEnglishWord } from '../lexicon.ts';
import { candidate, type Candidate, type Recognizer } from '../kinds.ts';

const id = 'street-address';

/**
 * "1234 W Main St, Apt 2" → "1200 block of W Main St". An exact address is a house number and
 * then a direction and a street, or a street and a suffix, or a street the jurisdiction
 * profile knows ("10220 Wentworth"). Block-level references ("the 7700 block of S Wolcott") and
 * intersections are already public and stay.
 */
export const streetAddress: Recognizer = {
  id,
  kinds: ['street_address'],
  find(text, { jurisdiction }) {
    const out: Candidate[] = [];
    // Words are matched against a fresh regex per candidate so the outer iteration is untouched.
    ADDRESS.lastIndex = 0;
    for (const m of text.matchAll(ADDRESS)) {
      const number = m[1] ?? '';
      // "Star 1535", "Beat 1134": a member's or a beat's number, not a house number
      if (
        /(?:star|badge|beat)\s*(?:no\.?|number|#)?\s*$/iu.test(
          text.slice(Math.max(0, m.index - 14), m.index),
        )
      ) {
        continue;
      }
      const tailStart = m.index + number.length;
      const tail = text.slice(tailStart, m.index + m[0].length);
      const words = [...tail.matchAll(ADDRESS_WORDS)].map((w) => ({
        text: w[0].replace(/\.$/u, ''),
        end: tailStart + w.index + w[0].replace(/\.$/u, '').length,
      }));
      // the range "1200-1210" leaves its second number out of the words; a unit letter after the
      // number ("2846 A North Milwaukee") is no street word
      if (/^[A-DF-MO-RT-VX-Z]$/u.test(words[0]?.text ?? '') && words.length > 1) {
        words.shift();
      }
      const first = words[0];
      if (first === undefined) {
        continue;
      }
      let direction: string | undefined;
      let rest = words;
      if (DIRECTION.test(first.text) && words.length > 1) {
        direction = first.text;
        rest = words.slice(1);
      }
      let suffixAt = rest.findIndex(
        (w, i) => i > 0 && (SUFFIX.test(w.text) || isSuffixTypo(w.text)),
      );
      // "Irving Park Rd", "Central Park Ave": a street named with `Park`, then its suffix
      if (
        /^park$/iu.test(rest[suffixAt]?.text ?? '') &&
        SUFFIX.test(rest[suffixAt + 1]?.text ?? '')
      ) {
        suffixAt++;
      }
      const street = rest[0];
      if (street === undefined) {
        continue;
      }
      // "6308,Chicago Illinois": after a glued comma only a street with its suffix is an address
      if (tail.startsWith(',') && suffixAt < 0) {
        continue;
      }
      const streetKey = street.text.toLowerCase();
      // "on the 1200 n Block": a block, not a street
      if (streetKey === 'block') {
        continue;
      }
      const known = jurisdiction.streets.has(streetKey) || jurisdiction.moreStreets.has(streetKey);
      const ordinal = ORDINAL.test(street.text);
      const nameOk = isCapitalised(street.text) || ordinal || known;
      let used: typeof words;
      if (suffixAt > 0 && suffixAt <= 3) {
        const streetWords = rest.slice(0, suffixAt);
        // "3 officers Ave" is not an address: the street words need a capital, unless a
        // direction or a known street vouches for them.
        // A street written in lower case ("808 braeburn ter") passes when its words are in no
        // dictionary: "3 officers Ave" stays.
        // With a house number of 100 or more (no year), words that are no common word pass too
        // ("500 terry francois st").
        const lowerStreet =
          (Number(number) >= 10 &&
            streetWords.every(
              (w) => !isEnglishWord(w.text.toLowerCase().replace(/[^a-z]/gu, '')),
            )) ||
          (Number(number) >= 100 &&
            !isYear(number) &&
            streetWords.every(
              (w) => /^\p{L}+$/u.test(w.text) && !COMMON_WORDS.has(w.text.toLowerCase()),
            ));
        if (!nameOk && direction === undefined && !lowerStreet) {
          continue;
        }
        if (
          streetWords.some(
            (w) => (DIRECTION.test(w.text) && w !== street) || NOT_A_STREET.has(w.text),
          )
        ) {
          continue;
        }
        used = [...(direction === undefined ? [] : [first]), ...rest.slice(0, suffixAt + 1)];
      } else if (
        direction !== undefined &&
        // "106 U.S. at 220, 1 S. Ct. at 261": a court reporter's citation, not a street ("1809 S St.
        // Louis" is one)
        (!SUFFIX.test(street.text) ||
          streetOf(rest, jurisdiction.streetPairs).length === 2 ||
          // "1333 North Avenue": a direction spelled out is the street's name
          direction.replace(/\.$/u, '').length > 1) &&
        (nameOk ||
          // "177 n lacrosse", "3849 west open": a house number and a direction vouch for a street
          // written in lower case, even one that is a word (recall first: in doubt, hidden)
          (number.length >= 2 &&
            !isYear(number) &&
            // "Im 32 no criminal history": lower-case `no` and `so` are words
            !/^(?:no|so)$/u.test(direction) &&
            /^\p{Ll}{2,}$/u.test(street.text) &&
            !NOT_A_STREET.has(street.text)))
      ) {
        used = [first, ...streetOf(rest, jurisdiction.streetPairs)];
      } else if (
        direction === undefined &&
        known &&
        isCapitalised(street.text) &&
        // "51 Wentworth" (a station's shorthand), "3 Chicago Police Cars", "17 STATE UNIVERSITIES":
        // without a direction or suffix only a plausible house number makes an address
        Number(number) >= 100 &&
        !isYear(number)
      ) {
        used = streetOf(rest, jurisdiction.streetPairs);
      } else {
        continue;
      }
      // A year is a house number only with a suffix or a known street ("in 2018 South Side").
      if (isYear(number) && suffixAt < 0 && !known) {
        continue;
      }
      const lastWord = used[used.length - 1];
      if (lastWord === undefined) {
        continue;
      }
      let end = lastWord.end;
      // a direction spelled out after the suffix is the street's too: "2326 N Lincoln Park West"
      if (suffixAt > 0) {
        end +=
          /^\s+(?:North|South|East|West)(?![\p{L}\p{N}])(?!\s+of\b)/u.exec(text.slice(end))?.[0]
            .length ?? 0;
      }
      end += unitLength(text.slice(end));
      const label = used.map((w) => w.text.replace(/\s+/gu, ' ')).join(' ');
      out.push(
        candidate(id, 'street_address', m.index, end, `${blockOf(number)} block of ${label}`),
      );
    }
    return out;
  },
};
