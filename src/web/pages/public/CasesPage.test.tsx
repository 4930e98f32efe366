import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../test/fetch.ts';
import { renderIn } from '../../test/render.tsx';
import { PublicCasePage } from './CasesPage.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A restricted case's public answer with one disclosed duty-status action (issue 22 item 1). */
const restrictedCase = {
  logNumber: '2023-0001234',
  visibility: 'category_and_status',
  status: 'investigation',
  categories: ['sexual_misconduct'],
  statements: [],
  agencies: [
    {
      agency: 'COPA',
      agencyName: 'Civilian Office of Police Accountability',
      agencyNameEs: 'Oficina Civil de Rendición de Cuentas Policiales',
      track: 'administrative',
      role: 'lead',
    },
    {
      agency: 'BIA',
      agencyName: 'Bureau of Internal Affairs',
      agencyNameEs: 'Oficina de Asuntos Internos',
      track: 'criminal',
      role: 'parallel',
    },
  ],
  dutyStatus: [
    {
      action: 'relieved_of_police_powers',
      members: 2,
      effectiveDate: '2023-09-28',
      decidedBy: 'the Superintendent of Police',
      decidedByEs: 'el Superintendente de Policía',
    },
  ],
};

describe('PublicCasePage duty status', () => {
  it.each([
    ['en', 'Relieved of police powers', 'the Superintendent of Police', 'Members concerned'],
    [
      'es',
      'Despojado de facultades policiales',
      'el Superintendente de Policía',
      'Miembros afectados',
    ],
  ] as const)(
    'in %s, shows the action, the count, the date and the deciding office of a restricted case',
    async (lang, action, office, membersHeading) => {
      stubFetch({ 'GET /api/public/v1/cases/2023-0001234': { body: restrictedCase } });
      renderIn(lang, <PublicCasePage logNumber="2023-0001234" />);
      const table = await screen.findByTestId('case-duty-status');
      const row = within(table).getAllByRole('row')[1]!;
      expect(row.textContent).toContain(action);
      expect(row.textContent).toContain(office);
      expect(row.textContent).toContain('2');
      expect(row.textContent).toMatch(/2023|28/);
      expect(table.textContent).toContain(membersHeading);
    },
  );

  it('shows no duty-status section when nothing is disclosed', async () => {
    stubFetch({
      'GET /api/public/v1/cases/2023-0001234': { body: { ...restrictedCase, dutyStatus: [] } },
    });
    renderIn('en', <PublicCasePage logNumber="2023-0001234" />);
    await screen.findByText('Sexual misconduct', { exact: false });
    expect(screen.queryByTestId('case-duty-status')).toBeNull();
  });
});

describe('PublicCasePage agencies and tracks (issue 22 item 4)', () => {
  it.each([
    ['en', 'Agencies', 'Bureau of Internal Affairs', 'Criminal', 'Parallel'],
    ['es', 'Agencias', 'Oficina de Asuntos Internos', 'Penal', 'Paralela'],
  ] as const)(
    'in %s, shows each agency by name with its track on a restricted case, and no date',
    async (lang, heading, bia, track, role) => {
      stubFetch({ 'GET /api/public/v1/cases/2023-0001234': { body: restrictedCase } });
      renderIn(lang, <PublicCasePage logNumber="2023-0001234" />);
      const section = await screen.findByTestId('case-agencies');
      expect(section.textContent).toContain(heading);
      const rows = within(section).getAllByRole('row');
      expect(rows).toHaveLength(3);
      expect(rows[2]!.textContent).toContain(bia);
      expect(rows[2]!.textContent).toContain(track);
      expect(rows[2]!.textContent).toContain(role);
      // a restricted case has no stage dates or date received to show
      expect(screen.queryByTestId('case-closed')).toBeNull();
      expect(document.body.textContent).not.toMatch(/2023-09-18|18 sept|Sep 18/i);
    },
  );
});
