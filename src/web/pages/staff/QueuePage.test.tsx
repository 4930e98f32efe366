import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../test/fetch.ts';
import { renderIn } from '../../test/render.tsx';
import { QueuePage } from './QueuePage.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const errorOf = (id: string) => document.getElementById(`${id}-error`)?.textContent;

describe('QueuePage', () => {
  it('asks for the filters of the address and shows them in the form', async () => {
    const search = '?q=smith&status=intake&page=2';
    window.history.replaceState(null, '', `/staff/cases${search}`);
    const f = stubFetch({
      'GET /api/v1/cases': { body: { items: [], total: 0, page: 2, pageSize: 25 } },
      'GET /api/v1/facilities': { body: { items: [] } },
    });
    renderIn('en', <QueuePage search={search} />);
    await screen.findByTestId('queue-total');
    const [url] = f.mock.calls.find(([u]) => u.startsWith('/api/v1/cases'))!;
    expect(url).toBe('/api/v1/cases?q=smith&status=intake&page=2&pageSize=25');
    expect((document.getElementById('queue-q') as HTMLInputElement).value).toBe('smith');
    expect((document.getElementById('queue-status') as HTMLSelectElement).value).toBe('intake');
  });

  it.each([
    ['en', 'This cannot be in the future.'],
    ['es', 'No puede estar en el futuro.'],
  ] as const)('in %s, shows a refused filter’s message by its field', async (lang, message) => {
    const search = '?from=2999-01-01';
    window.history.replaceState(null, '', `/staff/cases${search}`);
    stubFetch({
      'GET /api/v1/cases': {
        status: 400,
        body: {
          code: 'validation_failed',
          detail: 'invalid',
          errors: [{ field: 'querystring.from', message: 'must not be in the future' }],
        },
      },
      'GET /api/v1/facilities': { body: { items: [] } },
    });
    renderIn(lang, <QueuePage search={search} />);
    await waitFor(() => expect(errorOf('queue-from')).toBe(message));
    expect(errorOf('queue-to')).toBeUndefined();
  });

  it.each([
    ['en', true, '40 cases'],
    ['en', false, 'More than 1,000 cases'],
    ['es', false, 'Más de 1,000 casos'],
  ] as const)(
    'in %s, a total that is exact=%s reads "%s", and past the count the pager goes on',
    async (lang, totalExact, text) => {
      const search = '?page=3';
      window.history.replaceState(null, '', `/staff/cases${search}`);
      const total = totalExact ? 40 : 1000;
      stubFetch({
        'GET /api/v1/cases': {
          body: { items: [], total, totalExact, order: 'received_desc' },
        },
        'GET /api/v1/facilities': { body: { items: [] } },
      });
      renderIn(lang, <QueuePage search={search} />);
      expect((await screen.findByTestId('queue-total')).textContent).toBe(text);
      const next = document.querySelector('.usa-pagination__next-page');
      // 40 cases are two pages: page 3 is past the end and offers no next page
      expect(next !== null).toBe(!totalExact);
    },
  );

  it.each([
    ['en', '?q=arrest', 'received_desc', 'Too many matches to rank'],
    ['es', '?q=arrest', 'received_desc', 'Demasiadas coincidencias'],
    ['en', '?q=arrest', 'relevance', null],
    ['en', '?q=arrest&sort=received_desc', 'received_desc', null],
    ['en', '?status=intake', 'received_desc', null],
  ] as const)(
    'in %s, %s listed by %s says it is not ranked: %s',
    async (lang, search, order, text) => {
      window.history.replaceState(null, '', `/staff/cases${search}`);
      stubFetch({
        'GET /api/v1/cases': {
          body: { items: [], total: 1000, totalExact: order !== 'relevance', order },
        },
        'GET /api/v1/facilities': { body: { items: [] } },
      });
      renderIn(lang, <QueuePage search={search} />);
      await screen.findByTestId('queue-total');
      const note = screen.queryByTestId('queue-unranked');
      expect(note?.textContent?.slice(0, text?.length) ?? null).toBe(text);
    },
  );
});
