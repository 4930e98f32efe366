import { Alert } from '@trussworks/react-uswds';
import { api } from '../../../../api/client.ts';
import { TextArea } from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, type CaseCtx } from '../section.tsx';

/**
 * Where the case is routed and why, every routing decision since intake (the history keeps each
 * one), and a re-routing the server offers (MCC 2-78-120(b-5)) with the accept button when the
 * server's abilities allow it.
 */
export function Routing(ctx: CaseCtx) {
  const { c } = ctx;
  const { t, date, bilingual } = useI18n();
  const { values, field, reset } = useFields({ note: '' }, 'rr');
  const review = c.routingReview;
  const history = c.routingHistory ?? [];
  // sent only from the form, which shows only under an offer
  const send = () =>
    api.acceptRoutingReview(c.logNumber, {
      // the offer this page showed: if it changed since, the server says 409
      agency: review!.agency,
      ...(values.note.trim() ? { note: values.note } : {}),
    });
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

          <CaseForm
            {...ctx}
            form="rerouting"
            vars={{ agency: review.agency }}
            onSubmit={send}
            reset={reset}
          >
            {(e) => <TextArea label={t('action.note')} optional {...field(e, 'note')} />}
          </CaseForm>
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
