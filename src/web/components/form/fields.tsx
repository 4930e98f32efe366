import { Checkbox, Radio, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import { Fragment } from 'react';
import type { ChangeEvent, ComponentProps, ReactNode } from 'react';
import { CATEGORIES, type Category } from '../../../shared/enums.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field, describedBy, type FieldErrors } from '../problems.tsx';

/**
 * The form fields both the intake wizard and the public complaint form are built of (issue 20
 * item 1): a label, an optional hint, the "(optional)" mark and the field's problem+json message
 * next to it, and the native control, which gets everything else (`id`, `name`, `value`,
 * `onChange`, …) spread on it with `aria-describedby` pointing at the hint and the error.
 */
interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  /** The message of the problem+json field error for this control (or of a client check). */
  error?: string | undefined;
  optional?: boolean;
}

/** The props of a field component: the field's own, and the native control's (`id` kept). */
type Props<C> = FieldProps & Omit<C, keyof FieldProps>;

/**
 * A field around its control: the label, hint and message go to `Field`; the rest goes to the
 * control, with the `aria-describedby` that names its hint and error.
 */
function labelled<C>(
  { id, label, hint, error, optional, ...rest }: Props<C>,
  control: (
    input: Omit<C, keyof FieldProps> & { id: string; 'aria-describedby'?: string },
  ) => ReactNode,
) {
  const input = { ...rest, id, 'aria-describedby': describedBy(id, error, Boolean(hint)) };
  return <Field {...{ id, label, hint, error, optional }}>{control(input as never)}</Field>;
}

type TextInputProps = Omit<ComponentProps<typeof TextInput>, 'type'> & {
  type?: 'text' | 'email' | 'tel' | 'search' | 'password';
};

/** A one-line text input. */
export function TextField(props: Props<TextInputProps>) {
  return labelled<TextInputProps>(props, ({ type = 'text', ...input }) => (
    <TextInput {...input} type={type} validationStatus={props.error ? 'error' : undefined} />
  ));
}

/** A text area for free text (a narrative, a description). */
export function TextArea(props: Props<ComponentProps<typeof Textarea>>) {
  return labelled<ComponentProps<typeof Textarea>>(props, (input) => (
    <Textarea {...input} error={Boolean(props.error)} />
  ));
}

/** A select; its options are the children (see `Options`). */
export function SelectField(props: Props<ComponentProps<typeof Select>>) {
  return labelled<ComponentProps<typeof Select>>(props, (input) => <Select {...input} />);
}

/** The options of a select: one per value, `empty` (the empty value) first. */
function ValueOptions<V>({
  values,
  valueOf,
  labelOf,
  empty,
}: {
  values: readonly V[];
  valueOf: (value: V) => string;
  labelOf: (value: V) => string;
  empty: string | undefined;
}) {
  return (
    <>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {values.map((v) => (
        <option key={valueOf(v)} value={valueOf(v)}>
          {labelOf(v)}
        </option>
      ))}
    </>
  );
}

/** The options of a select: one per code, labelled in the interface language, `empty` first. */
export function Options<T extends string>(props: {
  values: readonly T[];
  labelOf: (value: T) => string;
  empty?: string;
}) {
  return <ValueOptions valueOf={(v) => v} empty={undefined} {...props} />;
}

/** The options of a select that chooses one of some records, by id, `empty` first. */
export function RecordOptions<R extends { id: string }>(props: {
  records: readonly R[];
  labelOf: (record: R) => string;
  empty?: string;
}) {
  return (
    <ValueOptions
      values={props.records}
      valueOf={(r) => r.id}
      labelOf={props.labelOf}
      empty={props.empty}
    />
  );
}

/** A date and time as the office's wall clock (`datetime-local`), or a day (`type="date"`). */
export function DateTimeField({
  type = 'datetime-local',
  ...props
}: Props<ComponentProps<'input'>> & { type?: 'datetime-local' | 'date' }) {
  return labelled<ComponentProps<'input'>>(props, (input) => (
    <input
      {...input}
      className={`usa-input${props.error ? ' usa-input--error' : ''}`}
      type={type}
    />
  ));
}

/** A day (`date`). */
export function DateField(props: Props<ComponentProps<'input'>>) {
  return <DateTimeField {...props} type="date" />;
}

/** One of a few choices as radio buttons; ids are `${name}-${value}`. */
export function Radios<T extends string>({
  name,
  values,
  labelOf,
  chosen,
  onChange,
  describedBy: hintId,
}: {
  name: string;
  values: readonly T[];
  labelOf: (value: T) => string;
  chosen: T;
  onChange: (value: T) => void;
  /** The id of a text that explains the choice. */
  describedBy?: string;
}) {
  return (
    <>
      {values.map((v) => (
        <Radio
          key={v}
          id={`${name}-${v}`}
          name={name}
          value={v}
          label={labelOf(v)}
          checked={chosen === v}
          onChange={() => onChange(v)}
          {...(hintId ? { 'aria-describedby': hintId } : {})}
        />
      ))}
    </>
  );
}

/** The two interface languages as options, each written in itself. */
export function LanguageOptions() {
  return (
    <>
      <option value="en" lang="en">
        English
      </option>
      <option value="es" lang="es">
        Español
      </option>
    </>
  );
}

/**
 * The complaint categories as checkboxes (`${idPrefix}-${code}`), in the interface language;
 * `grid` lays them out in two columns from tablet width.
 */
export function CategoryChecks({
  chosen,
  onChange,
  idPrefix = 'category',
  grid = false,
}: {
  chosen: readonly Category[];
  onChange: (chosen: Category[]) => void;
  idPrefix?: string;
  grid?: boolean;
}) {
  const { label } = useI18n();
  const checks = (
    <CheckList
      name="categories"
      idPrefix={idPrefix}
      values={CATEGORIES}
      labelOf={(c) => label('category', c)}
      chosen={chosen}
      onChange={onChange}
      {...(grid
        ? { wrap: (box: ReactNode) => <div className="grid-col-12 tablet:grid-col-6">{box}</div> }
        : {})}
    />
  );
  return grid ? <div className="grid-row grid-gap-sm">{checks}</div> : checks;
}

/** A list of codes with one item added or taken away. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

/** Checkboxes choosing any of `values` (categories, vulnerabilities); ids are `${idPrefix}-${code}`. */
export function CheckList<T extends string>({
  name,
  idPrefix,
  values,
  labelOf,
  chosen,
  onChange,
  wrap = (box) => box,
}: {
  name: string;
  idPrefix: string;
  values: readonly T[];
  labelOf: (value: T) => string;
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  /** Lays one checkbox out (a grid cell); the checkbox as is by default. */
  wrap?: (box: ReactNode, value: T) => ReactNode;
}) {
  return (
    <>
      {values.map((v) => (
        <Fragment key={v}>
          {wrap(
            <Checkbox
              id={`${idPrefix}-${v}`}
              name={name}
              value={v}
              label={labelOf(v)}
              checked={chosen.includes(v)}
              onChange={(e) => onChange(toggled(chosen, v, e.target.checked))}
            />,
            v,
          )}
        </Fragment>
      ))}
    </>
  );
}

/** A text control bound to one field: what `binder(…).text(name)` gives. */
export interface BoundText {
  id: string;
  name: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
}

type Texts<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;
type Flags<T> = { [K in keyof T]: T[K] extends boolean ? K : never }[keyof T] & string;

/**
 * Binds controls to the fields of an object the form already holds (a party of the intake, the
 * complaint form): `text(name)` gives `{ id, name, value, onChange }` and `check(name)` gives
 * `{ id, name, checked, onChange }` to spread on a field, each change sent as a patch of that one
 * field; `field(errors, name)` adds the field's problem+json message, as `useFields` does. `idOf` and `nameOf` give the control's id and name (by default its field name).
 */
export function binder<T extends object>(
  values: T,
  patch: (change: Partial<T>) => void,
  idOf: (name: string) => string = (name) => name,
  nameOf: (name: string) => string = (name) => name,
) {
  const text = <K extends Texts<T>>(name: K): BoundText => ({
    id: idOf(name),
    name: nameOf(name),
    value: values[name] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      patch({ [name]: e.target.value } as Partial<T>),
  });
  return {
    text,
    /** `text(name)` and the message of the problem+json field error of the same name. */
    field: <K extends Texts<T>>(errors: FieldErrors, name: K) => ({
      ...text(name),
      error: errors[name],
    }),
    check: <K extends Flags<T>>(name: K) => ({
      id: idOf(name),
      name: nameOf(name),
      checked: values[name] as boolean,
      onChange: (e: ChangeEvent<HTMLInputElement>) =>
        patch({ [name]: e.target.checked } as Partial<T>),
    }),
  };
}
