import { CASE_TYPES, CATEGORIES } from '../../shared/enums.ts';
import { reportNote, type ReportNote } from '../../shared/report-labels.ts';
import { POLICY_RECOMMENDATION_STATUSES } from '../../shared/schemas/policy-recommendations.ts';
import type { Queryable } from '../db/client.ts';
import { MERIT_FINDINGS as MERITS } from '../domain/findings.ts';
import {
  AGE_BRACKETS,
  ageBracket,
  mean,
  median,
  rateOf,
  suppressTable,
  type Report,
  type ReportPeriod,
  type ReportRow,
  type ReportTable,
} from '../domain/reports.ts';
import { GlobalAction, requireGlobally } from '../policies/global-grants.ts';
import { listPolicyRecommendations } from '../repositories/policy-recommendations.repository.ts';
import {
  concludedAllegations,
  concludedCases,
  intakeGrid,
  lastImportAt,
  pendingAtEnd,
  type IntakeCell,
} from '../repositories/reports.repository.ts';
import { localDate } from '../../shared/dates.ts';
import { PeriodError, parsePeriod } from '../domain/reports.ts';
import { UnprocessableError, ValidationError } from '../errors.ts';
import type { CommandDeps } from './context.ts';

/**
 * THE report (issue 18 items 6–8): every table of COPA's quarterly and annual reports to the City
 * Council, MCC §2-78-150, computed for one period. Definitions, sources and what the imported
 * records cannot support are in docs/reports.md; every output (JSON, CSV, HTML, PDF, the staff
 * page) renders this one structure.
 */

/** The office whose report this is: MCC §2-78-150 is COPA's duty. */
const OFFICE = 'COPA';

/** No case was received, pending or closed in the period: nothing to report. */
export class NoDataError extends UnprocessableError {
  constructor(period: ReportPeriod) {
    super(
      'no_data',
      `No case was received, pending or closed in ${period.label} (${period.from} to ${period.to}): there is nothing to report. Import the records first, or choose another period.`,
    );
  }
}

/**
 * The period `text` names, refused with a problem the API and the CLI both show: a malformed
 * period is a 400 (`malformed_period`), one that has not ended a 422 (`period_in_future`).
 */
export function reportPeriod(
  kind: 'quarterly' | 'annual',
  text: string,
  /** Now; null checks the form only. */
  now: Date | null,
  timeZone: string,
): ReportPeriod {
  try {
    return parsePeriod(kind, text, now === null ? null : localDate(now, timeZone));
  } catch (err) {
    if (err instanceof PeriodError) {
      throw err.code === 'malformed_period'
        ? new ValidationError(err.code, err.message, [{ field: 'period', message: err.message }])
        : new UnprocessableError(err.code, err.message, [
            { field: 'period', message: err.message },
          ]);
    }
    throw err;
  }
}

export interface BuildReportOptions {
  db: Queryable;
  jurisdiction: string;
  timeZone: string;
  period: ReportPeriod;
  now: Date;
  /** `public`: small cells suppressed with `threshold` (the staff version is not). */
  version: 'staff' | 'public';
  threshold: number;
}

const byKey = (rows: ReportRow[]): ReportRow[] =>
  rows.sort((a, b) =>
    a.key === 'total' ? 1 : b.key === 'total' ? -1 : a.key.localeCompare(b.key),
  );

/** Counts `cells` into rows by `rowOf` and columns by `colOf`, with a total column and row. */
function crossTab<T extends { n: number }>(
  cells: readonly T[],
  rowOf: (c: T) => string,
  colOf: (c: T) => string,
  rowOrder: readonly string[],
  colOrder: readonly string[],
): ReportRow[] {
  const rows = new Map<string, Record<string, number>>();
  const blank = (): Record<string, number> =>
    Object.fromEntries([...colOrder, 'total'].map((k) => [k, 0]));
  for (const k of [...rowOrder, 'total']) {
    rows.set(k, blank());
  }
  for (const c of cells) {
    const r = rowOf(c);
    const row = rows.get(r) ?? blank();
    rows.set(r, row);
    for (const target of [row, rows.get('total')!]) {
      target[colOf(c)] = (target[colOf(c)] ?? 0) + c.n;
      target['total']! += c.n;
    }
  }
  const ordered = [
    ...rowOrder,
    ...[...rows.keys()].filter((k) => !rowOrder.includes(k) && k !== 'total').sort(),
    'total',
  ];
  return ordered.map((key) => ({ key, cells: rows.get(key)! }));
}

/** A one-column table of counts with a total row. */
function countTable(
  id: string,
  column: string,
  cells: ReadonlyArray<{ key: string; n: number }>,
  order: readonly string[],
  limits: ReportNote[],
): ReportTable {
  const rows = crossTab(
    cells,
    (c) => c.key,
    () => column,
    order,
    [column],
  ).map((r) => ({
    key: r.key,
    cells: { [column]: r.cells[column] ?? 0 },
  }));
  return { id, columns: [{ key: column, kind: 'count' }], rows, totalIsSum: true, limits };
}

/** The complainant type as released → a source key. */
function sourceOf(c: IntakeCell): string {
  const t = (c.source ?? '').toLowerCase().replace(/\s+/g, ' ');
  return t === 'civilian' ? 'civilian' : t === 'cpd employee' ? 'cpd_employee' : 'not_recorded';
}

function districtOrder(keys: Iterable<string>): string[] {
  return [...new Set(keys)]
    .filter((k) => k !== 'unknown')
    .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
}

function intakeTables(grid: IntakeCell[]): ReportTable[] {
  const types = [...CASE_TYPES];
  const sources = ['civilian', 'cpd_employee', 'not_recorded'];
  const bySource: ReportTable = {
    id: 'intake_by_source',
    columns: [
      ...sources.map((key) => ({ key, kind: 'count' as const })),
      { key: 'total', kind: 'count', sumOf: sources },
    ],
    rows: crossTab(grid, (c) => c.case_type, sourceOf, types, sources),
    totalIsSum: true,
    limits: [reportNote('source')],
  };
  const channels = grid.map((c) => ({ key: c.channel ?? 'not_recorded', n: c.n }));
  const byChannel = countTable('intake_by_channel', 'cases', channels, [], [reportNote('channel')]);
  const districts = grid.map((c) => ({ key: c.district ?? 'unknown', n: c.n }));
  const byDistrict = countTable(
    'intake_by_district',
    'cases',
    districts,
    [...districtOrder(districts.map((d) => d.key)), 'unknown'],
    [reportNote('district')],
  );
  const disposition = (c: IntakeCell): { disposition: string; agency: string; clause: string } => {
    const clause = c.clause ?? 'not_recorded';
    if (c.referred_to) {
      return { disposition: 'referred', agency: c.referred_to, clause };
    }
    return c.lead_agency === OFFICE
      ? { disposition: 'retained', agency: OFFICE, clause }
      : { disposition: 'referred', agency: c.lead_agency, clause };
  };
  const keyOf = (c: IntakeCell): string => {
    const d = disposition(c);
    return `${d.disposition}|${d.agency}|${d.clause}`;
  };
  const referredRows = crossTab(grid, keyOf, (c) => c.case_type, [], types).map((r) => {
    if (r.key === 'total') {
      return r;
    }
    const [disp, agency, clause] = r.key.split('|') as [string, string, string];
    return { ...r, dims: { disposition: disp, agency, clause } };
  });
  const retainedReferred: ReportTable = {
    id: 'retained_referred',
    columns: [
      ...types.map((key) => ({ key, kind: 'count' as const })),
      { key: 'total', kind: 'count', sumOf: types },
    ],
    rows: referredRows,
    totalIsSum: true,
    limits: [reportNote('retained'), reportNote('clause')],
  };
  return [bySource, byChannel, byDistrict, retainedReferred];
}

/** Builds every table for the period; the public version suppresses small cells. */
export async function buildReport(o: BuildReportOptions): Promise<Report> {
  const { db, jurisdiction, timeZone, period } = o;
  const [grid, pending, concluded, allegations, recommendations, imported] = await Promise.all([
    intakeGrid(db, jurisdiction, timeZone, period.from, period.to),
    pendingAtEnd(db, jurisdiction, timeZone, period.to),
    concludedCases(db, jurisdiction, timeZone, period.from, period.to),
    concludedAllegations(db, jurisdiction, period.from, period.to),
    listPolicyRecommendations(db, jurisdiction, period),
    lastImportAt(db, jurisdiction),
  ]);
  const pendingTotal = pending.pending.reduce((a, c) => a + c.n, 0);
  if (
    grid.length === 0 &&
    pendingTotal === 0 &&
    concluded.length === 0 &&
    recommendations.length === 0
  ) {
    throw new NoDataError(period);
  }

  const pendingTable = countTable(
    'pending_by_age',
    'cases',
    pending.pending.map((c) => ({ key: ageBracket(c.age_days), n: c.n })),
    AGE_BRACKETS,
    [
      reportNote('pending', { to: period.to }),
      ...(pending.closedDateUnknown > 0
        ? [
            reportNote('closed_date_unknown', {
              // a small count is suppressed in the public version like any cell
              count:
                o.version === 'public' && pending.closedDateUnknown < o.threshold
                  ? `< ${o.threshold}`
                  : pending.closedDateUnknown,
            }),
          ]
        : []),
    ],
  );

  // concluded investigations by category: a case counts under each of its categories
  const concludedRows = new Map<string, { w: number; wo: number; days: number[] }>();
  const entry = (k: string) => {
    let e = concludedRows.get(k);
    if (!e) {
      e = { w: 0, wo: 0, days: [] };
      concludedRows.set(k, e);
    }
    return e;
  };
  for (const k of [...CATEGORIES, 'no_category', 'total']) {
    entry(k);
  }
  for (const c of concluded) {
    const cats = c.categories.length > 0 ? c.categories : ['no_category'];
    for (const k of [...cats, 'total']) {
      const e = entry(k);
      if (c.with_finding) {
        e.w += 1;
      } else {
        e.wo += 1;
      }
      e.days.push(c.days);
    }
  }
  const concludedTable: ReportTable = {
    id: 'concluded_by_category',
    columns: [
      { key: 'with_finding', kind: 'count' },
      { key: 'without_finding', kind: 'count' },
      { key: 'total', kind: 'count', sumOf: ['with_finding', 'without_finding'] },
      { key: 'median_days', kind: 'days', basis: 'total' },
      { key: 'mean_days', kind: 'days', basis: 'total' },
    ],
    rows: [...concludedRows.entries()].map(([key, e]) => ({
      key,
      cells: {
        with_finding: e.w,
        without_finding: e.wo,
        total: e.w + e.wo,
        median_days: median(e.days),
        mean_days: mean(e.days),
      },
    })),
    totalIsSum: false,
    limits: [reportNote('concluded'), reportNote('concluded_categories')],
  };

  // findings by allegation category
  const findingCols: string[] = [...MERITS, 'other_finding', 'none_recorded'];
  const findingRows = crossTab(
    allegations,
    (c) => c.category,
    (c) =>
      c.finding === null
        ? 'none_recorded'
        : MERITS.includes(c.finding)
          ? c.finding
          : 'other_finding',
    [],
    findingCols,
  ).map((r) => {
    const decided = MERITS.reduce((a, k) => a + (r.cells[k] ?? 0), 0);
    return {
      key: r.key,
      cells: {
        ...Object.fromEntries(findingCols.map((k) => [k, r.cells[k] ?? 0])),
        decided,
        allegations: r.cells['total'] ?? 0,
        sustained_rate: rateOf(r.cells['sustained'] ?? 0, decided),
      },
    };
  });
  const findingsTable: ReportTable = {
    id: 'findings_by_category',
    columns: [
      ...findingCols.map((key) => ({ key, kind: 'count' as const })),
      { key: 'decided', kind: 'count', sumOf: [...MERITS] },
      { key: 'allegations', kind: 'count', sumOf: findingCols },
      { key: 'sustained_rate', kind: 'rate', numerator: 'sustained', denominator: 'decided' },
    ],
    rows: findingRows,
    totalIsSum: true,
    limits: [reportNote('findings')],
  };

  // recommended versus final discipline
  const withPenalty = allegations.filter((a) => a.recommended_penalty !== null);
  const disciplineRows = crossTab(
    withPenalty,
    (a) => a.recommended_penalty!,
    (a) =>
      a.final_penalty === null
        ? 'no_final'
        : a.final_penalty === a.recommended_penalty
          ? 'concurred'
          : 'differed',
    [],
    ['concurred', 'differed', 'no_final'],
  ).map((r) => ({
    key: r.key,
    cells: {
      recommended: r.cells['total'] ?? 0,
      concurred: r.cells['concurred'] ?? 0,
      differed: r.cells['differed'] ?? 0,
      final_recorded: (r.cells['concurred'] ?? 0) + (r.cells['differed'] ?? 0),
      concurrence_rate: rateOf(
        r.cells['concurred'] ?? 0,
        (r.cells['concurred'] ?? 0) + (r.cells['differed'] ?? 0),
      ),
    },
  }));
  const disciplineTable: ReportTable = {
    id: 'discipline_concurrence',
    columns: [
      { key: 'recommended', kind: 'count' },
      { key: 'concurred', kind: 'count' },
      { key: 'differed', kind: 'count' },
      { key: 'final_recorded', kind: 'count', sumOf: ['concurred', 'differed'] },
      {
        key: 'concurrence_rate',
        kind: 'rate',
        numerator: 'concurred',
        denominator: 'final_recorded',
      },
    ],
    rows: byKey(disciplineRows),
    totalIsSum: true,
    limits: [reportNote('discipline'), reportNote('discipline_sources')],
  };

  const oisOpened = grid.filter((c) => c.shooting).reduce((a, c) => a + c.n, 0);
  const oisTable: ReportTable = {
    id: 'officer_involved_shootings',
    columns: [{ key: 'cases', kind: 'count' }],
    rows: [
      { key: 'opened', cells: { cases: oisOpened } },
      {
        key: 'pending_at_end',
        cells: { cases: pending.pending.filter((c) => c.shooting).reduce((a, c) => a + c.n, 0) },
      },
      { key: 'concluded', cells: { cases: concluded.filter((c) => c.shooting).length } },
    ],
    totalIsSum: false,
    limits: [reportNote('ois')],
  };

  const policyTable = countTable(
    'policy_recommendations',
    'recommendations',
    recommendations.map((r) => ({ key: r.status, n: 1 })),
    POLICY_RECOMMENDATION_STATUSES,
    [reportNote('policy')],
  );
  const responded = recommendations.filter((r) => r.response !== null).length;
  policyTable.limits.push(
    reportNote('policy_responded', { responded, total: recommendations.length }),
  );

  let tables = [
    ...intakeTables(grid),
    pendingTable,
    concludedTable,
    findingsTable,
    disciplineTable,
    oisTable,
    policyTable,
  ];
  if (o.version === 'public') {
    // the small-cell rule protects people (PRODUCT.md §4); the office's own recommendations are
    // public documents listed in full below, so their count is not suppressed
    tables = tables.map((t) => (t === policyTable ? t : suppressTable(t, o.threshold)));
  }
  return {
    title: `${period.kind === 'quarterly' ? 'Quarterly' : 'Annual'} report ${period.label}`,
    period,
    timeZone,
    lastImportAt: imported ? new Date(imported).toISOString() : null,
    generatedAt: o.now.toISOString(),
    version: o.version,
    threshold: o.version === 'public' ? o.threshold : null,
    citation: 'MCC §2-78-150',
    tables,
    policyRecommendations: recommendations.map((r) => ({
      madeOn: r.madeOn,
      topic: r.topic,
      recipient: r.recipient,
      text: r.text,
      response: r.response,
      respondedOn: r.respondedOn,
      status: r.status,
    })),
  };
}

/** The report through the API: the staff version needs the reports ability. */
export async function readReport(
  deps: CommandDeps,
  period: ReportPeriod,
  version: 'staff' | 'public',
  threshold: number,
): Promise<Report> {
  requireGlobally(
    deps.actor,
    GlobalAction.readReports,
    'Your role does not read the statutory reports.',
  );
  return buildReport({
    db: deps.db,
    jurisdiction: deps.jurisdiction,
    timeZone: deps.profile.timeZone,
    period,
    now: deps.now(),
    version,
    threshold,
  });
}
