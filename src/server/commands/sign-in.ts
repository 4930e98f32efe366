import crypto from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Actor } from '../policies/actor.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import {
  countFailedSignIn,
  findUserCredentials,
  isLocked,
  resetSignInFailures,
  setLockedUntil,
} from '../repositories/users.repository.ts';
import { lockedUntil } from '../security/lockout.ts';
import { insertSession, revokeSession } from '../repositories/sessions.repository.ts';
import { hashPassword, verifyPassword } from '../security/credentials.ts';
import { generateSession, type SessionSettings } from '../security/sessions.ts';
import { UnauthenticatedError } from '../errors.ts';

/** Dependencies of sign-in: no actor yet, the request's address for the audit row. */
export interface SignInDeps {
  db: Db;
  now: () => Date;
  jurisdiction: string;
  ip: string | null;
  userAgent: string | null;
  settings: SessionSettings;
}

/** What the route sets as the cookie and returns to the page. */
export interface SignInResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
}

/** Options of {@link signIn}. */
export interface SignInInput {
  email: string;
  password: string;
}

let dummyHash: Promise<string> | undefined;
/** A real argon2id hash to verify against when the email is unknown, so timing reveals nothing. */
function decoyHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  return dummyHash;
}

const BAD_CREDENTIALS = 'The email or password is not correct.';

/**
 * Signs a staff member in with email and password (argon2id). An unknown email, a user without a
 * password, a disabled user and a wrong password all answer the same 401 after the same work, so
 * the answer does not tell which emails exist (OWASP authentication guidance). Success and
 * failure are both audited. From the fifth consecutive failure the account is locked with
 * backoff (security/lockout.ts); while locked even the right password gets the same 401.
 */
export async function signIn(deps: SignInDeps, input: SignInInput): Promise<SignInResult> {
  const user = await findUserCredentials(deps.db, deps.jurisdiction, input.email.trim());
  const now = deps.now();
  // a locked account does the same work and gets the same answer as a wrong password, so the
  // lock reveals nothing about which emails exist
  const locked = user ? await isLocked(deps.db, user.id, now) : false;
  const ok = user?.password_hash
    ? (await verifyPassword(user.password_hash, input.password)) && !locked
    : (await verifyPassword(await decoyHash(), input.password)) && false;
  if (!user || !ok) {
    await deps.db.transaction(async (tx) => {
      let lockedNow: Date | null = null;
      if (user && !locked) {
        lockedNow = lockedUntil(await countFailedSignIn(tx, user.id), now);
        if (lockedNow) {
          await setLockedUntil(tx, user.id, lockedNow);
        }
      }
      await recordAudit(
        tx,
        { jurisdiction: deps.jurisdiction, actor: 'system', ip: deps.ip, at: now },
        {
          action: AuditAction.session_sign_in_failed,
          entityType: 'user',
          // the typed email is not recorded: it may be a mistyped password
          entityId: user?.id ?? 'unknown',
          reason: !user ? 'unknown_user' : locked ? 'locked' : 'wrong_password',
          ...(lockedNow ? { changes: { lockedUntil: lockedNow.toISOString() } } : {}),
        },
      );
    });
    throw new UnauthenticatedError(BAD_CREDENTIALS);
  }
  const actor: Actor = {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    agency: user.agency,
    roles: user.roles,
  };
  const session = generateSession();
  const expiresAt = new Date(now.getTime() + deps.settings.absoluteHours * 3_600_000);
  const sessionId = crypto.randomUUID();
  await deps.db.transaction(async (tx) => {
    await resetSignInFailures(tx, user.id);
    await insertSession(tx, {
      id: sessionId,
      jurisdiction: deps.jurisdiction,
      userId: user.id,
      tokenHash: session.hash,
      csrfSecret: session.csrfSecret,
      createdAt: now,
      expiresAt,
      ip: deps.ip,
      userAgent: deps.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(
      tx,
      { jurisdiction: deps.jurisdiction, actor, ip: deps.ip, at: now },
      {
        action: AuditAction.session_signed_in,
        entityType: 'session',
        entityId: sessionId,
        changes: { expiresAt: expiresAt.toISOString() },
      },
    );
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
    await recordAudit(
      tx,
      { jurisdiction: deps.jurisdiction, actor: deps.actor, ip: deps.ip, at: now },
      { action: AuditAction.session_signed_out, entityType: 'session', entityId: sessionId },
    );
  });
}
