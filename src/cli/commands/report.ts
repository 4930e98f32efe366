import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { loadConfig } from '../../server/config/config.ts';
import { buildReport, reportPeriod } from '../../server/commands/build-report.ts';
import { reportPdf } from '../../server/presenters/reports/report-pdf.ts';
import { reportHtml, tableCsv } from '../../server/presenters/reports/report-text.ts';
import { withRuntime } from '../runtime.ts';

interface ReportOptions {
  format: 'html' | 'pdf' | 'csv' | 'json';
  out?: string;
  public?: boolean;
}

/**
 * `oversight report quarterly 2022Q3` and `oversight report annual 2022` (issue 18 item 6,
 * MCC §2-78-150). json prints every table to stdout; csv writes one file per table into --out;
 * html and pdf write the document to --out. Everything is computed before anything is written:
 * a refused period or a period without data writes nothing and exits non-zero.
 */
export function registerReportCommand(program: Command): void {
  const report = program
    .command('report')
    .description('the statutory reports to the City Council (MCC §2-78-150)');
  for (const kind of ['quarterly', 'annual'] as const) {
    report
      .command(`${kind} <period>`)
      .description(kind === 'quarterly' ? 'a quarter, e.g. 2022Q3' : 'a year, e.g. 2022')
      .addOption(
        new Option('--format <format>', 'output format')
          .choices(['html', 'pdf', 'csv', 'json'])
          .default('json'),
      )
      .option('--out <path>', 'file (html, pdf) or folder (csv) to write')
      .option('--public', 'the public version: small cells suppressed (PRODUCT.md §4)')
      .action(async (periodText: string, opts: ReportOptions) => {
        if (opts.format !== 'json' && !opts.out) {
          throw new InvalidArgumentError(
            `--format ${opts.format} writes files: give --out ${opts.format === 'csv' ? 'FOLDER' : 'FILE'}`,
          );
        }
        const now = new Date();
        // a malformed period is refused before the database is opened (no time zone needed yet)
        reportPeriod(kind, periodText, null, 'UTC');
        const config = loadConfig();
        type Output =
          | { json: string }
          | { files: Array<{ name: string; body: string }> }
          | { file: string | Buffer };
        const output = await withRuntime(
          `oversight report ${kind}`,
          async (rt): Promise<Output> => {
            const period = reportPeriod(kind, periodText, now, rt.profile.timeZone);
            const built = await buildReport({
              db: rt.db,
              jurisdiction: rt.jurisdiction,
              timeZone: rt.profile.timeZone,
              period,
              now,
              version: opts.public ? 'public' : 'staff',
              threshold: config.suppressionThreshold,
            });
            switch (opts.format) {
              case 'json':
                return { json: JSON.stringify(built, null, 2) };
              case 'csv':
                return {
                  files: built.tables.map((t) => ({ name: `${t.id}.csv`, body: tableCsv(t) })),
                };
              case 'html':
                return { file: reportHtml(built, rt.profile) };
              case 'pdf':
                return { file: await reportPdf(built, rt.profile) };
            }
          },
          {},
          config,
        );
        if ('json' in output) {
          console.log(output.json);
        } else if ('files' in output) {
          fs.mkdirSync(opts.out!, { recursive: true });
          for (const f of output.files) {
            fs.writeFileSync(path.join(opts.out!, f.name), f.body);
          }
          console.error(`${output.files.length} tables written to ${opts.out}`);
        } else {
          fs.writeFileSync(opts.out!, output.file);
          console.error(`report written to ${opts.out}`);
        }
      });
  }
}
