import type { Queryable } from '../db/client.ts';
import type { Agency, Role } from '../../shared/enums.ts';
import { insertRows, rowByKey, rowOf, updateById } from './sql.ts';

/** A user's TOTP state (the secret stays encrypted until the command decrypts it). */
export interface TotpState {
  totp_secret_enc: string | null;
  totp_enrolled_at: Date | null;
  totp_last_step: number | null;
}

/** The TOTP columns of a user; `lock` takes the row lock (the replay check runs under it). */
export const findTotpState = rowByKey<TotpState, [userId: string]>(
  `SELECT totp_secret_enc, totp_enrolled_at, totp_last_step FROM users`,
  ['id'],
);

/** Enrols (or re-enrols) a user: new encrypted secret, no step accepted yet unless given. */
export const setTotp = updateById<[secretEnc: string, enrolledAt: Date, lastStep: number | null]>(
  'users',
  ['totp_secret_enc', 'totp_enrolled_at', 'totp_last_step'],
);

/**
 * Records `step` as the last accepted time step, only if it is later than the last one: returns
 * false for a replayed (or older) code.
 */
export async function acceptTotpStep(
  tx: Queryable,
  userId: string,
  step: number,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE users SET totp_last_step = $2
      WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
    [userId, step],
  );
  return rows.length > 0;
}

/** Stores a pending sign-in challenge (its hash only). */
export async function insertChallenge(
  tx: Queryable,
  c: {
    id: string;
    jurisdiction: string;
    userId: string;
    tokenHash: string;
    purpose: 'verify' | 'enrol';
    pendingSecretEnc: string | null;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await insertRows(
    tx,
    'sign_in_challenges',
    [
      'id',
      'jurisdiction',
      'user_id',
      'token_hash',
      'purpose',
      'pending_secret_enc',
      'created_at',
      'expires_at',
    ],
    [
      [
        c.id,
        c.jurisdiction,
        c.userId,
        c.tokenHash,
        c.purpose,
        c.pendingSecretEnc,
        c.createdAt,
        c.expiresAt,
      ],
    ],
  );
}

/** A live challenge joined to its (active) user. */
export interface ChallengeRow {
  id: string;
  purpose: 'verify' | 'enrol';
  pending_secret_enc: string | null;
  expires_at: Date;
  user_id: string;
  email: string;
  display_name: string;
  agency: Agency;
  roles: Role[];
}

/** The unused, unexpired challenge behind a hash whose user is still active. */
export const findLiveChallenge = rowOf<
  ChallengeRow,
  [jurisdiction: string, tokenHash: string, now: Date]
>(
  `SELECT c.id, c.purpose, c.pending_secret_enc, c.expires_at,
            u.id AS user_id, u.email, u.display_name, u.agency, u.roles
       FROM sign_in_challenges c JOIN users u ON u.id = c.user_id
      WHERE c.token_hash = $2 AND c.jurisdiction = $1 AND c.used_at IS NULL
        AND c.expires_at > $3 AND u.disabled_at IS NULL`,
);

/** Uses a challenge up; false when another request used it first. */
export async function useChallenge(tx: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE sign_in_challenges SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id`,
    [id, now],
  );
  return rows.length > 0;
}

/** Ends every open challenge of a user (a reset factor must not be confirmable by an old one). */
export async function dropChallenges(tx: Queryable, userId: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE sign_in_challenges SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`,
    [userId, now],
  );
}
