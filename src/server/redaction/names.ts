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
 *
 * This file runs the rules in order; they live by idea beside it: `names-tokens.ts` (words and
 * gaps), `names-words.ts` (word lists and cue phrases, data), `names-shape.ts` (what one word is),
 * `names-lower.ts` (names in lower case, typos, English and Spanish words), `names-runs.ts` (the
 * run finder, word by word), `names-cues.ts` (cues, public figures, lawsuits, initials, web
 * addresses), `names-roster.ts` (the roster's lexicon and the rules that use it) and
 * `names-complete.ts` (completing, extending, dropping and propagating the spans found).
 */
import {
  propagate,
  completeHalfNames,
  completeNames,
  dropPlaceholdersAndCorners,
  extendLeft,
  extendLists,
  findFamilies,
  mergeOverlaps,
} from './names-complete.ts';
import {
  findNamedAfterCue,
  findPublicFigures,
  findLawsuitParties,
  findInitials,
  findUrlNames,
} from './names-cues.ts';
import {
  type NameLexicon,
  findStarNames,
  findLexiconNames,
  findSandwichedNames,
  findRankSurnames,
  findRoleSurnames,
  findLowerFamilies,
} from './names-roster.ts';
import { findRuns } from './names-runs.ts';
import { type Span, tokenize } from './names-tokens.ts';

export type { Span } from './names-tokens.ts';
export { nameLexiconOf, recordedFullName, type NameLexicon } from './names-roster.ts';

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
