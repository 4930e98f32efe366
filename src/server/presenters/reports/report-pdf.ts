import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { CHART, type ChartLayout } from '../../../shared/bar-chart.ts';
import { reportColumnLabel, reportRowLabel, reportText } from '../../../shared/report-labels.ts';
import type { Report, ReportTable } from '../../domain/reports.ts';
import type { JurisdictionProfile } from '../../domain/profiles/profile.ts';
import {
  chartOf,
  REPORT_CHARTS,
  reportHeading,
  reportNames,
  reportTitle,
  rowHeaders,
  rowLabels,
  shownFigure,
} from './report-text.ts';

/*
 * The PDF of the report (issue 18 item 8): the HTML's tables and charts on US Letter landscape,
 * DejaVu fonts embedded (every accent of a Spanish name or agency prints), the charts drawn from
 * the one layout the statistics page uses (src/shared/bar-chart.ts).
 */

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = path.join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = path.join(FONT_DIR, 'DejaVuSans-Bold.ttf');

const MARGIN = 40;
const ROW = 12;
const SIZE = 7.5;
/** Where a chart beside a one-column table starts. */
const SIDE_CHART_X = MARGIN + 320;

type Doc = InstanceType<typeof PDFDocument>;

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) {
    doc.addPage();
  }
}

/** The scale a chart is drawn at: three quarters of the page width, at most 300 pt high. */
function chartScale(doc: Doc, chart: ChartLayout, x0 = MARGIN): number {
  const scale = Math.min(0.75, (doc.page.width - x0 - MARGIN) / chart.width);
  return Math.min(scale, 300 / chart.height);
}

/** Draws a chart layout at the current position, scaled by chartScale. */
function drawChart(doc: Doc, chart: ChartLayout, values: Map<string, string>, x0 = MARGIN): void {
  const scale = chartScale(doc, chart, x0);
  ensureRoom(doc, chart.height * scale + 10);
  const y0 = doc.y;
  doc.save().translate(x0, y0).scale(scale);
  doc.font(REGULAR).fontSize(CHART.fontSize).fillColor('#1b1b1b');
  for (const r of chart.rows) {
    r.lines.forEach((l, n) => {
      doc.text(l, 0, r.textY + n * CHART.line, { baseline: 'alphabetic', lineBreak: false });
    });
    if (r.bar) {
      doc.rect(r.bar.x, r.bar.y, r.bar.width, r.bar.height).fill('#005ea2');
    } else if (r.outline) {
      doc
        .rect(r.outline.x, r.outline.y, r.outline.width, r.outline.height)
        .dash(4, { space: 3 })
        .strokeColor('#71767a')
        .stroke()
        .undash();
    }
    doc.fillColor('#1b1b1b').text(values.get(r.key) ?? '', r.valueX, r.textY, {
      baseline: 'alphabetic',
      lineBreak: false,
    });
  }
  doc.restore();
  doc.x = MARGIN;
  doc.y = y0 + chart.height * scale + 10;
}

function drawTable(doc: Doc, t: ReportTable, names: Record<string, string>): void {
  const heads = rowHeaders(t);
  const width = doc.page.width - 2 * MARGIN;
  const labelWidth = heads.length > 1 ? 150 : 190;
  const numWidth = Math.min(
    80,
    (width - labelWidth * heads.length) / Math.max(1, t.columns.length),
  );
  const line = (cells: string[], bold: boolean): void => {
    const lines = Math.max(
      ...cells.map((c, i) => {
        const w = i < heads.length ? labelWidth : numWidth;
        return (
          Math.ceil(
            doc
              .font(bold ? BOLD : REGULAR)
              .fontSize(SIZE)
              .widthOfString(c) /
              (w - 4),
          ) || 1
        );
      }),
    );
    const h = Math.min(3, lines) * ROW * 0.85 + 3;
    ensureRoom(doc, h);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      const w = i < heads.length ? labelWidth : numWidth;
      doc
        .font(bold ? BOLD : REGULAR)
        .fontSize(SIZE)
        .text(c, x + 2, y + 2, {
          width: w - 4,
          height: h,
          align: i < heads.length ? 'left' : 'right',
        });
      x += w;
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(x, y + h)
      .lineWidth(0.3)
      .strokeColor('#a9aeb1')
      .stroke();
    doc.x = MARGIN;
    doc.y = y + h;
  };
  line(
    [
      ...heads.map((h) => reportColumnLabel('en', h)),
      ...t.columns.map((c) => reportColumnLabel('en', c.key)),
    ],
    true,
  );
  for (const r of t.rows) {
    line(
      [
        ...rowLabels(t, r, names),
        ...t.columns.map((c) => shownFigure(t, r.key, c.key, r.cells[c.key] ?? null)),
      ],
      r.key === 'total',
    );
  }
}

/** The report as a PDF (a Buffer). */
export async function reportPdf(report: Report, profile: JurisdictionProfile): Promise<Buffer> {
  const names = reportNames(profile);
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: reportTitle(report), Subject: report.citation },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(BOLD).fontSize(16).text(reportTitle(report));
  doc.font(REGULAR).fontSize(9);
  for (const l of reportHeading(report)) {
    doc.text(l);
  }
  for (const t of report.tables) {
    doc.moveDown(0.8);
    const chart = REPORT_CHARTS.find((c) => c.table === t.id);
    const layout = chart ? chartOf(t, chart.column, names) : null;
    // the heading stays with its chart (or the table's first rows)
    ensureRoom(doc, 60 + (layout ? layout.height * chartScale(doc, layout) : 0));
    doc
      .font(BOLD)
      .fontSize(11)
      .text(reportText('en', `report.table.${t.id}` as Parameters<typeof reportText>[1]), MARGIN);
    doc.moveDown(0.3);
    if (chart && layout) {
      const values = new Map(
        t.rows.map((r) => [
          r.key,
          shownFigure(t, r.key, chart.column, r.cells[chart.column] ?? null),
        ]),
      );
      if (t.columns.length === 1) {
        // a one-column table is narrow: its chart goes beside it
        const top = doc.y;
        drawChart(doc, layout, values, SIDE_CHART_X);
        const below = doc.y;
        const page = doc.page;
        doc.y = top;
        drawTable(doc, t, names);
        // a table that ran onto a new page is below its chart already
        doc.y = doc.page === page ? Math.max(doc.y, below) : doc.y;
      } else {
        drawChart(doc, layout, values);
        drawTable(doc, t, names);
      }
    } else {
      drawTable(doc, t, names);
    }
    doc.moveDown(0.3);
    doc.font(REGULAR).fontSize(7).fillColor('#3d4551');
    for (const l of t.limits) {
      ensureRoom(doc, 20);
      doc.text(`• ${l.text}`, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
    }
    doc.fillColor('#1b1b1b');
  }
  doc.moveDown(0.8);
  ensureRoom(doc, 60);
  doc.font(BOLD).fontSize(11).text(reportText('en', 'report.recommendations'), MARGIN);
  doc.font(REGULAR).fontSize(8);
  if (report.policyRecommendations.length === 0) {
    doc.text(reportText('en', 'report.noRecommendations'));
  }
  for (const r of report.policyRecommendations) {
    ensureRoom(doc, 50);
    doc
      .font(BOLD)
      .text(
        `${r.madeOn} — ${r.topic} (to ${r.recipient}; ${reportRowLabel('en', 'policy_recommendations', r.status)})`,
      );
    doc.font(REGULAR).text(r.text);
    doc.text(
      r.response
        ? `Response ${r.respondedOn}: ${r.response}`
        : reportText('en', 'report.noResponse'),
    );
    doc.moveDown(0.4);
  }
  doc.end();
  return done;
}
