import { Fragment } from 'react';
import { FINDINGS } from '../../../../../shared/enums.ts';
import { api } from '../../../../api/client.ts';
import {
  Options,
  SelectField,
  TextField,
  RecordOptions,
} from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { type FieldErrors } from '../../../../components/problems.tsx';
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
export function FindingForm(ctx: CaseCtx) {
  const { c, can } = ctx;
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
      <SelectField label={t(fl)} error={e[fk]} optional {...bind(fn)}>
        <Options values={OFFERED_FINDINGS} labelOf={(x) => label('finding', x)} empty="—" />
      </SelectField>
      <TextField
        label={t(pl)}
        error={e[pk]}
        optional
        type="text"
        inputMode="numeric"
        {...bind(pn)}
      />
    </Fragment>
  );
  const send = () =>
    api.recordFinding(c.logNumber, chosen.id, {
      ...(f.rf ? { recommendedFinding: f.rf } : {}),
      ...(f.rp ? { recommendedPenalty: f.rp } : {}),
      ...(f.ff ? { finalFinding: f.ff } : {}),
      ...(f.fp ? { finalPenalty: f.fp } : {}),
    });
  return (
    <CaseForm
      {...ctx}
      form="finding"
      onSubmit={send}
      reset={() => reset({ ...f, rf: '', rp: '', ff: '', fp: '' })}
    >
      {(e) => (
        <>
          <SelectField label={t('action.allegation')} {...bind('allegation')} value={chosen.id}>
            <RecordOptions
              records={allegations}
              labelOf={(a) =>
                `${a.member ? memberName(a.member) : t('case.unknownMember')} — ${label('category', a.category)}`
              }
            />
          </SelectField>
          {stages.map((s) => fields(s, e))}
        </>
      )}
    </CaseForm>
  );
}
