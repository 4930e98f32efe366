import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseAbility } from '../../../../../shared/schemas/cases.ts';
import { actionFormTests, caseFixture, catalogs, renderSection } from '../test-kit.tsx';
import { pressInquiryFixture } from '../../press/test-fixture.ts';
import { PressInquiries } from './PressInquiries.tsx';

const asked = (actions: CaseAbility[]) => {
  const c = caseFixture();
  return caseFixture(
    {
      statements: [
        { ...c.statements[0]!, status: 'published', publishedAt: '2026-03-03T10:00:00Z' },
      ],
      pressInquiries: [pressInquiryFixture({ logNumbers: [c.logNumber], otherCases: 0 })],
    },
    actions,
  );
};

describe('PressInquiries', () => {
  actionFormTests({
    Section: PressInquiries,
    c: asked,
    form: 'form-press',
    ability: 'case.log_press_inquiry',
    field: 'receivedAt',
    control: 'pr-at',
    message: 'Invalid ISO datetime',
    messageKey: 'field.dateTime',
  });

  it('offers to answer with a published statement, or in free text, only to who logs press inquiries', () => {
    const answer = catalogs.es['press.answerStatement'].replace('{language}', 'Inglés');
    const { unmount } = renderSection('es', PressInquiries, asked([]));
    expect(screen.queryByRole('button', { name: answer })).toBeNull();
    unmount();
    expect(screen.queryByText(catalogs.es['press.writeAnswer'])).toBeNull();
    renderSection('es', PressInquiries, asked(['case.log_press_inquiry']));
    expect(screen.getByRole('button', { name: answer })).toBeTruthy();
    expect(screen.getByText(catalogs.es['press.writeAnswer'])).toBeTruthy();
  });

  it.each(['en', 'es'] as const)('in %s, marks an inquiry past its committed deadline', (lang) => {
    renderSection(lang, PressInquiries, asked([]));
    const item = screen.getByTestId('press-inquiry');
    expect(item.textContent).toContain(catalogs[lang]['press.overdue']);
    expect(item.textContent).toContain(catalogs[lang]['press.state.open']);
  });
});
