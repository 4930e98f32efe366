import { barChartLayout, CHART, type ChartLayout } from '../../../shared/bar-chart.ts';
import { reportColumnLabel, reportRowLabel, reportText } from '../../../shared/report-labels.ts';
import type { ReportTable } from '../../domain/reports.ts';
import type { Report } from '../../domain/reports.ts';
import { PENALTY_CODES } from '../../domain/findings.ts';
import type { JurisdictionProfile } from '../../domain/profiles/profile.ts';
import { csvField } from '../../commands/export-open-data.ts';

/*
 * The report as text: CSV per table, an HTML document, and what the PDF shares with the HTML
 * (row and column labels, figures as shown, which tables are charted). English, the language the
 * ordinance's reports are filed in; the staff page shows the same tables in Spanish too.
 */

/** Names of categories and penalty codes, from the profile. */
export function reportNames(profile: JurisdictionProfile): Record<string, string> {
  return {
    ...Object.fromEntries(Object.entries(profile.categories).map(([k, v]) => [k, v.label.en])),
    ...Object.fromEntries(Object.entries(PENALTY_CODES).map(([k, v]) => [k, `${k} ${v.label.en}`])),
  };
}

/** The columns a table's rows are named by: its dimensions, else one row label. */
export function rowHeaders(table: ReportTable): string[] {
  const dims = table.rows.find((r) => r.dims)?.dims;
  return dims ? Object.keys(dims) : ['row'];
}

/** A row's label cells (one per `rowHeaders`). */
export function rowLabels(
  table: ReportTable,
  row: ReportTable['rows'][number],
  names: Record<string, string>,
): string[] {
  if (table.rows.some((r) => r.dims)) {
    return rowHeaders(table).map((d, i) =>
      row.dims
        ? reportRowLabel('en', table.id, row.dims[d] ?? '', names)
        : i === 0
          ? reportRowLabel('en', table.id, row.key, names)
          : '',
    );
  }
  return [reportRowLabel('en', table.id, row.key, names)];
}

/** A figure as shown: suppressed “—”, a partial sum “≥ n”, rates as percentages. */
export function shownFigure(
  table: ReportTable,
  rowKey: string,
  column: string,
  value: number | null,
): string {
  const col = table.columns.find((c) => c.key === column);
  if (value === null) {
    return col?.kind === 'count' ? reportText('en', 'report.suppressed') : '';
  }
  if (col?.kind === 'rate') {
    return `${(value * 100).toFixed(1)}%`;
  }
  const partial = table.partialCells?.includes(`${rowKey}.${column}`);
  return partial ? `≥ ${value}` : String(value);
}

/**
 * The CSV of one table: row keys (and dimensions), then every column by key. A sum that counts
 * only published cells is listed in the report's `partialCells` (JSON), not marked in the CSV.
 */
export function tableCsv(table: ReportTable): string {
  const dims = table.rows.some((r) => r.dims) ? rowHeaders(table) : [];
  const header = ['row', ...dims, ...table.columns.map((c) => c.key)];
  const lines = [header.map(csvField).join(',')];
  for (const r of table.rows) {
    // a count the public version suppressed says so; an empty cell is a figure with no value (a
    // rate or median of nothing)
    const cells = table.columns.map((c) => {
      const v = r.cells[c.key] ?? null;
      return v === null ? (c.kind === 'count' ? 'suppressed' : '') : String(v);
    });
    lines.push([r.key, ...dims.map((d) => r.dims?.[d] ?? ''), ...cells].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The charts of the report: which column of which table, drawn as the statistics page draws. */
export const REPORT_CHARTS: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'intake_by_district', column: 'cases' },
  { table: 'pending_by_age', column: 'cases' },
  { table: 'concluded_by_category', column: 'total' },
  { table: 'findings_by_category', column: 'allegations' },
];

/** The chart layout of a table's column (the total row left out: it would dwarf the bars). */
export function chartOf(
  table: ReportTable,
  column: string,
  names: Record<string, string>,
): ChartLayout {
  return barChartLayout(
    table.rows
      .filter((r) => r.key !== 'total')
      .filter((r) => (r.cells[column] ?? 0) !== 0 || r.cells[column] === null)
      .map((r) => ({
        key: r.key,
        label: reportRowLabel('en', table.id, r.key, names),
        count: r.cells[column] ?? null,
      })),
  );
}

/** The heading lines every output starts with: period, zone, last import, version. */
export function reportHeading(report: Report): string[] {
  const p = report.period;
  return [
    reportText('en', 'report.citation'),
    reportText('en', 'report.period', { from: p.from, to: p.to, timeZone: report.timeZone }),
    report.lastImportAt
      ? reportText('en', 'report.lastImport', { at: report.lastImportAt })
      : reportText('en', 'report.noImport'),
    report.version === 'public'
      ? reportText('en', 'report.publicVersion', { threshold: report.threshold ?? 0 })
      : reportText('en', 'report.staffVersion'),
    reportText('en', 'report.generated', { at: report.generatedAt }),
  ];
}

export function reportTitle(report: Report): string {
  return reportText(
    'en',
    report.period.kind === 'quarterly' ? 'report.title.quarterly' : 'report.title.annual',
    {
      period: report.period.label,
    },
  );
}

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function svgChart(chart: ChartLayout, values: Map<string, string>): string {
  const rows = chart.rows
    .map((r) => {
      const label = r.lines
        .map((l, n) => `<tspan x="0" dy="${n === 0 ? 0 : CHART.line}">${esc(l)}</tspan>`)
        .join('');
      const box = r.bar ?? r.outline!;
      const rect = r.bar
        ? `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="#005ea2"/>`
        : `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="none" stroke="#71767a" stroke-dasharray="4 3"/>`;
      return `<g><text x="0" y="${r.textY}" font-size="${CHART.fontSize}">${label}</text>${rect}<text x="${r.valueX}" y="${r.textY}" font-size="${CHART.fontSize}">${esc(values.get(r.key) ?? '')}</text></g>`;
    })
    .join('');
  return `<svg viewBox="0 0 ${chart.width} ${chart.height}" width="${chart.width}" height="${chart.height}" aria-hidden="true">${rows}</svg>`;
}

/** The whole report as one self-contained HTML document (no scripts, no external files). */
export function reportHtml(report: Report, profile: JurisdictionProfile): string {
  const names = reportNames(profile);
  const parts: string[] = [];
  for (const t of report.tables) {
    const heads = rowHeaders(t);
    const chart = REPORT_CHARTS.find((c) => c.table === t.id);
    parts.push(
      `<section id="${esc(t.id)}"><h2>${esc(reportText('en', `report.table.${t.id}` as Parameters<typeof reportText>[1]))}</h2>`,
    );
    if (chart) {
      const layout = chartOf(t, chart.column, names);
      const values = new Map(
        t.rows.map((r) => [
          r.key,
          shownFigure(t, r.key, chart.column, r.cells[chart.column] ?? null),
        ]),
      );
      parts.push(svgChart(layout, values));
    }
    parts.push('<table><thead><tr>');
    parts.push(
      heads.map((h) => `<th scope="col">${esc(reportColumnLabel('en', h))}</th>`).join(''),
    );
    parts.push(
      t.columns.map((c) => `<th scope="col">${esc(reportColumnLabel('en', c.key))}</th>`).join(''),
    );
    parts.push('</tr></thead><tbody>');
    for (const r of t.rows) {
      const labels = rowLabels(t, r, names);
      parts.push(
        `<tr data-row="${esc(r.key)}">${labels.map((l, i) => (i === 0 ? `<th scope="row">${esc(l)}</th>` : `<td>${esc(l)}</td>`)).join('')}${t.columns
          .map(
            (c) =>
              `<td data-col="${esc(c.key)}">${esc(shownFigure(t, r.key, c.key, r.cells[c.key] ?? null))}</td>`,
          )
          .join('')}</tr>`,
      );
    }
    parts.push('</tbody></table>');
    parts.push(
      `<details><summary>${esc(reportText('en', 'report.limits'))}</summary><ul>${t.limits.map((l) => `<li>${esc(l.text)}</li>`).join('')}</ul></details></section>`,
    );
  }
  parts.push(
    `<section id="recommendations"><h2>${esc(reportText('en', 'report.recommendations'))}</h2>`,
  );
  if (report.policyRecommendations.length === 0) {
    parts.push(`<p>${esc(reportText('en', 'report.noRecommendations'))}</p>`);
  }
  for (const r of report.policyRecommendations) {
    parts.push(
      `<article><h3>${esc(r.madeOn)} — ${esc(r.topic)}</h3><p>To: ${esc(r.recipient)} · ${esc(reportRowLabel('en', 'policy_recommendations', r.status))}</p><p>${esc(r.text)}</p><p>${r.response ? `${esc(r.respondedOn ?? '')}: ${esc(r.response)}` : esc(reportText('en', 'report.noResponse'))}</p></article>`,
    );
  }
  parts.push('</section>');
  const title = reportTitle(report);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:"DejaVu Sans",sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #a9aeb1;padding:.2rem .5rem;text-align:right}th[scope=row],thead th{text-align:left}svg{display:block;max-width:100%;height:auto}</style>
</head><body><h1>${esc(title)}</h1>${reportHeading(report)
    .map((l) => `<p>${esc(l)}</p>`)
    .join('')}${parts.join('')}</body></html>
`;
}
