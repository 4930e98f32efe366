import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseAbility } from '../../../../../shared/schemas/cases.ts';
import { LEAD, OTHER, actionFormTests, caseFixture, renderSection } from '../test-kit.tsx';
import { Routing } from './Routing.tsx';

const offered = (actions: CaseAbility[]) =>
  caseFixture(
    {
      leadAgency: OTHER,
      routingReview: {
        agency: LEAD,
        clause: 'MCC 2-78-120(b-5)',
        rule: 'joint_sexual_misconduct',
        explanation: 'A clause now gives the case to the other agency.',
        explanationEs: 'Una cláusula ahora da el caso a la otra agencia.',
        reason: 'joint_determination',
      },
    },
    actions,
  );

describe('Routing', () => {
  actionFormTests({
    Section: Routing,
    c: offered,
    form: 'form-accept-rerouting',
    ability: 'case.accept_rerouting',
    field: 'note',
    control: 'rr-note',
    message: 'Too big: expected string to have <=2000 characters',
    messageKey: 'field.tooLong',
  });

  it('explains the routing and the offer in the interface language', () => {
    renderSection('es', Routing, offered([]));
    expect(screen.getByTestId('case-routing').textContent).toContain(
      'La fuerza excesiva la investiga la agencia de supervisión.',
    );
    expect(screen.getByTestId('routing-review').textContent).toContain(
      'Una cláusula ahora da el caso a la otra agencia.',
    );
  });
});
