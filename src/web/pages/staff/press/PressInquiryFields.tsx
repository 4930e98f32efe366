import { DateTimeField, TextArea, TextField } from '../../../components/form/fields.tsx';
import { useFields } from '../../../components/form/use-fields.ts';
import type { FieldErrors } from '../../../components/problems.tsx';
import { chicagoToIso, nowChicagoLocal, useI18n } from '../../../i18n/i18n.tsx';

/**
 * The fields of a new press inquiry (outlet, reporter, question, received, the committed
 * deadline), on the press page and on a case's press section; `body()` is the request's part.
 */
export function usePressInquiryFields(idPrefix: string) {
  const fields = useFields(
    { outlet: '', reporter: '', question: '', receivedAt: nowChicagoLocal(), respondBy: '' },
    idPrefix,
  );
  const f = fields.values;
  const body = () => ({
    outlet: f.outlet,
    ...(f.reporter.trim() ? { reporter: f.reporter } : {}),
    question: f.question,
    receivedAt: chicagoToIso(f.receivedAt),
    ...(f.respondBy ? { respondBy: chicagoToIso(f.respondBy) } : {}),
  });
  return { ...fields, body };
}

export function PressInquiryFields({
  bind,
  errors: e,
  idPrefix,
}: {
  bind: ReturnType<typeof usePressInquiryFields>['bind'];
  errors: FieldErrors;
  idPrefix: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField type="text" label={t('action.outlet')} error={e.outlet} {...bind('outlet')} />
      <TextField
        type="text"
        label={t('press.reporter')}
        optional
        error={e.reporter}
        {...bind('reporter')}
      />
      <TextArea label={t('action.question')} error={e.question} {...bind('question')} />
      <DateTimeField
        label={t('case.received')}
        error={e.receivedAt}
        {...bind('receivedAt', `${idPrefix}-at`)}
      />
      <DateTimeField
        label={t('press.respondBy')}
        hint={t('press.respondByHint')}
        optional
        error={e.respondBy}
        {...bind('respondBy', `${idPrefix}-by`)}
      />
    </>
  );
}
