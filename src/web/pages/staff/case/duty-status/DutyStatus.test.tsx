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
import { DutyStatus } from './DutyStatus.tsx';

describe('DutyStatus', () => {
  actionFormTests({
    Section: DutyStatus,
    form: 'form-duty',
    ability: 'case.recommend_duty_status',
    field: 'reason',
    control: 'du-reason',
    message: 'Too small: expected string to have >=1 characters',
    messageKey: 'field.required',
  });

  it('asks who decided when the caller may only decide, and shows the server problem there', async () => {
    answerWithProblem([{ field: 'decidedBy', message: 'required when stage is decided' }]);
    renderSection('es', DutyStatus, caseFixture({}, ['case.decide_duty_status']));
    const stages = [...document.querySelectorAll('#du-stage option')].map((o) =>
      o.getAttribute('value'),
    );
    expect(stages).toEqual(['decided']);
    submitForm('form-duty');
    await expectFieldError('du-decidedBy', catalogs.es['field.decidedBy']);
  });

  it('offers no form while no member is accused', () => {
    renderSection(
      'en',
      DutyStatus,
      caseFixture({ allegations: [] }, ['case.recommend_duty_status']),
    );
    expect(document.querySelector('[data-testid="form-duty"]')).toBeNull();
  });
});
