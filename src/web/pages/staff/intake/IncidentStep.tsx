import { Checkbox, Fieldset } from '@trussworks/react-uswds';
import type { Facility } from '../../../api/client.ts';
import {
  CategoryChecks,
  DateTimeField,
  SelectField,
  TextField,
  binder,
} from '../../../components/form/fields.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { StepProps } from './intake-form.ts';

/** Step 2: when and where it happened, the categories and the flags that route a case. */
export function IncidentStep({
  form,
  update,
  fields,
  facilities,
  shelterCodes,
}: StepProps & { facilities: Facility[]; shelterCodes: Set<string> }) {
  const { t } = useI18n();
  const bind = binder(form, update);
  const text = (key: 'address' | 'beat' | 'district') => (
    <TextField
      {...bind.text(key)}
      label={t(`intake.${key}`)}
      error={fields[`incident.${key}`]}
      optional
    />
  );
  return (
    <>
      <DateTimeField
        {...bind.text('occurredAt')}
        label={t('intake.occurredAt')}
        error={fields['incident.occurredAt']}
        optional
      />
      {text('address')}
      {text('beat')}
      {text('district')}
      <SelectField
        {...bind.text('facilityCode')}
        label={t('intake.facility')}
        error={fields['incident.facilityCode']}
        optional
      >
        <option value="">{t('intake.facility.none')}</option>
        {facilities.map((f) => (
          <option key={f.code} value={f.code}>
            {f.name} ({f.code}){shelterCodes.has(f.code) ? ` ${t('intake.facility.shelter')}` : ''}
          </option>
        ))}
      </SelectField>
      <Fieldset legend={t('intake.categories')} legendStyle="large">
        {fields.categories ? <p className="usa-error-message">{fields.categories}</p> : null}
        <CategoryChecks
          chosen={form.categories}
          onChange={(categories) => update({ categories })}
          grid
        />
      </Fieldset>
      <Fieldset legend={t('case.flags')} legendStyle="large">
        <Checkbox {...bind.check('officersUnknown')} label={t('intake.officersUnknown')} />
        <Checkbox {...bind.check('seriousInjuryOrDeath')} label={t('intake.seriousInjury')} />
        <Checkbox {...bind.check('inCustody')} label={t('intake.inCustody')} />
      </Fieldset>
    </>
  );
}
