import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { actorFromRow, type Actor } from '../policies/actor.ts';
import { findLiveToken } from '../repositories/tokens.repository.ts';
import { findLiveSession, touchSession } from '../repositories/sessions.repository.ts';
import { hashToken } from '../security/credentials.ts';
import {
  CSRF_HEADER,
  SESSION_COOKIE,
  csrfMatches,
  looksLikeSessionToken,
  sessionCookieOptions,
  type SessionSettings,
} from '../security/sessions.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';

/** The browser session a request authenticated with (null for bearer tokens). */
export interface RequestSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated staff member, set by the auth hook on /api/v1 routes. */
    actor: Actor | null;
    /** The session cookie's session, when the request authenticated with one. */
    session: RequestSession | null;
  }
  interface FastifyContextConfig {
    /** `none`: the route authenticates nothing itself (sign-in). Default: required. */
    auth?: 'none';
  }
}

/** `<scheme> <token>`; the scheme is compared case-insensitively (RFC 7235 §2.1). */
const CREDENTIALS = /^(\S+)[ \t]+(ovs_[A-Za-z0-9_-]{43})$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** last_seen_at is written at most once a minute per session: reads should not all be writes. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Authentication for the staff API: a bearer token (`Authorization: Bearer ovs_…`), or the
 * session cookie set by `POST /api/v1/session`. Tokens and sessions are looked up by SHA-256
 * hash; unknown, expired, revoked or disabled-user credentials all answer 401. A cookie is sent
 * by the browser automatically, so every unsafe method authenticated by it must also carry the
 * session's CSRF token in `x-csrf-token` (OWASP CSRF cheat sheet: synchronizer token), or 403.
 */
export function registerAuth(
  app: FastifyInstance,
  opts: { db: Db; jurisdiction: string; now: () => Date; sessions: SessionSettings },
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config.auth === 'none') {
      return;
    }
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = CREDENTIALS.exec(header);
      if (!match || match[1]!.toLowerCase() !== 'bearer') {
        throw new UnauthenticatedError();
      }
      const user = await findLiveToken(opts.db, hashToken(match[2]!), opts.now());
      if (!user || user.jurisdiction !== opts.jurisdiction) {
        throw new UnauthenticatedError('The bearer token is not valid.');
      }
      // the authorization table reads the scopes: a token does only what roles AND scopes allow
      request.actor = actorFromRow(user.id, user, user.scopes);
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) {
      throw new UnauthenticatedError('Sign in, or send a bearer token.');
    }
    const now = opts.now();
    const found = looksLikeSessionToken(cookie)
      ? await findLiveSession(opts.db, hashToken(cookie), now, opts.sessions.idleMinutes * 60_000)
      : undefined;
    if (!found || found.jurisdiction !== opts.jurisdiction) {
      // an ended session: tell the browser to drop the cookie too
      void reply.clearCookie(
        SESSION_COOKIE,
        sessionCookieOptions(isSecure(request, opts.sessions)),
      );
      throw new UnauthenticatedError('Your session has ended. Sign in again.');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (!csrfMatches(typeof sent === 'string' ? sent : undefined, found.csrf_secret)) {
        throw new ForbiddenError(
          'csrf_token_invalid',
          'The x-csrf-token header is missing or does not match your session.',
        );
      }
    }
    if (now.getTime() - new Date(found.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await touchSession(opts.db, found.session_id, now);
    }
    request.session = {
      id: found.session_id,
      csrfToken: found.csrf_secret,
      expiresAt: new Date(found.expires_at),
    };
    request.actor = actorFromRow(found.user_id, found);
  });
}

/** Whether the session cookie must be marked Secure for this request. */
export function isSecure(request: FastifyRequest, settings: SessionSettings): boolean {
  return settings.secureCookies || request.protocol === 'https';
}

/** The actor of an authenticated request (the hook guarantees one on /api/v1). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new UnauthenticatedError();
  }
  return request.actor;
}
