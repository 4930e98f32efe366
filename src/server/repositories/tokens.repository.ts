import type { Queryable } from '../db/client.ts';
import type { Agency, Role, TokenScope } from '../../shared/enums.ts';
import { insertRows, lockedRowByKey, rowOf } from './sql.ts';

/** One API token as lists show it: never the secret, never its hash. */
export interface TokenRow {
  id: string;
  user_id: string;
  email: string;
  label: string;
  scopes: TokenScope[];
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
}

/** Stores a new token (the secret itself is never stored, only its SHA-256). */
export async function insertToken(
  tx: Queryable,
  t: {
    id: string;
    jurisdiction: string;
    userId: string;
    tokenHash: string;
    label: string;
    scopes: readonly TokenScope[];
    createdAt: Date;
    expiresAt: Date | null;
  },
): Promise<void> {
  await insertRows(
    tx,
    'api_tokens',
    ['id', 'jurisdiction', 'user_id', 'token_hash', 'label', 'scopes', 'created_at', 'expires_at'],
    [
      [
        t.id,
        t.jurisdiction,
        t.userId,
        t.tokenHash,
        t.label,
        [...t.scopes],
        t.createdAt,
        t.expiresAt,
      ],
    ],
  );
}

/** A live token's scopes with its user. */
export interface LiveTokenRow {
  token_id: string;
  scopes: TokenScope[];
  id: string;
  jurisdiction: string;
  email: string;
  display_name: string;
  agency: Agency;
  roles: Role[];
}

/** The live token behind a hash and its active user: not revoked, not expired, user enabled. */
export const findLiveToken = rowOf<LiveTokenRow, [tokenHash: string, now: Date]>(
  `SELECT t.id AS token_id, t.scopes, u.id, u.jurisdiction, u.email, u.display_name, u.agency, u.roles
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)
        AND u.disabled_at IS NULL`,
  // every request signed with a token reads it: planned once per connection (ADR 0059)
  { reusePlan: true },
);

const LIST_COLUMNS = `t.id, t.user_id, u.email, t.label, t.scopes, t.created_at, t.expires_at, t.revoked_at`;

/** The tokens of a jurisdiction, or of one user, newest first (no secret, no hash). */
export async function listTokens(
  db: Queryable,
  jurisdiction: string,
  userId?: string,
): Promise<TokenRow[]> {
  return db.query<TokenRow>(
    `SELECT ${LIST_COLUMNS}
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.jurisdiction = $1 AND ($2::uuid IS NULL OR t.user_id = $2::uuid)
      ORDER BY t.created_at DESC, t.id`,
    [jurisdiction, userId ?? null],
  );
}

/** One token, locked for revocation. */
export const lockToken = lockedRowByKey<TokenRow, [jurisdiction: string, id: string]>(
  `SELECT ${LIST_COLUMNS}
       FROM api_tokens t JOIN users u ON u.id = t.user_id`,
  ['t.jurisdiction', 't.id'],
  't',
);

/** Marks a token revoked at `now`; revoking twice keeps the first time. */
export async function revokeToken(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx.query(`UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [
    id,
    now,
  ]);
}
