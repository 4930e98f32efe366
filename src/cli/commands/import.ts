import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../server/config/config.ts';
import { importChicago, type ImportResult } from '../../server/importers/chicago/import-chicago.ts';
import { formatInspection, inspectChicago } from '../../server/importers/chicago/inspect.ts';
import { loadMapFile } from '../../server/importers/chicago/recognize.ts';
import { caseIdsByLog } from '../../server/repositories/import-cases.repository.ts';
import { bundle } from '../../server/services.ts';
import { progressSink } from '../progress.ts';
import { withRuntime } from '../runtime.ts';
import { recomputeMemberNetwork } from './members.ts';

/** The folder, beside the data directory, that import reports (rejected rows, matches) go to. */
export const IMPORT_REPORTS = 'oversight-import-reports';

interface ImportCliOptions {
  dryRun?: boolean;
  map?: string;
  force?: boolean;
  /** false with --no-network */
  network: boolean;
}

/** `oversight import chicago|inspect`: historic records, and what an import of them would do. */
export function registerImportCommand(program: Command): void {
  const importer = program.command('import').description('import historic records');
  importer
    .command('chicago <paths...>')
    .description('import CPD CLEAR / COPA CMS releases (.csv or .csv.gz files, or folders of them)')
    .option('--dry-run', 'read, map and write everything in a transaction, report, then roll back')
    .option(
      '--map <file.json>',
      'set a kind or columns for this import: {"<file name>": {"kind": "<kind>", "columns": {"<header>": "<field>" or null}}}',
    )
    .option('--force', 'read every file again, even one imported before and unchanged since')
    .option('--no-network', 'leave the member figures to a later `oversight members network`')
    .action(async (paths: string[], opts: ImportCliOptions) => {
      const config = loadConfig();
      const map = opts.map ? loadMapFile(opts.map) : undefined;
      const reportDir = path.join(path.dirname(config.dataDir), IMPORT_REPORTS);
      const result = await withRuntime(
        'oversight import',
        (rt) =>
          importChicago(bundle(rt), {
            inputs: paths,
            dryRun: Boolean(opts.dryRun),
            reportDir,
            progress: progressSink(),
            force: Boolean(opts.force),
            ...(map ? { map } : {}),
          }),
        // an import streams through once: a small embedded buffer pool keeps its memory under
        // budget (the pool is WebAssembly memory, never returned); `serve` keeps the default
        { embeddedSharedBuffers: '32MB' },
        config,
      );
      printImport(result);
      process.exitCode = result.files.some((f) => f.error) ? 2 : 0;
      if (opts.network && !opts.dryRun && result.files.some((f) => f.inserted + f.updated > 0)) {
        // the member figures are derived from the whole history: an import that changed it reruns
        // them (ADR 0035)
        await recomputeMemberNetwork(config);
      }
    });

  importer
    .command('inspect <paths...>')
    .description(
      'say what an import of these files would do, without writing: per file the kind chosen (score, runner-up), columns mapped / unknown / missing, id shapes, the share of rows that join a case',
    )
    .option('--map <file.json>', 'the mapping file an import would use (see import chicago --map)')
    .option('--json', 'print JSON')
    .action(async (paths: string[], opts: { map?: string; json?: boolean }) => {
      const config = loadConfig();
      const map = opts.map ? loadMapFile(opts.map) : undefined;
      // the cases already imported count as joinable; no database yet is no case (and none is
      // created: inspecting writes nothing)
      const hasDatabase =
        config.databaseUrl !== undefined ||
        fs.existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION'));
      const known = hasDatabase
        ? await withRuntime(
            'oversight import inspect',
            async (rt) => [...(await caseIdsByLog(rt.db, rt.jurisdiction)).keys()],
            {},
            config,
          )
        : [];
      const reports = inspectChicago({ inputs: paths, known, ...(map ? { map } : {}) });
      console.log(opts.json ? JSON.stringify(reports, null, 2) : formatInspection(reports));
    });
}

function printImport(result: ImportResult): void {
  const n = (x: number): string => x.toLocaleString('en-US');
  console.log(result.dryRun ? 'DRY RUN: nothing was written.' : 'Import finished.');
  for (const f of result.files) {
    if (f.error) {
      console.log(`✗ ${f.file}: ${f.error}`);
      continue;
    }
    console.log(
      `${f.file} [${f.label}] read ${n(f.read)} = inserted ${n(f.inserted)} + updated ${n(f.updated)} + unchanged ${n(f.unchanged)} + rejected ${n(f.rejected)}  (${f.seconds.toFixed(1)} s)`,
    );
    const extra = [
      f.noData > 0 ? `${n(f.noData)} rows without data` : '',
      f.duplicates > 0 ? `${n(f.duplicates)} exact duplicates` : '',
    ].filter(Boolean);
    if (extra.length > 0) {
      console.log(`    unchanged includes: ${extra.join('; ')}`);
    }
    if (f.members.inserted + f.members.updated > 0) {
      console.log(
        `    roster: ${n(f.members.inserted)} members added, ${n(f.members.updated)} completed`,
      );
    }
    if (f.removed > 0) {
      console.log(`    removed: ${n(f.removed)} rows a newer release no longer lists`);
    }
    if (f.unknownColumns.length > 0) {
      console.log(`    unknown columns (ignored): ${f.unknownColumns.join(', ')}`);
    }
    for (const note of f.notes) {
      console.log(`    note: ${note}`);
    }
  }
  if (result.maintenanceSeconds >= 0.05) {
    console.log(
      `Planner statistics and visibility map refreshed (VACUUM ANALYZE, ${result.maintenanceSeconds.toFixed(1)} s).`,
    );
  }
  if (result.reportPath) {
    console.log(`Rejected rows: ${result.reportPath}`);
  }
  if (result.membersReportPath) {
    console.log(`Member matches to review: ${result.membersReportPath}`);
  }
}
