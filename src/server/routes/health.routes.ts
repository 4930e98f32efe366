import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from './context.ts';
import { checkReadiness } from '../commands/readiness.ts';

/**
 * GET /health and GET /ready, for an orchestrator (ADR 0040). /health says the process is alive
 * and answers without touching the database: a liveness probe that failed with the database
 * would restart every app server during a database failover, when restarting helps nothing.
 * /ready says this server may take traffic: the database answers and its schema is the one this
 * code expects (no pending migration); otherwise 503 with a problem body naming which.
 */
export const healthRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), engine: z.string() }) },
      },
    },
    () => ({ status: 'ok' as const, engine: ctx.db.engine }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['health'],
        security: [],
        response: {
          200: z.object({ status: z.literal('ready'), engine: z.string() }),
        },
      },
    },
    async () => {
      await checkReadiness(ctx.db);
      return { status: 'ready' as const, engine: ctx.db.engine };
    },
  );
};
