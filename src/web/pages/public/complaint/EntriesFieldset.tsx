import { Button, Fieldset } from '@trussworks/react-uswds';
import { TextArea, TextField } from '../../../components/form/fields.tsx';
import type { FieldErrors } from '../../../components/problems.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/** What one entry of each list is called in the messages (`pub.complaint.{one}.heading`, …). */
const ONE = { officers: 'officer', witnesses: 'witness' } as const;

/** One field of a repeated entry. */
export interface EntrySpec<K extends string> {
  key: K;
  label: string;
  hint?: string;
  type?: 'text' | 'tel' | 'email';
  multiline?: boolean;
}

/**
 * A list of optional entries the person adds one by one (the officers involved, the witnesses;
 * issue 23 item 7), at most 10, each in its own fieldset, with the server's errors at
 * `{path}.{index}.{key}`. Its legend and hint are `pub.complaint.{path}.legend` and `.hint`; an
 * entry's heading and its add and remove buttons, `pub.complaint.{one}.heading`, `.add`, `.remove`.
 */
export function EntriesFieldset<K extends string>({
  path,
  specs,
  entries,
  fields,
  onChange,
}: {
  path: keyof typeof ONE;
  specs: ReadonlyArray<EntrySpec<K>>;
  entries: Array<Record<K, string>>;
  fields: FieldErrors;
  onChange: (entries: Array<Record<K, string>>) => void;
}) {
  const { t } = useI18n();
  const one = ONE[path];
  const set = (i: number, key: K, value: string) =>
    onChange(entries.map((e, j) => (j === i ? { ...e, [key]: value } : e)));
  const empty = Object.fromEntries(specs.map((f) => [f.key, ''])) as Record<K, string>;
  return (
    <Fieldset legend={t(`pub.complaint.${path}.legend`)} data-testid={`complaint-${path}`}>
      <p className="usa-hint">{t(`pub.complaint.${path}.hint`)}</p>
      {entries.map((entry, i) => (
        <Fieldset key={i} legend={t(`pub.complaint.${one}.heading`, { n: i + 1 })}>
          {specs.map(({ key, label, hint, type, multiline }) => {
            const id = `${path}-${i}-${key}`;
            const props = {
              id,
              name: id,
              label,
              hint,
              value: entry[key],
              error: fields[`${path}.${i}.${key}`],
              optional: true,
              onChange: (ev: { target: { value: string } }) => set(i, key, ev.target.value),
            };
            return multiline ? (
              <TextArea key={key} {...props} />
            ) : (
              <TextField key={key} {...props} type={type ?? 'text'} />
            );
          })}
          <Button
            type="button"
            unstyled
            onClick={() => onChange(entries.filter((_, j) => j !== i))}
          >
            {t(`pub.complaint.${one}.remove`, { n: i + 1 })}
          </Button>
        </Fieldset>
      ))}
      {entries.length < 10 ? (
        <Button
          type="button"
          outline
          className="margin-top-2"
          onClick={() => onChange([...entries, { ...empty }])}
        >
          {t(`pub.complaint.${one}.add`)}
        </Button>
      ) : null}
    </Fieldset>
  );
}
