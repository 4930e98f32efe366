/*
 * The statutory reports' pure rules (issue 18 items 6 and 8; MCC §2-78-150: COPA reports to the
 * City Council quarterly and annually). What a period is, the age brackets of pending
 * investigations, medians and means, the shape of a report table, and the public version's
 * small-cell suppression (the same rule as the public statistics, suppression.ts).
 */
import type { ReportNote } from '../../shared/report-labels.ts';
import type { ReportOut } from '../../shared/schemas/reports.ts';
import { publishedRate } from './suppression.ts';

/** A report period: a calendar quarter or year, local dates inclusive. */
export interface ReportPeriod {
  kind: 'quarterly' | 'annual';
  /** `2022Q3` or `2022`. */
  label: string;
  from: string;
  to: string;
}

/** Why a period cannot be reported. */
export class PeriodError extends Error {
  constructor(
    readonly code: 'malformed_period' | 'period_in_future',
    message: string,
  ) {
    super(message);
  }
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/**
 * Parses `2022Q3` (quarterly) or `2022` (annual). A period that has not ended by `today` (local
 * date) is refused: its figures would change as the period runs (the ordinance reports finished
 * quarters and years).
 */
export function parsePeriod(
  kind: 'quarterly' | 'annual',
  text: string,
  /** Local date today; null checks the form only. */
  today: string | null,
): ReportPeriod {
  const t = text.trim().toUpperCase();
  let period: ReportPeriod;
  if (kind === 'quarterly') {
    const m = /^(\d{4})-?Q([1-4])$/.exec(t);
    if (!m) {
      throw new PeriodError(
        'malformed_period',
        `"${text}" is not a quarter: write it like 2022Q3.`,
      );
    }
    const q = Number(m[2]);
    const month = String((q - 1) * 3 + 1).padStart(2, '0');
    period = {
      kind,
      label: `${m[1]}Q${q}`,
      from: `${m[1]}-${month}-01`,
      to: `${m[1]}-${QUARTER_END[q - 1]}`,
    };
  } else {
    if (!/^\d{4}$/.test(t)) {
      throw new PeriodError('malformed_period', `"${text}" is not a year: write it like 2022.`);
    }
    period = { kind, label: t, from: `${t}-01-01`, to: `${t}-12-31` };
  }
  if (Number(period.from.slice(0, 4)) < 1900) {
    throw new PeriodError('malformed_period', `"${text}" is not a year this office reports on.`);
  }
  if (today !== null && period.to >= today) {
    throw new PeriodError(
      'period_in_future',
      `${period.label} has not ended yet (it ends ${period.to}; today is ${today}): only a finished period can be reported.`,
    );
  }
  return period;
}

/**
 * The age brackets of pending investigations as COPA's reports give them: under 180 days,
 * 180–365 days, one to two years, over two years. Age = period end − local date of receipt.
 */
export const AGE_BRACKETS = [
  'under_180_days',
  '180_to_365_days',
  '1_to_2_years',
  'over_2_years',
] as const;
export type AgeBracket = (typeof AGE_BRACKETS)[number];

export function ageBracket(days: number): AgeBracket {
  if (days < 180) {
    return 'under_180_days';
  }
  if (days <= 365) {
    return '180_to_365_days';
  }
  return days <= 730 ? '1_to_2_years' : 'over_2_years';
}

/** The median (mean of the two middle values when even), or null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The mean to one decimal, or null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

/** A rate to four decimals (0.1234), or null when nothing was counted. */
export function rateOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
}

/**
 * How a column's figures are read, which decides how the public version treats them:
 * `count` cells are suppressed under the threshold, and a count that is the sum of other columns
 * (`sumOf`) is recomputed from their published cells; a `rate` names the count columns it divides
 * (shown only as publishedRate allows); `days` (median or mean) is withheld when the row's
 * `basis` count is under the threshold, since a median of a few cases is one case's figure.
 */
export type ReportColumn =
  | { key: string; kind: 'count'; sumOf?: readonly string[] }
  | { key: string; kind: 'rate'; numerator: string; denominator: string }
  | { key: string; kind: 'days'; basis: string };

/** One row: a stable key, its dimensions when it has several, and a figure per column. */
export interface ReportRow {
  key: string;
  dims?: Record<string, string>;
  cells: Record<string, number | null>;
}

/** One table of the report. Every row and column is named. */
export interface ReportTable {
  id: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** The row `total` is the sum of the other rows (false where a case counts in several rows). */
  totalIsSum: boolean;
  /** What the table counts and what the records cannot support, said rather than invented. */
  limits: ReportNote[];
  /** Public version: cells suppressed (their values are in no published figure). */
  suppressedCells?: number;
  /** Public version: sums that are lower bounds because a part was suppressed (`row.column`). */
  partialCells?: string[];
}

/**
 * The public version of a table (issue 18 item 8; PRODUCT.md §4): count cells under `threshold`
 * are suppressed (a zero is not a disclosure); a sum (a `sumOf` column, the `total` row) counts
 * only the published cells it covers and says it is partial (suppression.ts: no suppressed cell
 * in any published figure); rates follow publishedRate on the true counts; medians and means of
 * fewer than `threshold` cases are withheld.
 */
export function suppressTable(table: ReportTable, threshold: number): ReportTable {
  const small = (n: number | null | undefined): boolean =>
    n !== null && n !== undefined && n > 0 && n < threshold;
  const counts = table.columns.flatMap((c) => (c.kind === 'count' ? [c] : []));
  const isSumRow = (r: ReportRow): boolean => r.key === 'total' && table.totalIsSum;
  let suppressed = 0;
  const partial: string[] = [];
  const rows: ReportRow[] = table.rows.map((r) => ({ ...r, cells: { ...r.cells } }));
  // 1. inner cells
  for (const r of rows) {
    if (isSumRow(r)) {
      continue;
    }
    for (const c of counts) {
      if (!c.sumOf && small(r.cells[c.key])) {
        r.cells[c.key] = null;
        suppressed += 1;
      }
    }
  }
  // 2. sum columns from their published parts; a sum with no hidden part is judged as a cell
  for (const r of rows) {
    if (isSumRow(r)) {
      continue;
    }
    for (const c of counts) {
      if (!c.sumOf) {
        continue;
      }
      const hidden = c.sumOf.some((k) => r.cells[k] === null);
      if (hidden) {
        r.cells[c.key] = c.sumOf.reduce((a, k) => a + (r.cells[k] ?? 0), 0);
        partial.push(`${r.key}.${c.key}`);
      } else if (small(r.cells[c.key])) {
        r.cells[c.key] = null;
        suppressed += 1;
      }
    }
  }
  // 3. the total row from the published rows
  const total = rows.find(isSumRow);
  if (total) {
    const parts = rows.filter((r) => r !== total);
    for (const c of counts) {
      if (parts.some((r) => r.cells[c.key] === null || partial.includes(`${r.key}.${c.key}`))) {
        total.cells[c.key] = parts.reduce((a, r) => a + (r.cells[c.key] ?? 0), 0);
        partial.push(`total.${c.key}`);
      }
    }
  }
  // 4. rates and days from the true counts
  for (const r of rows) {
    const truth = table.rows.find((o) => o.key === r.key)!.cells;
    for (const c of table.columns) {
      if (c.kind === 'rate') {
        r.cells[c.key] = publishedRate(
          truth[c.numerator] ?? 0,
          truth[c.denominator] ?? 0,
          threshold,
        ).rate;
      } else if (c.kind === 'days' && (truth[c.basis] ?? 0) < threshold) {
        r.cells[c.key] = null;
      }
    }
  }
  return { ...table, rows, suppressedCells: suppressed, partialCells: partial };
}

/** The report as every output renders it (its schema: src/shared/schemas/reports.ts). */
export type Report = ReportOut;
