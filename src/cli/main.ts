import { Command, InvalidArgumentError } from 'commander';
import { ConfigError } from '../server/config/config.ts';
import { DataDirLockedError } from '../server/db/client.ts';
import { AppError } from '../server/errors.ts';
import { BackupRefusedError } from '../server/commands/backup.ts';
import { MapFileError } from '../server/importers/chicago/recognize.ts';
import { registerAuditCommand } from './commands/audit.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerEisCommands } from './commands/eis.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerKeysCommand } from './commands/keys.ts';
import { registerMembersCommand } from './commands/members.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerRedactCommand } from './commands/redact.ts';
import { registerReportCommand } from './commands/report.ts';
import { registerRetentionCommand } from './commands/retention.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerStatsCommand } from './commands/stats.ts';
import { registerSubjectAccessCommand } from './commands/subject-access.ts';
import { registerTokenCommands } from './commands/tokens.ts';
import { registerUsersCommand } from './commands/users.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The commands, one file each in commands/, in the order `oversight --help` lists them. */
const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerServeCommand,
  registerMigrateCommand,
  registerUsersCommand,
  registerTokenCommands,
  registerReportCommand,
  registerAuditCommand,
  registerDemoCommand,
  registerImportCommand,
  registerMembersCommand,
  registerStatsCommand,
  registerKeysCommand,
  registerSubjectAccessCommand,
  registerRetentionCommand,
  registerRedactCommand,
  registerEisCommands,
  registerBackupCommands,
];

/** The `oversight` program with every command, not yet run (tests build it and look). */
export function buildProgram(): Command {
  const program = new Command('oversight')
    .description('Oversight: case management and transparency for civilian police oversight')
    .showHelpAfterError();
  for (const register of COMMANDS) {
    register(program);
  }
  return program;
}

/** The errors a person at the console caused and can fix: their message alone, no stack. */
const OPERATOR_ERRORS = [
  ConfigError,
  MapFileError,
  DataDirLockedError,
  BackupRefusedError,
  InvalidArgumentError,
];

/**
 * Runs the program on `argv` (node's: the first two are the interpreter and the script) and
 * sets the exit status: 1 after a failure, said in one line where the operator can fix it.
 */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (err) {
    if (OPERATOR_ERRORS.some((kind) => err instanceof kind)) {
      console.error(`oversight: ${(err as Error).message}`);
    } else if (err instanceof AppError) {
      console.error(`oversight: ${err.message} (${err.code})`);
    } else {
      console.error(err);
    }
    process.exitCode = 1;
  }
}

// bin/oversight.js runs the program; the package scripts, the e2e server and the CLI tests run
// this file directly (`node --import tsx src/cli/main.ts …`): then, and never on import, it runs
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runCli(process.argv);
}
