import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../../server/config/config.ts';
import { bundle } from '../../server/services.ts';
import { wholeNumber, withRuntime } from '../runtime.ts';
import { createToken } from '../../server/commands/tokens/create-token.ts';
import { listAllTokens } from '../../server/commands/tokens/list-all-tokens.ts';
import { revokeAnyToken } from '../../server/commands/tokens/revoke-any-token.ts';
import { type TokenSummary } from '../../server/commands/tokens/token-lifecycle.ts';
import { TOKEN_SCOPES, type TokenScope } from '../../shared/enums.ts';

function parseScopes(v: string): TokenScope[] {
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = list.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
  if (list.length === 0 || bad.length > 0) {
    throw new InvalidArgumentError(`scopes are a comma list of: ${TOKEN_SCOPES.join(', ')}`);
  }
  return list as TokenScope[];
}

const parseDays = wholeNumber(1, Infinity, 'must be a whole number of days, 1 or more');

function state(t: TokenSummary, now: Date): string {
  if (t.revokedAt) {
    return `revoked ${t.revokedAt.toISOString()}`;
  }
  if (!t.expiresAt) {
    return 'active, never expires';
  }
  return t.expiresAt > now ? `active until ${t.expiresAt.toISOString()}` : 'expired';
}

/**
 * `oversight tokens create|list|revoke` (ADR 0016). The secret is printed once, alone on stdout;
 * lists show id, owner, label, scopes and state, never the secret or its hash.
 */
export function registerTokenCommands(program: Command): void {
  const tokens = program.command('tokens').description('API bearer tokens (scoped, expiring)');
  tokens
    .command('create <email>')
    .description('issue a bearer token (printed once, alone on the last line)')
    .option(
      '--scope <list>',
      `comma list of scopes (default: all; the user's roles still limit the token): ${TOKEN_SCOPES.join(',')}`,
      parseScopes,
    )
    .option(
      '--expires-days <n>',
      'expire after N days (default and maximum from config)',
      parseDays,
    )
    .option('--no-expiry', 'never expire (administrators only; prefer an expiry)')
    .option('--label <label>', 'what the token is for', 'cli')
    .action(
      async (
        email: string,
        opts: { scope?: TokenScope[]; expiresDays?: number; expiry: boolean; label: string },
      ) => {
        if (!opts.expiry && opts.expiresDays !== undefined) {
          throw new InvalidArgumentError('--no-expiry and --expires-days exclude each other');
        }
        const config = loadConfig();
        await withRuntime(
          'oversight tokens create',
          async (rt) => {
            const t = await createToken(
              { ...bundle(rt), tokens: config.tokens },
              {
                email,
                label: opts.label,
                scopes: opts.scope,
                expiresInDays: opts.expiresDays,
                neverExpires: !opts.expiry,
              },
            );
            console.error(
              `token ${t.id} for ${t.email} [${t.scopes.join(',')}], ${t.expiresAt ? `expires ${t.expiresAt.toISOString()}` : 'NEVER expires'} (store it now: it is not shown again):`,
            );
            console.log(t.token);
          },
          {},
          config,
        );
      },
    );
  tokens
    .command('list [email]')
    .description('list tokens (all, or one user’s): id, owner, label, scopes, state; never secrets')
    .option('--json', 'print JSON')
    .action(async (email: string | undefined, opts: { json?: boolean }) => {
      await withRuntime('oversight tokens list', async (rt) => {
        const list = await listAllTokens(bundle(rt), email);
        if (opts.json) {
          console.log(JSON.stringify(list, null, 2));
          return;
        }
        const now = new Date();
        for (const t of list) {
          console.log([t.id, t.email, t.label, t.scopes.join(','), state(t, now)].join('\t'));
        }
        if (list.length === 0) {
          console.error('no tokens');
        }
      });
    });
  tokens
    .command('revoke <id>')
    .description('revoke a token by id (audited)')
    .action(async (id: string) => {
      await withRuntime('oversight tokens revoke', async (rt) => {
        const t = await revokeAnyToken(bundle(rt), id);
        console.log(`revoked token ${t.id} of ${t.email} (${t.label})`);
      });
    });
}
