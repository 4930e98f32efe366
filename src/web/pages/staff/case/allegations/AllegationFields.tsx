import { Select, Textarea } from '@trussworks/react-uswds';
import { CATEGORIES } from '../../../../../shared/enums.ts';
import { CodeOptions } from '../../../../components/form/CodeOptions.tsx';
import type { BoundField } from '../../../../components/form/use-fields.ts';
import { Field, type FieldErrors } from '../../../../components/problems.tsx';
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
  const { t } = useI18n();
  return (
    <>
      <Field id={category.id} label={t('col.category')} error={errors.category}>
        <Select {...category}>
          <CodeOptions codes={CATEGORIES} kind="category" />
        </Select>
      </Field>
      <Field id={summary.id} label={t('action.summary')} error={errors.summary}>
        <Textarea {...summary} />
      </Field>
    </>
  );
}

/** A member as the case's lists name them. */
export function memberName(m: { firstName: string; lastName: string }): string {
  return `${m.firstName} ${m.lastName}`;
}
