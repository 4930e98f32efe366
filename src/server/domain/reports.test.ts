import { describe, expect, it } from 'vitest';
import {
  ageBracket,
  mean,
  median,
  parsePeriod,
  PeriodError,
  suppressTable,
  type ReportTable,
} from './reports.ts';

describe('report periods (MCC §2-78-150: finished quarters and years)', () => {
  it('reads quarters and years as local dates inclusive', () => {
    expect(parsePeriod('quarterly', '2022Q3', '2026-12-05')).toEqual({
      kind: 'quarterly',
      label: '2022Q3',
      from: '2022-07-01',
      to: '2022-09-30',
    });
    expect(parsePeriod('quarterly', '2022-q1', null).to).toBe('2022-03-31');
    expect(parsePeriod('annual', '2022', '2026-12-05')).toMatchObject({
      from: '2022-01-01',
      to: '2022-12-31',
    });
  });

  it('refuses malformed periods', () => {
    for (const [kind, text] of [
      ['quarterly', '2022Q5'],
      ['quarterly', '2022'],
      ['annual', '2022Q1'],
      ['annual', '22'],
    ] as const) {
      expect(() => parsePeriod(kind, text, null)).toThrow(PeriodError);
    }
  });

  it('refuses a period that has not ended: the last day itself is still running', () => {
    expect(() => parsePeriod('quarterly', '2026Q3', '2026-09-30')).toThrow(/has not ended/);
    expect(parsePeriod('quarterly', '2026Q3', '2026-10-01').to).toBe('2026-09-30');
    expect(() => parsePeriod('annual', '2026', '2026-12-05')).toThrow(/has not ended/);
  });
});

describe('age brackets of pending investigations', () => {
  it('puts each boundary day where COPA’s reports do', () => {
    expect(ageBracket(179)).toBe('under_180_days');
    expect(ageBracket(180)).toBe('180_to_365_days');
    expect(ageBracket(365)).toBe('180_to_365_days');
    expect(ageBracket(366)).toBe('1_to_2_years');
    expect(ageBracket(730)).toBe('1_to_2_years');
    expect(ageBracket(731)).toBe('over_2_years');
  });
});

describe('median and mean', () => {
  it('takes the middle (mean of the two middle values when even) and rounds the mean half up', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(mean([1, 2])).toBe(1.5);
    expect(mean([1, 1, 2])).toBe(1.3);
  });
});

describe('public version of a table (small-cell suppression)', () => {
  const table: ReportTable = {
    id: 't',
    columns: [
      { key: 'a', kind: 'count' },
      { key: 'b', kind: 'count' },
      { key: 'total', kind: 'count', sumOf: ['a', 'b'] },
      { key: 'rate', kind: 'rate', numerator: 'a', denominator: 'total' },
      { key: 'median', kind: 'days', basis: 'total' },
    ],
    rows: [
      { key: 'x', cells: { a: 10, b: 3, total: 13, rate: 0.77, median: 40 } },
      { key: 'y', cells: { a: 20, b: 0, total: 20, rate: 1, median: 50 } },
      { key: 'z', cells: { a: 2, b: 1, total: 3, rate: 0.67, median: 9 } },
      { key: 'total', cells: { a: 32, b: 4, total: 36, rate: 0.89, median: 45 } },
    ],
    totalIsSum: true,
    limits: [],
  };
  const pub = suppressTable(table, 5);
  const row = (k: string) => pub.rows.find((r) => r.key === k)!.cells;

  it('suppresses counts under the threshold, never a zero', () => {
    expect(row('x')['b']).toBeNull();
    expect(row('y')['b']).toBe(0);
    expect(row('z')['a']).toBeNull();
    expect(pub.suppressedCells).toBe(3);
  });

  it('sums only published cells and says the sum is partial', () => {
    expect(row('x')['total']).toBe(10);
    expect(row('total')['a']).toBe(30);
    expect(row('total')['b']).toBe(0);
    expect(pub.partialCells).toEqual(
      expect.arrayContaining(['x.total', 'total.a', 'total.b', 'z.total']),
    );
  });

  it('withholds rates with a small part and medians of few cases', () => {
    expect(row('x')['rate']).toBeNull();
    expect(row('y')['rate']).toBe(1);
    expect(row('z')['median']).toBeNull();
    expect(row('x')['median']).toBe(40);
  });

  it('leaves the staff table alone', () => {
    expect(table.rows[0]!.cells['b']).toBe(3);
  });
});
