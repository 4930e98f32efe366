/**
 * The run finder of the name rules (names.ts): at each word, the numbered rules of
 * docs/redaction.md (a title, a cue, a role noun, a given name, unknown capitalised words,
 * lower-case words after a title) decide whether a name starts there and how far it runs.
 */
import * as lists from './lexicon.ts';
import {
  isUnknownLower,
  isLowerSurname,
  lowerSurnameAfterGiven,
  isLowerGivenName,
  isTypoOfWord,
} from './names-lower.ts';
import {
  isNameShape,
  isCommon,
  isWordCompound,
  looksLikeVerbOrNoun,
  nearPlace,
  precededBy,
  isPlainGivenName,
  isUnknownDescribed,
  starNumberAt,
  appositiveRoleAt,
  isReportingVerb,
  isUnknownCapitals,
  isUnknownWord,
  isListedName,
} from './names-shape.ts';
import { type Span, type Token, joins } from './names-tokens.ts';
import {
  TITLE_WORDS,
  COURTESY_TITLES,
  ROLE_WORDS,
  CUES,
  PARTICLES,
  PLACE_WORDS,
  SPANISH_WORD_NAMES,
  KIN_TITLES,
  PLAIN_SURNAME_WORDS,
  RACE_WORDS,
  REPORTING_VERBS,
} from './names-words.ts';

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
    const given = lists.GIVEN_NAMES.has(t.key);
    const surname = lists.SURNAME_WORDS.has(t.key) && (afterTitle || words > 0);
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
      (lists.GIVEN_NAMES.has(next.key) && !isCommon(next) && endsThere))
  ) {
    j++;
  }
  return j;
}

/** Spans of personal names found in `text` by the rules above (before propagation). */
export function findRuns(text: string, tokens: Token[], upperText: boolean): Span[] {
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
    // rules 3 to 3f: the word before is a relation or role noun ("her son", "the accused")
    const afterRole = prev !== undefined && ROLE_WORDS.has(prev.key);
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
      !isListedName(t.key) &&
      (lists.isEnglishWord(t.key) || (t.key.length >= 7 && isTypoOfWord(t.key)));
    if (titled && !kinVerb && /^[ \t]+$/u.test(t.gap)) {
      // "the accused Sergeant pulled": a rank followed by a lower-case word is not a name.
      // In capitals a verb can follow the surname ("P.O. SMITH STRUCK"): one word, or two when
      // the first is a given name.
      const max = upperText ? (lists.GIVEN_NAMES.has(t.key) ? 2 : 1) : 3;
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
        !lists.COMMON_WORDS.has(t.key) &&
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
      lists.COMMON_SURNAMES.has(t.key) &&
      !lists.COMMON_WORDS.has(t.key) &&
      !lists.GIVEN_NAMES.has(t.key) &&
      !nearPlace(tokens, i, i + 1)
    ) {
      const from =
        prev !== undefined &&
        joins(t.gap) &&
        prev.shape === 'upper' &&
        !spans.some(([, e]) => e === prev.end) &&
        (lists.GIVEN_NAMES.has(prev.key) || isUnknownDescribed(prev))
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
      !lists.PLACE_NAMES.has(t.key)
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
      (lists.SURNAME_WORDS.has(t.key) || lists.COMMON_SURNAMES.has(t.key)) &&
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
        lists.isEnglishWord(t.key) &&
        (prev === undefined || /[.!?:;]\s*$/u.test(t.gap) || looksLikeVerbOrNoun(t));
      if (end > i && !opener && appositiveRoleAt(tokens, end) && !nearPlace(tokens, i, end)) {
        push(i, end);
        i = end - 1;
        continue;
      }
    }
    // 3. A relation or role noun: "her son, Dylan", "the accused Ryan", "Husband Dale Roy".
    if (afterRole && gapOk && !upperText) {
      const end = takeName(tokens, i, 4, upperText);
      // one dictionary word that no name list holds is a typo or a noun: "the accused Offer
      // stated" (officer), not a name
      const plainWord = end - i === 1 && lists.isEnglishWord(t.key) && !isListedName(t.key);
      if (end > i && !plainWord && !(end - i === 1 && t.shape === 'upper' && t.key.length <= 3)) {
        push(i, end);
        i = end - 1;
        continue;
      }
    }
    // 3b. Written in lower case after a relation or role noun: "my son dylan", "her
    // boyfriend marcus jones" — a common given name, then a surname in lower case if any.
    if (afterRole && gapOk && !upperText && t.shape === 'lower' && isLowerGivenName(t)) {
      const low = tokens[i + 1];
      const end = low !== undefined && joins(low.gap) && isLowerSurname(low, true) ? i + 2 : i + 1;
      push(i, end);
      i = end - 1;
      continue;
    }
    // 3c. In capitals, a word no dictionary holds after a relation or role noun: "HER
    // BOYFRIEND SWEISS", not "THE ACCUSED STRUCK".
    if (
      afterRole &&
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
      afterRole &&
      /^[ \t]+$/u.test(t.gap) &&
      t.shape === 'upper' &&
      t.key.length >= 3 &&
      /^[a-z'’-]+$/u.test(t.key) &&
      !isCommon(t) &&
      !looksLikeVerbOrNoun(t) &&
      !lists.isEnglishWord(t.key) &&
      !lists.PLACE_NAMES.has(t.key) &&
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
    if (lists.GIVEN_NAMES.has(t.key) && isNameShape(t)) {
      let end = takeName(tokens, i, 4, upperText);
      const ambiguous = lists.AMBIGUOUS_GIVEN_NAMES.has(t.key) || lists.COMMON_WORDS.has(t.key);
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
            !lists.isEnglishWord(r.key.replace(/[^a-z]/gu, '')) &&
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
          lists.SURNAME_WORDS.has(t.key) &&
          (TITLE_WORDS.has(tokens[i + 1]?.key ?? '') || tokens[i + 1]?.key === 'and') &&
          joins(tokens[i + 1]?.gap ?? '')) ||
        // after "Mr." or "Ms." comes a surname, whatever it means as a word: "dear Mr. brown"
        (prev !== undefined &&
          /^(?:mr|mrs|ms|mx|miss)$/u.test(prev.key) &&
          t.key.length >= 2 &&
          !lists.COMMON_WORDS.has(t.key) &&
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
        (isUnknownLower(last, 4, true) ||
          (!lists.isEnglishWord(t.key) && isLowerSurname(last, true)))
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
      !lists.isEnglishWord(t.key) &&
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
      lists.COMMON_SURNAMES.has(tokens[i + 1]!.key)
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
