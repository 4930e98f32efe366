/*
 * The geometry of the horizontal bar charts, pure (issue 18 item 8): the public statistics page
 * draws it as SVG (StatisticsPage.tsx) and the PDF report draws the same rectangles and text with
 * pdfkit, so the two charts are one layout, not two copies.
 */

/** About the characters of 13-px text that fit the chart's label column. */
export const LABEL_CHARS = 30;
/** Label line height, text size, and the widths of the label column and of the longest bar. */
export const CHART = { line: 16, fontSize: 13, labelWidth: 210, barWidth: 260, valueWidth: 110 };

/** A label in lines of at most `max` characters, broken between words (a longer word stays whole). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines.length > 0 ? lines : [''];
}

/** The height of a chart row whose label has these lines (28 for one line). */
export const rowHeight = (lines: readonly string[], line: number = CHART.line): number =>
  12 + lines.length * line;

/** A rectangle in chart units (the SVG's viewBox, the PDF's points after scaling). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One row of a chart: its label lines, its bar (or the dashed outline of a suppressed cell). */
export interface ChartRow {
  key: string;
  lines: string[];
  /** Top of the row. */
  y: number;
  /** Baseline of the first label line and of the value text. */
  textY: number;
  /** The bar; null for a suppressed cell, which draws `outline` dashed instead. */
  bar: Box | null;
  outline: Box | null;
  /** Where the value text starts. */
  valueX: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  rows: ChartRow[];
}

/**
 * Lays out a chart of `cells` (count null = suppressed): bars scaled to the largest count, every
 * bar at least 2 units wide, labels wrapped at word boundaries (never cut mid-word).
 */
export function barChartLayout(
  cells: ReadonlyArray<{ key: string; label: string; count: number | null }>,
): ChartLayout {
  const { line, labelWidth, barWidth, valueWidth } = CHART;
  const max = Math.max(1, ...cells.map((c) => c.count ?? 0));
  const rows: ChartRow[] = [];
  let top = 0;
  for (const c of cells) {
    const lines = wrapWords(c.label, LABEL_CHARS);
    const h = rowHeight(lines, line);
    const box = (width: number): Box => ({ x: labelWidth, y: top + 5, width, height: h - 10 });
    const w = c.count === null ? 0 : Math.max(2, (c.count / max) * barWidth);
    rows.push({
      key: c.key,
      lines,
      y: top,
      textY: top + 18,
      bar: c.count === null ? null : box(w),
      outline: c.count === null ? box(barWidth) : null,
      valueX: labelWidth + w + 6,
    });
    top += h;
  }
  return {
    width: labelWidth + barWidth + valueWidth,
    height: Math.max(rowHeight([''], line), top),
    rows,
  };
}
