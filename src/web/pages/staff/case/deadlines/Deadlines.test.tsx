import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  actionFormTests,
  answerWithProblem,
  caseFixture,
  catalogs,
  renderSection,
} from '../test-kit.tsx';
import { Deadlines } from './Deadlines.tsx';

describe('Deadlines', () => {
  actionFormTests({
    Section: Deadlines,
    form: 'form-extend',
    ability: 'case.extend_deadline',
    field: 'reason',
    control: 'ex-reason',
    message: 'Too small: expected string to have >=1 characters',
    messageKey: 'field.required',
  });

  it('offers to complete an open deadline only to who may, and explains a conflict', async () => {
    const { unmount } = renderSection('en', Deadlines, caseFixture());
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    answerWithProblem([], { status: 409 });
    const { reload } = renderSection('es', Deadlines, caseFixture({}, ['case.complete_deadline']));
    fireEvent.click(screen.getByRole('button'));
    expect(await screen.findByText(catalogs.es['error.conflict.title'])).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: catalogs.es['error.reload'] }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('gives the basis of each clock in the interface language', () => {
    renderSection('es', Deadlines, caseFixture());
    expect(screen.getByText('Seis meses desde la recepción (MCC 2-78-135).')).toBeTruthy();
  });
});
