import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../server/config/config.ts';
import { eisBacktest, keepBacktest } from '../../server/commands/eis-backtest.ts';
import { loadDemo } from '../../server/demo/demo.ts';
import { importChicago } from '../../server/importers/chicago/import-chicago.ts';
import { startServer } from '../../server/main.ts';
import { openRuntime } from '../../server/runtime.ts';
import { bundle } from '../../server/services.ts';
import { computeNetworkOf, parsePort } from '../runtime.ts';
import { IMPORT_REPORTS } from './import.ts';

/** The 200-row samples of the real releases, next to the repository (as in CI). */
const DEFAULT_SAMPLES = path.resolve(
  fileURLToPath(new URL('../../../..', import.meta.url)),
  'shared/data/chicago/sample',
);
const quietProgress = { start() {}, tick() {}, finish() {} };

/**
 * The address people type to reach a server listening on host:port; a wildcard interface is
 * reached through the loopback address, an IPv6 literal goes in brackets.
 */
function serverUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/** `oversight demo [--serve]`: demo users, stations, members and cases; idempotent. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'load demo users, facilities, members and cases (including the 2023 shelter case); idempotent',
    )
    .option('--serve', 'then serve the API')
    .option('--port <n>', 'port when serving (default $PORT or 3000)', parsePort)
    .option('--host <h>', 'interface when serving (default $HOST or 127.0.0.1)')
    .option(
      '--samples <folder>',
      'real CPD/COPA sample records to import (skipped when absent)',
      DEFAULT_SAMPLES,
    )
    .action(async (opts: { serve?: boolean; port?: number; host?: string; samples: string }) => {
      const config = {
        ...loadConfig(),
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        ...(opts.host ? { host: opts.host } : {}),
        // a newcomer reads the demo's sign-in details in this terminal: a request log line per
        // request pushed them out of sight within seconds (issue 23 item 15); LOG_LEVEL still rules
        ...(process.env.LOG_LEVEL === undefined ? { logLevel: 'warn' as const } : {}),
      };
      const rt = await openRuntime(config, opts.serve ? 'oversight serve' : 'oversight demo');
      const baseUrl = serverUrl(config.host, config.port);
      let summary: Awaited<ReturnType<typeof loadDemo>>;
      try {
        summary = await loadDemo(rt, baseUrl);
        console.log(summary.text);
        if (fs.existsSync(opts.samples)) {
          const result = await importChicago(bundle(rt), {
            inputs: [opts.samples],
            dryRun: false,
            reportDir: path.join(path.dirname(config.dataDir), IMPORT_REPORTS),
            progress: quietProgress,
          });
          const read = result.files.reduce((n, f) => n + f.read, 0);
          const added = result.files.reduce((n, f) => n + f.inserted, 0);
          console.log(
            `Real Chicago sample records from ${opts.samples}: ${read} rows read, ${added} added (import everything: npx oversight import chicago ../shared/data/chicago).`,
          );
        } else {
          console.log(`No sample records at ${opts.samples}; skipped.`);
        }
        // the backtest page shows the latest kept run: one of what the demo holds (issue 19)
        const started = Date.now();
        const backtest = await eisBacktest(rt.db, rt.jurisdiction, rt.profile.timeZone, {
          from: 2008,
          to: 2018,
        });
        await keepBacktest(
          rt.db,
          rt.jurisdiction,
          backtest,
          (Date.now() - started) / 1000,
          new Date(),
        );
        // the member pages' comparison figures, as the nightly job would leave them (ADR 0035)
        await computeNetworkOf(rt);
      } catch (err) {
        await rt.close();
        throw err;
      }
      if (opts.serve) {
        await startServer(config, rt);
        // once listening, the details again, last on the screen: the import and start-up output
        // above scrolled them away
        console.log(
          `\nOversight is listening at ${baseUrl} (public portal ${baseUrl}/, staff app ${baseUrl}/staff/). Stop it with Ctrl+C.\n${summary.text}`,
        );
      } else {
        await rt.close();
      }
    });
}
