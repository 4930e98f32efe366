import { Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../../../shared/enums.ts';
import { api } from '../../../../api/client.ts';
import { CodeOptions } from '../../../../components/form/CodeOptions.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { Field } from '../../../../components/problems.tsx';
import { chicagoToIso, nowChicagoLocal, useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, type CaseCtx } from '../section.tsx';

/** Logs an investigative activity (a canvass, an interview…) on the case's timeline. */
export function ActivityForm({ c, reload }: CaseCtx) {
  const { t } = useI18n();
  const {
    values: f,
    bind,
    reset,
  } = useFields<{
    kind: ActivityKind;
    occurredAt: string;
    place: string;
    outcome: string;
    summary: string;
  }>(
    {
      kind: 'canvass',
      occurredAt: nowChicagoLocal(),
      place: '',
      outcome: '',
      summary: '',
    },
    'ac',
  );
  return (
    <CaseForm
      reload={reload}
      id="form-activity"
      title={t('action.activity')}
      submitLabel={t('action.add')}
      onSubmit={() =>
        api.logActivity(c.logNumber, {
          kind: f.kind,
          occurredAt: chicagoToIso(f.occurredAt),
          ...(f.place.trim() ? { place: f.place } : {}),
          ...(f.outcome.trim() ? { outcome: f.outcome } : {}),
          summary: f.summary,
        })
      }
      reset={() => reset()}
    >
      {(e) => (
        <>
          <Field id="ac-kind" label={t('col.kind')} error={e.kind}>
            <Select {...bind('kind')}>
              <CodeOptions codes={ACTIVITY_KINDS} kind="activityKind" />
            </Select>
          </Field>
          <Field id="ac-at" label={t('action.occurredAt')} error={e.occurredAt}>
            <input className="usa-input" type="datetime-local" {...bind('occurredAt', 'ac-at')} />
          </Field>
          <Field id="ac-place" label={t('action.place')} error={e.place} optional>
            <TextInput type="text" {...bind('place')} />
          </Field>
          <Field id="ac-outcome" label={t('action.outcome')} error={e.outcome} optional>
            <TextInput type="text" {...bind('outcome')} />
          </Field>
          <Field id="ac-summary" label={t('action.summary')} error={e.summary}>
            <Textarea {...bind('summary')} />
          </Field>
        </>
      )}
    </CaseForm>
  );
}
