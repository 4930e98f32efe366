/**
 * Names written in lower case (names.ts rules 3b, 7 and 21): when a lower-case word no
 * dictionary holds is a name rather than a typo, and which given names and surnames are also
 * ordinary English or Spanish words.
 */
import * as lists from './lexicon.ts';
// the name rules still read Chicago's street grid directly (docs/redaction.md "Jurisdiction")
import { CHICAGO_STREETS } from '../domain/profiles/chicago-redaction.ts';
import { type Token, joins } from './names-tokens.ts';
import {
  TITLE_WORDS,
  ROLE_WORDS,
  PLAIN_SURNAME_WORDS,
  BARE_VERBS,
  REPORTING_VERBS,
} from './names-words.ts';

/**
 * Rules 7 and 8: a lower-case word of `min` letters or more that is no word (and, with
 * `typos`, of eight letters or more, no typo of one: shorter names sit one edit from words).
 */
export function isUnknownLower(t: Token | undefined, min: number, typos: boolean): boolean {
  if (t === undefined || t.shape !== 'lower') {
    return false;
  }
  const letters = t.key;
  return (
    /^[a-z]+$/u.test(letters) &&
    letters.length >= min &&
    !lists.isEnglishWordOrPlural(letters) &&
    !lists.COMMON_WORDS.has(letters) &&
    !lists.PLACE_NAMES.has(letters) &&
    !CHICAGO_STREETS.has(letters) &&
    !(typos && letters.length >= 8 && isTypoOfWord(letters))
  );
}

/**
 * A surname written in lower case: one of the most frequent US surnames, a surname that is
 * also a rarer word ("cook", "baker", "price"), or (with `unknown`) a word no dictionary holds.
 */
export function isLowerSurname(t: Token, unknown: boolean): boolean {
  if (t.shape !== 'lower') {
    return false;
  }
  return (
    lists.COMMON_SURNAMES.has(t.key) ||
    (lists.SURNAME_WORDS.has(t.key) && !PLAIN_SURNAME_WORDS.has(t.key)) ||
    (unknown && isUnknownLower(t, 4, true))
  );
}

/**
 * Rule 21: a name's surname written in lower case right after its capitalised first word. After
 * any name: a frequent surname or a word no dictionary holds ("Tim cook", "officer Fabian
 * arreola"). After a common given name that is no word: also a rarer dictionary word, when it
 * is no common word, no bare verb and has no verb or plural ending ("Officer Rafael razor and",
 * "Kimberly watt working"; not "Maria ran", "John punched", "Tony says").
 */
export function lowerSurnameAfterGiven(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const low = tokens[i + 1];
  if (
    t === undefined ||
    low === undefined ||
    t.shape !== 'title' ||
    low.shape !== 'lower' ||
    !joins(low.gap) ||
    lists.AMBIGUOUS_GIVEN_NAMES.has(t.key) ||
    lists.COMMON_WORDS.has(t.key)
  ) {
    return false;
  }
  if (isLowerSurname(low, true)) {
    return true;
  }
  return (
    lists.GIVEN_NAMES.has(t.key) &&
    !lists.isEnglishWord(t.key) &&
    // "Leon's direction", "at Sarah circle": a possessive or a place's name
    !/['’]s$/u.test(t.text) &&
    !/^(?:at|in|on|to|from|near)$/u.test(tokens[i - 1]?.key ?? '') &&
    /^[a-z]{3,}$/u.test(low.key) &&
    !lists.COMMON_WORDS.has(low.key) &&
    !BARE_VERBS.has(low.key) &&
    !REPORTING_VERBS.has(low.key) &&
    !TITLE_WORDS.has(low.key) &&
    !ROLE_WORDS.has(low.key) &&
    !/(?:ed|ing|ly|s)$/u.test(low.key)
  );
}

/** Rule 7a: a common given name written in lower case that is no common or ambiguous word. */
export function isLowerGivenName(t: Token): boolean {
  return (
    t.key.length >= 3 &&
    lists.GIVEN_NAMES.has(t.key) &&
    !lists.AMBIGUOUS_GIVEN_NAMES.has(t.key) &&
    !lists.COMMON_WORDS.has(t.key) &&
    !CHICAGO_STREETS.has(t.key) &&
    !lists.PLACE_NAMES.has(t.key)
  );
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/**
 * One edit away from a dictionary word ("SHPULDER", "HEMORAGING", "Harrassing"): a typo, not a
 * name. Only asked of words of seven letters or more: shorter surnames sit one letter away from
 * many words ("Dorn" from "dorm", "Sweiss" from "swiss", "Markus" from "marks").
 */
export function isTypoOfWord(word: string): boolean {
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (i < word.length && lists.isEnglishWord(head + tail.slice(1))) {
      return true;
    }
    for (const ch of ALPHABET) {
      if (lists.isEnglishWord(head + ch + tail)) {
        return true;
      }
      if (i < word.length && ch !== tail[0] && lists.isEnglishWord(head + ch + tail.slice(1))) {
        return true;
      }
    }
    if (
      i + 1 < word.length &&
      lists.isEnglishWord(head + (tail[1] ?? '') + (tail[0] ?? '') + tail.slice(2))
    ) {
      return true;
    }
  }
  return false;
}
