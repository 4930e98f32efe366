import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SessionOut, SignInRequest } from '../../shared/schemas/session.ts';
import { Problem } from '../../shared/schemas/common.ts';
import type { RouteContext } from '../app.ts';
import { signIn, signOut } from '../commands/sign-in.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../security/sessions.ts';
import type { SessionSettings } from '../security/sessions.ts';
import { actorOf, isSecure } from '../plugins/auth.ts';
import { UnauthenticatedError } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem };
const tags = ['session'];

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
  app.post(
    '/session',
    {
      config: { auth: 'none' },
      schema: {
        tags,
        summary: 'Sign in with email and password: sets the session cookie, returns the CSRF token',
        security: [],
        body: SignInRequest,
        response: { 200: SessionOut, ...problems },
      },
    },
    async (request, reply) => {
      const r = await signIn(
        {
          db: ctx.db,
          now: ctx.now,
          jurisdiction: ctx.jurisdiction,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          settings: sessions,
        },
        request.body,
      );
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
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags,
        summary: 'The signed-in user and the CSRF token of the current session',
        response: { 200: SessionOut, ...problems },
      },
    },
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
    {
      schema: {
        tags,
        summary: 'Sign out: ends the session and clears the cookie',
        response: { 204: z.null(), ...problems },
      },
    },
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
};
