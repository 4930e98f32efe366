import { useI18n, type LabelPrefix } from '../../i18n/i18n.tsx';

/** The `<option>`s of a select over stable codes, each shown by its label in the interface language. */
export function CodeOptions({ codes, kind }: { codes: readonly string[]; kind: LabelPrefix }) {
  const { label } = useI18n();
  return (
    <>
      {codes.map((x) => (
        <option key={x} value={x}>
          {label(kind, x)}
        </option>
      ))}
    </>
  );
}
