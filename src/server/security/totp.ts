import crypto from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { hashToken } from './credentials.ts';

/** RFC 6238 parameters every authenticator app understands: SHA-1, 6 digits, 30 seconds. */
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
const ALGORITHM = 'SHA1';
/** One step either side: a phone clock up to 30 s off still works (RFC 6238 §5.2). */
const WINDOW = 1;
const ISSUER = 'Oversight';

/** A new random shared secret: 160 bits (RFC 4226 §4 recommends it), base32 for typing in. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The `otpauth://totp/…` URI an authenticator app reads (as text or as a QR code). */
export function otpauthUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The time step (RFC 6238 T) a moment falls in. */
export function timeStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step a code is valid for at `now` (within one step either side), or null. The caller
 * must still refuse a step at or below the last one accepted: that is what stops a replay.
 */
export function matchTotpStep(secret: string, code: string, now: Date): number | null {
  if (!/^[0-9]{6}$/.test(code)) {
    return null;
  }
  const delta = totp(secret, 'x').validate({
    token: code,
    timestamp: now.getTime(),
    window: WINDOW,
  });
  return delta === null ? null : timeStep(now) + delta;
}

/** The field-cipher context that binds an encrypted secret to its user row. */
export function totpSecretContext(userId: string): string {
  return `users.totp_secret_enc:${userId}`;
}

/** The context of a pending (enrolment) secret, bound to its challenge row. */
export function pendingSecretContext(challengeId: string): string {
  return `sign_in_challenges.pending_secret_enc:${challengeId}`;
}

/** A one-time sign-in challenge: 256 random bits (`ovsc_` prefix); only its hash is stored. */
export function generateChallenge(): { token: string; hash: string } {
  const token = `ovsc_${crypto.randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}
