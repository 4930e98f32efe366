import { Alert, Button } from '@trussworks/react-uswds';
import { CASE_STATUSES, CATEGORIES } from '../../../shared/enums.ts';
import { PUBLIC_CASE_SORTS } from '../../../shared/schemas/public.ts';
import { publicApi } from '../../api/public-client.ts';
import type { PublicCase, PublicCaseList } from '../../api/public-client.ts';
import type { ReactNode } from 'react';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { Pager } from '../../components/Pager.tsx';
import { SelectField, TextField, binder } from '../../components/form/fields.tsx';
import { ProblemAlert, fieldErrorsOf } from '../../components/problems.tsx';
import { Link } from '../../components/router.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DutyStatusTable } from './DutyStatusTable.tsx';
import { StackedTable } from '../../components/StackedTable.tsx';
import { CaseStatements } from './CaseStatements.tsx';

const PAGE_SIZE = 25;
type PublicCaseRow = PublicCaseList['items'][number];
/** The list's order when the query string names none (the API's default too). */
const DEFAULT_SORT = 'newest';
/** Stages after which a case is closed (domain CONCLUDED): their closing date is shown. */
const CLOSED_STAGES: ReadonlySet<string> = new Set([
  'final',
  'closed_no_finding',
  'closed_referred',
]);

/**
 * The closing date in words: the date; "still open" for an open case; for a closed case the
 * releases gave no date for (imported CLEAR history), that it was not recorded (issue 23 item 13).
 */
function useClosedOn() {
  const { t, date } = useI18n();
  return (status: string, closedOn: string | null | undefined): string =>
    closedOn
      ? date(closedOn)
      : CLOSED_STAGES.has(status)
        ? t('pub.cases.closedNotRecorded')
        : t('pub.cases.stillOpen');
}

/** The case search: filters live in the query string so a search can be linked and shared. */
export function CaseListPage() {
  const { t, label, date } = useI18n();
  const closed = useClosedOn();
  usePageTitle(t('pub.cases.title'));
  const filters = useUrlFilters(
    '/cases',
    ['logNumber', 'year', 'category', 'status', 'sort', 'page'] as const,
    { sort: DEFAULT_SORT, page: '1' },
  );
  const { current, given, form, set } = filters;
  const page = Number(current.page || '1') || 1;
  const { data, error, loading } = useLoad(
    () =>
      publicApi.cases({
        logNumber: given('logNumber'),
        year: given('year'),
        category: given('category'),
        status: given('status') as never,
        sort: given('sort') as never,
        page,
        pageSize: PAGE_SIZE,
      }),
    [filters.search],
  );
  const fields = fieldErrorsOf(error);
  const bind = binder(form, set);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  // a restricted case shows its number, stage and categories only (PRODUCT.md §4)
  const ifFull =
    (cell: (c: PublicCaseRow) => ReactNode) =>
    (c: PublicCaseRow): ReactNode =>
      c.visibility === 'full' ? cell(c) : t('pub.cases.notPublic');
  return (
    <>
      <h1>{t('pub.cases.title')}</h1>
      <p className="usa-intro">{t('pub.cases.intro')}</p>
      <form
        className="usa-form ovs-filters"
        onSubmit={(e) => filters.submit(e, { page: '1' })}
        role="search"
      >
        <TextField
          {...bind.field(fields, 'logNumber')}
          inputMode="numeric"
          label={t('pub.cases.logNumber')}
        />
        <TextField
          {...bind.field(fields, 'year')}
          inputMode="numeric"
          label={t('pub.cases.year')}
        />
        <FilterSelect
          {...bind.text('category')}
          label={t('pub.cases.category')}
          options={CATEGORIES}
          text={(c) => label('category', c)}
        />
        <FilterSelect
          {...bind.text('status')}
          label={t('pub.cases.status')}
          options={CASE_STATUSES}
          text={(s) => label('status', s)}
        />
        <SelectField
          {...bind.text('sort')}
          label={t('pub.cases.sort')}
          hint={t('pub.cases.sortHint')}
          value={form.sort || DEFAULT_SORT}
        >
          {PUBLIC_CASE_SORTS.map((o) => (
            <option key={o} value={o}>
              {t(`pub.cases.sort.${o}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" data-testid="cases-search">
          {t('pub.cases.search')}
        </Button>
      </form>
      <ProblemAlert error={error} />
      {loading && !data ? <p>{t('app.loading')}</p> : null}
      {data ? (
        <>
          <p role="status" data-testid="cases-total">
            {t('pub.cases.results', { total: data.total })}
          </p>
          <StackedTable
            rows={data.items}
            rowKey={(c) => c.logNumber}
            columns={[
              {
                header: 'pub.receipt.logNumber',
                cell: (c) => (
                  <Link to={`/cases/${encodeURIComponent(c.logNumber)}`}>{c.logNumber}</Link>
                ),
              },
              { header: 'pub.cases.status', cell: (c) => label('status', c.status) },
              {
                header: 'pub.cases.categories',
                cell: (c) =>
                  c.categories
                    ? c.categories.map((k) => label('category', k)).join(', ') ||
                      label('category', 'unknown')
                    : t('pub.cases.notPublic'),
              },
              { header: 'pub.cases.received', cell: ifFull((c) => date(c.receivedDate)) },
              { header: 'pub.cases.agency', cell: ifFull((c) => c.leadAgency) },
              { header: 'pub.cases.closed', cell: ifFull((c) => closed(c.status, c.closedOn)) },
            ]}
          />
          {pages > 1 ? (
            <Pager
              current={page}
              total={pages}
              label={t('pub.cases.page', { page, pages })}
              onPage={(p) => filters.go({ ...current, page: String(p) })}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** One published case: what the public may see, with every redaction's basis. */
export function PublicCasePage({ logNumber }: { logNumber: string }) {
  const { t } = useI18n();
  usePageTitle(t('pub.case.title', { logNumber }));
  const { data, error } = useLoad(() => publicApi.getCase(logNumber), [logNumber]);
  return (
    <>
      <p>
        <Link to="/cases">{t('pub.common.back')}</Link>
      </p>
      <h1>{t('pub.case.title', { logNumber })}</h1>
      <ProblemAlert error={error} />
      {data ? <CaseDetails c={data} /> : null}
    </>
  );
}

function CaseDetails({ c }: { c: PublicCase }) {
  const { t, label, date, bilingual } = useI18n();
  const closed = useClosedOn();
  return (
    <>
      <Alert type="info" headingLevel="h2" slim>
        {t(`pub.case.visibility.${c.visibility}`)}
      </Alert>
      <dl className="ovs-dl margin-top-2" data-testid="case-facts">
        <dt>{t('pub.cases.status')}</dt>
        <dd data-testid="case-stage">{label('status', c.status)}</dd>
        {c.categories ? (
          <>
            <dt>{t('pub.cases.categories')}</dt>
            <dd>
              {c.categories.map((k) => label('category', k)).join(', ') ||
                label('category', 'unknown')}
            </dd>
          </>
        ) : null}
        {c.caseType ? (
          <>
            <dt>{t('pub.case.type')}</dt>
            <dd>{label('caseType', c.caseType)}</dd>
          </>
        ) : null}
        {c.receivedDate ? (
          <>
            <dt>{t('pub.cases.received')}</dt>
            <dd>{date(c.receivedDate)}</dd>
          </>
        ) : null}
        {c.incidentDate !== undefined ? (
          <>
            <dt>{t('pub.case.incident')}</dt>
            <dd>{date(c.incidentDate)}</dd>
          </>
        ) : null}
        {c.district !== undefined ? (
          <>
            <dt>{t('pub.case.district')}</dt>
            <dd>{c.district ?? t('pub.case.districtNone')}</dd>
          </>
        ) : null}
        {c.leadAgency ? (
          <>
            <dt>{t('pub.cases.agency')}</dt>
            <dd>{c.leadAgency}</dd>
          </>
        ) : null}
        {c.closedOn !== undefined ? (
          <>
            <dt>{t('pub.cases.closed')}</dt>
            <dd data-testid="case-closed">
              {closed(c.status, c.closedOn)}
              {!c.closedOn && CLOSED_STAGES.has(c.status) ? (
                <span className="usa-hint display-block">{t('pub.case.closedNotRecorded')}</span>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      {c.agencies && c.agencies.length > 0 ? (
        // which offices investigate and how, never who (issue 22 item 4)
        <section data-testid="case-agencies">
          <h2>{t('pub.case.agencies')}</h2>
          <StackedTable
            rows={c.agencies}
            columns={[
              { header: 'pub.cases.agency', cell: (a) => bilingual(a.agencyName, a.agencyNameEs) },
              { header: 'pub.case.agencies.track', cell: (a) => label('track', a.track) },
              { header: 'pub.case.agencies.role', cell: (a) => label('agencyRole', a.role) },
            ]}
          />
        </section>
      ) : null}
      {c.statusHistory && c.statusHistory.length > 0 ? (
        <>
          <h2>{t('pub.follow.history')}</h2>
          <ol>
            {c.statusHistory.map((s, i) => (
              <li key={i}>
                {label('status', s.status)} — {date(s.date)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {c.narrative ? (
        <>
          <h2>{t('pub.case.narrative')}</h2>
          {/* reviewed by the office, or redacted by machine alone (issue 17 item 5) */}
          {c.narrativeReviewNote && c.narrativeReviewNoteEs ? (
            <p className="usa-hint" data-narrative-review={c.narrativeReview ?? undefined}>
              {bilingual(c.narrativeReviewNote, c.narrativeReviewNoteEs)}
            </p>
          ) : null}
          {/* shown as written (the releases' narratives are in English), never translated */}
          <p className="ovs-prewrap" data-written-text="narrative">
            {c.narrative.text}
          </p>
          {c.narrative.redactions.length > 0 ? (
            <>
              <h3>{t('pub.case.redactions')}</h3>
              <ul>
                {c.narrative.redactions.map((r, i) => (
                  <li key={i}>
                    <code>{r.replacement}</code>: {bilingual(r.basis, r.basisEs)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : c.narrativeWithheldBasis && c.narrativeWithheldBasisEs ? (
        <p>{bilingual(c.narrativeWithheldBasis, c.narrativeWithheldBasisEs)}</p>
      ) : null}
      {c.allegations && c.allegations.length > 0 ? (
        <>
          <h2>{t('pub.case.allegations')}</h2>
          <StackedTable
            rows={c.allegations}
            columns={[
              { header: 'pub.cases.category', cell: (a) => label('category', a.category) },
              {
                header: 'pub.case.recommended',
                cell: (a) => label('finding', a.recommendedFinding),
              },
              { header: 'pub.case.final', cell: (a) => label('finding', a.finalFinding) },
              {
                header: 'pub.case.penalty',
                cell: (a) =>
                  a.penaltyWithheld && a.penaltyWithheldEs
                    ? bilingual(a.penaltyWithheld, a.penaltyWithheldEs)
                    : a.penalty && a.penaltyLabel && a.penaltyLabelEs
                      ? t('pub.case.penaltyCode', {
                          label: bilingual(a.penaltyLabel, a.penaltyLabelEs),
                          code: a.penalty,
                        })
                      : (a.penalty ?? t('pub.common.none')),
              },
            ]}
          />
        </>
      ) : null}
      {c.dutyStatus && c.dutyStatus.length > 0 ? (
        <section data-testid="case-duty-status">
          <h2>{t('pub.case.dutyStatus')}</h2>
          <p className="usa-hint">{t('pub.case.dutyStatus.note')}</p>
          <DutyStatusTable actions={c.dutyStatus} />
        </section>
      ) : null}
      <CaseStatements statements={c.statements} />
    </>
  );
}
