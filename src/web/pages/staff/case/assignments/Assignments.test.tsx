import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { actionFormTests, caseFixture, catalogs, renderSection } from '../test-kit.tsx';
import { Assignments } from './Assignments.tsx';

describe('Assignments', () => {
  actionFormTests({
    Section: Assignments,
    form: 'form-assign',
    ability: 'case.assign',
    field: 'email',
    control: 'as-email',
    message: 'Invalid email address',
    messageKey: 'field.email',
  });

  it('says when nobody is assigned, and is absent when the viewer may not see assignments', () => {
    const { unmount } = renderSection('es', Assignments, caseFixture());
    expect(screen.getByText(catalogs.es['case.noAssignments'])).toBeTruthy();
    unmount();
    renderSection('en', Assignments, caseFixture({ assignments: undefined }));
    expect(screen.queryByTestId('section-assignments')).toBeNull();
  });
});
