import { useState } from 'react';
import type { FormEvent } from 'react';
import { navigate, useLocation } from './router.tsx';

/**
 * Filters that live in the query string, so a search can be linked and shared (the case portal,
 * the statistics): `current` as the address has them, `form` as being typed, `go` to an address
 * with the given filters (empty ones and `defaults` left out), `submit` for the filter form.
 */
export function useUrlFilters<K extends string>(
  path: string,
  keys: readonly K[],
  defaults: Partial<Record<K, string>> = {},
) {
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const current = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<
    K,
    string
  >;
  const [form, setForm] = useState(current);
  const go = (next: Record<K, string>) => {
    const q = new URLSearchParams();
    for (const k of keys) {
      if (next[k] !== '' && next[k] !== defaults[k]) {
        q.set(k, next[k]);
      }
    }
    const s = q.toString();
    navigate(s ? `${path}?${s}` : path);
  };
  return {
    search,
    current,
    /** A filter as the API takes it: undefined when not given. */
    given: (k: K): string | undefined => current[k] || undefined,
    form,
    set: (patch: Partial<Record<K, string>>) => setForm((f) => ({ ...f, ...patch })),
    go,
    submit: (e: FormEvent, patch: Partial<Record<K, string>> = {}) => {
      e.preventDefault();
      go({ ...form, ...patch });
    },
    /** Every filter cleared, in the form and the address. */
    clear: () => {
      setForm(Object.fromEntries(keys.map((k) => [k, ''])) as Record<K, string>);
      navigate(path);
    },
  };
}
