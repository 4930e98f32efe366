/*
 * Small-cell suppression for public statistics (PRODUCT.md §4: cells under 5, configurable).
 *
 * Design (docs/public-statistics.md): every statistic is computed from a fixed grid of
 * non-overlapping cells (e.g. year × agency × primary category × status × days-to-close bucket ×
 * shelter site). Each grid cell is suppressed or published once, independently of any query.
 * Every published figure — a table row, a total, a rate, under any filter — is the sum of the
 * *published* grid cells it covers; a suppressed cell contributes to no published number at all,
 * not even to totals. So no sum or difference of published figures, from any number of filtered
 * views, contains a suppressed cell: the published output does not change when a suppressed
 * cell's value changes (the property the tests check). The price: totals are lower bounds where
 * cells are suppressed, and say so (`partial`).
 */

/** One cell of a grid: its coordinates and how many units (cases, allegations) it counts. */
export interface GridCell<D extends string> {
  dims: Readonly<Record<D, string>>;
  n: number;
}

/** A grid cell after suppression. */
export interface JudgedCell<D extends string> extends GridCell<D> {
  published: boolean;
}

/**
 * Suppresses cells counting fewer than `threshold` units (a zero cell is not a disclosure and
 * has no row anyway). Decided per cell, once, before any query.
 */
export function judgeCells<D extends string>(
  cells: ReadonlyArray<GridCell<D>>,
  threshold: number,
): Array<JudgedCell<D>> {
  return cells.map((c) => ({ ...c, published: c.n === 0 || c.n >= threshold }));
}

/** A published figure. */
export interface Figure {
  key: string;
  /** Sum of the published cells; null when all contributing cells are suppressed. */
  count: number | null;
  /** Some contributing cells were suppressed: `count` is a lower bound. */
  partial: boolean;
}

/**
 * Groups the cells that pass `filter` by `by` and sums the published ones. `order` lists the
 * keys to report first, in order (keys with no cells are reported as 0 when listed).
 */
export function publishedMargin<D extends string>(
  cells: ReadonlyArray<JudgedCell<D>>,
  filter: (dims: Readonly<Record<D, string>>) => boolean,
  by: (dims: Readonly<Record<D, string>>) => string,
  order: readonly string[] = [],
): Figure[] {
  const groups = new Map<string, { sum: number; suppressed: number }>();
  for (const key of order) {
    groups.set(key, { sum: 0, suppressed: 0 });
  }
  for (const c of cells) {
    if (!filter(c.dims)) {
      continue;
    }
    const key = by(c.dims);
    const g = groups.get(key) ?? { sum: 0, suppressed: 0 };
    if (c.published) {
      g.sum += c.n;
    } else {
      g.suppressed += 1;
    }
    groups.set(key, g);
  }
  const rest = [...groups.keys()].filter((k) => !order.includes(k)).sort();
  return [...order, ...rest].map((key) => {
    const g = groups.get(key)!;
    return {
      key,
      count: g.sum === 0 && g.suppressed > 0 ? null : g.sum,
      partial: g.suppressed > 0,
    };
  });
}

/** The one-figure total of the cells that pass `filter`. */
export function publishedTotal<D extends string>(
  cells: ReadonlyArray<JudgedCell<D>>,
  filter: (dims: Readonly<Record<D, string>>) => boolean,
  key = 'total',
): Figure {
  return publishedMargin(cells, filter, () => key, [key])[0]!;
}

/** How many suppressed cells the filter covers (their values are never published). */
export function suppressedCount<D extends string>(
  cells: ReadonlyArray<JudgedCell<D>>,
  filter: (dims: Readonly<Record<D, string>>) => boolean,
): number {
  let n = 0;
  for (const c of cells) {
    if (!c.published && filter(c.dims)) {
      n += 1;
    }
  }
  return n;
}
