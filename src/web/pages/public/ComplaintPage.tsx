import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  ErrorMessage,
  Fieldset,
  FormGroup,
  Label,
  Radio,
  Select,
  SummaryBox,
  SummaryBoxContent,
  SummaryBoxHeading,
  TextInput,
  Textarea,
} from '@trussworks/react-uswds';
import { CATEGORIES } from '../../../shared/enums.ts';
import type { Category } from '../../../shared/enums.ts';
import { PublicComplaintRequest } from '../../../shared/schemas/public.ts';
import { publicApi } from '../../api/public-client.ts';
import type { ComplaintBody, ComplaintReceipt } from '../../api/public-client.ts';
import {
  Field,
  ProblemAlert,
  describedBy,
  fieldErrorsOf,
  validate,
} from '../../components/problems.tsx';
import type { FieldErrors, FieldTargets } from '../../components/problems.tsx';
import { receivesLetters } from '../../../shared/letters.ts';
import { EmergencyLine } from './OfficeContact.tsx';
import { Link } from '../../components/router.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { chicagoToIso, useI18n } from '../../i18n/i18n.tsx';
import type { Lang } from '../../i18n/i18n.tsx';

/** What the form holds while it is typed (strings; empty means not given). */
interface ComplaintForm {
  filedBy: 'self' | 'intermediary';
  anonymous: boolean;
  name: string;
  phone: string;
  email: string;
  orgName: string;
  orgPerson: string;
  consentScope: string;
  orgPhone: string;
  orgEmail: string;
  categories: Category[];
  narrative: string;
  occurredAt: string;
  address: string;
  district: string;
  language: Lang;
  /** Chosen files, already read as base64. */
  files: Array<{ name: string; size: number; data: string }>;
  /** Officers as the person knows them (stored as reported officers, never public). */
  officers: OfficerEntry[];
  /** Witnesses (parties with encrypted identities, never public). */
  witnesses: WitnessEntry[];
}

interface OfficerEntry {
  name: string;
  star: string;
  description: string;
}
interface WitnessEntry {
  name: string;
  phone: string;
  email: string;
}

/** The server's limits (domain/attachments.ts), checked here first so nobody waits for a refusal. */
const MAX_FILES = 5;
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const ACCEPT =
  'image/jpeg,image/png,image/gif,image/webp,image/heic,application/pdf,video/mp4,video/quicktime,audio/mpeg,audio/mp4,.heic,.m4a,.mov';

/** A file's bytes as base64, in chunks (String.fromCharCode cannot take 5 MiB at once). */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return window.btoa(binary);
}

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
const anyGiven = (...values: string[]): boolean => values.some((v) => v.trim() !== '');

/** The request body: only what was typed; contact details are dropped for an anonymous filing. */
function toBody(f: ComplaintForm): ComplaintBody {
  const incident = {
    occurredAt: f.occurredAt ? chicagoToIso(f.occurredAt) : undefined,
    address: opt(f.address),
    district: opt(f.district),
  };
  const hasIncident = Object.values(incident).some((v) => v !== undefined);
  return {
    language: f.language,
    narrative: f.narrative,
    files: f.files.map(({ name, data }) => ({ name, data })),
    categories: f.categories,
    anonymous: f.anonymous,
    filedBy: f.filedBy,
    ...(hasIncident ? { incident } : {}),
    ...(!f.anonymous
      ? { contact: { name: opt(f.name), phone: opt(f.phone), email: opt(f.email) } }
      : {}),
    // an entry added and left blank gives nothing: it is not sent
    officers: f.officers
      .filter((o) => anyGiven(o.name, o.star, o.description))
      .map((o) => ({ name: opt(o.name), star: opt(o.star), description: opt(o.description) })),
    witnesses: f.witnesses
      .filter((w) => anyGiven(w.name, w.phone, w.email))
      .map((w) => ({ name: opt(w.name), phone: opt(w.phone), email: opt(w.email) })),
    ...(f.filedBy === 'intermediary'
      ? {
          intermediary: {
            organization: f.orgName,
            name: f.orgPerson,
            consentScope: f.consentScope,
            phone: opt(f.orgPhone),
            email: opt(f.orgEmail),
          },
        }
      : {}),
  };
}

/**
 * The public complaint form (PRODUCT.md §5): no sign-in, anonymous or named with the trade-off
 * said plainly, filing for someone else with their consent, and no immigration question — by
 * design there is no such field anywhere (Chicago Welcoming City Ordinance, MCC 2-173).
 */
export function ComplaintPage() {
  const { t, lang, label, fieldMessage } = useI18n();
  usePageTitle(t('pub.complaint.title'));
  const [form, setForm] = useState<ComplaintForm>({
    filedBy: 'self',
    anonymous: true,
    name: '',
    phone: '',
    email: '',
    orgName: '',
    orgPerson: '',
    consentScope: '',
    orgPhone: '',
    orgEmail: '',
    categories: [],
    narrative: '',
    occurredAt: '',
    address: '',
    district: '',
    language: lang,
    files: [],
    officers: [],
    witnesses: [],
  });
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<ComplaintReceipt | null>(null);
  const update = (patch: Partial<ComplaintForm>) => setForm((f) => ({ ...f, ...patch }));
  // the same rule the server answers with (shared/letters.ts): no letter is promised without an
  // email to write to (the form asks for no postal address)
  const letters = receivesLetters([
    { role: 'complainant', email: form.anonymous ? null : form.email },
    { role: 'intermediary', email: form.filedBy === 'intermediary' ? form.orgEmail : null },
  ]);
  /** Each error path → the control the error summary links to, with its label. */
  const targets: FieldTargets = {
    narrative: { id: 'narrative', label: t('pub.complaint.narrative') },
    contact: { id: 'contact-name', label: t('pub.complaint.identity.legend') },
    'contact.name': { id: 'contact-name', label: t('pub.complaint.contact.name') },
    'contact.phone': { id: 'contact-phone', label: t('pub.complaint.contact.phone') },
    'contact.email': { id: 'contact-email', label: t('pub.complaint.contact.email') },
    intermediary: {
      id: 'intermediary-organization',
      label: t('pub.complaint.intermediary.legend'),
    },
    'intermediary.organization': {
      id: 'intermediary-organization',
      label: t('pub.complaint.intermediary.organization'),
    },
    'intermediary.name': { id: 'intermediary-name', label: t('pub.complaint.intermediary.name') },
    'intermediary.consentScope': {
      id: 'intermediary-consent',
      label: t('pub.complaint.intermediary.consent'),
    },
    'intermediary.phone': {
      id: 'intermediary-phone',
      label: t('pub.complaint.intermediary.phone'),
    },
    'intermediary.email': {
      id: 'intermediary-email',
      label: t('pub.complaint.intermediary.email'),
    },
    categories: { id: `category-${CATEGORIES[0]}`, label: t('pub.complaint.categories.legend') },
    'incident.occurredAt': { id: 'incident-when', label: t('pub.complaint.incident.when') },
    'incident.address': { id: 'incident-where', label: t('pub.complaint.incident.where') },
    'incident.district': { id: 'incident-district', label: t('pub.complaint.incident.district') },
    files: { id: 'files', label: t('pub.complaint.files.label') },
    language: { id: 'language', label: t('pub.complaint.language') },
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = toBody(form);
    const invalid = validate(PublicComplaintRequest, body);
    if (invalid) {
      setError(invalid);
      setFields(fieldErrorsOf(invalid));
      return;
    }
    setBusy(true);
    try {
      setReceipt(await publicApi.fileComplaint(body));
      setError(null);
      setFields({});
      window.scrollTo(0, 0);
    } catch (err) {
      setError(err);
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  if (receipt) {
    return <Receipt receipt={receipt} />;
  }

  const chooseFiles = async (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    const tooBig = chosen.find((f) => f.size > MAX_FILE_BYTES);
    if (chosen.length > MAX_FILES) {
      setFileProblem(t('pub.complaint.files.tooMany', { max: MAX_FILES }));
    } else if (tooBig) {
      setFileProblem(t('pub.complaint.files.tooBig', { name: tooBig.name }));
    } else {
      setFileProblem(null);
    }
    const ok = chosen.slice(0, MAX_FILES).filter((f) => f.size <= MAX_FILE_BYTES);
    update({
      files: await Promise.all(
        ok.map(async (f) => ({ name: f.name, size: f.size, data: await toBase64(f) })),
      ),
    });
  };
  // the server names a refused file by its place in the list (files.N.data)
  const fileErrors = [
    ...(fileProblem ? [fileProblem] : []),
    ...Object.entries(fields)
      .filter(([k]) => k.startsWith('files'))
      .map(([k, message]) => {
        const name = form.files[Number(/^files\.(\d+)/.exec(k)?.[1])]?.name;
        return `${name ? `${name}: ` : ''}${fieldMessage(message)}`;
      }),
  ];

  const text = (
    key: keyof ComplaintForm,
    id: string,
    label: string,
    path: string,
    opts: { optional?: boolean; type?: 'text' | 'email' | 'tel'; hint?: string } = {},
  ) => (
    <Field
      id={id}
      label={label}
      error={fields[path]}
      optional={opts.optional ?? false}
      {...(opts.hint ? { hint: opts.hint } : {})}
    >
      <TextInput
        id={id}
        name={id}
        type={opts.type ?? 'text'}
        value={form[key] as string}
        onChange={(ev) => update({ [key]: ev.target.value })}
        aria-describedby={describedBy(id, fields[path], Boolean(opts.hint))}
        validationStatus={fields[path] ? 'error' : undefined}
      />
    </Field>
  );

  return (
    <>
      <h1>{t('pub.complaint.title')}</h1>
      <p className="usa-intro">{t('pub.complaint.intro')}</p>
      <EmergencyLine />
      <ProblemAlert error={error} fields={targets} />
      <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate>
        <Fieldset
          legend={t('pub.complaint.who.legend')}
          legendStyle="large"
          className="ovs-form-section"
        >
          <Radio
            id="filedBy-self"
            name="filedBy"
            value="self"
            label={t('pub.complaint.who.self')}
            checked={form.filedBy === 'self'}
            onChange={() => update({ filedBy: 'self' })}
          />
          <Radio
            id="filedBy-intermediary"
            name="filedBy"
            value="intermediary"
            label={t('pub.complaint.who.intermediary')}
            checked={form.filedBy === 'intermediary'}
            onChange={() => update({ filedBy: 'intermediary' })}
          />
        </Fieldset>
        {form.filedBy === 'intermediary' ? (
          <Fieldset legend={t('pub.complaint.intermediary.legend')}>
            {fields.intermediary ? (
              <p className="usa-error-message">{fields.intermediary}</p>
            ) : null}
            {text(
              'orgName',
              'intermediary-organization',
              t('pub.complaint.intermediary.organization'),
              'intermediary.organization',
            )}
            {text(
              'orgPerson',
              'intermediary-name',
              t('pub.complaint.intermediary.name'),
              'intermediary.name',
            )}
            {text(
              'consentScope',
              'intermediary-consent',
              t('pub.complaint.intermediary.consent'),
              'intermediary.consentScope',
              { hint: t('pub.complaint.intermediary.consentHint') },
            )}
            {text(
              'orgPhone',
              'intermediary-phone',
              t('pub.complaint.intermediary.phone'),
              'intermediary.phone',
              { optional: true, type: 'tel' },
            )}
            {text(
              'orgEmail',
              'intermediary-email',
              t('pub.complaint.intermediary.email'),
              'intermediary.email',
              { optional: true, type: 'email' },
            )}
          </Fieldset>
        ) : null}
        <Fieldset
          legend={t('pub.complaint.identity.legend')}
          legendStyle="large"
          className="ovs-form-section"
        >
          <p className="usa-hint" id="identity-tradeoff">
            {t('pub.complaint.identity.tradeoff')}
          </p>
          <Radio
            id="identity-anonymous"
            name="identity"
            value="anonymous"
            label={t('pub.complaint.identity.anonymous')}
            checked={form.anonymous}
            onChange={() => update({ anonymous: true })}
            aria-describedby="identity-tradeoff"
          />
          <Radio
            id="identity-named"
            name="identity"
            value="named"
            label={t('pub.complaint.identity.named')}
            checked={!form.anonymous}
            onChange={() => update({ anonymous: false })}
            aria-describedby="identity-tradeoff"
          />
          {fields.contact ? <p className="usa-error-message">{fields.contact}</p> : null}
          {!form.anonymous ? (
            <>
              {text('name', 'contact-name', t('pub.complaint.contact.name'), 'contact.name', {
                optional: true,
              })}
              {text('phone', 'contact-phone', t('pub.complaint.contact.phone'), 'contact.phone', {
                optional: true,
                type: 'tel',
              })}
              {text('email', 'contact-email', t('pub.complaint.contact.email'), 'contact.email', {
                optional: true,
                type: 'email',
              })}
            </>
          ) : null}
        </Fieldset>
        <Field
          id="narrative"
          label={t('pub.complaint.narrative')}
          error={fields.narrative}
          hint={t('pub.complaint.narrativeHint')}
        >
          <Textarea
            id="narrative"
            name="narrative"
            value={form.narrative}
            onChange={(ev) => update({ narrative: ev.target.value })}
            aria-describedby={describedBy('narrative', fields.narrative, true)}
            error={Boolean(fields.narrative)}
          />
        </Field>
        <Fieldset
          legend={t('pub.complaint.categories.legend')}
          legendStyle="large"
          className="ovs-form-section"
        >
          <p className="usa-hint" id="categories-hint">
            {t('pub.complaint.categories.hint')}
          </p>
          {CATEGORIES.map((c) => (
            <Checkbox
              key={c}
              id={`category-${c}`}
              name="categories"
              value={c}
              label={label('category', c)}
              checked={form.categories.includes(c)}
              onChange={(ev) =>
                update({
                  categories: ev.target.checked
                    ? [...form.categories, c]
                    : form.categories.filter((k) => k !== c),
                })
              }
            />
          ))}
        </Fieldset>
        <Fieldset
          legend={t('pub.complaint.incident.legend')}
          legendStyle="large"
          className="ovs-form-section"
        >
          <Field
            id="incident-when"
            label={t('pub.complaint.incident.when')}
            error={fields['incident.occurredAt']}
            optional
          >
            <input
              className={`usa-input${fields['incident.occurredAt'] ? ' usa-input--error' : ''}`}
              id="incident-when"
              name="incident-when"
              type="datetime-local"
              value={form.occurredAt}
              onChange={(ev) => update({ occurredAt: ev.target.value })}
              aria-describedby={describedBy('incident-when', fields['incident.occurredAt'])}
            />
          </Field>
          {text(
            'address',
            'incident-where',
            t('pub.complaint.incident.where'),
            'incident.address',
            {
              optional: true,
              hint: t('pub.complaint.incident.whereHint'),
            },
          )}
          {text(
            'district',
            'incident-district',
            t('pub.complaint.incident.district'),
            'incident.district',
            { optional: true },
          )}
        </Fieldset>
        <EntriesFieldset
          path="officers"
          legend={t('pub.complaint.officers.legend')}
          hint={t('pub.complaint.officers.hint')}
          heading={(n) => t('pub.complaint.officer.heading', { n })}
          addLabel={t('pub.complaint.officer.add')}
          removeLabel={(n) => t('pub.complaint.officer.remove', { n })}
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
          legend={t('pub.complaint.witnesses.legend')}
          hint={t('pub.complaint.witnesses.hint')}
          heading={(n) => t('pub.complaint.witness.heading', { n })}
          addLabel={t('pub.complaint.witness.add')}
          removeLabel={(n) => t('pub.complaint.witness.remove', { n })}
          specs={[
            { key: 'name', label: t('pub.complaint.witness.name') },
            { key: 'phone', label: t('pub.complaint.witness.phone'), type: 'tel' },
            { key: 'email', label: t('pub.complaint.witness.email'), type: 'email' },
          ]}
          entries={form.witnesses}
          fields={fields}
          onChange={(witnesses) => update({ witnesses })}
        />
        <FormGroup error={fileErrors.length > 0}>
          <Label htmlFor="files" error={fileErrors.length > 0}>
            {t('pub.complaint.files.label')}
            <span className="usa-hint"> ({t('common.optional')})</span>
          </Label>
          <div className="usa-hint" id="files-hint">
            {t('pub.complaint.files.hint')}
          </div>
          {fileErrors.length > 0 ? (
            <ErrorMessage id="files-error">{fileErrors.join(' ')}</ErrorMessage>
          ) : null}
          <input
            id="files"
            name="files"
            type="file"
            className="usa-file-input"
            multiple
            accept={ACCEPT}
            aria-describedby={fileErrors.length > 0 ? 'files-hint files-error' : 'files-hint'}
            onChange={(ev) => void chooseFiles(ev.target.files)}
          />
          {form.files.length > 0 ? (
            <ul className="usa-list" data-testid="chosen-files">
              {form.files.map((f) => (
                <li key={f.name}>
                  {f.name} ({Math.ceil(f.size / 1024)} KB)
                </li>
              ))}
            </ul>
          ) : null}
        </FormGroup>
        <Field
          id="language"
          label={t(letters ? 'pub.complaint.language' : 'pub.complaint.languageNoLetters')}
          error={fields.language}
          hint={t(letters ? 'pub.complaint.languageHint' : 'pub.complaint.languageHintNoLetters')}
        >
          <Select
            id="language"
            name="language"
            aria-describedby={describedBy('language', fields.language, true)}
            value={form.language}
            onChange={(ev) => update({ language: ev.target.value as Lang })}
          >
            <option value="en" lang="en">
              English
            </option>
            <option value="es" lang="es">
              Español
            </option>
          </Select>
        </Field>
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

/** The one-time receipt: the confirmation number and passphrase are never shown again. */
function Receipt({ receipt }: { receipt: ComplaintReceipt }) {
  const { t } = useI18n();
  usePageTitle(t('pub.receipt.title'));
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    const text = [
      `${t('pub.receipt.confirmation')}: ${receipt.confirmationNumber}`,
      `${t('pub.receipt.passphrase')}: ${receipt.passphrase}`,
      `${t('pub.receipt.logNumber')}: ${receipt.logNumber}`,
    ].join('\n');
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <>
      <h1>{t('pub.receipt.title')}</h1>
      <Alert type="warning" headingLevel="h2" slim role="status">
        {t('pub.receipt.warning')}
      </Alert>
      <dl className="ovs-dl">
        <dt>{t('pub.receipt.confirmation')}</dt>
        <dd className="font-mono-lg text-bold" data-testid="confirmation-number">
          {receipt.confirmationNumber}
        </dd>
        <dt>{t('pub.receipt.passphrase')}</dt>
        <dd className="font-mono-lg text-bold" data-testid="passphrase">
          {receipt.passphrase}
        </dd>
        <dt>{t('pub.receipt.logNumber')}</dt>
        <dd data-testid="receipt-log-number">{receipt.logNumber}</dd>
        <dt>{t('pub.receipt.agency')}</dt>
        <dd data-testid="receipt-agency">{receipt.investigatingAgency}</dd>
      </dl>
      <ButtonGroup className="ovs-no-print">
        <Button type="button" outline onClick={() => void copy()}>
          {t('pub.receipt.copy')}
        </Button>
        <Button type="button" outline onClick={() => window.print()}>
          {t('pub.receipt.print')}
        </Button>
      </ButtonGroup>
      <p
        role="status"
        className="ovs-no-print"
        data-testid={copied === 'yes' ? 'copied' : undefined}
      >
        {copied === 'yes'
          ? t('pub.receipt.copied')
          : copied === 'failed'
            ? t('pub.receipt.copyFailed')
            : null}
      </p>
      <p lang={receipt.language} data-testid="acknowledgement" className="ovs-prewrap">
        {receipt.acknowledgement}
      </p>
      {receipt.receivesLetters ? null : (
        <Alert type="info" headingLevel="h2" slim data-testid="no-letters">
          {t('pub.receipt.noLetters')}
        </Alert>
      )}
      <p className="ovs-no-print">
        <Link to="/follow">{t('pub.receipt.follow')}</Link>
      </p>
    </>
  );
}

/** One text field of a repeated entry (an officer, a witness), with its server error. */
function EntryField({
  id,
  label,
  value,
  error,
  hint,
  type = 'text',
  multiline = false,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  hint?: string;
  type?: 'text' | 'tel' | 'email';
  multiline?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} error={error} optional {...(hint ? { hint } : {})}>
      {multiline ? (
        <Textarea
          id={id}
          name={id}
          value={value}
          onChange={(ev) => onChange(ev.target.value)}
          aria-describedby={describedBy(id, error, Boolean(hint))}
          error={Boolean(error)}
        />
      ) : (
        <TextInput
          id={id}
          name={id}
          type={type}
          value={value}
          onChange={(ev) => onChange(ev.target.value)}
          aria-describedby={describedBy(id, error, Boolean(hint))}
          validationStatus={error ? 'error' : undefined}
        />
      )}
    </Field>
  );
}

/** One field of a repeated entry. */
interface EntrySpec<K extends string> {
  key: K;
  label: string;
  hint?: string;
  type?: 'text' | 'tel' | 'email';
  multiline?: boolean;
}

/**
 * A list of optional entries the person adds one by one (the officers involved, the witnesses;
 * issue 23 item 7), at most 10, each in its own fieldset, with the server's errors at
 * `{path}.{index}.{key}`.
 */
function EntriesFieldset<K extends string>({
  path,
  legend,
  hint,
  heading,
  addLabel,
  removeLabel,
  specs,
  entries,
  fields,
  onChange,
}: {
  path: 'officers' | 'witnesses';
  legend: string;
  hint: string;
  heading: (n: number) => string;
  addLabel: string;
  removeLabel: (n: number) => string;
  specs: ReadonlyArray<EntrySpec<K>>;
  entries: Array<Record<K, string>>;
  fields: FieldErrors;
  onChange: (entries: Array<Record<K, string>>) => void;
}) {
  const set = (i: number, key: K, value: string) =>
    onChange(entries.map((e, j) => (j === i ? { ...e, [key]: value } : e)));
  const empty = Object.fromEntries(specs.map((f) => [f.key, ''])) as Record<K, string>;
  return (
    <Fieldset legend={legend} data-testid={`complaint-${path}`}>
      <p className="usa-hint">{hint}</p>
      {entries.map((entry, i) => (
        <Fieldset key={i} legend={heading(i + 1)}>
          {specs.map((f) => (
            <EntryField
              key={f.key}
              id={`${path}-${i}-${f.key}`}
              label={f.label}
              value={entry[f.key]}
              error={fields[`${path}.${i}.${f.key}`]}
              onChange={(value) => set(i, f.key, value)}
              {...(f.hint ? { hint: f.hint } : {})}
              {...(f.type ? { type: f.type } : {})}
              {...(f.multiline ? { multiline: true } : {})}
            />
          ))}
          <Button
            type="button"
            unstyled
            onClick={() => onChange(entries.filter((_, j) => j !== i))}
          >
            {removeLabel(i + 1)}
          </Button>
        </Fieldset>
      ))}
      {entries.length < 10 ? (
        <Button
          type="button"
          outline
          className="margin-top-2"
          onClick={() => onChange([...entries, { ...empty }])}
        >
          {addLabel}
        </Button>
      ) : null}
    </Fieldset>
  );
}
