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

/** The server's preview of the public answer: one action shown, one withheld (issue 22 item 1). */
const publicPreview = {
  visibility: 'category_and_status' as const,
  dutyStatus: [
    {
      action: 'relieved_of_police_powers' as const,
      members: 2,
      effectiveDate: '2023-09-28',
      decidedBy: 'the Superintendent of Police',
      decidedByEs: 'el Superintendente de Policía',
    },
  ],
  withheld: [
    {
      action: 'administrative_duty' as const,
      members: 1,
      effectiveDate: '2023-10-02',
      reason: 'small_unit' as const,
    },
  ],
  minUnitMembers: 5,
};

describe('DutyStatus public record preview', () => {
  it.each([
    [
      'en',
      'Public record preview',
      'the Superintendent of Police',
      'Administrative duty',
      'fewer than 5 members',
    ],
    [
      'es',
      'Vista previa del registro público',
      'el Superintendente de Policía',
      'Servicio administrativo',
      'menos de 5 miembros',
    ],
  ] as const)(
    'in %s, shows what the public page shows and names what is withheld and why',
    (lang, heading, office, withheldAction, why) => {
      renderSection(lang, DutyStatus, caseFixture({ publicPreview }));
      const preview = document.querySelector('[data-testid="duty-public-preview"]')!;
      expect(preview.textContent).toContain(heading);
      const row = preview.querySelectorAll('tbody tr');
      expect(row).toHaveLength(1);
      expect(row[0]!.textContent).toContain(office);
      expect(row[0]!.textContent).toContain('2');
      const withheld = preview.querySelector('[data-testid="duty-public-withheld"]')!;
      expect(withheld.textContent).toContain(withheldAction);
      expect(withheld.textContent).toContain(why);
    },
  );

  it('shows a public-fields viewer the preview without the ledger or what is withheld', () => {
    const { dutyStatus: _ledger, ...publicFields } = caseFixture({
      view: 'public_fields',
      publicPreview: { ...publicPreview, withheld: undefined },
    });
    renderSection('en', DutyStatus, publicFields);
    expect(document.querySelector('[data-testid="duty-public-preview"] tbody tr')).not.toBeNull();
    expect(document.querySelector('[data-testid="duty-public-withheld"]')).toBeNull();
    expect(document.querySelector('[data-testid="form-duty"]')).toBeNull();
  });

  it('says the page shows nothing for a status-only case', () => {
    renderSection(
      'en',
      DutyStatus,
      caseFixture({
        publicPreview: { ...publicPreview, visibility: 'status_only', dutyStatus: [] },
      }),
    );
    expect(document.querySelector('[data-testid="duty-public-preview"]')!.textContent).toContain(
      'shows its stage only',
    );
  });
});
