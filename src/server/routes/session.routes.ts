import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  RevokedOut,
  SecondFactorRequest,
  SessionListOut,
  SessionOut,
  SignInOut,
  SignInRequest,
} from '../../shared/schemas/session.ts';
import { Problem, Uuid } from '../../shared/schemas/common.ts';
import { signInDeps, type RouteContext } from './context.ts';
import { problemsOf, routeSchemas, signedOut } from './schema.ts';
import { completeSignIn, signIn, signOut, type SignInResult } from '../commands/sign-in.ts';
import {
  listOwnSessions,
  revokeAllSessionsOfUser,
  revokeOtherOwnSessions,
  revokeOwnSession,
  type SessionCommandDeps,
} from '../commands/sessions.ts';
import { hashToken } from '../security/credentials.ts';
import {
  SESSION_COOKIE,
  looksLikeSessionToken,
  sessionCookieOptions,
} from '../security/sessions.ts';
import type { SessionSettings } from '../security/sessions.ts';
import { actorOf, isSecure } from '../plugins/auth.ts';
import { UnauthenticatedError } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';

const spec = routeSchemas(['session'], problemsOf(400, 401, 403));

/** The hash of the session cookie the browser sent, if it looks like ours (for rotation). */
function previousSession(request: FastifyRequest): string | null {
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie && looksLikeSessionToken(cookie) ? hashToken(cookie) : null;
}

function presentUser(actor: Actor): SessionOut['user'] {
  return {
    id: actor.id,
    email: actor.email,
    displayName: actor.displayName,
    agency: actor.agency,
    roles: [...actor.roles],
  };
}

/** Browser sign-in, the current session, and sign-out (issue 4). */
export const sessionRoutes: FastifyPluginAsyncZod<{
  ctx: RouteContext;
  sessions: SessionSettings;
}> = async (app, { ctx, sessions }) => {
  const started = (request: FastifyRequest, reply: FastifyReply, r: SignInResult): SessionOut => {
    void reply.setCookie(
      SESSION_COOKIE,
      r.token,
      sessionCookieOptions(isSecure(request, sessions), sessions.absoluteHours * 3600),
    );
    return {
      user: presentUser(r.actor),
      csrfToken: r.csrfToken,
      expiresAt: r.expiresAt.toISOString(),
    };
  };
  const commandDeps = (request: FastifyRequest): SessionCommandDeps & { actor: Actor } => ({
    db: ctx.db,
    now: ctx.now,
    jurisdiction: ctx.jurisdiction,
    ip: request.ip,
    actor: actorOf(request),
  });

  app.post(
    '/session',
    signedOut(
      spec,
      'Sign in with email and password: a session, or the second-factor (or TOTP enrolment) step',
      {
        description:
          'Staff roles need a TOTP code after the password (ADR 0015): the answer then carries a one-time `challenge` (and, for a first sign-in, the new `secret` to enrol) and sets no cookie. Signing in while holding a session ends that session (rotation).',
        body: SignInRequest,
        response: { 200: SignInOut },
      },
    ),
    async (request, reply): Promise<SignInOut> => {
      const r = await signIn(
        signInDeps(ctx, request, sessions),
        request.body,
        previousSession(request),
      );
      if (r.step === 'signed_in') {
        return { step: 'signed_in', ...started(request, reply, r.session) };
      }
      if (r.step === 'second_factor') {
        return {
          step: 'second_factor',
          challenge: r.challenge,
          expiresAt: r.expiresAt.toISOString(),
        };
      }
      return {
        step: 'enrolment',
        challenge: r.challenge,
        expiresAt: r.expiresAt.toISOString(),
        secret: r.secret,
        otpauthUri: r.otpauthUri,
      };
    },
  );

  app.post(
    '/session/second-factor',
    signedOut(
      spec,
      'Send the TOTP code for a sign-in challenge (confirms enrolment on a first sign-in): sets the session cookie',
      { body: SecondFactorRequest, response: { 200: SessionOut } },
    ),
    async (request, reply) => {
      const r = await completeSignIn(
        signInDeps(ctx, request, sessions),
        request.body,
        previousSession(request),
      );
      return started(request, reply, r);
    },
  );

  app.get(
    '/session',
    spec('The signed-in user and the CSRF token of the current session', {
      response: { 200: SessionOut },
    }),
    async (request) => {
      const session = request.session;
      if (!session) {
        // a bearer token is not a browser session
        throw new UnauthenticatedError('No browser session: sign in.');
      }
      return {
        user: presentUser(actorOf(request)),
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
      };
    },
  );

  app.delete(
    '/session',
    spec('Sign out: ends the session and clears the cookie', { response: { 204: z.null() } }),
    async (request, reply) => {
      const session = request.session;
      if (!session) {
        throw new UnauthenticatedError('No browser session to end.');
      }
      await signOut(
        {
          db: ctx.db,
          now: ctx.now,
          jurisdiction: ctx.jurisdiction,
          ip: request.ip,
          actor: actorOf(request),
        },
        session.id,
      );
      void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(isSecure(request, sessions)));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/sessions',
    spec('The caller’s live browser sessions (devices signed in)', {
      response: { 200: SessionListOut },
    }),
    async (request) => {
      const rows = await listOwnSessions(commandDeps(request), sessions.idleMinutes);
      return {
        sessions: rows.map((r) => ({
          id: r.id,
          createdAt: new Date(r.created_at).toISOString(),
          lastSeenAt: new Date(r.last_seen_at).toISOString(),
          expiresAt: new Date(r.expires_at).toISOString(),
          ip: r.ip,
          userAgent: r.user_agent,
          current: r.id === request.session?.id,
        })),
      };
    },
  );

  app.delete(
    '/sessions',
    spec('End every session of the caller except the current one', {
      response: { 200: RevokedOut },
    }),
    async (request) => ({
      revoked: await revokeOtherOwnSessions(commandDeps(request), request.session?.id ?? null),
    }),
  );

  app.delete(
    '/sessions/:sessionId',
    spec('End one of the caller’s sessions (another device)', {
      params: z.strictObject({ sessionId: Uuid }),
      response: { 204: z.null(), 404: Problem },
    }),
    async (request, reply) => {
      await revokeOwnSession(commandDeps(request), request.params.sessionId);
      if (request.params.sessionId === request.session?.id) {
        void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(isSecure(request, sessions)));
      }
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/users/:userId/sessions',
    spec('Administrator: end every session of a user (takes effect on their next request)', {
      params: z.strictObject({ userId: Uuid }),
      response: { 200: RevokedOut, 404: Problem },
    }),
    async (request) => {
      const r = await revokeAllSessionsOfUser(commandDeps(request), { id: request.params.userId });
      return { revoked: r.revoked };
    },
  );
};
