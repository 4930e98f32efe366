import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch, unprocessable } from '../../test/fetch.ts';
import { renderIn } from '../../test/render.tsx';
import { ComplaintPage } from './ComplaintPage.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const type = (id: string, value: string) =>
  fireEvent.change(document.getElementById(id)!, { target: { value } });
const submit = () => fireEvent.click(screen.getByTestId('complaint-submit'));
const errorOf = (id: string) => document.getElementById(`${id}-error`)?.textContent;

describe('ComplaintPage', () => {
  it('asks for contact details only when named, and for the organization only for someone else', () => {
    stubFetch({});
    renderIn('en', <ComplaintPage />);
    expect(document.getElementById('contact-name')).toBeNull();
    expect(document.getElementById('intermediary-organization')).toBeNull();
    fireEvent.click(document.getElementById('identity-named')!);
    fireEvent.click(document.getElementById('filedBy-intermediary')!);
    expect(screen.getByLabelText(/^Email/)).toBe(document.getElementById('contact-email'));
    expect(document.getElementById('intermediary-organization')).not.toBeNull();
  });

  it.each([
    ['en', 'What happened?', 'This field is required.'],
    ['es', '¿Qué pasó?', 'Este campo es obligatorio.'],
  ] as const)(
    'in %s, says the narrative is required next to it and links to it from the summary',
    async (lang, label, message) => {
      const f = stubFetch({});
      renderIn(lang, <ComplaintPage />);
      submit();
      await waitFor(() => expect(errorOf('narrative')).toBe(message));
      const link = screen.getByRole('link', { name: `${label}: ${message}` });
      expect(link.getAttribute('href')).toBe('#narrative');
      expect(f.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
    },
  );

  it.each([
    ['en', 'Enter a 3-digit district like 010.', 'Enter an email address like name@example.gov.'],
    [
      'es',
      'Escriba un distrito de 3 dígitos, como 010.',
      'Escriba un correo electrónico como nombre@ejemplo.gov.',
    ],
  ] as const)(
    'in %s, shows the server’s problem+json 422 by the fields it names',
    async (lang, district, email) => {
      const f = stubFetch({
        'POST /api/public/v1/complaints': unprocessable([
          { field: 'incident.district', message: 'must be a 3-digit district' },
          { field: 'contact.email', message: 'Invalid email address' },
        ]),
      });
      renderIn(lang, <ComplaintPage />);
      fireEvent.click(document.getElementById('identity-named')!);
      type('contact-email', 'someone@example.org');
      type('narrative', 'An officer pushed me at the bus stop.');
      type('incident-district', '010');
      submit();
      await waitFor(() => expect(errorOf('incident-district')).toBe(district));
      expect(errorOf('contact-email')).toBe(email);
      expect(errorOf('narrative')).toBeUndefined();
      expect(document.getElementById('contact-email')?.getAttribute('aria-describedby')).toBe(
        'contact-email-error',
      );
      const sent = f.mock.calls.find(([, init]) => init?.method === 'POST');
      expect(JSON.parse(sent?.[1]?.body as string)).toMatchObject({
        anonymous: false,
        contact: { email: 'someone@example.org' },
        incident: { district: '010' },
        language: lang,
      });
    },
  );
});
