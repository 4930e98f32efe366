import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import {
  Button,
  Fieldset,
  SummaryBox,
  SummaryBoxContent,
  SummaryBoxHeading,
} from '@trussworks/react-uswds';
import { PublicComplaintRequest } from '../../../shared/schemas/public.ts';
import { publicApi } from '../../api/public-client.ts';
import type { ComplaintReceipt } from '../../api/public-client.ts';
import {
  CategoryChecks,
  LanguageOptions,
  Radios,
  DateTimeField,
  SelectField,
  TextArea,
  TextField,
  binder,
} from '../../components/form/fields.tsx';
import { useSubmit } from '../../components/form/use-submit.ts';
import { ProblemAlert, validate } from '../../components/problems.tsx';
import { receivesLetters } from '../../../shared/letters.ts';
import { EmergencyLine } from './OfficeContact.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  CONTROLS,
  initialForm,
  targetsOf,
  toBody,
  type ComplaintForm,
  type Typed,
} from './complaint/complaint-form.ts';
import { EntriesFieldset } from './complaint/EntriesFieldset.tsx';
import { FilesField } from './complaint/FilesField.tsx';
import { Receipt } from './complaint/Receipt.tsx';

/** One part of the form under a large legend, with the hint its controls point at. */
function FormPart({
  legend,
  hint,
  children,
}: {
  legend: string;
  hint?: { id: string; text: string };
  children: ReactNode;
}) {
  return (
    <Fieldset legend={legend} legendStyle="large" className="ovs-form-section">
      {hint ? (
        <p className="usa-hint" id={hint.id}>
          {hint.text}
        </p>
      ) : null}
      {children}
    </Fieldset>
  );
}

/**
 * The public complaint form (PRODUCT.md §5): no sign-in, anonymous or named with the trade-off
 * said plainly, filing for someone else with their consent, and no immigration question — by
 * design there is no such field anywhere (Chicago Welcoming City Ordinance, MCC 2-173).
 */
export function ComplaintPage() {
  const { t, lang } = useI18n();
  usePageTitle(t('pub.complaint.title'));
  const [form, setForm] = useState<ComplaintForm>(() => initialForm(lang));
  const { error, fields, busy, submit: send } = useSubmit();
  const [receipt, setReceipt] = useState<ComplaintReceipt | null>(null);
  const update = (patch: Partial<ComplaintForm>) => setForm((f) => ({ ...f, ...patch }));
  // the same rule the server answers with (shared/letters.ts): no letter is promised without an
  // email to write to (the form asks for no postal address)
  const letters = receivesLetters([
    { role: 'complainant', email: form.anonymous ? null : form.email },
    { role: 'intermediary', email: form.filedBy === 'intermediary' ? form.orgEmail : null },
  ]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = toBody(form);
    await send(validate(PublicComplaintRequest, body), async () => {
      setReceipt(await publicApi.fileComplaint(body));
      window.scrollTo(0, 0);
    });
  };

  if (receipt) {
    return <Receipt receipt={receipt} />;
  }

  // a typed field's control: its id (also its name) and the error at its request path
  const idOf = (key: string) => CONTROLS[key as Typed].id;
  const bind = binder(form, update, idOf, idOf);
  const control = (key: Typed) => ({ ...bind.text(key), error: fields[CONTROLS[key].path] });
  const text = (
    key: Typed,
    opts: { optional?: boolean; type?: 'text' | 'email' | 'tel'; hint?: string } = {},
  ) => (
    <TextField
      {...control(key)}
      label={t(CONTROLS[key].label)}
      optional={opts.optional ?? false}
      type={opts.type ?? 'text'}
      hint={opts.hint}
    />
  );

  return (
    <>
      <h1>{t('pub.complaint.title')}</h1>
      <p className="usa-intro">{t('pub.complaint.intro')}</p>
      <EmergencyLine />
      <ProblemAlert error={error} fields={targetsOf(t)} />
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate>
        <FormPart legend={t('pub.complaint.who.legend')}>
          <Radios
            name="filedBy"
            values={['self', 'intermediary'] as const}
            labelOf={(v) => t(`pub.complaint.who.${v}`)}
            chosen={form.filedBy}
            onChange={(filedBy) => update({ filedBy })}
          />
        </FormPart>
        {form.filedBy === 'intermediary' ? (
          <Fieldset legend={t('pub.complaint.intermediary.legend')}>
            {fields.intermediary ? (
              <p className="usa-error-message">{fields.intermediary}</p>
            ) : null}
            {text('orgName')}
            {text('orgPerson')}
            {text('consentScope', { hint: t('pub.complaint.intermediary.consentHint') })}
            {text('orgPhone', { optional: true, type: 'tel' })}
            {text('orgEmail', { optional: true, type: 'email' })}
          </Fieldset>
        ) : null}
        <FormPart
          legend={t('pub.complaint.identity.legend')}
          hint={{ id: 'identity-tradeoff', text: t('pub.complaint.identity.tradeoff') }}
        >
          <Radios
            name="identity"
            values={['anonymous', 'named'] as const}
            labelOf={(v) => t(`pub.complaint.identity.${v}`)}
            chosen={form.anonymous ? 'anonymous' : 'named'}
            onChange={(v) => update({ anonymous: v === 'anonymous' })}
            describedBy="identity-tradeoff"
          />
          {fields.contact ? <p className="usa-error-message">{fields.contact}</p> : null}
          {!form.anonymous ? (
            <>
              {text('name', { optional: true })}
              {text('phone', { optional: true, type: 'tel' })}
              {text('email', { optional: true, type: 'email' })}
            </>
          ) : null}
        </FormPart>
        <TextArea
          {...control('narrative')}
          label={t('pub.complaint.narrative')}
          hint={t('pub.complaint.narrativeHint')}
        />
        <FormPart
          legend={t('pub.complaint.categories.legend')}
          hint={{ id: 'categories-hint', text: t('pub.complaint.categories.hint') }}
        >
          <CategoryChecks
            chosen={form.categories}
            onChange={(categories) => update({ categories })}
          />
        </FormPart>
        <FormPart legend={t('pub.complaint.incident.legend')}>
          <DateTimeField
            {...control('occurredAt')}
            label={t('pub.complaint.incident.when')}
            optional
          />
          {text('address', { optional: true, hint: t('pub.complaint.incident.whereHint') })}
          {text('district', { optional: true })}
        </FormPart>
        <EntriesFieldset
          path="officers"
          specs={[
            { key: 'name', label: t('pub.complaint.officer.name') },
            { key: 'star', label: t('pub.complaint.officer.star') },
            {
              key: 'description',
              label: t('pub.complaint.officer.description'),
              hint: t('pub.complaint.officer.descriptionHint'),
              multiline: true,
            },
          ]}
          entries={form.officers}
          fields={fields}
          onChange={(officers) => update({ officers })}
        />
        <EntriesFieldset
          path="witnesses"
          specs={[
            { key: 'name', label: t('pub.complaint.witness.name') },
            { key: 'phone', label: t('pub.complaint.witness.phone'), type: 'tel' },
            { key: 'email', label: t('pub.complaint.witness.email'), type: 'email' },
          ]}
          entries={form.witnesses}
          fields={fields}
          onChange={(witnesses) => update({ witnesses })}
        />
        <FilesField files={form.files} fields={fields} onChange={(files) => update({ files })} />
        <SelectField
          {...control('language')}
          label={t(letters ? 'pub.complaint.language' : 'pub.complaint.languageNoLetters')}
          hint={t(letters ? 'pub.complaint.languageHint' : 'pub.complaint.languageHintNoLetters')}
        >
          <LanguageOptions />
        </SelectField>
        <SummaryBox className="margin-top-4">
          <SummaryBoxHeading headingLevel="h2">
            {t('pub.complaint.dataUse.title')}
          </SummaryBoxHeading>
          <SummaryBoxContent>
            <p>{t('pub.complaint.dataUse.body')}</p>
          </SummaryBoxContent>
        </SummaryBox>
        <Button type="submit" disabled={busy} data-testid="complaint-submit">
          {busy ? t('pub.complaint.sending') : t('pub.complaint.submit')}
        </Button>
      </form>
    </>
  );
}
