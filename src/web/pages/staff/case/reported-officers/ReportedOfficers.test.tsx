import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  actionFormTests,
  answerWithProblem,
  caseFixture,
  catalogs,
  expectFieldError,
  renderSection,
  submitForm,
} from '../test-kit.tsx';
import { ReportedOfficers } from './ReportedOfficers.tsx';

describe('ReportedOfficers', () => {
  actionFormTests({
    Section: ReportedOfficers,
    form: 'form-reported-officer',
    ability: 'case.add_allegation',
    field: 'star',
    control: 'ro-star',
    message: 'must be a star number of up to 6 digits',
    messageKey: 'field.star',
  });

  it('asks why when an officer is dismissed, and shows the server problem by that field', async () => {
    answerWithProblem([
      { field: 'reason', message: 'Too small: expected string to have >=1 characters' },
    ]);
    renderSection('es', ReportedOfficers, caseFixture({}, ['case.add_allegation']));
    expect(document.getElementById('ro-reason')).toBeNull();
    fireEvent.click(screen.getByLabelText(catalogs.es['case.reported.dismiss']));
    expect(document.getElementById('ro-summary')).toBeNull();
    submitForm('form-reported-officer');
    await expectFieldError('ro-reason', catalogs.es['field.required']);
  });

  it('offers no form once every reported officer is resolved', () => {
    const c = caseFixture();
    const resolved = caseFixture(
      {
        reportedOfficers: [
          { ...c.reportedOfficers![0]!, status: 'dismissed', resolutionNote: 'not on duty' },
        ],
      },
      ['case.add_allegation'],
    );
    renderSection('en', ReportedOfficers, resolved);
    expect(screen.queryByTestId('form-reported-officer')).toBeNull();
    expect(screen.getByTestId('reported-officer').textContent).toContain('not on duty');
  });
});
