import { Button } from '@trussworks/react-uswds';
import { publicApi } from '../../api/public-client.ts';
import type { PublicStats } from '../../api/public-client.ts';
import { barChartLayout, CHART } from '../../../shared/bar-chart.ts';
import { CATEGORIES } from '../../../shared/enums.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { TextField, binder } from '../../components/form/fields.tsx';
import { ProblemAlert, fieldErrorsOf } from '../../components/problems.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TableRows, type DataAttributes, type TableContent } from '../../components/DataTable.tsx';

type Cell = PublicStats['casesByYear'][number];

/** A figure in words: suppressed cells say so; partial sums are a lower bound. */
function useCount() {
  const { t } = useI18n();
  return (c: Cell): string =>
    c.count === null
      ? t('pub.common.suppressed')
      : c.partial
        ? t('pub.stats.atLeast', { count: c.count })
        : String(c.count);
}

type Rate = PublicStats['sustainedRate']['overall'];

/**
 * A rate in words: the server computes it from the true counts and withholds it when a count
 * under the threshold stands behind it; a withheld rate says why, never shows 0 %.
 */
function useRate() {
  const { t, lang } = useI18n();
  return (r: Rate, threshold: number): string => {
    if (r.rate !== null) {
      const shown = new Intl.NumberFormat(lang, {
        style: 'percent',
        maximumFractionDigits: 0,
      }).format(r.rate);
      return r.rateBound === 'below'
        ? `< ${shown}`
        : r.rateBound === 'above'
          ? `> ${shown}`
          : shown;
    }
    return r.rateWithheld === 'small_count'
      ? t('pub.stats.rateSuppressed', { threshold })
      : t('pub.stats.rateNone');
  };
}

/** A suppressed cell's row is marked, so the page can say it holds a small count. */
const suppressed = (c: Cell): DataAttributes => ({
  'data-suppressed': c.count === null ? 'true' : undefined,
});

/** A statistics table: compact and borderless, its caption for screen readers. */
function StatsTable<Row>({ caption, ...content }: TableContent<Row> & { caption?: string }) {
  return (
    <table className="usa-table usa-table--borderless usa-table--compact">
      {caption !== undefined ? <caption className="usa-sr-only">{caption}</caption> : null}
      <TableRows {...content} />
    </table>
  );
}

/** The counts the page charts, in order: id, title, the statistic, the vocabulary of its keys. */
const CHARTS = [
  ['year', 'pub.stats.byYear', 'casesByYear', null],
  ['category', 'pub.stats.byCategory', 'casesByCategory', 'category'],
  ['status', 'pub.stats.byStatus', 'casesByStatus', 'status'],
  ['agency', 'pub.stats.byAgency', 'casesByAgency', null],
  ['findings', 'pub.stats.findings', 'allegationsByFinding', 'finding'],
] as const;

/**
 * A horizontal SVG bar chart with the same figures as a table under it: the chart is decoration
 * for sighted readers (aria-hidden), the table is what assistive technology reads (WCAG 1.1.1).
 * Suppressed cells draw no bar and say "Suppressed".
 */
function BarChart({
  id,
  title,
  cells,
  labelOf,
}: {
  id: string;
  title: string;
  cells: Cell[];
  labelOf: (key: string) => string;
}) {
  const count = useCount();
  // the one layout the PDF report draws too (src/shared/bar-chart.ts)
  const chart = barChartLayout(cells.map((c) => ({ ...c, label: labelOf(c.key) })));
  return (
    <PageSection id={`${id}-title`} title={title} testId={`chart-${id}`}>
      <svg
        className="ovs-chart"
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        aria-hidden="true"
        focusable="false"
      >
        {chart.rows.map((r, i) => {
          const c = cells[i]!;
          return (
            <g key={r.key}>
              <text x={0} y={r.textY} fontSize={CHART.fontSize} fill="#1b1b1b">
                {r.lines.map((l, n) => (
                  <tspan key={n} x={0} dy={n === 0 ? 0 : CHART.line}>
                    {l}
                  </tspan>
                ))}
              </text>
              {r.outline ? (
                <rect {...r.outline} fill="none" stroke="#71767a" strokeDasharray="4 3" />
              ) : (
                <rect className="bar" {...r.bar!} />
              )}
              <text x={r.valueX} y={r.textY} fontSize={CHART.fontSize} fill="#1b1b1b">
                {count(c)}
              </text>
            </g>
          );
        })}
      </svg>
      <StatsTable
        caption={title}
        rows={cells}
        rowKey={(c) => c.key}
        rowData={suppressed}
        columns={[
          { header: 'pub.stats.label', cell: (c) => labelOf(c.key) },
          { header: 'pub.stats.count', cell: count },
        ]}
      />
    </PageSection>
  );
}

/** Sustained ÷ decided on the merits per category, over published cells only. */
function SustainedByCategory({
  rates,
  threshold,
}: {
  rates: PublicStats['sustainedRate']['byCategory'];
  threshold: number;
}) {
  const { t, label } = useI18n();
  const count = useCount();
  const rate = useRate();
  return (
    <PageSection
      id="sustained-title"
      title={t('pub.stats.sustainedByCategory')}
      testId="table-sustained"
    >
      <StatsTable
        rows={rates}
        rowKey={(r) => r.key}
        columns={[
          { header: 'pub.stats.label', cell: (r) => label('category', r.key) },
          {
            header: 'pub.stats.rate',
            data: (r) => ({ 'data-withheld': r.rateWithheld ?? undefined }),
            cell: (r) => rate(r, threshold),
          },
          {
            header: 'pub.stats.sustainedCount',
            cell: (r) => count({ key: r.key, count: r.sustained, partial: r.partial }),
          },
          {
            header: 'pub.stats.decided',
            cell: (r) => count({ key: r.key, count: r.decided, partial: r.partial }),
          },
        ]}
      />
    </PageSection>
  );
}

/**
 * Disclosed duty-status actions by month and action (issue 22 item 1): the same published grid
 * cells as the chart by action, so a month never shows what a suppressed cell holds.
 */
function DutyStatusByMonth({ cells }: { cells: PublicStats['dutyStatusByMonth'] }) {
  const { t, label, lang } = useI18n();
  const count = useCount();
  // 'YYYY-MM' is a calendar month, not an instant: formatted in UTC so it never shifts
  const month = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', year: 'numeric', month: 'long' });
  return (
    <PageSection
      id="duty-month-title"
      title={t('pub.stats.dutyStatusByMonth')}
      testId="table-duty-month"
    >
      {cells.length === 0 ? (
        <p>{t('pub.stats.dutyStatusNone')}</p>
      ) : (
        <StatsTable
          rows={cells}
          rowKey={(c) => c.key}
          rowData={suppressed}
          columns={[
            {
              header: 'pub.stats.month',
              cell: (c) => month.format(new Date(`${c.month}-01T00:00:00Z`)),
            },
            { header: 'pub.case.dutyStatus.action', cell: (c) => label('dutyAction', c.action) },
            { header: 'pub.stats.count', cell: count },
          ]}
        />
      )}
    </PageSection>
  );
}

/** Published statistics (PRODUCT.md §4): small cells are suppressed and shown as such. */
export function StatisticsPage() {
  const { t, label, dateTime } = useI18n();
  const rate = useRate();
  usePageTitle(t('pub.stats.title'));
  const filters = useUrlFilters('/statistics', [
    'yearFrom',
    'yearTo',
    'agency',
    'category',
  ] as const);
  const { given, form, set } = filters;
  const { data, error } = useLoad(
    () =>
      publicApi.stats({
        yearFrom: given('yearFrom'),
        yearTo: given('yearTo'),
        agency: given('agency'),
        category: given('category'),
      }),
    [filters.search],
  );
  const fields = fieldErrorsOf(error);
  const bind = binder(form, set);
  const count = useCount();
  return (
    <>
      <h1>{t('pub.stats.title')}</h1>
      {data ? (
        <p className="usa-intro">{t('pub.stats.intro', { threshold: data.threshold })}</p>
      ) : null}
      <form className="usa-form" onSubmit={filters.submit}>
        <TextField
          {...bind.field(fields, 'yearFrom')}
          inputMode="numeric"
          label={t('pub.stats.yearFrom')}
        />
        <TextField
          {...bind.field(fields, 'yearTo')}
          inputMode="numeric"
          label={t('pub.stats.yearTo')}
        />
        <FilterSelect
          {...bind.text('agency')}
          label={t('pub.stats.agency')}
          options={data?.agencies ?? []}
          text={(a) => a}
        />
        <FilterSelect
          {...bind.text('category')}
          label={t('pub.stats.category')}
          options={CATEGORIES}
          text={(c) => label('category', c)}
        />
        <Button type="submit">{t('pub.stats.apply')}</Button>
      </form>
      <ProblemAlert error={error} />
      {data ? (
        <>
          <p className="font-sans-lg margin-top-4" data-testid="stats-total">
            {t('pub.stats.total')}: <strong>{count(data.totalCases)}</strong>
          </p>
          <p>
            {t('pub.stats.sustained', {
              rate: rate(data.sustainedRate.overall, data.threshold),
            })}
          </p>
          <p data-testid="stats-suppressed">
            {t('pub.stats.suppressedCells', { count: data.suppressedCells })}
          </p>
          {CHARTS.map(([id, title, counts, vocabulary]) => (
            <BarChart
              key={id}
              id={id}
              title={t(title)}
              cells={data[counts]}
              labelOf={(k) => (vocabulary ? label(vocabulary, k) : k)}
            />
          ))}
          <SustainedByCategory rates={data.sustainedRate.byCategory} threshold={data.threshold} />
          <BarChart
            id="days-to-close"
            title={t('pub.stats.daysToClose')}
            cells={data.daysToClose}
            labelOf={(k) => t('pub.stats.days', { range: k })}
          />
          <BarChart
            id="duty-status"
            title={t('pub.stats.dutyStatus')}
            cells={data.dutyStatusActions}
            labelOf={(k) => label('dutyAction', k)}
          />
          <DutyStatusByMonth cells={data.dutyStatusByMonth} />
          <BarChart
            id="shelter"
            title={t('pub.stats.shelter')}
            cells={data.casesAtShelterSites}
            labelOf={(k) => k}
          />
          <p className="usa-hint">
            {t('pub.stats.generated', { date: dateTime(data.generatedAt) })}
          </p>
        </>
      ) : null}
    </>
  );
}
