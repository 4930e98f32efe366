import { describe, expect, it } from 'vitest';
import { barChartLayout, CHART, wrapWords } from './bar-chart.ts';

describe('bar chart layout (the statistics page and the PDF report draw it)', () => {
  it('wraps labels between words, never inside one', () => {
    expect(wrapWords('Fourth Amendment / Improper Search or Seizure', 30)).toEqual([
      'Fourth Amendment / Improper',
      'Search or Seizure',
    ]);
    expect(wrapWords('Supercalifragilisticexpialidocious-and-more', 10)).toEqual([
      'Supercalifragilisticexpialidocious-and-more',
    ]);
  });

  it('scales bars to the largest count, at least 2 wide; a suppressed cell is an outline', () => {
    const chart = barChartLayout([
      { key: 'a', label: 'A', count: 100 },
      { key: 'b', label: 'B', count: 0 },
      { key: 'c', label: 'C', count: null },
    ]);
    expect(chart.rows[0]!.bar).toEqual({
      x: CHART.labelWidth,
      y: 5,
      width: CHART.barWidth,
      height: 18,
    });
    expect(chart.rows[1]!.bar!.width).toBe(2);
    expect(chart.rows[2]!.bar).toBeNull();
    expect(chart.rows[2]!.outline!.width).toBe(CHART.barWidth);
    expect(chart.rows[2]!.valueX).toBe(CHART.labelWidth + 6);
    expect(chart.height).toBe(3 * 28);
    expect(chart.width).toBe(CHART.labelWidth + CHART.barWidth + CHART.valueWidth);
  });
});
