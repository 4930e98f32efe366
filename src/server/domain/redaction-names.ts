/**
 * Finding personal names in free text without a list of the people involved (redaction.ts
 * adds the names the case knows). Rules, in the order they are tried at each word: a title
 * before it ("Officer", "Ms."), a cue ("named", "my name is", a letter's sign-off), a relation
 * or role noun before it ("her son, Dylan", "the accused Ryan"), a common given name at its
 * start, two or more capitalised words with one no dictionary holds, a capitalised word no
 * dictionary holds, and lower-case words no dictionary holds after a title or in a run. Then
 * lists, initials and names in web addresses; a name found once is found wherever it recurs.
 * Measured precision and recall: docs/redaction.md.
 */
import {
  AMBIGUOUS_GIVEN_NAMES,
  CHICAGO_STREETS,
  COMMON_SURNAMES,
  COMMON_WORDS,
  GIVEN_NAMES,
  PLACE_NAMES,
  SURNAME_WORDS,
  VEHICLE_WORDS,
  isEnglishWord,
} from './redaction-lexicon.ts';

/** A half-open span of UTF-16 offsets. */
export type Span = [start: number, end: number];

type Shape = 'title' | 'upper' | 'lower' | 'initial' | 'other';

interface Token {
  text: string;
  /** lower case, accents folded, possessive and trailing period removed */
  key: string;
  start: number;
  end: number;
  shape: Shape;
  /** characters between the previous token and this one */
  gap: string;
}

const TOKEN = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*\.?/gu;

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function keyOf(word: string): string {
  return fold(word.replace(/\.$/u, '').replace(/['’]s$/u, ''));
}

function shapeOf(word: string): Shape {
  const w = word.replace(/\.$/u, '');
  if (/^\p{Lu}$/u.test(w)) {
    return 'initial';
  }
  if (/^\p{Lu}[\p{Lu}\p{M}'’-]+$/u.test(w)) {
    return 'upper';
  }
  if (/^\p{Lu}/u.test(w) && /\p{Ll}/u.test(w)) {
    return 'title';
  }
  if (/^\p{Ll}/u.test(w)) {
    return 'lower';
  }
  return 'other';
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    let word = m[0];
    // A period belongs to an initial or an abbreviated title ("J.", "Sgt."), not to a word
    // that ends a sentence.
    if (word.endsWith('.') && word.length > 2 && !TITLE_WORDS.has(keyOf(word))) {
      word = word.slice(0, -1);
    }
    tokens.push({
      text: word,
      key: keyOf(word),
      start: m.index,
      end: m.index + word.length,
      shape: shapeOf(word),
      gap: text.slice(last, m.index),
    });
    last = m.index + word.length;
  }
  return tokens;
}

/** Ranks and courtesy titles: what follows is a surname (or given name and surname). */
const TITLE_WORDS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'sr',
  'sra',
  'srta',
  'senor',
  'senora',
  'officer',
  'officers',
  'ofc',
  'po',
  'p.o',
  'sgt',
  'sergeant',
  'sergeants',
  'lt',
  'lieutenant',
  'det',
  'detective',
  'detectives',
  'capt',
  'captain',
  'cmdr',
  'commander',
  'chief',
  'supt',
  'superintendent',
  'investigator',
  'inv',
  'agent',
  'trooper',
  'deputy',
  'judge',
  'atty',
  'attorney',
  'reverend',
  'rev',
  'pastor',
  'father',
  'sister',
  'brother',
  'aunt',
  'auntie',
  'uncle',
  'cousin',
  'grandma',
  'grandpa',
]);

/** Relation and role nouns: a capitalised word right after one (or after its comma) is a name. */
const ROLE_WORDS = new Set(
  `son daughter husband wife mother father brother sister boyfriend girlfriend friend cousin uncle
  aunt auntie nephew niece grandson granddaughter grandmother grandfather grandma grandpa stepson
  stepdaughter stepfather stepmother fiance fiancee spouse partner neighbor neighbour landlord
  landlady tenant roommate coworker boss manager employer employee complainant victim witness
  subject arrestee offender plaintiff defendant accused suspect detainee driver passenger client
  patient student teacher lawyer deceased decedent juvenile child kid baby godfather godmother
  ex mom dad inmate resident owner guard hijo hija esposo esposa madre padre hermano hermana novio
  novia amigo amiga vecino vecina`
    .split(/\s+/u)
    .filter((w) => w !== ''),
);

/** Words that introduce a name ("named", "my name is", "a.k.a.", a letter's sign-off). */
const CUES: ReadonlyArray<readonly string[]> = [
  ['named'],
  ['name'],
  ['name', 'is'],
  ['named', 'is'],
  ['name', 'was'],
  ['name', 'of'],
  ['known', 'as'],
  ['identified', 'as'],
  ['aka'],
  ['a.k.a'],
  ['sincerely'],
  ['regards'],
  ['respectfully'],
  ['thank', 'you'],
  ['thanks'],
  ['yours'],
  ['llama'],
  ['llamo'],
  ['nombre', 'es'],
  ['atentamente'],
];

/** Lower-case particles inside a name ("Persida Del Carmen", "Van Buren"). */
const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'van',
  'von',
  'da',
  'di',
  'du',
  'le',
  'y',
]);

/** Words that make a capitalised run a place or an organisation, not a person. */
const PLACE_WORDS = new Set(
  `hospital park school university college church mall club hotel center centre store avenue street
  boulevard road drive company inc llc bank airport station district county department office
  court market foods restaurant bar grill lounge academy institute library museum plaza tower
  towers apartments homes expressway highway bridge beach lake river island city village town
  high middle elementary services service group corporation corp agency association foundation
  ministries shelter mission gas liquor motel inn cafe pizza chicken grocery pharmacy clinic
  medical health dealership motors auto protest protests rights statue memorial law act day state
  line stop`
    .split(/\s+/u)
    .filter((w) => w !== ''),
);

function isNameShape(t: Token): boolean {
  return t.shape === 'title' || t.shape === 'initial' || t.shape === 'upper';
}

function isCommon(t: Token): boolean {
  return (
    COMMON_WORDS.has(t.key) ||
    TITLE_WORDS.has(t.key) ||
    VEHICLE_WORDS.has(t.key) ||
    // contractions ("Don't", "It's") are words, not names
    /['’](?:t|re|ve|ll|m|d)$/u.test(t.key) ||
    /^(?:it|that|he|she|there|what|who)['’]s$/u.test(t.key)
  );
}

/** In capitals-only text, verbs and nouns look like surnames; these endings rarely are. */
function looksLikeVerbOrNoun(t: Token): boolean {
  return t.key.length >= 5 && /(?:ed|ing|ly|tion|ment|ness)$/u.test(t.key);
}

/** Only spaces, or the space after an initial's period, may separate two words of one name. */
function joins(gap: string): boolean {
  // a quoted nickname sits inside a name: Clarence "Dean" Brinson
  return /^[ \t]{1,2}$/u.test(gap) || /^[ \t]?["“”][ \t]?$/u.test(gap);
}

/**
 * Takes up to `max` name words from tokens[i]: capitalised (or capitals, in capitals-only
 * text), not common words, with particles inside. Returns the index after the last word taken.
 */
function takeName(
  tokens: Token[],
  i: number,
  max: number,
  upperText: boolean,
  afterTitle = false,
): number {
  let j = i;
  let words = 0;
  while (j < tokens.length && words < max) {
    const t = tokens[j];
    if (t === undefined) {
      break;
    }
    if (j > i && !joins(t.gap)) {
      break;
    }
    if (j > i && PARTICLES.has(t.key) && t.shape !== 'upper') {
      const next = tokens[j + 1];
      if (next !== undefined && joins(next.gap) && isNameShape(next) && !isCommon(next)) {
        j++;
        continue;
      }
      break;
    }
    if (!isNameShape(t)) {
      break;
    }
    const given = GIVEN_NAMES.has(t.key);
    const surname = SURNAME_WORDS.has(t.key) && (afterTitle || words > 0);
    if (isCommon(t) && !given && !surname) {
      break;
    }
    if (upperText && !given && looksLikeVerbOrNoun(t)) {
      break;
    }
    if (PLACE_WORDS.has(t.key)) {
      break;
    }
    words++;
    j++;
  }
  // "Ahern, J." and "SMITH, John": a surname, a comma, then an initial or a given name.
  const last = tokens[j - 1];
  const next = tokens[j];
  // Only after a one-word surname, and a given name only when no capitalised word follows it
  // ("NXIVM, Jeffrey Epstein" is a list, not "Epstein, Jeffrey").
  const after = tokens[j + 1];
  const endsThere =
    after === undefined ||
    !joins(after.gap) ||
    !(after.shape === 'title' || after.shape === 'upper');
  if (
    j === i + 1 &&
    last !== undefined &&
    next !== undefined &&
    /^,[ \t]?$/u.test(next.gap) &&
    (next.shape === 'initial' || (GIVEN_NAMES.has(next.key) && !isCommon(next) && endsThere))
  ) {
    j++;
  }
  return j;
}

/**
 * "George Floyd protests", "the statue of Christopher Columbus", "Roseland Hospital": a run
 * next to a place, event or institution word names that thing, not a person.
 */
function nearPlace(tokens: Token[], from: number, to: number): boolean {
  const after = tokens[to];
  if (
    after !== undefined &&
    joins(after.gap) &&
    (PLACE_WORDS.has(after.key) || VEHICLE_WORDS.has(after.key))
  ) {
    return true;
  }
  // "South Carolina", "Jeep Cherokee": a direction or a make right before
  const just = tokens[from - 1];
  if (
    just !== undefined &&
    joins(tokens[from]?.gap ?? '') &&
    (VEHICLE_WORDS.has(just.key) ||
      /^(?:north|south|east|west|new|san|santa|los|las|fort|saint|st|mount|lake|port)$/u.test(
        just.key,
      ))
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

function precededBy(tokens: Token[], i: number, phrase: readonly string[]): boolean {
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

/** Spans of personal names found in `text` by the rules above (before propagation). */
function findRuns(text: string, tokens: Token[], upperText: boolean): Span[] {
  const spans: Span[] = [];
  const push = (from: number, to: number): void => {
    const a = tokens[from];
    const b = tokens[to - 1];
    if (a === undefined || b === undefined || to <= from) {
      return;
    }
    // A lone initial is how narratives already anonymise ("Officer A"): not a name.
    if (to - from === 1 && a.shape === 'initial') {
      return;
    }
    spans.push([a.start, b.end]);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined) {
      continue;
    }
    const prev = tokens[i - 1];
    // a comma, a colon or an opening quote may sit between a cue and the name: named "Rico"
    const gapOk = /^[ \t]*[,:]?[ \t]*["“'‘]?$/u.test(t.gap) && !/\n/u.test(t.gap);
    // 1. A title right before: "Officer Smith", "Sgt. Rigan", "P.O. DORN", "Ms. Peña".
    const titled =
      (prev !== undefined && (TITLE_WORDS.has(prev.key) || prev.text === 'SI')) ||
      /(?:^|[^\p{L}])P\.?\s?O\.?$/iu.test(text.slice(Math.max(0, t.start - 8), t.start).trimEnd());
    if (titled && /^[ \t]+$/u.test(t.gap)) {
      // "the accused Sergeant pulled": a rank followed by a lower-case word is not a name.
      // In capitals a verb can follow the surname ("P.O. SMITH STRUCK"): one word, or two when
      // the first is a given name.
      const max = upperText ? (GIVEN_NAMES.has(t.key) ? 2 : 1) : 3;
      let end = takeName(tokens, i, max, upperText, true);
      // "LT. ELLIS VOULGARIS CALL …": in capitals a second word that no dictionary holds (and
      // that is no typo of a word) is the surname, not the verb.
      const second = tokens[end];
      if (
        upperText &&
        end === i + 1 &&
        second !== undefined &&
        joins(second.gap) &&
        isUnknownCapitals(second)
      ) {
        end++;
      }
      push(i, end);
      if (end > i) {
        i = end - 1;
        continue;
      }
    }
    // 2. A cue: "named Jane Roe", "my name is …", "Sincerely, …".
    if (gapOk && CUES.some((cue) => precededBy(tokens, i, cue))) {
      // "named is vontia Speight": a given name in lower case that no dictionary holds
      const next = tokens[i + 1];
      const from =
        !upperText &&
        isUnknownLower(t, 4, false) &&
        next !== undefined &&
        joins(next.gap) &&
        isNameShape(next)
          ? i + 1
          : i;
      const end = takeName(tokens, from, 4, upperText);
      if (from > i && end > from) {
        push(i, end);
        i = end - 1;
        continue;
      }
      push(i, end);
      if (end > i) {
        i = end - 1;
        continue;
      }
    }
    // 3a. A capitalised word right before a verb of reporting, after "and" or a comma: "Elkin
    // alleges harassment and Gross alleges …". A surname that is also a word (Gross, Rich) is
    // kept by rule 6; here the verb says a person is speaking. Role nouns ("Complainant
    // alleges") and common words ("She stated") are not names.
    if (
      !upperText &&
      t.shape === 'title' &&
      t.key.length >= 3 &&
      prev !== undefined &&
      (prev.key === 'and' || /,[ \t]*$/u.test(t.gap)) &&
      isReportingVerb(tokens[i + 1]) &&
      joins(tokens[i + 1]?.gap ?? '') &&
      !isCommon(t) &&
      !ROLE_WORDS.has(t.key) &&
      !PLACE_WORDS.has(t.key) &&
      !PLACE_NAMES.has(t.key)
    ) {
      push(i, i + 1);
      continue;
    }
    // 3. A relation or role noun: "her son, Dylan", "the accused Ryan", "Husband Dale Roy".
    if (prev !== undefined && ROLE_WORDS.has(prev.key) && gapOk && !upperText) {
      const end = takeName(tokens, i, 4, upperText);
      if (end > i && !(end - i === 1 && t.shape === 'upper' && t.key.length <= 3)) {
        push(i, end);
        i = end - 1;
        continue;
      }
    }
    // 4. A common given name, then a surname: "Melissa Lopez", "JOHN SMITH".
    if (GIVEN_NAMES.has(t.key) && isNameShape(t)) {
      const end = takeName(tokens, i, 4, upperText);
      const ambiguous = AMBIGUOUS_GIVEN_NAMES.has(t.key) || COMMON_WORDS.has(t.key);
      if (!nearPlace(tokens, i, end) && (end - i >= 2 || (!ambiguous && !upperText))) {
        push(i, end);
        i = end - 1;
        continue;
      }
    }
    // 5. Two or more capitalised words, none of them common: "Persida Melendez", "Zanu Gordon".
    if (!upperText && (t.shape === 'title' || t.shape === 'upper') && !isCommon(t)) {
      const end = takeName(tokens, i, 4, upperText);
      const run = tokens.slice(i, end);
      if (
        end - i >= 2 &&
        !nearPlace(tokens, i, end) &&
        run.every((r) => r.shape === 'title' || r.shape === 'initial' || r.shape === 'upper') &&
        run.some((r) => r.shape === 'title') &&
        // a run of dictionary words is a title or an organisation ("Equal Employment
        // Opportunity", "Lease Agreement"); a name has a word no dictionary holds
        run.some((r) => r.shape !== 'initial' && !isEnglishWord(r.key.replace(/[^a-z]/gu, '')))
      ) {
        push(i, end);
        i = end - 1;
        continue;
      }
    }
    // 6. A capitalised word that is in no dictionary, no place list and no acronym: rarer
    // surnames and given names ("Yosef", "SWEISS", "Nwannewuihe"). Capitals-only text is full
    // of abbreviations and typos, so there only the rules above apply.
    if (!upperText && isUnknownWord(text, t)) {
      const end = takeName(tokens, i, 4, upperText);
      if (nearPlace(tokens, i, Math.max(end, i + 1))) {
        continue;
      }
      push(i, Math.max(end, i + 1));
      i = Math.max(end, i + 1) - 1;
      continue;
    }
    // 7. Written in lower case after a title and in no dictionary: "officer bunz".
    if (!upperText && titled && t.shape === 'lower' && isUnknownLower(t, 4, false)) {
      push(i, i + 1);
      continue;
    }
    // 8. Two or more lower-case words in a row that no dictionary knows and that are not typos:
    // names written without capitals ("teesha shamese lowery").
    if (!upperText && t.shape === 'lower' && isUnknownLower(t, 4, true)) {
      let end = i + 1;
      while (
        end < tokens.length &&
        joins(tokens[end]?.gap ?? '') &&
        isUnknownLower(tokens[end], 4, true)
      ) {
        end++;
      }
      if (end - i >= 2) {
        spans.push([t.start, tokens[end - 1]?.end ?? t.end]);
        i = end - 1;
        continue;
      }
    }
  }
  return spans;
}

/**
 * Rules 7 and 8: a lower-case word of `min` letters or more that is no word (and, with
 * `typos`, of eight letters or more, no typo of one: shorter names sit one edit from words).
 */
function isUnknownLower(t: Token | undefined, min: number, typos: boolean): boolean {
  if (t === undefined || t.shape !== 'lower') {
    return false;
  }
  const letters = t.key;
  return (
    /^[a-z]+$/u.test(letters) &&
    letters.length >= min &&
    !isEnglishWord(letters) &&
    !(letters.endsWith('s') && isEnglishWord(letters.slice(0, -1))) &&
    !COMMON_WORDS.has(letters) &&
    !PLACE_NAMES.has(letters) &&
    !CHICAGO_STREETS.has(letters) &&
    !(typos && letters.length >= 8 && isTypoOfWord(letters))
  );
}

const REPORTING_VERBS = new Set(
  'alleges alleged alleging states stated said says reported reports claims claimed told asserts asserted indicated related'.split(
    ' ',
  ),
);

/** Rule 3a: a verb that says a person spoke or complained. */
function isReportingVerb(t: Token | undefined): boolean {
  return t !== undefined && t.shape === 'lower' && REPORTING_VERBS.has(t.key);
}

/**
 * Rule 1 in capitals: a word of five letters or more in no dictionary, no list, not shaped
 * like a verb or noun and no typo of a word ("VOULGARIS", not "STATEDD").
 */
function isUnknownCapitals(t: Token): boolean {
  const letters = t.key;
  return (
    t.shape === 'upper' &&
    /^[a-z]+$/u.test(letters) &&
    letters.length >= 5 &&
    !isCommon(t) &&
    !isEnglishWord(letters) &&
    !(letters.endsWith('s') && isEnglishWord(letters.slice(0, -1))) &&
    !PLACE_WORDS.has(letters) &&
    !PLACE_NAMES.has(letters) &&
    !CHICAGO_STREETS.has(letters) &&
    !looksLikeVerbOrNoun(t) &&
    !isTypoOfWord(letters)
  );
}

/** Rule 6: a capitalised word no list knows, outside web addresses and acronyms. */
function isUnknownWord(text: string, t: Token): boolean {
  if (t.shape !== 'title' && t.shape !== 'upper') {
    return false;
  }
  const letters = t.key.replace(/[^a-z]/gu, '');
  if (
    letters.length < 3 ||
    (t.shape === 'upper' && letters.length <= 4) ||
    isCommon(t) ||
    PLACE_WORDS.has(t.key) ||
    PLACE_NAMES.has(t.key) ||
    CHICAGO_STREETS.has(t.key) ||
    (!COMMON_SURNAMES.has(letters) &&
      (isEnglishWord(letters) ||
        (letters.length >= 7 && isTypoOfWord(letters)) ||
        // plural or possessive of a word ("Officers'", "Cops")
        (letters.endsWith('s') && isEnglishWord(letters.slice(0, -1)))))
  ) {
    return false;
  }
  // "Zillow.com", "@handle", part of a web address or an email
  const before = text.slice(Math.max(0, t.start - 1), t.start);
  const after = text.slice(t.end, t.end + 4);
  return (
    !/[@/.]/u.test(before) && !/^\.(?:com|org|net|gov|edu)/iu.test(after) && !/^@/u.test(after)
  );
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/**
 * One edit away from a dictionary word ("SHPULDER", "HEMORAGING", "Harrassing"): a typo, not a
 * name. Only asked of words of seven letters or more: shorter surnames sit one letter away from
 * many words ("Dorn" from "dorm", "Sweiss" from "swiss", "Markus" from "marks").
 */
function isTypoOfWord(word: string): boolean {
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (i < word.length && isEnglishWord(head + tail.slice(1))) {
      return true;
    }
    for (const ch of ALPHABET) {
      if (isEnglishWord(head + ch + tail)) {
        return true;
      }
      if (i < word.length && ch !== tail[0] && isEnglishWord(head + ch + tail.slice(1))) {
        return true;
      }
    }
    if (
      i + 1 < word.length &&
      isEnglishWord(head + (tail[1] ?? '') + (tail[0] ?? '') + tail.slice(2))
    ) {
      return true;
    }
  }
  return false;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every other occurrence of a word of a found name ("John Smith … Smith said"). */
function propagate(text: string, found: Span[]): Span[] {
  const names = new Set<string>();
  for (const [start, end] of found) {
    for (const m of text.slice(start, end).matchAll(TOKEN)) {
      const word = m[0].replace(/\.$/u, '').replace(/['’]s$/u, '');
      const key = fold(word);
      if (word.length >= 3 && !COMMON_WORDS.has(key) && !TITLE_WORDS.has(key)) {
        names.add(word);
      }
    }
  }
  const out: Span[] = [];
  for (const word of names) {
    const variants = new Set([word, word.toUpperCase(), word[0] + word.slice(1).toLowerCase()]);
    for (const variant of variants) {
      const pattern = new RegExp(
        `(?<![\\p{L}\\p{N}])${escapeRegExp(variant)}(?![\\p{L}\\p{N}])`,
        'gu',
      );
      for (const m of text.matchAll(pattern)) {
        out.push([m.index, m.index + m[0].length]);
      }
    }
  }
  return out;
}

/**
 * Spans of personal names in `text`. Texts written in capitals only (older CLEAR narratives)
 * get the title and given-name rules alone: there every word is capitalised, so a run of
 * capitals says nothing.
 */
export function findPersonNames(text: string): Span[] {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  const upperText = letters > 0 && lower / letters < 0.1;
  const tokens = tokenize(text);
  const found = extendLeft(tokens, extendLists(tokens, findRuns(text, tokens, upperText)));
  found.push(...findInitials(text), ...findUrlNames(text));
  return [...found, ...propagate(text, found)];
}

/**
 * "named is vontia Speight": a lower-case word in no dictionary (and no typo of one) right
 * before a found name is its given name written without a capital.
 */
function extendLeft(tokens: Token[], found: Span[]): Span[] {
  const starts = new Map(found.map((span, k) => [span[0], k]));
  const out = [...found];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const before = tokens[i - 1];
    const k = t === undefined ? undefined : starts.get(t.start);
    if (t === undefined || before === undefined || k === undefined || !joins(t.gap)) {
      continue;
    }
    if (isUnknownLower(before, 4, true) && !(before.key.length < 8 && isTypoOfWord(before.key))) {
      const span = out[k];
      if (span !== undefined) {
        out[k] = [before.start, span[1]];
      }
    }
  }
  return out;
}

/**
 * "Officers RAZO and MIRANDA", "Keisha, Deborah, Bernie, Victor and Clifford": a capitalised
 * word listed right after a name, in the same letter case, is a name too.
 */
function extendLists(tokens: Token[], found: Span[]): Span[] {
  const out = [...found];
  const ends = new Set(found.map(([, end]) => end));
  const starts = new Set(found.map(([start]) => start));
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    const t = tokens[i];
    if (prev === undefined || t === undefined || !ends.has(prev.end) || starts.has(t.start)) {
      continue;
    }
    let k = i;
    let gap = t.gap;
    if (t.key === 'and' || t.key === 'y' || t.key === '&') {
      k = i + 1;
      gap = `${t.gap}and${tokens[k]?.gap ?? ''}`;
    }
    const next = tokens[k];
    if (
      next === undefined ||
      !/^(?:\s*,\s*|\s+and\s+|\s*&\s*|,\s*and\s+)$/u.test(gap) ||
      next.shape !== prev.shape ||
      isCommon(next) ||
      PLACE_WORDS.has(next.key) ||
      next.key.length < 2
    ) {
      continue;
    }
    out.push([next.start, next.end]);
    ends.add(next.end);
    starts.add(next.start);
  }
  return out;
}

/** Abbreviations written with periods that are not a person's initials. */
const NOT_INITIALS = new Set(
  `po pos us usa id dob rd cb am pm tv dc ny la er oc cpd fbi swat md rn jd ps bs ms ma ba phd
  ok uk un eu ie eg vs nd sd cc ss foia dui dwi uuw ac bp`
    .split(/\s+/u)
    .filter((w) => w !== ''),
);

/** "H.B." and "J.D.": a person's initials, how narratives refer to minors. */
function findInitials(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.])(?:\p{Lu}\.\s?){1,2}\p{Lu}\.(?![\p{L}]\.)/gu)) {
    const letters = m[0].replace(/[^\p{L}]/gu, '').toLowerCase();
    if (!NOT_INITIALS.has(letters)) {
      out.push([m.index, m.index + m[0].length]);
    }
  }
  return out;
}

/** A web address whose path names a person ("…/wanted/jacob-abdul-johnson"). */
function findUrlNames(text: string): Span[] {
  const out: Span[] = [];
  for (const url of text.matchAll(/https?:\/\/[^\s"'<>]+/giu)) {
    for (const seg of url[0].matchAll(/(?<=\/)([a-z]+(?:-[a-z]+){1,3})(?=[/?#]|$)/giu)) {
      const parts = (seg[1] ?? '').toLowerCase().split('-');
      const first = parts[0] ?? '';
      // "jacob-abdul-johnson", or a frequent surname as the second word ("vernado-jones-jr")
      if (
        (GIVEN_NAMES.has(first) && !AMBIGUOUS_GIVEN_NAMES.has(first)) ||
        COMMON_SURNAMES.has(parts[1] ?? '')
      ) {
        const start = url.index + seg.index;
        out.push([start, start + seg[0].length]);
      }
    }
  }
  return out;
}
