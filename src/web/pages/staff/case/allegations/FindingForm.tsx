import { Fragment } from 'react';
import { Select, TextInput } from '@trussworks/react-uswds';
import { FINDINGS } from '../../../../../shared/enums.ts';
import { api } from '../../../../api/client.ts';
import { CodeOptions } from '../../../../components/form/CodeOptions.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { Field, type FieldErrors } from '../../../../components/problems.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, type CaseCtx } from '../section.tsx';
import { memberName } from './AllegationFields.tsx';

/** The findings a form offers: the four an investigation can reach. */
const OFFERED_FINDINGS = FINDINGS.slice(0, 4);

/** The recommended and the final finding, each with its penalty, as the form names them. */
const STAGES = {
  recommended: {
    finding: ['rf', 'recommendedFinding', 'action.recommendedFinding'],
    penalty: ['rp', 'recommendedPenalty', 'action.recommendedPenalty'],
  },
  final: {
    finding: ['ff', 'finalFinding', 'action.finalFinding'],
    penalty: ['fp', 'finalPenalty', 'action.finalPenalty'],
  },
} as const;

/**
 * Records a finding and penalty on one allegation: the recommended one, the final one, or both,
 * as the caller's abilities allow.
 */
export function FindingForm({ c, reload, can }: CaseCtx) {
  const { t, label } = useI18n();
  const {
    values: f,
    bind,
    reset,
  } = useFields({ allegation: '', rf: '', rp: '', ff: '', fp: '' }, 'fi');
  const allegations = c.allegations ?? [];
  const chosen = allegations.find((a) => a.id === f.allegation) ?? allegations[0];
  if (!chosen) {
    return null;
  }
  const stages = [
    ...(can('case.record_recommended_finding') ? [STAGES.recommended] : []),
    ...(can('case.record_final_finding') ? [STAGES.final] : []),
  ];
  const fields = (
    { finding: [fn, fk, fl], penalty: [pn, pk, pl] }: (typeof stages)[number],
    e: FieldErrors,
  ) => (
    <Fragment key={fn}>
      <Field id={`fi-${fn}`} label={t(fl)} error={e[fk]} optional>
        <Select {...bind(fn)}>
          <option value="">—</option>
          <CodeOptions codes={OFFERED_FINDINGS} kind="finding" />
        </Select>
      </Field>
      <Field id={`fi-${pn}`} label={t(pl)} error={e[pk]} optional>
        <TextInput type="text" inputMode="numeric" {...bind(pn)} />
      </Field>
    </Fragment>
  );
  return (
    <CaseForm
      reload={reload}
      id="form-finding"
      title={t('action.finding')}
      submitLabel={t('common.save')}
      onSubmit={() =>
        api.recordFinding(c.logNumber, chosen.id, {
          ...(f.rf ? { recommendedFinding: f.rf as never } : {}),
          ...(f.rp ? { recommendedPenalty: f.rp } : {}),
          ...(f.ff ? { finalFinding: f.ff as never } : {}),
          ...(f.fp ? { finalPenalty: f.fp } : {}),
        })
      }
      reset={() => reset({ ...f, rf: '', rp: '', ff: '', fp: '' })}
    >
      {(e) => (
        <>
          <Field id="fi-allegation" label={t('action.allegation')}>
            <Select {...bind('allegation')} value={chosen.id}>
              {allegations.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.member ? memberName(a.member) : t('case.unknownMember')} —{' '}
                  {label('category', a.category)}
                </option>
              ))}
            </Select>
          </Field>
          {stages.map((s) => fields(s, e))}
        </>
      )}
    </CaseForm>
  );
}
