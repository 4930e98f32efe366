import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Form,
  Radio,
  Select,
  StepIndicator,
  StepIndicatorStep,
  TextInput,
  Textarea,
} from '@trussworks/react-uswds';
import {
  CASE_TYPES,
  CATEGORIES,
  CHANNELS,
  NOTIFICATION_TYPES,
  PARTY_ROLES,
  VULNERABILITIES,
  type CaseType,
  type Category,
  type Channel,
  type NotificationType,
  type PartyRole,
  type Vulnerability,
} from '../../../shared/enums.ts';
import { CaseIntakeRequest } from '../../../shared/schemas/cases.ts';
import {
  api,
  ApiError,
  type Facility,
  type IntakeBody,
  type RoutingPreview,
} from '../../api/client.ts';
import {
  Field,
  ProblemAlert,
  describedBy,
  fieldErrorsOf,
  validate,
} from '../../components/problems.tsx';
import { rosterLine } from '../../components/roster-line.ts';
import { Link } from '../../components/router.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { chicagoToIso, nowChicagoLocal, useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/en.ts';

const CONTACT_CHANNELS = [
  'phone',
  'email',
  'mail',
  'in_person',
  'through_intermediary',
  'none',
] as const;
const LANGUAGES = ['en', 'es', 'pl', 'zh', 'ar'] as const;

interface PartyForm {
  role: PartyRole;
  anonymous: boolean;
  name: string;
  phone: string;
  email: string;
  organization: string;
  consentScope: string;
  language: string;
  contactChannel: string;
  vulnerabilities: Vulnerability[];
  lettersToShelter: boolean;
  voicemailOk: boolean;
  throughIntermediaryOnly: boolean;
  safetyNotes: string;
}

/**
 * An officer the complainant names (docs/domain.md "Reported officers"): a roster member intake
 * identified, or the name, star and description as given. Stored as a reported officer; an
 * investigator confirms it into an allegation.
 */
interface OfficerForm {
  memberId?: string;
  /** The roster's line for the member, shown to tell officers apart; not sent. */
  roster?: string;
  name: string;
  star: string;
  description: string;
}

interface IntakeForm {
  caseType: CaseType;
  notificationType: NotificationType | '';
  channel: Channel;
  receivedAt: string;
  narrative: string;
  occurredAt: string;
  address: string;
  beat: string;
  district: string;
  facilityCode: string;
  categories: Category[];
  officersUnknown: boolean;
  seriousInjuryOrDeath: boolean;
  inCustody: boolean;
  parties: PartyForm[];
  officers: OfficerForm[];
  /** An officer not in the roster, being typed; kept when the step is left (never dropped). */
  draftOfficer: { name: string; star: string; description: string };
}

const NO_DRAFT = { name: '', star: '', description: '' };

/**
 * The form with the officer being typed added to the officers: leaving the officers step with
 * words typed and "Add this officer" not pressed keeps them, for the review to show.
 */
function withDraftOfficer(f: IntakeForm): IntakeForm {
  const d = f.draftOfficer;
  if ([d.name, d.star, d.description].every((v) => v.trim() === '')) {
    return f;
  }
  return { ...f, officers: [...f.officers, { ...d }], draftOfficer: NO_DRAFT };
}

const STEPS: MessageKey[] = [
  'intake.step.case',
  'intake.step.incident',
  'intake.step.people',
  'intake.step.officers',
  'intake.step.review',
];

function emptyParty(): PartyForm {
  return {
    role: 'complainant',
    anonymous: false,
    name: '',
    phone: '',
    email: '',
    organization: '',
    consentScope: '',
    language: '',
    contactChannel: '',
    vulnerabilities: [],
    lettersToShelter: false,
    voicemailOk: false,
    throughIntermediaryOnly: false,
    safetyNotes: '',
  };
}

function initialForm(): IntakeForm {
  return {
    caseType: 'complaint',
    notificationType: '',
    channel: 'phone',
    receivedAt: nowChicagoLocal(),
    narrative: '',
    occurredAt: '',
    address: '',
    beat: '',
    district: '',
    facilityCode: '',
    categories: [],
    officersUnknown: false,
    seriousInjuryOrDeath: false,
    inCustody: false,
    parties: [],
    officers: [],
    draftOfficer: NO_DRAFT,
  };
}

const opt = (v: string): string | undefined => (v.trim() === '' ? undefined : v);

/** The request body the form describes (empty fields left out). */
function bodyOf(f: IntakeForm): IntakeBody {
  const incident = {
    occurredAt: f.occurredAt ? chicagoToIso(f.occurredAt) : undefined,
    address: opt(f.address),
    beat: opt(f.beat),
    district: opt(f.district),
    facilityCode: opt(f.facilityCode),
  };
  const hasIncident = Object.values(incident).some((v) => v !== undefined);
  return {
    caseType: f.caseType,
    channel: f.channel,
    receivedAt: f.receivedAt ? chicagoToIso(f.receivedAt) : '',
    narrative: f.narrative,
    ...(hasIncident ? { incident } : {}),
    categories: f.categories,
    ...(f.caseType === 'notification' && f.notificationType
      ? { notificationType: f.notificationType }
      : {}),
    officersUnknown: f.officersUnknown,
    seriousInjuryOrDeath: f.seriousInjuryOrDeath,
    inCustody: f.inCustody,
    parties: f.parties.map((p) => {
      const safety = {
        ...(p.lettersToShelter ? { lettersToShelter: true } : {}),
        ...(p.voicemailOk ? { voicemailOk: true } : {}),
        ...(p.throughIntermediaryOnly ? { throughIntermediaryOnly: true } : {}),
        ...(p.safetyNotes.trim() ? { notes: p.safetyNotes } : {}),
      };
      return {
        role: p.role,
        anonymous: p.anonymous,
        ...(p.anonymous ? {} : { name: opt(p.name), phone: opt(p.phone), email: opt(p.email) }),
        organization: opt(p.organization),
        consentScope: opt(p.consentScope),
        language: opt(p.language),
        contactChannel: opt(p.contactChannel) as (typeof CONTACT_CHANNELS)[number] | undefined,
        vulnerabilities: p.vulnerabilities,
        ...(Object.keys(safety).length > 0 ? { contactSafety: safety } : {}),
      };
    }),
    reportedOfficers: f.officers.map((o) => ({
      ...(o.memberId ? { memberId: o.memberId } : {}),
      name: opt(o.name),
      star: opt(o.star),
      description: opt(o.description),
    })),
  };
}

/** Which wizard step holds a field path. */
function stepOf(field: string): number {
  if (
    field.startsWith('incident') ||
    field.startsWith('categories') ||
    field === 'officersUnknown'
  ) {
    return 1;
  }
  if (field.startsWith('parties')) {
    return 2;
  }
  if (field.startsWith('reportedOfficers')) {
    return 3;
  }
  return 0;
}

/** The intake wizard (PRODUCT.md §5 "Web"): five steps, the server's routing decision, submit. */
export function IntakePage() {
  const { t, label, lang } = useI18n();
  usePageTitle(t('intake.title'));
  const [form, setForm] = useState<IntakeForm>(initialForm);
  const [step, setStep] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<RoutingPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<{
    logNumber: string;
    agency: string;
    clause: string;
    officers: number;
  } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const facilities = useLoad(() => api.facilities(), []);
  const fields = fieldErrorsOf(error);

  useEffect(() => {
    heading.current?.focus();
  }, [step, filed]);

  const update = (patch: Partial<IntakeForm>) => setForm((f) => ({ ...f, ...patch }));
  const updateParty = (i: number, patch: Partial<PartyForm>) =>
    setForm((f) => ({
      ...f,
      parties: f.parties.map((p, j) => (j === i ? { ...p, ...patch } : p)),
    }));

  /** Client check of the fields on this step (the server checks everything again). */
  const checkStep = (s: number, f: IntakeForm): boolean => {
    const invalid = validate(CaseIntakeRequest, bodyOf(f));
    const here = invalid?.fields.filter((f) => stepOf(f.field) === s) ?? [];
    if (here.length > 0) {
      setError(new ApiError(400, 'validation_failed', 'invalid', here));
      return false;
    }
    setError(null);
    return true;
  };

  const next = async (e: FormEvent) => {
    e.preventDefault();
    const current = step === STEPS.length - 2 ? withDraftOfficer(form) : form;
    if (current !== form) {
      setForm(current);
    }
    if (!checkStep(step, current)) {
      return;
    }
    if (step === STEPS.length - 2) {
      setBusy(true);
      try {
        setPreview(await api.previewRouting(bodyOf(current)));
        setStep(step + 1);
      } catch (err) {
        setError(err);
        if (err instanceof ApiError && err.fields[0]) {
          setStep(stepOf(err.fields[0].field));
        }
      } finally {
        setBusy(false);
      }
      return;
    }
    if (step === STEPS.length - 1) {
      await submit();
      return;
    }
    setStep(step + 1);
  };

  const submit = async () => {
    setBusy(true);
    try {
      const r = await api.fileCase(bodyOf(form));
      setFiled({
        logNumber: r.logNumber,
        agency: r.routing.agency,
        clause: r.routing.clause,
        officers: form.officers.length,
      });
      setError(null);
    } catch (err) {
      // nothing typed is lost: the form keeps its state; field errors go back to their step
      setError(err);
      if (err instanceof ApiError && err.fields[0]) {
        setStep(stepOf(err.fields[0].field));
      }
    } finally {
      setBusy(false);
    }
  };

  if (filed) {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {t('intake.filed', { logNumber: filed.logNumber })}
        </h1>
        <Alert type="success" headingLevel="h2" data-testid="intake-filed">
          {t('intake.filedBody', { agency: filed.agency, clause: filed.clause })}
        </Alert>
        {filed.officers > 0 ? (
          <p data-testid="intake-filed-officers">
            {t('intake.filedOfficers', { n: filed.officers })}
          </p>
        ) : null}
        <p>
          <Link to={`/staff/cases/${filed.logNumber}`}>
            {t('intake.openCase', { logNumber: filed.logNumber })}
          </Link>
        </p>
        <Button
          type="button"
          outline
          onClick={() => {
            setForm(initialForm());
            setStep(0);
            setPreview(null);
            setFiled(null);
          }}
        >
          {t('intake.another')}
        </Button>
      </>
    );
  }

  const shelterCodes = new Set(
    (facilities.data?.items ?? []).filter((f) => f.shelterPeriods.length > 0).map((f) => f.code),
  );

  return (
    <>
      <h1>{t('intake.title')}</h1>
      <StepIndicator
        headingLevel="h2"
        counters="small"
        className="margin-bottom-3"
        stepText={t('intake.stepWord')}
        ofText={t('intake.ofWord')}
        statusText={{ complete: t('intake.stepComplete'), incomplete: t('intake.stepIncomplete') }}
      >
        {STEPS.map((key, i) => (
          <StepIndicatorStep
            key={key}
            label={t(key)}
            status={i < step ? 'complete' : i === step ? 'current' : 'incomplete'}
          />
        ))}
      </StepIndicator>
      <h2 ref={heading} tabIndex={-1} className="usa-sr-only">
        {t('intake.stepOf', { n: step + 1, total: STEPS.length })}: {t(STEPS[step]!)}
      </h2>
      <ProblemAlert error={error} />
      <Form onSubmit={(e) => void next(e)} large className="maxw-tablet-lg">
        {step === 0 ? (
          <CaseStep form={form} update={update} fields={fields} />
        ) : step === 1 ? (
          <IncidentStep
            form={form}
            update={update}
            fields={fields}
            facilities={facilities.data?.items ?? []}
            shelterCodes={shelterCodes}
          />
        ) : step === 2 ? (
          <>
            {form.parties.length === 0 ? <p>{t('intake.noPeople')}</p> : null}
            {form.parties.map((p, i) => (
              <PartyFields
                key={i}
                index={i}
                party={p}
                fields={fields}
                onChange={(patch) => updateParty(i, patch)}
                onRemove={() =>
                  setForm((f) => ({ ...f, parties: f.parties.filter((_, j) => j !== i) }))
                }
              />
            ))}
            <Button
              type="button"
              outline
              onClick={() => setForm((f) => ({ ...f, parties: [...f.parties, emptyParty()] }))}
            >
              {t('party.add')}
            </Button>
          </>
        ) : step === 3 ? (
          <MembersStep form={form} update={update} />
        ) : (
          <>
            <IntakeSummary form={form} facilities={facilities.data?.items ?? []} />
            <section aria-labelledby="preview-heading" data-testid="routing-preview">
              <h3 id="preview-heading">{t('intake.preview')}</h3>
              <p className="usa-hint">{t('intake.preview.hint')}</p>
              {preview ? (
                <>
                  <dl className="ovs-dl">
                    <dt>{t('intake.preview.agency')}</dt>
                    <dd data-testid="preview-agency">{preview.routing.agency}</dd>
                    <dt>{t('intake.preview.clause')}</dt>
                    <dd data-testid="preview-clause">{preview.routing.clause}</dd>
                  </dl>
                  <p>
                    {lang === 'es' ? preview.routing.explanationEs : preview.routing.explanation}
                  </p>
                  {preview.restricted ? (
                    <Alert type="warning" headingLevel="h4" slim data-testid="preview-restricted">
                      {t('intake.preview.restricted')} (
                      {preview.restrictionReasons.map((r) => label('restriction', r)).join(', ')})
                    </Alert>
                  ) : (
                    <p>{t('intake.preview.open')}</p>
                  )}
                </>
              ) : null}
            </section>
          </>
        )}
        <div className="margin-top-4">
          {step > 0 ? (
            <Button type="button" outline onClick={() => setStep(step - 1)}>
              {t('common.previous')}
            </Button>
          ) : null}
          <Button type="submit" disabled={busy} data-testid="wizard-next">
            {step === STEPS.length - 1 ? t('intake.submit') : t('common.next')}
          </Button>
        </div>
      </Form>
    </>
  );
}

type StepProps = {
  form: IntakeForm;
  update: (patch: Partial<IntakeForm>) => void;
  fields: Record<string, string>;
};

function CaseStep({ form, update, fields }: StepProps) {
  const { t, label } = useI18n();
  return (
    <>
      <Fieldset legend={t('intake.caseType')} legendStyle="large">
        {fields.caseType ? <p className="usa-error-message">{fields.caseType}</p> : null}
        {CASE_TYPES.map((c) => (
          <Radio
            key={c}
            id={`caseType-${c}`}
            name="caseType"
            value={c}
            label={label('caseType', c)}
            checked={form.caseType === c}
            onChange={() => update({ caseType: c })}
          />
        ))}
      </Fieldset>
      {form.caseType === 'notification' ? (
        <Field
          id="notificationType"
          label={t('intake.notificationType')}
          error={fields.notificationType}
        >
          <Select
            id="notificationType"
            name="notificationType"
            value={form.notificationType}
            onChange={(e) => update({ notificationType: e.target.value as NotificationType })}
            aria-describedby={describedBy('notificationType', fields.notificationType)}
          >
            <option value="">—</option>
            {NOTIFICATION_TYPES.map((n) => (
              <option key={n} value={n}>
                {label('notificationType', n)}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field id="channel" label={t('intake.channel')} error={fields.channel}>
        <Select
          id="channel"
          name="channel"
          value={form.channel}
          onChange={(e) => update({ channel: e.target.value as Channel })}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {label('channel', c)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="receivedAt" label={t('intake.receivedAt')} error={fields.receivedAt}>
        <input
          className="usa-input"
          id="receivedAt"
          name="receivedAt"
          type="datetime-local"
          value={form.receivedAt}
          onChange={(e) => update({ receivedAt: e.target.value })}
          aria-describedby={describedBy('receivedAt', fields.receivedAt)}
        />
      </Field>
      <Field
        id="narrative"
        label={t('intake.narrative')}
        error={fields.narrative}
        hint={t('intake.narrative.hint')}
      >
        <Textarea
          id="narrative"
          name="narrative"
          value={form.narrative}
          onChange={(e) => update({ narrative: e.target.value })}
          aria-describedby={describedBy('narrative', fields.narrative, true)}
          error={Boolean(fields.narrative)}
        />
      </Field>
    </>
  );
}

function IncidentStep({
  form,
  update,
  fields,
  facilities,
  shelterCodes,
}: StepProps & { facilities: Facility[]; shelterCodes: Set<string> }) {
  const { t, label } = useI18n();
  const text = (key: 'address' | 'beat' | 'district', msg: MessageKey, optional = true) => (
    <Field id={key} label={t(msg)} error={fields[`incident.${key}`]} optional={optional}>
      <TextInput
        id={key}
        name={key}
        type="text"
        value={form[key]}
        onChange={(e) => update({ [key]: e.target.value })}
        aria-describedby={describedBy(key, fields[`incident.${key}`])}
        validationStatus={fields[`incident.${key}`] ? 'error' : undefined}
      />
    </Field>
  );
  return (
    <>
      <Field
        id="occurredAt"
        label={t('intake.occurredAt')}
        error={fields['incident.occurredAt']}
        optional
      >
        <input
          className="usa-input"
          id="occurredAt"
          name="occurredAt"
          type="datetime-local"
          value={form.occurredAt}
          onChange={(e) => update({ occurredAt: e.target.value })}
          aria-describedby={describedBy('occurredAt', fields['incident.occurredAt'])}
        />
      </Field>
      {text('address', 'intake.address')}
      {text('beat', 'intake.beat')}
      {text('district', 'intake.district')}
      <Field
        id="facilityCode"
        label={t('intake.facility')}
        error={fields['incident.facilityCode']}
        optional
      >
        <Select
          id="facilityCode"
          name="facilityCode"
          value={form.facilityCode}
          onChange={(e) => update({ facilityCode: e.target.value })}
        >
          <option value="">{t('intake.facility.none')}</option>
          {facilities.map((f) => (
            <option key={f.code} value={f.code}>
              {f.name} ({f.code})
              {shelterCodes.has(f.code) ? ` ${t('intake.facility.shelter')}` : ''}
            </option>
          ))}
        </Select>
      </Field>
      <Fieldset legend={t('intake.categories')} legendStyle="large">
        {fields.categories ? <p className="usa-error-message">{fields.categories}</p> : null}
        <div className="grid-row grid-gap-sm">
          {CATEGORIES.map((c) => (
            <div key={c} className="grid-col-12 tablet:grid-col-6">
              <Checkbox
                id={`category-${c}`}
                name="categories"
                value={c}
                label={label('category', c)}
                checked={form.categories.includes(c)}
                onChange={(e) =>
                  update({
                    categories: e.target.checked
                      ? [...form.categories, c]
                      : form.categories.filter((x) => x !== c),
                  })
                }
              />
            </div>
          ))}
        </div>
      </Fieldset>
      <Fieldset legend={t('case.flags')} legendStyle="large">
        <Checkbox
          id="officersUnknown"
          name="officersUnknown"
          label={t('intake.officersUnknown')}
          checked={form.officersUnknown}
          onChange={(e) => update({ officersUnknown: e.target.checked })}
        />
        <Checkbox
          id="seriousInjuryOrDeath"
          name="seriousInjuryOrDeath"
          label={t('intake.seriousInjury')}
          checked={form.seriousInjuryOrDeath}
          onChange={(e) => update({ seriousInjuryOrDeath: e.target.checked })}
        />
        <Checkbox
          id="inCustody"
          name="inCustody"
          label={t('intake.inCustody')}
          checked={form.inCustody}
          onChange={(e) => update({ inCustody: e.target.checked })}
        />
      </Fieldset>
    </>
  );
}

function PartyFields({
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
  const id = (k: string) => `party-${index}-${k}`;
  const err = (k: string) => fields[`parties.${index}.${k}`];
  const text = (
    k: 'name' | 'phone' | 'email' | 'organization' | 'consentScope',
    msg: MessageKey,
  ) => (
    <Field id={id(k)} label={t(msg)} error={err(k)} optional>
      <TextInput
        id={id(k)}
        name={k}
        type={k === 'email' ? 'email' : k === 'phone' ? 'tel' : 'text'}
        value={party[k]}
        onChange={(e) => onChange({ [k]: e.target.value })}
        aria-describedby={describedBy(id(k), err(k))}
        validationStatus={err(k) ? 'error' : undefined}
      />
    </Field>
  );
  const check = (
    k: 'lettersToShelter' | 'voicemailOk' | 'throughIntermediaryOnly',
    msg: MessageKey,
  ): ReactNode => (
    <Checkbox
      id={id(k)}
      name={k}
      label={t(msg)}
      checked={party[k]}
      onChange={(e) => onChange({ [k]: e.target.checked })}
    />
  );
  return (
    <Fieldset
      legend={t('party.heading', { n: index + 1 })}
      legendStyle="large"
      className="border-top border-base-lighter padding-top-2 margin-bottom-3"
    >
      <Field id={id('role')} label={t('party.role')} error={err('role')}>
        <Select
          id={id('role')}
          name="role"
          value={party.role}
          onChange={(e) => onChange({ role: e.target.value as PartyRole })}
        >
          {PARTY_ROLES.map((r) => (
            <option key={r} value={r}>
              {label('partyRole', r)}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        id={id('anonymous')}
        name="anonymous"
        label={t('party.anonymous')}
        checked={party.anonymous}
        onChange={(e) => onChange({ anonymous: e.target.checked })}
      />
      {party.anonymous ? null : (
        <>
          {text('name', 'party.name')}
          {text('phone', 'party.phone')}
          {text('email', 'party.email')}
        </>
      )}
      {party.role === 'intermediary' ? (
        <>
          {text('organization', 'party.organization')}
          {text('consentScope', 'party.consentScope')}
        </>
      ) : null}
      <Field id={id('language')} label={t('party.language')} error={err('language')} optional>
        <Select
          id={id('language')}
          name="language"
          value={party.language}
          onChange={(e) => onChange({ language: e.target.value })}
        >
          <option value="">—</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {label('language', l)}
            </option>
          ))}
        </Select>
      </Field>
      <Fieldset legend={t('party.vulnerabilities')}>
        {VULNERABILITIES.map((v) => (
          <Checkbox
            key={v}
            id={id(`vulnerability-${v}`)}
            name="vulnerabilities"
            value={v}
            label={label('vulnerability', v)}
            checked={party.vulnerabilities.includes(v)}
            onChange={(e) =>
              onChange({
                vulnerabilities: e.target.checked
                  ? [...party.vulnerabilities, v]
                  : party.vulnerabilities.filter((x) => x !== v),
              })
            }
          />
        ))}
      </Fieldset>
      <Field
        id={id('contactChannel')}
        label={t('party.contactChannel')}
        error={err('contactChannel')}
        optional
      >
        <Select
          id={id('contactChannel')}
          name="contactChannel"
          value={party.contactChannel}
          onChange={(e) => onChange({ contactChannel: e.target.value })}
        >
          <option value="">—</option>
          {CONTACT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {label('contactChannel', c)}
            </option>
          ))}
        </Select>
      </Field>
      <Fieldset legend={t('party.safety')}>
        {check('lettersToShelter', 'party.lettersToShelter')}
        {check('voicemailOk', 'party.voicemailOk')}
        {check('throughIntermediaryOnly', 'party.throughIntermediaryOnly')}
        <Field
          id={id('safetyNotes')}
          label={t('party.safetyNotes')}
          error={err('contactSafety.notes')}
          optional
        >
          <Textarea
            id={id('safetyNotes')}
            name="safetyNotes"
            value={party.safetyNotes}
            onChange={(e) => onChange({ safetyNotes: e.target.value })}
          />
        </Field>
      </Fieldset>
      <Button type="button" unstyled onClick={onRemove}>
        {t('party.remove', { n: index + 1 })}
      </Button>
    </Fieldset>
  );
}

/** How an officer the complainant named reads in lists and in the review summary. */
function officerLine(t: ReturnType<typeof useI18n>['t'], o: OfficerForm): string {
  const given = [
    o.name.trim(),
    o.star.trim() ? t('intake.officer.star', { star: o.star.trim() }) : '',
    o.description.trim(),
  ].filter(Boolean);
  return o.roster
    ? [o.roster, ...given.map((g) => `“${g}”`)].join(' — ')
    : `${given.join(' · ')} (${t('intake.officer.notInRoster')})`;
}

function MembersStep({ form, update }: Omit<StepProps, 'fields'>) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Array<{ id: string; line: string; name: string }> | null>(
    null,
  );
  const [error, setError] = useState<unknown>(null);
  const given = form.draftOfficer;
  const setGiven = (patch: Partial<IntakeForm['draftOfficer']>) =>
    update({ draftOfficer: { ...given, ...patch } });
  const search = async () => {
    if (!q.trim()) {
      return;
    }
    try {
      const r = await api.searchMembers(q.trim());
      setResults(
        r.items.map((m) => ({
          id: m.id,
          line: rosterLine(t, m),
          name: `${m.firstName} ${m.lastName}`,
        })),
      );
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  const addGiven = () => update(withDraftOfficer(form));
  const givenField = (k: keyof typeof given, msg: MessageKey, hint?: MessageKey) => (
    <Field id={`officer-${k}`} label={t(msg)} optional {...(hint ? { hint: t(hint) } : {})}>
      {k === 'description' ? (
        <Textarea
          id={`officer-${k}`}
          name={`officer-${k}`}
          value={given[k]}
          onChange={(e) => setGiven({ [k]: e.target.value })}
        />
      ) : (
        <TextInput
          id={`officer-${k}`}
          name={`officer-${k}`}
          type="text"
          {...(k === 'star' ? { inputMode: 'numeric' as const } : {})}
          value={given[k]}
          onChange={(e) => setGiven({ [k]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <>
      <p>{t('intake.officerNote')}</p>
      <ProblemAlert error={error} />
      <Field id="member-q" label={t('intake.memberSearch')}>
        <div className="usa-search usa-search--small" role="search">
          <TextInput
            id="member-q"
            name="member-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void search();
              }
            }}
          />
          <Button type="button" onClick={() => void search()}>
            {t('common.search')}
          </Button>
        </div>
      </Field>
      {results ? (
        results.length === 0 ? (
          <p>{t('intake.memberNone')}</p>
        ) : (
          <ul className="usa-list" aria-live="polite" data-testid="member-results">
            {results.map((m) => (
              <li key={m.id}>
                {m.line}{' '}
                <Button
                  type="button"
                  unstyled
                  disabled={form.officers.some((x) => x.memberId === m.id)}
                  onClick={() =>
                    update({
                      officers: [
                        ...form.officers,
                        { memberId: m.id, roster: m.line, name: '', star: '', description: '' },
                      ],
                    })
                  }
                >
                  {t('intake.memberAdd', { name: m.name })}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <Fieldset legend={t('intake.officer.given')} className="margin-top-3">
        <p className="usa-hint">{t('intake.officer.givenHint')}</p>
        {givenField('name', 'intake.officer.name')}
        {givenField('star', 'intake.officer.starLabel')}
        {givenField('description', 'intake.officer.description', 'intake.officer.descriptionHint')}
        <Button
          type="button"
          outline
          className="margin-top-2"
          disabled={withDraftOfficer(form) === form}
          onClick={addGiven}
        >
          {t('intake.officer.addGiven')}
        </Button>
      </Fieldset>
      <h3>{t('intake.officers')}</h3>
      {form.officers.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ul className="usa-list" data-testid="chosen-officers">
          {form.officers.map((o, i) => (
            <li key={i}>
              {officerLine(t, o)}{' '}
              <Button
                type="button"
                unstyled
                onClick={() => update({ officers: form.officers.filter((_, j) => j !== i) })}
              >
                {t('intake.officer.remove', { n: i + 1 })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Everything entered, on the review step, before the case is registered (issue 23 item 3). */
function IntakeSummary({ form, facilities }: { form: IntakeForm; facilities: Facility[] }) {
  const { t, label, dateTime } = useI18n();
  const facility = facilities.find((f) => f.code === form.facilityCode);
  const row = (term: string, value: ReactNode) => (
    <>
      <dt>{term}</dt>
      <dd>{value === '' || value === null ? '—' : value}</dd>
    </>
  );
  const at = (local: string) => (local ? dateTime(chicagoToIso(local)) : '');
  const flags = [
    form.officersUnknown ? t('intake.officersUnknown') : null,
    form.seriousInjuryOrDeath ? t('intake.seriousInjury') : null,
    form.inCustody ? t('intake.inCustody') : null,
  ].filter(Boolean);
  return (
    <section aria-labelledby="summary-heading" data-testid="intake-summary">
      <h3 id="summary-heading">{t('intake.summary')}</h3>
      <p className="usa-hint">{t('intake.summary.hint')}</p>
      <dl className="ovs-dl">
        {row(
          t('intake.caseType'),
          label('caseType', form.caseType) +
            (form.caseType === 'notification' && form.notificationType
              ? ` — ${label('notificationType', form.notificationType)}`
              : ''),
        )}
        {row(t('intake.channel'), label('channel', form.channel))}
        {row(t('intake.receivedAt'), at(form.receivedAt))}
        {row(t('intake.narrative'), form.narrative)}
        {row(t('intake.occurredAt'), at(form.occurredAt))}
        {row(t('intake.address'), form.address)}
        {row(t('intake.beat'), form.beat)}
        {row(t('intake.district'), form.district)}
        {row(t('intake.facility'), facility ? `${facility.name} (${facility.code})` : '')}
        {row(t('intake.categories'), form.categories.map((c) => label('category', c)).join(', '))}
        {row(t('case.flags'), flags.join(', '))}
        {row(
          t('intake.step.people'),
          form.parties.length === 0 ? (
            t('intake.noPeople')
          ) : (
            <ul className="usa-list">
              {form.parties.map((p, i) => (
                <li key={i}>
                  {[
                    label('partyRole', p.role),
                    p.anonymous ? t('party.anonymous') : p.name.trim(),
                    p.phone.trim(),
                    p.email.trim(),
                    p.organization.trim(),
                    p.language ? label('language', p.language) : '',
                    ...p.vulnerabilities.map((v) => label('vulnerability', v)),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </li>
              ))}
            </ul>
          ),
        )}
        {row(
          t('intake.officers'),
          form.officers.length === 0 ? (
            ''
          ) : (
            <ul className="usa-list" data-testid="summary-officers">
              {form.officers.map((o, i) => (
                <li key={i}>{officerLine(t, o)}</li>
              ))}
            </ul>
          ),
        )}
      </dl>
    </section>
  );
}
