import { useState } from 'react';
import { Checkbox, Fieldset, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { CATEGORIES, CHANNELS, type Channel } from '../../../../../shared/enums.ts';
import { api, type Case } from '../../../../api/client.ts';
import { CodeOptions } from '../../../../components/form/CodeOptions.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { Field } from '../../../../components/problems.tsx';
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
export function CorrectFacts({ c, reload }: CaseCtx) {
  const { t, label } = useI18n();
  const facilities = useLoad(() => api.facilities(), []);
  const [was, setWas] = useState(() => ({ ...factsOf(c), categories: c.categories }));
  const { values: f, bind, set } = useFields({ ...factsOf(c), reason: '' }, 'co');
  const [categories, setCategories] = useState(was.categories);
  const changed = <K extends 'address' | 'beat' | 'district' | 'facilityCode'>(k: K) =>
    f[k].trim() !== was[k] ? { [k]: f[k].trim() || null } : {};
  const sameCategories =
    categories.length === was.categories.length &&
    categories.every((x) => was.categories.includes(x));
  return (
    <CaseForm
      reload={reload}
      id="form-correct"
      title={t('action.correct')}
      onSubmit={() => {
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
      }}
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
          <Field
            id="co-at"
            label={t('intake.occurredAt')}
            error={e['incident.occurredAt']}
            optional
          >
            <input className="usa-input" type="datetime-local" {...bind('occurredAt', 'co-at')} />
          </Field>
          {TEXT_FACTS.map((k) => (
            <Field
              key={k}
              id={`co-${k}`}
              label={t(`intake.${k}`)}
              error={e[`incident.${k}`]}
              optional
            >
              <TextInput type="text" {...bind(k)} />
            </Field>
          ))}
          <Field id="co-facility" label={t('intake.facility')} error={e['incident.facilityCode']}>
            <Select {...bind('facilityCode', 'co-facility')}>
              <option value="">{t('intake.facility.none')}</option>
              {(facilities.data?.items ?? []).map((x) => (
                <option key={x.code} value={x.code}>
                  {x.name} ({x.code})
                </option>
              ))}
            </Select>
          </Field>
          <Field id="co-channel" label={t('intake.channel')} error={e.channel}>
            <Select {...bind('channel')}>
              {f.channel ? null : <option value="">—</option>}
              <CodeOptions codes={CHANNELS} kind="channel" />
            </Select>
          </Field>
          <Fieldset legend={t('intake.categories')}>
            {e.categories ? <p className="usa-error-message">{e.categories}</p> : null}
            <div className="grid-row grid-gap-sm">
              {CATEGORIES.map((x) => (
                <div key={x} className="grid-col-12 tablet:grid-col-6">
                  <Checkbox
                    id={`co-category-${x}`}
                    name="categories"
                    value={x}
                    label={label('category', x)}
                    checked={categories.includes(x)}
                    onChange={(ev) =>
                      setCategories(
                        ev.target.checked ? [...categories, x] : categories.filter((y) => y !== x),
                      )
                    }
                  />
                </div>
              ))}
            </div>
          </Fieldset>
          <Field id="co-reason" label={t('action.correctReason')} error={e.reason}>
            <Textarea {...bind('reason')} />
          </Field>
        </>
      )}
    </CaseForm>
  );
}
