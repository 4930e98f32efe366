import { useState } from 'react';
import type { ChangeEvent } from 'react';
import type { FieldErrors } from '../problems.tsx';

/** The names of a form's fields whose value is text (inputs, selects, text areas). */
type TextKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;
/** The names of a form's fields whose value is a yes/no (checkboxes). */
type CheckKeys<T> = { [K in keyof T]: T[K] extends boolean ? K : never }[keyof T] & string;

type TextControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** What `bind` gives a text control: spread it on the input, select or text area. */
export interface BoundField {
  id: string;
  name: string;
  value: string;
  onChange: (e: ChangeEvent<TextControl>) => void;
}

/** What `field` gives a field component: the bound control and the field's message. */
export interface BoundFieldWithError extends BoundField {
  error: string | undefined;
}

/**
 * One form's values and the props that bind each native control to them, so a form does not
 * hand-wire an `onChange` per field. `bind(name)` gives `{ id, name, value, onChange }` to spread
 * on an input, select or text area; `field(errors, name)` adds the message of the problem+json
 * field error of the same name (for a field component: `TextField`, `SelectField`, …), so the
 * name is written once; `bindCheck(name)` gives `{ id, name, checked, onChange }` for a checkbox. A control's id is `${idPrefix}-${name}` unless given (the ids the page has always
 * had, which labels, error messages and journeys point at). `reset()` returns to the values of
 * the latest render's `initial` (a fresh "now" for a date-time field), or to the values given.
 */
export function useFields<T extends Record<string, string | boolean>>(initial: T, idPrefix = '') {
  const [values, setValues] = useState<T>(initial);
  const set = <K extends keyof T>(name: K, value: T[K]) =>
    setValues((v) => ({ ...v, [name]: value }));
  const idOf = (name: string) => (idPrefix ? `${idPrefix}-${name}` : name);
  const bind = <K extends TextKeys<T>>(name: K, id = idOf(name)): BoundField => ({
    id,
    name,
    value: values[name] as string,
    onChange: (e: ChangeEvent<TextControl>) => set(name, e.target.value as T[K]),
  });
  const field = <K extends TextKeys<T>>(
    errors: FieldErrors,
    name: K,
    id?: string,
  ): BoundFieldWithError => ({ ...bind(name, id), error: errors[name] });
  const bindCheck = <K extends CheckKeys<T>>(name: K, id = idOf(name)) => ({
    id,
    name,
    checked: values[name] as boolean,
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(name, e.target.checked as T[K]),
  });
  const reset = (to: T = initial) => setValues(to);
  return { values, set, bind, field, bindCheck, reset };
}
