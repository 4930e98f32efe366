import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../api/client.ts';
import { en } from '../../i18n/en.ts';
import { es } from '../../i18n/es.ts';
import { stubFetch } from '../../test/fetch.ts';
import { renderIn } from '../../test/render.tsx';
import { DashboardPage } from './DashboardPage.tsx';
import { SessionContext } from './session.tsx';

const session: Session = {
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'pio@copa.example',
    displayName: 'P. Officer',
    agency: 'COPA',
    roles: ['public_information'],
  },
  csrfToken: 'x',
  expiresAt: '2099-01-01T00:00:00Z',
};

const dashboard = (press: { open: number; overdue: number } | null) => ({
  myCases: [],
  deadlines: [],
  horizonDays: 14,
  newIntakes: [],
  restricted: [],
  press,
});

function renderDashboard(lang: 'en' | 'es', press: { open: number; overdue: number } | null) {
  stubFetch({ 'GET /api/v1/dashboard': { body: dashboard(press) } });
  renderIn(
    lang,
    <SessionContext.Provider value={session}>
      <DashboardPage />
    </SessionContext.Provider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DashboardPage press inquiries', () => {
  it.each([
    ['en', en],
    ['es', es],
  ] as const)(
    'in %s, counts open and overdue inquiries and links the press log',
    async (lang, t) => {
      renderDashboard(lang, { open: 3, overdue: 2 });
      const counts = await screen.findByTestId('dash-press');
      expect(counts.textContent).toContain(
        t['dash.pressCounts'].replace('{open}', '3').replace('{overdue}', '2'),
      );
      expect(counts.textContent).toContain(t['dash.overdue']);
      expect(screen.getByRole('link', { name: t['dash.pressOpen'] })).toBeTruthy();
    },
  );

  it('shows no press section to whoever does not read the press log', async () => {
    renderDashboard('en', null);
    await screen.findByText(en['dash.noRestricted']);
    expect(screen.queryByTestId('dash-press')).toBeNull();
  });
});
