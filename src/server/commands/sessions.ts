import type { Db } from '../db/client.ts';
import type { Actor } from '../policies/actor.ts';
import { allowedGlobally, GlobalAction } from '../policies/global-grants.ts';
import { AuditAction, recordAudit } from '../audit/audit.ts';
import { findUserByEmail, findUserById } from '../repositories/users.repository.ts';
import {
  listLiveSessions,
  revokeUserSessions,
  type LiveSessionRow,
} from '../repositories/sessions.repository.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';

/** What the session commands need: the caller (or `system` from the CLI) and the clock. */
export interface SessionCommandDeps {
  db: Db;
  now: () => Date;
  jurisdiction: string;
  ip: string | null;
  actor: Actor | 'system';
}

/** The caller's own live sessions (their own data: no audit row, like reading their profile). */
export function listOwnSessions(
  deps: SessionCommandDeps & { actor: Actor },
  idleMinutes: number,
): Promise<LiveSessionRow[]> {
  return listLiveSessions(
    deps.db,
    deps.jurisdiction,
    deps.actor.id,
    deps.now(),
    idleMinutes * 60_000,
  );
}

async function revokeAndAudit(
  deps: SessionCommandDeps,
  userId: string,
  reason: string,
  scope: { except?: string | null; sessionId?: string },
): Promise<string[]> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const ids = await revokeUserSessions(tx, {
      jurisdiction: deps.jurisdiction,
      userId,
      now,
      reason,
      ...scope,
    });
    for (const id of ids) {
      await recordAudit(
        tx,
        { jurisdiction: deps.jurisdiction, actor: deps.actor, ip: deps.ip, at: now },
        {
          action: AuditAction.session_revoked,
          entityType: 'session',
          entityId: id,
          reason,
          changes: { userId },
        },
      );
    }
    return ids;
  });
}

/**
 * Ends one of the caller's own sessions (a lost laptop). Someone else's session, or one that has
 * already ended, is a 404: the ids of other people's sessions are not confirmed.
 */
export async function revokeOwnSession(
  deps: SessionCommandDeps & { actor: Actor },
  sessionId: string,
): Promise<void> {
  const ids = await revokeAndAudit(deps, deps.actor.id, 'revoked_by_user', { sessionId });
  if (ids.length === 0) {
    throw new NotFoundError(`Session ${sessionId}`, 'session_not_found');
  }
}

/** Ends every session of the caller except the one making the request; returns how many. */
export async function revokeOtherOwnSessions(
  deps: SessionCommandDeps & { actor: Actor },
  currentSessionId: string | null,
): Promise<number> {
  return (
    await revokeAndAudit(deps, deps.actor.id, 'revoked_by_user', { except: currentSessionId })
  ).length;
}

/**
 * An administrator ends every session of a user (a compromised or departing account), through
 * the API or the CLI (`oversight users revoke-sessions <email>`). Takes effect on the user's next
 * request: the auth hook reads the session row every time.
 */
export async function revokeAllSessionsOfUser(
  deps: SessionCommandDeps,
  user: { id: string } | { email: string },
): Promise<{ userId: string; revoked: number }> {
  if (deps.actor !== 'system' && !allowedGlobally(deps.actor, GlobalAction.revokeUserSessions)) {
    throw new ForbiddenError('forbidden', 'Only an administrator may end another user’s sessions.');
  }
  const found =
    'id' in user
      ? await findUserById(deps.db, deps.jurisdiction, user.id)
      : await findUserByEmail(deps.db, deps.jurisdiction, user.email.trim());
  if (!found) {
    throw new NotFoundError('User', 'user_not_found');
  }
  const ids = await revokeAndAudit(deps, found.id, 'revoked_by_admin', {});
  return { userId: found.id, revoked: ids.length };
}
