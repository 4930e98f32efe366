import { Alert } from '@trussworks/react-uswds';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { Routing } from '../routing/Routing.tsx';
import { Section, canUse, type CaseCtx } from '../section.tsx';
import { CorrectFacts } from './CorrectFacts.tsx';

/** What the case is: stage, type, receipt, categories, incident; its routing; the narrative. */
export function Summary(ctx: CaseCtx) {
  const { c, can } = ctx;
  const { t, label, date, dateTime } = useI18n();
  return (
    <Section id="summary" title={t('case.summary')}>
      {c.view === 'public_fields' ? (
        <Alert type="info" headingLevel="h3" slim>
          {t('case.publicFields')}
        </Alert>
      ) : null}
      {c.restricted && c.restrictionReasons ? (
        <p className="ovs-restricted">
          {t('case.restrictedReasons', {
            reasons: c.restrictionReasons.map((r) => label('restriction', r)).join(', '),
          })}
        </p>
      ) : null}
      <dl className="ovs-dl">
        <dt>{t('case.stage')}</dt>
        <dd data-testid="case-status">{label('status', c.status)}</dd>
        <dt>{t('case.type')}</dt>
        <dd>
          {label('caseType', c.caseType)}
          {c.notificationType ? ` — ${label('notificationType', c.notificationType)}` : ''}
        </dd>
        {c.channel ? (
          <>
            <dt>{t('case.channel')}</dt>
            <dd>{label('channel', c.channel)}</dd>
          </>
        ) : null}
        <dt>{t('case.received')}</dt>
        <dd>{dateTime(c.receivedAt)}</dd>
        {c.closedOn ? (
          <>
            <dt>{t('case.closedOn')}</dt>
            <dd data-testid="case-closed-on">{date(c.closedOn)}</dd>
          </>
        ) : null}
        <dt>{t('col.categories')}</dt>
        <dd>{c.categories.map((x) => label('category', x)).join(', ') || '—'}</dd>
        <dt>{t('col.agency')}</dt>
        <dd>{c.leadAgency}</dd>
        {c.flags && c.flags.length > 0 ? (
          <>
            <dt>{t('case.flags')}</dt>
            <dd>{c.flags.map((f) => label('flag', f)).join(', ')}</dd>
          </>
        ) : null}
        {c.incident ? (
          <>
            <dt>{t('case.incident')}</dt>
            <dd>
              {[
                c.incident.occurredAt ? dateTime(c.incident.occurredAt) : null,
                c.incident.address,
                c.incident.beat ? `${t('intake.beat')} ${c.incident.beat}` : null,
                c.incident.district ? `${t('intake.district')} ${c.incident.district}` : null,
              ]
                .filter(Boolean)
                .join(' · ') || '—'}
            </dd>
          </>
        ) : null}
        {c.facility ? (
          <>
            <dt>{t('col.facility')}</dt>
            <dd>
              {c.facility.name} ({c.facility.code})
              {c.facility.shelterSiteOnIncidentDate ? ` ${t('intake.facility.shelter')}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      <Routing {...ctx} />
      {canUse(can, 'correct') ? <CorrectFacts {...ctx} /> : null}
      {c.narrative !== undefined ? (
        <>
          <h3>{t('case.narrative')}</h3>
          <p className="measure-6" style={{ whiteSpace: 'pre-wrap' }}>
            {c.narrative}
          </p>
        </>
      ) : null}
    </Section>
  );
}
