import type { z } from 'zod';
import type { PublicStatsQuery, PublicStatsResponse } from '../../shared/schemas/public.ts';
import { CASE_STATUSES, CATEGORIES, type DutyStatusAction } from '../../shared/enums.ts';
import { disclosedDutyAction } from '../domain/duty-status.ts';
import type { DutyStatusDisclosure } from '../domain/profiles/profile.ts';
import type { Queryable } from '../db/client.ts';
import {
  DAYS_TO_CLOSE_BUCKETS,
  findingsPublished,
  primaryCategory,
} from '../domain/publication.ts';
import {
  judgeCells,
  publishedMargin,
  publishedRate,
  publishedTotal,
  suppressedCount,
  trueTotal,
  type JudgedCell,
} from '../domain/suppression.ts';
import { loadStatsGrids } from '../repositories/stats.repository.ts';

type CaseDim = 'year' | 'agency' | 'category' | 'status' | 'bucket' | 'shelter';
type AllegationDim = 'year' | 'agency' | 'category' | 'finding';
type DutyDim = 'year' | 'month' | 'agency' | 'category' | 'action';

/** The three grids after suppression, with when they were computed. */
export interface JudgedGrids {
  cases: Array<JudgedCell<CaseDim>>;
  allegations: Array<JudgedCell<AllegationDim>>;
  duty: Array<JudgedCell<DutyDim>>;
  generatedAt: Date;
}

/** Options of the public statistics. */
export interface PublicStatsOptions {
  db: Queryable;
  jurisdiction: string;
  timeZone: string;
  /** Cells counting fewer than this are suppressed (PRODUCT.md §4: 5, configurable). */
  threshold: number;
  /** How long a computed grid is served; 0 recomputes on every request. */
  ttlMs: number;
  /** The profile's investigating agencies: the agency filter's choices. */
  agencies: readonly string[];
  /** Which duty-status actions the public is told of: only those are counted. */
  dutyStatusDisclosure: DutyStatusDisclosure;
  now: () => Date;
}

/** Adds a cell to a map keyed by its coordinates (re-aggregating after mapping categories). */
function addCell<D extends string>(
  into: Map<string, { dims: Record<D, string>; n: number }>,
  dims: Record<D, string>,
  n: number,
): void {
  const key = JSON.stringify(dims);
  const cell = into.get(key);
  if (cell) {
    cell.n += n;
  } else {
    into.set(key, { dims, n });
  }
}

/** Reads the grids and suppresses their small cells, once per refresh. */
export async function computeGrids(o: PublicStatsOptions): Promise<JudgedGrids> {
  const raw = await loadStatsGrids(o.db, o.jurisdiction, o.timeZone);
  const cases = new Map<string, { dims: Record<CaseDim, string>; n: number }>();
  for (const r of raw.cases) {
    addCell(
      cases,
      {
        year: r.year,
        agency: r.agency,
        category: primaryCategory(r.categories),
        status: r.status,
        bucket: r.bucket,
        shelter: r.shelter ? 'yes' : 'no',
      },
      r.n,
    );
  }
  const allegations = new Map<string, { dims: Record<AllegationDim, string>; n: number }>();
  for (const r of raw.allegations) {
    // an open case's allegations count, but not its (recommended or final) findings
    const finding = findingsPublished(r.status) ? r.finding : 'none';
    addCell(allegations, { year: r.year, agency: r.agency, category: r.category, finding }, r.n);
  }
  const duty = new Map<string, { dims: Record<DutyDim, string>; n: number }>();
  for (const r of raw.duty) {
    // the actions a case page may disclose, and no other (a recommendation, an undisclosed kind)
    const action = disclosedDutyAction(r.action, r.stage, o.dutyStatusDisclosure);
    if (action === undefined) {
      continue;
    }
    addCell(
      duty,
      {
        year: r.month.slice(0, 4),
        month: r.month,
        agency: r.agency,
        category: primaryCategory(r.categories),
        action,
      },
      r.n,
    );
  }
  return {
    cases: judgeCells([...cases.values()], o.threshold),
    allegations: judgeCells([...allegations.values()], o.threshold),
    duty: judgeCells([...duty.values()], o.threshold),
    generatedAt: o.now(),
  };
}

const MERITS = ['sustained', 'not_sustained', 'unfounded', 'exonerated'];

/**
 * Every figure of the statistics page for one filter: margins of the published grid cells only
 * (domain/suppression.ts; docs/public-statistics.md explains why differencing views recovers
 * nothing).
 */
export function statsFromGrids(
  g: JudgedGrids,
  threshold: number,
  q: PublicStatsQuery,
  agencies: readonly string[],
): z.input<typeof PublicStatsResponse> {
  const inFilter = (d: { year: string; agency: string; category: string }): boolean =>
    (q.yearFrom === undefined || Number(d.year) >= q.yearFrom) &&
    (q.yearTo === undefined || Number(d.year) <= q.yearTo) &&
    (q.agency === undefined || d.agency === q.agency) &&
    (q.category === undefined || d.category === q.category);
  const closed = (d: Readonly<Record<CaseDim, string>>): boolean =>
    inFilter(d) && d.bucket !== 'open' && d.bucket !== 'undated';
  const shelter = (d: Readonly<Record<CaseDim, string>>): boolean =>
    inFilter(d) && d.shelter === 'yes';
  const rate = (
    key: string,
    filter: (d: Readonly<Record<AllegationDim, string>>) => boolean,
  ): z.input<typeof PublicStatsResponse>['sustainedRate']['overall'] => {
    const merits = (d: Readonly<Record<AllegationDim, string>>): boolean =>
      filter(d) && MERITS.includes(d.finding);
    const isSustained = (d: Readonly<Record<AllegationDim, string>>): boolean =>
      merits(d) && d.finding === 'sustained';
    // the rate from the true counts, then the small-cell rule; the counts beside it are the
    // published cells' sums like every other figure (null when all suppressed, `partial` lower bounds)
    const shown = publishedRate(
      trueTotal(g.allegations, isSustained),
      trueTotal(g.allegations, merits),
      threshold,
    );
    const decided = publishedTotal(g.allegations, merits);
    const sustained = publishedTotal(g.allegations, isSustained);
    return {
      key,
      rate: shown.rate,
      rateBound: shown.bound,
      rateWithheld: shown.withheld,
      sustained: sustained.count,
      decided: decided.count,
      partial: decided.partial,
    };
  };
  const categories = [
    ...new Set(g.allegations.filter((c) => inFilter(c.dims)).map((c) => c.dims.category)),
  ].sort((a, b) => CATEGORIES.indexOf(a as never) - CATEGORIES.indexOf(b as never));
  return {
    threshold,
    generatedAt: g.generatedAt.toISOString(),
    agencies: [...agencies],
    filters: {
      yearFrom: q.yearFrom ?? null,
      yearTo: q.yearTo ?? null,
      agency: q.agency ?? null,
      category: q.category ?? null,
    },
    totalCases: publishedTotal(g.cases, inFilter),
    casesByYear: publishedMargin(g.cases, inFilter, (d) => d.year),
    casesByCategory: publishedMargin(g.cases, inFilter, (d) => d.category),
    casesByStatus: publishedMargin(g.cases, inFilter, (d) => d.status, CASE_STATUSES),
    casesByAgency: publishedMargin(g.cases, inFilter, (d) => d.agency),
    daysToClose: publishedMargin(g.cases, closed, (d) => d.bucket, DAYS_TO_CLOSE_BUCKETS),
    casesAtShelterSites: publishedMargin(g.cases, shelter, (d) => d.year),
    allegationsByFinding: publishedMargin(g.allegations, inFilter, (d) => d.finding),
    sustainedRate: {
      overall: rate('all', inFilter),
      byCategory: categories.map((c) => rate(c, (d) => inFilter(d) && d.category === c)),
    },
    dutyStatusActions: publishedMargin(g.duty, inFilter, (d) => d.action),
    // one grid, so a month's figure and the action's total are sums of the same published cells
    dutyStatusByMonth: publishedMargin(g.duty, inFilter, (d) => `${d.month} ${d.action}`).map(
      (f) => {
        const [month, action] = f.key.split(' ') as [string, DutyStatusAction];
        return { ...f, month, action };
      },
    ),
    suppressedCells:
      suppressedCount(g.cases, inFilter) +
      suppressedCount(g.allegations, inFilter) +
      suppressedCount(g.duty, inFilter),
  };
}

/**
 * The public statistics with a computed grid kept for `ttlMs` (the full history's grid takes
 * seconds on the embedded database; a request then costs only the margins). An expired grid is
 * served while a new one is computed in the background.
 */
export function createPublicStats(o: PublicStatsOptions): {
  stats(q: PublicStatsQuery): Promise<z.input<typeof PublicStatsResponse>>;
  /** The grid to answer from now, and its number (answers cut from one grid are the same). */
  grids(): Promise<{ grids: JudgedGrids; version: number }>;
  refresh(): Promise<JudgedGrids>;
  /** What is public changed: the grid is recomputed, the current one served meanwhile. */
  changed(): void;
} {
  let current: { grids: JudgedGrids; version: number } | undefined;
  let version = 0;
  let stale = false;
  let loading: Promise<JudgedGrids> | undefined;
  // answers per filter, for the grid they were cut from (a handful of filters are asked for
  // again and again; recomputing margins costs more than the lookup)
  let answers = new Map<string, z.input<typeof PublicStatsResponse>>();
  let answersFor: JudgedGrids | undefined;
  const refresh = (): Promise<JudgedGrids> => {
    // a change during the computation marks it stale again, and the next request recomputes
    stale = false;
    loading ??= computeGrids(o)
      .then((g) => {
        current = { grids: g, version: ++version };
        return g;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };
  const grids = async (): Promise<{ grids: JudgedGrids; version: number }> => {
    const age = current ? o.now().getTime() - current.grids.generatedAt.getTime() : Infinity;
    if (!current || o.ttlMs === 0) {
      await refresh();
    } else if (stale || age >= o.ttlMs) {
      // stale-while-revalidate: this request gets the previous grid (aggregates, suppressed)
      refresh().catch(() => undefined);
    }
    return current as { grids: JudgedGrids; version: number };
  };
  return {
    refresh,
    grids,
    changed() {
      stale = true;
    },
    async stats(q) {
      const { grids: grid } = await grids();
      if (answersFor !== grid || answers.size > 2000) {
        answers = new Map();
        answersFor = grid;
      }
      const key = JSON.stringify([q.yearFrom, q.yearTo, q.agency, q.category]);
      let answer = answers.get(key);
      if (!answer) {
        answer = statsFromGrids(grid, o.threshold, q, o.agencies);
        answers.set(key, answer);
      }
      return answer;
    },
  };
}
