import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { actionFormTests, caseFixture, catalogs, renderSection } from '../test-kit.tsx';
import { Stage } from './Stage.tsx';

const transitions = [
  { to: 'review' as const, reasonRequired: false },
  { to: 'closed_no_finding' as const, reasons: ['withdrawn' as const], reasonRequired: true },
];
const withMoves = (actions: Parameters<typeof caseFixture>[1]) =>
  caseFixture({ abilities: { actions: [], transitions } }, actions);

describe('Stage section', () => {
  actionFormTests({
    Section: Stage,
    c: withMoves,
    form: 'form-transition',
    ability: 'case.transition',
    field: 'note',
    control: 'tr-note',
    message: 'Too big: expected string to have <=2000 characters',
    messageKey: 'field.tooLong',
  });

  it('says there is nothing to do when the server offers no next stage', () => {
    renderSection('es', Stage, caseFixture({}, ['case.transition']));
    expect(document.querySelector('[data-testid="form-transition"]')).toBeNull();
    expect(screen.getByText(catalogs.es['case.noActions'])).toBeTruthy();
  });
});
