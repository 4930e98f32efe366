import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Button, Form } from '@trussworks/react-uswds';
import { useI18n } from '../i18n/i18n.tsx';
import { ProblemAlert, fieldErrorsOf, type FieldErrors } from './problems.tsx';

/**
 * One call to the API from a form or a button: whether it is under way, and the error it ended
 * with (kept until the next call succeeds, for ProblemAlert and the fields). `run` resolves true
 * when the call and what follows it (`then`, a reload) succeeded.
 */
export function useAction() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (
    call: () => Promise<unknown>,
    then?: () => void | Promise<void>,
  ): Promise<boolean> => {
    setBusy(true);
    try {
      await call();
      setError(null);
      await then?.();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

/**
 * A small form behind a disclosure button that calls the API once. On failure its input stays as typed, field errors sit
 * next to their fields, and a 409 offers to reload the case; on success it reports and resets.
 */
export function ActionForm({
  id,
  title,
  submitLabel,
  onSubmit,
  onDone,
  onReload,
  children,
}: {
  id: string;
  title: string;
  submitLabel: string;
  onSubmit: () => Promise<unknown>;
  onDone: () => void | Promise<void>;
  onReload: () => void;
  children: (errors: FieldErrors) => ReactNode;
}) {
  const { t } = useI18n();
  const { error, busy, run } = useAction();
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    // announced once the page shows the change
    setSaved(await run(onSubmit, onDone));
  };
  return (
    <details className="margin-top-3 ovs-action" data-testid={id}>
      <summary className="usa-button usa-button--outline" id={`${id}-title`}>
        {title}
      </summary>
      <ProblemAlert error={error} onReload={onReload} />
      <Form onSubmit={(e) => void submit(e)} className="maxw-full">
        {children(fieldErrorsOf(error))}
        <Button type="submit" disabled={busy}>
          {submitLabel}
        </Button>
        <span role="status" className="margin-left-1">
          {saved ? t('common.saved') : ''}
        </span>
      </Form>
    </details>
  );
}
