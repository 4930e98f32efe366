import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../test/fetch.ts';
import { renderIn } from '../../test/render.tsx';
import { StatisticsPage } from './StatisticsPage.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const none = { key: 'all', count: 0, partial: false };
const rate = {
  key: 'all',
  rate: null,
  rateBound: null,
  rateWithheld: 'none_decided',
  sustained: 0,
  decided: 0,
  partial: false,
};

/** Statistics with disclosed duty-status decisions: September published, October suppressed. */
const stats = {
  threshold: 5,
  generatedAt: '2024-01-02T12:00:00.000Z',
  agencies: ['COPA', 'BIA'],
  filters: { yearFrom: null, yearTo: null, agency: null, category: null },
  totalCases: { ...none, key: 'total' },
  casesByYear: [],
  casesByCategory: [],
  casesByStatus: [],
  casesByAgency: [],
  daysToClose: [],
  casesAtShelterSites: [],
  allegationsByFinding: [],
  sustainedRate: { overall: rate, byCategory: [] },
  dutyStatusActions: [{ key: 'relieved_of_police_powers', count: 5, partial: true }],
  dutyStatusByMonth: [
    {
      key: '2023-09 relieved_of_police_powers',
      month: '2023-09',
      action: 'relieved_of_police_powers',
      count: 5,
      partial: false,
    },
    {
      key: '2023-10 relieved_of_police_powers',
      month: '2023-10',
      action: 'relieved_of_police_powers',
      count: null,
      partial: true,
    },
  ],
  suppressedCells: 1,
};

describe('StatisticsPage duty status', () => {
  it.each([
    ['en', 'by month', 'September 2023', 'October 2023', 'Relieved of police powers', 'Suppressed'],
    [
      'es',
      'por mes',
      'septiembre de 2023',
      'octubre de 2023',
      'Despojado de facultades policiales',
      'Suprimid',
    ],
  ] as const)(
    'in %s, counts disclosed decisions by month and action, a small month suppressed',
    async (lang, title, september, october, action, suppressed) => {
      stubFetch({ 'GET /api/public/v1/stats': { body: stats } });
      renderIn(lang, <StatisticsPage />);
      const table = await screen.findByTestId('table-duty-month');
      expect(table.textContent).toContain(title);
      const rows = [...table.querySelectorAll('tbody tr')].map((r) => r.textContent ?? '');
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain(september);
      expect(rows[0]).toContain(action);
      expect(rows[0]).toContain('5');
      expect(rows[1]).toContain(october);
      expect(rows[1]).toContain(suppressed);
      // the chart by action is labelled by the action alone
      expect(screen.getByTestId('chart-duty-status').textContent).toContain(action);
    },
  );

  it('says when no decision is public in the view', async () => {
    stubFetch({
      'GET /api/public/v1/stats': {
        body: { ...stats, dutyStatusActions: [], dutyStatusByMonth: [] },
      },
    });
    renderIn('en', <StatisticsPage />);
    const table = await screen.findByTestId('table-duty-month');
    expect(table.textContent).toContain('No duty-status decision made public');
  });
});
