import { useState } from 'react';
import { Alert, Button } from '@trussworks/react-uswds';
import { api } from '../../api/client.ts';
import { ProblemAlert } from '../../components/problems.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { DataTable } from '../../components/DataTable.tsx';

/**
 * The signed-in user's live sessions (devices), to end one they do not recognise or all but this
 * one (ADR 0015). The server decides: someone else's session cannot be named here.
 */
export function SessionsPage() {
  const { t, dateTime } = useI18n();
  const { data, error, reload } = useLoad(() => api.sessions(), []);
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const sessions = data?.sessions ?? [];

  const act = async (run: () => Promise<number>) => {
    try {
      const n = await run();
      setActionError(null);
      setNotice(t('sessions.ended', { count: n }));
      await reload();
    } catch (err) {
      setActionError(err);
    }
  };

  return (
    <>
      <PageHeading title={t('sessions.title')} intro={t('sessions.intro')} />
      <ProblemAlert error={error ?? actionError} />
      <div role="status" aria-live="polite" data-testid="sessions-status">
        {notice ? (
          <Alert type="success" headingLevel="h2" slim>
            {notice}
          </Alert>
        ) : null}
      </div>
      <DataTable
        caption={t('sessions.caption')}
        captionShown
        fullWidth={false}
        bodyTestId="sessions-list"
        rows={sessions}
        columns={[
          { header: 'sessions.col.signedIn', cell: (s) => dateTime(s.createdAt) },
          { header: 'sessions.col.lastSeen', cell: (s) => dateTime(s.lastSeenAt) },
          {
            header: 'sessions.col.device',
            cell: (s) => (
              <>
                {s.userAgent ?? '—'}
                {s.ip ? ` · ${s.ip}` : ''}
              </>
            ),
          },
          {
            header: 'sessions.col.action',
            cell: (s) =>
              s.current ? (
                <strong>{t('sessions.current')}</strong>
              ) : (
                <Button
                  type="button"
                  secondary
                  onClick={() => void act(async () => (await api.endSession(s.id), 1))}
                  aria-label={t('sessions.endOne', { when: dateTime(s.createdAt) })}
                >
                  {t('sessions.end')}
                </Button>
              ),
          },
        ]}
      />
      <Button
        type="button"
        onClick={() => void act(async () => (await api.endOtherSessions()).revoked)}
        data-testid="end-other-sessions"
        disabled={sessions.filter((s) => !s.current).length === 0}
      >
        {t('sessions.endOthers')}
      </Button>
    </>
  );
}
