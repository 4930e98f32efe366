import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  judgeCells,
  publishedMargin,
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
