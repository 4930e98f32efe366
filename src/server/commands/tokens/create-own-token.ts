import {
  checkedScopes,
  expiryOf,
  issue,
  ownContext,
  type CreatedToken,
  type OwnTokenDeps,
  type TokenRequest,
} from './token-lifecycle.ts';

/**
 * A token for the signed-in staff member (web session only: a token never makes tokens). It
 * always expires, within the maximum lifetime; its scopes never add to the holder's roles.
 */
export async function createOwnToken(
  deps: OwnTokenDeps,
  input: TokenRequest,
): Promise<CreatedToken> {
  const ctx = ownContext(deps);
  return issue(deps.db, ctx, deps.actor.id, deps.actor.email, {
    label: input.label ?? 'web',
    scopes: checkedScopes(input.scopes),
    expiresAt: expiryOf(ctx.at, input.expiresInDays, deps.tokens),
  });
}
