import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PressInquiry, Session } from '../../../api/client.ts';
import { pressInquiryFixture } from './test-fixture.ts';
import { en } from '../../../i18n/en.ts';
import { es } from '../../../i18n/es.ts';
import { stubFetch } from '../../../test/fetch.ts';
import { renderIn } from '../../../test/render.tsx';
import { SessionContext } from '../session.tsx';
import { PressPage } from './PressPage.tsx';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const catalogs = { en, es } as const;

const session: Session = {
  user: {
    id: ME,
    email: 'pio@copa.example',
    displayName: 'P. Officer',
    agency: 'COPA',
    roles: ['public_information'],
  },
  csrfToken: 'x',
  expiresAt: '2099-01-01T00:00:00Z',
};

const inquiry = pressInquiryFixture;

function renderPage(
  lang: 'en' | 'es',
  items: PressInquiry[],
  can = { log: true, answer: true, review: true },
) {
  const f = stubFetch({
    'GET /api/v1/press-inquiries': { body: { items, can } },
    'GET /api/public/v1/statements': { body: { items: [], total: 0 } },
    'POST /api/v1/press-inquiries/00000000-0000-4000-8000-000000000061/review': {
      body: { id: '00000000-0000-4000-8000-000000000061', state: 'answered' },
    },
  });
  renderIn(
    lang,
    <SessionContext.Provider value={session}>
      <PressPage />
    </SessionContext.Provider>,
  );
  return f;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PressPage', () => {
  it.each(['en', 'es'] as const)(
    'in %s, lists an open inquiry with its deadline, overdue, its case and the cases not shown',
    async (lang) => {
      const t = catalogs[lang];
      renderPage(lang, [inquiry({})]);
      const item = await screen.findByTestId('press-inquiry');
      expect(item.textContent).toContain('Chicago Tribune');
      expect(item.textContent).toContain(t['press.overdue']);
      expect(item.textContent).toContain(t['press.state.open']);
      expect(item.textContent).toContain(t['press.otherCases'].replace('{n}', '1'));
      expect(screen.getByRole('link', { name: '2023-0000001' })).toBeTruthy();
      expect(screen.getByTestId('form-press-log')).toBeTruthy();
      expect(screen.getByText(t['press.writeAnswer'])).toBeTruthy();
    },
  );

  it.each(['en', 'es'] as const)(
    'in %s, offers the review to a second person and tells the author another must review',
    async (lang) => {
      const t = catalogs[lang];
      const f = renderPage(lang, [
        inquiry({
          id: '00000000-0000-4000-8000-000000000061',
          state: 'awaiting_review',
          answerText: 'The matter is under investigation.',
          answerWrittenBy: { id: OTHER, name: 'Second Officer' },
        }),
        inquiry({
          id: '00000000-0000-4000-8000-000000000062',
          state: 'awaiting_review',
          answerText: 'A statement will follow.',
          answerWrittenBy: { id: ME, name: 'P. Officer' },
          overdue: false,
        }),
      ]);
      const approve = await screen.findByRole('button', { name: t['press.approve'] });
      expect(screen.getAllByRole('button', { name: t['press.approve'] })).toHaveLength(1);
      expect(screen.getByText(t['press.ownAnswer'])).toBeTruthy();
      fireEvent.click(approve);
      await waitFor(() =>
        expect(
          f.mock.calls.some(
            ([u, init]) =>
              u === '/api/v1/press-inquiries/00000000-0000-4000-8000-000000000061/review' &&
              init?.method === 'POST',
          ),
        ).toBe(true),
      );
    },
  );

  it('shows neither the log form nor answers to a reader who may not act', async () => {
    renderPage('en', [inquiry({})], { log: false, answer: false, review: false });
    await screen.findByTestId('press-inquiry');
    expect(screen.queryByTestId('form-press-log')).toBeNull();
    expect(screen.queryByText(en['press.writeAnswer'])).toBeNull();
  });
});
