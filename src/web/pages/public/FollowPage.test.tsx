import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch, unprocessable } from '../../test/fetch.ts';
import { renderIn } from '../../test/render.tsx';
import { FollowPage } from './FollowPage.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id)!, { target: { value } });
const errorOf = (id: string) => document.getElementById(`${id}-error`)?.textContent;

const status = {
  logNumber: '2026-0000123',
  status: 'intake',
  receivedAt: '2026-11-02T15:00:00.000Z',
  investigatingAgency: 'Agency',
  nextClock: null,
  receivesLetters: true,
  notices: [],
  stages: [],
  informationAdded: 0,
};

describe('FollowPage', () => {
  it.each([
    ['en', 'This field is required.'],
    ['es', 'Este campo es obligatorio.'],
  ] as const)('in %s, asks for the passphrase next to its field', async (lang, message) => {
    const f = stubFetch({});
    renderIn(lang, <FollowPage />);
    type('confirmationNumber', 'OV-ABCD-EFGH-JKMN');
    fireEvent.click(screen.getByTestId('follow-submit'));
    await waitFor(() => expect(errorOf('passphrase')).toBe(message));
    expect(f).not.toHaveBeenCalled();
  });

  it.each([
    ['en', 'This is too long.'],
    ['es', 'Es demasiado largo.'],
  ] as const)(
    'in %s, shows the problem+json 422 of added information by the text it refused',
    async (lang, message) => {
      stubFetch({
        'POST /api/public/v1/complaints/lookup': { body: status },
        'POST /api/public/v1/complaints/information': unprocessable([
          { field: 'text', message: 'Too big: expected string to have <=20000 characters' },
        ]),
      });
      renderIn(lang, <FollowPage />);
      type('confirmationNumber', 'OV-ABCD-EFGH-JKMN');
      type('passphrase', 'maple river stone');
      fireEvent.click(screen.getByTestId('follow-submit'));
      await screen.findByTestId('follow-status');
      type('addition', 'The officer’s car number was 1234.');
      fireEvent.click(screen.getByTestId('add-submit'));
      await waitFor(() => expect(errorOf('addition')).toBe(message));
      expect(errorOf('passphrase')).toBeUndefined();
      expect((document.getElementById('addition') as HTMLTextAreaElement).value).toBe(
        'The officer’s car number was 1234.',
      );
    },
  );
});
