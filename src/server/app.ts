import type { MailSettings } from './letters/mailer.ts';
import { routeContext } from './routes/context.ts';
import { letterRoutes } from './routes/letters.routes.ts';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from './db/client.ts';
import { watchPublication, type PublicationCache } from './plugins/public-cache.ts';
import { vocabulariesOf, type JurisdictionProfile } from './domain/profiles/profile.ts';
import type { FieldCipher } from './security/encryption.ts';
import type { AuditSigningKey } from './audit/checkpoints.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { responseSerializerCompiler } from './plugins/response-serializer.ts';
import { DEFAULT_SIGN_IN_LIMIT, limitScope, type RateLimitSetting } from './plugins/rate-limits.ts';
import { registerAuth } from './plugins/auth.ts';
import { frameworkErrors, registerErrorHandler } from './plugins/error-handler.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { registerMetrics, type MetricsAccess } from './plugins/metrics.ts';
import { caseRoutes } from './routes/cases.routes.ts';
import { memberRoutes } from './routes/members.routes.ts';
import { statementRoutes } from './routes/statements.routes.ts';
import { pressInquiryRoutes } from './routes/press-inquiries.routes.ts';
import { narrativeReviewRoutes } from './routes/narrative-review.routes.ts';
import { facilityRoutes } from './routes/facilities.routes.ts';
import { eisRoutes } from './routes/eis.routes.ts';
import { reportRoutes } from './routes/reports.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { privacyRoutes } from './routes/privacy.routes.ts';
import { accessRoutes } from './routes/access.routes.ts';
import { sessionRoutes } from './routes/session.routes.ts';
import { dashboardRoutes } from './routes/dashboard.routes.ts';
import { tokenRoutes } from './routes/tokens.routes.ts';
import { oidcRoutes } from './routes/oidc.routes.ts';
import { DEFAULT_TOKEN_SETTINGS, type TokenSettings } from './commands/tokens/token-lifecycle.ts';
import { createOidcClient, type OidcSettings } from './security/oidc.ts';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './security/sessions.ts';
import {
  DEFAULT_PUBLIC_OPTIONS,
  publicRoutes,
  type PublicPortalOptions,
} from './routes/public/public.routes.ts';
import { useVocabularies } from '../shared/schemas/common.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The public door's answers kept per change of what is public (ADR 0037). */
    publication: PublicationCache;
  }
}

/** What the app needs from the outside world; tests pass their own. */
export interface AppDeps {
  db: Db;
  cipher: FieldCipher;
  profile: JurisdictionProfile;
  jurisdiction: string;
  now?: () => Date;
  bodyLimit?: number;
  logLevel?: string;
  /** Log destination (tests capture it to prove personal data never reaches the log). */
  logStream?: NodeJS.WritableStream;
  /** Verifies (and may sign) audit checkpoints; without it checkpoints are not checked. */
  auditKey?: AuditSigningKey;
  /** Sign-in attempts per address and window (default 20 per 15 minutes). */
  signInRateLimit?: RateLimitSetting;
  /** Told of every route as it is registered (the generated authorization test lists them). */
  onRoute?: (route: { method: string; url: string }) => void;
  /** Browser-session lifetimes and cookie flags (defaults: 30 min idle, 12 h absolute). */
  sessions?: SessionSettings;
  /** Folder of the built web app (dist/web); pages are served only when it holds index.html. */
  webRoot?: string;
  /** Public portal settings (suppression threshold, statistics refresh, rate limits). */
  publicPortal?: Partial<PublicPortalOptions>;
  /** API token lifetimes (default 90 days, at most 365). */
  tokens?: TokenSettings;
  /** Sign-in through an OpenID Connect provider; off when absent or null. */
  oidc?: OidcSettings | null;
  /** The SMTP server letters go out through; email letters fail (and say so) without one. */
  mail?: MailSettings | null;
  /** Who may read `/metrics` (default: loopback clients only; ADR 0040). */
  metricsAccess?: MetricsAccess;
  /** How long one client may take to send its request (DEFAULT_TIMEOUTS; tests shorten them). */
  timeouts?: Partial<ServerTimeouts>;
  /**
   * Also encode every response by its zod schema and require the same JSON (ADR 0061): on in
   * tests, off in production, where the compiled writer alone keeps to the schema's fields.
   */
  checkResponses?: boolean;
}

/** Time limits on a client, so a slow one cannot hold a connection open (ADR 0037). */
export interface ServerTimeouts {
  /** The request line and headers must arrive within this (slowloris). */
  headersMs: number;
  /** The whole request, body included (a 14 MB complaint upload on a slow phone fits). */
  requestMs: number;
  /** A socket with no traffic either way is closed after this. */
  idleMs: number;
  /** How often Node looks for requests over their limits. */
  checkEveryMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 120_000,
  idleMs: 60_000,
  checkEveryMs: 1_000,
};

/** Builds the HTTP application: plugins, then routes. main.ts listens; tests call inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  // the request schemas check codes against the profile this process serves (ADR 0045)
  useVocabularies(vocabulariesOf(deps.profile));
  const now = deps.now ?? (() => new Date());
  const timeouts = { ...DEFAULT_TIMEOUTS, ...deps.timeouts };
  const app = Fastify({
    bodyLimit: deps.bodyLimit ?? 1_048_576,
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    http: {
      headersTimeout: timeouts.headersMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    },
    logger: {
      level: deps.logLevel ?? 'info',
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      // headers may carry tokens; bodies are never logged
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: {
        // the path only: a query string may hold a person's name (`/api/v1/cases?q=…`)
        req: (req) => ({
          method: req.method,
          url: req.url.split('?')[0],
          host: req.host,
          remoteAddress: req.ip,
          remotePort: req.socket?.remotePort,
        }),
      },
    },
    trustProxy: false,
    // a random id per request, in every log line of it (`reqId`) and in the response's
    // x-request-id header: a person reporting a failure can quote it, and it stays unique across
    // restarts and app servers (Fastify's default counter restarts at req-1 with each process)
    genReqId: () => crypto.randomUUID(),
    frameworkErrors,
  });
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  if (deps.onRoute) {
    const tell = deps.onRoute;
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        tell({ method, url: route.url });
      }
    });
  }
  app.setValidatorCompiler(validatorCompiler);
  const serializerCompiler = responseSerializerCompiler(deps.checkResponses ?? false);
  app.setSerializerCompiler(serializerCompiler);
  const webRoot =
    deps.webRoot && fs.existsSync(path.join(deps.webRoot, 'index.html')) ? deps.webRoot : undefined;
  registerErrorHandler(app, { webRoot });
  await registerSecurityHeaders(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Oversight API',
        version: '0.1.0',
        description:
          'Staff case-management API for civilian police oversight. Errors are application/problem+json (RFC 9457) with a stable `code`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'ovs_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
      tags: [
        { name: 'public', description: 'The public door: no sign-in, allowlisted fields only' },
        {
          name: 'press',
          description:
            'The press-inquiry log across the office: an inquiry about no case or several, answered with a published statement or with free text a second person reviews (ADR 0047)',
        },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const sessions = deps.sessions ?? DEFAULT_SESSION_SETTINGS;
  await app.register(cookie);
  registerAuth(app, { db: deps.db, jurisdiction: deps.jurisdiction, now, sessions });

  const ctx = routeContext({ ...deps, now });
  registerMetrics(app, {
    db: deps.db,
    jurisdiction: deps.jurisdiction,
    now,
    access: deps.metricsAccess ?? 'loopback',
  });
  await app.register(healthRoutes, { ctx });
  await app.register(caseRoutes, { ctx, prefix: '/api/v1' });
  await app.register(memberRoutes, { ctx, prefix: '/api/v1' });
  await app.register(statementRoutes, { ctx, prefix: '/api/v1' });
  await app.register(pressInquiryRoutes, { ctx, prefix: '/api/v1' });
  await app.register(narrativeReviewRoutes, { ctx, prefix: '/api/v1' });
  await app.register(facilityRoutes, { ctx, prefix: '/api/v1' });
  await app.register(eisRoutes, { ctx, prefix: '/api/v1' });
  await app.register(reportRoutes, {
    ctx,
    threshold: { ...DEFAULT_PUBLIC_OPTIONS, ...deps.publicPortal }.suppressionThreshold,
    prefix: '/api/v1',
  });
  await app.register(auditRoutes, { ctx, prefix: '/api/v1' });
  await app.register(accessRoutes, { ctx, prefix: '/api/v1' });
  await app.register(privacyRoutes, { ctx, prefix: '/api/v1' });
  // sign-in is throttled per address in its own scope (ADR 0010 left this to issue 6)
  await app.register(async (scope) => {
    await limitScope(scope, deps.signInRateLimit ?? DEFAULT_SIGN_IN_LIMIT, {
      name: 'sign-in',
      applies: (request) => request.method === 'POST',
      // the password and the TOTP code step count separately: one sign-in is one attempt of each
      bucket: (request) => (request.url.startsWith('/api/v1/session/') ? 'code' : 'password'),
    });
    await scope.register(sessionRoutes, { ctx, sessions, prefix: '/api/v1' });
  });
  await app.register(dashboardRoutes, { ctx, prefix: '/api/v1' });
  await app.register(letterRoutes, { ctx, prefix: '/api/v1' });
  await app.register(tokenRoutes, {
    ctx,
    tokens: deps.tokens ?? DEFAULT_TOKEN_SETTINGS,
    prefix: '/api/v1',
  });
  // OpenID Connect sign-in: the callback (a code exchange, an audit row when refused) is
  // throttled per address like password sign-in (ADR 0016)
  await app.register(async (scope) => {
    await limitScope(scope, deps.signInRateLimit ?? DEFAULT_SIGN_IN_LIMIT, {
      name: 'organization sign-in',
      applies: (request) => request.url.startsWith('/api/v1/session/oidc/callback'),
    });
    await scope.register(oidcRoutes, {
      ctx,
      sessions,
      oidc: deps.oidc ? createOidcClient(deps.oidc) : null,
      prefix: '/api/v1',
    });
  });
  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      // one route per built file; every other page path is the not-found handler's SPA fallback
      wildcard: false,
      setHeaders(reply, filePath) {
        // Vite fingerprints everything under assets/: it never changes under the same name
        void reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  const publicOptions = { ...DEFAULT_PUBLIC_OPTIONS, ...deps.publicPortal };
  const publication = await watchPublication(deps.db, publicOptions.cacheEntries);
  app.decorate('publication', publication);
  app.addHook('onClose', () => publication.close());
  await app.register(publicRoutes, {
    ctx,
    options: publicOptions,
    published: publication,
    serializerCompiler,
    prefix: '/api/public/v1',
  });
  return app;
}
