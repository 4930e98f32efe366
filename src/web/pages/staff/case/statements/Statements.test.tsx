import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../api/client.ts';
import { stubFetch } from '../../../../test/fetch.ts';
import { renderIn } from '../../../../test/render.tsx';
import { SessionContext } from '../../session.tsx';
import { caseCtx } from '../section.tsx';
import { actionFormTests, caseFixture, catalogs, renderSection } from '../test-kit.tsx';
import { Statements } from './Statements.tsx';

const AUTHOR = '00000000-0000-4000-8000-000000000040';
const OTHER = '00000000-0000-4000-8000-000000000041';

/** A signed-in person with these roles. */
function session(id: string, roles: Session['user']['roles']): Session {
  return {
    user: { id, email: 'x@example.gov', displayName: 'X', agency: 'COPA', roles },
    csrfToken: 'token',
    expiresAt: '2026-12-06T00:00:00.000Z',
  };
}

/** The case's one statement, in this state. */
function withStatement(status: 'draft' | 'reviewed', actions = ['case.draft_statement' as const]) {
  const base = caseFixture({}, actions);
  return caseFixture(
    {
      statements: base.statements.map((s) => ({
        ...s,
        status,
        ...(status === 'reviewed'
          ? { reviewer: 'Chief C', reviewedAt: '2026-12-05T10:00:00.000Z' }
          : {}),
      })),
    },
    actions,
  );
}

function renderAs(lang: 'en' | 'es', who: Session | null, c = withStatement('draft')) {
  return renderIn(
    lang,
    <SessionContext.Provider value={who}>
      <Statements {...caseCtx(c, () => Promise.resolve())} />
    </SessionContext.Provider>,
  );
}

describe('Statements', () => {
  actionFormTests({
    Section: Statements,
    form: 'form-statement',
    ability: 'case.draft_statement',
    field: 'language',
    control: 'st-language',
    message: 'must be en (English) or es (Spanish)',
    messageKey: 'field.publicLanguage',
  });

  it('offers to publish a reviewed statement only to who may draft statements, never a draft', () => {
    const publish = catalogs.en['action.publish'].replace('{language}', 'English');
    const { unmount } = renderSection('en', Statements, withStatement('reviewed', []));
    expect(screen.queryByRole('button', { name: publish })).toBeNull();
    unmount();
    const draft = renderSection('en', Statements, withStatement('draft'));
    expect(screen.queryByRole('button', { name: publish })).toBeNull();
    draft.unmount();
    renderSection('en', Statements, withStatement('reviewed'));
    expect(screen.getByRole('button', { name: publish })).toBeTruthy();
    expect(screen.getByText(/Written by Pat Info · reviewed by Chief C/)).toBeTruthy();
  });

  it.each([
    ['en', 'Review English statement'],
    ['es', 'Revisar la declaración en Inglés'],
  ] as const)(
    'in %s, offers the review to a second person with the ability, not to the author',
    (lang, review) => {
      const second = renderAs(lang, session(OTHER, ['public_information']));
      expect(screen.getByRole('button', { name: review })).toBeTruthy();
      second.unmount();
      const author = renderAs(lang, session(AUTHOR, ['public_information']));
      expect(screen.queryByRole('button', { name: review })).toBeNull();
      author.unmount();
      renderAs(lang, session(OTHER, ['supervisor']));
      expect(screen.queryByRole('button', { name: review })).toBeNull();
    },
  );

  it.each([
    ['en', catalogs.en['statements.refused.translationMissing']],
    ['es', catalogs.es['statements.refused.translationMissing']],
  ] as const)(
    'in %s, says why a statement in one language only is not published',
    async (lang, reason) => {
      stubFetch({
        [`POST /api/v1/statements/${withStatement('reviewed').statements[0]!.id}/publish`]: {
          status: 422,
          body: { status: 422, code: 'translation_missing', detail: 'English only.' },
        },
      });
      renderAs(lang, null, withStatement('reviewed'));
      const language = lang === 'en' ? 'English' : 'Inglés';
      fireEvent.click(
        screen.getByRole('button', {
          name: catalogs[lang]['action.publish'].replace('{language}', language),
        }),
      );
      await waitFor(() => {
        expect(screen.getByTestId('statement-refused').textContent).toContain(reason);
      });
    },
  );
});
