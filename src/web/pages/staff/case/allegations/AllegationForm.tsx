import { Checkbox } from '@trussworks/react-uswds';
import { api } from '../../../../api/client.ts';
import { TextField } from '../../../../components/form/fields.tsx';
import { useFields } from '../../../../components/form/use-fields.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, type CaseCtx } from '../section.tsx';
import { AllegationFields } from './AllegationFields.tsx';

/** Adds an allegation against a member by star, or against an officer not yet identified. */
export function AllegationForm(ctx: CaseCtx) {
  const { c } = ctx;
  const { t } = useI18n();
  const {
    values: f,
    bind,
    bindCheck,
    reset,
  } = useFields(
    { star: '', unknownMember: false, category: c.categories[0] ?? 'miscellaneous', summary: '' },
    'al',
  );
  const send = () =>
    api.addAllegation(c.logNumber, {
      ...(f.unknownMember ? { unknownMember: true } : f.star.trim() ? { star: f.star.trim() } : {}),
      category: f.category,
      summary: f.summary,
    });
  return (
    <CaseForm
      {...ctx}
      form="allegation"
      onSubmit={send}
      // the category stays as chosen for the next allegation
      reset={() => reset({ ...f, star: '', unknownMember: false, summary: '' })}
    >
      {(e) => (
        <>
          <TextField
            label={t('action.star')}
            error={e.star ?? e.memberId}
            optional
            type="text"
            inputMode="numeric"
            disabled={f.unknownMember}
            {...bind('star')}
          />
          <Checkbox
            label={t('action.unknownOfficer')}
            {...bindCheck('unknownMember', 'al-unknown')}
          />
          <AllegationFields errors={e} category={bind('category')} summary={bind('summary')} />
        </>
      )}
    </CaseForm>
  );
}
