import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, TextInput } from '@trussworks/react-uswds';
import { publicApi } from '../../api/public-client.ts';
import type { PublicStats } from '../../api/public-client.ts';
import { CATEGORIES } from '../../../shared/enums.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { Field, ProblemAlert, fieldErrorsOf } from '../../components/problems.tsx';
import { navigate, useLocation } from '../../components/router.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Cell = PublicStats['casesByYear'][number];

/** About the characters of 13-px text that fit the chart's label column. */
const LABEL_CHARS = 30;

/** A label in lines of at most `max` characters, broken between words (a longer word stays whole). */
function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines.length > 0 ? lines : [''];
}

/** The height of a chart row whose label has these lines (28 for one line). */
const rowHeight = (lines: readonly string[], line: number): number => 12 + lines.length * line;

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
  const { t } = useI18n();
  const count = useCount();
  const max = Math.max(1, ...cells.map((c) => c.count ?? 0));
  const line = 16;
  const labelWidth = 210;
  const barWidth = 260;
  // a label too long for its column wraps at word boundaries, never cut mid-word (issue 23 item 12)
  const rows = cells.map((c) => wrapWords(labelOf(c.key), LABEL_CHARS));
  const tops = rows.reduce<number[]>(
    (acc, r, i) => [...acc, (acc[i] ?? 0) + rowHeight(r, line)],
    [0],
  );
  const height = Math.max(rowHeight([''], line), tops.at(-1) ?? 0);
  return (
    <section className="ovs-section" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <svg
        className="ovs-chart"
        viewBox={`0 0 ${labelWidth + barWidth + 110} ${height}`}
        aria-hidden="true"
        focusable="false"
      >
        {cells.map((c, i) => {
          const y = tops[i] ?? 0;
          const lines = rows[i] ?? [];
          const row = rowHeight(lines, line);
          const w = c.count === null ? 0 : Math.max(2, (c.count / max) * barWidth);
          return (
            <g key={c.key}>
              <text x={0} y={y + 18} fontSize="13" fill="#1b1b1b">
                {lines.map((l, n) => (
                  <tspan key={n} x={0} dy={n === 0 ? 0 : line}>
                    {l}
                  </tspan>
                ))}
              </text>
              {c.count === null ? (
                <rect
                  x={labelWidth}
                  y={y + 5}
                  width={barWidth}
                  height={row - 10}
                  fill="none"
                  stroke="#71767a"
                  strokeDasharray="4 3"
                />
              ) : (
                <rect className="bar" x={labelWidth} y={y + 5} width={w} height={row - 10} />
              )}
              <text
                x={c.count === null ? labelWidth + 6 : labelWidth + w + 6}
                y={y + 18}
                fontSize="13"
                fill="#1b1b1b"
              >
                {count(c)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="usa-table usa-table--borderless usa-table--compact">
        <caption className="usa-sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pub.stats.label')}</th>
            <th scope="col">{t('pub.stats.count')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={c.key} data-suppressed={c.count === null ? 'true' : undefined}>
              <th scope="row">{labelOf(c.key)}</th>
              <td>{count(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
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
    <section
      className="ovs-section"
      aria-labelledby="sustained-title"
      data-testid="table-sustained"
    >
      <h2 id="sustained-title">{t('pub.stats.sustainedByCategory')}</h2>
      <table className="usa-table usa-table--borderless usa-table--compact">
        <thead>
          <tr>
            <th scope="col">{t('pub.stats.label')}</th>
            <th scope="col">{t('pub.stats.rate')}</th>
            <th scope="col">{t('pub.stats.sustainedCount')}</th>
            <th scope="col">{t('pub.stats.decided')}</th>
          </tr>
        </thead>
        <tbody>
          {rates.map((r) => (
            <tr key={r.key}>
              <th scope="row">{label('category', r.key)}</th>
              <td data-withheld={r.rateWithheld ?? undefined}>{rate(r, threshold)}</td>
              <td>{count({ key: r.key, count: r.sustained, partial: r.partial })}</td>
              <td>{count({ key: r.key, count: r.decided, partial: r.partial })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The agencies the statistics filter takes (PublicStatsQuery): the two that investigate. */
const INVESTIGATING_AGENCIES = ['COPA', 'BIA'] as const;

/** Published statistics (PRODUCT.md §4): small cells are suppressed and shown as such. */
export function StatisticsPage() {
  const { t, label, dateTime } = useI18n();
  const rate = useRate();
  usePageTitle(t('pub.stats.title'));
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const current = {
    yearFrom: params.get('yearFrom') ?? '',
    yearTo: params.get('yearTo') ?? '',
    agency: params.get('agency') ?? '',
    category: params.get('category') ?? '',
  };
  const [form, setForm] = useState(current);
  const { data, error } = useLoad(
    () =>
      publicApi.stats({
        yearFrom: current.yearFrom || undefined,
        yearTo: current.yearTo || undefined,
        agency: current.agency || undefined,
        category: current.category || undefined,
      }),
    [search],
  );
  const fields = fieldErrorsOf(error);
  const count = useCount();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = new URLSearchParams(Object.entries(form).filter(([, v]) => v !== ''));
    const s = q.toString();
    navigate(s ? `/statistics?${s}` : '/statistics');
  };
  return (
    <>
      <h1>{t('pub.stats.title')}</h1>
      {data ? (
        <p className="usa-intro">{t('pub.stats.intro', { threshold: data.threshold })}</p>
      ) : null}
      <form className="usa-form" onSubmit={submit}>
        <Field id="yearFrom" label={t('pub.stats.yearFrom')} error={fields.yearFrom}>
          <TextInput
            id="yearFrom"
            name="yearFrom"
            type="text"
            inputMode="numeric"
            value={form.yearFrom}
            onChange={(e) => setForm({ ...form, yearFrom: e.target.value })}
          />
        </Field>
        <Field id="yearTo" label={t('pub.stats.yearTo')} error={fields.yearTo}>
          <TextInput
            id="yearTo"
            name="yearTo"
            type="text"
            inputMode="numeric"
            value={form.yearTo}
            onChange={(e) => setForm({ ...form, yearTo: e.target.value })}
          />
        </Field>
        <FilterSelect
          id="agency"
          label={t('pub.stats.agency')}
          value={form.agency}
          options={INVESTIGATING_AGENCIES}
          text={(a) => a}
          onChange={(agency) => setForm({ ...form, agency })}
        />
        <FilterSelect
          id="category"
          label={t('pub.stats.category')}
          value={form.category}
          options={CATEGORIES}
          text={(c) => label('category', c)}
          onChange={(category) => setForm({ ...form, category })}
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
          <BarChart
            id="year"
            title={t('pub.stats.byYear')}
            cells={data.casesByYear}
            labelOf={(k) => k}
          />
          <BarChart
            id="category"
            title={t('pub.stats.byCategory')}
            cells={data.casesByCategory}
            labelOf={(k) => label('category', k)}
          />
          <BarChart
            id="status"
            title={t('pub.stats.byStatus')}
            cells={data.casesByStatus}
            labelOf={(k) => label('status', k)}
          />
          <BarChart
            id="agency"
            title={t('pub.stats.byAgency')}
            cells={data.casesByAgency}
            labelOf={(k) => k}
          />
          <BarChart
            id="findings"
            title={t('pub.stats.findings')}
            cells={data.allegationsByFinding}
            labelOf={(k) => label('finding', k)}
          />
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
            labelOf={(k) => {
              // a duty-status cell is `action:stage` (the statistics grid), labelled part by part
              const [action, stage] = k.split(':');
              return t('pub.stats.dutyAction', {
                action: label('dutyAction', action),
                stage: label('dutyStage', stage),
              });
            }}
          />
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
