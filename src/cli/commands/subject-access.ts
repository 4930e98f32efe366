import { InvalidArgumentError, type Command } from 'commander';
import { exportSubjectAccess } from '../../server/commands/subject-access.ts';
import { bundle } from '../../server/services.ts';
import { withRuntime } from '../runtime.ts';

/**
 * `oversight subject-access`: everything held about one person (ADR 0017). They run as the system (whoever can run the CLI holds the keys and the
 * database already); every one of them is audited.
 */
export function registerSubjectAccessCommand(program: Command): void {
  program
    .command('subject-access <party-ids...>')
    .description(
      'print (JSON) everything held about one person, by their party ids; other people only by role; audited',
    )
    .action(async (partyIds: string[]) => {
      for (const id of partyIds) {
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
          throw new InvalidArgumentError(`not a party id (UUID): ${id}`);
        }
      }
      const out = await withRuntime('oversight subject-access', (rt) =>
        exportSubjectAccess(bundle(rt), partyIds),
      );
      console.log(JSON.stringify(out, null, 2));
    });
}
