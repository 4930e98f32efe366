import { Button, Form, Pagination } from '@trussworks/react-uswds';
import { CASE_STATUSES, CATEGORIES } from '../../../shared/enums.ts';
import { CASE_SORTS } from '../../../shared/schemas/cases.ts';
import { api, type CaseQuery } from '../../api/client.ts';
import { CaseTable } from '../../components/CaseTable.tsx';
import {
  DateField,
  Options,
  SelectField,
  TextField,
  binder,
} from '../../components/form/fields.tsx';
import { ProblemAlert, fieldErrorsOf } from '../../components/problems.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The first profile's agency codes; until the web reads the profile's agencies (ADR 0045). */
const AGENCIES = ['COPA', 'BIA', 'OIG'] as const;

const PAGE_SIZE = 25;
/** The case queue: full-text search, filters, sort and pages, all kept in the URL. */
export function QueuePage({ search }: { search: string }) {
  const { t, label } = useI18n();
  usePageTitle(t('queue.title'));
  const filters = useUrlFilters(
    '/staff/cases',
    ['q', 'status', 'category', 'agency', 'facility', 'from', 'to', 'sort', 'page'] as const,
    { page: '1' },
  );
  const { current, given, form, set } = filters;
  const page = Math.max(1, Number(current.page || '1') || 1);
  const { data, error, loading } = useLoad(
    () =>
      api.listCases({
        q: given('q'),
        status: given('status'),
        category: given('category'),
        agency: given('agency'),
        facility: given('facility'),
        from: given('from'),
        to: given('to'),
        sort: given('sort'),
        page,
        pageSize: PAGE_SIZE,
      } as CaseQuery),
    [search],
  );
  const fields = fieldErrorsOf(error, 'querystring.');
  const bind = binder(form, set, (k) => `queue-${k}`);
  const goTo = (p: number) => filters.go({ ...current, page: String(p) });
  // the registered facilities (issue 23 item 5); a code from the URL that is not among them (or
  // a role that may not list them) is still offered, so the filter in force is never hidden
  const facilities = useLoad(() => api.facilities(), []);
  const registered = (facilities.data?.items ?? []).map((f) => ({ code: f.code, name: f.name }));
  const facilityOptions =
    form.facility && !registered.some((f) => f.code === form.facility)
      ? [...registered, { code: form.facility, name: '' }]
      : registered;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  // past 1,000 matches the count stops (ADR 0058): the pager then has no last page
  const exact = data?.totalExact ?? true;

  const select = (k: 'status' | 'category' | 'agency', options: readonly string[], l: string) => (
    <SelectField {...bind.field(fields, k)} label={l}>
      <Options
        values={options}
        labelOf={(o) => (k === 'agency' ? o : label(k, o))}
        empty={t('common.any')}
      />
    </SelectField>
  );
  // Without a sort the server lists by best match when there is a search, else newest first:
  // the empty choice is offered only as "best match", so no order is listed twice (issue 23
  // item 5).
  const sortSelect = (
    <SelectField
      {...bind.field(fields, 'sort')}
      label={t('queue.sort')}
      value={form.sort || (form.q ? '' : 'received_desc')}
    >
      {form.q ? <option value="">{t('sort.relevance')}</option> : null}
      {CASE_SORTS.map((o) => (
        <option key={o} value={o}>
          {label('sort', o)}
        </option>
      ))}
    </SelectField>
  );

  return (
    <>
      <h1>{t('queue.title')}</h1>
      <Form
        onSubmit={(e) => filters.submit(e, { page: '1' })}
        className="maxw-full"
        role="search"
        aria-label={t('queue.filters')}
      >
        <div className="grid-row grid-gap">
          <div className="grid-col-12 tablet:grid-col-6">
            <TextField {...bind.field(fields, 'q')} type="search" label={t('queue.search')} />
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            {select('status', CASE_STATUSES, t('col.status'))}
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            {select('category', CATEGORIES, t('col.category'))}
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            {select('agency', AGENCIES, t('action.agency'))}
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <SelectField {...bind.field(fields, 'facility')} label={t('col.facility')}>
              <option value="">{t('common.any')}</option>
              {facilityOptions.map((f) => (
                <option key={f.code} value={f.code}>
                  {f.name ? `${f.name} (${f.code})` : f.code}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <DateField {...bind.field(fields, 'from')} label={t('queue.from')} />
          </div>
          <div className="grid-col-6 tablet:grid-col-3">
            <DateField {...bind.field(fields, 'to')} label={t('queue.to')} />
          </div>
          <div className="grid-col-6 tablet:grid-col-3">{sortSelect}</div>
        </div>
        <Button type="submit">{t('queue.apply')}</Button>
        <Button type="button" outline onClick={filters.clear}>
          {t('queue.clear')}
        </Button>
      </Form>
      <ProblemAlert error={error} />
      <div aria-live="polite" aria-busy={loading}>
        {data ? (
          <>
            <p className="margin-top-3" data-testid="queue-total">
              {t(exact ? 'queue.total' : 'queue.totalMore', { n: data.total.toLocaleString() })}
            </p>
            {/* a search past the count is not ranked (ADR 0060): say so where best match was asked */}
            {current.q && !current.sort && data.order !== 'relevance' ? (
              <p data-testid="queue-unranked">{t('queue.unranked')}</p>
            ) : null}
            {data.items.length === 0 ? (
              <p>{t('queue.empty')}</p>
            ) : (
              <CaseTable items={data.items} caption={t('queue.title')} />
            )}
          </>
        ) : null}
      </div>
      {data && (pages > 1 || !exact) ? (
        <Pagination
          pathname="/staff/cases"
          {...(exact ? { totalPages: pages } : {})}
          currentPage={exact ? Math.min(page, pages) : page}
          aria-label={t('queue.pagination')}
          onClickNext={() => goTo(page + 1)}
          onClickPrevious={() => goTo(page - 1)}
          onClickPageNumber={(e, p) => {
            e.preventDefault();
            goTo(p);
          }}
        />
      ) : null}
    </>
  );
}
