import { z } from 'zod';
import { TOKEN_SCOPES } from '../enums.ts';
import { Instant, Text, Uuid } from './common.ts';

/** POST /api/v1/tokens — a token for the signed-in staff member (shown once). */
export const TokenCreateRequest = z.strictObject({
  /** What the token is for ("nightly export"), shown in lists. */
  label: Text(1, 100),
  /** What the token may be used for; its holder's roles still limit it (ADR 0016). */
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).max(TOKEN_SCOPES.length),
  /** Lifetime in days; the server's default when absent, never beyond its maximum. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type TokenCreateRequest = z.infer<typeof TokenCreateRequest>;

/** A token as lists show it: never the secret, never its hash. */
export const TokenOut = z.object({
  id: Uuid,
  label: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: Instant,
  /** Null only for a token an administrator issued without expiry at the console. */
  expiresAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
export type TokenOut = z.infer<typeof TokenOut>;

/** GET /api/v1/tokens response. */
export const TokenList = z.object({ items: z.array(TokenOut) });
export type TokenList = z.infer<typeof TokenList>;

/** POST /api/v1/tokens response: the secret, this once. */
export const TokenCreatedOut = TokenOut.extend({
  /** `ovs_…`: send as `Authorization: Bearer <token>`. Not shown again. */
  token: z.string(),
});
export type TokenCreatedOut = z.infer<typeof TokenCreatedOut>;

/** GET /api/v1/session/methods — how staff may sign in here (the sign-in page asks). */
export const SignInMethods = z.object({
  password: z.boolean(),
  /** Sign in with your organization (OpenID Connect), when configured. */
  oidc: z.boolean(),
});
export type SignInMethods = z.infer<typeof SignInMethods>;
