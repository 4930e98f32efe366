import { describe, expect, it } from 'vitest';
import { publicationRefusal, translationRefusal } from './statements.ts';

describe('publicationRefusal (issue 22 item 2)', () => {
  it('refuses one language only, naming the missing one', () => {
    expect(publicationRefusal([{ language: 'en', status: 'reviewed' }])).toMatchObject({
      code: 'translation_missing',
      message: expect.stringContaining('Spanish'),
    });
    expect(publicationRefusal([{ language: 'es', status: 'reviewed' }])?.message).toContain(
      'English',
    );
  });

  it('refuses while any version is unreviewed, naming it', () => {
    const r = publicationRefusal([
      { language: 'en', status: 'reviewed' },
      { language: 'es', status: 'draft' },
    ]);
    expect(r).toMatchObject({ code: 'statement_not_reviewed' });
    expect(r?.message).toContain('Spanish');
    expect(r?.message).not.toContain('English');
  });

  it('allows a reviewed pair, and a pair whose other version is already published', () => {
    expect(
      publicationRefusal([
        { language: 'en', status: 'reviewed' },
        { language: 'es', status: 'reviewed' },
      ]),
    ).toBeNull();
    expect(
      publicationRefusal([
        { language: 'en', status: 'published' },
        { language: 'es', status: 'reviewed' },
      ]),
    ).toBeNull();
    expect(
      publicationRefusal([
        { language: 'en', status: 'published' },
        { language: 'es', status: 'published' },
      ]),
    ).toMatchObject({ code: 'already_published' });
  });
});

describe('translationRefusal', () => {
  const original = { language: 'en', translationOf: null, translationId: null };
  it('allows the other language of an untranslated original', () => {
    expect(translationRefusal(original, 'es')).toBeNull();
  });
  it('refuses the same language, a second translation, a translation of a translation', () => {
    expect(translationRefusal(original, 'en')?.code).toBe('same_language');
    expect(translationRefusal({ ...original, translationId: 'x' }, 'es')?.code).toBe(
      'translation_exists',
    );
    expect(translationRefusal({ ...original, translationOf: 'x' }, 'es')?.code).toBe(
      'translation_of_translation',
    );
  });
});
