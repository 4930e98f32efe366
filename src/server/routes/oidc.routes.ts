import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Problem } from '../../shared/schemas/common.ts';
import { signInDeps, type RouteContext } from './context.ts';
import { sessionApi } from '../../shared/api/session.ts';
import { routeOf, routeSchemas, signedOut } from './schema.ts';
import { OIDC_FAILED, recordOidcFailure, signInWithOidc } from '../commands/oidc-sign-in.ts';
import { isSecure } from '../plugins/auth.ts';
import { OidcRejectedError, type OidcClient, type OidcFlow } from '../security/oidc.ts';
import {
  SESSION_COOKIE,
  sessionCookieOptions,
  type SessionSettings,
} from '../security/sessions.ts';
import { UnauthenticatedError } from '../errors.ts';

/** The cookie carrying state, nonce and PKCE verifier from start to callback. */
export const OIDC_FLOW_COOKIE = 'ovs_oidc';
const FLOW_PATH = '/api/v1/session/oidc';
const FLOW_SECONDS = 600;
const STAFF_HOME = '/staff/';
const UNAVAILABLE = '/staff/?signin=oidc_unavailable';
const tags = ['session'];
/** Documented with the session routes; the flow routes answer redirects, not problems. */
const spec = routeSchemas(tags, {});

/**
 * The flow cookie: HttpOnly, only sent to the two OIDC routes, ten minutes. SameSite=Lax because
 * the provider's redirect back is a cross-site top-level GET; the values in it are random and
 * single-use, so another site can neither read nor usefully plant them (state binds the answer
 * to this browser: OpenID Connect Core §3.1.2.1, RFC 9700 §4.7).
 */
function flowCookie(secure: boolean, maxAge?: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: FLOW_PATH,
    secure,
    ...(maxAge !== undefined ? { maxAge } : {}),
  };
}

function readFlow(value: string | undefined): OidcFlow | null {
  if (!value || value.length > 1000) {
    return null;
  }
  try {
    const parsed = z
      .strictObject({
        state: z.string().min(16).max(200),
        nonce: z.string().min(16).max(200),
        verifier: z.string().min(43).max(128),
      })
      .safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Sign-in through the organization's OpenID Connect provider (ADR 0016), and the list of
 * sign-in methods the sign-in page shows. Without OIDC settings the two flow routes send the
 * browser back to the sign-in page.
 */
export const oidcRoutes: FastifyPluginAsyncZod<{
  ctx: RouteContext;
  sessions: SessionSettings;
  oidc: OidcClient | null;
}> = async (app, { ctx, sessions, oidc }) => {
  app.route({
    ...routeOf(signedOut(spec), sessionApi.methods),
    handler: async () => ({ password: true, oidc: oidc !== null }),
  });

  app.get(
    '/session/oidc/start',
    {
      config: { auth: 'none' },
      schema: {
        tags,
        summary: 'Sign in with your organization: redirects to the OpenID Connect provider',
        security: [],
      },
    },
    async (request, reply: FastifyReply) => {
      if (!oidc) {
        return reply.redirect(UNAVAILABLE, 303);
      }
      let started: Awaited<ReturnType<OidcClient['start']>>;
      try {
        started = await oidc.start();
      } catch (err) {
        request.log.warn({ err }, 'OpenID Connect provider unavailable');
        return reply.redirect(UNAVAILABLE, 303);
      }
      void reply.setCookie(
        OIDC_FLOW_COOKIE,
        Buffer.from(JSON.stringify(started.flow), 'utf8').toString('base64url'),
        flowCookie(isSecure(request, sessions), FLOW_SECONDS),
      );
      return reply.redirect(started.url.href, 303);
    },
  );

  app.get(
    '/session/oidc/callback',
    signedOut(spec)('Where the provider sends the browser back: verifies, then opens a session', {
      response: { 401: Problem },
    }),
    async (request, reply: FastifyReply) => {
      if (!oidc) {
        return reply.redirect(UNAVAILABLE, 303);
      }
      const flow = readFlow(request.cookies[OIDC_FLOW_COOKIE]);
      // single use: the flow cookie goes whatever the outcome
      void reply.clearCookie(OIDC_FLOW_COOKIE, flowCookie(isSecure(request, sessions)));
      const deps = signInDeps(ctx, request, sessions);
      if (!flow) {
        await recordOidcFailure(deps, 'no_flow');
        throw new UnauthenticatedError(OIDC_FAILED);
      }
      const q = request.url.indexOf('?');
      let identity: Awaited<ReturnType<OidcClient['finish']>>;
      try {
        identity = await oidc.finish(q >= 0 ? request.url.slice(q) : '', flow);
      } catch (err) {
        const reason = err instanceof OidcRejectedError ? err.reason : 'provider_error';
        await recordOidcFailure(deps, reason);
        throw new UnauthenticatedError(OIDC_FAILED);
      }
      const r = await signInWithOidc(deps, identity);
      void reply.setCookie(
        SESSION_COOKIE,
        r.token,
        sessionCookieOptions(isSecure(request, sessions), sessions.absoluteHours * 3600),
      );
      return reply.redirect(STAFF_HOME, 303);
    },
  );
};
