import { NotFoundError } from '../../errors.ts';
import { revoke, type SystemTokenDeps, type TokenSummary } from './token-lifecycle.ts';
import { systemAuditContext } from '../context.ts';

/** Revokes any token by id (CLI `oversight tokens revoke`), audited; twice is harmless. */
export async function revokeAnyToken(deps: SystemTokenDeps, id: string): Promise<TokenSummary> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new NotFoundError('The token', 'token_not_found');
  }
  return revoke(deps.db, systemAuditContext(deps.jurisdiction, deps.now()), id, null);
}
