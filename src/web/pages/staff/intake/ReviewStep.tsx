import type { ReactNode } from 'react';
import { Alert } from '@trussworks/react-uswds';
import type { Facility, RoutingPreview } from '../../../api/client.ts';
import { chicagoToIso, useI18n } from '../../../i18n/i18n.tsx';
import { officerLine, type IntakeForm } from './intake-form.ts';

/** Step 5: everything entered and the server's routing decision, before the case is filed. */
export function ReviewStep({
  form,
  facilities,
  preview,
}: {
  form: IntakeForm;
  facilities: Facility[];
  preview: RoutingPreview | null;
}) {
  const { t, label, lang } = useI18n();
  return (
    <>
      <IntakeSummary form={form} facilities={facilities} />
      <section aria-labelledby="preview-heading" data-testid="routing-preview">
        <h3 id="preview-heading">{t('intake.preview')}</h3>
        <p className="usa-hint">{t('intake.preview.hint')}</p>
        {preview ? (
          <>
            <dl className="ovs-dl">
              <dt>{t('intake.preview.agency')}</dt>
              <dd data-testid="preview-agency">{preview.routing.agency}</dd>
              <dt>{t('intake.preview.clause')}</dt>
              <dd data-testid="preview-clause">{preview.routing.clause}</dd>
            </dl>
            <p>{lang === 'es' ? preview.routing.explanationEs : preview.routing.explanation}</p>
            {preview.restricted ? (
              <Alert type="warning" headingLevel="h4" slim data-testid="preview-restricted">
                {t('intake.preview.restricted')} (
                {preview.restrictionReasons.map((r) => label('restriction', r)).join(', ')})
              </Alert>
            ) : (
              <p>{t('intake.preview.open')}</p>
            )}
          </>
        ) : null}
      </section>
    </>
  );
}

/** Everything entered, on the review step, before the case is registered (issue 23 item 3). */
function IntakeSummary({ form, facilities }: { form: IntakeForm; facilities: Facility[] }) {
  const { t, label, dateTime } = useI18n();
  const facility = facilities.find((f) => f.code === form.facilityCode);
  const row = (term: string, value: ReactNode) => (
    <>
      <dt>{term}</dt>
      <dd>{value === '' || value === null ? '—' : value}</dd>
    </>
  );
  const at = (local: string) => (local ? dateTime(chicagoToIso(local)) : '');
  const flags = [
    form.officersUnknown ? t('intake.officersUnknown') : null,
    form.seriousInjuryOrDeath ? t('intake.seriousInjury') : null,
    form.inCustody ? t('intake.inCustody') : null,
  ].filter(Boolean);
  return (
    <section aria-labelledby="summary-heading" data-testid="intake-summary">
      <h3 id="summary-heading">{t('intake.summary')}</h3>
      <p className="usa-hint">{t('intake.summary.hint')}</p>
      <dl className="ovs-dl">
        {row(
          t('intake.caseType'),
          label('caseType', form.caseType) +
            (form.caseType === 'notification' && form.notificationType
              ? ` — ${label('notificationType', form.notificationType)}`
              : ''),
        )}
        {row(t('intake.channel'), label('channel', form.channel))}
        {row(t('intake.receivedAt'), at(form.receivedAt))}
        {row(t('intake.narrative'), form.narrative)}
        {row(t('intake.occurredAt'), at(form.occurredAt))}
        {row(t('intake.address'), form.address)}
        {row(t('intake.beat'), form.beat)}
        {row(t('intake.district'), form.district)}
        {row(t('intake.facility'), facility ? `${facility.name} (${facility.code})` : '')}
        {row(t('intake.categories'), form.categories.map((c) => label('category', c)).join(', '))}
        {row(t('case.flags'), flags.join(', '))}
        {row(
          t('intake.step.people'),
          form.parties.length === 0 ? (
            t('intake.noPeople')
          ) : (
            <ul className="usa-list">
              {form.parties.map((p, i) => (
                <li key={i}>
                  {[
                    label('partyRole', p.role),
                    p.anonymous ? t('party.anonymous') : p.name.trim(),
                    p.phone.trim(),
                    p.email.trim(),
                    p.organization.trim(),
                    p.language ? label('language', p.language) : '',
                    ...p.vulnerabilities.map((v) => label('vulnerability', v)),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </li>
              ))}
            </ul>
          ),
        )}
        {row(
          t('intake.officers'),
          form.officers.length === 0 ? (
            ''
          ) : (
            <ul className="usa-list" data-testid="summary-officers">
              {form.officers.map((o, i) => (
                <li key={i}>{officerLine(t, o)}</li>
              ))}
            </ul>
          ),
        )}
      </dl>
    </section>
  );
}
