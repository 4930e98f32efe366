import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionOut, SignInOut } from '../../shared/schemas/session.ts';
import { sessionApi } from '../../shared/api/session.ts';
import { signInDeps, type RouteContext } from './context.ts';
import { problemsOf, routeOf, routeSchemas, signedOut } from './schema.ts';
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

  app.route({
    ...routeOf(signedOut(spec), sessionApi.signIn),
    handler: async (request, reply): Promise<SignInOut> => {
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
  });

  app.route({
    ...routeOf(signedOut(spec), sessionApi.secondFactor),
    handler: async (request, reply) => {
      const r = await completeSignIn(
        signInDeps(ctx, request, sessions),
        request.body,
        previousSession(request),
      );
      return started(request, reply, r);
    },
  });

  app.route({
    ...routeOf(spec, sessionApi.current),
    handler: async (request) => {
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
  });

  app.route({
    ...routeOf(spec, sessionApi.signOut),
    handler: async (request, reply) => {
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
  });

  app.route({
    ...routeOf(spec, sessionApi.list),
    handler: async (request) => {
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
  });

  app.route({
    ...routeOf(spec, sessionApi.endOthers),
    handler: async (request) => ({
      revoked: await revokeOtherOwnSessions(commandDeps(request), request.session?.id ?? null),
    }),
  });

  app.route({
    ...routeOf(spec, sessionApi.end),
    handler: async (request, reply) => {
      await revokeOwnSession(commandDeps(request), request.params.sessionId);
      if (request.params.sessionId === request.session?.id) {
        void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(isSecure(request, sessions)));
      }
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...routeOf(spec, sessionApi.endAllOfUser),
    handler: async (request) => {
      const r = await revokeAllSessionsOfUser(commandDeps(request), { id: request.params.userId });
      return { revoked: r.revoked };
    },
  });
};
