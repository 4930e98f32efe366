import { CATEGORIES } from '../../../../../shared/enums.ts';
import type { BoundField } from '../../../../components/form/use-fields.ts';
import { Options, SelectField, TextArea } from '../../../../components/form/fields.tsx';
import type { FieldErrors } from '../../../../components/problems.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';

/** An allegation's category and summary: the allegation form's and the confirmation's. */
export function AllegationFields({
  errors,
  category,
  summary,
}: {
  errors: FieldErrors;
  category: BoundField;
  summary: BoundField;
}) {
  const { t, label } = useI18n();
  return (
    <>
      <SelectField label={t('col.category')} error={errors.category} {...category}>
        <Options values={CATEGORIES} labelOf={(x) => label('category', x)} />
      </SelectField>
      <TextArea label={t('action.summary')} error={errors.summary} {...summary} />
    </>
  );
}

/** A member as the case's lists name them. */
export function memberName(m: { firstName: string; lastName: string }): string {
  return `${m.firstName} ${m.lastName}`;
}
