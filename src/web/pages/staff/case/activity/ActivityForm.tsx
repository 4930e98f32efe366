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
          <SelectField label={t('col.kind')} error={e.kind} {...bind('kind')}>
            <Options values={ACTIVITY_KINDS} labelOf={(x) => label('activityKind', x)} />
          </SelectField>
          <DateTimeField
            label={t('action.occurredAt')}
            error={e.occurredAt}
            {...bind('occurredAt', 'ac-at')}
          />
          <TextField
            type="text"
            label={t('action.place')}
            error={e.place}
            optional
            {...bind('place')}
          />
          <TextField
            type="text"
            label={t('action.outcome')}
            error={e.outcome}
            optional
            {...bind('outcome')}
          />
          <TextArea label={t('action.summary')} error={e.summary} {...bind('summary')} />
        </>
      )}
    </CaseForm>
  );
}
