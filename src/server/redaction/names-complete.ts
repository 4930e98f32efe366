/**
 * Decisions on the spans found (names.ts): complete a name with its initials, suffixes and
 * the other half, extend to the left and through lists, take the family, drop placeholders,
 * find a name wherever it recurs and merge overlaps.
 */
import * as lists from './lexicon.ts';
// the name rules still read Chicago's street grid directly (docs/redaction.md "Jurisdiction")
import { CHICAGO_STREETS } from '../domain/profiles/chicago-redaction.ts';
import { isUnknownLower, isLowerSurname, isLowerGivenName, isTypoOfWord } from './names-lower.ts';
import { type NameLexicon } from './names-roster.ts';
import { isCommon, nearPlace, isInitial, isSuffix } from './names-shape.ts';
import { type Span, type Token, TOKEN, fold, joins, wholeWordOccurrences } from './names-tokens.ts';
import {
  TITLE_WORDS,
  ROLE_WORDS,
  PLACE_WORDS,
  BARE_VERBS,
  REPORTING_VERBS,
  NOT_INITIALS,
} from './names-words.ts';

/** Every other occurrence of a word of a found name ("John Smith … Smith said"). */
export function propagate(text: string, found: Span[]): Span[] {
  const names = new Set<string>();
  for (const [start, end] of found) {
    const words = [...text.slice(start, end).matchAll(TOKEN)];
    for (const m of words) {
      const word = m[0].replace(/\.$/u, '').replace(/['’]s$/u, '');
      const key = fold(word);
      // a surname found in lower case that is also a word ("Tim cook") recurs only with its
      // given name: "cook" alone elsewhere is the verb
      const plain = /^\p{Ll}/u.test(word) && lists.isEnglishWord(key);
      if (word.length >= 3 && !lists.COMMON_WORDS.has(key) && !TITLE_WORDS.has(key) && !plain) {
        names.add(word);
      }
    }
    if (
      words.length >= 2 &&
      words.some((m) => /^\p{Ll}/u.test(m[0]) && lists.isEnglishWord(fold(m[0])))
    ) {
      names.add(text.slice(start, end));
    }
  }
  const out: Span[] = [];
  for (const word of names) {
    const variants = new Set([word, word.toUpperCase(), word[0] + word.slice(1).toLowerCase()]);
    // rule 23: a name no dictionary holds recurs in lower case too: "Schmid … schmid threatened"
    if (
      word.length >= 4 &&
      !lists.isEnglishWord(fold(word)) &&
      !lists.GIVEN_NAMES.has(fold(word))
    ) {
      variants.add(word.toLowerCase());
    }
    for (const variant of variants) {
      out.push(...wholeWordOccurrences(text, variant));
    }
  }
  return out;
}

/**
 * Rule 33: a name found by one word takes its other half when the word beside it is that half by
 * the lists or the records: a given name found alone takes a surname after it, even a word
 * (`priscilla sam`, `Devon Bridge`), and a surname found alone takes a given name before it, even
 * one that is a word when it is capitalised inside a sentence (`tell him Will ayers`, `AIDE PINKY
 * COLEMAN`). A half-redacted name is no redaction: the other half and the context give it back.
 */
export function completeHalfNames(
  tokens: Token[],
  found: Span[],
  lexicon: NameLexicon | undefined,
): Span[] {
  const at = new Map(tokens.map((t, i) => [t.start, i]));
  const covered = (t: Token): boolean => found.some(([s, e]) => s < t.end && t.start < e);
  const isGiven = (key: string): boolean =>
    lists.GIVEN_NAMES.has(key) || lexicon?.given.has(key) === true;
  const isSurname = (key: string): boolean =>
    lists.SURNAME_WORDS.has(key) ||
    lists.COMMON_SURNAMES.has(key) ||
    lexicon?.surnames.has(key) === true;
  const nameLike = (t: Token): boolean =>
    /^[a-z'’-]{2,}$/u.test(t.key) &&
    !TITLE_WORDS.has(t.key) &&
    !ROLE_WORDS.has(t.key) &&
    !PLACE_WORDS.has(t.key) &&
    !/(?:ed|ing|ly)$/u.test(t.key);
  const word = (t: Token): boolean =>
    lists.COMMON_WORDS.has(t.key) || BARE_VERBS.has(t.key) || REPORTING_VERBS.has(t.key);
  // a given name, one space, a surname, in the same case ("Priscilla Sam", "priscilla sam")
  const givenThenSurname = (given: Token, surname: Token): boolean =>
    /^ $/u.test(surname.gap) &&
    isGiven(given.key) &&
    isSurname(surname.key) &&
    (given.shape === surname.shape || (given.shape === 'title' && surname.shape === 'lower'));
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
      givenThenSurname(t, next) &&
      !covered(next) &&
      nameLike(next) &&
      !word(next) &&
      // "Jim rock island cop": the word begins a place's name
      !PLACE_WORDS.has(tokens[i + 2]?.key ?? '')
    ) {
      out.push([start, next.end]);
    }
    const prev = tokens[i - 1];
    if (
      prev !== undefined &&
      givenThenSurname(prev, t) &&
      !covered(prev) &&
      nameLike(prev) &&
      // a given name that is also a word ("will", "mark") only capitalised inside a sentence
      (!word(prev) || (prev.shape === 'title' && i >= 2 && !/[.!?]/u.test(prev.gap)))
    ) {
      out.push([prev.start, end]);
    }
  }
  return out;
}

/**
 * Rule 19: a found name takes the initials and suffixes written with it. Middle initials
 * between it and a capitalised word that is no common word ("Leroy K. Martin", "Anjana M.J.
 * Hansen", "Shirley A Green", "John f Kennedy"); a suffix after it ("Martin Jr.", "Rodriquez
 * JR"); a legal citation's initials after a comma or another initial, before a number or the
 * end of the clause ("Rodriquez JR, R L 12157", "Piedrasanta, J A 12884"); initials with periods
 * right before it ("(A. Osborne)", not "P.O. Smith").
 */
export function completeNames(text: string, tokens: Token[], found: Span[]): Span[] {
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
          lists.SURNAME_WORDS.has(word.key) ||
          lists.COMMON_SURNAMES.has(word.key) ||
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
export function dropPlaceholdersAndCorners(text: string, tokens: Token[], found: Span[]): Span[] {
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
export function extendLeft(tokens: Token[], found: Span[]): Span[] {
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
export function extendLists(tokens: Token[], found: Span[]): Span[] {
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
          (lists.SURNAME_WORDS.has(next.key) || lists.COMMON_SURNAMES.has(next.key)) &&
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

/**
 * Rule 20: a family sharing a surname ("MAHESH THAKKAR AND KRISHNA THAKKAR", "Pushpa Thakkar").
 * The last word of a found name of two words or more, or a capitalised word in no dictionary
 * written after two different first words, is a surname: each first word before it that is a
 * common given name or a word in no dictionary (in any letter case: "puSHPA THAKKAR") is a name
 * with it.
 */
export function findFamilies(tokens: Token[], found: Span[]): Span[] {
  const starts = new Map(tokens.map((t, k) => [t.start, k]));
  const byEnd = new Map(tokens.map((t, k) => [t.end, k]));
  const firstWord = (t: Token | undefined): t is Token =>
    t !== undefined &&
    /^[a-z]{3,}$/u.test(t.key) &&
    !/['’]/u.test(t.text) &&
    !isCommon(t) &&
    !ROLE_WORDS.has(t.key) &&
    !PLACE_WORDS.has(t.key) &&
    !lists.PLACE_NAMES.has(t.key) &&
    !CHICAGO_STREETS.has(t.key) &&
    ((lists.GIVEN_NAMES.has(t.key) && !lists.AMBIGUOUS_GIVEN_NAMES.has(t.key)) ||
      !lists.isEnglishWord(t.key));
  const surnameShape = (t: Token | undefined): t is Token =>
    t !== undefined &&
    // "Thakkar" or "THAKKAR", not an acronym ("DoD", "NSA")
    /^\p{Lu}(?:\p{Ll}{3,}|\p{Lu}{4,})$/u.test(t.text.replace(/['’]s$/u, '')) &&
    !isCommon(t) &&
    !PLACE_WORDS.has(t.key) &&
    !lists.PLACE_NAMES.has(t.key) &&
    !CHICAGO_STREETS.has(t.key) &&
    !lists.GIVEN_NAMES.has(t.key);
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
    if (surnameShape(t) && !lists.isEnglishWord(t.key) && joins(t.gap) && firstWord(p)) {
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
export function mergeOverlaps(spans: Span[]): Span[] {
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
