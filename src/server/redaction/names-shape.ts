/**
 * What one word is to the name rules (names.ts): a name's shape, a common word, a place, an
 * unknown word, an initial or a suffix; each a pure test of a token and its neighbours.
 */
import * as lists from './lexicon.ts';
// the name rules still read Chicago's street grid directly (docs/redaction.md "Jurisdiction")
import { CHICAGO_STREETS } from '../domain/profiles/chicago-redaction.ts';
import { isTypoOfWord } from './names-lower.ts';
import { type Token, joins } from './names-tokens.ts';
import {
  TITLE_WORDS,
  ROLE_WORDS,
  PLACE_WORDS,
  PLACE_PREFIXES,
  BARE_VERBS,
  REPORTING_VERBS,
  RANK_SPELLINGS,
} from './names-words.ts';

export function isNameShape(t: Token): boolean {
  return t.shape === 'title' || t.shape === 'initial' || t.shape === 'upper';
}

export function isCommon(t: Token): boolean {
  return (
    lists.COMMON_WORDS.has(t.key) ||
    // "U-turn", "X-ray", "I-Bond": a letter and a word
    /^\p{L}-\p{L}{2,}$/u.test(t.key) ||
    // acronyms: "TRRs", "DoD"
    /^\p{Lu}{2,}s$/u.test(t.text) ||
    /^\p{Lu}\p{Ll}\p{Lu}$/u.test(t.text) ||
    TITLE_WORDS.has(t.key) ||
    lists.VEHICLE_WORDS.has(t.key) ||
    // contractions ("Don't", "It's") are words, not names
    /['’](?:t|re|ve|ll|m|d)$/u.test(t.key) ||
    /^(?:it|that|he|she|there|what|who)['’]s$/u.test(t.key)
  );
}

/** A word some name list holds: a given name, a common surname or a surname that is a word. */
export function isListedName(key: string): boolean {
  return (
    lists.GIVEN_NAMES.has(key) || lists.COMMON_SURNAMES.has(key) || lists.SURNAME_WORDS.has(key)
  );
}

/**
 * "Sun-Times", "African-Americans": a hyphenated word made of dictionary words or places, none
 * of them a name in the lists ("Garcia-Lopez" and "Mary-Kate" stay names).
 */
export function isWordCompound(key: string): boolean {
  if (!key.includes('-')) {
    return false;
  }
  const parts = key.split('-');
  return parts.every((p) => {
    const letters = p.replace(/[^a-z]/gu, '');
    return (
      letters.length >= 2 &&
      !isListedName(letters) &&
      (lists.isEnglishWord(letters) ||
        lists.PLACE_NAMES.has(letters) ||
        (letters.endsWith('s') &&
          (lists.isEnglishWord(letters.slice(0, -1)) ||
            lists.PLACE_NAMES.has(letters.slice(0, -1)))))
    );
  });
}

/** In capitals-only text, verbs and nouns look like surnames; these endings rarely are. */
export function looksLikeVerbOrNoun(t: Token): boolean {
  return t.key.length >= 5 && /(?:ed|ing|ly|tion|ment|ness)$/u.test(t.key);
}

/**
 * "George Floyd protests", "the statue of Christopher Columbus", "Roseland Hospital": a run
 * next to a place, event or institution word names that thing, not a person.
 */
export function nearPlace(tokens: Token[], from: number, to: number): boolean {
  const after = tokens[to];
  if (
    after !== undefined &&
    joins(after.gap) &&
    (PLACE_WORDS.has(after.key) || lists.VEHICLE_WORDS.has(after.key)) &&
    // "BOBBY KENNEDY Grand theft": a capitalised word after a name in capitals starts anew
    !(tokens[to - 1]?.shape === 'upper' && after.shape === 'title')
  ) {
    return true;
  }
  // "Matteson, Illinois", "Carmi Illinois": a town, then its state
  if (
    after !== undefined &&
    /^,?[ \t]{0,2}$/u.test(after.gap) &&
    /^(?:illinois|il|indiana|wisconsin|michigan|iowa|ohio|missouri|kentucky)$/u.test(after.key) &&
    (after.key !== 'il' || after.shape === 'upper')
  ) {
    return true;
  }
  // "South Carolina", "Jeep Cherokee": a direction or a make right before
  const just = tokens[from - 1];
  if (
    just !== undefined &&
    joins(tokens[from]?.gap ?? '') &&
    (lists.VEHICLE_WORDS.has(just.key) || PLACE_PREFIXES.test(just.key))
  ) {
    return true;
  }
  // "the 7500 block of Chapelle", "block of S. Chapelle": a street
  const b1 = tokens[from - 1]?.key ?? '';
  const b2 = tokens[from - 2]?.key ?? '';
  const b3 = tokens[from - 3]?.key ?? '';
  if ((b1 === 'of' && b2 === 'block') || (/^[nsew]$/u.test(b1) && b2 === 'of' && b3 === 'block')) {
    return true;
  }
  let k = from - 1;
  while (k >= 0 && (tokens[k]?.key === 'of' || tokens[k]?.key === 'the')) {
    k--;
  }
  const before = tokens[k];
  return k < from - 1 && before !== undefined && PLACE_WORDS.has(before.key);
}

export function precededBy(tokens: Token[], i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const t = tokens[i - phrase.length + k];
    if (t === undefined || t.key !== phrase[k]) {
      return false;
    }
    // the words of a cue are separated by spaces only
    if (k > 0 && !/^\s+$/u.test(t.gap)) {
      return false;
    }
  }
  return true;
}

/** Rules 1b, 3c and 3e: a common given name in capitals that is no word and no place. */
export function isPlainGivenName(t: Token): boolean {
  return (
    t.shape === 'upper' &&
    lists.GIVEN_NAMES.has(t.key) &&
    !lists.AMBIGUOUS_GIVEN_NAMES.has(t.key) &&
    !lists.COMMON_WORDS.has(t.key) &&
    !lists.PLACE_NAMES.has(t.key) &&
    !CHICAGO_STREETS.has(t.key)
  );
}

/** Rule 1b: a capitals word after a description that no dictionary or list holds. */
export function isUnknownDescribed(t: Token): boolean {
  return isUnlistedCapitals(t, 4);
}

/** A capitals word of `minLength` letters or more in no dictionary, list or verb/noun shape. */
function isUnlistedCapitals(t: Token, minLength: number): boolean {
  const letters = t.key;
  return (
    t.shape === 'upper' &&
    /^[a-z]+$/u.test(letters) &&
    letters.length >= minLength &&
    !isCommon(t) &&
    !lists.isEnglishWordOrPlural(letters) &&
    !PLACE_WORDS.has(letters) &&
    !lists.PLACE_NAMES.has(letters) &&
    !CHICAGO_STREETS.has(letters) &&
    !looksLikeVerbOrNoun(t)
  );
}

/** Rule 1a: "star# 11442", "Star No. 1234", "star 5678" right after a name. */
export function starNumberAt(text: string, t: Token | undefined): boolean {
  return (
    t !== undefined &&
    t.key === 'star' &&
    /^[ \t]*$/u.test(t.gap) &&
    /^[ \t]*(?:#|no\.?|num\.?|number)?[ \t]*[:#]?[ \t]*\d{3,6}(?!\d)/iu.test(
      text.slice(t.end, t.end + 20),
    )
  );
}

/**
 * Rule 3e: tokens[j] starts ", his girlfriend", ", the complainant's husband", ", a witness":
 * a comma, a determiner or a possessive, then a relation or role noun.
 */
export function appositiveRoleAt(tokens: Token[], j: number): boolean {
  const first = tokens[j];
  if (first === undefined || !/^,[ \t]{1,2}$/u.test(first.gap)) {
    return false;
  }
  let k = j;
  if (/^(?:his|her|their|my|our|your|the|a|an)$/u.test(tokens[k]?.key ?? '')) {
    k++;
    // "the complainant's husband", "the victim's mother"
    const owner = tokens[k];
    if (owner !== undefined && /['’]s$/u.test(owner.text) && ROLE_WORDS.has(owner.key)) {
      k++;
    }
  }
  if (/^(?:former|ex|then|older|younger|late)$/u.test(tokens[k]?.key ?? '')) {
    k++;
  }
  const role = tokens[k];
  return k > j && role !== undefined && role.shape === 'lower' && ROLE_WORDS.has(role.key);
}

/** Rule 3a: a verb that says a person spoke or complained. */
export function isReportingVerb(t: Token | undefined): boolean {
  return t !== undefined && t.shape === 'lower' && REPORTING_VERBS.has(t.key);
}

/**
 * Rule 1 in capitals: a word of five letters or more in no dictionary, no list, not shaped
 * like a verb or noun and no typo of a word ("VOULGARIS", not "STATEDD").
 */
export function isUnknownCapitals(t: Token): boolean {
  return isUnlistedCapitals(t, 5) && !isTypoOfWord(t.key);
}

/** Rule 6: a capitalised word no list knows, outside web addresses and acronyms. */
export function isUnknownWord(text: string, t: Token): boolean {
  if (t.shape !== 'title' && t.shape !== 'upper') {
    return false;
  }
  const letters = t.key.replace(/[^a-z]/gu, '');
  if (
    letters.length < 3 ||
    (t.shape === 'upper' && letters.length <= 4) ||
    isCommon(t) ||
    // "Sun-Times", "African-Americans" (after a title, "Mrs. Sykes-Hogan" is still a name)
    isWordCompound(t.key) ||
    // "Iwant", "Ihave": the pronoun glued to the next word
    (/^I\p{Ll}{2,}$/u.test(t.text) && lists.isEnglishWord(letters.slice(1))) ||
    PLACE_WORDS.has(t.key) ||
    lists.PLACE_NAMES.has(t.key) ||
    CHICAGO_STREETS.has(t.key) ||
    (!lists.COMMON_SURNAMES.has(letters) &&
      // a word, or its plural or possessive ("Officers'", "Cops"), or a typo of one
      (lists.isEnglishWordOrPlural(letters) || (letters.length >= 7 && isTypoOfWord(letters))))
  ) {
    return false;
  }
  // "Zillow.com", "@handle", part of a web address or an email
  // (a period after a capital is glued text, not a domain: "H.B.HanishaB."; nor is a period
  // after a word when no domain or path follows: "send.Durbin,Quigley", a missing space)
  const after = text.slice(t.end, t.end + 4);
  const before =
    /\p{Lu}\.$/u.test(text.slice(Math.max(0, t.start - 2), t.start)) ||
    (/\p{Ll}\.$/u.test(text.slice(Math.max(0, t.start - 2), t.start)) && !/^[./@]/u.test(after))
      ? ''
      : text.slice(Math.max(0, t.start - 1), t.start);
  return (
    !/[@/.]/u.test(before) && !/^\.(?:com|org|net|gov|edu)/iu.test(after) && !/^@/u.test(after)
  );
}

/** A common word, verb, title, role or place: what a cue or a rank may stand before besides a name. */
export function isPlainWord(t: Token): boolean {
  return (
    lists.COMMON_WORDS.has(t.key) ||
    BARE_VERBS.has(t.key) ||
    REPORTING_VERBS.has(t.key) ||
    TITLE_WORDS.has(t.key) ||
    ROLE_WORDS.has(t.key) ||
    lists.PLACE_NAMES.has(t.key)
  );
}

/**
 * The run of capitalised words around token `i` names a place, event or institution ("George
 * Floyd protests", "St. Anthony Hospital"); in capitals-only text the word's neighbours decide.
 */
export function inPlaceName(tokens: Token[], i: number, upperText: boolean): boolean {
  let from = i;
  let to = i + 1;
  if (!upperText && isNameShape(tokens[i]!)) {
    while (from > 0 && isNameShape(tokens[from - 1]!) && joins(tokens[from]!.gap)) {
      from--;
    }
    while (to < tokens.length && isNameShape(tokens[to]!) && joins(tokens[to]!.gap)) {
      to++;
    }
  }
  // "St. Francis": the period of an abbreviated prefix
  if (to - from > 1 && nearPlace(tokens, i, i + 1)) {
    return true;
  }
  const prefix = tokens[from - 1];
  if (
    prefix !== undefined &&
    PLACE_PREFIXES.test(prefix.key) &&
    /^\.\s+$/u.test(tokens[from]!.gap)
  ) {
    return true;
  }
  return (
    nearPlace(tokens, from, to) ||
    tokens
      .slice(from, to)
      .some((t, k) => PLACE_WORDS.has(t.key) || (from + k < i && PLACE_PREFIXES.test(t.key)))
  );
}

/** A word that may be a recorded name: three letters or more, no place, street, title or acronym. */
export function isRecordedName(text: string, t: Token): boolean {
  const letters = t.key.replace(/[^a-z]/gu, '');
  if (
    letters.length < 4 ||
    letters !== t.key ||
    (letters.endsWith('s') && lists.isEnglishWord(letters.slice(0, -1))) ||
    PLACE_WORDS.has(letters) ||
    lists.PLACE_NAMES.has(letters) ||
    CHICAGO_STREETS.has(letters) ||
    TITLE_WORDS.has(letters) ||
    RANK_SPELLINGS.has(letters) ||
    ROLE_WORDS.has(letters)
  ) {
    return false;
  }
  const before = text.slice(Math.max(0, t.start - 1), t.start);
  const after = text.slice(t.end, t.end + 4);
  return !/[@/]/u.test(before) && !/^\.(?:com|org|net|gov|edu)/iu.test(after) && !/^@/u.test(after);
}

/** One initial: "K.", "A", "J" (a lower-case one only in the middle: "Thomas p Sullivan"). */
export function isInitial(t: Token | undefined, lower: boolean): t is Token {
  return (
    t !== undefined &&
    /^\p{L}\.?$/u.test(t.text) &&
    (t.shape === 'initial' || (lower && t.shape === 'lower')) &&
    !/^[aiI]$/u.test(t.text)
  );
}

/** Name suffixes: "Jr.", "SR", "III" (the Roman numerals in capitals only). */
export function isSuffix(t: Token | undefined): boolean {
  return (
    t !== undefined &&
    (/^(?:jr|sr)$/u.test(t.key) || (t.shape === 'upper' && /^(?:ii|iii|iv)$/u.test(t.key)))
  );
}
