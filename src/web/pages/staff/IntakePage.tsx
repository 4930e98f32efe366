import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, Form, StepIndicator, StepIndicatorStep } from '@trussworks/react-uswds';
import { CaseIntakeRequest } from '../../../shared/schemas/cases.ts';
import { api, ApiError, type RoutingPreview } from '../../api/client.ts';
import { useSubmit } from '../../components/form/use-submit.ts';
import { ProblemAlert, validate } from '../../components/problems.tsx';
import { Link } from '../../components/router.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CaseStep } from './intake/CaseStep.tsx';
import { IncidentStep } from './intake/IncidentStep.tsx';
import {
  STEPS,
  bodyOf,
  initialForm,
  stepOf,
  withDraftOfficer,
  type IntakeForm,
} from './intake/intake-form.ts';
import { OfficersStep } from './intake/OfficersStep.tsx';
import { PeopleStep } from './intake/PartyFields.tsx';
import { ReviewStep } from './intake/ReviewStep.tsx';

/** The intake wizard (PRODUCT.md §5 "Web"): five steps, the server's routing decision, submit. */
export function IntakePage() {
  const { t } = useI18n();
  usePageTitle(t('intake.title'));
  const [form, setForm] = useState<IntakeForm>(initialForm);
  const [step, setStep] = useState(0);
  const { error, setError, fields, busy, submit: send } = useSubmit();
  const [preview, setPreview] = useState<RoutingPreview | null>(null);
  const [filed, setFiled] = useState<{
    logNumber: string;
    agency: string;
    clause: string;
    officers: number;
  } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const facilities = useLoad(() => api.facilities(), []);

  useEffect(() => {
    heading.current?.focus();
  }, [step, filed]);

  const update = (patch: Partial<IntakeForm>) => setForm((f) => ({ ...f, ...patch }));

  /** Client check of the fields on this step (the server checks everything again). */
  const checkStep = (s: number, f: IntakeForm): ApiError | null => {
    const invalid = validate(CaseIntakeRequest, bodyOf(f));
    const here = invalid?.fields.filter((f) => stepOf(f.field) === s) ?? [];
    return here.length > 0 ? new ApiError(400, 'validation_failed', 'invalid', here) : null;
  };

  // nothing typed is lost: the form keeps its state; field errors go back to their step
  const backToField = (err: unknown) => {
    if (err instanceof ApiError && err.fields[0]) {
      setStep(stepOf(err.fields[0].field));
    }
  };

  const next = async (e: FormEvent) => {
    e.preventDefault();
    const current = step === STEPS.length - 2 ? withDraftOfficer(form) : form;
    if (current !== form) {
      setForm(current);
    }
    const invalid = checkStep(step, current);
    if (step === STEPS.length - 2) {
      await send(
        invalid,
        async () => {
          setPreview(await api.previewRouting(bodyOf(current)));
          setStep(step + 1);
        },
        backToField,
      );
    } else if (step === STEPS.length - 1) {
      await send(
        invalid,
        async () => {
          const r = await api.fileCase(bodyOf(form));
          setFiled({
            logNumber: r.logNumber,
            agency: r.routing.agency,
            clause: r.routing.clause,
            officers: form.officers.length,
          });
        },
        backToField,
      );
    } else if (invalid) {
      setError(invalid);
    } else {
      setError(null);
      setStep(step + 1);
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
          <PeopleStep form={form} update={update} fields={fields} />
        ) : step === 3 ? (
          <OfficersStep form={form} update={update} />
        ) : (
          <ReviewStep form={form} facilities={facilities.data?.items ?? []} preview={preview} />
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
