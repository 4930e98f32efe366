import { Alert, Textarea } from '@trussworks/react-uswds';
import { api } from '../../../../api/client.ts';
import { useFields } from '../../../../components/form/use-fields.ts';
import { Field } from '../../../../components/problems.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, type CaseCtx } from '../section.tsx';

/**
 * Where the case is routed and why, every routing decision since intake (the history keeps each
 * one), and a re-routing the server offers (MCC 2-78-120(b-5)) with the accept button when the
 * server's abilities allow it.
 */
export function Routing({ c, reload, can }: CaseCtx) {
  const { t, date, bilingual } = useI18n();
  const { values, bind, reset } = useFields({ note: '' }, 'rr');
  const review = c.routingReview;
  const history = c.routingHistory ?? [];
  return (
    <>
      {c.routing ? (
        <>
          <h3>{t('case.routing')}</h3>
          <p data-testid="case-routing">
            {t('case.routedTo', { agency: c.routing.agency, clause: c.routing.clause })}{' '}
            {bilingual(c.routing.explanation, c.routing.explanationEs)}
          </p>
          <p className="usa-hint">{date(c.routing.decidedAt)}</p>
        </>
      ) : null}
      {review ? (
        <Alert type="warning" headingLevel="h3" heading={t('case.routingReview')} slim={false}>
          <p data-testid="routing-review">
            {t('case.routingReviewJoint', { agency: review.agency, clause: review.clause })}{' '}
            {bilingual(review.explanation, review.explanationEs)}
          </p>
          {can('case.accept_rerouting') ? (
            <CaseForm
              reload={reload}
              id="form-accept-rerouting"
              title={t('action.acceptRerouting', { agency: review.agency })}
              onSubmit={() =>
                api.acceptRoutingReview(c.logNumber, {
                  // the offer this page showed: if it changed since, the server says 409
                  agency: review.agency,
                  ...(values.note.trim() ? { note: values.note } : {}),
                })
              }
              reset={() => reset()}
            >
              {(e) => (
                <Field id="rr-note" label={t('action.note')} error={e.note} optional>
                  <Textarea {...bind('note')} />
                </Field>
              )}
            </CaseForm>
          ) : null}
        </Alert>
      ) : null}
      {history.length > 1 ? (
        <>
          <h3>{t('case.routingHistory')}</h3>
          <ol className="usa-list" data-testid="routing-history">
            {history.map((r) => (
              <li key={`${r.decidedAt}-${r.agency}-${r.rule}`}>
                <strong>{t('case.routingDecision', { agency: r.agency, clause: r.clause })}</strong>{' '}
                ({date(r.decidedAt)}) {bilingual(r.explanation, r.explanationEs)}
                {r.jointReason ? <> {t('case.jointReason', { reason: r.jointReason })}</> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}
