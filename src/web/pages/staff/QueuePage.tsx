import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Form, Pagination, Select, TextInput } from '@trussworks/react-uswds';
import { CASE_STATUSES, CATEGORIES } from '../../../shared/enums.ts';
import { CASE_SORTS } from '../../../shared/schemas/cases.ts';
import { api, type CaseQuery } from '../../api/client.ts';
import { CaseTable } from '../../components/CaseTable.tsx';
import { Field, ProblemAlert, fieldErrorsOf } from '../../components/problems.tsx';
import { navigate } from '../../components/router.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The first profile's agency codes; until the web reads the profile's agencies (ADR 0045). */
const AGENCIES = ['COPA', 'BIA', 'OIG'] as const;

const PAGE_SIZE = 25;
const KEYS = ['q', 'status', 'category', 'agency', 'facility', 'from', 'to', 'sort'] as const;
type Filters = Record<(typeof KEYS)[number], string>;

function filtersOf(search: string): Filters & { page: number } {
  const p = new URLSearchParams(search);
  const f = Object.fromEntries(KEYS.map((k) => [k, p.get(k) ?? ''])) as Filters;
  return { ...f, page: Math.max(1, Number(p.get('page') ?? '1') || 1) };
}

function hrefOf(f: Filters, page: number): string {
  const p = new URLSearchParams();
  for (const k of KEYS) {
    if (f[k]) {
      p.set(k, f[k]);
    }
  }
  if (page > 1) {
    p.set('page', String(page));
  }
  const s = p.toString();
  return `/staff/cases${s ? `?${s}` : ''}`;
}

/** The case queue: full-text search, filters, sort and pages, all kept in the URL. */
export function QueuePage({ search }: { search: string }) {
  const { t, label } = useI18n();
  usePageTitle(t('queue.title'));
  const current = filtersOf(search);
  const [form, setForm] = useState<Filters>(current);
  const { data, error, loading } = useLoad(() => {
    const q: CaseQuery = { page: current.page, pageSize: PAGE_SIZE };
    for (const k of KEYS) {
      if (current[k]) {
        (q as Record<string, string>)[k] = current[k];
      }
    }
    return api.listCases(q);
  }, [search]);
  const fields = fieldErrorsOf(error, 'querystring.');
  // the registered facilities (issue 23 item 5); a code from the URL that is not among them (or
  // a role that may not list them) is still offered, so the filter in force is never hidden
  const facilities = useLoad(() => api.facilities(), []);
  const registered = (facilities.data?.items ?? []).map((f) => ({ code: f.code, name: f.name }));
  const facilityOptions =
    form.facility && !registered.some((f) => f.code === form.facility)
      ? [...registered, { code: form.facility, name: '' }]
      : registered;
  const set = (k: keyof Filters) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(hrefOf(form, 1));
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  const select = (k: 'status' | 'category' | 'agency', options: readonly string[]) => (
    <Select id={`queue-${k}`} name={k} value={form[k]} onChange={set(k)}>
      <option value="">{t('common.any')}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {k === 'agency' ? o : label(k, o)}
        </option>
      ))}
    </Select>
  );
  // Without a sort the server lists by best match when there is a search, else newest first:
  // the empty choice is offered only as "best match", so no order is listed twice (issue 23
  // item 5).
  const sortSelect = (
    <Select
      id="queue-sort"
      name="sort"
      value={form.sort || (form.q ? '' : 'received_desc')}
      onChange={set('sort')}
    >
      {form.q ? <option value="">{t('sort.relevance')}</option> : null}
      {CASE_SORTS.map((o) => (
        <option key={o} value={o}>
          {label('sort', o)}
        </option>
      ))}
    </Select>
  );

  return (
    <>
      <h1>{t('queue.title')}</h1>
      <Form onSubmit={submit} className="maxw-full" role="search" aria-label={t('queue.filters')}>
        <div className="grid-row grid-gap">
          <div className="grid-col-12 tablet:grid-col-6">
            <Field id="queue-q" label={t('queue.search')} error={fields.q}>
              <TextInput id="queue-q" name="q" type="search" value={form.q} onChange={set('q')} />
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <Field id="queue-status" label={t('col.status')} error={fields.status}>
              {select('status', CASE_STATUSES)}
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <Field id="queue-category" label={t('col.category')} error={fields.category}>
              {select('category', CATEGORIES)}
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <Field id="queue-agency" label={t('action.agency')} error={fields.agency}>
              {select('agency', AGENCIES)}
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <Field id="queue-facility" label={t('col.facility')} error={fields.facility}>
              <Select
                id="queue-facility"
                name="facility"
                value={form.facility}
                onChange={set('facility')}
              >
                <option value="">{t('common.any')}</option>
                {facilityOptions.map((f) => (
                  <option key={f.code} value={f.code}>
                    {f.name ? `${f.name} (${f.code})` : f.code}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <Field id="queue-from" label={t('queue.from')} error={fields.from}>
              <input
                className="usa-input"
                id="queue-from"
                name="from"
                type="date"
                value={form.from}
                onChange={set('from')}
              />
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <Field id="queue-to" label={t('queue.to')} error={fields.to}>
              <input
                className="usa-input"
                id="queue-to"
                name="to"
                type="date"
                value={form.to}
                onChange={set('to')}
              />
            </Field>
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <Field id="queue-sort" label={t('queue.sort')} error={fields.sort}>
              {sortSelect}
            </Field>
          </div>
        </div>
        <Button type="submit">{t('queue.apply')}</Button>
        <Button
          type="button"
          outline
          onClick={() => {
            setForm(filtersOf(''));
            navigate('/staff/cases');
          }}
        >
          {t('queue.clear')}
        </Button>
      </Form>
      <ProblemAlert error={error} />
      <div aria-live="polite" aria-busy={loading}>
        {data ? (
          <>
            <p className="margin-top-3" data-testid="queue-total">
              {t('queue.total', { n: data.total.toLocaleString() })}
            </p>
            {data.items.length === 0 ? (
              <p>{t('queue.empty')}</p>
            ) : (
              <CaseTable items={data.items} caption={t('queue.title')} />
            )}
          </>
        ) : null}
      </div>
      {data && pages > 1 ? (
        <Pagination
          pathname="/staff/cases"
          totalPages={pages}
          currentPage={Math.min(current.page, pages)}
          aria-label={t('queue.pagination')}
          onClickNext={() => navigate(hrefOf(current, current.page + 1))}
          onClickPrevious={() => navigate(hrefOf(current, current.page - 1))}
          onClickPageNumber={(e, page) => {
            e.preventDefault();
            navigate(hrefOf(current, page));
          }}
        />
      ) : null}
    </>
  );
}
