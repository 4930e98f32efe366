import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Form, TextInput } from '@trussworks/react-uswds';
import { api, ApiError, type Session } from '../../api/client.ts';
import { SignInRequest } from '../../../shared/schemas/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  Field,
  ProblemAlert,
  describedBy,
  fieldErrorsOf,
  validate,
} from '../../components/problems.tsx';
import { Alert } from '@trussworks/react-uswds';

/** Email + password sign-in; used by the sign-in page and when a session ends mid-work. */
export function SignInForm({
  onSignedIn,
  idPrefix = 'signin',
}: {
  onSignedIn: (s: Session) => void;
  idPrefix?: string;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = fieldErrorsOf(error);
  const wrongCredentials = error instanceof ApiError && error.status === 401;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { email, password };
    const invalid = validate(SignInRequest, body);
    if (invalid) {
      setError(invalid);
      return;
    }
    setBusy(true);
    try {
      const s = await api.signIn(body);
      setError(null);
      setPassword('');
      onSignedIn(s);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={(e) => void submit(e)} large>
      {wrongCredentials ? (
        <Alert type="error" headingLevel="h2" heading={t('error.title')} role="alert" slim>
          {t('field.generic')} — {t('signIn.email')} / {t('signIn.password')}
        </Alert>
      ) : (
        <ProblemAlert error={error} />
      )}
      <Field id={`${idPrefix}-email`} label={t('signIn.email')} error={fields.email}>
        <TextInput
          id={`${idPrefix}-email`}
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-describedby={describedBy(`${idPrefix}-email`, fields.email)}
          validationStatus={fields.email ? 'error' : undefined}
        />
      </Field>
      <Field id={`${idPrefix}-password`} label={t('signIn.password')} error={fields.password}>
        <TextInput
          id={`${idPrefix}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby={describedBy(`${idPrefix}-password`, fields.password)}
          validationStatus={fields.password ? 'error' : undefined}
        />
      </Field>
      <Button type="submit" disabled={busy}>
        {t('signIn.submit')}
      </Button>
    </Form>
  );
}
