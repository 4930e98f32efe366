import { findUserByEmail } from '../../repositories/users.repository.ts';
import { NotFoundError } from '../../errors.ts';
import {
  checkedScopes,
  DEFAULT_TOKEN_SETTINGS,
  expiryOf,
  issue,
  type CreatedToken,
  type SystemTokenDeps,
  type TokenRequest,
} from './token-lifecycle.ts';
import { systemAuditContext } from '../context.ts';

/**
 * Issues a bearer token for a user (CLI `oversight tokens create`, demo, tests); the secret is
 * returned once and only its hash is stored. It expires after the default lifetime unless told
 * otherwise, never beyond the maximum; `neverExpires` is for the administrator at the console
 * only (no API reaches it), and the audit row records it.
 */
export async function createToken(
  deps: SystemTokenDeps,
  input: TokenRequest & { email: string; neverExpires?: boolean },
): Promise<CreatedToken> {
  const settings = deps.tokens ?? DEFAULT_TOKEN_SETTINGS;
  const user = await findUserByEmail(deps.db, deps.jurisdiction, input.email);
  if (!user || user.disabled_at) {
    throw new NotFoundError(`Active user ${input.email}`, 'user_not_found');
  }
  const now = deps.now();
  return issue(deps.db, systemAuditContext(deps.jurisdiction, now), user.id, user.email, {
    label: input.label ?? 'cli',
    scopes: checkedScopes(input.scopes),
    expiresAt: input.neverExpires ? null : expiryOf(now, input.expiresInDays, settings),
  });
}
