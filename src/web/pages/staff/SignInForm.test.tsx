import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../test/fetch.ts';
import { renderIn } from '../../test/render.tsx';
import { SignInForm } from './SignInForm.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

const errorOf = (id: string) => document.getElementById(`${id}-error`)?.textContent;

describe('SignInForm', () => {
  it.each([
    ['en', 'Sign in', 'This field is required.'],
    ['es', 'Iniciar sesión', 'Este campo es obligatorio.'],
  ] as const)('in %s, asks for the email next to its field', async (lang, submit, message) => {
    const f = stubFetch({});
    renderIn(lang, <SignInForm onSignedIn={() => undefined} />);
    fireEvent.change(document.getElementById('signin-password')!, { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: submit }));
    await waitFor(() => expect(errorOf('signin-email')).toBe(message));
    expect(document.getElementById('signin-email')?.getAttribute('aria-describedby')).toBe(
      'signin-email-error',
    );
    expect(f).not.toHaveBeenCalled();
  });

  it('asks for the code after the password when the server says so', async () => {
    stubFetch({
      'POST /api/v1/session': { body: { step: 'second_factor', challenge: 'c1' } },
    });
    renderIn('en', <SignInForm onSignedIn={() => undefined} />);
    fireEvent.change(document.getElementById('signin-email')!, {
      target: { value: 'chief@example.gov' },
    });
    fireEvent.change(document.getElementById('signin-password')!, { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(document.getElementById('signin-code')).not.toBeNull());
    expect(document.getElementById('signin-code')?.getAttribute('aria-describedby')).toBe(
      'signin-code-hint',
    );
  });
});
