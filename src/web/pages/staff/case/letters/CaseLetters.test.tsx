import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LettersOut } from '../../../../../shared/schemas/letters.ts';
import {
  answerWithProblem,
  caseFixture,
  catalogs,
  expectFieldError,
  renderSection,
  uuid,
} from '../test-kit.tsx';
import { CaseLetters } from './CaseLetters.tsx';

/** The case's letters as GET /api/v1/cases/{logNumber}/letters answers them. */
const letters = LettersOut.parse({
  items: [
    {
      id: uuid(70),
      logNumber: '2026-0000123',
      kind: 'acknowledgement',
      language: 'es',
      channel: 'email',
      recipientKind: 'complainant',
      officialCode: null,
      recipient: { name: 'Alex Doe', email: 'alex@example.org' },
      recipientMasked: false,
      subject: 'Recibimos su queja',
      body: 'Estimado/a Alex Doe:',
      status: 'queued',
      attempts: 0,
      failure: null,
      failureDetail: null,
      failedAt: null,
      messageId: null,
      sentAt: null,
      approvedAt: null,
      deadlineId: null,
      createdAt: '2026-03-02T16:00:00Z',
    },
  ],
});

describe('CaseLetters', () => {
  it('offers to draft and to approve only for the abilities listed', async () => {
    answerWithProblem([], { get: letters });
    const { unmount } = renderSection('es', CaseLetters, caseFixture());
    expect(await screen.findByText('Recibimos su queja')).toBeTruthy();
    expect(screen.queryByTestId('letter-draft')).toBeNull();
    expect(screen.queryByRole('button', { name: catalogs.es['letters.approve'] })).toBeNull();
    unmount();
    renderSection('es', CaseLetters, caseFixture({}, ['case.draft_letter', 'case.approve_letter']));
    expect(
      await screen.findByRole('button', { name: catalogs.es['letters.approve'] }),
    ).toBeTruthy();
    expect(screen.getByTestId('letter-draft')).toBeTruthy();
  });

  for (const lang of ['en', 'es'] as const) {
    it(`shows the server's problem with the information asked for next to its field (${lang})`, async () => {
      answerWithProblem(
        [
          {
            field: 'requestedInformation.es',
            message: 'Too big: expected string to have <=2000 characters',
          },
        ],
        { get: letters },
      );
      renderSection(lang, CaseLetters, caseFixture({}, ['case.draft_letter']));
      fireEvent.change(document.getElementById('letter-kind')!, {
        target: { value: 'information_request' },
      });
      fireEvent.change(document.getElementById('requested-es')!, { target: { value: 'Fotos' } });
      fireEvent.submit(screen.getByTestId('letter-draft'));
      await expectFieldError('requested-es', catalogs[lang]['field.tooLong']);
      expect(document.getElementById('requested-en-error')).toBeNull();
    });
  }
});
