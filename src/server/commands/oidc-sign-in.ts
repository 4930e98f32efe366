import { actorFromRow, type Actor } from '../policies/actor.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { findUserByEmail } from '../repositories/users.repository.ts';
import { startSession, type SignInDeps } from './sign-in.ts';
import type { OidcIdentity } from '../security/oidc.ts';
import { UnauthenticatedError } from '../errors.ts';
import { systemAuditContext } from './context.ts';

/** Dependencies of an OpenID Connect sign-in: no actor yet, the request's address for audit. */
export type OidcSignInDeps = Omit<SignInDeps, 'cipher'>;

/** The same answer as a wrong password: the reply tells nothing about which accounts exist. */
export const OIDC_FAILED = 'The email or password is not correct.';

/** Records a refused OpenID Connect sign-in (no email: it may belong to someone outside). */
export async function recordOidcFailure(
  deps: OidcSignInDeps,
  reason: string,
  userId?: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await recordAudit(tx, systemAuditContext(deps.jurisdiction, deps.now(), deps.ip), {
      action: AuditAction.session_sign_in_failed,
      entityType: 'user',
      entityId: userId ?? 'unknown',
      reason: `oidc_${reason}`.slice(0, 100),
      changes: { method: 'oidc' },
    });
  });
}

/**
 * Opens a browser session for the staff member whose email the provider verified (ADR 0016).
 * Accounts are never created here: an email that is not an active staff user of this
 * jurisdiction answers the same 401 as a wrong password, audited. The second factor is the
 * provider's (its own MFA; `OVERSIGHT_OIDC_REQUIRE_AMR` can demand it in the id_token).
 */
export async function signInWithOidc(
  deps: OidcSignInDeps,
  identity: OidcIdentity,
): Promise<{ token: string; csrfToken: string; expiresAt: Date; actor: Actor }> {
  const user = await findUserByEmail(deps.db, deps.jurisdiction, identity.email);
  if (!user || user.disabled_at) {
    await recordOidcFailure(deps, 'unknown_user', user?.id);
    throw new UnauthenticatedError(OIDC_FAILED);
  }
  const now = deps.now();
  const actor = actorFromRow(user.id, user);
  // the one way a session starts (commands/sign-in.ts): the same row, audit and failure reset
  return deps.db.transaction((tx) => startSession(tx, deps, actor, now, null, 'oidc'));
}
