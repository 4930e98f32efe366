/**
 * The parts of a street address the address recognizers share (`recognizers/*-address.ts`):
 * directions, suffixes, units, and how a house number becomes its block.
 */
import { withinOneEdit } from '../domain/edit-distance.ts';
import { COMMON_WORDS, isEnglishWordOrPlural } from './lexicon.ts';

export const DIRECTION = /^(?:N|S|E|W|North|South|East|West|No|So)\.?$/iu;
export const SUFFIX =
  /^(?:Street|St|Avenue|Ave|Av|Boulevard|Blvd|Road|Rd|Drive|Dr|Place|Pl|Court|Ct|Parkway|Pkwy|Lane|Ln|Terrace|Ter|Way|Highway|Hwy|Expressway|Expy|Square|Sq|Circle|Cir|Row|Plaza|Plz|Trail|Trl|Park|Pike|Turnpike|Tpke|Crescent|Cres|Loop|Alley|Aly|Walk|Crossing|Xing|Path|Heights|Hts|Point|Pass)\.?$/iu;
export const ORDINAL = /^\d{1,3}\s?(?:st|nd|rd|th)$/iu;
// a street word: an ordinal, a bare street number before its suffix ("600 West 111 Street"), or
// a word
export const ADDRESS_WORD = String.raw`(?:\d{1,3}\s?(?:st|nd|rd|th)(?!\p{L})|\d{1,3}(?=\s+(?:Street|St|Place|Pl|Avenue|Ave)\b)|\p{L}[\p{L}'’-]*\.?)`;
// A house number (not money, a badge or part of a longer code), an optional range, then a
// direction glued or spaced, then up to four words; the code below decides what they are.
export const ADDRESS = new RegExp(
  // a form's label may be glued to the number: "Mailing Address11444 VANCE JACKSON ROAD"
  // a period may stand before the number (" .4928 N. Lowell"), not a decimal point; a unit letter
  // may follow it ("2846 A North Milwaukee"); a comma may follow a direction ("1366 W, Ohio St"),
  // and a direction's period may be glued to the street ("7600 N.Bosworth"); a comma may be glued
  // on either side of the number ("running,816 w 76 st", "a,10301,dody rd")
  String.raw`(?:(?<![\p{L}\p{N}/,$#:-])(?<!\p{N}\.)|(?<=address[\s:#]*)|(?<=\p{L},))(\d{1,5})(?:\s?-\s?\d{1,5})?(?:\s[A-DF-MO-RT-VX-Z](?=\s))?(?=\s|,\p{L})` +
    String.raw`((?:\s+|(?<=\d),|(?<=\s(?:N|S|E|W|North|South|East|West)\.?),\s*|(?<=\s(?:N|S|E|W)\.?)(?=\d)|(?<=\s(?:N|S|E|W)\.)(?=\p{L}))${ADDRESS_WORD}){1,4}`,
  'giu',
);
export const ADDRESS_WORDS = new RegExp(ADDRESS_WORD, 'giu');
// the apartment, unit or floor written after the street: "Apt 2B", "Unit 906", "1st Flr"
const UNIT =
  /^\.?,?\s*(?:(?:Apt|Apartment|Unit|Suite|Ste|Fl|Flr|Floor|Rm|Room|Bldg|Building|#)\.?\s*#?\s*[\p{L}\d-]{1,5}|\d{1,2}\s?(?:st|nd|rd|th)\s+(?:Fl|Flr|Floor))(?![\p{L}\p{N}])/iu;
// or written bare, a number and a capital glued: "1439 w 17th 1R"
const BARE_UNIT = /^,?\s+(?:\d{1,4}[A-Z]|[A-Z]\d{1,4})(?![\p{L}\p{N}])/u;

/** The length of the unit written right after an address, if any. */
export function unitLength(after: string): number {
  return (UNIT.exec(after) ?? BARE_UNIT.exec(after))?.[0].length ?? 0;
}

/** Within one edit of a street word spelled out ("streer", "avenu", "stret"). */
export function isSuffixTypo(word: string): boolean {
  const w = word.toLowerCase();
  return (
    w.length >= 5 &&
    ['street', 'avenue', 'boulevard', 'parkway', 'drive'].some((s) => withinOneEdit(w, s))
  );
}

/**
 * The street's words without a suffix: one, or two for "Stony Island", "Cottage Grove" and the
 * lettered avenues ("Avenue L").
 */
export function streetOf<W extends { text: string }>(rest: W[], pairs: ReadonlySet<string>): W[] {
  const [street, next] = rest;
  if (street === undefined) {
    return [];
  }
  const pair = next === undefined ? '' : `${street.text}:${next.text}`.toLowerCase();
  // the East Side's lettered avenues: "10455 S. Avenue L"
  const lettered = /^avenue$/iu.test(street.text) && /^[A-O]$/u.test(next?.text ?? '');
  return next !== undefined && (pairs.has(pair) || lettered) ? [street, next] : [street];
}

// After "200 west": what a direction is followed by when it is a heading, not a street's
// ("ran 200 west down the alley", "the 7800 South block of").
export const NOT_A_STREET = new Set(
  `a about across along alley an and at block blk bound by corner direction down end feet for from ft in into is miles near of on or past side the then through to toward towards up was when while with yards`.split(
    ' ',
  ),
);

/** A number that reads as a year (1900–2099) before it reads as a house number. */
export function isYear(number: string): boolean {
  return /^(?:19|20)\d{2}$/u.test(number);
}

/** A lower-case word that no dictionary, plural or list of common words holds ("cotus"). */
export function isUnlistedWord(key: string): boolean {
  return !isEnglishWordOrPlural(key) && !COMMON_WORDS.has(key);
}

export function blockOf(houseNumber: string): string {
  const n = Number.parseInt(houseNumber, 10);
  return String(Math.floor(n / 100) * 100);
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
