import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  judgeCells,
  publishedMargin,
  publishedRate,
  publishedTotal,
  suppressedCount,
  type GridCell,
  type JudgedCell,
} from './suppression.ts';

type Dim = 'year' | 'agency' | 'category';
const YEARS = ['2021', '2022', '2023'];
const AGENCIES = ['COPA', 'BIA'];
const CATEGORIES = ['force', 'search', 'verbal'];

/** Every view an attacker can ask for: each filter combination × each grouping, plus totals. */
function allViews(cells: Array<JudgedCell<Dim>>): unknown[] {
  const filters: Array<(d: Readonly<Record<Dim, string>>) => boolean> = [() => true];
  for (const y of YEARS) {
    filters.push((d) => d.year === y);
    filters.push((d) => d.year !== y); // a complementary year range
  }
  for (const a of AGENCIES) {
    filters.push((d) => d.agency === a);
    for (const y of YEARS) {
      filters.push((d) => d.agency === a && d.year === y);
    }
  }
  for (const c of CATEGORIES) {
    filters.push((d) => d.category === c);
    for (const y of YEARS) {
      filters.push((d) => d.category === c && d.year >= y);
    }
  }
  const views: unknown[] = [];
  for (const f of filters) {
    views.push(publishedTotal(cells, f));
    views.push(suppressedCount(cells, f));
    for (const by of ['year', 'agency', 'category'] as const) {
      views.push(publishedMargin(cells, f, (d) => d[by]));
    }
  }
  return views;
}

const gridArb = fc
  .array(fc.integer({ min: 0, max: 12 }), {
    minLength: YEARS.length * AGENCIES.length * CATEGORIES.length,
    maxLength: YEARS.length * AGENCIES.length * CATEGORIES.length,
  })
  .map((ns) => {
    const cells: Array<GridCell<Dim>> = [];
    let i = 0;
    for (const year of YEARS) {
      for (const agency of AGENCIES) {
        for (const category of CATEGORIES) {
          const n = ns[i++]!;
          if (n > 0) {
            cells.push({ dims: { year, agency, category }, n });
          }
        }
      }
    }
    return cells;
  });

describe('small-cell suppression', () => {
  it('suppresses cells under the threshold and publishes the rest', () => {
    const judged = judgeCells(
      [
        { dims: { k: 'a' }, n: 4 },
        { dims: { k: 'b' }, n: 5 },
      ],
      5,
    );
    expect(judged.map((c) => c.published)).toEqual([false, true]);
  });

  it('reports a group made only of suppressed cells as null, and a mixed one as partial', () => {
    const judged = judgeCells<'k' | 'g'>(
      [
        { dims: { k: 'a', g: 'x' }, n: 2 },
        { dims: { k: 'b', g: 'y' }, n: 3 },
        { dims: { k: 'c', g: 'y' }, n: 9 },
      ],
      5,
    );
    expect(
      publishedMargin(
        judged,
        () => true,
        (d) => d.g,
      ),
    ).toEqual([
      { key: 'x', count: null, partial: true },
      { key: 'y', count: 9, partial: true },
    ]);
    // the total leaves suppressed cells out instead of revealing them by subtraction
    expect(publishedTotal(judged, () => true)).toEqual({ key: 'total', count: 9, partial: true });
  });

  it('the differencing attack: overall minus the other years does not give the suppressed cell', () => {
    const judged = judgeCells<Dim>(
      [
        { dims: { year: '2022', agency: 'BIA', category: 'force' }, n: 40 },
        { dims: { year: '2023', agency: 'BIA', category: 'force' }, n: 3 }, // the secret
        { dims: { year: '2023', agency: 'COPA', category: 'force' }, n: 20 },
      ],
      5,
    );
    const overall = publishedMargin(
      judged,
      () => true,
      (d) => d.category,
    );
    const year2022 = publishedMargin(
      judged,
      (d) => d.year === '2022',
      (d) => d.category,
    );
    const copa2023 = publishedMargin(
      judged,
      (d) => d.year === '2023' && d.agency === 'COPA',
      (d) => d.category,
    );
    const recovered = overall[0]!.count! - year2022[0]!.count! - copa2023[0]!.count!;
    expect(recovered).toBe(0);
    expect(recovered).not.toBe(3);
  });

  it('no view under any filter changes when a suppressed cell changes value (property)', () => {
    fc.assert(
      fc.property(gridArb, fc.nat(), fc.integer({ min: 1, max: 4 }), (cells, pick, newValue) => {
        const judged = judgeCells(cells, 5);
        const hidden = judged.map((c, i) => ({ c, i })).filter((x) => !x.c.published);
        if (hidden.length === 0) {
          return;
        }
        const target = hidden[pick % hidden.length]!.i;
        const changed = judged.map((c, i) => (i === target ? { ...c, n: newValue } : c));
        expect(allViews(changed)).toEqual(allViews(judged));
      }),
      { numRuns: 300 },
    );
  });

  it('every published count is the sum of published cells (property)', () => {
    fc.assert(
      fc.property(gridArb, (cells) => {
        const judged = judgeCells(cells, 5);
        const total = publishedTotal(judged, () => true);
        const expected = judged.filter((c) => c.published).reduce((s, c) => s + c.n, 0);
        expect(total.count ?? 0).toBe(expected);
        for (const f of publishedMargin(
          judged,
          () => true,
          (d) => d.year,
        )) {
          expect(f.count === null || f.count === 0 || f.count >= 5).toBe(true);
        }
      }),
    );
  });
});

describe('published rates (issue 15 defect 6)', () => {
  it('is computed from the true counts and withheld at the threshold boundary', () => {
    expect(publishedRate(5, 20, 5)).toEqual({ rate: 0.25, bound: null, withheld: null });
    expect(publishedRate(4, 20, 5)).toEqual({ rate: null, bound: null, withheld: 'small_count' });
    // the complement reveals as much as the numerator
    expect(publishedRate(16, 20, 5)).toEqual({ rate: null, bound: null, withheld: 'small_count' });
    expect(publishedRate(15, 20, 5)).toEqual({ rate: 0.75, bound: null, withheld: null });
    // a zero is not a disclosure: 0 % and 100 % are shown
    expect(publishedRate(0, 12, 5)).toEqual({ rate: 0, bound: null, withheld: null });
    expect(publishedRate(12, 12, 5)).toEqual({ rate: 1, bound: null, withheld: null });
    expect(publishedRate(0, 0, 5)).toEqual({ rate: null, bound: null, withheld: 'none_decided' });
    // rounding never turns some into none, or most into all
    expect(publishedRate(5, 2000, 5)).toEqual({ rate: 0.01, bound: 'below', withheld: null });
    expect(publishedRate(1995, 2000, 5)).toEqual({ rate: 0.99, bound: 'above', withheld: null });
  });

  it('never shows a rate the true counts contradict (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 20 }),
        (num, rest, threshold) => {
          const r = publishedRate(num, num + rest, threshold);
          if (r.rate === null) {
            expect(r.withheld).not.toBeNull();
            return;
          }
          const truth = num / (num + rest);
          if (r.bound === 'below') {
            expect(truth).toBeGreaterThan(0);
            expect(truth).toBeLessThan(r.rate);
          } else if (r.bound === 'above') {
            expect(truth).toBeLessThan(1);
            expect(truth).toBeGreaterThan(r.rate);
          } else {
            expect(Math.abs(r.rate - truth)).toBeLessThanOrEqual(0.005 + 1e-12);
            expect(r.rate === 0).toBe(num === 0);
            expect(r.rate === 1).toBe(rest === 0);
          }
          // a shown rate stands on no count under the threshold
          expect(num === 0 || num >= threshold).toBe(true);
          expect(rest === 0 || rest >= threshold).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
