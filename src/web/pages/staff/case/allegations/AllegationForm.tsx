import { Checkbox, TextInput } from '@trussworks/react-uswds';
import { api } from '../../../../api/client.ts';
import { useFields } from '../../../../components/form/use-fields.ts';
import { Field } from '../../../../components/problems.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { CaseForm, type CaseCtx } from '../section.tsx';
import { AllegationFields } from './AllegationFields.tsx';

/** Adds an allegation against a member by star, or against an officer not yet identified. */
export function AllegationForm({ c, reload }: CaseCtx) {
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
  return (
    <CaseForm
      reload={reload}
      id="form-allegation"
      title={t('action.allegation')}
      submitLabel={t('action.add')}
      onSubmit={() =>
        api.addAllegation(c.logNumber, {
          ...(f.unknownMember
            ? { unknownMember: true }
            : f.star.trim()
              ? { star: f.star.trim() }
              : {}),
          category: f.category,
          summary: f.summary,
        })
      }
      // the category stays as chosen for the next allegation
      reset={() => reset({ ...f, star: '', unknownMember: false, summary: '' })}
    >
      {(e) => (
        <>
          <Field id="al-star" label={t('action.star')} error={e.star ?? e.memberId} optional>
            <TextInput
              type="text"
              inputMode="numeric"
              disabled={f.unknownMember}
              {...bind('star')}
            />
          </Field>
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
