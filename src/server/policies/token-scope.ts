import type { Role, TokenScope } from '../../shared/enums.ts';
import { ForbiddenError } from '../errors.ts';

/*
 * API-token scopes (ADR 0016): a token never does more than its user's roles allow, and no more
 * than its scopes name. Which scope each action needs is in the grant tables
 * (`authorization.ts` CASE_ACTION_SCOPES, each `global-grants.ts` GLOBAL_GRANTS row); the check is
 * here.
 */

/** Who asks: the roles always; the scopes only when the request carries an API token. */
export interface Grantee {
  roles: readonly Role[];
  /** The token's scopes; null or absent for a browser session (the roles alone decide). */
  scopes?: readonly TokenScope[] | null;
}

/** Raised when the roles allow an action but the request's API token is not scoped for it. */
export class TokenScopeError extends ForbiddenError {
  constructor(readonly scope: TokenScope) {
    super(
      'token_scope_insufficient',
      `This API token does not carry the ${scope} scope this action needs.`,
    );
  }
}

/** Whether the request's token (if any) carries `scope`. A session carries every scope. */
export function scopeAllows(who: Grantee, scope: TokenScope): boolean {
  return !who.scopes || who.scopes.includes(scope);
}

/** Throws {@link TokenScopeError} unless the request's token (if any) carries `scope`. */
export function requireScope(who: Grantee, scope: TokenScope): void {
  if (!scopeAllows(who, scope)) {
    throw new TokenScopeError(scope);
  }
}
