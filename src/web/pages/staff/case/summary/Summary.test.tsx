import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { actionFormTests, caseFixture, catalogs, renderSection } from '../test-kit.tsx';
import { Summary } from './Summary.tsx';

describe('Summary', () => {
  actionFormTests({
    Section: Summary,
    form: 'form-correct',
    ability: 'case.correct_facts',
    field: 'incident.beat',
    control: 'co-beat',
    message: 'must be a 3- or 4-digit beat',
    messageKey: 'field.beat',
  });

  it('shows the stage and, to a public-information officer, that only public fields are shown', () => {
    renderSection('es', Summary, caseFixture({ view: 'public_fields' }));
    expect(screen.getByTestId('case-status').textContent).toBe(catalogs.es['status.investigation']);
    expect(screen.getByText(catalogs.es['case.publicFields'])).toBeTruthy();
  });

  it('starts the correction form from the facts intake recorded', () => {
    renderSection('en', Summary, caseFixture({}, ['case.correct_facts']));
    expect((document.getElementById('co-address') as HTMLInputElement).value).toBe(
      '100 W Randolph St',
    );
    expect(
      (document.getElementById('co-category-excessive_force') as HTMLInputElement).checked,
    ).toBe(true);
  });
});
