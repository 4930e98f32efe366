import type { Db } from '../db/client.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { findUserByEmail } from '../repositories/users.repository.ts';
import {
  dropChallenges,
  findTotpState,
  setTotp,
} from '../repositories/second-factor.repository.ts';
import type { FieldCipher } from '../security/encryption.ts';
import { newTotpSecret, otpauthUri, totpSecretContext } from '../security/totp.ts';
import { NotFoundError } from '../errors.ts';
import { systemAuditContext } from './context.ts';

/** What an administrator hands to the user: the secret and its otpauth URI. */
export interface ProvisionedTotp {
  email: string;
  secret: string;
  otpauthUri: string;
  /** The user had a factor before: this one replaced it. */
  replaced: boolean;
}

/**
 * Provisions a TOTP factor for a user (CLI: `oversight users totp <email>`, run by an
 * administrator on the server, ADR 0015). A new random secret is stored encrypted and is
 * enrolled at once: the administrator passes it to the user out of band. Running it again
 * resets the factor (a lost phone); pending sign-in challenges of the user end, so an old
 * enrolment page cannot confirm a secret the administrator replaced. Audited as `system`; the
 * secret itself is never in the audit row.
 */
export async function provisionTotp(
  deps: { db: Db; now: () => Date; jurisdiction: string; cipher: FieldCipher },
  email: string,
  opts: { secret?: string } = {},
): Promise<ProvisionedTotp> {
  return deps.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, deps.jurisdiction, email.trim());
    if (!user || user.disabled_at) {
      throw new NotFoundError(`Active user ${email}`, 'user_not_found');
    }
    const now = deps.now();
    const before = await findTotpState(tx, user.id, { lock: true });
    const replaced = Boolean(before?.totp_secret_enc);
    const secret = opts.secret ?? newTotpSecret();
    await setTotp(tx, user.id, deps.cipher.encrypt(secret, totpSecretContext(user.id)), now, null);
    await dropChallenges(tx, user.id, now);
    await recordAudit(tx, systemAuditContext(deps.jurisdiction, now), {
      action: AuditAction.totp_provisioned,
      entityType: 'user',
      entityId: user.id,
      reason: replaced ? 'reset' : 'provisioned',
    });
    return { email: user.email, secret, otpauthUri: otpauthUri(secret, user.email), replaced };
  });
}

/** A user's current TOTP secret, decrypted (the demo prints its users' secrets; nothing else). */
export async function readTotpSecret(
  deps: { db: Db; jurisdiction: string; cipher: FieldCipher },
  email: string,
): Promise<string | null> {
  const user = await findUserByEmail(deps.db, deps.jurisdiction, email);
  const state = user ? await findTotpState(deps.db, user.id) : undefined;
  return user && state?.totp_secret_enc
    ? deps.cipher.decrypt(state.totp_secret_enc, totpSecretContext(user.id))
    : null;
}
