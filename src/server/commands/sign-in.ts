import crypto from 'node:crypto';
import type { Db, Queryable } from '../db/client.ts';
import { actorFromRow, type Actor } from '../policies/actor.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import {
  countFailedSignIn,
  findUserCredentials,
  isLocked,
  resetSignInFailures,
  setLockedUntil,
} from '../repositories/users.repository.ts';
import { lockedUntil } from '../security/lockout.ts';
import {
  findSessionIdByHash,
  insertSession,
  revokeSession,
} from '../repositories/sessions.repository.ts';
import {
  acceptTotpStep,
  findLiveChallenge,
  findTotpState,
  insertChallenge,
  setTotp,
  useChallenge,
} from '../repositories/second-factor.repository.ts';
import { hashPassword, hashToken, verifyPassword } from '../security/credentials.ts';
import { generateSession, type SessionSettings } from '../security/sessions.ts';
import type { FieldCipher } from '../security/encryption.ts';
import {
  generateChallenge,
  matchTotpStep,
  newTotpSecret,
  otpauthUri,
  pendingSecretContext,
  totpSecretContext,
} from '../security/totp.ts';
import { requiresSecondFactor, SIGN_IN_CHALLENGE_MINUTES } from '../policies/authentication.ts';
import { UnauthenticatedError } from '../errors.ts';
import { auditContext, systemAuditContext } from './context.ts';

/** Dependencies of sign-in: no actor yet, the request's address for the audit row. */
export interface SignInDeps {
  db: Db;
  now: () => Date;
  jurisdiction: string;
  ip: string | null;
  userAgent: string | null;
  settings: SessionSettings;
  /** Decrypts and encrypts TOTP secrets (the field cipher). */
  cipher: FieldCipher;
}

/** What the route sets as the cookie and returns to the page. */
export interface SignInResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
}

/** Where the password step leaves the browser. */
export type PasswordOutcome =
  | { step: 'signed_in'; session: SignInResult }
  /** The user has TOTP: send the code with this challenge. */
  | { step: 'second_factor'; challenge: string; expiresAt: Date }
  /** The user's role requires TOTP and they have none: add this secret, then send a code. */
  | { step: 'enrolment'; challenge: string; expiresAt: Date; secret: string; otpauthUri: string };

/** Options of {@link signIn}. */
export interface SignInInput {
  email: string;
  password: string;
}

/** The hash of the session cookie the browser still holds, if any: rotated on sign-in. */
export type PreviousSession = string | null;

let dummyHash: Promise<string> | undefined;
/** A real argon2id hash to verify against when the email is unknown, so timing reveals nothing. */
function decoyHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  return dummyHash;
}

const BAD_CREDENTIALS = 'The email or password is not correct.';
const BAD_CODE = 'The code is not correct, was already used, or this sign-in has expired.';

/** Counts a failure (locking from the threshold) and audits it; returns nothing to the caller. */
async function recordFailure(
  tx: Queryable,
  deps: SignInDeps,
  now: Date,
  userId: string | null,
  reason: string,
  count: boolean,
): Promise<void> {
  let lockedNow: Date | null = null;
  if (userId && count) {
    lockedNow = lockedUntil(await countFailedSignIn(tx, userId), now);
    if (lockedNow) {
      await setLockedUntil(tx, userId, lockedNow);
    }
  }
  await recordAudit(tx, systemAuditContext(deps.jurisdiction, now, deps.ip), {
    action: AuditAction.session_sign_in_failed,
    entityType: 'user',
    // the typed email is not recorded: it may be a mistyped password
    entityId: userId ?? 'unknown',
    reason,
    ...(lockedNow ? { changes: { lockedUntil: lockedNow.toISOString() } } : {}),
  });
}

/**
 * The password step. A staff member signs in with email and password (argon2id). An unknown
 * email, a user without a password, a disabled user and a wrong password all answer the same 401
 * after the same work, so the answer does not tell which emails exist (OWASP authentication
 * guidance). Success and failure are both audited. From the fifth consecutive failure the account
 * is locked with backoff (security/lockout.ts); while locked even the right password gets the
 * same 401.
 *
 * A right password opens a session only for a user whose roles need no second factor and who has
 * none (policies/authentication.ts). Everyone else gets a short-lived one-time challenge: to send
 * a TOTP code with, or, when their role requires TOTP and they have none yet, together with a new
 * secret to enrol (ADR 0015). No session exists until the code is right, and the failure count is
 * not reset by the password alone, so a stolen password cannot be used to guess codes forever.
 */
export async function signIn(
  deps: SignInDeps,
  input: SignInInput,
  previous: PreviousSession = null,
): Promise<PasswordOutcome> {
  const user = await findUserCredentials(deps.db, deps.jurisdiction, input.email.trim());
  const now = deps.now();
  // a locked account does the same work and gets the same answer as a wrong password, so the
  // lock reveals nothing about which emails exist
  const locked = user ? await isLocked(deps.db, user.id, now) : false;
  const ok = user?.password_hash
    ? (await verifyPassword(user.password_hash, input.password)) && !locked
    : (await verifyPassword(await decoyHash(), input.password)) && false;
  if (!user || !ok) {
    await deps.db.transaction((tx) =>
      recordFailure(
        tx,
        deps,
        now,
        user?.id ?? null,
        !user ? 'unknown_user' : locked ? 'locked' : 'wrong_password',
        Boolean(user && !locked),
      ),
    );
    // a code of its own (one for unknown email, wrong password and lock alike), so a client can
    // say in its own language that the email or password is not right (issue 23 item 4)
    throw new UnauthenticatedError(BAD_CREDENTIALS, 'invalid_credentials');
  }
  const actor = actorFromRow(user.id, user);
  const totp = await findTotpState(deps.db, user.id);
  const enrolled = Boolean(totp?.totp_secret_enc && totp.totp_enrolled_at);
  if (!enrolled && !requiresSecondFactor(user.roles)) {
    const session = await deps.db.transaction((tx) => startSession(tx, deps, actor, now, previous));
    return { step: 'signed_in', session };
  }
  const challenge = generateChallenge();
  const challengeId = crypto.randomUUID();
  const expiresAt = new Date(now.getTime() + SIGN_IN_CHALLENGE_MINUTES * 60_000);
  const secret = enrolled ? null : newTotpSecret();
  await deps.db.transaction(async (tx) => {
    await insertChallenge(tx, {
      id: challengeId,
      jurisdiction: deps.jurisdiction,
      userId: user.id,
      tokenHash: challenge.hash,
      purpose: secret ? 'enrol' : 'verify',
      pendingSecretEnc: secret
        ? deps.cipher.encrypt(secret, pendingSecretContext(challengeId))
        : null,
      createdAt: now,
      expiresAt,
    });
    await recordAudit(tx, auditContext({ ...deps, actor }, now), {
      action: AuditAction.session_second_factor_pending,
      entityType: 'user',
      entityId: user.id,
      reason: secret ? 'enrolment_required' : 'code_required',
      changes: { expiresAt: expiresAt.toISOString() },
    });
  });
  return secret
    ? {
        step: 'enrolment',
        challenge: challenge.token,
        expiresAt,
        secret,
        otpauthUri: otpauthUri(secret, user.email),
      }
    : { step: 'second_factor', challenge: challenge.token, expiresAt };
}

/** Shape check before any lookup: a challenge that is not ours never reaches the database. */
function looksLikeChallenge(value: string): boolean {
  return /^ovsc_[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * The code step: the challenge from the password step and a 6-digit TOTP code (RFC 6238, one
 * step of clock drift either way). A code is accepted only for a time step later than the last
 * accepted one, so a code seen over a shoulder cannot be used again. Wrong and replayed codes
 * count toward the same lockout as wrong passwords and are audited; the challenge stays usable
 * until it expires or the account locks. On an enrolment challenge the right code confirms the
 * new secret, which is then stored encrypted. Either way the session starts here.
 */
export async function completeSignIn(
  deps: SignInDeps,
  input: { challenge: string; code: string },
  previous: PreviousSession = null,
): Promise<SignInResult> {
  const now = deps.now();
  const found = looksLikeChallenge(input.challenge)
    ? await findLiveChallenge(deps.db, deps.jurisdiction, hashToken(input.challenge), now)
    : undefined;
  if (!found) {
    await deps.db.transaction((tx) =>
      recordFailure(tx, deps, now, null, 'challenge_invalid', false),
    );
    throw new UnauthenticatedError(BAD_CODE);
  }
  const actor = actorFromRow(found.user_id, found);
  const outcome = await deps.db.transaction(
    async (tx): Promise<{ ok: true; session: SignInResult } | { ok: false }> => {
      // the user row lock serializes two codes sent at once: only one can take the step
      const state = await findTotpState(tx, found.user_id, { lock: true });
      if (await isLocked(tx, found.user_id, now)) {
        await recordFailure(tx, deps, now, found.user_id, 'locked', false);
        return { ok: false };
      }
      const secret =
        found.purpose === 'enrol'
          ? deps.cipher.decrypt(found.pending_secret_enc ?? '', pendingSecretContext(found.id))
          : state?.totp_secret_enc
            ? deps.cipher.decrypt(state.totp_secret_enc, totpSecretContext(found.user_id))
            : null;
      const step = secret ? matchTotpStep(secret, input.code, now) : null;
      const last = found.purpose === 'verify' ? (state?.totp_last_step ?? null) : null;
      if (step === null || (last !== null && step <= last)) {
        await recordFailure(
          tx,
          deps,
          now,
          found.user_id,
          step === null ? 'wrong_code' : 'replayed_code',
          true,
        );
        return { ok: false };
      }
      if (!(await useChallenge(tx, found.id, now))) {
        return { ok: false };
      }
      if (found.purpose === 'enrol' && secret) {
        await setTotp(
          tx,
          found.user_id,
          deps.cipher.encrypt(secret, totpSecretContext(found.user_id)),
          now,
          step,
        );
        await recordAudit(tx, auditContext({ ...deps, actor }, now), {
          action: AuditAction.totp_enrolled,
          entityType: 'user',
          entityId: found.user_id,
        });
      } else if (!(await acceptTotpStep(tx, found.user_id, step))) {
        return { ok: false };
      }
      return { ok: true, session: await startSession(tx, deps, actor, now, previous) };
    },
  );
  if (!outcome.ok) {
    throw new UnauthenticatedError(BAD_CODE);
  }
  return outcome.session;
}

/**
 * Opens a session after full authentication: clears the failure count, ends the session the
 * browser still held (rotation: a session id fixed before sign-in is never promoted, OWASP
 * session management), stores the new one (hash only), audits both.
 */
export async function startSession(
  tx: Queryable,
  deps: Omit<SignInDeps, 'cipher'>,
  actor: Actor,
  now: Date,
  previous: PreviousSession,
  /** Recorded in the audit row when the sign-in did not use the password (`oidc`). */
  method?: 'oidc',
): Promise<SignInResult> {
  const session = generateSession();
  const expiresAt = new Date(now.getTime() + deps.settings.absoluteHours * 3_600_000);
  const sessionId = crypto.randomUUID();
  // the rotation and the sign-in are one act of the person signing in: one context for both rows
  const audit = auditContext({ ...deps, actor }, now);
  await resetSignInFailures(tx, actor.id);
  const old = previous ? await findSessionIdByHash(tx, deps.jurisdiction, previous) : undefined;
  if (old && (await revokeSession(tx, old, now, 'rotated'))) {
    await recordAudit(tx, audit, {
      action: AuditAction.session_revoked,
      entityType: 'session',
      entityId: old,
      reason: 'rotated',
      changes: { replacedBy: sessionId },
    });
  }
  await insertSession(tx, {
    id: sessionId,
    jurisdiction: deps.jurisdiction,
    userId: actor.id,
    tokenHash: session.hash,
    csrfSecret: session.csrfSecret,
    createdAt: now,
    expiresAt,
    ip: deps.ip,
    userAgent: deps.userAgent?.slice(0, 300) ?? null,
  });
  await recordAudit(tx, audit, {
    action: AuditAction.session_signed_in,
    entityType: 'session',
    entityId: sessionId,
    changes: { ...(method ? { method } : {}), expiresAt: expiresAt.toISOString() },
  });
  return { token: session.token, csrfToken: session.csrfSecret, expiresAt, actor };
}

/** Ends the caller's session (sign-out), audited. Signing out twice is harmless. */
export async function signOut(
  deps: { db: Db; now: () => Date; jurisdiction: string; ip: string | null; actor: Actor },
  sessionId: string,
): Promise<void> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    if (!(await revokeSession(tx, sessionId, now, 'signed_out'))) {
      return;
    }
    await recordAudit(tx, auditContext(deps, now), {
      action: AuditAction.session_signed_out,
      entityType: 'session',
      entityId: sessionId,
    });
  });
}
