/**
 * The shapes every part of the redaction module shares: what a redaction removed (its kind), a
 * recognizer's contract, and what a jurisdiction profile supplies (word lists and the legal basis
 * of each kind). Specification: docs/redaction.md.
 */
import type { LocalizedText } from '../domain/profiles/profile.ts';
import type { NameLexicon } from './names.ts';

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
  /** The recognizer that found it (`recognizers/<id>.ts`, docs/redaction.md). */
  recognizer: string;
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

/**
 * What a jurisdiction profile supplies to the engine (`JurisdictionProfile.redaction`): its
 * street grid and the law under which each kind is withheld.
 */
export interface RedactionJurisdiction {
  /**
   * Streets commonly written without a suffix or direction after a house number ("10220
   * Wentworth"): folded lower-case words.
   */
  streets: ReadonlySet<string>;
  /**
   * More of the street grid: a capitalised word after a house number of 100 or more is an
   * address, never used to keep a word from being a name (most are surnames too).
   */
  moreStreets: ReadonlySet<string>;
  /** Streets of two words, neither a suffix ("stony:island", "cottage:grove"). */
  streetPairs: ReadonlySet<string>;
  /** The legal basis recorded with each kind, in English and Spanish, citing public law only. */
  basis: Record<RedactionKind, LocalizedText>;
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
   * Names the records hold (docs/redaction.md `person-names`): the jurisdiction's roster of
   * members and investigators, folded lower-case words. A word of it no dictionary holds is a
   * name in any letter case.
   */
  nameLexicon?: NameLexicon;
  /**
   * Names the case's own records hold for department members and investigators ("Tim West"),
   * whether or not the member was identified: each full name is redacted wherever it appears, in
   * any letter case. Unlike `knownNames`, a part that is a word is not redacted alone: "west of
   * the park" stays.
   */
  recordNames?: readonly string[];
  /** The jurisdiction's word lists and legal bases; the Chicago profile's when absent. */
  jurisdiction?: RedactionJurisdiction;
}

/** A span a recognizer proposes; `resolve.ts` decides which proposals stand. */
export interface Candidate {
  start: number;
  end: number;
  kind: RedactionKind;
  recognizer: string;
  replacement: string;
  /**
   * The block label repeats a word that may be a person's name (an uncued street): when a name
   * is also found there, the label is not shown ("[address]").
   */
  labelMayName?: boolean;
}

/** What a recognizer reads besides the text. */
export interface RecognizerContext {
  options: RedactionOptions;
  jurisdiction: RedactionJurisdiction;
}

/** One way of finding something to redact: `recognizers/<id>.ts`. */
export interface Recognizer {
  /** Stable id, the file's name and docs/redaction.md's heading. */
  id: string;
  /** The kinds it finds. */
  kinds: readonly RedactionKind[];
  /** Its proposals, in the order it finds them. */
  find(text: string, context: RecognizerContext): Candidate[];
  /**
   * A guess from the look of the text alone (a capitalised word no dictionary holds): in rules ∪
   * model its spans stand only where the learned tagger does not rule them out (ADR 0030).
   */
  confirmedByModel?: boolean;
}

const FIXED_REPLACEMENT: Record<Exclude<RedactionKind, 'street_address'>, string> = {
  person_name: '[name]',
  phone: '[phone]',
  email: '[email]',
  date_of_birth: '[date of birth]',
  licence_plate: '[plate]',
  shelter_location: '[shelter location]',
};

/** What the public reads in place of a kind's span when no recognizer wrote a better one. */
export function usualReplacement(kind: RedactionKind): string {
  return kind === 'street_address' ? '[address]' : FIXED_REPLACEMENT[kind];
}

/** A proposal with the kind's usual replacement unless one is given. */
export function candidate(
  recognizer: string,
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
    recognizer,
    replacement: replacement ?? usualReplacement(kind),
    ...flags,
  };
}

/**
 * The candidates the matches of one or more patterns give, in the order the patterns are
 * listed and then in text order: `take` turns a match into its candidate, or `undefined` where
 * the match is passed over. The one loop every pattern recognizer runs.
 */
export function candidatesOf(
  text: string,
  patterns: RegExp | readonly RegExp[],
  take: (m: RegExpExecArray) => Candidate | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  for (const pattern of Array.isArray(patterns) ? patterns : [patterns]) {
    for (const m of text.matchAll(pattern as RegExp)) {
      const found = take(m);
      if (found !== undefined) {
        out.push(found);
      }
    }
  }
  return out;
}

/** Where a match's group stands when it ends the match ("DOB 01/02/1990": the date). */
export function endingGroupStart(m: RegExpExecArray, group: string): number {
  return m.index + m[0].length - group.length;
}

/** A proposal of the group that ends a match (the cue before it stays). */
export function endingGroup(
  recognizer: string,
  kind: RedactionKind,
  m: RegExpExecArray,
  group: string,
): Candidate {
  return candidate(recognizer, kind, endingGroupStart(m, group), m.index + m[0].length);
}

/** A proposal of the whole match. */
export function wholeMatch(
  recognizer: string,
  kind: RedactionKind,
  m: RegExpExecArray,
  replacement?: string,
  flags?: Pick<Candidate, 'labelMayName'>,
): Candidate {
  return candidate(recognizer, kind, m.index, m.index + m[0].length, replacement, flags);
}
