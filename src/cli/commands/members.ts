import type { Command } from 'commander';
import { loadConfig, type Config } from '../../server/config/config.ts';
import { computeNetworkOf, withRuntime } from '../runtime.ts';

/** Recomputes the member figures of every population and says what each took (ADR 0035). */
export async function recomputeMemberNetwork(config: Config = loadConfig()): Promise<void> {
  const result = await withRuntime('oversight members network', computeNetworkOf, {}, config);
  for (const p of result) {
    console.log(
      `member network ${p.population}: ${p.members} members rated, ${p.links} co-accusal links, ${(p.durationMs / 1000).toFixed(1)} s`,
    );
  }
}

/** `oversight members network`: the nightly recomputation of the member figures (ADR 0035). */
export function registerMembersCommand(program: Command): void {
  const members = program.command('members').description('member histories');
  members
    .command('network')
    .description(
      'recompute complaints per service-year and the co-accusal network (degree, betweenness) of every population from the whole history; run nightly (import chicago runs it after a change)',
    )
    .action(() => recomputeMemberNetwork());
}
