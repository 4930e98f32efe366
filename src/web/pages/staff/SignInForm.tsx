import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, Form } from '@trussworks/react-uswds';
import { api, ApiError, type Session } from '../../api/client.ts';
import { SecondFactorRequest, SignInRequest } from '../../../shared/schemas/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { useSubmit } from '../../components/form/use-submit.ts';
import { useFields } from '../../components/form/use-fields.ts';
import { ProblemAlert, validate } from '../../components/problems.tsx';

/** Where the two-step sign-in stands (ADR 0015). */
type Step =
  | { kind: 'password' }
  | { kind: 'code'; challenge: string }
  | { kind: 'enrol'; challenge: string; secret: string; otpauthUri: string };

/** The base32 secret in groups of four, easier to type into an app. */
const grouped = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Sign-in: email + password, then the 6-digit TOTP code (or, on a first sign-in of a role that
 * requires it, the enrolment: the secret to add to an authenticator app, then a code). Used by the
 * sign-in page and when a session ends mid-work.
 */
export function SignInForm({
  onSignedIn,
  idPrefix = 'signin',
}: {
  onSignedIn: (s: Session) => void;
  idPrefix?: string;
}) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const { values, set, field } = useFields({ email: '', password: '', code: '' }, idPrefix);
  const setCode = (code: string) => set('code', code);
  const { error, setError, fields, busy, submit } = useSubmit();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const refused = error instanceof ApiError && error.status === 401;
  // the server's stable code for an unknown email, wrong password or locked account alike
  const wrongCredentials = error instanceof ApiError && error.code === 'invalid_credentials';

  useEffect(() => {
    // a new step replaces the form: move focus to its heading so screen readers announce it
    if (step.kind !== 'password') {
      headingRef.current?.focus();
    }
  }, [step.kind]);

  const submitPassword = async (e: FormEvent) => {
    e.preventDefault();
    const body = { email: values.email, password: values.password };
    await submit(validate(SignInRequest, body), async () => {
      const s = await api.signIn(body);
      set('password', '');
      if (s.step === 'signed_in') {
        onSignedIn(s);
      } else if (s.step === 'second_factor') {
        setStep({ kind: 'code', challenge: s.challenge });
      } else {
        setStep({
          kind: 'enrol',
          challenge: s.challenge,
          secret: s.secret,
          otpauthUri: s.otpauthUri,
        });
      }
    });
  };

  const submitCode = async (e: FormEvent) => {
    e.preventDefault();
    if (step.kind === 'password') {
      return;
    }
    const body = { challenge: step.challenge, code: values.code };
    await submit(
      validate(SecondFactorRequest, body),
      async () => {
        const s = await api.secondFactor(body);
        setCode('');
        setStep({ kind: 'password' });
        onSignedIn(s);
      },
      () => setCode(''),
    );
  };

  const restart = () => {
    setStep({ kind: 'password' });
    setCode('');
    setError(null);
  };

  if (step.kind !== 'password') {
    const enrol = step.kind === 'enrol';
    return (
      <Form onSubmit={(e) => void submitCode(e)} large>
        <h2 ref={headingRef} tabIndex={-1} data-testid="sign-in-step">
          {enrol ? t('signIn.enrol.title') : t('signIn.code.title')}
        </h2>
        {refused ? (
          <Alert type="error" headingLevel="h3" heading={t('error.title')} role="alert" slim>
            {t('signIn.code.wrong')}
          </Alert>
        ) : (
          <ProblemAlert error={error} />
        )}
        <p>{enrol ? t('signIn.enrol.intro') : t('signIn.code.intro')}</p>
        {step.kind === 'enrol' ? (
          <dl className="margin-y-2">
            <dt className="text-bold">{t('signIn.enrol.secret')}</dt>
            <dd className="margin-left-0 margin-bottom-2">
              <code className="font-mono-md" data-testid="totp-secret" data-secret={step.secret}>
                {grouped(step.secret)}
              </code>
            </dd>
            <dt className="text-bold">{t('signIn.enrol.uri')}</dt>
            <dd className="margin-left-0">
              <code className="font-mono-2xs text-wrap" data-testid="totp-uri">
                {step.otpauthUri}
              </code>
            </dd>
          </dl>
        ) : null}
        <TextField
          label={t('signIn.code.label')}
          hint={t('signIn.code.hint')}
          {...field(fields, 'code')}
          inputMode="numeric"
          pattern="[0-9 ]*"
          autoComplete="one-time-code"
          maxLength={7}
        />
        <Button type="submit" disabled={busy}>
          {enrol ? t('signIn.enrol.submit') : t('signIn.code.submit')}
        </Button>
        <Button type="button" unstyled className="margin-top-2" onClick={restart}>
          {t('signIn.code.restart')}
        </Button>
      </Form>
    );
  }

  return (
    <Form onSubmit={(e) => void submitPassword(e)} large>
      {wrongCredentials ? (
        <Alert type="error" headingLevel="h2" heading={t('error.title')} role="alert" slim>
          {t('signIn.wrong')}
        </Alert>
      ) : (
        <ProblemAlert error={error} />
      )}
      <TextField
        label={t('signIn.email')}
        type="email"
        autoComplete="username"
        {...field(fields, 'email')}
      />
      <TextField
        label={t('signIn.password')}
        type="password"
        autoComplete="current-password"
        {...field(fields, 'password')}
      />
      <Button type="submit" disabled={busy}>
        {t('signIn.submit')}
      </Button>
    </Form>
  );
}
