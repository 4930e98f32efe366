import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../../server/config/config.ts';
import { applyRetention, changeLegalHold } from '../../server/commands/retention.ts';
import { bundle } from '../../server/services.ts';
import { withRuntime } from '../runtime.ts';

/**
 * `oversight retention run|hold`: civilian identities on closed cases (ADR 0017). They run as the system (whoever can run the CLI holds the keys and the
 * database already); every one of them is audited.
 */
export function registerRetentionCommand(program: Command): void {
  const retention = program
    .command('retention')
    .description('retention of civilian identities on closed cases');
  retention
    .command('run')
    .description(
      'purge the identity fields of cases closed longer than OVERSIGHT_IDENTITY_RETENTION_YEARS (never open or held cases)',
    )
    .option('--dry-run', 'only count what would be purged')
    .action(async (opts: { dryRun?: boolean }) => {
      const config = loadConfig();
      if (config.identityRetentionYears === undefined) {
        throw new InvalidArgumentError(
          'no retention period is configured: set OVERSIGHT_IDENTITY_RETENTION_YEARS (years after closure)',
        );
      }
      const years = config.identityRetentionYears;
      const r = await withRuntime('oversight retention run', (rt) =>
        applyRetention(bundle(rt), { years, dryRun: Boolean(opts.dryRun) }),
      );
      console.log(
        `${r.dryRun ? 'DRY RUN: would purge' : 'purged'} the identities of ${r.parties} part(y/ies) on ${r.cases} case(s) closed before ${r.closedBefore} (${r.years} years); ${r.heldCases} case(s) kept by a legal hold`,
      );
    });
  retention
    .command('hold <log-number>')
    .description('put a case under a legal hold (never purged), or --release it')
    .option('--release', 'release the hold')
    .action(async (logNumber: string, opts: { release?: boolean }) => {
      const hold = !opts.release;
      const r = await withRuntime('oversight retention hold', (rt) =>
        changeLegalHold(bundle(rt), logNumber, hold),
      );
      console.log(
        `${logNumber}: legal hold ${hold ? 'on' : 'off'}${r.changed ? '' : ' (unchanged)'}`,
      );
    });
}
