import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from '../server/config/config.ts';
import { DataDirLockedError } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { verifyAuditTrail, writeCheckpoint } from '../server/audit/checkpoints.ts';
import { addUser } from '../server/commands/users.ts';
import { provisionTotp } from '../server/commands/second-factor.ts';
import { revokeAllSessionsOfUser } from '../server/commands/sessions.ts';
import { loadDemo } from '../server/demo/demo.ts';
import {
  computeMemberNetwork,
  type PopulationSummary,
} from '../server/commands/compute-member-network.ts';
import { startServer } from '../server/main.ts';
import { openRuntime, type Runtime } from '../server/runtime.ts';
import { caseStats } from '../server/repositories/stats.repository.ts';
import { AppError } from '../server/errors.ts';
import { importChicago, type ImportResult } from '../server/importers/chicago/import-chicago.ts';
import { formatInspection, inspectChicago } from '../server/importers/chicago/inspect.ts';
import { loadMapFile, MapFileError } from '../server/importers/chicago/recognize.ts';
import { caseIdsByLog } from '../server/repositories/import-cases.repository.ts';
import { progressSink } from './progress.ts';
import { registerTokenCommands } from './tokens.ts';
import { registerPrivacyCommands } from './privacy-commands.ts';
import { registerRedactCommand } from './redact.ts';
import { registerEisCommands } from './eis.ts';
import { eisBacktest, keepBacktest } from '../server/commands/eis-backtest.ts';
import { registerReportCommand } from './report.ts';
import { registerBackupCommands } from './backup.ts';
import { BackupRefusedError } from '../server/commands/backup.ts';
import { readStdin } from './stdin.ts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGENCIES, ROLES, type Agency, type Role } from '../shared/enums.ts';

/** The 200-row samples of the real releases, next to the repository (as in CI). */
const DEFAULT_SAMPLES = path.resolve(
  fileURLToPath(new URL('../../..', import.meta.url)),
  'shared/data/chicago/sample',
);
const quietProgress = { start() {}, tick() {}, finish() {} };

function computeNetworkOf(rt: Runtime) {
  return computeMemberNetwork({
    db: rt.db,
    jurisdiction: rt.jurisdiction,
    timeZone: rt.profile.timeZone,
    now: () => new Date(),
  });
}

function printNetwork(result: PopulationSummary[]): void {
  for (const p of result) {
    console.log(
      `member network ${p.population}: ${p.members} members rated, ${p.links} co-accusal links, ${(p.durationMs / 1000).toFixed(1)} s`,
    );
  }
}

/** Runs `fn` with an open runtime and always closes it (releasing the embedded lock). */
async function withRuntime<T>(
  config: Config,
  purpose: string,
  fn: (rt: Runtime) => Promise<T>,
  opts: Parameters<typeof openRuntime>[2] = {},
): Promise<T> {
  const rt = await openRuntime(config, purpose, opts);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError('must be a port number 0-65535');
  }
  return n;
}

/**
 * The address people type to reach a server listening on host:port; a wildcard interface is
 * reached through the loopback address, an IPv6 literal goes in brackets.
 */
function serverUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

const program = new Command('oversight')
  .description('Oversight: case management and transparency for civilian police oversight')
  .showHelpAfterError();

program
  .command('serve')
  .description('migrate the database and serve the API')
  .option('--port <n>', 'port (default $PORT or 3000)', parsePort)
  .option('--host <h>', 'interface (default $HOST or 127.0.0.1)')
  .action(async (opts: { port?: number; host?: string }) => {
    const config = loadConfig();
    await startServer({
      ...config,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.host ? { host: opts.host } : {}),
    });
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const config = loadConfig();
    const rt = await openRuntime(config, 'oversight migrate', { migrate: false });
    try {
      const { applied } = await migrate(rt.db);
      console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } finally {
      await rt.close();
    }
  });

const users = program.command('users').description('staff accounts');
users
  .command('add <email>')
  .description('create a staff user')
  .addOption(
    new Option('--role <role...>', 'one or more roles').choices(ROLES).makeOptionMandatory(),
  )
  .addOption(
    new Option('--agency <agency>', 'employing agency').choices(AGENCIES).makeOptionMandatory(),
  )
  .option('--name <name>', 'display name')
  .option('--password-stdin', 'read a password from standard input')
  .action(
    async (
      email: string,
      opts: { role: Role[]; agency: Agency; name?: string; passwordStdin?: boolean },
    ) => {
      const password = opts.passwordStdin ? await readStdin() : undefined;
      if (opts.passwordStdin && (!password || password.length < 12)) {
        throw new InvalidArgumentError('the password from stdin must be at least 12 characters');
      }
      const config = loadConfig();
      await withRuntime(config, 'oversight users add', async (rt) => {
        const u = await addUser(
          { db: rt.db, now: () => new Date(), jurisdiction: rt.jurisdiction },
          {
            email,
            agency: opts.agency,
            roles: opts.role,
            password,
            ...(opts.name ? { displayName: opts.name } : {}),
          },
        );
        console.log(`created user ${u.email} (${opts.agency}: ${opts.role.join(', ')}) id ${u.id}`);
      });
    },
  );

users
  .command('totp <email>')
  .description(
    'provision (or reset) the TOTP second factor: prints the otpauth URI and the secret to hand to the user',
  )
  .action(async (email: string) => {
    const config = loadConfig();
    await withRuntime(config, 'oversight users totp', async (rt) => {
      const r = await provisionTotp(
        { db: rt.db, now: () => new Date(), jurisdiction: rt.jurisdiction, cipher: rt.cipher },
        email,
      );
      console.error(
        r.replaced
          ? `${r.email} had a second factor: it is REPLACED by this one (the old codes no longer work).`
          : `${r.email} is enrolled with this second factor.`,
      );
      console.error(
        'Give it to the user privately (it is not shown again); they add it to an authenticator app:',
      );
      console.log(`otpauth URI: ${r.otpauthUri}`);
      console.log(`secret: ${r.secret}`);
    });
  });
users
  .command('revoke-sessions <email>')
  .description("end every browser session of a user (takes effect on the user's next request)")
  .action(async (email: string) => {
    const config = loadConfig();
    await withRuntime(config, 'oversight users revoke-sessions', async (rt) => {
      const r = await revokeAllSessionsOfUser(
        {
          db: rt.db,
          now: () => new Date(),
          jurisdiction: rt.jurisdiction,
          ip: null,
          actor: 'system',
        },
        { email },
      );
      console.log(`ended ${r.revoked} session(s) of ${email}`);
    });
  });

registerTokenCommands(program, withRuntime);
registerReportCommand(program, withRuntime);

const audit = program.command('audit').description('the audit trail');
audit
  .command('verify')
  .description(
    'verify the hash chain and the signed checkpoints; exit status 0 only when both hold',
  )
  .option('--json', 'print the result as JSON')
  .option(
    '--public-key <file>',
    'check checkpoints with this public key (PEM) instead of the key file',
  )
  .action(async (opts: { json?: boolean; publicKey?: string }) => {
    const config = loadConfig();
    const result = await withRuntime(config, 'oversight audit verify', (rt) =>
      verifyAuditTrail(
        rt.db,
        rt.jurisdiction,
        opts.publicKey
          ? crypto.createPublicKey(fs.readFileSync(opts.publicKey, 'utf8'))
          : rt.auditKey.publicKey,
      ),
    );
    if (opts.json) {
      console.log(JSON.stringify(result, null, 2));
    } else if (result.ok) {
      console.log(
        `audit chain OK: ${result.checked} events, last seq ${result.lastSeq}; ${result.checkpoints.checked} signed checkpoint(s) hold (key ${result.checkpoints.keyId}), latest at seq ${result.checkpoints.latestSeq}`,
      );
    } else {
      console.log(
        `audit chain BROKEN: ${result.problems.length} problem(s) in ${result.checked} events`,
      );
      for (const p of result.problems.slice(0, 20)) {
        console.log(`  seq ${p.seq}: ${p.problem} (${p.detail})`);
      }
    }
    process.exitCode = result.ok ? 0 : 1;
  });
audit
  .command('checkpoint')
  .description('sign the current chain tip now (the server also does it periodically)')
  .action(async () => {
    const config = loadConfig();
    const r = await withRuntime(config, 'oversight audit checkpoint', (rt) =>
      writeCheckpoint(rt.db, rt.jurisdiction, rt.auditKey, new Date()),
    );
    console.log(
      r.written
        ? `signed checkpoint at seq ${r.seq}`
        : `nothing new to sign (latest checkpoint is at seq ${r.seq})`,
    );
  });

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
        const result = await importChicago(
          { db: rt.db, profile: rt.profile, jurisdiction: rt.jurisdiction, now: () => new Date() },
          {
            inputs: [opts.samples],
            dryRun: false,
            reportDir: path.join(path.dirname(config.dataDir), 'oversight-import-reports'),
            progress: quietProgress,
          },
        );
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

interface ImportCliOptions {
  dryRun?: boolean;
  map?: string;
  force?: boolean;
  /** false with --no-network */
  network: boolean;
}

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
    const reportDir = path.join(path.dirname(config.dataDir), 'oversight-import-reports');
    const result = await withRuntime(
      config,
      'oversight import',
      (rt) =>
        importChicago(
          { db: rt.db, profile: rt.profile, jurisdiction: rt.jurisdiction, now: () => new Date() },
          {
            inputs: paths,
            dryRun: Boolean(opts.dryRun),
            reportDir,
            progress: progressSink(),
            force: Boolean(opts.force),
            ...(map ? { map } : {}),
          },
        ),
      // an import streams through once: a small embedded buffer pool keeps its memory under
      // budget (the pool is WebAssembly memory, never returned); `serve` keeps the default
      { embeddedSharedBuffers: '32MB' },
    );
    printImport(result);
    process.exitCode = result.files.some((f) => f.error) ? 2 : 0;
    if (opts.network && !opts.dryRun && result.files.some((f) => f.inserted + f.updated > 0)) {
      // the member figures are derived from the whole history: an import that changed it reruns
      // them (ADR 0035)
      await withRuntime(config, 'oversight members network', async (rt) =>
        printNetwork(await computeNetworkOf(rt)),
      );
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
      ? await withRuntime(config, 'oversight import inspect', async (rt) => [
          ...(await caseIdsByLog(rt.db, rt.jurisdiction)).keys(),
        ])
      : [];
    const reports = inspectChicago({ inputs: paths, known, ...(map ? { map } : {}) });
    console.log(opts.json ? JSON.stringify(reports, null, 2) : formatInspection(reports));
  });

const members = program.command('members').description('member histories');
members
  .command('network')
  .description(
    'recompute complaints per service-year and the co-accusal network (degree, betweenness) of every population from the whole history; run nightly (import chicago runs it after a change)',
  )
  .action(async () => {
    const config = loadConfig();
    await withRuntime(config, 'oversight members network', async (rt) =>
      printNetwork(await computeNetworkOf(rt)),
    );
  });

program
  .command('stats')
  .description('case statistics')
  .option('--json', 'print JSON')
  .action(async (opts: { json?: boolean }) => {
    const config = loadConfig();
    const stats = await withRuntime(config, 'oversight stats', (rt) =>
      caseStats(rt.db, rt.jurisdiction, new Date(), rt.profile.timeZone),
    );
    if (opts.json) {
      console.log(JSON.stringify(stats, null, 2));
      return;
    }
    console.log(`cases: ${stats.total}`);
    for (const [k, v] of Object.entries(stats.byStatus)) {
      console.log(`  ${k}: ${v}`);
    }
  });

registerPrivacyCommands(program);
registerRedactCommand(program);
registerEisCommands(program, withRuntime);
registerBackupCommands(program);

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

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (
    err instanceof ConfigError ||
    err instanceof MapFileError ||
    err instanceof DataDirLockedError ||
    err instanceof BackupRefusedError ||
    err instanceof InvalidArgumentError
  ) {
    console.error(`oversight: ${err.message}`);
  } else if (err instanceof AppError) {
    console.error(`oversight: ${err.message} (${err.code})`);
  } else {
    console.error(err);
  }
  process.exitCode = 1;
}
