import { z } from 'zod';
import { AGENCY_CODE_PATTERN, DEADLINE_BASIS_CODES, VOCABULARY_CODE_PATTERN } from '../enums.ts';

/** ISO 8601 date-time with a zone (`Z` or an offset). */
export const Instant = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time with zone');
/** Calendar date `YYYY-MM-DD`. */
export const DateOnly = z.iso.date().describe('Calendar date YYYY-MM-DD');
/** A log number: legacy 7 digits (`1053951`) or `YYYY-NNNNNNN`. Text, never a number. */
export const LogNumber = z
  .string()
  .regex(/^(\d{6,7}|\d{4}-\d{7})$/, 'must be 6-7 digits (legacy) or YYYY-NNNNNNN')
  .describe('Log number: legacy 6-7 digits or YYYY-NNNNNNN');
export const Uuid = z.uuid();

/*
 * Codes of the jurisdiction profile's vocabularies (ADR 0045): agencies, allegation categories,
 * findings. A schema checks a code's shape and, in the server, that the active profile has it:
 * the server registers its profile's vocabularies once (`useVocabularies`, in buildApp), as a
 * process serves one jurisdiction (OVERSIGHT_JURISDICTION). The web app registers none and
 * checks the shape only; the server answers for the rest.
 */
/** The vocabularies of the active profile, by name. */
export interface Vocabularies {
  agencies: Iterable<string>;
  /** The agencies that investigate: the oversight agency and internal affairs. */
  investigatingAgencies: Iterable<string>;
  categories: Iterable<string>;
  findings: Iterable<string>;
}
const active = new Map<keyof Vocabularies, ReadonlySet<string>>();

/** Registers the active profile's vocabularies: every code schema checks against them. */
export function useVocabularies(v: Vocabularies): void {
  for (const key of ['agencies', 'investigatingAgencies', 'categories', 'findings'] as const) {
    active.set(key, new Set(v[key]));
  }
}

/** A code schema: the shape, then the registered vocabulary when there is one. */
function code(pattern: RegExp, vocabulary: keyof Vocabularies, noun: string) {
  return z
    .string()
    .regex(pattern, `not a well-formed ${noun}`)
    .refine((c) => active.get(vocabulary)?.has(c) ?? true, {
      message: `not one of this jurisdiction's ${noun}s`,
    })
    .describe(`A ${noun} of the jurisdiction's profile`);
}

/** An agency code of the active profile, e.g. its oversight agency's. */
export const AgencyCode = code(AGENCY_CODE_PATTERN, 'agencies', 'agency code');
/** The code of an investigating agency: the oversight agency or internal affairs. */
export const InvestigatingAgencyCode = code(
  AGENCY_CODE_PATTERN,
  'investigatingAgencies',
  'investigating agency code',
);
/** An allegation category code of the active profile. */
export const CategoryCode = code(VOCABULARY_CODE_PATTERN, 'categories', 'category code');
/** A finding (disposition) code of the active profile. */
export const FindingCode = code(VOCABULARY_CODE_PATTERN, 'findings', 'finding code');

/**
 * Why a deadline exists, in every response that shows one: a stable code and the sentence in
 * English and Spanish, both written by the server from the deadline's codes and dates (never
 * from the English text a deadline row stores), ending with the clause of law.
 */
export const DeadlineBasisFields = {
  /** Which sentence explains the clock: the kind, and the variant its anchor and repetition select. */
  basisCode: z.enum(DEADLINE_BASIS_CODES),
  /** Plain words with the clause behind the clock, in English. */
  basis: z.string(),
  /** The same in Spanish. */
  basisEs: z.string(),
};
/**
 * Free text (trimmed, `min`–`max` characters) that PostgreSQL stores exactly as sent. The one text
 * schema for every free-text request field: PostgreSQL refuses NUL (U+0000) in text and jsonb, and
 * a string with an unpaired UTF-16 surrogate is not Unicode at all (jsonb refuses it, text silently
 * replaces it with U+FFFD). Refusing both here makes them a 400 naming the field instead of a 500
 * or altered data (PRODUCT.md §6).
 */
export function Text(min: number, max: number): z.ZodString {
  const base = z.string().trim();
  return (min > 0 ? base.min(min) : base)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain the NUL character (U+0000)')
    .refine((s) => s.isWellFormed(), 'must be well-formed Unicode (no unpaired surrogates)');
}

/**
 * The fields that identify a person, which an anonymous party must not carry. Anonymous complaints
 * are valid (50 ILCS 725/3.8(b)); a party marked anonymous with a name, phone, email, address or
 * date of birth is a contradiction that would store an identity the office promised not to hold.
 * One rule for both doors: staff intake and parties (`PartyInput`) and the public complaint form.
 */
export const ANONYMOUS_EXCLUDES = ['name', 'phone', 'email', 'address', 'dateOfBirth'] as const;

/** The identifying fields present on a person marked anonymous; empty when there is no conflict. */
export function anonymityConflicts(
  anonymous: boolean,
  person: Partial<Record<(typeof ANONYMOUS_EXCLUDES)[number], unknown>>,
): Array<(typeof ANONYMOUS_EXCLUDES)[number]> {
  return anonymous ? ANONYMOUS_EXCLUDES.filter((f) => person[f] !== undefined) : [];
}

/** The message of an anonymity conflict, the same on every door. */
export const ANONYMOUS_CONFLICT_MESSAGE =
  'must not be given when anonymous is true (an anonymous person is not identified)';

/** Two-letter ISO 639-1 language code. */
export const LanguageCode = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code');

/** RFC 9457 problem details, with a stable code and per-field messages. */
export const Problem = z.object({
  /** URI naming the problem type. */
  type: z.string(),
  /** Short human-readable summary of the problem type. */
  title: z.string(),
  /** HTTP status. */
  status: z.number().int(),
  /** Explanation of this occurrence. */
  detail: z.string(),
  /** Stable snake_case code clients branch on. */
  code: z.string(),
  /** Per-field messages, when the request had bad fields. */
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/**
 * A field that belongs to one answer of a choice: required when that answer is chosen, refused
 * otherwise (`notificationType` only for a notification, `intermediary` only when one files).
 */
export function fieldOfChoice(
  ctx: z.RefinementCtx,
  field: string,
  chosen: boolean,
  present: boolean,
  messages: { required: string; only: string },
): void {
  if (chosen !== present) {
    ctx.addIssue({
      code: 'custom',
      path: [field],
      message: chosen ? messages.required : messages.only,
    });
  }
}
