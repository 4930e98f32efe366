import { Select } from '@trussworks/react-uswds';
import { CATEGORIES } from '../../shared/enums.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Field } from './problems.tsx';

/** The profile's allegation categories as a filter, with "any" first (portal search, statistics). */
export function CategorySelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (category: string) => void;
}) {
  const { t, label: labelOf } = useI18n();
  return (
    <Field id="category" label={label}>
      <Select
        id="category"
        name="category"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('pub.cases.any')}</option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {labelOf('category', c)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
