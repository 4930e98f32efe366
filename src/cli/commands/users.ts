import { InvalidArgumentError, Option, type Command } from 'commander';
import { addUser } from '../../server/commands/users.ts';
import { provisionTotp } from '../../server/commands/second-factor.ts';
import { revokeAllSessionsOfUser } from '../../server/commands/sessions.ts';
import { bundle } from '../../server/services.ts';
import { ROLES, type Agency, type Role } from '../../shared/enums.ts';
import { withRuntime } from '../runtime.ts';
import { readStdin } from '../stdin.ts';

/** `oversight users add|totp|revoke-sessions`: staff accounts, run as the system. */
export function registerUsersCommand(program: Command): void {
  const users = program.command('users').description('staff accounts');
  users
    .command('add <email>')
    .description('create a staff user')
    .addOption(
      new Option('--role <role...>', 'one or more roles').choices(ROLES).makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--agency <agency>',
        "employing agency (a code of the profile's agencies)",
      ).makeOptionMandatory(),
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
        await withRuntime('oversight users add', async (rt) => {
          if (!Object.hasOwn(rt.profile.agencies, opts.agency)) {
            throw new InvalidArgumentError(
              `--agency must be one of ${Object.keys(rt.profile.agencies).join(', ')}`,
            );
          }
          const u = await addUser(bundle(rt), {
            email,
            agency: opts.agency,
            roles: opts.role,
            password,
            ...(opts.name ? { displayName: opts.name } : {}),
          });
          console.log(
            `created user ${u.email} (${opts.agency}: ${opts.role.join(', ')}) id ${u.id}`,
          );
        });
      },
    );

  users
    .command('totp <email>')
    .description(
      'provision (or reset) the TOTP second factor: prints the otpauth URI and the secret to hand to the user',
    )
    .action(async (email: string) => {
      await withRuntime('oversight users totp', async (rt) => {
        const r = await provisionTotp(bundle(rt), email);
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
      await withRuntime('oversight users revoke-sessions', async (rt) => {
        const r = await revokeAllSessionsOfUser(bundle(rt), { email });
        console.log(`ended ${r.revoked} session(s) of ${email}`);
      });
    });
}
