/**
 * Narrative redaction for the public portal (PRODUCT.md §4 Publication): personal names, phone
 * numbers, emails, exact street addresses (reduced to block level), dates of birth, licence
 * plates and the shelter location of a vulnerable party. Pure: text in, redacted text and the
 * list of redactions (with their legal basis) out. Labelling rules and measured precision and
 * recall: docs/redaction.md.
 */

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
  /** Why it was removed: the statute and the product rule. */
  basis: string;
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
}

/**
 * The legal basis recorded with each kind. Illinois FOIA exempts "private information"
 * (5 ILCS 140/7(1)(b), defined in 140/2(c-5): personal telephone numbers, personal email
 * addresses, home address, personal licence plates) and disclosures that would be a clearly
 * unwarranted invasion of personal privacy (140/7(1)(c)).
 */
export const REDACTION_BASIS: Record<RedactionKind, string> = {
  person_name:
    'Personal privacy, Illinois FOIA 5 ILCS 140/7(1)(c); the portal never identifies a person named in a narrative (PRODUCT.md §4 Publication)',
  phone:
    'Private information (personal telephone number), Illinois FOIA 5 ILCS 140/7(1)(b) and 140/2(c-5); PRODUCT.md §4 Publication',
  email:
    'Private information (personal email address), Illinois FOIA 5 ILCS 140/7(1)(b) and 140/2(c-5); PRODUCT.md §4 Publication',
  street_address:
    'Private information (home address), Illinois FOIA 5 ILCS 140/7(1)(b) and 140/2(c-5); exact addresses are published at block level only (PRODUCT.md §4 Publication)',
  date_of_birth:
    'Personal privacy (date of birth), Illinois FOIA 5 ILCS 140/7(1)(c); PRODUCT.md §4 Publication',
  licence_plate:
    'Private information (personal licence plate), Illinois FOIA 5 ILCS 140/7(1)(b) and 140/2(c-5); PRODUCT.md §4 Publication',
  shelter_location:
    'Safety and personal privacy of a vulnerable party, Illinois FOIA 5 ILCS 140/7(1)(c): where a shelter resident lives is never published (PRODUCT.md §1 step 10, §4 Publication)',
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
): Candidate {
  return {
    start,
    end,
    kind,
    replacement: replacement ?? (kind === 'street_address' ? '[address]' : FIXED_REPLACEMENT[kind]),
    priority: PRIORITY[kind],
  };
}

// ---------------------------------------------------------------------------------------------
// Emails and phone numbers

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

// North American numbers: (312) 555-0100, 312-555-0100, 312.555.0100, +1 312 555 0100, and
// seven-digit local numbers written with a separator (555-0100). Digits glued to letters or to
// other digits are not phone numbers (log numbers, RD numbers).
const PHONE =
  /(?<![\p{L}\p{N}-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])?\d{3}[\s.-]\d{4}(?![\p{L}\p{N}]|-\d)/gu;
// Ten bare digits only next to a phone word (a bare 10-digit run is as often an RD number).
const PHONE_BARE = /\b(?:phone|cell|tel|telephone|number|called|call|text|#)\D{0,20}?(\d{10})\b/giu;

function findContacts(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(EMAIL)) {
    out.push(candidate('email', m.index, m.index + m[0].length));
  }
  for (const m of text.matchAll(PHONE)) {
    out.push(candidate('phone', m.index, m.index + m[0].length));
  }
  for (const m of text.matchAll(PHONE_BARE)) {
    const digits = m[1] ?? '';
    const start = m.index + m[0].length - digits.length;
    out.push(candidate('phone', start, start + digits.length));
  }
}

// ---------------------------------------------------------------------------------------------
// Dates of birth: only a date introduced by a birth cue; incident dates stay (they are public).

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4})`;
const DOB = new RegExp(
  `\\b(?:D\\.?O\\.?B\\.?|date\\s+of\\s+birth|birth\\s*date|birthday|born(?:\\s+on)?|fecha\\s+de\\s+nacimiento|nacid[oa](?:\\s+el)?)\\s*[:#-]?\\s*(?:of\\s+|is\\s+|was\\s+)?(${DATE})`,
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
  String.raw`\b(?:licen[cs]e\s+plates?|licen[cs]e|plates?|tags?|L\.?P\.?|placas?)(?:\s+(?:number|no\.?|#))?\s*(?:(?:of|is|was|reading|reads|number|no\.?|#|:)\s*)*` +
    String.raw`((?=[A-Z0-9 -]*\d)[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,5})?)\b`,
  'giu',
);

function findPlates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(PLATE)) {
    const plate = m[1] ?? '';
    // A plate is written in capitals and digits; "license 2 years ago" is not a plate.
    if (!/^[A-Z0-9 -]+$/.test(plate) || !/\d/.test(plate) || plate.replace(/\D/g, '').length < 2) {
      continue;
    }
    const start = m.index + m[0].length - plate.length;
    out.push(candidate('licence_plate', start, start + plate.length));
  }
}

// ---------------------------------------------------------------------------------------------
// Street addresses → block level ("1234 W Main St" → "1200 block of W Main St").

const DIRECTION = String.raw`(?:N|S|E|W|North|South|East|West|No|So)\.?`;
const SUFFIX = String.raw`(?:Street|St|Avenue|Ave|Av|Boulevard|Blvd|Road|Rd|Drive|Dr|Place|Pl|Court|Ct|Parkway|Pkwy|Lane|Ln|Terrace|Ter|Way|Highway|Hwy|Expressway|Expy|Square|Sq|Circle|Cir)`;
const STREET_WORD = String.raw`(?:\d{1,3}(?:st|nd|rd|th)|\p{Lu}[\p{L}'’-]*)`;
const STREET_WORDS = String.raw`${STREET_WORD}(?:\s+${STREET_WORD}){0,2}?`;
const UNIT = String.raw`(?:\.?,?\s*(?:Apt|Apartment|Unit|Suite|Ste|Fl|Floor|#)\.?\s*#?\s*[\p{L}\d-]{1,5}(?![\p{L}\p{N}]))?`;
// number [- number] then: DIRECTION words SUFFIX | DIRECTION word | words SUFFIX; then a unit.
const ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.-])(\d{1,5})(?:\s*-\s*\d{1,5})?\s+` +
    String.raw`(?:(${DIRECTION})\s+(?:(${STREET_WORDS})\s+(${SUFFIX})|(${STREET_WORD}))|(${STREET_WORDS})\s+(${SUFFIX}))` +
    String.raw`(?![\p{L}\p{N}])(${UNIT})`,
  'giu',
);

function blockOf(houseNumber: string): string {
  const n = Number.parseInt(houseNumber, 10);
  return String(Math.floor(n / 100) * 100);
}

function findAddresses(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(ADDRESS)) {
    const [whole, number = '', direction, dirStreet, dirSuffix, dirSingle, street, suffix] = m;
    const streetName = dirStreet ?? dirSingle ?? street ?? '';
    // The regex is case-insensitive for "Ave"/"AVE"; a street name still starts with a capital
    // or is an ordinal ("2 officers", "3 black males" are not addresses).
    if (!/^[\p{Lu}\d]/u.test(streetName)) {
      continue;
    }
    const parts = [direction, streetName, dirSuffix ?? suffix].filter(
      (p): p is string => p !== undefined && p !== '',
    );
    out.push(
      candidate(
        'street_address',
        m.index,
        m.index + whole.length,
        `${blockOf(number)} block of ${parts.join(' ')}`,
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Personal names.

/** Capitalised words that follow a title or cue but are not names. */
const NOT_A_NAME = new Set(
  [
    'a',
    'an',
    'and',
    'the',
    'of',
    'on',
    'in',
    'at',
    'to',
    'or',
    'was',
    'were',
    'who',
    'did',
    'had',
    'has',
    'is',
    'he',
    'she',
    'they',
    'his',
    'her',
    'their',
    'then',
    'that',
    'this',
    'stated',
    'said',
    'reported',
    'alleges',
    'alleged',
    'allegedly',
    'involved',
    'unknown',
    'accused',
    'officer',
    'officers',
    'police',
    'department',
    'district',
    'station',
    'unit',
    'star',
    'badge',
    'number',
    'rank',
    'also',
    'further',
    'while',
    'when',
    'after',
    'before',
    'because',
    'but',
    'with',
    'without',
    'from',
    'for',
    'by',
    'as',
    'it',
    'not',
    'no',
    'yes',
    'all',
    'both',
    'two',
    'three',
    'other',
    'another',
    'one',
    'copa',
    'cpd',
    'bia',
    'ipra',
    'ops',
    'chicago',
    'illinois',
  ].map((w) => w.toLowerCase()),
);

const NAME_WORD = String.raw`(?:\p{Lu}[\p{Ll}\p{M}'’]*(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?|\p{Lu}\.)`;
const NAME_WORD_UPPER = String.raw`(?:\p{Lu}[\p{Lu}\p{M}'’-]+|\p{Lu}\.)`;
const TITLE = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sr|Sra|Srta|Señor|Señora|Officer|Ofc|Off|P\.?\s?O|Police\s+Officer|Sgt|Sergeant|Lt|Lieutenant|Det|Detective|Capt|Captain|Cmdr|Commander|Chief|Deputy|Investigator|Inv|Agent|Trooper|Judge|Attorney|Atty)\.?`;
const CUE = String.raw`(?:named|name\s+is|identified\s+as|known\s+as|by\s+the\s+name\s+of|se\s+llama|llamad(?:o|a))`;

/** `TITLE` in any letter case (the older CLEAR narratives are written in capitals). */
function caseless(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
    } else if (/[a-z]/i.test(ch)) {
      out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    } else {
      out += ch;
    }
  }
  return out;
}

const NAME_PATTERNS: RegExp[] = [
  new RegExp(`\\b${TITLE}\\s+(${NAME_WORD}(?:\\s+${NAME_WORD}){0,2})`, 'gu'),
  new RegExp(`\\b${caseless(TITLE)}\\s+(${NAME_WORD_UPPER}(?:\\s+${NAME_WORD_UPPER}){0,2})`, 'gu'),
  new RegExp(`\\b${caseless(CUE)}\\s+(${NAME_WORD}(?:\\s+${NAME_WORD}){0,2})`, 'gu'),
];

function findNamesByContext(text: string, out: Candidate[]): void {
  for (const pattern of NAME_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const group = m[1] ?? '';
      const groupStart = m.index + m[0].length - group.length;
      // Keep the leading run of words that can be names ("Officer Smith And" → "Smith").
      let end = groupStart;
      let words = 0;
      let initialsOnly = true;
      for (const w of group.matchAll(/\S+/gu)) {
        if (NOT_A_NAME.has(w[0].toLowerCase().replace(/\.$/u, ''))) {
          break;
        }
        words++;
        initialsOnly &&= /^\p{Lu}\.?$/u.test(w[0]);
        end = groupStart + w.index + w[0].length;
      }
      // A lone initial ("Officer A") is how narratives already anonymise: not a name.
      if (words === 0 || initialsOnly) {
        continue;
      }
      out.push(candidate('person_name', groupStart, end));
    }
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Letters without accents, lower case: "Peña" and "PENA" are the same name to a reader. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whole-word, case- and accent-insensitive occurrences of `needle` in `text`. */
function findLiteral(text: string, needle: string): Array<[number, number]> {
  const trimmed = needle.trim();
  if (trimmed.length === 0) {
    return [];
  }
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
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${fold(trimmed).split(/\s+/u).map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const found: Array<[number, number]> = [];
  for (const m of folded.matchAll(pattern)) {
    const start = map[m.index] ?? 0;
    const end = map[m.index + m[0].length] ?? text.length;
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
    if (parts) {
      for (const part of name.split(/[\s,]+/u)) {
        if (part.replace(/\P{L}/gu, '').length >= 3 && !NOT_A_NAME.has(fold(part))) {
          needles.add(part);
        }
      }
    }
  }
  for (const needle of needles) {
    for (const [start, end] of findLiteral(text, needle)) {
      out.push(candidate(kind, start, end));
    }
  }
}

/** A name found once is redacted everywhere in the text ("John Smith … Smith said"). */
function propagateNames(text: string, out: Candidate[]): void {
  const words = new Set<string>();
  for (const c of out) {
    if (c.kind !== 'person_name') {
      continue;
    }
    for (const word of text.slice(c.start, c.end).split(/\s+/u)) {
      const letters = word.replace(/[^\p{L}'’-]/gu, '');
      if (letters.length >= 3 && !NOT_A_NAME.has(letters.toLowerCase())) {
        words.add(letters);
      }
    }
  }
  for (const word of words) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(pattern)) {
      out.push(candidate('person_name', m.index, m.index + m[0].length));
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
  findKnown(text, options.knownNames ?? [], 'person_name', found, true);
  findNamesByContext(text, found);
  propagateNames(text, found);

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
      basis: REDACTION_BASIS[c.kind],
    });
  }
  result += text.slice(cursor);
  return { text: result, redactions };
}
