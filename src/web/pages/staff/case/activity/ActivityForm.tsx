import { ACTIVITY_KINDS, type ActivityKind } from '../../../../../shared/enums.ts';
import { api } from '../../../../api/client.ts';
import {
  DateTimeField,
  Options,
  SelectField,
  TextArea,
  TextField,
} from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { chicagoToIso, nowChicagoLocal, useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, type CaseCtx } from '../section.tsx';

/** Logs an investigative activity (a canvass, an interview…) on the case's timeline. */
export function ActivityForm(ctx: CaseCtx) {
  const { c } = ctx;
  const { t, label } = useI18n();
  const {
    values: f,
    field,
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
  const send = () =>
    api.logActivity(c.logNumber, {
      kind: f.kind,
      occurredAt: chicagoToIso(f.occurredAt),
      ...(f.place.trim() ? { place: f.place } : {}),
      ...(f.outcome.trim() ? { outcome: f.outcome } : {}),
      summary: f.summary,
    });
  return (
    <CaseForm {...ctx} form="activity" onSubmit={send} reset={reset}>
      {(e) => (
        <>
          <SelectField label={t('col.kind')} {...field(e, 'kind')}>
            <Options values={ACTIVITY_KINDS} labelOf={(x) => label('activityKind', x)} />
          </SelectField>
          <DateTimeField label={t('action.occurredAt')} {...field(e, 'occurredAt', 'ac-at')} />
          <TextField label={t('action.place')} optional {...field(e, 'place')} />
          <TextField label={t('action.outcome')} optional {...field(e, 'outcome')} />
          <TextArea label={t('action.summary')} {...field(e, 'summary')} />
        </>
      )}
    </CaseForm>
  );
}
