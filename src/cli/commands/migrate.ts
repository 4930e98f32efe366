import type { Command } from 'commander';
import { migrate } from '../../server/db/migrate.ts';
import { withRuntime } from '../runtime.ts';

/** `oversight migrate`: apply pending database migrations (and nothing else). */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const { applied } = await withRuntime('oversight migrate', (rt) => migrate(rt.db), {
        migrate: false,
      });
      console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'database is up to date');
    });
}
