import crypto from 'node:crypto';
import { hashToken } from './credentials.ts';

/** The cookie that carries the session id. */
export const SESSION_COOKIE = 'ovs_session';
/** The header that must echo the session's CSRF token on unsafe cookie-authenticated requests. */
export const CSRF_HEADER = 'x-csrf-token';

/** Session lifetimes (from config). */
export interface SessionSettings {
  /** A session unused this long ends (OWASP session management: idle timeout). */
  idleMinutes: number;
  /** A session ends this long after sign-in whatever its use (absolute timeout). */
  absoluteHours: number;
  /** Mark the cookie Secure even when the request arrived over plain HTTP (behind a TLS proxy). */
  secureCookies: boolean;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  idleMinutes: 30,
  absoluteHours: 12,
  secureCookies: false,
};

/**
 * A new session: the cookie value (256 random bits, `ovss_` prefix), the hash stored in its place,
 * and a separate CSRF secret. The two are independent so that knowing one reveals nothing of the
 * other.
 */
export function generateSession(): { token: string; hash: string; csrfSecret: string } {
  const token = `ovss_${crypto.randomBytes(32).toString('base64url')}`;
  return {
    token,
    hash: hashToken(token),
    csrfSecret: crypto.randomBytes(32).toString('base64url'),
  };
}

/** Shape check before any lookup: a cookie that is not ours never reaches the database. */
export function looksLikeSessionToken(value: string): boolean {
  return /^ovss_[A-Za-z0-9_-]{43}$/.test(value);
}

/** Constant-time comparison of the sent CSRF token with the session's secret. */
export function csrfMatches(sent: string | undefined, secret: string): boolean {
  if (!sent) {
    return false;
  }
  const a = Buffer.from(sent, 'utf8');
  const b = Buffer.from(secret, 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Cookie attributes. HttpOnly keeps scripts (and XSS) away from the id; SameSite=Strict keeps
 * other sites from sending it; Path=/ because the API and the pages share the origin.
 */
export function sessionCookieOptions(
  secure: boolean,
  maxAgeSeconds?: number,
): {
  httpOnly: true;
  sameSite: 'strict';
  path: '/';
  secure: boolean;
  maxAge?: number;
} {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}
