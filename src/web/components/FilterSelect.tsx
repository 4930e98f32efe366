import { useI18n } from '../i18n/i18n.tsx';
import { Options, SelectField } from './form/fields.tsx';

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
    <SelectField
      id={id}
      name={id}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <Options values={options} labelOf={text} empty={t('pub.cases.any')} />
    </SelectField>
  );
}
