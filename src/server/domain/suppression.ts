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

/** The sum of `value` over the cells that pass `filter`. */
function sumOver<D extends string, C extends GridCell<D>>(
  cells: ReadonlyArray<C>,
  filter: (dims: Readonly<Record<D, string>>) => boolean,
  value: (cell: C) => number,
): number {
  let n = 0;
  for (const c of cells) {
    if (filter(c.dims)) {
      n += value(c);
    }
  }
  return n;
}

/** How many suppressed cells the filter covers (their values are never published). */
export function suppressedCount<D extends string>(
  cells: ReadonlyArray<JudgedCell<D>>,
  filter: (dims: Readonly<Record<D, string>>) => boolean,
): number {
  return sumOver(cells, filter, (c) => (c.published ? 0 : 1));
}

/** The exact count of the cells that pass `filter`, suppressed or not (never published itself). */
export function trueTotal<D extends string>(
  cells: ReadonlyArray<GridCell<D>>,
  filter: (dims: Readonly<Record<D, string>>) => boolean,
): number {
  return sumOver(cells, filter, (c) => c.n);
}

/** Why a rate is not shown. */
export type RateWithholding = 'none_decided' | 'small_count';

/** A published proportion. */
export interface PublishedRate {
  /**
   * numerator ÷ denominator of the true counts, to whole percent (0.37); null when withheld. A
   * rate that rounds to 0 or 1 while the numerator is neither 0 nor the whole shows as 0.01 or
   * 0.99 with `bound` saying it is under or over that, so "0 %" always means none.
   */
  rate: number | null;
  /** `below`: the true rate is under `rate` (shown "< 1 %"); `above`: over it ("> 99 %"). */
  bound: 'below' | 'above' | null;
  /** Why `rate` is null; null when it is shown. */
  withheld: RateWithholding | null;
}

/**
 * A proportion for publication (issue 15 defect 6): computed from the **true** counts, never from
 * the published cells alone, whose suppressed cells would make a rate of 0 % while sustained
 * allegations exist. Then the small-cell rule (PRODUCT.md §4) applies to what the rate reveals:
 * a rate lets a reader who knows the denominator recompute the numerator, and one minus it the
 * complement, so it is shown only when the numerator and the complement are each zero or at least
 * `threshold` (a zero is not a disclosure, as in `judgeCells`); otherwise it is withheld, and says
 * so. Shown rates are rounded to whole percent so that rates of overlapping filters do not pin a
 * hidden count down (docs/public-portal.md, "Rates").
 */
export function publishedRate(
  numerator: number,
  denominator: number,
  threshold: number,
): PublishedRate {
  if (denominator <= 0) {
    return { rate: null, bound: null, withheld: 'none_decided' };
  }
  const small = (n: number): boolean => n > 0 && n < threshold;
  if (small(numerator) || small(denominator - numerator)) {
    return { rate: null, bound: null, withheld: 'small_count' };
  }
  const rounded = Math.round((numerator / denominator) * 100) / 100;
  if (numerator > 0 && rounded === 0) {
    return { rate: 0.01, bound: 'below', withheld: null };
  }
  if (numerator < denominator && rounded === 1) {
    return { rate: 0.99, bound: 'above', withheld: null };
  }
  return { rate: rounded, bound: null, withheld: null };
}
