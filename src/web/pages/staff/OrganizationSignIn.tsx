import { useEffect, useState } from 'react';
import { Alert } from '@trussworks/react-uswds';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * "Sign in with your organization" (OpenID Connect, ADR 0016): shown only when the server has a
 * provider configured. A plain link, not a fetch: the browser itself must travel to the provider
 * and back so the flow cookie and the session cookie land where they belong.
 */
export function OrganizationSignIn() {
  const { t } = useI18n();
  const [offered, setOffered] = useState(false);
  const unavailable =
    new URLSearchParams(window.location.search).get('signin') === 'oidc_unavailable';

  useEffect(() => {
    let live = true;
    api
      .signInMethods()
      .then((m) => {
        if (live) {
          setOffered(m.oidc);
        }
      })
      .catch(() => {
        // no button when the server cannot say: password sign-in still works
      });
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      {unavailable ? (
        <Alert type="warning" headingLevel="h2" slim className="margin-top-3">
          {t('signIn.oidcUnavailable')}
        </Alert>
      ) : null}
      {offered ? (
        <div className="margin-top-3">
          <a className="usa-button usa-button--outline" href="/api/v1/session/oidc/start">
            {t('signIn.oidc')}
          </a>
          <p className="usa-hint">{t('signIn.oidcHint')}</p>
        </div>
      ) : null}
    </>
  );
}
