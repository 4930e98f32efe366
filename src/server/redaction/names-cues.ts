/**
 * Names a cue or a form shows outside the run finder (names.ts): after "named" or "known as",
 * public figures (kept), lawsuit parties, a minor's initials and handles in profile addresses.
 */
import * as lists from './lexicon.ts';
// the name rules still read Chicago's street grid directly (docs/redaction.md "Jurisdiction")
import { CHICAGO_STREETS } from '../domain/profiles/chicago-redaction.ts';
import { type NameLexicon } from './names-roster.ts';
import { isCommon, precededBy, isPlainWord, inPlaceName, isRecordedName } from './names-shape.ts';
import { type Span, type Token } from './names-tokens.ts';
import {
  PLACE_WORDS,
  NAMING_CUES,
  LAWSUIT_INSTITUTIONS,
  NOT_INITIALS,
  PROFILE_HOSTS,
  SITE_SEGMENTS,
} from './names-words.ts';

/**
 * Rule 32: the word a writer gives as someone's name, after `named`, `name is`, `known as`,
 * `goes by`, `calls himself`, `aka` — in any letter case, a nickname too (`a guy named alpesh`,
 * `her name is bookie`), and a quoted one whole (`named "Lord T"`); not a common word, article or
 * verb (`named in the suit`, `name is unknown`, `known as a gang member`).
 */
export function findNamedAfterCue(text: string, tokens: Token[]): Span[] {
  const spans: Span[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (
      !NAMING_CUES.some((cue) => precededBy(tokens, i, cue)) ||
      !/^[\s"'“‘:]+$/u.test(t.gap) ||
      !/^[a-z'’-]{2,}$/u.test(t.key) ||
      isPlainWord(t) ||
      // "his name was checked": a verb's ending on a word, not a name
      (/(?:ed|ing)$/u.test(t.key) && lists.isEnglishWord(t.key))
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
 * Rule 26: a public figure by surname (`lists.PUBLIC_FIGURES`): in any letter case when no dictionary
 * holds it (`pritzker`, `Durbin`), capitalised when it is a word (`Trump`, not `trump card`) —
 * unless it names a place or event (`Daley Center`, `Dart Foundation`).
 */
export function findPublicFigures(text: string, tokens: Token[], upperText: boolean): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!lists.PUBLIC_FIGURES.has(t.key) || inPlaceName(tokens, i, upperText)) {
      continue;
    }
    if (lists.PUBLIC_FIGURE_WORDS.has(t.key) && (t.shape !== 'title' || upperText)) {
      continue;
    }
    if (isRecordedName(text, t) || lists.PUBLIC_FIGURE_WORDS.has(t.key)) {
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
export function findLawsuitParties(tokens: Token[]): Span[] {
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
        !lists.PLACE_NAMES.has(t.key) &&
        !CHICAGO_STREETS.has(t.key) &&
        !LAWSUIT_INSTITUTIONS.has(t.key)
      ) {
        spans.push([t.start, t.end]);
      }
    }
  }
  return spans;
}

/** "H.B." and "J.D.": a person's initials, how narratives refer to minors. */
export function findInitials(text: string): Span[] {
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

/**
 * A web address that names a person: a path segment of words joined by hyphens of which one is
 * a given name or a surname of the lists or the records ("…/wanted/jacob-abdul-johnson",
 * "…/kidnap/cayce-lynn-mcdaniel"), and (rule 34) the handle of a social-network profile
 * ("facebook.com/dallas.walker.94", "twitter.com/jkimpictures"): a handle is chosen by its
 * holder and usually carries their name; one that does not is hidden all the same.
 */
export function findUrlNames(text: string, lexicon: NameLexicon | undefined): Span[] {
  const out: Span[] = [];
  const isGiven = (w: string): boolean =>
    (lists.GIVEN_NAMES.has(w) && !lists.AMBIGUOUS_GIVEN_NAMES.has(w)) ||
    (lexicon?.given.has(w) === true && !lists.isEnglishWord(w));
  const isSurname = (w: string): boolean =>
    lists.COMMON_SURNAMES.has(w) || (lexicon?.surnames.has(w) === true && !lists.isEnglishWord(w));
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
