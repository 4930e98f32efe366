import type { Queryable } from '../db/client.ts';
import type { Agency, Role } from '../../shared/enums.ts';
import { insertRows, firstRow } from './sql.ts';

/** A live session joined to its (active) user. */
export interface SessionUserRow {
  session_id: string;
  csrf_secret: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  jurisdiction: string;
  email: string;
  display_name: string;
  agency: Agency;
  roles: Role[];
}

/** Stores a new session (the token itself is never stored, only its hash). */
export async function insertSession(
  tx: Queryable,
  s: {
    id: string;
    jurisdiction: string;
    userId: string;
    tokenHash: string;
    csrfSecret: string;
    createdAt: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await insertRows(
    tx,
    'sessions',
    [
      'id',
      'jurisdiction',
      'user_id',
      'token_hash',
      'csrf_secret',
      'created_at',
      'last_seen_at',
      'expires_at',
      'ip',
      'user_agent',
    ],
    [
      [
        s.id,
        s.jurisdiction,
        s.userId,
        s.tokenHash,
        s.csrfSecret,
        s.createdAt,
        s.createdAt,
        s.expiresAt,
        s.ip,
        s.userAgent,
      ],
    ],
  );
}

/**
 * The session behind a token hash if it is live at `now`: not revoked, before its absolute
 * expiry, seen within the idle timeout, and its user not disabled.
 */
export async function findLiveSession(
  db: Queryable,
  tokenHash: string,
  now: Date,
  idleMs: number,
): Promise<SessionUserRow | undefined> {
  return firstRow<SessionUserRow>(
    db,
    `SELECT s.id AS session_id, s.csrf_secret, s.created_at, s.last_seen_at, s.expires_at,
            u.id AS user_id, u.jurisdiction, u.email, u.display_name, u.agency, u.roles
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2
        AND s.last_seen_at > $3 AND u.disabled_at IS NULL`,
    [tokenHash, now, new Date(now.getTime() - idleMs)],
    // every request of a signed-in browser reads it: planned once per connection (ADR 0059)
    { reusePlan: true },
  );
}

/** Moves the idle window forward. */
export async function touchSession(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND revoked_at IS NULL AND last_seen_at < $2`,
    [sessionId, now],
  );
}

/** Ends a session; returns false when it was already ended. */
export async function revokeSession(
  tx: Queryable,
  sessionId: string,
  now: Date,
  reason: string,
): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE sessions SET revoked_at = $2, revoked_reason = $3
      WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
    [sessionId, now, reason],
  );
  return rows.length > 0;
}

/** One live session of a user, for their list of signed-in devices. */
export interface LiveSessionRow {
  id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

/** A user's live sessions, newest first (same liveness rules as {@link findLiveSession}). */
export async function listLiveSessions(
  db: Queryable,
  jurisdiction: string,
  userId: string,
  now: Date,
  idleMs: number,
): Promise<LiveSessionRow[]> {
  return db.query<LiveSessionRow>(
    `SELECT id, created_at, last_seen_at, expires_at, ip, user_agent FROM sessions
      WHERE jurisdiction = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > $3
        AND last_seen_at > $4
      ORDER BY created_at DESC, id`,
    [jurisdiction, userId, now, new Date(now.getTime() - idleMs)],
  );
}

/** The id of the unrevoked session behind a token hash (rotation on sign-in). */
export async function findSessionIdByHash(
  db: Queryable,
  jurisdiction: string,
  tokenHash: string,
): Promise<string | undefined> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM sessions WHERE token_hash = $1 AND jurisdiction = $2 AND revoked_at IS NULL`,
    [tokenHash, jurisdiction],
  );
  return rows[0]?.id;
}

/**
 * Ends a user's unrevoked sessions (all, or all but `except`), with the reason; returns the ids.
 * Only `sessionId` set: ends that one session if it is the user's.
 */
export async function revokeUserSessions(
  tx: Queryable,
  opts: {
    jurisdiction: string;
    userId: string;
    now: Date;
    reason: string;
    except?: string | null;
    sessionId?: string;
  },
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE sessions SET revoked_at = $3, revoked_reason = $4
      WHERE jurisdiction = $1 AND user_id = $2 AND revoked_at IS NULL
        AND ($5::uuid IS NULL OR id <> $5::uuid) AND ($6::uuid IS NULL OR id = $6::uuid)
      RETURNING id`,
    [
      opts.jurisdiction,
      opts.userId,
      opts.now,
      opts.reason,
      opts.except ?? null,
      opts.sessionId ?? null,
    ],
  );
  return rows.map((r) => r.id).sort();
}
