import crypto from 'node:crypto';
import { TOKEN_SCOPES, type TokenScope } from '../../../shared/enums.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../policies/actor.ts';
import { AuditAction, recordAudit, type AuditContext } from '../../audit/audit.ts';
import {
  insertToken,
  lockToken,
  revokeToken,
  type TokenRow,
} from '../../repositories/tokens.repository.ts';
import { generateToken } from '../../security/credentials.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';

/*
 * What the token use cases share (ADR 0016): the lifetimes, the summary shown instead of the
 * secret, the checks on a request, and issuing and revoking with their audit rows. Each use case
 * is a file of this folder.
 */

/** Token lifetimes (config.ts: OVERSIGHT_TOKEN_DEFAULT_DAYS, OVERSIGHT_TOKEN_MAX_DAYS). */
export interface TokenSettings {
  /** Days a token lives when its creator names no lifetime. */
  defaultDays: number;
  /** The longest lifetime anyone may ask for. */
  maxDays: number;
}

/** 90 days by default, a year at most (ADR 0016). */
export const DEFAULT_TOKEN_SETTINGS: TokenSettings = { defaultDays: 90, maxDays: 365 };

/** A token as lists and the API show it: no secret, no hash. */
export interface TokenSummary {
  id: string;
  email: string;
  label: string;
  scopes: TokenScope[];
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** What creating a token returns: the secret, shown this once. */
export interface CreatedToken extends TokenSummary {
  token: string;
}

export interface TokenRequest {
  label?: string | undefined;
  /** Default: every scope (the holder's roles still limit what the token does). */
  scopes?: readonly TokenScope[] | undefined;
  expiresInDays?: number | undefined;
}

export function summary(r: TokenRow): TokenSummary {
  return {
    id: r.id,
    email: r.email,
    label: r.label,
    scopes: r.scopes,
    createdAt: new Date(r.created_at),
    expiresAt: r.expires_at ? new Date(r.expires_at) : null,
    revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
  };
}

export function checkedScopes(scopes: readonly TokenScope[] | undefined): TokenScope[] {
  const list = [...new Set(scopes ?? TOKEN_SCOPES)];
  if (list.length === 0) {
    throw new ValidationError('token_scopes_empty', 'A token needs at least one scope.', [
      { field: 'scopes', message: 'name at least one scope' },
    ]);
  }
  const unknown = list.filter((s) => !TOKEN_SCOPES.includes(s));
  if (unknown.length > 0) {
    throw new ValidationError('token_scope_unknown', `Unknown scope: ${unknown.join(', ')}.`, [
      { field: 'scopes', message: `one of ${TOKEN_SCOPES.join(', ')}` },
    ]);
  }
  return list;
}

/** The expiry of a new token: the default lifetime, never beyond the maximum. */
export function expiryOf(now: Date, days: number | undefined, settings: TokenSettings): Date {
  const d = days ?? settings.defaultDays;
  if (!Number.isInteger(d) || d < 1 || d > settings.maxDays) {
    throw new ValidationError(
      'token_lifetime_invalid',
      `A token lives 1 to ${settings.maxDays} days.`,
      [{ field: 'expiresInDays', message: `a whole number from 1 to ${settings.maxDays}` }],
    );
  }
  return new Date(now.getTime() + d * 86_400_000);
}

export async function issue(
  db: Db,
  ctx: AuditContext,
  userId: string,
  email: string,
  input: { label: string; scopes: TokenScope[]; expiresAt: Date | null },
): Promise<CreatedToken> {
  return db.transaction(async (tx) => {
    const { token, hash } = generateToken();
    const id = crypto.randomUUID();
    await insertToken(tx, {
      id,
      jurisdiction: ctx.jurisdiction,
      userId,
      tokenHash: hash,
      label: input.label,
      scopes: input.scopes,
      createdAt: ctx.at,
      expiresAt: input.expiresAt,
    });
    await recordAudit(tx, ctx, {
      action: AuditAction.token_created,
      entityType: 'api_token',
      entityId: id,
      changes: {
        userId,
        label: input.label,
        scopes: input.scopes,
        expiresAt: input.expiresAt?.toISOString() ?? null,
      },
    });
    return {
      id,
      email,
      label: input.label,
      scopes: input.scopes,
      createdAt: ctx.at,
      expiresAt: input.expiresAt,
      revokedAt: null,
      token,
    };
  });
}

/** Revokes a token (of `ownerId` only, when given), audited; twice is harmless. */
export async function revoke(
  db: Db,
  ctx: AuditContext,
  id: string,
  ownerId: string | null,
): Promise<TokenSummary> {
  return db.transaction(async (tx) => {
    const row = await lockToken(tx, ctx.jurisdiction, id);
    if (!row || (ownerId !== null && row.user_id !== ownerId)) {
      throw new NotFoundError('The token', 'token_not_found');
    }
    if (row.revoked_at) {
      return summary(row);
    }
    await revokeToken(tx, id, ctx.at);
    await recordAudit(tx, ctx, {
      action: AuditAction.token_revoked,
      entityType: 'api_token',
      entityId: id,
      changes: { userId: row.user_id },
    });
    return { ...summary(row), revokedAt: ctx.at };
  });
}

/** Dependencies of the administrative token commands the CLI runs as `system`. */
export interface SystemTokenDeps {
  db: Db;
  now: () => Date;
  jurisdiction: string;
  tokens?: TokenSettings;
}

/** Dependencies of the self-service token commands (a signed-in staff member). */
export interface OwnTokenDeps {
  db: Db;
  now: () => Date;
  actor: Actor;
  ip: string | null;
  jurisdiction: string;
  tokens: TokenSettings;
}

/** The audit context of a self-service token command. */
export const ownContext = (deps: OwnTokenDeps): AuditContext => ({
  jurisdiction: deps.jurisdiction,
  actor: deps.actor,
  ip: deps.ip,
  at: deps.now(),
});
