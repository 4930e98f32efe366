import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en as publicEn } from '../../i18n/en.ts';
import { es as publicEs } from '../../i18n/es.ts';
import { stubFetch } from '../../test/fetch.ts';
import { renderIn } from '../../test/render.tsx';
import { CaseStatements, inVisitorLanguage } from './CaseStatements.tsx';
import { StatementsPage } from './StatementsPage.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const EN = '00000000-0000-4000-8000-0000000000e1';
const ES = '00000000-0000-4000-8000-0000000000e2';
const AT = '2026-12-05T15:00:00.000Z';
const pair = [
  {
    id: EN,
    logNumbers: ['2023-0001234'],
    language: 'en',
    text: 'The allegations are under investigation.',
    translationOf: null,
    translationId: ES,
    publishedAt: AT,
  },
  {
    id: ES,
    logNumbers: ['2023-0001234'],
    language: 'es',
    text: 'Las denuncias están bajo investigación.',
    translationOf: EN,
    translationId: EN,
    publishedAt: AT,
  },
];
const officeWide = {
  id: '00000000-0000-4000-8000-0000000000e3',
  logNumbers: [],
  language: 'en',
  text: 'The office answers the press within a day.',
  translationOf: null,
  translationId: null,
  publishedAt: AT,
};

describe('the case page’s statements (issue 22 item 4)', () => {
  it.each([
    ['en', 'The allegations are under investigation.', 'Las denuncias'],
    ['es', 'Las denuncias están bajo investigación.', 'The allegations'],
  ] as const)('in %s, shows each statement once, in the visitor’s language', (lang, shown, not) => {
    renderIn(lang, <CaseStatements statements={pair} />);
    const section = screen.getByTestId('case-statements');
    expect(section.textContent).toContain(shown);
    expect(section.textContent).not.toContain(not);
    expect(section.querySelector('blockquote')?.getAttribute('lang')).toBe(lang);
  });

  it('keeps a statement that has no version in the visitor’s language', () => {
    expect(inVisitorLanguage([officeWide], 'es')).toEqual([officeWide]);
    expect(inVisitorLanguage([], 'es')).toEqual([]);
  });
});

describe('StatementsPage', () => {
  it.each([
    ['en', 'About the whole office', 'Follow these statements (Atom feed)'],
    ['es', 'Sobre toda la oficina', 'Seguir estas declaraciones (canal Atom)'],
  ] as const)(
    'in %s, lists statements with their cases or the whole office, and filters by case',
    async (lang, whole, feed) => {
      const fetch = stubFetch({
        'GET /api/public/v1/statements': { body: { items: [officeWide, pair[0]], total: 2 } },
      });
      renderIn(lang, <StatementsPage />);
      await waitFor(() => expect(screen.getByText(new RegExp(whole))).toBeTruthy());
      expect(screen.getByRole('link', { name: /2023-0001234/ }).getAttribute('href')).toBe(
        '/cases/2023-0001234',
      );
      const catalog = lang === 'en' ? publicEn : publicEs;
      const caseField = document.getElementById('statement-case')!;
      expect(document.querySelector('label[for="statement-case"]')?.textContent).toContain(
        catalog['pub.statements.caseFilter'],
      );
      fireEvent.change(caseField, { target: { value: ' 2023-0001234 ' } });
      fireEvent.click(screen.getByRole('button', { name: catalog['pub.statements.filter'] }));
      await waitFor(() => {
        expect(fetch.mock.calls.at(-1)?.[0]).toContain('logNumber=2023-0001234');
      });
      expect(screen.getByRole('link', { name: feed }).getAttribute('href')).toBe(
        '/api/public/v1/statements.atom?logNumber=2023-0001234',
      );
    },
  );
});
