/**
 * Narrative redaction for the public portal (PRODUCT.md §4 Publication): personal names, phone
 * numbers, emails, exact street addresses (reduced to block level), dates of birth, licence
 * plates and the shelter location of a vulnerable party. Pure: text in, redacted text and the
 * list of redactions (with their legal basis) out. Labelling rules and measured precision and
 * recall: docs/redaction.md.
 */
import {
  CHICAGO_STREETS,
  CHICAGO_STREET_PAIRS,
  COMMON_WORDS,
  MORE_CHICAGO_STREETS,
  VEHICLE_WORDS,
  isEnglishWord,
  isEnglishWordOrPlural,
} from './redaction-lexicon.ts';
import { withinOneEdit } from './edit-distance.ts';
import { findPersonNames, type NameLexicon } from './redaction-names.ts';
import type { LocalizedText } from './profiles/profile.ts';

/** What a redaction removed. Stable codes (stored and shown next to each redaction). */
export const RedactionKind = {
  person_name: 'person_name',
  phone: 'phone',
  email: 'email',
  street_address: 'street_address',
  date_of_birth: 'date_of_birth',
  licence_plate: 'licence_plate',
  shelter_location: 'shelter_location',
} as const;
export type RedactionKind = (typeof RedactionKind)[keyof typeof RedactionKind];
export const REDACTION_KINDS = Object.values(RedactionKind) as [RedactionKind, ...RedactionKind[]];

/** One redaction: offsets are UTF-16 code-unit indexes into the ORIGINAL text, end exclusive. */
export interface Redaction {
  start: number;
  end: number;
  kind: RedactionKind;
  /** What the public sees instead, readable English ("[name]", "1200 block of W Main St"). */
  replacement: string;
  /** Why it was removed, citing the statute (English). */
  basis: string;
  /** The same in Spanish. */
  basisEs: string;
}

/** The redacted text and every redaction made, in text order, never overlapping. */
export interface RedactionResult {
  text: string;
  redactions: Redaction[];
}

/** What the case knows that free text cannot reveal by itself. */
export interface RedactionOptions {
  /**
   * Names the case holds (parties, people named at intake). Each full name and each of its parts
   * (three letters or more) is redacted wherever it appears, in any letter case or accents.
   */
  knownNames?: readonly string[];
  /**
   * Facilities that are the shelter (home) of a vulnerable party, by name or address
   * ("10th District station", "3315 W Ogden Ave"). Redacted as `shelter_location`.
   */
  shelterLocations?: readonly string[];
  /**
   * Names the records hold (docs/redaction.md rule 24): the jurisdiction's roster of members and
   * investigators, folded lower-case words. A word of it no dictionary holds is a name in any
   * letter case.
   */
  nameLexicon?: NameLexicon;
  /**
   * Names the case's own records hold for department members and investigators ("Tim West"),
   * whether or not the member was identified: each full name is redacted wherever it appears, in
   * any letter case. Unlike `knownNames`, a part that is a word is not redacted alone: "west of
   * the park" stays.
   */
  recordNames?: readonly string[];
}

/**
 * The legal basis recorded with each kind, in English and Spanish, citing public law only (the
 * public reads it next to each redaction; issue 15 defect 8). Illinois FOIA exempts "private
 * information" (5 ILCS 140/7(1)(b), defined in 140/2(c-5): personal telephone numbers, personal
 * email addresses, home address, personal licence plates), disclosures that would be a clearly
 * unwarranted invasion of personal privacy (140/7(1)(c)) and records whose disclosure would
 * endanger anyone's life or physical safety (140/7(1)(d)(vi)).
 */
export const REDACTION_BASIS: Record<RedactionKind, LocalizedText> = {
  person_name: {
    en: 'Personal privacy: a person named in the narrative is not identified (Illinois FOIA, 5 ILCS 140/7(1)(c))',
    es: 'Privacidad personal: no se identifica a las personas nombradas en el relato (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(c))',
  },
  phone: {
    en: 'Private information (personal telephone number) (Illinois FOIA, 5 ILCS 140/7(1)(b) and 140/2(c-5))',
    es: 'Información privada (número de teléfono personal) (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(b) y 140/2(c-5))',
  },
  email: {
    en: 'Private information (personal email address) (Illinois FOIA, 5 ILCS 140/7(1)(b) and 140/2(c-5))',
    es: 'Información privada (correo electrónico personal) (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(b) y 140/2(c-5))',
  },
  street_address: {
    en: 'Private information (home address): an address is shown at block level only (Illinois FOIA, 5 ILCS 140/7(1)(b) and 140/2(c-5))',
    es: 'Información privada (domicilio): una dirección se muestra solo a nivel de cuadra (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(b) y 140/2(c-5))',
  },
  date_of_birth: {
    en: 'Personal privacy (date of birth) (Illinois FOIA, 5 ILCS 140/7(1)(c))',
    es: 'Privacidad personal (fecha de nacimiento) (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(c))',
  },
  licence_plate: {
    en: 'Private information (personal licence plate) (Illinois FOIA, 5 ILCS 140/7(1)(b) and 140/2(c-5))',
    es: 'Información privada (placa de vehículo personal) (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(b) y 140/2(c-5))',
  },
  shelter_location: {
    en: 'Safety and personal privacy of a vulnerable party: where a shelter resident lives is never published (Illinois FOIA, 5 ILCS 140/7(1)(c) and 140/7(1)(d)(vi))',
    es: 'Seguridad y privacidad personal de una persona vulnerable: nunca se publica dónde vive una persona albergada en un refugio (Ley de Libertad de Información de Illinois (FOIA), 5 ILCS 140/7(1)(c) y 140/7(1)(d)(vi))',
  },
};

const FIXED_REPLACEMENT: Record<Exclude<RedactionKind, 'street_address'>, string> = {
  person_name: '[name]',
  phone: '[phone]',
  email: '[email]',
  date_of_birth: '[date of birth]',
  licence_plate: '[plate]',
  shelter_location: '[shelter location]',
};

interface Candidate {
  start: number;
  end: number;
  kind: RedactionKind;
  replacement: string;
  /** Higher wins an overlap; then the longer span; then the earlier one. */
  priority: number;
  /**
   * The block label repeats a word that may be a person's name (an uncued street): when a name
   * is also found there, the label is not shown ("[address]").
   */
  labelMayName?: boolean;
}

const PRIORITY: Record<RedactionKind, number> = {
  shelter_location: 7,
  email: 6,
  phone: 5,
  date_of_birth: 4,
  licence_plate: 3,
  street_address: 2,
  person_name: 1,
};

function candidate(
  kind: RedactionKind,
  start: number,
  end: number,
  replacement?: string,
  flags: Pick<Candidate, 'labelMayName'> = {},
): Candidate {
  return {
    start,
    end,
    kind,
    replacement: replacement ?? (kind === 'street_address' ? '[address]' : FIXED_REPLACEMENT[kind]),
    priority: PRIORITY[kind],
    ...flags,
  };
}

// ---------------------------------------------------------------------------------------------
// Emails and phone numbers

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

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

function findContacts(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(EMAIL)) {
    out.push(candidate('email', m.index, m.index + m[0].length));
  }
  for (const m of text.matchAll(PHONE)) {
    // "report number - 19000021588", "RD# 123-4567", "Event # 2207103264": a record's number,
    // not a telephone
    if (RECORD_NUMBER_CUE.test(text.slice(Math.max(0, m.index - 30), m.index))) {
      continue;
    }
    out.push(candidate('phone', m.index, m.index + m[0].length));
  }
  for (const m of [...text.matchAll(GROUPED_PHONE), ...text.matchAll(LETTERED_PHONE)]) {
    const digits = m[0].replace(/\D/gu, '').length;
    if (
      (m[0].includes('+') || !/^\d{3}[\s-]\d{2}[\s-]\d{4}$/u.test(m[0])) &&
      // a record's number has no letters for digits: "file a complaint 312-743-COPA" is a phone
      (/\p{Lu}/u.test(m[0]) ||
        (digits >= 9 &&
          digits <= 13 &&
          !RECORD_NUMBER_CUE.test(text.slice(Math.max(0, m.index - 30), m.index))))
    ) {
      out.push(candidate('phone', m.index, m.index + m[0].length));
    }
  }
  for (const m of text.matchAll(LABELLED_PHONE)) {
    out.push(candidate('phone', m.index, m.index + m[0].length));
  }
}

// ---------------------------------------------------------------------------------------------
// Dates of birth: only a date introduced by a birth cue; incident dates stay (they are public).

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// the day before the month may be spaced or hyphenated, and the year short: "25 NOV 91",
// "25-may-2018"
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{8}|\\d{6}|\\d{4}-\\d{2}-\\d{2}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:\\s+|-)${MONTH}(?:,?\\s+|-)(?:\\d{4}|\\d{2}(?!\\d)))`;
const DOB = new RegExp(
  `(?<![\\p{L}])(?:D\\.?O\\.?B\\.?|date\\s+of\\s+birth|birth\\s*date|birthday|born(?:\\s+on)?|fecha\\s+de\\s+nacimiento|nacid[oa](?:\\s+el)?)\\s*[:#-]?\\s*(?:of\\s+|is\\s+|was\\s+)?(${DATE})`,
  'giu',
);

function findDatesOfBirth(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(DOB)) {
    const date = m[1] ?? '';
    const start = m.index + m[0].length - date.length;
    out.push(candidate('date_of_birth', start, start + date.length));
  }
}

// ---------------------------------------------------------------------------------------------
// Licence plates: a plate-like token (letters and digits, at least one digit) after a plate cue.

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

function findPlates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(STATE_PLATE)) {
    const plate = m[1] ?? '';
    const start = m.index + m[0].length - plate.length;
    out.push(candidate('licence_plate', start, start + plate.length));
  }
  for (const m of text.matchAll(PLATE)) {
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
      continue;
    }
    const start = m.index + m[0].length - (m[2] ?? '').length;
    out.push(candidate('licence_plate', start, start + plate.length));
  }
}

// ---------------------------------------------------------------------------------------------
// Street addresses → block level ("1234 W Main St" → "1200 block of W Main St").

const DIRECTION = /^(?:N|S|E|W|North|South|East|West|No|So)\.?$/iu;
const SUFFIX =
  /^(?:Street|St|Avenue|Ave|Av|Boulevard|Blvd|Road|Rd|Drive|Dr|Place|Pl|Court|Ct|Parkway|Pkwy|Lane|Ln|Terrace|Ter|Way|Highway|Hwy|Expressway|Expy|Square|Sq|Circle|Cir|Row|Plaza|Plz|Trail|Trl|Park|Pike|Turnpike|Tpke|Crescent|Cres|Loop|Alley|Aly|Walk|Crossing|Xing|Path|Heights|Hts|Point|Pass)\.?$/iu;
const ORDINAL = /^\d{1,3}\s?(?:st|nd|rd|th)$/iu;
// a street word: an ordinal, a bare street number before its suffix ("600 West 111 Street"), or
// a word
const ADDRESS_WORD = String.raw`(?:\d{1,3}\s?(?:st|nd|rd|th)(?!\p{L})|\d{1,3}(?=\s+(?:Street|St|Place|Pl|Avenue|Ave)\b)|\p{L}[\p{L}'’-]*\.?)`;
// A house number (not money, a badge or part of a longer code), an optional range, then a
// direction glued or spaced, then up to four words; the code below decides what they are.
const ADDRESS = new RegExp(
  // a form's label may be glued to the number: "Mailing Address11444 VANCE JACKSON ROAD"
  // a period may stand before the number (" .4928 N. Lowell"), not a decimal point; a unit letter
  // may follow it ("2846 A North Milwaukee"); a comma may follow a direction ("1366 W, Ohio St"),
  // and a direction's period may be glued to the street ("7600 N.Bosworth"); a comma may be glued
  // on either side of the number ("running,816 w 76 st", "a,10301,dody rd")
  String.raw`(?:(?<![\p{L}\p{N}/,$#:-])(?<!\p{N}\.)|(?<=address[\s:#]*)|(?<=\p{L},))(\d{1,5})(?:\s?-\s?\d{1,5})?(?:\s[A-DF-MO-RT-VX-Z](?=\s))?(?=\s|,\p{L})` +
    String.raw`((?:\s+|(?<=\d),|(?<=\s(?:N|S|E|W|North|South|East|West)\.?),\s*|(?<=\s(?:N|S|E|W)\.?)(?=\d)|(?<=\s(?:N|S|E|W)\.)(?=\p{L}))${ADDRESS_WORD}){1,4}`,
  'giu',
);
const ADDRESS_WORDS = new RegExp(ADDRESS_WORD, 'giu');
// the apartment, unit or floor written after the street: "Apt 2B", "Unit 906", "1st Flr"
const UNIT =
  /^\.?,?\s*(?:(?:Apt|Apartment|Unit|Suite|Ste|Fl|Flr|Floor|Rm|Room|Bldg|Building|#)\.?\s*#?\s*[\p{L}\d-]{1,5}|\d{1,2}\s?(?:st|nd|rd|th)\s+(?:Fl|Flr|Floor))(?![\p{L}\p{N}])/iu;
// or written bare, a number and a capital glued: "1439 w 17th 1R"
const BARE_UNIT = /^,?\s+(?:\d{1,4}[A-Z]|[A-Z]\d{1,4})(?![\p{L}\p{N}])/u;

/** The length of the unit written right after an address, if any. */
function unitLength(after: string): number {
  return (UNIT.exec(after) ?? BARE_UNIT.exec(after))?.[0].length ?? 0;
}

/** Within one edit of a street word spelled out ("streer", "avenu", "stret"). */
function isSuffixTypo(word: string): boolean {
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
function streetOf<W extends { text: string }>(rest: W[]): W[] {
  const [street, next] = rest;
  if (street === undefined) {
    return [];
  }
  const pair = next === undefined ? '' : `${street.text}:${next.text}`.toLowerCase();
  // the East Side's lettered avenues: "10455 S. Avenue L"
  const lettered = /^avenue$/iu.test(street.text) && /^[A-O]$/u.test(next?.text ?? '');
  return next !== undefined && (CHICAGO_STREET_PAIRS.has(pair) || lettered)
    ? [street, next]
    : [street];
}

// After "200 west": what a direction is followed by when it is a heading, not a street's
// ("ran 200 west down the alley", "the 7800 South block of").
const NOT_A_STREET = new Set(
  `a about across along alley an and at block blk bound by corner direction down end feet for from ft in into is miles near of on or past side the then through to toward towards up was when while with yards`.split(
    ' ',
  ),
);

/** A number that reads as a year (1900–2099) before it reads as a house number. */
function isYear(number: string): boolean {
  return /^(?:19|20)\d{2}$/u.test(number);
}

/** A lower-case word that no dictionary, plural or list of common words holds ("cotus"). */
function isUnlistedWord(key: string): boolean {
  return !isEnglishWordOrPlural(key) && !COMMON_WORDS.has(key);
}

function blockOf(houseNumber: string): string {
  const n = Number.parseInt(houseNumber, 10);
  return String(Math.floor(n / 100) * 100);
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * "1234 W Main St, Apt 2" → "1200 block of W Main St". An exact address is a house number and
 * then a direction and a street, or a street and a suffix, or a Chicago street the profile
 * knows ("10220 Wentworth"). Block-level references ("the 7700 block of S Wolcott") and
 * intersections are already public and stay.
 */
function findAddresses(text: string, out: Candidate[]): void {
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
    let suffixAt = rest.findIndex((w, i) => i > 0 && (SUFFIX.test(w.text) || isSuffixTypo(w.text)));
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
    const known = CHICAGO_STREETS.has(streetKey) || MORE_CHICAGO_STREETS.has(streetKey);
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
          streetWords.every((w) => !isEnglishWord(w.text.toLowerCase().replace(/[^a-z]/gu, '')))) ||
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
        streetOf(rest).length === 2 ||
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
      used = [first, ...streetOf(rest)];
    } else if (
      direction === undefined &&
      known &&
      isCapitalised(street.text) &&
      // "51 Wentworth" (a station's shorthand), "3 Chicago Police Cars", "17 STATE UNIVERSITIES":
      // without a direction or suffix only a plausible house number makes an address
      Number(number) >= 100 &&
      !isYear(number)
    ) {
      used = streetOf(rest);
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
    out.push(candidate('street_address', m.index, end, `${blockOf(number)} block of ${label}`));
  }
}

// "lives at 414 cotus", "changed to 72 Garland": after a word that introduces a place, a house
// number and one word that is a Chicago street or no dictionary word is an address even without
// a direction or suffix ("at 5 pm", "on 3 occasions" stay: those are words).
const CUED_ADDRESS =
  /(?<![\p{L}\p{N}])(?:at|on|to|from|lives|live|living|resides|reside|residing|address(?:\s+is)?)[\s:]+(\d{1,5})\s+(\p{L}[\p{L}'’-]*)(?![\p{L}\p{N}])/giu;
// "in the alley of 5511 Newland", "near 1400 Kostner": after a preposition of place the same,
// with a house number of 100 or more and a capitalised street ("of 3 Tasers" stays).
const PLACE_CUED_ADDRESS =
  /(?<![\p{L}\p{N}])(?:of|near|by|in|outside|behind|into|around|toward|towards|across)\s+(\d{3,5})\s+(\p{Lu}[\p{L}'’-]*)(?![\p{L}\p{N}])/gu;

// "79-th street 501 East", "on Melrose street 6308": street first, then the house number and its
// direction (without one, a house number of three digits or more that is no year).
const REVERSED_ADDRESS =
  /(?<![\p{L}\p{N}])(\d{1,3}-?(?:st|nd|rd|th)|\p{L}[\p{L}'’-]*)\s+(Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr)\.?,?\s+(?:(\d{1,5})\s+(North|South|East|West|N|S|E|W)|([1-9]\d{2,4}))(?![\p{L}\p{N}]|\s+\p{L})/giu;

// "As I was approaching 69 Justine": a house number and a capitalised word no dictionary holds is
// an address even without a cue, a direction or a suffix (recall first: in doubt, hidden). Not
// after a capitalised word ("Fosco 15727 Pezan 7399": a list of stars), nor a year, nor a number
// a record, an age or a zip code claims.
const UNCUED_ADDRESS =
  /(?<![\p{L}\p{N}#$/.:,@&-]|\p{Lu}[\p{L}.]*\s+)(\d{2,5}) (\p{Lu}\p{Ll}{2,}(?:['’-]\p{L}+)?)(?![\p{L}\p{N}])/gu;
const MONTH_WORD = new RegExp(`^${MONTH}$`, 'iu');
const UNCUED_NUMBER_CLAIM =
  /(?<![\p{L}])(?:no|number|num|#|star|badge|beat|event|unit|age|aged|zip|code|il|illinois|rd|cb|cr|log|case|report|id|room|suite|apt|pages?|route|bus|series|ages?)\.?\s*[:#]?\s*$/iu;

function findUncuedAddresses(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(UNCUED_ADDRESS)) {
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
      continue;
    }
    const start = m.index;
    const end = m.index + m[0].length;
    out.push(
      candidate('street_address', start, end, `${blockOf(number)} block of ${word}`, {
        labelMayName: true,
      }),
    );
  }
}

function findCuedAddresses(text: string, out: Candidate[]): void {
  for (const m of [...text.matchAll(CUED_ADDRESS), ...text.matchAll(PLACE_CUED_ADDRESS)]) {
    const number = m[1] ?? '';
    const word = m[2] ?? '';
    const key = word.toLowerCase();
    const known =
      CHICAGO_STREETS.has(key) || (/^\p{Lu}/u.test(word) && MORE_CHICAGO_STREETS.has(key));
    const unknown = /^[a-z]{4,}$/u.test(key) && isUnlistedWord(key);
    // "moved to 2019 Chicago": without a direction or suffix a year is a year
    if ((!known && !unknown) || isYear(number)) {
      continue;
    }
    // the number starts where the cue and its spacing end; the unit after the street is part of it
    const start = m.index + m[0].search(/\d/u);
    const end = m.index + m[0].length;
    const unit = unitLength(text.slice(end));
    out.push(candidate('street_address', start, end + unit, `${blockOf(number)} block of ${word}`));
  }
  for (const m of text.matchAll(REVERSED_ADDRESS)) {
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
      continue;
    }
    out.push(
      candidate(
        'street_address',
        m.index,
        m.index + m[0].length,
        `${blockOf(number)} block of ${m[4] === undefined ? '' : `${m[4]} `}${street} ${m[2] ?? ''}`,
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Names the case knows, and shelter locations.

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Letters without accents, lower case: "Peña" and "PENA" are the same name to a reader. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A text folded for matching ("Peña" → "pena"), with each folded index's original offset. */
interface FoldedText {
  folded: string;
  map: number[];
}

function foldText(text: string): FoldedText {
  // Fold per character so offsets stay those of the original text.
  const folded = Array.from(text, (ch) => fold(ch)).join('');
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) {
      map.push(i);
    }
    i += ch.length;
  }
  map.push(text.length);
  return { folded, map };
}

/** Whole-word, case- and accent-insensitive occurrences of `needle` in the folded text. */
function findLiteral(text: FoldedText, needle: string): Array<[number, number]> {
  const trimmed = needle.trim();
  if (trimmed.length === 0) {
    return [];
  }
  const words = fold(trimmed).split(/\s+/u);
  if (!text.folded.includes(words[0] ?? '')) {
    return [];
  }
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const found: Array<[number, number]> = [];
  for (const m of text.folded.matchAll(pattern)) {
    const start = text.map[m.index] ?? 0;
    const end = text.map[m.index + m[0].length] ?? text.map.at(-1) ?? 0;
    found.push([start, end]);
  }
  return found;
}

function findKnown(
  text: string,
  names: readonly string[],
  kind: RedactionKind,
  out: Candidate[],
  parts: boolean,
): void {
  const needles = new Set<string>();
  for (const name of names) {
    needles.add(name);
    // a record's whole name is also written surname first: "Assigned to Corso, Paul (111604)"
    const words = name.split(/\s+/u);
    if (!parts && words.length >= 2) {
      const rest = words.slice(0, -1).join(' ');
      needles.add(`${words[words.length - 1] ?? ''}, ${rest}`);
      needles.add(`${words[words.length - 1] ?? ''} ${rest}`);
    }
    if (parts) {
      for (const part of name.split(/[\s,]+/u)) {
        if (part.replace(/\P{L}/gu, '').length >= 3 && !COMMON_WORDS.has(fold(part))) {
          needles.add(part);
        }
      }
    }
  }
  if (needles.size === 0) {
    return;
  }
  const folded = foldText(text);
  for (const needle of needles) {
    for (const [start, end] of findLiteral(folded, needle)) {
      out.push(candidate(kind, start, end));
    }
  }
}

// ---------------------------------------------------------------------------------------------

function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ordered) {
    if (c.end <= c.start) {
      continue;
    }
    if (kept.some((k) => c.start < k.end && k.start < c.end)) {
      continue;
    }
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Redacts a narrative for publication (PRODUCT.md §4). Text stays text: nothing is interpreted
 * as markup, so `<script>` comes back as the same characters for the presenter to escape.
 * Names that the case knows (`options.knownNames`) and the shelter of a vulnerable party
 * (`options.shelterLocations`) are redacted wherever they appear; everything else is found by
 * patterns and context, so a bare name with no cue can be missed (measured in docs/redaction.md).
 */
export function redactNarrative(text: string, options: RedactionOptions = {}): RedactionResult {
  const found: Candidate[] = [];
  findKnown(text, options.shelterLocations ?? [], 'shelter_location', found, false);
  findContacts(text, found);
  findDatesOfBirth(text, found);
  findPlates(text, found);
  findAddresses(text, found);
  findCuedAddresses(text, found);
  findUncuedAddresses(text, found);
  findKnown(text, options.knownNames ?? [], 'person_name', found, true);
  findKnown(text, options.recordNames ?? [], 'person_name', found, false);
  for (const [start, end] of findPersonNames(text, options.nameLexicon)) {
    found.push(candidate('person_name', start, end));
  }

  const names = found.filter((c) => c.kind === 'person_name');
  for (const c of found) {
    // the name must not come back in the block label
    if (c.labelMayName === true && names.some((n) => n.start < c.end && c.start < n.end)) {
      c.replacement = '[address]';
    }
  }
  const kept = resolveOverlaps(found);
  let result = '';
  let cursor = 0;
  const redactions: Redaction[] = [];
  for (const c of kept) {
    result += text.slice(cursor, c.start) + c.replacement;
    cursor = c.end;
    redactions.push({
      start: c.start,
      end: c.end,
      kind: c.kind,
      replacement: c.replacement,
      basis: REDACTION_BASIS[c.kind].en,
      basisEs: REDACTION_BASIS[c.kind].es,
    });
  }
  result += text.slice(cursor);
  return { text: result, redactions };
}
