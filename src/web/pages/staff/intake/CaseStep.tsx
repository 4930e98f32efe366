import { Fieldset } from '@trussworks/react-uswds';
import { CASE_TYPES, CHANNELS, NOTIFICATION_TYPES } from '../../../../shared/enums.ts';
import {
  DateTimeField,
  Options,
  Radios,
  SelectField,
  TextArea,
  binder,
} from '../../../components/form/fields.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { StepProps } from './intake-form.ts';

/** Step 1: the kind of case, how it came in, when, and the narrative. */
export function CaseStep({ form, update, fields }: StepProps) {
  const { t, label } = useI18n();
  const bind = binder(form, update);
  return (
    <>
      <Fieldset legend={t('intake.caseType')} legendStyle="large">
        {fields.caseType ? <p className="usa-error-message">{fields.caseType}</p> : null}
        <Radios
          name="caseType"
          values={CASE_TYPES}
          labelOf={(c) => label('caseType', c)}
          chosen={form.caseType}
          onChange={(caseType) => update({ caseType })}
        />
      </Fieldset>
      {form.caseType === 'notification' ? (
        <SelectField
          {...bind.text('notificationType')}
          label={t('intake.notificationType')}
          error={fields.notificationType}
        >
          <Options
            values={NOTIFICATION_TYPES}
            labelOf={(n) => label('notificationType', n)}
            empty="—"
          />
        </SelectField>
      ) : null}
      <SelectField {...bind.text('channel')} label={t('intake.channel')} error={fields.channel}>
        <Options values={CHANNELS} labelOf={(c) => label('channel', c)} />
      </SelectField>
      <DateTimeField
        {...bind.text('receivedAt')}
        label={t('intake.receivedAt')}
        error={fields.receivedAt}
      />
      <TextArea
        {...bind.text('narrative')}
        label={t('intake.narrative')}
        error={fields.narrative}
        hint={t('intake.narrative.hint')}
      />
    </>
  );
}
