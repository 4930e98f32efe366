import { Alert, Button, ErrorMessage, FormGroup, Label } from '@trussworks/react-uswds';
import { useEffect } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/http.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Field messages by dotted path, from a problem+json body or a client-side zod check. */
export type FieldErrors = Record<string, string>;

/** The field errors of an error, keyed by path (with an optional prefix stripped). */
export function fieldErrorsOf(err: unknown, prefix = ''): FieldErrors {
  if (!(err instanceof ApiError)) {
    return {};
  }
  const out: FieldErrors = {};
  for (const f of err.fields) {
    const key = prefix && f.field.startsWith(prefix) ? f.field.slice(prefix.length) : f.field;
    out[key] ??= f.message;
  }
  return out;
}

/**
 * Checks a request body with the same shared zod schema the server uses. The server still says
 * the final word; this only saves a round trip. Returns an ApiError shaped like the server's 400.
 */
export function validate<S extends z.ZodType>(schema: S, body: unknown): ApiError | null {
  const r = schema.safeParse(body);
  if (r.success) {
    return null;
  }
  return new ApiError(
    400,
    'validation_failed',
    'invalid',
    r.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })),
  );
}

/** Where a field's error leads in the error summary: the control's id and its label. */
export type FieldTargets = Record<string, { id: string; label: string }>;

/** The target of an error path: itself, or the nearest listed parent (`files.0.data` → `files`). */
function targetOf(path: string, targets: FieldTargets): { id: string; label: string } | null {
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const hit = targets[p];
    if (hit) {
      return hit;
    }
  }
  return null;
}

/** Focus and show a field from the summary without changing the address (the router owns it). */
function goToField(e: MouseEvent<HTMLAnchorElement>, id: string): void {
  const el = document.getElementById(id);
  if (el) {
    e.preventDefault();
    el.scrollIntoView({ block: 'center' });
    el.focus();
  }
}

/**
 * The alert above a form after a failed call: field problems, a lost session, a conflicting
 * change (with a reload button), a forbidden action, a network failure. Typed input is never
 * cleared by an error.
 *
 * Given `fields`, it is the USWDS error summary: it takes focus whenever a new error arrives (a
 * phone's screen is at the submit button, far below; focus brings the summary into view and
 * has it read), and lists each field error as a link to its control.
 */
export function ProblemAlert({
  error,
  onReload,
  fields,
}: {
  error: unknown;
  onReload?: () => void;
  fields?: FieldTargets;
}) {
  const { t, fieldMessage } = useI18n();
  const summary = Boolean(fields);
  useEffect(() => {
    if (summary && error) {
      document.getElementById('error-summary')?.focus();
    }
  }, [error, summary]);
  if (!error) {
    return null;
  }
  const e =
    error instanceof ApiError
      ? error
      : new ApiError(0, 'error', error instanceof Error ? error.message : 'error');
  let heading = t('error.title');
  let body: ReactNode = t('error.generic');
  let links = false;
  if (e.status === 409) {
    heading = t('error.conflict.title');
    body = (
      <>
        {t('error.conflict.body')}{' '}
        {onReload ? (
          <Button type="button" unstyled onClick={onReload}>
            {t('error.reload')}
          </Button>
        ) : null}
      </>
    );
  } else if (e.status === 400 && fields && e.fields.length > 0) {
    // a list cannot sit in the alert's <p>: `validation` makes the alert take the body as is
    links = true;
    body = (
      <ul className="usa-list usa-list--unstyled usa-alert__text">
        {e.fields.map((f) => {
          const target = targetOf(f.field, fields);
          return (
            <li key={f.field}>
              {target ? (
                <a
                  className="usa-link"
                  href={`#${target.id}`}
                  onClick={(ev) => goToField(ev, target.id)}
                >
                  {target.label}: {fieldMessage(f.message)}
                </a>
              ) : (
                fieldMessage(f.message)
              )}
            </li>
          );
        })}
      </ul>
    );
  } else if (e.status === 400) {
    body = e.fields.length > 0 ? t('error.invalid') : t('error.generic');
  } else if (e.status === 401) {
    heading = t('session.lost.title');
    body = t('session.lost.body');
  } else if (e.status === 403) {
    body = e.code === 'csrf_token_invalid' ? t('error.csrf') : t('error.forbidden');
  } else if (e.status === 404) {
    body = t('error.notFound');
  } else if (e.status === 422) {
    body = t('error.unprocessable');
  } else if (e.status === 0) {
    body = t('error.network');
  }
  return (
    <Alert
      type={e.status === 409 ? 'warning' : 'error'}
      headingLevel="h2"
      heading={heading}
      role="alert"
      data-testid="problem"
      data-code={e.code}
      validation={links}
      {...(summary ? { id: 'error-summary', tabIndex: -1 } : {})}
    >
      {body}
    </Alert>
  );
}

/** A labelled form control with its error message next to it (USWDS form group). */
export function Field({
  id,
  label,
  error,
  hint,
  optional,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  optional?: boolean;
  children: ReactNode;
}) {
  const { t, fieldMessage } = useI18n();
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={id} error={Boolean(error)}>
        {label}
        {optional ? <span className="usa-hint"> ({t('common.optional')})</span> : null}
      </Label>
      {hint ? (
        <div className="usa-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`}>{fieldMessage(error)}</ErrorMessage> : null}
      {children}
    </FormGroup>
  );
}

/** aria-describedby for a control inside a Field. */
export function describedBy(
  id: string,
  error: string | undefined,
  hint?: boolean,
): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}
