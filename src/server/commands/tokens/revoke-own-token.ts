import { ownContext, revoke, type OwnTokenDeps, type TokenSummary } from './token-lifecycle.ts';

/** Revokes one of the signed-in staff member's own tokens; anyone else's answers 404. */
export async function revokeOwnToken(deps: OwnTokenDeps, id: string): Promise<TokenSummary> {
  return revoke(deps.db, ownContext(deps), id, deps.actor.id);
}
