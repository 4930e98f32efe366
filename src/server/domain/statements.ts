import { PUBLIC_LANGUAGES } from '../../shared/schemas/public.ts';

/*
 * What the office says publicly (issue 22 item 2, ADR 0046). A statement is one text in one of
 * the portal's languages; its translation is the other language's version, and the two are one
 * statement to the public: published together or not at all, because a visitor reading the
 * portal in Spanish is owed the same answer as one reading it in English (PRODUCT.md: the story's
 * statement is "published in English and Spanish"; the complainant in the story speaks Spanish).
 * Each version is reviewed by a person other than its author (domain/review.ts) before it is
 * published: draft → reviewed → published.
 */

export type StatementStatus = 'draft' | 'reviewed' | 'published';

/** A refusal with its stable code and the reason a person reads. */
export interface StatementRefusal {
  code: string;
  message: string;
}

/**
 * Why a new version may not translate `original`, or null. A pair has one version per language:
 * a translation translates an original (never another translation), into the other language,
 * and an original has one translation.
 */
export function translationRefusal(
  original: { language: string; translationOf: string | null; translationId: string | null },
  language: string,
): StatementRefusal | null {
  if (original.translationOf !== null) {
    return {
      code: 'translation_of_translation',
      message: 'translationOf must name the original statement, not another translation.',
    };
  }
  if (original.language === language) {
    return {
      code: 'same_language',
      message: 'A translation is in the other language than its original.',
    };
  }
  if (original.translationId !== null) {
    return {
      code: 'translation_exists',
      message: 'This statement already has its translation.',
    };
  }
  return null;
}

/**
 * Why the pair (a statement and its translation, whichever was asked for) may not be published,
 * or null: every public language has a version, and every version not yet published was
 * reviewed. Nothing is published half-way: the caller publishes all the pair's versions at once.
 */
export function publicationRefusal(
  versions: ReadonlyArray<{ language: string; status: StatementStatus }>,
): StatementRefusal | null {
  const missing = PUBLIC_LANGUAGES.filter((l) => !versions.some((v) => v.language === l));
  if (missing.length > 0) {
    return {
      code: 'translation_missing',
      message: `A statement is published in English and Spanish together; draft its ${missing
        .map((l) => LANGUAGE_NAMES[l])
        .join(' and ')} version first.`,
    };
  }
  if (versions.every((v) => v.status === 'published')) {
    return { code: 'already_published', message: 'This statement is already published.' };
  }
  const unreviewed = versions.filter((v) => v.status === 'draft');
  if (unreviewed.length > 0) {
    return {
      code: 'statement_not_reviewed',
      message: `A second person reviews each version before it is published; the ${unreviewed
        .map((v) => LANGUAGE_NAMES[v.language as keyof typeof LANGUAGE_NAMES] ?? v.language)
        .join(' and ')} version is not reviewed yet.`,
    };
  }
  return null;
}

const LANGUAGE_NAMES: Record<(typeof PUBLIC_LANGUAGES)[number], string> = {
  en: 'English',
  es: 'Spanish',
};
