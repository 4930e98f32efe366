import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../test/fetch.ts';
import { renderIn } from '../../test/render.tsx';
import { caseFixture, catalogs } from './case/test-kit.tsx';
import { OfficeStatementsPage, logNumbersOf } from './OfficeStatementsPage.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const statement = caseFixture().statements[0]!;

describe('OfficeStatementsPage', () => {
  it('reads log numbers separated by commas, spaces or lines; none is office-wide', () => {
    expect(logNumbersOf(' 2023-0001234, 2023-0001235\n2023-0001236 ')).toEqual([
      '2023-0001234',
      '2023-0001235',
      '2023-0001236',
    ]);
    expect(logNumbersOf('  ')).toEqual([]);
  });

  it.each(['en', 'es'] as const)(
    'in %s, lists the office’s statements with their cases and drafts one about several cases',
    async (lang) => {
      const drafted: unknown[] = [];
      stubFetch({
        'GET /api/v1/statements': {
          body: { items: [statement, { ...statement, id: 'x', logNumbers: [] }] },
        },
        'POST /api/v1/statements': (body) => {
          drafted.push(body);
          return { status: 201, body: { id: statement.id, status: 'draft' } };
        },
      });
      renderIn(lang, <OfficeStatementsPage />);
      await waitFor(() => {
        expect(screen.getByText(catalogs[lang]['statements.officeWide'], { exact: false }));
      });
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
        catalogs[lang]['statements.title'],
      );
      expect(screen.getByRole('link', { name: '2026-0000123' })).toBeTruthy();
      fireEvent.change(document.getElementById('st-cases')!, {
        target: { value: '2023-0001234, 2023-0001235' },
      });
      fireEvent.change(document.getElementById('st-text')!, {
        target: { value: 'Both cases are under investigation.' },
      });
      fireEvent.submit(document.querySelector('[data-testid="form-office-statement"] form')!);
      await waitFor(() => expect(drafted).toHaveLength(1));
      expect(drafted[0]).toEqual({
        text: 'Both cases are under investigation.',
        language: 'en',
        logNumbers: ['2023-0001234', '2023-0001235'],
      });
    },
  );
});
