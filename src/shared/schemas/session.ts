import { z } from 'zod';
import { AGENCIES, ROLES } from '../enums.ts';
import { Instant, Uuid } from './common.ts';

/** POST /api/v1/session — sign in with email and password. */
export const SignInRequest = z.strictObject({
  /** The staff member's email. */
  email: z.string().trim().min(3).max(254),
  /** Their password (never logged, never stored: argon2id verification only). */
  password: z.string().min(1).max(1024),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/** The signed-in staff member. */
export const SessionUser = z.object({
  id: Uuid,
  email: z.string(),
  /** Name shown in the header. */
  displayName: z.string(),
  agency: z.enum(AGENCIES),
  roles: z.array(z.enum(ROLES)),
});
export type SessionUser = z.infer<typeof SessionUser>;

/** POST/GET /api/v1/session response. */
export const SessionOut = z.object({
  user: SessionUser,
  /** Send back in the `x-csrf-token` header on every POST, PATCH, PUT and DELETE. */
  csrfToken: z.string(),
  /** The absolute expiry; an idle session ends earlier. */
  expiresAt: Instant,
});
export type SessionOut = z.infer<typeof SessionOut>;
