import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { actionFormTests, caseFixture, catalogs, renderSection } from '../test-kit.tsx';
import { Allegations } from './Allegations.tsx';

describe('Allegations', () => {
  actionFormTests({
    Section: Allegations,
    form: 'form-allegation',
    ability: 'case.add_allegation',
    field: 'summary',
    control: 'al-summary',
    message: 'Too small: expected string to have >=1 characters',
    messageKey: 'field.required',
  });

  actionFormTests({
    Section: Allegations,
    form: 'form-finding',
    ability: 'case.record_final_finding',
    field: 'finalPenalty',
    control: 'fi-fp',
    message: 'must be a 3-digit CPD penalty code',
    messageKey: 'field.penalty',
  });

  actionFormTests({
    Section: Allegations,
    form: 'form-activity',
    ability: 'case.log_activity',
    field: 'occurredAt',
    control: 'ac-at',
    message: 'must not be in the future',
    messageKey: 'field.future',
  });

  it('offers the recommended finding only to who may recommend, the final only to who may decide', () => {
    const { unmount } = renderSection(
      'en',
      Allegations,
      caseFixture({}, ['case.record_recommended_finding']),
    );
    expect(document.getElementById('fi-rf')).not.toBeNull();
    expect(document.getElementById('fi-ff')).toBeNull();
    unmount();
    renderSection('en', Allegations, caseFixture({}, ['case.record_final_finding']));
    expect(document.getElementById('fi-rf')).toBeNull();
    expect(document.getElementById('fi-ff')).not.toBeNull();
  });

  it('names the accused with a link to the member, and says when there are none', () => {
    const { unmount } = renderSection('en', Allegations, caseFixture());
    expect(screen.getByRole('link', { name: 'Dana Reyes (12345)' })).toBeTruthy();
    unmount();
    renderSection(
      'es',
      Allegations,
      caseFixture({ allegations: [] }, ['case.record_final_finding']),
    );
    expect(screen.getByText(catalogs.es['case.noAllegations'])).toBeTruthy();
    expect(screen.queryByTestId('form-finding')).toBeNull();
  });
});
