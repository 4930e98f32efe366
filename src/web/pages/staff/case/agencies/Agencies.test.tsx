import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LEAD, OTHER, actionFormTests, caseFixture, renderSection } from '../test-kit.tsx';
import { Agencies } from './Agencies.tsx';

describe('Agencies', () => {
  actionFormTests({
    Section: Agencies,
    form: 'form-agency',
    ability: 'case.add_agency',
    field: 'agency',
    control: 'ag-agency',
    message: 'Required',
    messageKey: 'field.required',
  });

  it('offers first the agency that does not lead the case, whichever leads it', () => {
    for (const [lead, other] of [
      [LEAD, OTHER],
      [OTHER, LEAD],
    ] as const) {
      const { unmount } = renderSection(
        'en',
        Agencies,
        caseFixture({ leadAgency: lead }, ['case.add_agency']),
      );
      const select = document.getElementById('ag-agency') as HTMLSelectElement;
      expect(select.value).toBe(other);
      expect([...select.options].map((o) => o.value)).toEqual([other, lead]);
      unmount();
    }
  });

  it('lists each agency on the case with its track and role', () => {
    renderSection('es', Agencies, caseFixture());
    expect(screen.getByTestId('agencies').textContent).toContain(LEAD);
  });
});
