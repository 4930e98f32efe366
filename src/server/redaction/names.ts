/**
 * Finding personal names in free text without a list of the people involved (the
 * `case-names` and `record-names` recognizers add the names the case knows). Rules, in the order they are tried at each word: a title
 * before it ("Officer", "Ms."), a cue ("named", "my name is", a letter's sign-off), a relation
 * or role noun before it ("her son, Dylan", "the accused Ryan"), a common given name at its
 * start, two or more capitalised words with one no dictionary holds, a capitalised word no
 * dictionary holds, and lower-case words no dictionary holds after a title or in a run. Then
 * lists, initials and names in web addresses; initials, suffixes and a legal citation's
 * initials join the name they belong to; a surname found with two given names takes the family;
 * a name found once is found wherever it recurs. Measured precision and recall: docs/redaction.md.
 */
import {
  AMBIGUOUS_GIVEN_NAMES,
  COMMON_SURNAMES,
  COMMON_WORDS,
  GIVEN_NAMES,
  PLACE_NAMES,
  PUBLIC_FIGURE_WORDS,
  PUBLIC_FIGURES,
  SURNAME_WORDS,
  VEHICLE_WORDS,
  isEnglishWord,
  isEnglishWordOrPlural,
} from './lexicon.ts';
// the name rules still read Chicago's street grid directly (docs/redaction.md "Jurisdiction")
import { CHICAGO_STREETS } from '../domain/profiles/chicago-redaction.ts';

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
    // Glued text ("orHanishaBesan", "fraudbyH"): lower-case letters then a capital start a new
    // word; the lower-case head is a word of its own. ("McDonough" and "iPhone" start
    // otherwise and stay whole.)
    // A word in capitals after two lower-case letters is a slip of the shift key ("puSHPA").
    const glued = /^\p{Ll}{2}\p{Lu}{3,}$/u.test(word)
      ? null
      : /^(\p{Ll}{2,})(\p{Lu}.*)$/u.exec(word);
    if (glued?.[1] !== undefined && glued[2] !== undefined) {
      const head = glued[1];
      tokens.push({
        text: head,
        key: keyOf(head),
        start: m.index,
        end: m.index + head.length,
        shape: 'lower',
        gap: text.slice(last, m.index),
      });
      last = m.index + head.length;
      word = glued[2];
      const start = last;
      tokens.push({
        text: word,
        key: keyOf(word),
        start,
        end: start + word.length,
        shape: shapeOf(word),
        gap: '',
      });
      last = start + word.length;
      continue;
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
  'supervisor',
  'supv',
  'principal',
  'coach',
  'nurse',
  'professor',
  'prof',
  'alderman',
  'alderwoman',
  'ald',
  'senator',
  'governor',
  'mayor',
  'commissioner',
  'director',
  'warden',
  'chaplain',
  'congressman',
  'congresswoman',
  'councilman',
  'councilwoman',
  'president',
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
  'sheriff',
  'marshal',
  'corporal',
  'cpl',
  'patrolman',
  'patrolwoman',
  'inspector',
  'doctor',
  'deacon',
  'minister',
  'imam',
  'rabbi',
  'counselor',
  'teacher',
  'caseworker',
]);

/** Courtesy titles, which stand only before a name. */
const COURTESY_TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'sr',
  'sra',
  'srta',
  'senor',
  'senora',
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
  // "identified himself as MIKE", "she calls herself Nena", "he goes by Dre"
  ['himself', 'as'],
  ['herself', 'as'],
  ['calls', 'himself'],
  ['calls', 'herself'],
  ['called', 'himself'],
  ['called', 'herself'],
  ['goes', 'by'],
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
  line stop police pd dept courthouse sheriff township co ave blvd pkwy estates heights hills
  grove warnings warning`
    .split(/\s+/u)
    .filter((w) => w !== ''),
);

function isNameShape(t: Token): boolean {
  return t.shape === 'title' || t.shape === 'initial' || t.shape === 'upper';
}

function isCommon(t: Token): boolean {
  return (
    COMMON_WORDS.has(t.key) ||
    // "U-turn", "X-ray", "I-Bond": a letter and a word
    /^\p{L}-\p{L}{2,}$/u.test(t.key) ||
    // acronyms: "TRRs", "DoD"
    /^\p{Lu}{2,}s$/u.test(t.text) ||
    /^\p{Lu}\p{Ll}\p{Lu}$/u.test(t.text) ||
    TITLE_WORDS.has(t.key) ||
    VEHICLE_WORDS.has(t.key) ||
    // contractions ("Don't", "It's") are words, not names
    /['’](?:t|re|ve|ll|m|d)$/u.test(t.key) ||
    /^(?:it|that|he|she|there|what|who)['’]s$/u.test(t.key)
  );
}

/**
 * "Sun-Times", "African-Americans": a hyphenated word made of dictionary words or places, none
 * of them a name in the lists ("Garcia-Lopez" and "Mary-Kate" stay names).
 */
function isWordCompound(key: string): boolean {
  if (!key.includes('-')) {
    return false;
  }
  const parts = key.split('-');
  return parts.every((p) => {
    const letters = p.replace(/[^a-z]/gu, '');
    return (
      letters.length >= 2 &&
      !GIVEN_NAMES.has(letters) &&
      !COMMON_SURNAMES.has(letters) &&
      !SURNAME_WORDS.has(letters) &&
      (isEnglishWord(letters) ||
        PLACE_NAMES.has(letters) ||
        (letters.endsWith('s') &&
          (isEnglishWord(letters.slice(0, -1)) || PLACE_NAMES.has(letters.slice(0, -1)))))
    );
  });
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
    // "BOBBY KENNEDY Grand theft": in mixed text a name in capitals ends where a capitalised
    // word follows it ("Officer John SMITH" is the other way round and stays one name).
    if (!upperText && j > i && tokens[j - 1]?.shape === 'upper' && t.shape === 'title') {
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
    // ("Jones, I said": the pronoun, not an initial)
    ((next.shape === 'initial' && !(next.text === 'I' && after?.shape === 'lower')) ||
      (GIVEN_NAMES.has(next.key) && !isCommon(next) && endsThere))
  ) {
    j++;
  }
  return j;
}

/** Words that start a place's name: "South Carolina", "San Antonio", "St. Francis". */
const PLACE_PREFIXES =
  /^(?:north|south|east|west|new|san|santa|los|las|fort|saint|st|mount|lake|port)$/u;

/**
 * "George Floyd protests", "the statue of Christopher Columbus", "Roseland Hospital": a run
 * next to a place, event or institution word names that thing, not a person.
 */
function nearPlace(tokens: Token[], from: number, to: number): boolean {
  const after = tokens[to];
  if (
    after !== undefined &&
    joins(after.gap) &&
    (PLACE_WORDS.has(after.key) || VEHICLE_WORDS.has(after.key)) &&
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
    (VEHICLE_WORDS.has(just.key) || PLACE_PREFIXES.test(just.key))
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
    // In capitals a relation word is a noun before a verb as often as a title before a name:
    // "HER SISTER THREATEND HER" (a typo of a verb) — there only a name of the lists or a word
    // no dictionary holds, and no typo of one, follows it as a name.
    const kinVerb =
      upperText &&
      prev !== undefined &&
      KIN_TITLES.has(prev.key) &&
      !GIVEN_NAMES.has(t.key) &&
      !COMMON_SURNAMES.has(t.key) &&
      !SURNAME_WORDS.has(t.key) &&
      (isEnglishWord(t.key) || (t.key.length >= 7 && isTypoOfWord(t.key)));
    if (titled && !kinVerb && /^[ \t]+$/u.test(t.gap)) {
      // "the accused Sergeant pulled": a rank followed by a lower-case word is not a name.
      // In capitals a verb can follow the surname ("P.O. SMITH STRUCK"): one word, or two when
      // the first is a given name.
      const max = upperText ? (GIVEN_NAMES.has(t.key) ? 2 : 1) : 3;
      let end = takeName(tokens, i, max, upperText, true);
      // "Officer Rafael razor", "officer Fabian arreola": a given name, then its surname in
      // lower case (rule 21).
      if (!upperText && end === i + 1 && lowerSurnameAfterGiven(tokens, i)) {
        end++;
      }
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
      // "Mr. Towers", "Ms. Banks": after a courtesy title a capitalised word is a surname even
      // when it is a word (a rank may precede a noun: "Officer Involved"; "Mr." does not)
      if (
        end === i &&
        COURTESY_TITLES.has(prev?.key ?? '') &&
        (t.shape === 'title' || t.shape === 'upper') &&
        !COMMON_WORDS.has(t.key) &&
        !TITLE_WORDS.has(t.key) &&
        !ROLE_WORDS.has(t.key)
      ) {
        end = i + 1;
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
    // 1a. A member listed with a star number: "James Hunt star# 11442, Mina star# 18599".
    // The star number says the word before it is a member's name, even a given name alone.
    if (isNameShape(t) && t.shape !== 'initial' && !isCommon(t) && !PLACE_WORDS.has(t.key)) {
      const end = takeName(tokens, i, 3, upperText);
      if (end > i && starNumberAt(text, tokens[end])) {
        push(i, end);
        i = end - 1;
        continue;
      }
    }
    // 1c. In capitals, one of the most frequent surnames with the word before it when that
    // word is a given name or in no dictionary: "DESHAWN WILLIAMS STRUCK HIM".
    if (
      upperText &&
      t.shape === 'upper' &&
      COMMON_SURNAMES.has(t.key) &&
      !COMMON_WORDS.has(t.key) &&
      !GIVEN_NAMES.has(t.key) &&
      !nearPlace(tokens, i, i + 1)
    ) {
      const from =
        prev !== undefined &&
        joins(t.gap) &&
        prev.shape === 'upper' &&
        !spans.some(([, e]) => e === prev.end) &&
        (GIVEN_NAMES.has(prev.key) || isUnknownDescribed(prev))
          ? i - 1
          : i;
      push(from, i + 1);
      continue;
    }
    // 1b. In capitals, a surname after a description of a person: "A BLK MALE HODGES OF 002
    // DIST". The description says a person follows; a word no dictionary holds is the name
    // (typos of words included: short surnames sit one letter from words, "HODGES"/"LODGES").
    if (
      upperText &&
      prev !== undefined &&
      /^(?:male|female)$/u.test(prev.key) &&
      RACE_WORDS.has(tokens[i - 2]?.key ?? '') &&
      joins(t.gap) &&
      (isUnknownDescribed(t) || isPlainGivenName(t))
    ) {
      push(i, i + 1);
      continue;
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
    // 3d. A surname of the lists right before a verb of reporting, anywhere: "Banks stated",
    // "Price said" (a frequent surname or a surname that is also a word; the verb says a
    // person speaks).
    if (
      !upperText &&
      t.shape === 'title' &&
      (SURNAME_WORDS.has(t.key) || COMMON_SURNAMES.has(t.key)) &&
      isReportingVerb(tokens[i + 1]) &&
      joins(tokens[i + 1]?.gap ?? '') &&
      !ROLE_WORDS.has(t.key)
    ) {
      push(i, i + 1);
      continue;
    }
    // 3e. A name with its relation after it: "dropping off Biggs, his girlfriend", "Dale Roy,
    // the complainant's husband" (the appositive says a person, even of a surname that is a
    // word).
    if (!upperText && t.shape === 'title' && !isCommon(t) && !ROLE_WORDS.has(t.key)) {
      const end = takeName(tokens, i, 4, upperText);
      // one word that is a word, opening a sentence, is an adverb: "Lastly, the complainant"
      const opener =
        end - i === 1 &&
        isEnglishWord(t.key) &&
        (prev === undefined || /[.!?:;]\s*$/u.test(t.gap) || looksLikeVerbOrNoun(t));
      if (end > i && !opener && appositiveRoleAt(tokens, end) && !nearPlace(tokens, i, end)) {
        push(i, end);
        i = end - 1;
        continue;
      }
    }
    // 3. A relation or role noun: "her son, Dylan", "the accused Ryan", "Husband Dale Roy".
    if (prev !== undefined && ROLE_WORDS.has(prev.key) && gapOk && !upperText) {
      const end = takeName(tokens, i, 4, upperText);
      // one dictionary word that no name list holds is a typo or a noun: "the accused Offer
      // stated" (officer), not a name
      const plainWord =
        end - i === 1 &&
        isEnglishWord(t.key) &&
        !GIVEN_NAMES.has(t.key) &&
        !COMMON_SURNAMES.has(t.key) &&
        !SURNAME_WORDS.has(t.key);
      if (end > i && !plainWord && !(end - i === 1 && t.shape === 'upper' && t.key.length <= 3)) {
        push(i, end);
        i = end - 1;
        continue;
      }
    }
    // 3b. Written in lower case after a relation or role noun: "my son dylan", "her
    // boyfriend marcus jones" — a common given name, then a surname in lower case if any.
    if (
      prev !== undefined &&
      ROLE_WORDS.has(prev.key) &&
      gapOk &&
      !upperText &&
      t.shape === 'lower' &&
      isLowerGivenName(t)
    ) {
      const low = tokens[i + 1];
      const end = low !== undefined && joins(low.gap) && isLowerSurname(low, true) ? i + 2 : i + 1;
      push(i, end);
      i = end - 1;
      continue;
    }
    // 3c. In capitals, a word no dictionary holds after a relation or role noun: "HER
    // BOYFRIEND SWEISS", not "THE ACCUSED STRUCK".
    if (
      prev !== undefined &&
      ROLE_WORDS.has(prev.key) &&
      upperText &&
      /^[ \t]*,?[ \t]+$/u.test(t.gap) &&
      ((isUnknownDescribed(t) && !isTypoOfWord(t.key)) || isPlainGivenName(t))
    ) {
      push(i, i + 1);
      continue;
    }
    // 3f. In capitals, a word between a role noun and a verb of reporting that is no common
    // word, no adverb and no plain dictionary word: "COMPLAINANT HODGES ALLEGES" (one edit from
    // "lodges": between these two words it is the person).
    if (
      upperText &&
      prev !== undefined &&
      ROLE_WORDS.has(prev.key) &&
      /^[ \t]+$/u.test(t.gap) &&
      t.shape === 'upper' &&
      t.key.length >= 3 &&
      /^[a-z'’-]+$/u.test(t.key) &&
      !isCommon(t) &&
      !looksLikeVerbOrNoun(t) &&
      !isEnglishWord(t.key) &&
      !PLACE_NAMES.has(t.key) &&
      joins(tokens[i + 1]?.gap ?? '') &&
      REPORTING_VERBS.has(tokens[i + 1]?.key ?? '')
    ) {
      push(i, i + 1);
      continue;
    }
    // 3e. In capitals, a common given name alone before a verb of reporting: "JOHN STATED".
    if (
      upperText &&
      isPlainGivenName(t) &&
      joins(tokens[i + 1]?.gap ?? '') &&
      REPORTING_VERBS.has(tokens[i + 1]?.key ?? '')
    ) {
      push(i, i + 1);
      continue;
    }
    // 4. A common given name, then a surname: "Melissa Lopez", "JOHN SMITH".
    if (GIVEN_NAMES.has(t.key) && isNameShape(t)) {
      let end = takeName(tokens, i, 4, upperText);
      const ambiguous = AMBIGUOUS_GIVEN_NAMES.has(t.key) || COMMON_WORDS.has(t.key);
      // "Tim cook and his team": a surname written in lower case after a given name that is
      // no word; a frequent surname or a word no dictionary holds, not any word ("Tim said").
      if (!upperText && end === i + 1 && lowerSurnameAfterGiven(tokens, i)) {
        end++;
      }
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
        run.some(
          (r) =>
            r.shape !== 'initial' &&
            !isEnglishWord(r.key.replace(/[^a-z]/gu, '')) &&
            !isWordCompound(r.key),
        )
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
    // 7. Written in lower case after a title and in no dictionary: "officer bunz"; or a
    // frequent surname after a rank or courtesy title: "stopped by officer baker on".
    if (
      !upperText &&
      titled &&
      t.shape === 'lower' &&
      (isUnknownLower(t, 4, false) ||
        (prev !== undefined && !KIN_TITLES.has(prev.key) && isLowerSurname(t, false)) ||
        // rule 22: a surname that is a plain word, in a list of titled names: "judge wood and
        // against …", "judge woods judge Kendall"
        (prev !== undefined &&
          !KIN_TITLES.has(prev.key) &&
          PLAIN_SURNAME_WORDS.has(t.key) &&
          SURNAME_WORDS.has(t.key) &&
          (TITLE_WORDS.has(tokens[i + 1]?.key ?? '') || tokens[i + 1]?.key === 'and') &&
          joins(tokens[i + 1]?.gap ?? '')) ||
        // after "Mr." or "Ms." comes a surname, whatever it means as a word: "dear Mr. brown"
        (prev !== undefined &&
          /^(?:mr|mrs|ms|mx|miss)$/u.test(prev.key) &&
          t.key.length >= 2 &&
          !COMMON_WORDS.has(t.key) &&
          !TITLE_WORDS.has(t.key) &&
          !/['’]/u.test(t.key)))
    ) {
      push(i, i + 1);
      continue;
    }
    // 7a. A given name written in lower case, then a surname in lower case: "michael flynn",
    // "nancy t devlin", "susan bennett". When the given name is also a word ("joe", "mark"),
    // only a surname no dictionary holds will do.
    if (!upperText && t.shape === 'lower' && isLowerGivenName(t)) {
      let j = i + 1;
      const mid = tokens[j];
      if (
        mid !== undefined &&
        joins(mid.gap) &&
        /^[b-hj-z]$/u.test(mid.text) &&
        tokens[j + 1] !== undefined
      ) {
        j++;
      }
      const last = tokens[j];
      if (
        last !== undefined &&
        joins(last.gap) &&
        (isUnknownLower(last, 4, true) || (!isEnglishWord(t.key) && isLowerSurname(last, true)))
      ) {
        push(i, j + 1);
        i = j;
        continue;
      }
    }
    // 7b. A common given name written in lower case that is no word in any dictionary, alone:
    // "i told lisa". Spanish words that are given names too ("blanca", "dolores") stay.
    if (
      !upperText &&
      t.shape === 'lower' &&
      t.key.length >= 4 &&
      isLowerGivenName(t) &&
      !isEnglishWord(t.key) &&
      !SPANISH_WORD_NAMES.has(t.key)
    ) {
      push(i, i + 1);
      continue;
    }
    // 7c. A lower-case word no dictionary holds before a frequent surname in lower case: a given
    // name no list knows ("treasie jones").
    if (
      !upperText &&
      isUnknownLower(t, 4, true) &&
      !isTypoOfWord(t.key) &&
      tokens[i + 1] !== undefined &&
      joins(tokens[i + 1]!.gap) &&
      tokens[i + 1]!.shape === 'lower' &&
      COMMON_SURNAMES.has(tokens[i + 1]!.key)
    ) {
      push(i, i + 2);
      i++;
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
    !isEnglishWordOrPlural(letters) &&
    !COMMON_WORDS.has(letters) &&
    !PLACE_NAMES.has(letters) &&
    !CHICAGO_STREETS.has(letters) &&
    !(typos && letters.length >= 8 && isTypoOfWord(letters))
  );
}

/** Given names that are ordinary Spanish words ("camioneta blanca", "con dolores"). */
const SPANISH_WORD_NAMES = new Set(
  'blanca dolores esperanza consuelo mercedes rosario flor perla aurora rosa pilar soledad socorro paz luz estrella'.split(
    ' ',
  ),
);

/** Relation words among the titles: "sister" and "cousin" come before ordinary nouns too. */
const KIN_TITLES = new Set([
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

/** Surnames that are also ordinary words a writer uses in lower case ("white", "long"). */
const PLAIN_SURNAME_WORDS = new Set(
  `black white brown green gray grey young little long short small strong wise rich love hope may
  west north street guard fields sharp frank bush cash glass page rose stone lamb bird wood woods
  banks bell hall hill lane rivers weeks wolf fox crane summers hunter chase grant king porter`
    .split(/\s+/u)
    .filter((w) => w !== ''),
);

/**
 * A surname written in lower case: one of the most frequent US surnames, a surname that is
 * also a rarer word ("cook", "baker", "price"), or (with `unknown`) a word no dictionary holds.
 */
function isLowerSurname(t: Token, unknown: boolean): boolean {
  if (t.shape !== 'lower') {
    return false;
  }
  return (
    COMMON_SURNAMES.has(t.key) ||
    (SURNAME_WORDS.has(t.key) && !PLAIN_SURNAME_WORDS.has(t.key)) ||
    (unknown && isUnknownLower(t, 4, true))
  );
}

/** Verbs a writer puts right after a first name that no suffix shows ("Maria ran", "John hit"). */
const BARE_VERBS = new Set(
  `am are was were be been is has had have did do does go went gone ran run hit got get came come
  took take saw see told tell left leave said say drove drive gave give made make put threw throw
  kept keep let felt feel began begin brought bring bought buy caught catch fought fight sat sit
  stood stand knew know thought think found find heard hear meant met pay paid read rode ride
  sent send shot shoot spoke speak swore swear woke wore tore struck strike stole steal fell held
  hold lied lost lose can could will would shall should may might must also then never still just
  and or but not too who which that what when where while with from into onto upon about than`
    .split(/\s+/u)
    .filter((w) => w !== ''),
);

/**
 * Rule 21: a name's surname written in lower case right after its capitalised first word. After
 * any name: a frequent surname or a word no dictionary holds ("Tim cook", "officer Fabian
 * arreola"). After a common given name that is no word: also a rarer dictionary word, when it
 * is no common word, no bare verb and has no verb or plural ending ("Officer Rafael razor and",
 * "Kimberly watt working"; not "Maria ran", "John punched", "Tony says").
 */
function lowerSurnameAfterGiven(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const low = tokens[i + 1];
  if (
    t === undefined ||
    low === undefined ||
    t.shape !== 'title' ||
    low.shape !== 'lower' ||
    !joins(low.gap) ||
    AMBIGUOUS_GIVEN_NAMES.has(t.key) ||
    COMMON_WORDS.has(t.key)
  ) {
    return false;
  }
  if (isLowerSurname(low, true)) {
    return true;
  }
  return (
    GIVEN_NAMES.has(t.key) &&
    !isEnglishWord(t.key) &&
    // "Leon's direction", "at Sarah circle": a possessive or a place's name
    !/['’]s$/u.test(t.text) &&
    !/^(?:at|in|on|to|from|near)$/u.test(tokens[i - 1]?.key ?? '') &&
    /^[a-z]{3,}$/u.test(low.key) &&
    !COMMON_WORDS.has(low.key) &&
    !BARE_VERBS.has(low.key) &&
    !REPORTING_VERBS.has(low.key) &&
    !TITLE_WORDS.has(low.key) &&
    !ROLE_WORDS.has(low.key) &&
    !/(?:ed|ing|ly|s)$/u.test(low.key)
  );
}

/** Rules 1b, 3c and 3e: a common given name in capitals that is no word and no place. */
function isPlainGivenName(t: Token): boolean {
  return (
    t.shape === 'upper' &&
    GIVEN_NAMES.has(t.key) &&
    !AMBIGUOUS_GIVEN_NAMES.has(t.key) &&
    !COMMON_WORDS.has(t.key) &&
    !PLACE_NAMES.has(t.key) &&
    !CHICAGO_STREETS.has(t.key)
  );
}

/** Rule 7a: a common given name written in lower case that is no common or ambiguous word. */
function isLowerGivenName(t: Token): boolean {
  return (
    t.key.length >= 3 &&
    GIVEN_NAMES.has(t.key) &&
    !AMBIGUOUS_GIVEN_NAMES.has(t.key) &&
    !COMMON_WORDS.has(t.key) &&
    !CHICAGO_STREETS.has(t.key) &&
    !PLACE_NAMES.has(t.key)
  );
}

/** Race words of a capitals description before MALE or FEMALE ("BLK MALE", "M/WHI FEMALE"). */
const RACE_WORDS = new Set(
  'blk black bl b wht white wh whi w hisp hispanic his h asian asn arab latino latina'.split(' '),
);

/** Rule 1b: a capitals word after a description that no dictionary or list holds. */
function isUnknownDescribed(t: Token): boolean {
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
    !isEnglishWordOrPlural(letters) &&
    !PLACE_WORDS.has(letters) &&
    !PLACE_NAMES.has(letters) &&
    !CHICAGO_STREETS.has(letters) &&
    !looksLikeVerbOrNoun(t)
  );
}

/** Rule 1a: "star# 11442", "Star No. 1234", "star 5678" right after a name. */
function starNumberAt(text: string, t: Token | undefined): boolean {
  return (
    t !== undefined &&
    t.key === 'star' &&
    /^[ \t]*$/u.test(t.gap) &&
    /^[ \t]*(?:#|no\.?|num\.?|number)?[ \t]*[:#]?[ \t]*\d{3,6}(?!\d)/iu.test(
      text.slice(t.end, t.end + 20),
    )
  );
}

const REPORTING_VERBS = new Set(
  'alleges alleged alleging states stated said says reported reports claims claimed told asserts asserted indicated related'.split(
    ' ',
  ),
);

/**
 * Rule 3e: tokens[j] starts ", his girlfriend", ", the complainant's husband", ", a witness":
 * a comma, a determiner or a possessive, then a relation or role noun.
 */
function appositiveRoleAt(tokens: Token[], j: number): boolean {
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
function isReportingVerb(t: Token | undefined): boolean {
  return t !== undefined && t.shape === 'lower' && REPORTING_VERBS.has(t.key);
}

/**
 * Rule 1 in capitals: a word of five letters or more in no dictionary, no list, not shaped
 * like a verb or noun and no typo of a word ("VOULGARIS", not "STATEDD").
 */
function isUnknownCapitals(t: Token): boolean {
  return isUnlistedCapitals(t, 5) && !isTypoOfWord(t.key);
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
    // "Sun-Times", "African-Americans" (after a title, "Mrs. Sykes-Hogan" is still a name)
    isWordCompound(t.key) ||
    // "Iwant", "Ihave": the pronoun glued to the next word
    (/^I\p{Ll}{2,}$/u.test(t.text) && isEnglishWord(letters.slice(1))) ||
    PLACE_WORDS.has(t.key) ||
    PLACE_NAMES.has(t.key) ||
    CHICAGO_STREETS.has(t.key) ||
    (!COMMON_SURNAMES.has(letters) &&
      // a word, or its plural or possessive ("Officers'", "Cops"), or a typo of one
      (isEnglishWordOrPlural(letters) || (letters.length >= 7 && isTypoOfWord(letters))))
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

/** A letter or digit (a whole code point) at `text[i]`. */
function isWordCharAt(text: string, i: number): boolean {
  return (
    i >= 0 &&
    i < text.length &&
    /^[\p{L}\p{N}]$/u.test(String.fromCodePoint(text.codePointAt(i) ?? 0))
  );
}

/**
 * Where `word` stands in `text` as a whole word (no letter or digit glued on either side), left
 * to right, not overlapping: a plain search, since a compiled pattern per word and narrative
 * was most of the engine's time.
 */
function wholeWordOccurrences(text: string, word: string): Span[] {
  const spans: Span[] = [];
  let at = text.indexOf(word);
  while (at >= 0) {
    const end = at + word.length;
    // the code point before: step back over a surrogate pair
    const pair =
      at >= 2 &&
      /[\uDC00-\uDFFF]/u.test(text[at - 1] ?? '') &&
      /[\uD800-\uDBFF]/u.test(text[at - 2] ?? '');
    const before = pair ? at - 2 : at - 1;
    if (!isWordCharAt(text, before) && !isWordCharAt(text, end)) {
      spans.push([at, end]);
      at = text.indexOf(word, end);
    } else {
      at = text.indexOf(word, at + 1);
    }
  }
  return spans;
}

/** Every other occurrence of a word of a found name ("John Smith … Smith said"). */
function propagate(text: string, found: Span[]): Span[] {
  const names = new Set<string>();
  for (const [start, end] of found) {
    const words = [...text.slice(start, end).matchAll(TOKEN)];
    for (const m of words) {
      const word = m[0].replace(/\.$/u, '').replace(/['’]s$/u, '');
      const key = fold(word);
      // a surname found in lower case that is also a word ("Tim cook") recurs only with its
      // given name: "cook" alone elsewhere is the verb
      const plain = /^\p{Ll}/u.test(word) && isEnglishWord(key);
      if (word.length >= 3 && !COMMON_WORDS.has(key) && !TITLE_WORDS.has(key) && !plain) {
        names.add(word);
      }
    }
    if (
      words.length >= 2 &&
      words.some((m) => /^\p{Ll}/u.test(m[0]) && isEnglishWord(fold(m[0])))
    ) {
      names.add(text.slice(start, end));
    }
  }
  const out: Span[] = [];
  for (const word of names) {
    const variants = new Set([word, word.toUpperCase(), word[0] + word.slice(1).toLowerCase()]);
    // rule 23: a name no dictionary holds recurs in lower case too: "Schmid … schmid threatened"
    if (word.length >= 4 && !isEnglishWord(fold(word)) && !GIVEN_NAMES.has(fold(word))) {
      variants.add(word.toLowerCase());
    }
    for (const variant of variants) {
      out.push(...wholeWordOccurrences(text, variant));
    }
  }
  return out;
}

/**
 * Spans of personal names in `text`. Texts written in capitals only (older CLEAR narratives)
 * get the title and given-name rules alone: there every word is capitalised, so a run of
 * capitals says nothing.
 */
export function findPersonNames(text: string, lexicon?: NameLexicon): Span[] {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  const upperText = letters > 0 && lower / letters < 0.1;
  const tokens = tokenize(text);
  const runs = findRuns(text, tokens, upperText);
  runs.push(
    ...findPublicFigures(text, tokens, upperText),
    ...findLawsuitParties(tokens),
    ...findRankSurnames(tokens, lexicon),
    ...findNamedAfterCue(text, tokens),
  );
  if (lexicon) {
    runs.push(
      ...findLexiconNames(text, tokens, lexicon, upperText),
      ...findStarNames(text, tokens, lexicon),
      ...findRoleSurnames(tokens, lexicon, upperText),
    );
  }
  const found = dropPlaceholdersAndCorners(
    text,
    tokens,
    extendLeft(tokens, extendLists(tokens, mergeOverlaps(runs))),
  );
  found.push(...findInitials(text), ...findUrlNames(text, lexicon));
  const listed = completeNames(text, tokens, [
    ...found,
    ...findFamilies(tokens, found),
    ...findLowerFamilies(tokens, lexicon),
  ]);
  const sandwiched = [...listed, ...findSandwichedNames(tokens, listed, lexicon)];
  const whole = [...sandwiched, ...completeHalfNames(tokens, sandwiched, lexicon)];
  return mergeOverlaps([...whole, ...propagate(text, whole)]);
}

/**
 * Names the records hold, as folded lower-case words: the given names and surnames of every
 * identified department member and every investigator the jurisdiction has imported or entered
 * (a roster of thousands, with the city's own mix of names).
 */
export interface NameLexicon {
  given: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  /** star number (digits, no leading zeros) → the folded name words of the members who held it */
  byStar: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Placeholders the releases write where a name is not known: not names of anyone. */
const NOT_RECORDED_NAMES = new Set(['unknown', 'unk', 'doe', 'none', 'officer', 'nfn', 'nln']);

/** Ranks as writers misspell them, which are also surnames of the roster ("a Sargent"). */
const RANK_SPELLINGS = new Set(['sargent', 'sargeant', 'seargent', 'sergent', 'sargant']);

/**
 * A person's full name as the records hold it, without the placeholders of an unknown name
 * ("UNKNOWN UNKNOWN", "Jane Doe"), or null when fewer than two words are left.
 */
export function recordedFullName(firstName: string | null, lastName: string | null): string | null {
  const words = `${firstName ?? ''} ${lastName ?? ''}`
    .split(/\s+/u)
    .filter((w) => w !== '' && !NOT_RECORDED_NAMES.has(fold(w)));
  // one word left is no whole name to match ("POLICE" of "POLICE OFFICER", a given name alone)
  return words.length >= 2 ? words.join(' ') : null;
}

/**
 * The lexicon of a roster: each given name's and surname's words, folded to lower case,
 * without placeholders ("UNKNOWN", "Jane Doe") or single letters; and per star number the
 * words of the names of the members who held it (stars are reissued, so one star may have
 * several).
 */
export function nameLexiconOf(
  people: Iterable<{ firstName: string | null; lastName: string | null; star?: string | null }>,
): NameLexicon {
  const given = new Set<string>();
  const surnames = new Set<string>();
  const byStar = new Map<string, Set<string>>();
  const add = (to: Set<string>, name: string | null): void => {
    for (const word of fold(name ?? '').split(/[^a-z'’-]+/u)) {
      if (word.length >= 2 && !NOT_RECORDED_NAMES.has(word)) {
        to.add(word);
      }
    }
  };
  for (const p of people) {
    add(given, p.firstName);
    add(surnames, p.lastName);
    const star = starKey(p.star ?? '');
    if (star !== null) {
      const words = byStar.get(star) ?? new Set<string>();
      add(words, p.firstName);
      add(words, p.lastName);
      byStar.set(star, words);
    }
  }
  return { given, surnames, byStar };
}

/** A star number as the roster and the narratives share it: its digits, without leading zeros. */
function starKey(star: string): string | null {
  const digits = /^\s*0*(\d{1,6})(?:\.0+)?\s*$/u.exec(star)?.[1];
  return digits === undefined || digits === '0' ? null : digits;
}

// A number a narrative may give as a star: three digits or more ("1 Police officers" counts),
// not part of a date, a time, money or a longer code.
const STAR_NUMBER = /(?<![\p{L}\p{N}/:.$,-])#?(\d{3,6})(?![\p{N}/:]|\.\d|,\d)/gu;

/**
 * Rule 30: a star number names its holder. A word within the three before it or the two after it,
 * in the same sentence, is a name when the roster holds it as a name of a member who held that
 * star — in any letter case, even when it is a word (`officer hunt badge number #15880`, `Young
 * 1158`, `OFFICE RIDGE #7538`).
 */
function findStarNames(text: string, tokens: Token[], lexicon: NameLexicon): Span[] {
  const spans: Span[] = [];
  if (lexicon.byStar.size === 0) {
    return spans;
  }
  let first = 0;
  for (const m of text.matchAll(STAR_NUMBER)) {
    const names = lexicon.byStar.get(starKey(m[1] ?? '') ?? '');
    if (names === undefined) {
      continue;
    }
    const at = m.index;
    const end = at + m[0].length;
    while (first < tokens.length && tokens[first]!.end <= at - 80) {
      first++;
    }
    // the tokens of the number's neighbourhood, found by walking on from the last one
    let next = first;
    while (next < tokens.length && tokens[next]!.start < end) {
      next++;
    }
    const before = tokens.slice(Math.max(first, next - 3), next).filter((t) => t.end <= at);
    const after = tokens.slice(next, next + 2);
    const near = [
      ...before.filter((t) => !/[.!?\n]/u.test(text.slice(t.end, at).replace(/\b\p{L}\.$/u, ''))),
      ...after.filter((t) => !/[.!?\n]/u.test(text.slice(end, t.start))),
    ];
    for (const t of near) {
      // a roster row's name fields hold what was typed ("CHIEF OF POLICE", "BADGE")
      const junk = TITLE_WORDS.has(t.key) || (COMMON_WORDS.has(t.key) && !SURNAME_WORDS.has(t.key));
      if (names.has(t.key) && !junk) {
        spans.push([t.start, t.end]);
      }
    }
  }
  return spans;
}

/**
 * Rule 24: a word of the records' names that no dictionary holds is a name in any letter case
 * ("dunn", "mcgillicuddy", "KOLONOVIC"): what a roster knows, free text cannot hide by writing
 * it in lower case. A surname of the records that is also a word ("hall") counts only right
 * after a given name of the records ("jeannie hall").
 */
function findLexiconNames(
  text: string,
  tokens: Token[],
  lexicon: NameLexicon,
  upperText: boolean,
): Span[] {
  const spans: Span[] = [];
  const known = (key: string): boolean => lexicon.surnames.has(key) || lexicon.given.has(key);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!known(t.key) || !isRecordedName(text, t) || inPlaceName(tokens, i, upperText)) {
      continue;
    }
    const prev = tokens[i - 1];
    // a given name no list knows before the surname: "TYESHHA WEATHERSBY", "RONSHONIA GRIFFIN"
    const from = unlistedGivenName(text, tokens, i) ? prev!.start : t.start;
    if (!isEnglishWord(t.key) && !isCommon(t)) {
      spans.push([from, t.end]);
      continue;
    }
    const given = isInitial(prev, true) && joins(prev.gap) ? tokens[i - 2] : prev;
    if (from < t.start && lexicon.surnames.has(t.key) && !COMMON_WORDS.has(t.key)) {
      spans.push([from, t.end]);
      continue;
    }
    if (
      given !== undefined &&
      lexicon.given.has(given.key) &&
      lexicon.surnames.has(t.key) &&
      !COMMON_WORDS.has(t.key) &&
      !COMMON_WORDS.has(given.key) &&
      joins(t.gap) &&
      (isNameShape(given) || !isEnglishWord(given.key))
    ) {
      spans.push([given.start, t.end]);
    }
  }
  return spans;
}

/**
 * The word before tokens[i] is a given name no list knows: written like the surname after it
 * (both capitalised, or both in capitals), four letters or more, in no dictionary and no typo of
 * a word, no place, title or role.
 */
function unlistedGivenName(text: string, tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const p = tokens[i - 1];
  return (
    p !== undefined &&
    joins(t.gap) &&
    p.shape === t.shape &&
    (p.shape === 'title' || p.shape === 'upper') &&
    p.key.length >= 4 &&
    !isEnglishWord(p.key) &&
    !isCommon(p) &&
    !isTypoOfWord(p.key) &&
    isRecordedName(text, p)
  );
}

/**
 * Rule 29: in a list of names run together, a word between two found names is one too when it
 * looks like a name — no dictionary holds it, or it is a given name or surname of the lists or
 * the records (`Melissa shunda Laura`, `Jerrod meka Tasha`); not a common word (`Maria and
 * Jose`, `Officer Diaz told Smith`).
 */
function findSandwichedNames(
  tokens: Token[],
  found: Span[],
  lexicon: NameLexicon | undefined,
): Span[] {
  const ends = new Set(found.map(([, end]) => end));
  const starts = new Set(found.map(([start]) => start));
  const out: Span[] = [];
  for (let k = 1; k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    const prev = tokens[k - 1]!;
    const next = tokens[k + 1]!;
    if (
      !ends.has(prev.end) ||
      !starts.has(next.start) ||
      starts.has(t.start) ||
      !/^[ \t]{1,2}$/u.test(t.gap) ||
      !/^[ \t]{1,2}$/u.test(next.gap) ||
      (t.shape !== 'lower' && t.shape !== 'title') ||
      !/^[a-z]{4,}$/u.test(t.key) ||
      isCommon(t) ||
      ROLE_WORDS.has(t.key) ||
      PLACE_WORDS.has(t.key) ||
      PLACE_NAMES.has(t.key) ||
      REPORTING_VERBS.has(t.key)
    ) {
      continue;
    }
    if (
      !isEnglishWord(t.key) ||
      GIVEN_NAMES.has(t.key) ||
      lexicon?.given.has(t.key) === true ||
      lexicon?.surnames.has(t.key) === true
    ) {
      out.push([t.start, t.end]);
    }
  }
  return out;
}

/** A common word, verb, title, role or place: what a cue or a rank may stand before besides a name. */
function isPlainWord(t: Token): boolean {
  return (
    COMMON_WORDS.has(t.key) ||
    BARE_VERBS.has(t.key) ||
    REPORTING_VERBS.has(t.key) ||
    TITLE_WORDS.has(t.key) ||
    ROLE_WORDS.has(t.key) ||
    PLACE_NAMES.has(t.key)
  );
}

/** Ranks and courtesy titles a surname follows ("officer woods", "sgt. hill", "mr hall"). */
const RANKS = new Set(
  `officer ofc po p.o sgt sergeant lt lieutenant det detective capt captain cmdr commander
  investigator inv agent trooper mr mrs ms`
    .split(/\s+/u)
    .filter((w) => w !== ''),
);

/**
 * Rule 31: after a rank or a courtesy title (and an initial), a lower-case word that the lists
 * hold as a surname is the surname, even when it is a word (`officer woods`, `officer j woods`,
 * `Sgt. hill`) — not a common word, verb, role or place (`officer said`, `officer will`, `officer
 * black`), nor a word with a verb's or adverb's ending. The roster's surnames are not enough
 * here: it holds `Holler`, `Square` and `Enter` too. With an initial between them, any such word
 * is the surname (`officer K. popp`), and so is a roster surname no dictionary holds (`Officer
 * robles`).
 */
function findRankSurnames(tokens: Token[], lexicon: NameLexicon | undefined): Span[] {
  const spans: Span[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const initial = isInitial(tokens[i - 1], true) ? tokens[i - 1] : undefined;
    const rank = tokens[initial === undefined ? i - 1 : i - 2];
    if (
      rank === undefined ||
      !RANKS.has(rank.key) ||
      // "this officer's record": a possessive rank is followed by a thing
      /['’]s$/u.test(rank.text) ||
      t.shape !== 'lower' ||
      !joins(t.gap) ||
      (initial !== undefined && !joins(initial.gap)) ||
      !/^[a-z]{3,}$/u.test(t.key) ||
      // after a rank and an initial ("officer K. popp") any such word is the surname; so is one
      // the roster holds as a surname that no dictionary holds ("Officer robles")
      (initial === undefined &&
        !(SURNAME_WORDS.has(t.key) || COMMON_SURNAMES.has(t.key)) &&
        !(lexicon?.surnames.has(t.key) === true && !isEnglishWord(t.key))) ||
      isPlainWord(t) ||
      /(?:ed|ing|ly)$/u.test(t.key)
    ) {
      continue;
    }
    spans.push([(initial ?? t).start, t.end]);
  }
  return spans;
}

/**
 * Rule 35: after a role noun (`Complainant`, `Subject`, `Witness`, `Victim`, …), a word the roster
 * holds as a surname is the person's surname even when it is a dictionary word (`Complainant
 * Joiner alleges`, `Subject White`): capitalised in mixed text and no common, place or vehicle
 * word; in capitals, or when it is a common word, only right before a verb of reporting
 * (`COMPLAINANT JONES STATED`).
 */
function findRoleSurnames(tokens: Token[], lexicon: NameLexicon, upperText: boolean): Span[] {
  const spans: Span[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const role = tokens[i - 1]!;
    const t = tokens[i]!;
    if (
      !ROLE_WORDS.has(role.key) ||
      /['’]s$/u.test(role.text) ||
      !/^[ \t]+$/u.test(t.gap) ||
      !lexicon.surnames.has(t.key) ||
      !/^[a-z'’-]{3,}$/u.test(t.key) ||
      t.shape !== (upperText ? 'upper' : 'title') ||
      ROLE_WORDS.has(t.key) ||
      TITLE_WORDS.has(t.key)
    ) {
      continue;
    }
    const next = tokens[i + 1];
    const reported = next !== undefined && joins(next.gap) && REPORTING_VERBS.has(next.key);
    const plain = isPlainWord(t) || PLACE_WORDS.has(t.key) || VEHICLE_WORDS.has(t.key);
    if (reported || (!upperText && !plain)) {
      spans.push([t.start, t.end]);
    }
  }
  return spans;
}

/** Phrases after which a writer gives a name, nickname or alias ("a guy named", "known as"). */
const NAMING_CUES: ReadonlyArray<readonly string[]> = [
  ['named'],
  ['nicknamed'],
  ['name', 'is'],
  ['name', 'was'],
  ['known', 'as'],
  ['goes', 'by'],
  ['calls', 'himself'],
  ['calls', 'herself'],
  ['called', 'himself'],
  ['called', 'herself'],
  ['aka'],
  ['alias'],
];

/**
 * Rule 32: the word a writer gives as someone's name, after `named`, `name is`, `known as`,
 * `goes by`, `calls himself`, `aka` — in any letter case, a nickname too (`a guy named alpesh`,
 * `her name is bookie`), and a quoted one whole (`named "Lord T"`); not a common word, article or
 * verb (`named in the suit`, `name is unknown`, `known as a gang member`).
 */
function findNamedAfterCue(text: string, tokens: Token[]): Span[] {
  const spans: Span[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (
      !NAMING_CUES.some((cue) => precededBy(tokens, i, cue)) ||
      !/^[\s"'“‘:]+$/u.test(t.gap) ||
      !/^[a-z'’-]{2,}$/u.test(t.key) ||
      isPlainWord(t) ||
      // "his name was checked": a verb's ending on a word, not a name
      (/(?:ed|ing)$/u.test(t.key) && isEnglishWord(t.key))
    ) {
      continue;
    }
    let end = t.end;
    // a quoted name is taken whole, up to its closing quote within 40 characters
    if (/["“]/u.test(t.gap)) {
      const close = /^[^"”\n]{0,40}?["”]/u.exec(text.slice(t.start));
      if (close !== null) {
        const quoteAt = t.start + close[0].length - 1;
        end = Math.max(
          end,
          ...tokens.filter((w) => w.start > t.start && w.end <= quoteAt).map((w) => w.end),
        );
      }
    }
    spans.push([t.start, end]);
  }
  return spans;
}

/**
 * Rule 33: a name found by one word takes its other half when the word beside it is that half by
 * the lists or the records: a given name found alone takes a surname after it, even a word
 * (`priscilla sam`, `Devon Bridge`), and a surname found alone takes a given name before it, even
 * one that is a word when it is capitalised inside a sentence (`tell him Will ayers`, `AIDE PINKY
 * COLEMAN`). A half-redacted name is no redaction: the other half and the context give it back.
 */
function completeHalfNames(
  tokens: Token[],
  found: Span[],
  lexicon: NameLexicon | undefined,
): Span[] {
  const at = new Map(tokens.map((t, i) => [t.start, i]));
  const covered = (t: Token): boolean => found.some(([s, e]) => s < t.end && t.start < e);
  const isGiven = (key: string): boolean =>
    GIVEN_NAMES.has(key) || lexicon?.given.has(key) === true;
  const isSurname = (key: string): boolean =>
    SURNAME_WORDS.has(key) || COMMON_SURNAMES.has(key) || lexicon?.surnames.has(key) === true;
  const nameLike = (t: Token): boolean =>
    /^[a-z'’-]{2,}$/u.test(t.key) &&
    !TITLE_WORDS.has(t.key) &&
    !ROLE_WORDS.has(t.key) &&
    !PLACE_WORDS.has(t.key) &&
    !/(?:ed|ing|ly)$/u.test(t.key);
  const word = (t: Token): boolean =>
    COMMON_WORDS.has(t.key) || BARE_VERBS.has(t.key) || REPORTING_VERBS.has(t.key);
  const sameCase = (a: Token, b: Token): boolean =>
    a.shape === b.shape || (a.shape === 'title' && b.shape === 'lower');
  const out: Span[] = [];
  for (const [start, end] of found) {
    const i = at.get(start);
    const t = i === undefined ? undefined : tokens[i];
    if (i === undefined || t === undefined || t.end !== end) {
      continue; // only a name found as one word
    }
    const next = tokens[i + 1];
    if (
      next !== undefined &&
      /^ $/u.test(next.gap) &&
      isGiven(t.key) &&
      !covered(next) &&
      nameLike(next) &&
      !word(next) &&
      isSurname(next.key) &&
      sameCase(t, next) &&
      // "Jim rock island cop": the word begins a place's name
      !PLACE_WORDS.has(tokens[i + 2]?.key ?? '')
    ) {
      out.push([start, next.end]);
    }
    const prev = tokens[i - 1];
    if (
      prev !== undefined &&
      /^ $/u.test(t.gap) &&
      isSurname(t.key) &&
      !covered(prev) &&
      nameLike(prev) &&
      isGiven(prev.key) &&
      sameCase(prev, t) &&
      // a given name that is also a word ("will", "mark") only capitalised inside a sentence
      (!word(prev) || (prev.shape === 'title' && i >= 2 && !/[.!?]/u.test(prev.gap)))
    ) {
      out.push([prev.start, end]);
    }
  }
  return out;
}

/**
 * Rule 26: a public figure by surname (`PUBLIC_FIGURES`): in any letter case when no dictionary
 * holds it (`pritzker`, `Durbin`), capitalised when it is a word (`Trump`, not `trump card`) —
 * unless it names a place or event (`Daley Center`, `Dart Foundation`).
 */
function findPublicFigures(text: string, tokens: Token[], upperText: boolean): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!PUBLIC_FIGURES.has(t.key) || inPlaceName(tokens, i, upperText)) {
      continue;
    }
    if (PUBLIC_FIGURE_WORDS.has(t.key) && (t.shape !== 'title' || upperText)) {
      continue;
    }
    if (isRecordedName(text, t) || PUBLIC_FIGURE_WORDS.has(t.key)) {
      spans.push([t.start, t.end]);
    }
  }
  return spans;
}

/**
 * Rule 27: the parties of a lawsuit's title: the capitalised word before and after `versus`,
 * `vs.` or `v.` (`McGowan versus Brucher`, `Cox v. Prince`), unless it is an institution
 * (`People v. Smith` keeps `People`; `City of Chicago v. …`).
 */
function findLawsuitParties(tokens: Token[]): Span[] {
  const spans: Span[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    const v = tokens[i]!;
    // lower case: "Article V. Rules" is a numeral, "J. V. Smith" an initial
    if (!/^(?:versus|vs\.?|v\.)$/u.test(v.text) && !/^(?:VERSUS|VS\.?)$/u.test(v.text)) {
      continue;
    }
    for (const t of [tokens[i - 1]!, tokens[i + 1]!]) {
      if (
        t.shape === 'title' &&
        t.key.length >= 3 &&
        !isCommon(t) &&
        !PLACE_WORDS.has(t.key) &&
        !PLACE_NAMES.has(t.key) &&
        !CHICAGO_STREETS.has(t.key) &&
        !LAWSUIT_INSTITUTIONS.has(t.key)
      ) {
        spans.push([t.start, t.end]);
      }
    }
  }
  return spans;
}

/** Who a lawsuit names that is no person: "People v. …", "City of Chicago v. …". */
const LAWSUIT_INSTITUTIONS = new Set(
  'people city state county united states board village town government commonwealth republic'.split(
    ' ',
  ),
);

/**
 * Rule 28: a family in a list written in lower case: a word after three different given names
 * (or words no dictionary holds) is their surname (`izora rice Jamie rice Shannon rice`), even
 * when it is a word, and so is each of those pairs; the surname before `family` too.
 */
function findLowerFamilies(tokens: Token[], lexicon: NameLexicon | undefined): Span[] {
  // a surname of the lists or the records, or a word no dictionary holds: not "bribery"
  const knownSurname = (key: string): boolean =>
    COMMON_SURNAMES.has(key) ||
    SURNAME_WORDS.has(key) ||
    lexicon?.surnames.has(key) === true ||
    !isEnglishWord(key);
  const given = (t: Token | undefined): t is Token =>
    t !== undefined &&
    /^[a-z]{3,}$/u.test(t.key) &&
    !isCommon(t) &&
    !ROLE_WORDS.has(t.key) &&
    !PLACE_WORDS.has(t.key) &&
    !PLACE_NAMES.has(t.key) &&
    (GIVEN_NAMES.has(t.key) || lexicon?.given.has(t.key) === true || !isEnglishWord(t.key));
  const surnameWord = (t: Token | undefined): t is Token =>
    t !== undefined &&
    /^[a-z]{3,}$/u.test(t.key) &&
    !COMMON_WORDS.has(t.key) &&
    !ROLE_WORDS.has(t.key) &&
    !PLACE_WORDS.has(t.key) &&
    !TITLE_WORDS.has(t.key);
  const firsts = new Map<string, Set<string>>();
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    const p = tokens[k - 1];
    if (surnameWord(t) && knownSurname(t.key) && joins(t.gap) && given(p) && p.key !== t.key) {
      firsts.set(t.key, (firsts.get(t.key) ?? new Set()).add(p.key));
    }
  }
  const surnames = new Set([...firsts].filter(([, keys]) => keys.size >= 3).map(([key]) => key));
  const out: Span[] = [];
  if (surnames.size === 0) {
    return out;
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!surnames.has(t.key)) {
      continue;
    }
    const p = tokens[k - 1];
    if (given(p) && joins(t.gap)) {
      out.push([p.start, t.end]);
    } else if (/^famil(?:y|ies)$/u.test(tokens[k + 1]?.key ?? '')) {
      out.push([t.start, t.end]);
    }
  }
  return out;
}

/**
 * The run of capitalised words around token `i` names a place, event or institution ("George
 * Floyd protests", "St. Anthony Hospital"); in capitals-only text the word's neighbours decide.
 */
function inPlaceName(tokens: Token[], i: number, upperText: boolean): boolean {
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
function isRecordedName(text: string, t: Token): boolean {
  const letters = t.key.replace(/[^a-z]/gu, '');
  if (
    letters.length < 4 ||
    letters !== t.key ||
    (letters.endsWith('s') && isEnglishWord(letters.slice(0, -1))) ||
    PLACE_WORDS.has(letters) ||
    PLACE_NAMES.has(letters) ||
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
function isInitial(t: Token | undefined, lower: boolean): t is Token {
  return (
    t !== undefined &&
    /^\p{L}\.?$/u.test(t.text) &&
    (t.shape === 'initial' || (lower && t.shape === 'lower')) &&
    !/^[aiI]$/u.test(t.text)
  );
}

/** Name suffixes: "Jr.", "SR", "III" (the Roman numerals in capitals only). */
function isSuffix(t: Token | undefined): boolean {
  return (
    t !== undefined &&
    (/^(?:jr|sr)$/u.test(t.key) || (t.shape === 'upper' && /^(?:ii|iii|iv)$/u.test(t.key)))
  );
}

/**
 * Rule 19: a found name takes the initials and suffixes written with it. Middle initials
 * between it and a capitalised word that is no common word ("Leroy K. Martin", "Anjana M.J.
 * Hansen", "Shirley A Green", "John f Kennedy"); a suffix after it ("Martin Jr.", "Rodriquez
 * JR"); a legal citation's initials after a comma or another initial, before a number or the
 * end of the clause ("Rodriquez JR, R L 12157", "Piedrasanta, J A 12884"); initials with periods
 * right before it ("(A. Osborne)", not "P.O. Smith").
 */
function completeNames(text: string, tokens: Token[], found: Span[]): Span[] {
  const byEnd = new Map(tokens.map((t, k) => [t.end, k]));
  const byStart = new Map(tokens.map((t, k) => [t.start, k]));
  const initialGap = (gap: string): boolean => /^[ \t]{0,2}$/u.test(gap);
  const starts = new Set(found.map(([start]) => start));
  return found.map(([start, end]): Span => {
    let k = byEnd.get(end) ?? byEnd.get(end + 1);
    let last = end;
    if (k !== undefined) {
      // middle initials, then a capitalised word
      let j = k + 1;
      while (j - k <= 3 && isInitial(tokens[j], true) && initialGap(tokens[j]?.gap ?? '')) {
        j++;
      }
      const word = tokens[j];
      if (
        j > k + 1 &&
        word !== undefined &&
        joins(word.gap.replace(/^$/u, ' ')) &&
        (word.shape === 'title' || word.shape === 'upper') &&
        word.key.length >= 2 &&
        // a word that starts another found name is its surname: "Shirley A Green Teonna"
        (!isCommon(word) ||
          SURNAME_WORDS.has(word.key) ||
          COMMON_SURNAMES.has(word.key) ||
          starts.has(word.start)) &&
        !PLACE_WORDS.has(word.key) &&
        !nearPlace(tokens, j, j + 1)
      ) {
        k = j;
        last = word.end;
      }
      // a suffix
      const suffix = tokens[k + 1];
      if (isSuffix(suffix) && /^,?[ \t]{1,2}$/u.test(suffix?.gap ?? '')) {
        k += 1;
        last = suffix?.end ?? last;
        if (text[last] === '.') {
          last++;
        }
      }
    }
    // a citation's initials: after a comma, or after an initial that ends the name
    const endsInitial = /(?:^|[^\p{L}])\p{Lu}\.?$/u.test(text.slice(start, last));
    const cite =
      /^(,[ \t]{0,2}|[ \t]{1,2})(?!I\b)(\p{Lu}\.?(?:(?:[ \t]|(?<=\.))\p{Lu}\.?){0,2})(?=[ \t]*(?:\d|[,;:)\]]|\.?[ \t]*$|\.?[ \t]*\n))/mu.exec(
        text.slice(last, last + 16),
      );
    if (
      cite?.[1] !== undefined &&
      cite[2] !== undefined &&
      // after a comma, an initial, or a name written surname first ("SMITH, JOHN A.")
      (cite[1].startsWith(',') || endsInitial || text.slice(start, last).includes(','))
    ) {
      last += cite[1].length + cite[2].length;
    }
    // initials with periods right before
    let first = start;
    const lead = /(?<![\p{L}\p{N}.])((?:\p{Lu}\.[ \t]?){1,2})[ \t]?$/u.exec(
      text.slice(Math.max(0, start - 8), start),
    );
    const head = byStart.get(start);
    if (
      lead?.[1] !== undefined &&
      head !== undefined &&
      tokens[head]?.shape !== 'lower' &&
      !NOT_INITIALS.has(lead[1].replace(/[^\p{L}]/gu, '').toLowerCase()) &&
      // "2614 N. Clybourn", "at W. Jackson": a direction before a street
      !/^[NSEW]\.$/u.test(lead[1].trim())
    ) {
      first = start - lead[0].length;
    }
    return [first, last];
  });
}

/**
 * The source's own placeholders ("just a John Doe") are no one's name; a street corner ("at
 * Devon and Western", "near Western and Devon") is a place even when a street is also a given
 * name: a one-word find joined by "and" or "&" to a Chicago street, with both words streets or
 * the pair right after a place word, is dropped.
 */
function dropPlaceholdersAndCorners(text: string, tokens: Token[], found: Span[]): Span[] {
  const index = new Map(tokens.map((t, k) => [t.start, k]));
  // a Chicago street, or an ordinal one ("63rd": the word token is "rd" after digits)
  const street = (t: Token | undefined): boolean =>
    t !== undefined &&
    (CHICAGO_STREETS.has(t.key) ||
      (/^(?:st|nd|rd|th)$/u.test(t.key) && /\d$/u.test(text.slice(0, t.start))));
  // word indexes of street corners: "X and Y" or "X & Y" with a Chicago street on one side and
  // a street on the other or a place word before ("at Devon and Western")
  const corners = new Set<number>();
  for (let k = 0; k + 1 < tokens.length; k++) {
    const x = tokens[k];
    const near = tokens[k + 1];
    if (x === undefined || near === undefined) {
      continue;
    }
    let m = -1;
    if (/^\s*&\s*$/u.test(text.slice(x.end, near.start))) {
      m = k + 1;
    } else if (
      near.key === 'and' &&
      /^\s+$/u.test(near.gap) &&
      /^\s+$/u.test(tokens[k + 2]?.gap ?? '')
    ) {
      m = k + 2;
    }
    const y = tokens[m];
    if (y === undefined || !(street(x) || street(y))) {
      continue;
    }
    const lead = tokens[k - 1]?.key ?? '';
    if (TITLE_WORDS.has(lead)) {
      continue;
    }
    if (
      (street(x) && street(y)) ||
      /^(?:at|near|on|of|by|between|off|around|to|from|reached)$/u.test(lead)
    ) {
      corners.add(k);
      corners.add(m);
    }
  }
  return found.filter(([start, end]) => {
    const words = text.slice(start, end);
    const k = index.get(start);
    // "just a John Doe", "like a Jane Doe": the writer's placeholder; "Officer Jane Doe #12"
    // is someone's name
    if (
      /^(?:john|jane|baby|richard|joan)\s+doe$/iu.test(words) &&
      k !== undefined &&
      /^(?:a|an|as|like|unknown)$/u.test(tokens[k - 1]?.key ?? '')
    ) {
      return false;
    }
    return k === undefined || tokens[k]?.end !== end || !corners.has(k);
  });
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
    if (
      (isUnknownLower(before, 4, true) && !(before.key.length < 8 && isTypoOfWord(before.key))) ||
      // a common given name in lower case before a found surname: "john Cusack"
      (before.shape === 'lower' && isLowerGivenName(before))
    ) {
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
    // "officers Malcom Brooks and J price": an initial and a surname in lower case
    const low = tokens[k + 1];
    if (
      next !== undefined &&
      next.shape === 'initial' &&
      low !== undefined &&
      joins(low.gap) &&
      /^(?:\s*,\s*|\s+and\s+|\s*&\s*|,\s*and\s+)$/u.test(gap) &&
      isLowerSurname(low, true)
    ) {
      out.push([next.start, low.end]);
      ends.add(low.end);
      starts.add(next.start);
      continue;
    }
    if (
      next === undefined ||
      !/^(?:\s*,\s*|\s+and\s+|\s*&\s*|,\s*and\s+)$/u.test(gap) ||
      // a list keeps its letter case, but a careless writer may drop a capital:
      // "Durbin,Quigley,duckworth"
      (next.shape !== prev.shape && !(next.shape === 'lower' && prev.shape === 'title')) ||
      // in lower case a listed word must look like a name: "officer baker and slams my face"
      (next.shape === 'lower' && !isLowerSurname(next, true) && !isLowerGivenName(next)) ||
      // "Det.s Rivera and Cook": a surname that is also a common word, unless a place word
      // follows ("Cook County")
      (isCommon(next) &&
        !(
          (SURNAME_WORDS.has(next.key) || COMMON_SURNAMES.has(next.key)) &&
          !PLACE_WORDS.has(tokens[k + 1]?.key ?? '')
        )) ||
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
  // a lower-case letter may be glued before them ("fraudbyH.B.")
  for (const m of text.matchAll(/(?<![\p{Lu}\p{N}.])(?:\p{Lu}\.\s?){1,2}\p{Lu}\.(?![\p{L}]\.)/gu)) {
    const letters = m[0].replace(/[^\p{L}]/gu, '').toLowerCase();
    if (!NOT_INITIALS.has(letters)) {
      out.push([m.index, m.index + m[0].length]);
    }
  }
  return out;
}

// Social networks whose first path segment is a person's own handle ("facebook.com/jane.doe.94")
const PROFILE_HOSTS =
  /^(?:[a-z]+\.)?(?:facebook|fb|twitter|x|instagram|tiktok|linkedin|youtube|snapchat|threads)\.com$/iu;
// Path segments of those networks that are pages of the site, not handles
const SITE_SEGMENTS = new Set(
  `p posts post groups group pages page watch status share sharer photo photos story.php
  permalink.php profile.php events hashtag search login home reel reels video videos in channel
  user c explore stories intent i messages marketplace gaming live tv`
    .split(/\s+/u)
    .filter((w) => w !== ''),
);

/**
 * A web address that names a person: a path segment of words joined by hyphens of which one is
 * a given name or a surname of the lists or the records ("…/wanted/jacob-abdul-johnson",
 * "…/kidnap/cayce-lynn-mcdaniel"), and (rule 34) the handle of a social-network profile
 * ("facebook.com/dallas.walker.94", "twitter.com/jkimpictures"): a handle is chosen by its
 * holder and usually carries their name; one that does not is hidden all the same.
 */
function findUrlNames(text: string, lexicon: NameLexicon | undefined): Span[] {
  const out: Span[] = [];
  const isGiven = (w: string): boolean =>
    (GIVEN_NAMES.has(w) && !AMBIGUOUS_GIVEN_NAMES.has(w)) ||
    (lexicon?.given.has(w) === true && !isEnglishWord(w));
  const isSurname = (w: string): boolean =>
    COMMON_SURNAMES.has(w) || (lexicon?.surnames.has(w) === true && !isEnglishWord(w));
  for (const url of text.matchAll(/https?:\/\/[^\s"'<>]+/giu)) {
    for (const seg of url[0].matchAll(/(?<=\/)([a-z]+(?:-[a-z]+){1,3})(?=[/?#]|$)/giu)) {
      const parts = (seg[1] ?? '').toLowerCase().split('-');
      // "jacob-abdul-johnson", or a frequent surname after the first word ("vernado-jones-jr")
      if (isGiven(parts[0] ?? '') || parts.slice(1).some(isSurname)) {
        const start = url.index + seg.index;
        out.push([start, start + seg[0].length]);
      }
    }
    const profile = /^https?:\/\/([^/?#]+)\/(?:in\/)?@?([\p{L}\p{N}._-]{3,})/iu.exec(url[0]);
    const handle = profile?.[2] ?? '';
    if (
      profile !== null &&
      PROFILE_HOSTS.test(profile[1] ?? '') &&
      !SITE_SEGMENTS.has(handle.toLowerCase()) &&
      /\p{L}{2}/u.test(handle)
    ) {
      const start = url.index + profile[0].length - handle.length;
      out.push([start, start + handle.length]);
    }
  }
  return out;
}

/**
 * Rule 20: a family sharing a surname ("MAHESH THAKKAR AND KRISHNA THAKKAR", "Pushpa Thakkar").
 * The last word of a found name of two words or more, or a capitalised word in no dictionary
 * written after two different first words, is a surname: each first word before it that is a
 * common given name or a word in no dictionary (in any letter case: "puSHPA THAKKAR") is a name
 * with it.
 */
function findFamilies(tokens: Token[], found: Span[]): Span[] {
  const starts = new Map(tokens.map((t, k) => [t.start, k]));
  const byEnd = new Map(tokens.map((t, k) => [t.end, k]));
  const firstWord = (t: Token | undefined): t is Token =>
    t !== undefined &&
    /^[a-z]{3,}$/u.test(t.key) &&
    !/['’]/u.test(t.text) &&
    !isCommon(t) &&
    !ROLE_WORDS.has(t.key) &&
    !PLACE_WORDS.has(t.key) &&
    !PLACE_NAMES.has(t.key) &&
    !CHICAGO_STREETS.has(t.key) &&
    ((GIVEN_NAMES.has(t.key) && !AMBIGUOUS_GIVEN_NAMES.has(t.key)) || !isEnglishWord(t.key));
  const surnameShape = (t: Token | undefined): t is Token =>
    t !== undefined &&
    // "Thakkar" or "THAKKAR", not an acronym ("DoD", "NSA")
    /^\p{Lu}(?:\p{Ll}{3,}|\p{Lu}{4,})$/u.test(t.text.replace(/['’]s$/u, '')) &&
    !isCommon(t) &&
    !PLACE_WORDS.has(t.key) &&
    !PLACE_NAMES.has(t.key) &&
    !CHICAGO_STREETS.has(t.key) &&
    !GIVEN_NAMES.has(t.key);
  const surnames = new Set<string>();
  for (const [start, end] of found) {
    const a = starts.get(start);
    const b = byEnd.get(end);
    if (a !== undefined && b !== undefined && b > a && surnameShape(tokens[b])) {
      surnames.add(tokens[b]?.key ?? '');
    }
  }
  const before = new Map<string, Set<string>>();
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k];
    const p = tokens[k - 1];
    if (surnameShape(t) && !isEnglishWord(t.key) && joins(t.gap) && firstWord(p)) {
      const keys = before.get(t.key) ?? new Set<string>();
      keys.add(p.key);
      before.set(t.key, keys);
    }
  }
  for (const [key, keys] of before) {
    if (keys.size >= 2) {
      surnames.add(key);
    }
  }
  const out: Span[] = [];
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k];
    const p = tokens[k - 1];
    if (t === undefined || !surnames.has(t.key) || !joins(t.gap.replace(/^$/u, ' '))) {
      continue;
    }
    if (firstWord(p) && joins(t.gap)) {
      out.push([p.start, t.end]);
    }
    // "PUSHPA M. THAKKAR": with a middle initial
    const given = tokens[k - 2];
    if (isInitial(p, false) && firstWord(given) && joins(p.gap)) {
      out.push([given.start, t.end]);
    }
  }
  return out;
}

/**
 * Overlapping finds are one name ("Shirley A Green" and "Green Teonna T Green"): joined, so
 * that resolve.ts, which keeps one of two overlapping spans, loses no part of either.
 */
function mergeOverlaps(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Span[] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && start < last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      out.push([start, end]);
    }
  }
  return out;
}
