import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { expect } from 'vitest';
import type { ReportOut } from '../src/shared/schemas/reports.ts';

/** The full Chicago set, beside the repository (see its README). */
export const CHICAGO_DATA = path.resolve(import.meta.dirname, '../../shared/data/chicago');

/** The quarter the report tests build: COPA's CMS release covers it whole (data to 2022-09). */
export const REPORT_QUARTER = { label: '2022Q2', from: '2022-04-01', to: '2022-06-30' };

const CMS = 'cms_2019-2022_2022-09_p031093.csv.gz';

function readGz(file: string): Array<Record<string, string>> {
  return parse<Record<string, string>>(
    zlib.gunzipSync(fs.readFileSync(path.join(CHICAGO_DATA, file))),
    { columns: true },
  );
}

/**
 * A quarter's worth of real records: the CMS complaints and accused rows of every case the
 * quarter's report can touch (received by its end, and open or closed no earlier than its start),
 * written as plain CSV into `dir`. Nothing of the quarter's figures changes by leaving the rest out.
 */
export function writeQuarterSubset(dir: string, q = REPORT_QUARTER): string {
  const complaints = readGz(`complaints-complaints-${CMS}`);
  const keep = new Set(
    complaints
      .filter((r) => {
        const closed = (r['closed_date'] ?? '').trim();
        return (
          (r['complaint_date'] ?? '').slice(0, 10) <= q.to && (closed === '' || closed >= q.from)
        );
      })
      .map((r) => (r['cr_id'] ?? '').trim()),
  );
  for (const kind of ['complaints', 'accused']) {
    const rows = kind === 'complaints' ? complaints : readGz(`complaints-accused-${CMS}`);
    const kept = rows.filter((r) => keep.has((r['cr_id'] ?? '').trim()));
    fs.writeFileSync(
      path.join(dir, `complaints-${kind}-${CMS.replace(/\.gz$/, '')}`),
      stringify(kept, { header: true, columns: Object.keys(rows[0]!) }),
    );
  }
  return dir;
}

type Figures = Record<string, Record<string, Record<string, number | null>>>;

/** Rows and columns with nothing in them dropped, so both sides list only what they count. */
function meaningful(figures: Figures): Figures {
  const out: Figures = {};
  for (const [table, rows] of Object.entries(figures)) {
    for (const [row, cols] of Object.entries(rows)) {
      const kept = Object.fromEntries(
        Object.entries(cols).filter(([, v]) => v !== null && v !== 0),
      );
      if (Object.keys(kept).length > 0) {
        (out[table] ??= {})[row] = kept;
      }
    }
  }
  return out;
}

/** A report's tables as {table: {row key: {column: value}}} (dimensioned rows keyed a|b|c). */
export function reportFigures(report: ReportOut, tables: readonly string[]): Figures {
  const out: Figures = {};
  for (const t of report.tables.filter((x) => tables.includes(x.id))) {
    out[t.id] = Object.fromEntries(
      t.rows.map((r) => [r.dims ? Object.values(r.dims).join('|') : r.key, r.cells]),
    );
  }
  return meaningful(out);
}

/**
 * Every table the CSVs support equals test/fixtures/chicago_report.py's figures for the report's
 * period over the CMS files in `dataDir` (the policy recommendations are not in the releases).
 */
export function expectReportOfScript(report: ReportOut, dataDir: string): void {
  const script = JSON.parse(
    execFileSync(
      'python3',
      [
        path.resolve(import.meta.dirname, 'fixtures/chicago_report.py'),
        dataDir,
        report.period.from,
        report.period.to,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    ),
  ) as Figures & { _only_rows?: Record<string, string[]> };
  // with CLEAR cases, the by-category tables are compared on the rows the script can compute
  const { _only_rows: only = {}, ...figures } = script;
  const expected = meaningful(figures);
  const tables = Object.keys(expected);
  expect(tables.sort()).toEqual(
    [
      'concluded_by_category',
      'discipline_concurrence',
      'findings_by_category',
      'intake_by_channel',
      'intake_by_district',
      'intake_by_source',
      'officer_involved_shootings',
      'pending_by_age',
      'retained_referred',
    ].sort(),
  );
  const actual = reportFigures(report, tables);
  for (const table of tables) {
    const rows = only[table];
    const shown = rows
      ? Object.fromEntries(Object.entries(actual[table] ?? {}).filter(([k]) => rows.includes(k)))
      : actual[table];
    expect(shown, table).toEqual(expected[table]);
  }
}
