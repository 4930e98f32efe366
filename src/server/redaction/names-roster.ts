/**
 * Names the roster vouches for (names.ts): the lexicon built from the records' members and
 * investigators, and the rules that use it — a star number after a name, a roster surname after
 * a rank or role, a lower-case family name.
 */
import * as lists from './lexicon.ts';
import { isTypoOfWord } from './names-lower.ts';
import {
  isNameShape,
  isCommon,
  isPlainWord,
  inPlaceName,
  isRecordedName,
  isInitial,
} from './names-shape.ts';
import { type Span, type Token, fold, joins } from './names-tokens.ts';
import {
  TITLE_WORDS,
  ROLE_WORDS,
  PLACE_WORDS,
  REPORTING_VERBS,
  NOT_RECORDED_NAMES,
  STAR_NUMBER,
  RANKS,
} from './names-words.ts';

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

/**
 * Rule 30: a star number names its holder. A word within the three before it or the two after it,
 * in the same sentence, is a name when the roster holds it as a name of a member who held that
 * star — in any letter case, even when it is a word (`officer hunt badge number #15880`, `Young
 * 1158`, `OFFICE RIDGE #7538`).
 */
export function findStarNames(text: string, tokens: Token[], lexicon: NameLexicon): Span[] {
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
      const junk =
        TITLE_WORDS.has(t.key) ||
        (lists.COMMON_WORDS.has(t.key) && !lists.SURNAME_WORDS.has(t.key));
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
export function findLexiconNames(
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
    if (!lists.isEnglishWord(t.key) && !isCommon(t)) {
      spans.push([from, t.end]);
      continue;
    }
    const given = isInitial(prev, true) && joins(prev.gap) ? tokens[i - 2] : prev;
    if (from < t.start && lexicon.surnames.has(t.key) && !lists.COMMON_WORDS.has(t.key)) {
      spans.push([from, t.end]);
      continue;
    }
    if (
      given !== undefined &&
      lexicon.given.has(given.key) &&
      lexicon.surnames.has(t.key) &&
      !lists.COMMON_WORDS.has(t.key) &&
      !lists.COMMON_WORDS.has(given.key) &&
      joins(t.gap) &&
      (isNameShape(given) || !lists.isEnglishWord(given.key))
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
    !lists.isEnglishWord(p.key) &&
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
export function findSandwichedNames(
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
      lists.PLACE_NAMES.has(t.key) ||
      REPORTING_VERBS.has(t.key)
    ) {
      continue;
    }
    if (
      !lists.isEnglishWord(t.key) ||
      lists.GIVEN_NAMES.has(t.key) ||
      lexicon?.given.has(t.key) === true ||
      lexicon?.surnames.has(t.key) === true
    ) {
      out.push([t.start, t.end]);
    }
  }
  return out;
}

/**
 * Rule 31: after a rank or a courtesy title (and an initial), a lower-case word that the lists
 * hold as a surname is the surname, even when it is a word (`officer woods`, `officer j woods`,
 * `Sgt. hill`) — not a common word, verb, role or place (`officer said`, `officer will`, `officer
 * black`), nor a word with a verb's or adverb's ending. The roster's surnames are not enough
 * here: it holds `Holler`, `Square` and `Enter` too. With an initial between them, any such word
 * is the surname (`officer K. popp`), and so is a roster surname no dictionary holds (`Officer
 * robles`).
 */
export function findRankSurnames(tokens: Token[], lexicon: NameLexicon | undefined): Span[] {
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
        !(lists.SURNAME_WORDS.has(t.key) || lists.COMMON_SURNAMES.has(t.key)) &&
        !(lexicon?.surnames.has(t.key) === true && !lists.isEnglishWord(t.key))) ||
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
export function findRoleSurnames(
  tokens: Token[],
  lexicon: NameLexicon,
  upperText: boolean,
): Span[] {
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
    const plain = isPlainWord(t) || PLACE_WORDS.has(t.key) || lists.VEHICLE_WORDS.has(t.key);
    if (reported || (!upperText && !plain)) {
      spans.push([t.start, t.end]);
    }
  }
  return spans;
}

/**
 * Rule 28: a family in a list written in lower case: a word after three different given names
 * (or words no dictionary holds) is their surname (`izora rice Jamie rice Shannon rice`), even
 * when it is a word, and so is each of those pairs; the surname before `family` too.
 */
export function findLowerFamilies(tokens: Token[], lexicon: NameLexicon | undefined): Span[] {
  // a surname of the lists or the records, or a word no dictionary holds: not "bribery"
  const knownSurname = (key: string): boolean =>
    lists.COMMON_SURNAMES.has(key) ||
    lists.SURNAME_WORDS.has(key) ||
    lexicon?.surnames.has(key) === true ||
    !lists.isEnglishWord(key);
  const given = (t: Token | undefined): t is Token =>
    t !== undefined &&
    /^[a-z]{3,}$/u.test(t.key) &&
    !isCommon(t) &&
    !ROLE_WORDS.has(t.key) &&
    !PLACE_WORDS.has(t.key) &&
    !lists.PLACE_NAMES.has(t.key) &&
    (lists.GIVEN_NAMES.has(t.key) ||
      lexicon?.given.has(t.key) === true ||
      !lists.isEnglishWord(t.key));
  const surnameWord = (t: Token | undefined): t is Token =>
    t !== undefined &&
    /^[a-z]{3,}$/u.test(t.key) &&
    !lists.COMMON_WORDS.has(t.key) &&
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
