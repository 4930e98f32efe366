import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../app.ts';

/** GET /health — liveness plus database reachability. */
export const healthRoutes: FastifyPluginAsyncZod<{ ctx: RouteContext }> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        security: [],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.literal('ok'), engine: z.string() }),
          503: z.object({
            status: z.literal('degraded'),
            database: z.literal('unreachable'),
            engine: z.string(),
          }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await ctx.db.query('SELECT 1');
        return { status: 'ok' as const, database: 'ok' as const, engine: ctx.db.engine };
      } catch {
        return reply.status(503).send({
          status: 'degraded' as const,
          database: 'unreachable' as const,
          engine: ctx.db.engine,
        });
      }
    },
  );
};
