import type { Queryable } from '../db/client.ts';
import type { Agency, Role } from '../../shared/enums.ts';
import { insertRows, rowByKey, rowOf } from './sql.ts';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  agency: Agency;
  roles: Role[];
  disabled_at: Date | null;
}

const COLUMNS = 'id, email, display_name, agency, roles, disabled_at';

export async function insertUser(
  tx: Queryable,
  u: {
    id: string;
    jurisdiction: string;
    email: string;
    displayName: string;
    agency: Agency;
    roles: Role[];
    passwordHash: string | null;
    createdAt: Date;
  },
): Promise<void> {
  await insertRows(
    tx,
    'users',
    [
      'id',
      'jurisdiction',
      'email',
      'display_name',
      'agency',
      'roles',
      'password_hash',
      'created_at',
    ],
    [
      [
        u.id,
        u.jurisdiction,
        u.email,
        u.displayName,
        u.agency,
        u.roles,
        u.passwordHash,
        u.createdAt,
      ],
    ],
  );
}

export const findUserByEmail = rowOf<UserRow, [jurisdiction: string, email: string]>(
  `SELECT ${COLUMNS} FROM users WHERE jurisdiction = $1 AND email = lower($2)`,
);

export const findUserById = rowByKey<UserRow, [jurisdiction: string, id: string]>(
  `SELECT ${COLUMNS} FROM users`,
  ['jurisdiction', 'id'],
);

/** An active user with the password hash, for sign-in only. */
export interface UserCredentialsRow {
  id: string;
  email: string;
  display_name: string;
  agency: Agency;
  roles: Role[];
  password_hash: string | null;
}

/** The password hash of an active user, for sign-in only. */
export const findUserCredentials = rowOf<UserCredentialsRow, [jurisdiction: string, email: string]>(
  `SELECT id, email, display_name, agency, roles, password_hash FROM users
      WHERE jurisdiction = $1 AND email = lower($2) AND disabled_at IS NULL`,
);

/** Sets a password for a user who has none (demo data directories made before sign-in). */
export async function setPasswordIfMissing(
  db: Queryable,
  jurisdiction: string,
  email: string,
  passwordHash: string,
): Promise<void> {
  await db.query(
    `UPDATE users SET password_hash = $3 WHERE jurisdiction = $1 AND email = lower($2) AND password_hash IS NULL`,
    [jurisdiction, email, passwordHash],
  );
}

/** Whether the account is locked at `now` (lockout with backoff, migration 0007). */
export async function isLocked(db: Queryable, userId: string, now: Date): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM users WHERE id = $1 AND locked_until > $2`, [
    userId,
    now,
  ]);
  return rows.length > 0;
}

/** Counts one more failed sign-in and returns the new count (under the row lock). */
export async function countFailedSignIn(tx: Queryable, userId: string): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `UPDATE users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = $1 RETURNING failed_sign_ins AS n`,
    [userId],
  );
  return rows[0]?.n ?? 0;
}

export async function setLockedUntil(tx: Queryable, userId: string, until: Date): Promise<void> {
  await tx.query(`UPDATE users SET locked_until = $2 WHERE id = $1`, [userId, until]);
}

/** A successful sign-in clears the failure count and any lock. */
export async function resetSignInFailures(tx: Queryable, userId: string): Promise<void> {
  await tx.query(
    `UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1 AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)`,
    [userId],
  );
}
