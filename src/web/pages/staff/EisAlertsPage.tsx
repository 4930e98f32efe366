import { useState } from 'react';
import { Alert, Button, Label, Select, Tag, Textarea } from '@trussworks/react-uswds';
import { api, type EisAlert } from '../../api/client.ts';
import { ActionForm } from '../../components/ActionForm.tsx';
import { ProblemAlert } from '../../components/problems.tsx';
import { Link } from '../../components/router.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Roles the server lets read the queue and the backtest (GLOBAL_GRANTS eis.read); it checks again. */
export const EIS_READER_ROLES: readonly string[] = [
  'supervisor',
  'chief_administrator',
  'auditor',
  'admin',
];

/**
 * The intervention queue (issue 19 item 4): alerts from the rules and the ranking, each with why
 * and its review steps. An alert is advice for support and training; the page says so, and
 * nothing on it can record discipline (the server has no such path either).
 */
export function EisAlertsPage() {
  const { t } = useI18n();
  const [open, setOpen] = useState(true);
  const { data, error, reload } = useLoad(() => api.eisAlerts(open), [open]);
  return (
    <>
      <PageHeading title={t('eis.title')} />
      <Alert
        type="info"
        headingLevel="h2"
        heading={t('eis.notice.heading')}
        data-testid="eis-notice"
      >
        {t('eis.notice')}
      </Alert>
      <p className="margin-top-2">
        <Link to="/staff/alerts/backtest">{t('eis.backtest.link')}</Link>
      </p>
      <div className="margin-top-2" role="group" aria-label={t('eis.title')}>
        <Button type="button" outline={!open} onClick={() => setOpen(true)} aria-pressed={open}>
          {t('eis.showOpen')}
        </Button>
        <Button type="button" outline={open} onClick={() => setOpen(false)} aria-pressed={!open}>
          {t('eis.showAll')}
        </Button>
      </div>
      <ProblemAlert error={error} onReload={() => void reload()} />
      {data && data.items.length === 0 ? <p>{t('eis.empty')}</p> : null}
      {data?.items.map((a) => (
        <AlertCard key={a.id} alert={a} onChanged={reload} />
      ))}
    </>
  );
}

function AlertCard({
  alert,
  onChanged,
}: {
  alert: EisAlert;
  onChanged: () => Promise<void> | void;
}) {
  const { t, label, date, dateTime, bilingual } = useI18n();
  const [picked, setTo] = useState(alert.nextSteps[0] ?? '');
  // after a step the choices change: a choice no longer offered falls back to the first
  const to = alert.nextSteps.includes(picked as EisAlert['status'])
    ? picked
    : (alert.nextSteps[0] ?? '');
  const [note, setNote] = useState('');
  const headingId = `alert-${alert.id}`;
  return (
    <section className="ovs-section" aria-labelledby={headingId} data-testid="eis-alert">
      <h2 id={headingId}>
        <Link to={`/staff/members/${encodeURIComponent(alert.member.id)}`}>
          {alert.member.name}
        </Link>{' '}
        <Tag data-testid="eis-alert-status">{label('alertStatus', alert.status)}</Tag>
      </h2>
      <p>
        {[
          alert.member.star ? t('eis.star', { star: alert.member.star }) : null,
          alert.member.unit ? t('eis.unit', { unit: alert.member.unit }) : null,
          `${t('eis.rule')}: ${alert.rule.label}`,
          `${t('eis.raisedOn')}: ${date(alert.raisedOn)}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <h3>{t('eis.reasons')}</h3>
      <ul className="usa-list" data-testid="eis-reasons">
        {alert.reasons.map((r) => (
          <li key={r.en}>{bilingual(r.en, r.es)}</li>
        ))}
      </ul>
      <h3>{t('eis.steps')}</h3>
      {alert.steps.length === 0 ? (
        <p>{t('eis.noSteps')}</p>
      ) : (
        <ol className="usa-list" data-testid="eis-steps">
          {alert.steps.map((s) => (
            <li key={`${s.at}-${s.to}`}>
              {dateTime(s.at)} · {s.actor ?? '—'} ·{' '}
              {t('eis.stepLine', {
                from: label('alertStatus', s.from),
                to: label('alertStatus', s.to),
              })}
              {' · '}
              {s.note}
            </li>
          ))}
        </ol>
      )}
      {alert.nextSteps.length > 0 ? (
        <ActionForm
          id={`eis-step-${alert.id}`}
          title={t('eis.step.title')}
          submitLabel={t('eis.step.submit')}
          onSubmit={() =>
            api.eisAlertStep(alert.id, {
              to: to as EisAlert['status'],
              note,
            })
          }
          onDone={async () => {
            setNote('');
            await onChanged();
          }}
          onReload={() => void onChanged()}
        >
          {() => (
            <>
              <Label htmlFor={`eis-to-${alert.id}`}>{t('eis.step.to')}</Label>
              <Select
                id={`eis-to-${alert.id}`}
                name="to"
                value={to}
                onChange={(e) => setTo(e.target.value)}
              >
                {alert.nextSteps.map((s) => (
                  <option key={s} value={s}>
                    {label('alertStatus', s)}
                  </option>
                ))}
              </Select>
              <Label htmlFor={`eis-note-${alert.id}`}>{t('eis.step.note')}</Label>
              <Textarea
                id={`eis-note-${alert.id}`}
                name="note"
                required
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </>
          )}
        </ActionForm>
      ) : null}
    </section>
  );
}
