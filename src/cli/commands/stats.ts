import type { Command } from 'commander';
import { caseStats } from '../../server/repositories/stats.repository.ts';
import { withRuntime } from '../runtime.ts';

/** `oversight stats`: case counts by stage. */
export function registerStatsCommand(program: Command): void {
  program
    .command('stats')
    .description('case statistics')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const stats = await withRuntime('oversight stats', (rt) =>
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
}
