import { useState } from 'react';
import { Fieldset } from '@trussworks/react-uswds';
import { CHANNELS, type Channel } from '../../../../../shared/enums.ts';
import { api, type Case } from '../../../../api/client.ts';
import {
  CategoryChecks,
  DateTimeField,
  Options,
  SelectField,
  TextArea,
  TextField,
} from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { useLoad } from '../../../../components/useLoad.ts';
import { chicagoToIso, isoToChicagoLocal, useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, type CaseCtx } from '../section.tsx';

/** The intake facts as the correction form holds them (inputs hold text; '' is "none"). */
function factsOf(c: Case) {
  return {
    occurredAt: c.incident?.occurredAt ? isoToChicagoLocal(c.incident.occurredAt) : '',
    address: c.incident?.address ?? '',
    beat: c.incident?.beat ?? '',
    district: c.incident?.district ?? '',
    facilityCode: c.facility?.code ?? '',
    channel: c.channel ?? '',
  };
}

const TEXT_FACTS = ['address', 'beat', 'district'] as const;

/**
 * Corrects what intake recorded (incident time and place, categories, channel). Only the facts
 * edited here are sent (compared with what the form started from, not with a later reload), so
 * two people correcting different facts do not undo each other.
 */
export function CorrectFacts(ctx: CaseCtx) {
  const { c } = ctx;
  const { t, label, fieldMessage } = useI18n();
  const facilities = useLoad(() => api.facilities(), []);
  const [was, setWas] = useState(() => ({ ...factsOf(c), categories: c.categories }));
  const { values: f, bind, field, set } = useFields({ ...factsOf(c), reason: '' }, 'co');
  const [categories, setCategories] = useState(was.categories);
  const changed = <K extends 'address' | 'beat' | 'district' | 'facilityCode'>(k: K) =>
    f[k].trim() !== was[k] ? { [k]: f[k].trim() || null } : {};
  const sameCategories =
    categories.length === was.categories.length &&
    categories.every((x) => was.categories.includes(x));
  const send = () => {
    const incident = {
      ...(f.occurredAt !== was.occurredAt
        ? { occurredAt: f.occurredAt ? chicagoToIso(f.occurredAt) : null }
        : {}),
      ...changed('address'),
      ...changed('beat'),
      ...changed('district'),
      ...changed('facilityCode'),
    };
    return api.correctFacts(c.logNumber, {
      ...(Object.keys(incident).length > 0 ? { incident } : {}),
      ...(sameCategories ? {} : { categories }),
      ...(f.channel && f.channel !== was.channel ? { channel: f.channel as Channel } : {}),
      reason: f.reason,
    });
  };
  return (
    <CaseForm
      {...ctx}
      form="correct"
      onSubmit={send}
      reset={() => {
        const trim = (x: string) => x.trim();
        setWas({
          ...f,
          address: trim(f.address),
          beat: trim(f.beat),
          district: trim(f.district),
          categories,
        });
        set('reason', '');
      }}
    >
      {(e) => (
        <>
          <p className="usa-hint">{t('action.correctHint')}</p>
          <DateTimeField
            label={t('intake.occurredAt')}
            error={e['incident.occurredAt']}
            optional
            {...bind('occurredAt', 'co-at')}
          />
          {TEXT_FACTS.map((k) => (
            <TextField
              key={k}
              label={t(`intake.${k}`)}
              error={e[`incident.${k}`]}
              optional
              type="text"
              {...bind(k)}
            />
          ))}
          <SelectField
            label={t('intake.facility')}
            error={e['incident.facilityCode']}
            {...bind('facilityCode', 'co-facility')}
          >
            <option value="">{t('intake.facility.none')}</option>
            {(facilities.data?.items ?? []).map((x) => (
              <option key={x.code} value={x.code}>
                {x.name} ({x.code})
              </option>
            ))}
          </SelectField>
          <SelectField label={t('intake.channel')} {...field(e, 'channel')}>
            {f.channel ? null : <option value="">—</option>}
            <Options values={CHANNELS} labelOf={(x) => label('channel', x)} />
          </SelectField>
          <Fieldset legend={t('intake.categories')}>
            {e.categories ? (
              <p className="usa-error-message">{fieldMessage(e.categories)}</p>
            ) : null}
            <CategoryChecks
              idPrefix="co-category"
              chosen={categories}
              onChange={setCategories}
              grid
            />
          </Fieldset>
          <TextArea label={t('action.correctReason')} {...field(e, 'reason')} />
        </>
      )}
    </CaseForm>
  );
}
