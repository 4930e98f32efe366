import { findUserByEmail } from '../../repositories/users.repository.ts';
import { listTokens } from '../../repositories/tokens.repository.ts';
import { NotFoundError } from '../../errors.ts';
import { summary, type SystemTokenDeps, type TokenSummary } from './token-lifecycle.ts';

/** Every token of the jurisdiction, or of one user (CLI `oversight tokens list`). */
export async function listAllTokens(
  deps: SystemTokenDeps,
  email?: string,
): Promise<TokenSummary[]> {
  let userId: string | undefined;
  if (email !== undefined) {
    const user = await findUserByEmail(deps.db, deps.jurisdiction, email);
    if (!user) {
      throw new NotFoundError(`User ${email}`, 'user_not_found');
    }
    userId = user.id;
  }
  return (await listTokens(deps.db, deps.jurisdiction, userId)).map(summary);
}
