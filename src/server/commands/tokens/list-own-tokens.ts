import { listTokens } from '../../repositories/tokens.repository.ts';
import { summary, type OwnTokenDeps, type TokenSummary } from './token-lifecycle.ts';

/** The signed-in staff member's own tokens, newest first. */
export async function listOwnTokens(deps: OwnTokenDeps): Promise<TokenSummary[]> {
  return (await listTokens(deps.db, deps.jurisdiction, deps.actor.id)).map(summary);
}
