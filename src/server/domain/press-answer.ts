import { findKnown, fold } from '../redaction/known.ts';

/*
 * What a free-text answer to the press may not say (issue 22 item 3, ADR 0047). An answer never
 * quotes what the public may not read of a case it is about:
 *
 * - on every linked case, the identity of a civilian on it (name, phone, email, address, the
 *   shelter where a party lives): civilian identities are never public (PRODUCT.md §4; Illinois
 *   FOIA, 5 ILCS 140/7(1)(b) private information and 140/7(1)(c) personal privacy);
 * - on a restricted linked case, whose public page shows category and status only
 *   (`publication.ts publicVisibility`), also the names its records hold for members and staff,
 *   and the stars of its members, its incident address, and any run of PRESS_QUOTE_WORDS consecutive words of its narrative
 *   (5 ILCS 140/7(1)(c), and 140/7(1)(d) for material whose release would interfere with the
 *   investigation or identify a complainant or witness).
 *
 * A statement answers only once published, and publishing is its own review; a free-text answer
 * is also read by a second person (`review.ts`) before it counts. This rule is the machine's
 * part: a sure refusal of verbatim quotes, found whole-word and regardless of case and accents,
 * before a person reads the rest.
 */

/** Consecutive narrative words that make a quotation; a shorter run is common phrasing. */
export const PRESS_QUOTE_WORDS = 6;

/** What one linked case holds that an answer may not repeat. */
export interface AnswerGuard {
  logNumber: string;
  restricted: boolean;
  /** Civilians' names (and organizations): matched also by their parts ("Peña" of "Ana Peña"). */
  civilianNames: readonly string[];
  /** Civilians' phones, emails, addresses; a vulnerable party's shelter name and address. */
  civilianValues: readonly string[];
  /** Names the case's records hold for members and staff (used when restricted). */
  recordNames: readonly string[];
  /** Star numbers of the members on the case (used when restricted). */
  stars: readonly string[];
  incidentAddress: string | null;
  narrative: string;
}

export type QuotedDetail = 'identity' | 'record_name' | 'incident_address' | 'narrative';

/** The first restricted detail the answer quotes, with its case; null when it quotes none. */
export function quotedRestrictedDetail(
  answer: string,
  cases: readonly AnswerGuard[],
): { logNumber: string; detail: QuotedDetail } | null {
  for (const c of cases) {
    const found = (names: readonly string[], parts: boolean) =>
      findKnown('press-answer', answer, names, 'person_name', parts).length > 0;
    if (found(c.civilianNames, true) || found(c.civilianValues, false)) {
      return { logNumber: c.logNumber, detail: 'identity' };
    }
    if (!c.restricted) {
      continue;
    }
    if (found(c.recordNames, true) || found(c.stars, false)) {
      return { logNumber: c.logNumber, detail: 'record_name' };
    }
    // the address's words in order, whatever the punctuation ("1200 W. Harrison St.")
    const address = words(c.incidentAddress ?? '');
    if (address.length > 0 && quotesWords(answer, address.join(' '), address.length)) {
      return { logNumber: c.logNumber, detail: 'incident_address' };
    }
    if (quotesWords(answer, c.narrative, PRESS_QUOTE_WORDS)) {
      return { logNumber: c.logNumber, detail: 'narrative' };
    }
  }
  return null;
}

function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** True when `text` repeats `n` consecutive words of `source` (punctuation and case aside). */
export function quotesWords(text: string, source: string, n: number): boolean {
  const from = words(source);
  const runs = new Set<string>();
  for (let i = 0; i + n <= from.length; i++) {
    runs.add(from.slice(i, i + n).join(' '));
  }
  const said = words(text);
  for (let i = 0; i + n <= said.length; i++) {
    if (runs.has(said.slice(i, i + n).join(' '))) {
      return true;
    }
  }
  return false;
}
