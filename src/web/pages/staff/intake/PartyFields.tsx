import { Button, Checkbox, Fieldset } from '@trussworks/react-uswds';
import { PARTY_ROLES, VULNERABILITIES } from '../../../../shared/enums.ts';
import {
  CheckList,
  Options,
  SelectField,
  TextArea,
  TextField,
  binder,
} from '../../../components/form/fields.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { CONTACT_CHANNELS, LANGUAGES, emptyParty, type PartyForm } from './intake-form.ts';
import type { StepProps } from './intake-form.ts';

/** Step 3: the people of the case (complainant, witnesses, intermediaries), added one by one. */
export function PeopleStep({ form, update, fields }: StepProps) {
  const { t } = useI18n();
  return (
    <>
      {form.parties.length === 0 ? <p>{t('intake.noPeople')}</p> : null}
      {form.parties.map((p, i) => (
        <PartyFields
          key={i}
          index={i}
          party={p}
          fields={fields}
          onChange={(patch) =>
            update({ parties: form.parties.map((q, j) => (j === i ? { ...q, ...patch } : q)) })
          }
          onRemove={() => update({ parties: form.parties.filter((_, j) => j !== i) })}
        />
      ))}
      <Button
        type="button"
        outline
        onClick={() => update({ parties: [...form.parties, emptyParty()] })}
      >
        {t('party.add')}
      </Button>
    </>
  );
}

/** One person: role, identity (unless anonymous), language, vulnerabilities, contact safety. */
export function PartyFields({
  index,
  party,
  fields,
  onChange,
  onRemove,
}: {
  index: number;
  party: PartyForm;
  fields: Record<string, string>;
  onChange: (patch: Partial<PartyForm>) => void;
  onRemove: () => void;
}) {
  const { t, label } = useI18n();
  const bind = binder(party, onChange, (k) => `party-${index}-${k}`);
  const err = (k: string) => fields[`parties.${index}.${k}`];
  const text = (k: 'name' | 'phone' | 'email' | 'organization' | 'consentScope') => (
    <TextField
      {...bind.text(k)}
      type={k === 'email' ? 'email' : k === 'phone' ? 'tel' : 'text'}
      label={t(`party.${k}`)}
      error={err(k)}
      optional
    />
  );
  /** An optional choice among codes, each labelled in the interface language ("—" for none). */
  const choice = (k: 'language' | 'contactChannel', values: readonly string[]) => (
    <SelectField {...bind.text(k)} label={t(`party.${k}`)} error={err(k)} optional>
      <Options values={values} labelOf={(x) => label(k, x)} empty="—" />
    </SelectField>
  );
  return (
    <Fieldset
      legend={t('party.heading', { n: index + 1 })}
      legendStyle="large"
      className="border-top border-base-lighter padding-top-2 margin-bottom-3"
    >
      <SelectField {...bind.text('role')} label={t('party.role')} error={err('role')}>
        <Options values={PARTY_ROLES} labelOf={(r) => label('partyRole', r)} />
      </SelectField>
      <Checkbox {...bind.check('anonymous')} label={t('party.anonymous')} />
      {party.anonymous ? null : (
        <>
          {text('name')}
          {text('phone')}
          {text('email')}
        </>
      )}
      {party.role === 'intermediary' ? (
        <>
          {text('organization')}
          {text('consentScope')}
        </>
      ) : null}
      {choice('language', LANGUAGES)}
      <Fieldset legend={t('party.vulnerabilities')}>
        <CheckList
          name="vulnerabilities"
          idPrefix={`party-${index}-vulnerability`}
          values={VULNERABILITIES}
          labelOf={(v) => label('vulnerability', v)}
          chosen={party.vulnerabilities}
          onChange={(vulnerabilities) => onChange({ vulnerabilities })}
        />
      </Fieldset>
      {choice('contactChannel', CONTACT_CHANNELS)}
      <Fieldset legend={t('party.safety')}>
        <Checkbox {...bind.check('lettersToShelter')} label={t('party.lettersToShelter')} />
        <Checkbox {...bind.check('voicemailOk')} label={t('party.voicemailOk')} />
        <Checkbox
          {...bind.check('throughIntermediaryOnly')}
          label={t('party.throughIntermediaryOnly')}
        />
        <TextArea
          {...bind.text('safetyNotes')}
          label={t('party.safetyNotes')}
          error={err('contactSafety.notes')}
          optional
        />
      </Fieldset>
      <Button type="button" unstyled onClick={onRemove}>
        {t('party.remove', { n: index + 1 })}
      </Button>
    </Fieldset>
  );
}
