import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { renderIn } from '../../test/render.tsx';
import { stubFetch, unprocessable } from '../../test/fetch.ts';
import { IntakePage } from './IntakePage.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const next = () => fireEvent.click(screen.getByTestId('wizard-next'));
const errorOf = (id: string) => document.getElementById(`${id}-error`)?.textContent;

describe('IntakePage', () => {
  it.each([
    ['en', 'What was reported', 'This field is required.'],
    ['es', 'Lo que se informó', 'Este campo es obligatorio.'],
  ] as const)(
    'in %s, asks for the narrative next to its field before leaving the first step',
    async (lang, label, message) => {
      stubFetch({ 'GET /api/v1/facilities': { body: { items: [] } } });
      renderIn(lang, <IntakePage />);
      expect(screen.getByLabelText(label)).toBeTruthy();
      next();
      await waitFor(() => expect(errorOf('narrative')).toBe(message));
      expect(screen.getByLabelText(label).getAttribute('aria-describedby')).toContain(
        'narrative-error',
      );
    },
  );

  it.each([
    ['en', 'Enter a 3-digit district like 010.'],
    ['es', 'Escriba un distrito de 3 dígitos, como 010.'],
  ] as const)(
    'in %s, shows the routing preview’s problem+json by the district, back on its step',
    async (lang, message) => {
      const f = stubFetch({
        'GET /api/v1/facilities': { body: { items: [] } },
        'POST /api/v1/routing/preview': unprocessable([
          { field: 'incident.district', message: 'must be a 3-digit district' },
        ]),
      });
      renderIn(lang, <IntakePage />);
      fireEvent.change(document.getElementById('narrative')!, {
        target: { value: 'Stopped and searched without a reason.' },
      });
      next(); // → incident
      await screen.findByRole('textbox', { name: /district|distrito/i });
      fireEvent.change(document.getElementById('district')!, { target: { value: '010' } });
      next(); // → people
      await waitFor(() => expect(document.getElementById('district')).toBeNull());
      next(); // → officers
      await waitFor(() => expect(document.getElementById('member-q')).not.toBeNull());
      next(); // → preview: refused
      await waitFor(() => expect(errorOf('district')).toBe(message));
      const sent = f.mock.calls.find(([url]) => url === '/api/v1/routing/preview');
      expect(JSON.parse(sent?.[1]?.body as string)).toMatchObject({
        incident: { district: '010' },
      });
    },
  );
});
