import { useI18n } from '../i18n/i18n.tsx';
import { Options, SelectField, type BoundText } from './form/fields.tsx';

/**
 * A filter of the public pages (portal search, statistics): one of `options`, or "any" first
 * (the empty value), bound to its filter (`binder(…).text(name)`). `text` gives each option's
 * words in the reader's language.
 */
export function FilterSelect({
  label,
  options,
  text,
  ...bound
}: BoundText & {
  label: string;
  options: readonly string[];
  text: (option: string) => string;
}) {
  const { t } = useI18n();
  return (
    <SelectField {...bound} label={label}>
      <Options values={options} labelOf={text} empty={t('pub.cases.any')} />
    </SelectField>
  );
}
