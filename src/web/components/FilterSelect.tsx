import { Select } from '@trussworks/react-uswds';
import { useI18n } from '../i18n/i18n.tsx';
import { Field } from './problems.tsx';

/**
 * A filter of the public pages (portal search, statistics): one of `options`, or "any" first
 * (the empty value). `text` gives each option's words in the reader's language.
 */
export function FilterSelect({
  id,
  label,
  value,
  options,
  text,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  text: (option: string) => string;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={label}>
      <Select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('pub.cases.any')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {text(o)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
