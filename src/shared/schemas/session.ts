import { z } from 'zod';
import { ROLES } from '../enums.ts';
import { AgencyCode, Instant, Uuid } from './common.ts';

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
  agency: AgencyCode,
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

/** A one-time sign-in challenge from the password step (256 random bits). */
export const SignInChallenge = z.string().regex(/^ovsc_[A-Za-z0-9_-]{43}$/);

/** POST /api/v1/session response: signed in, or one more step (ADR 0015). */
export const SignInOut = z.discriminatedUnion('step', [
  SessionOut.extend({
    /** The session cookie is set; no second factor was needed. */
    step: z.literal('signed_in'),
  }),
  z.object({
    /** Send a 6-digit code from the authenticator app to /api/v1/session/second-factor. */
    step: z.literal('second_factor'),
    challenge: SignInChallenge,
    /** The challenge ends at this moment: sign in again after it. */
    expiresAt: Instant,
  }),
  z.object({
    /** The role requires TOTP and none is set up: add the secret, then send a code. */
    step: z.literal('enrolment'),
    challenge: SignInChallenge,
    expiresAt: Instant,
    /** The new shared secret, base32: shown once, to type into an authenticator app. */
    secret: z.string(),
    /** The same secret as an `otpauth://totp/…` URI (what a QR code would hold). */
    otpauthUri: z.string(),
  }),
]);
export type SignInOut = z.infer<typeof SignInOut>;

/** POST /api/v1/session/second-factor — the code step. */
export const SecondFactorRequest = z.strictObject({
  /** The challenge from the password step. */
  challenge: z.string().min(1).max(100),
  /** The 6-digit TOTP code (RFC 6238); spaces are ignored. */
  code: z
    .string()
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^[0-9]{6}$/, 'Enter the 6 digits from your authenticator app.')),
});
export type SecondFactorRequest = z.infer<typeof SecondFactorRequest>;

/** One of the caller's live browser sessions. */
export const SessionInfo = z.object({
  id: Uuid,
  createdAt: Instant,
  lastSeenAt: Instant,
  expiresAt: Instant,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** GET /api/v1/sessions response. */
export const SessionListOut = z.object({ sessions: z.array(SessionInfo) });
export type SessionListOut = z.infer<typeof SessionListOut>;

/** DELETE /api/v1/sessions and DELETE /api/v1/users/:userId/sessions response. */
export const RevokedOut = z.object({ revoked: z.number().int() });
export type RevokedOut = z.infer<typeof RevokedOut>;
